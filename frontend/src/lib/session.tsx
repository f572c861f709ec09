import { createContext, useContext } from 'react';
import type { MeQuery } from '../gql/graphql';

/** Session is who is logged in, the access token for requests outside GraphQL (PDFs, CSV), and what this installation offers. */
export interface Session {
  me: MeQuery['me'];
  token: () => string | undefined;
  /** Digipost is set up here (the server's config.json); without it, notices go by letter or through the police. */
  digipost?: boolean;
}

export const SessionContext = createContext<Session | undefined>(undefined);

/** useSession is the logged-in person; only pages behind the login use it. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a logged-in page');
  return s;
}

/** useHasRole says whether the logged-in person holds one of the roles. */
export function useHasRole(...roles: string[]): boolean {
  const { me } = useSession();
  return me.roles.some((r) => roles.includes(r));
}
