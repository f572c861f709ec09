import { createContext, useContext } from 'react';
import type { MeQuery } from '../gql/graphql';

/** Session is who is logged in, and the access token for requests outside GraphQL (PDFs, CSV). */
export interface Session {
  me: MeQuery['me'];
  token: () => string | undefined;
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
