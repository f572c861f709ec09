import { Loader, VStack } from '@navikt/ds-react';
import { useCallback, useMemo, type ReactNode } from 'react';
import { AuthProvider, useAuth } from 'react-oidc-context';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { callbackPath, loginState, mayRelogin, oidcSettings, returnPath } from './auth';
import { newClient } from './client';
import { AppHeader } from './components/AppHeader';
import { ErrorState } from './components/ErrorState';
import type { AppConfig } from './config';
import { meDocument } from './me';
import { Home } from './pages/Home';
import { Landing } from './pages/Landing';

export function App({ config }: { config: AppConfig }) {
  return (
    <BrowserRouter>
      <Auth config={config}>
        <Shell dev={config.dev} />
      </Auth>
    </BrowserRouter>
  );
}

/** Auth logs in at the configured provider and, once back, goes to the page the person came from. */
function Auth({ config, children }: { config: AppConfig; children: ReactNode }) {
  const navigate = useNavigate();
  const settings = useMemo(() => oidcSettings(config), [config]);
  // Replacing the history entry drops the code and state from the address bar.
  const onSigninCallback = useCallback(
    (user: { state?: unknown } | void) => void navigate(returnPath(user?.state), { replace: true }),
    [navigate],
  );
  return (
    <AuthProvider {...settings} onSigninCallback={onSigninCallback}>
      {children}
    </AuthProvider>
  );
}

function Shell({ dev }: { dev: boolean }) {
  const auth = useAuth();
  const { signinRedirect, signoutRedirect } = auth;
  const token = auth.user?.access_token;
  const login = useCallback(() => void signinRedirect({ state: loginState() }), [signinRedirect]);
  const client = useMemo(
    () =>
      newClient(
        () => token,
        () => {
          if (mayRelogin()) login();
        },
      ),
    [token, login],
  );

  const busy = auth.isLoading || Boolean(auth.activeNavigator);
  let page: ReactNode;
  if (busy) {
    page = <Waiting text={auth.activeNavigator === 'signoutRedirect' ? 'Logger ut …' : 'Logger inn …'} />;
  } else if (auth.error) {
    page = <ErrorState message="Innloggingen mislyktes. Prøv å logge inn på nytt." onRetry={login} retryLabel="Logg inn" />;
  } else if (!auth.isAuthenticated) {
    page = <Landing onLogin={login} dev={dev} />;
  } else {
    page = <Home onLogin={login} />;
  }

  return (
    <UrqlProvider value={client}>
      <a className="skip-link" href="#innhold">
        Hopp til innhold
      </a>
      {auth.isAuthenticated ? <SignedInHeader onLogout={() => void signoutRedirect()} /> : <AppHeader />}
      <main id="innhold" tabIndex={-1} className="app-main">
        <Routes>
          <Route index element={page} />
          {/* The provider sends the person back here; Auth moves on once the login is complete. */}
          <Route path={callbackPath} element={busy || auth.error ? page : <Navigate to="/" replace />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </main>
    </UrqlProvider>
  );
}

function SignedInHeader({ onLogout }: { onLogout: () => void }) {
  const [{ data }] = useQuery({ query: meDocument });
  return <AppHeader me={data?.me} onLogout={onLogout} />;
}

function Waiting({ text }: { text: string }) {
  return (
    <VStack align="center" role="status">
      <Loader size="xlarge" title={text} />
    </VStack>
  );
}
