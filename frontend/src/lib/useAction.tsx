import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { serviceNow } from './clock';
import { problemOf, type Problem } from './errors';
import { checkIdentityNumber, checkText, checkYear, type TextKind } from './validation';

/**
 * Check is what the browser checks of a field before the form is sent, with
 * the server's own limits (lib/validation): whether it must be filled in,
 * and what kind of value it holds.
 */
export interface Check {
  /** The value as the form holds it. */
  value: string | readonly string[] | boolean | undefined;
  /** The field's label: the props then carry it, marked «(må fylles ut)» when required. */
  label?: string;
  /**
   * A radio or checkbox group's legend, instead of label: the props then carry it, marked when
   * required, but no aria-required (a group's fieldset may not have it; its inputs say enough).
   */
  legend?: string;
  required?: boolean;
  /**
   * line (the default for text) or paragraphs: the server's length and characters;
   * identityNumber: PR1; date: a date or date and time in 1900–2199; choice: a select or radio group.
   */
  kind?: TextKind | 'identityNumber' | 'date' | 'choice';
  /** What to say when a required field is empty; by default «Fyll ut …» or «Velg …» with the label. */
  missing?: string;
  /** A check of the form's own, on a filled-in value (e.g. an end after its start). */
  test?: (value: string) => string | undefined;
}

/** The props that tie an input to its checks and the server's refusals: pass them to an Aksel field. */
export interface FieldProps {
  ref: (el: HTMLElement | null) => void;
  /** What is wrong with the field, from the browser's checks or the server's refusal naming it; Aksel marks the field invalid and shows it. */
  error?: string;
  'aria-required'?: true;
}

/**
 * FieldFn gives a field's props by its API name: with a check, the browser
 * checks it before sending; with a label or legend in the check, the props
 * carry it, marked when the field must be filled in.
 */
export interface FieldFn {
  (name: string, check: Check & { label: string }): FieldProps & { label: ReactNode };
  (name: string, check: Check & { legend: string }): FieldProps & { legend: ReactNode };
  (name: string, check?: Check): FieldProps;
}

/** requiredLabel marks a label visibly as one that must be filled in; screen readers hear it from aria-required. */
export function requiredLabel(label: string): ReactNode {
  return (
    <>
      {label} <span className="required-mark">(må fylles ut)</span>
    </>
  );
}

/** fieldError is what is wrong with a value under its check, or undefined. */
export function fieldError(check: Check): string | undefined {
  const v = check.value;
  const empty = v === undefined || v === false || (typeof v === 'string' ? v.trim() === '' : Array.isArray(v) && v.length === 0);
  if (empty) {
    if (!check.required) return undefined;
    if (check.missing) return check.missing;
    const name = check.label ?? check.legend;
    const what = name ? lowerFirst(name) : 'feltet';
    return check.kind === 'choice' ? `Velg ${what}.` : `Fyll ut ${what}.`;
  }
  if (typeof v !== 'string') return undefined;
  switch (check.kind) {
    case 'choice':
      break;
    case 'identityNumber':
      return checkIdentityNumber(v, serviceNow()) ?? check.test?.(v);
    case 'date':
      return checkYear(v) ?? check.test?.(v);
    default:
      return checkText(v, check.kind ?? 'line') ?? check.test?.(v);
  }
  return check.test?.(v);
}

function lowerFirst(s: string): string {
  // «Navn» → «navn», but «INFOFLYT» and «D-nummer» keep their capitals.
  return /^[A-ZÆØÅ][a-zæøå]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/**
 * useAction runs a mutation and says what came of it: busy while it runs,
 * the server's problem (rule, provision, message) when it refused, and
 * onDone with the data when it succeeded — where the page fetches afresh
 * what the change touched.
 *
 * When the server names the input field at fault (extensions.field, e.g.
 * "reasoning" or "factors.minorRecipient"), field(name) marks that field
 * with the message and focus moves to it, so that the person lands where
 * the fix is; the summary (ProblemMessage) stays as well.
 */
export function useAction<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  onDone?: (data: Data) => void,
) {
  const [{ fetching }, run] = useMutation(document);
  const [problem, setProblem] = useState<Problem | undefined>();
  // After a submit the browser refused, each field's check runs as the person types, so an error goes as it is fixed.
  const [checked, setChecked] = useState(false);
  const [focusFirst, setFocusFirst] = useState(0);
  const fields = useRef(new Map<string, HTMLElement>());
  const checks = useRef(new Map<string, Check>());

  /** firstInvalid is the first field on the page (in document order) whose check fails. */
  const firstInvalid = useCallback((): HTMLElement | undefined => {
    const invalid: HTMLElement[] = [];
    for (const [name, el] of fields.current) {
      const check = checks.current.get(name);
      if (check && el.isConnected && fieldError(check)) invalid.push(el);
    }
    invalid.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return invalid[0];
  }, []);

  const submit = useCallback(
    /** variables, or a function that gives them once the fields have passed their checks (e.g. a time converted from what was typed). */
    async (variables: Variables | (() => Variables)): Promise<Data | undefined> => {
      setProblem(undefined);
      if (firstInvalid()) {
        setChecked(true);
        setFocusFirst((n) => n + 1);
        return undefined;
      }
      setChecked(false);
      const vars = typeof variables === 'function' ? (variables as () => Variables)() : variables;
      const result = await run(vars);
      if (result.error || !result.data) {
        setProblem(problemOf(result.error) ?? { message: 'Ingen svar fra serveren. Prøv igjen.' });
        return undefined;
      }
      onDone?.(result.data);
      return result.data;
    },
    [run, onDone, firstInvalid],
  );

  useEffect(() => {
    if (focusFirst === 0) return;
    const el = firstInvalid();
    if (el) focusable(el)?.focus();
  }, [focusFirst, firstInvalid]);

  // Once the field shows its error, focus it: a screen reader then reads the label and the error.
  useEffect(() => {
    const el = problem?.field ? fields.current.get(problem.field) : undefined;
    if (el) focusable(el)?.focus();
  }, [problem]);

  const field = useCallback(
    (name: string, check?: Check): FieldProps & { label?: ReactNode; legend?: ReactNode } => {
      if (check) checks.current.set(name, check);
      else checks.current.delete(name);
      const props: FieldProps & { label?: ReactNode; legend?: ReactNode } = {
        ref: (el) => {
          if (el) fields.current.set(name, el);
          else fields.current.delete(name);
        },
        error: (checked && check ? fieldError(check) : undefined) ?? (problem?.field === name ? problem.message : undefined),
      };
      if (check?.label !== undefined) props.label = check.required ? requiredLabel(check.label) : check.label;
      if (check?.legend !== undefined) props.legend = check.required ? requiredLabel(check.legend) : check.legend;
      else if (check?.required) props['aria-required'] = true;
      return props;
    },
    [problem, checked],
  ) as FieldFn;

  return { busy: fetching, problem, submit, field, clear: () => setProblem(undefined) };
}

/** focusable is the element itself when it takes focus, or the first input inside it (a radio group's fieldset). */
function focusable(el: HTMLElement): HTMLElement | null {
  if (el.matches('input, select, textarea, button, [tabindex]')) return el;
  return el.querySelector<HTMLElement>('input:checked, input, select, textarea');
}
