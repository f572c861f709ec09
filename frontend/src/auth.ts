import { WebStorageStateStore } from 'oidc-client-ts';
import type { AuthProviderNoUserManagerProps } from 'react-oidc-context';
import type { AppConfig } from './config';

export const callbackPath = '/auth/callback';

/**
 * oidcSettings logs in with the authorization code flow and PKCE at the
 * configured provider. The session lives in sessionStorage: it ends with the
 * browser tab, which suits shared office PCs.
 */
export function oidcSettings(config: AppConfig, location: Location = window.location): AuthProviderNoUserManagerProps {
  return {
    authority: config.oidc.authority,
    client_id: config.oidc.client_id,
    scope: config.oidc.scope,
    redirect_uri: location.origin + callbackPath,
    post_logout_redirect_uri: location.origin + '/',
    response_type: 'code',
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Only the callback page completes a login; other pages may one day
    // carry their own "code" and "state" query parameters.
    skipSigninCallback: location.pathname !== callbackPath,
  };
}

/** LoginState travels through the identity provider and back. */
export interface LoginState {
  returnTo: string;
}

/** loginState remembers the page a person was on, to return there after logging in. */
export function loginState(location: Pick<Location, 'pathname' | 'search'> = window.location): LoginState {
  return { returnTo: location.pathname === callbackPath ? '/' : location.pathname + location.search };
}

/**
 * returnPath is where to go once logged in: the remembered page, and never
 * anywhere outside the app ("//host" and "/\host" would leave it).
 */
export function returnPath(state: unknown): string {
  const to = (state as Partial<LoginState> | null | undefined)?.returnTo;
  if (typeof to !== 'string' || !/^\/(?![/\\])/.test(to) || to.startsWith(callbackPath)) return '/';
  return to;
}

const reloginKey = 'varsel.relogin';
const reloginPause = 60_000;

/**
 * mayRelogin says whether a login the server no longer accepts may start a
 * fresh one now. A second refusal within a minute of the last fresh login
 * means something else is wrong; the person is told instead of being sent
 * round in circles.
 */
export function mayRelogin(now = Date.now(), store: Storage = window.sessionStorage): boolean {
  const last = Number(store.getItem(reloginKey) ?? 0);
  if (now - last < reloginPause) return false;
  store.setItem(reloginKey, String(now));
  return true;
}
