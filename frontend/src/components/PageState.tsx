import { BodyShort, Box, Loader, VStack } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { problemOf } from '../lib/errors';
import { ErrorState } from './ErrorState';

interface Props {
  fetching: boolean;
  error?: CombinedError;
  hasData: boolean;
  /** What is being fetched, e.g. "arbeidslisten". */
  what: string;
  retry: () => void;
  children: ReactNode;
}

/**
 * PageState shows a page's data once it has come: a loader while it comes,
 * and the server's reason with a way to try again when it fails.
 */
export function PageState({ fetching, error, hasData, what, retry, children }: Props) {
  if (error && !hasData) {
    const p = problemOf(error);
    return <ErrorState message={`Kunne ikke hente ${what}. ${p?.message ?? ''}`.trim()} onRetry={retry} />;
  }
  if (fetching && !hasData) {
    return (
      <VStack align="center" role="status" padding="space-24">
        <Loader size="large" title={`Henter ${what} …`} />
      </VStack>
    );
  }
  return <>{children}</>;
}

/** Empty says there is nothing to show, and why that is good news or what to do. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Box padding="space-16" background="sunken" borderRadius="8">
      <BodyShort>{children}</BodyShort>
    </Box>
  );
}
