import { Loader, VStack } from '@navikt/ds-react';
import { useMemo, useRef } from 'react';
import { AuthProvider, useAuth } from 'react-oidc-context';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { callbackPath, oidcSettings } from './auth';
import { newClient } from './client';
import { AppHeader } from './components/AppHeader';
import { ErrorState } from './components/ErrorState';
import type { AppConfig } from './config';
import { meDocument } from './me';
import { Home } from './pages/Home';
import { Landing } from './pages/Landing';

export function App({ config }: { config: AppConfig }) {
  return (
    <AuthProvider {...oidcSettings(config)}>
      <BrowserRouter>
        <Shell config={config} />
      </BrowserRouter>
    </AuthProvider>
  );
}

function Shell({ config }: { config: AppConfig }) {
  const auth = useAuth();
  const token = useRef<string | undefined>(undefined);
  token.current = auth.user?.access_token;
  const login = auth.signinRedirect;
  const client = useMemo(() => newClient(() => token.current, () => void login()), [login]);

  if (auth.isLoading || auth.activeNavigator) {
    return <Waiting text="Logger inn …" />;
  }
  if (auth.error) {
    return (
      <main id="innhold" className="app-main">
        <ErrorState message="Innloggingen mislyktes. Prøv å logge inn på nytt." onRetry={() => void login()} />
      </main>
    );
  }
  if (!auth.isAuthenticated) {
    return <Landing onLogin={() => void login()} dev={config.dev} />;
  }
  return (
    <UrqlProvider value={client}>
      <a className="skip-link" href="#innhold">
        Hopp til innhold
      </a>
      <Header onLogout={() => void auth.signoutRedirect()} />
      <Routes>
        <Route path={callbackPath} element={<Navigate to="/" replace />} />
        <Route path="/" element={<Home />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </UrqlProvider>
  );
}

function Header({ onLogout }: { onLogout: () => void }) {
  const [{ data }] = useQuery({ query: meDocument });
  return <AppHeader me={data?.me} onLogout={onLogout} />;
}

function Waiting({ text }: { text: string }) {
  return (
    <main id="innhold" className="app-main">
      <VStack align="center">
        <Loader size="xlarge" title={text} />
      </VStack>
    </main>
  );
}
