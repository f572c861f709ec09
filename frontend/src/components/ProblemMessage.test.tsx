import { render, screen } from '@testing-library/react';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { problemOf } from '../lib/errors';
import { ProblemMessage } from './ProblemMessage';

function errorWith(message: string, extensions: Record<string, unknown>) {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
}

describe('a refusal tells why', () => {
  it('shows the rule, the provision and the Norwegian message (EV2)', () => {
    const problem = problemOf(
      errorWith('Det er ikke hjemmel for å varsle om overføring til annet fengsel.', {
        code: 'BAD_USER_INPUT',
        rule: 'EV2',
        provision: 'straffegjennomføringsloven § 7 b',
      }),
    );
    render(<ProblemMessage problem={problem} heading="Hendelsen ble ikke registrert" />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Hendelsen ble ikke registrert');
    expect(alert).toHaveTextContent('Det er ikke hjemmel for å varsle om overføring til annet fengsel.');
    expect(alert).toHaveTextContent('Regel EV2 · straffegjennomføringsloven § 7 b');
  });

  it('never shows what an internal error says, and says what to do instead', () => {
    const problem = problemOf(errorWith('pq: relation "x" does not exist', { code: 'INTERNAL' }));
    expect(problem?.message).not.toContain('pq:');
    expect(problem?.message).toContain('Prøv igjen om litt');
  });

  it('a conflict says someone else got there first', () => {
    expect(problemOf(errorWith('', { code: 'CONFLICT' }))?.message).toContain('Noen andre endret dette samtidig');
  });

  it('without a server answer it blames the network', () => {
    expect(problemOf(new CombinedError({ networkError: new Error('offline') }))?.message).toContain('Fikk ikke kontakt med Varsel');
  });
});

describe('a refusal names the field at fault', () => {
  it('keeps the field the server named (extensions.field)', () => {
    const problem = problemOf(errorWith('Skriv begrunnelsen.', { code: 'BAD_USER_INPUT', rule: 'DC7', provision: 'p', field: 'reasoning' }));
    expect(problem?.field).toBe('reasoning');
  });

  it('has no field when the server names none', () => {
    expect(problemOf(errorWith('Nei.', { code: 'BAD_USER_INPUT', rule: 'AS2' }))?.field).toBeUndefined();
  });
});
