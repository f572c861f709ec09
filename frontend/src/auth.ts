import { WebStorageStateStore } from 'oidc-client-ts';
import type { AuthProviderProps } from 'react-oidc-context';
import type { AppConfig } from './config';

export const callbackPath = '/auth/callback';

/**
 * oidcSettings logs in with the authorization code flow and PKCE at the
 * configured provider. The session lives in sessionStorage: it ends with the
 * browser tab, which suits shared office PCs.
 */
export function oidcSettings(config: AppConfig, origin = window.location.origin): AuthProviderProps {
  return {
    authority: config.oidc.authority,
    client_id: config.oidc.client_id,
    scope: config.oidc.scope,
    redirect_uri: origin + callbackPath,
    post_logout_redirect_uri: origin + '/',
    response_type: 'code',
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Drop the code and state from the address bar once they are used.
    onSigninCallback: () => window.history.replaceState({}, document.title, window.location.pathname),
  };
}
