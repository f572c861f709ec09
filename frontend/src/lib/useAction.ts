import { useCallback, useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { problemOf, type Problem } from './errors';

/**
 * useAction runs a mutation and says what came of it: busy while it runs,
 * the server's problem (rule, provision, message) when it refused, and
 * onDone with the data when it succeeded — where the page fetches afresh
 * what the change touched.
 */
export function useAction<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  onDone?: (data: Data) => void,
) {
  const [{ fetching }, run] = useMutation(document);
  const [problem, setProblem] = useState<Problem | undefined>();
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
  return { busy: fetching, problem, submit, clear: () => setProblem(undefined) };
}
