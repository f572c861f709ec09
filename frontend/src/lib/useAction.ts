import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { problemOf, type Problem } from './errors';

/** The props that tie an input to the server's refusals: pass them to an Aksel field. */
export interface FieldProps {
  ref: (el: HTMLElement | null) => void;
  /** The server's message, when it named this field; Aksel marks the field invalid and shows it. */
  error?: string;
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
  const fields = useRef(new Map<string, HTMLElement>());
  const submit = useCallback(
    async (variables: Variables): Promise<Data | undefined> => {
      setProblem(undefined);
      const result = await run(variables);
      if (result.error || !result.data) {
        setProblem(problemOf(result.error) ?? { message: 'Ingen svar fra serveren. Prøv igjen.' });
        return undefined;
      }
      onDone?.(result.data);
      return result.data;
    },
    [run, onDone],
  );

  // Once the field shows its error, focus it: a screen reader then reads the label and the error.
  useEffect(() => {
    const el = problem?.field ? fields.current.get(problem.field) : undefined;
    if (el) focusable(el)?.focus();
  }, [problem]);

  const field = useCallback(
    (name: string): FieldProps => ({
      ref: (el) => {
        if (el) fields.current.set(name, el);
        else fields.current.delete(name);
      },
      error: problem?.field === name ? problem.message : undefined,
    }),
    [problem],
  );

  return { busy: fetching, problem, submit, field, clear: () => setProblem(undefined) };
}

/** focusable is the element itself when it takes focus, or the first input inside it (a radio group's fieldset). */
function focusable(el: HTMLElement): HTMLElement | null {
  if (el.matches('input, select, textarea, button, [tabindex]')) return el;
  return el.querySelector<HTMLElement>('input:checked, input, select, textarea');
}
