import { Alert, BodyShort, Button, VStack } from '@navikt/ds-react';

interface Props {
  /** What could not be done, in words the person understands. */
  message: string;
  /** Try again; the button is shown only when there is something to retry. */
  onRetry?: () => void;
  /** The retry button's text, when "Prøv igjen" does not say what it does. */
  retryLabel?: string;
}

/** ErrorState tells a person what went wrong and what they can do about it. */
export function ErrorState({ message, onRetry, retryLabel = 'Prøv igjen' }: Props) {
  return (
    <Alert variant="error" role="alert">
      <VStack gap="space-8" align="start">
        <BodyShort>{message}</BodyShort>
        {onRetry && (
          <Button size="small" variant="secondary" onClick={onRetry}>
            {retryLabel}
          </Button>
        )}
      </VStack>
    </Alert>
  );
}
