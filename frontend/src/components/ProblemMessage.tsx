import { Alert, BodyShort, Detail, VStack } from '@navikt/ds-react';
import { citation, type Problem } from '../lib/errors';

interface Props {
  problem?: Problem;
  /** What was being done, e.g. "Vedtaket ble ikke lagret". */
  heading?: string;
}

/**
 * ProblemMessage shows why the server refused: the message in Norwegian and,
 * for a rule, which rule and provision — so the caseworker sees why, not only
 * that. It is announced to screen readers as it appears.
 */
export function ProblemMessage({ problem, heading }: Props) {
  if (!problem) return null;
  return (
    <Alert variant={problem.code === 'BAD_USER_INPUT' ? 'warning' : 'error'} role="alert" size="small">
      <VStack gap="space-4">
        {heading && <BodyShort weight="semibold">{heading}</BodyShort>}
        <BodyShort>{problem.message}</BodyShort>
        {(problem.rule || problem.provision) && <Detail>{citation(problem.rule, problem.provision)}</Detail>}
      </VStack>
    </Alert>
  );
}
