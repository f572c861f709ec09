import type { CombinedError } from 'urql';

/** Problem is what a person is told when the server refuses or fails. */
export interface Problem {
  /** The server's code: BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT … */
  code?: string;
  /** The rulebook's ID, when a rule refused (e.g. EV2). */
  rule?: string;
  /** The legal provision behind the rule. */
  provision?: string;
  /** The input field at fault, by its API name (dotted for nested input, e.g. "factors.minorRecipient"). */
  field?: string;
  /** For a conflict: the ID of the record that already holds what was to be registered, when the person may see it. */
  existing?: string;
  message: string;
}

const fallback: Record<string, string> = {
  UNAUTHENTICATED: 'Du er ikke lenger logget inn. Logg inn på nytt.',
  FORBIDDEN: 'Du har ikke tilgang til dette med rollen din.',
  NOT_FOUND: 'Fant det ikke, eller du har ikke tilgang til det.',
  CONFLICT: 'Noen andre endret dette samtidig. Last siden på nytt og se om det fortsatt må gjøres.',
  INTERNAL: 'Noe gikk galt på serveren. Prøv igjen om litt; vedvarer feilen, kontakt brukerstøtte.',
};

/**
 * problemOf turns a GraphQL or network error into what the person can act
 * on: the server's own Norwegian message, with the rule and the provision
 * when a rule refused. Internal errors never show their details (the server
 * does not send them).
 */
export function problemOf(error: CombinedError | undefined): Problem | undefined {
  if (!error) return undefined;
  const first = error.graphQLErrors[0];
  if (!first) {
    return { code: 'NETWORK', message: 'Fikk ikke kontakt med Varsel. Sjekk nettverket og prøv igjen.' };
  }
  const ext = first.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  const rule = typeof ext.rule === 'string' ? ext.rule : undefined;
  const provision = typeof ext.provision === 'string' ? ext.provision : undefined;
  const field = typeof ext.field === 'string' && ext.field !== '' ? ext.field : undefined;
  const existing = typeof ext.existing === 'string' && ext.existing !== '' ? ext.existing : undefined;
  const message = code === 'INTERNAL' || !first.message ? (fallback[code ?? 'INTERNAL'] ?? fallback.INTERNAL!) : first.message;
  return { code, rule, provision, field, existing, message };
}

/** citation reads "Regel EV2 · straffegjennomføringsloven § 7 b". */
export function citation(rule?: string, provision?: string): string {
  return [rule && `Regel ${rule}`, provision].filter(Boolean).join(' · ');
}
