import { Button, HStack } from '@navikt/ds-react';

/**
 * FormButtons are a form's submit button and, when the form can be left,
 * its cancel button ("Avbryt").
 */
export function FormButtons({
  busy,
  onCancel,
  submit = 'Lagre',
  size,
  variant,
  disabled,
}: {
  busy: boolean;
  onCancel?: () => void;
  submit?: string;
  size?: 'small';
  variant?: 'danger';
  disabled?: boolean;
}) {
  return (
    <HStack gap="space-8">
      <Button type="submit" size={size} variant={variant} loading={busy} disabled={disabled}>
        {submit}
      </Button>
      {onCancel && (
        <Button type="button" size={size} variant="tertiary" onClick={onCancel}>
          Avbryt
        </Button>
      )}
    </HStack>
  );
}
