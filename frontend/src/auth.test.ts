import { describe, expect, it } from 'vitest';
import { loginState, mayRelogin, oidcSettings, returnPath } from './auth';

const config = { oidc: { authority: 'http://127.0.0.1:9/oidc', client_id: 'varsel-spa', scope: 'openid profile' }, dev: true };

function at(path: string): Location {
  const url = new URL(path, 'http://127.0.0.1:9');
  return { origin: url.origin, pathname: url.pathname, search: url.search } as Location;
}

describe('logging in', () => {
  it('returns to the app at /auth/callback and logs out to the front page', () => {
    const s = oidcSettings(config, at('/'));
    expect(s.redirect_uri).toBe('http://127.0.0.1:9/auth/callback');
    expect(s.post_logout_redirect_uri).toBe('http://127.0.0.1:9/');
    expect(s.response_type).toBe('code');
  });

  it('completes a login only on the callback page', () => {
    expect(oidcSettings(config, at('/auth/callback?code=c&state=s')).skipSigninCallback).toBe(false);
    expect(oidcSettings(config, at('/?code=c&state=s')).skipSigninCallback).toBe(true);
  });

  it.each([
    ['the page the person was on', { returnTo: '/saker/1?fane=varsler' }, '/saker/1?fane=varsler'],
    ['no remembered page', undefined, '/'],
    ['another site', { returnTo: '//evil.example/' }, '/'],
    ['another site written with a backslash', { returnTo: '/\\evil.example/' }, '/'],
    ['a full address', { returnTo: 'https://evil.example/' }, '/'],
    ['the callback page itself', { returnTo: '/auth/callback?code=c' }, '/'],
  ])('after login, %s leads to %s', (_, state, path) => {
    expect(returnPath(state)).toBe(path);
  });

  it('remembers the page, but not the callback page', () => {
    expect(loginState(at('/saker?side=2'))).toEqual({ returnTo: '/saker?side=2' });
    expect(loginState(at('/auth/callback?code=c&state=s'))).toEqual({ returnTo: '/' });
  });

  it('starts a fresh login once, and not again within a minute', () => {
    const store = window.sessionStorage;
    store.clear();
    expect(mayRelogin(1_000_000, store)).toBe(true);
    expect(mayRelogin(1_030_000, store)).toBe(false);
    expect(mayRelogin(1_061_000, store)).toBe(true);
  });
});
