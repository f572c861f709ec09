import { persistedExchange } from '@urql/exchange-persisted';
import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from 'urql';

/** errorCode is the server's code for a GraphQL error (UNAUTHENTICATED, FORBIDDEN …). */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  if (typeof code === 'string') return code;
  if (error?.response && (error.response as Response).status === 401) return 'UNAUTHENTICATED';
  return undefined;
}

/**
 * newClient talks to /graphql with POST only (the server refuses GET),
 * sending the current access token. When the server says the login is no
 * longer valid, onUnauthenticated starts a fresh login.
 *
 * Every operation goes as its hash from the build's manifest, never as a
 * document (trusted documents): in production the server runs only the web
 * app's own operations.
 */
export function newClient(getToken: () => string | undefined, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (errorCode(error) === 'UNAUTHENTICATED') onUnauthenticated();
        },
      }),
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        preferGetForPersistedQueries: false,
        generateHash: (_, document) => Promise.resolve((document as { __meta__?: { hash?: string } }).__meta__?.hash),
      }),
      fetchExchange,
    ],
    fetchOptions: (): RequestInit => {
      const token = getToken();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}
