import { TextField, type TextFieldProps } from '@navikt/ds-react';
import type { Ref } from 'react';

interface Props extends Omit<TextFieldProps, 'type'> {
  /** date, or datetime-local for a date and a time of day. */
  type: 'date' | 'datetime-local';
  ref?: Ref<HTMLInputElement>;
}

/**
 * TimeField is Aksel's text field as a native date or date-and-time input:
 * keyboard-friendly, labelled like every other field, and read as Norwegian
 * time by the caller (lib/format). Aksel types its TextField without these
 * input types; the field itself renders them as any other.
 */
export function TimeField({ type, ...props }: Props) {
  return <TextField {...props} {...({ type } as object)} />;
}
