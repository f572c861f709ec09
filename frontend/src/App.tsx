import { Loader, VStack } from '@navikt/ds-react';
import { lazy, Suspense, useCallback, useMemo, type ReactNode } from 'react';
import { AuthProvider, useAuth } from 'react-oidc-context';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { callbackPath, loginState, mayRelogin, oidcSettings, returnPath } from './auth';
import { errorCode, newClient } from './client';
import { AppHeader } from './components/AppHeader';
import { DevClockBanner } from './components/DevClockBanner';
import { setServiceClock } from './lib/clock';
import { ErrorState } from './components/ErrorState';
import { MainNav } from './components/MainNav';
import { PageChange } from './components/PageChange';
import type { AppConfig } from './config';
import { mayOpen, navItems, startPage } from './lib/nav';
import { SessionContext, type Session } from './lib/session';
import { meDocument } from './me';
import { AuditPage } from './pages/AuditPage';
import { ConvictPage } from './pages/ConvictPage';
import { ConvictsPage } from './pages/ConvictsPage';
import { DisclosuresPage } from './pages/DisclosuresPage';
import { EventPage } from './pages/EventPage';
import { Home } from './pages/Home';
import { Landing } from './pages/Landing';
import { NotFound } from './pages/NotFound';
import { PoliceReportPage } from './pages/PoliceReportPage';
import { PoliceRequestPage } from './pages/PoliceRequestPage';
import { PoliceRequestsPage } from './pages/PoliceRequestsPage';
import { PrintBatchPage } from './pages/PrintBatchPage';
import { RetentionPage } from './pages/RetentionPage';
import { NationalQueuePage } from './pages/NationalQueuePage';
import { WorklistPage } from './pages/WorklistPage';

// The charts are big and only analysts and leaders open them: loaded when needed.
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));

export function App({ config }: { config: AppConfig }) {
  return (
    <BrowserRouter>
      <Auth config={config}>
        <Shell dev={config.dev} digipost={config.digipost === true} />
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

function Shell({ dev, digipost }: { dev: boolean; digipost: boolean }) {
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
  let content: ReactNode;
  if (busy) {
    content = <Waiting text={auth.activeNavigator === 'signoutRedirect' ? 'Logger ut …' : 'Logger inn …'} />;
  } else if (auth.error) {
    content = <ErrorState message="Innloggingen mislyktes. Prøv å logge inn på nytt." onRetry={login} retryLabel="Logg inn" />;
  }

  return (
    <UrqlProvider value={client}>
      <a className="skip-link" href="#innhold">
        Hopp til innhold
      </a>
      {auth.isAuthenticated && !busy ? (
        <SignedIn token={() => token} digipost={digipost} onLogin={login} onLogout={() => void signoutRedirect()} />
      ) : (
        <>
          <AppHeader />
          <main id="innhold" tabIndex={-1} className="app-main">
            {content ?? (
              <Routes>
                <Route path={callbackPath} element={<Navigate to="/" replace />} />
                <Route path="*" element={<Landing onLogin={login} dev={dev} />} />
              </Routes>
            )}
          </main>
        </>
      )}
    </UrqlProvider>
  );
}

interface SignedInProps {
  token: () => string | undefined;
  digipost: boolean;
  onLogin: () => void;
  onLogout: () => void;
}

/** SignedIn is the app for a person who is logged in: their menu and the pages their roles open. */
function SignedIn({ token, digipost, onLogin, onLogout }: SignedInProps) {
  const [{ data, error }, reexecute] = useQuery({ query: meDocument });
  if (data) setServiceClock(data.clock.now, data.clock.simulated);
  const session = useMemo<Session | undefined>(() => (data ? { me: data.me, token, digipost } : undefined), [data, token, digipost]);
  let body: ReactNode;
  if (session) {
    body = <Pages roles={session.me.roles} onLogin={onLogin} />;
  } else if (error) {
    body =
      errorCode(error) === 'UNAUTHENTICATED' ? (
        <ErrorState message="Du er ikke lenger logget inn." onRetry={onLogin} retryLabel="Logg inn på nytt" />
      ) : (
        <ErrorState
          message="Kunne ikke hente brukerinformasjon. Prøv igjen."
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      );
  } else {
    body = <Waiting text="Henter brukerinformasjon …" />;
  }
  return (
    <SessionContext.Provider value={session}>
      <AppHeader me={data?.me} onLogout={onLogout} nav={session ? navItems(session.me.roles) : undefined} />
      {data?.clock.simulated && <DevClockBanner now={data.clock.now} />}
      {session && <MainNav roles={session.me.roles} />}
      {session && <PageChange />}
      <main id="innhold" tabIndex={-1} className="app-main">
        {body}
      </main>
    </SessionContext.Provider>
  );
}

function Pages({ roles, onLogin }: { roles: readonly string[]; onLogin: () => void }) {
  const { pathname } = useLocation();
  if (!mayOpen(roles, pathname)) {
    return <ErrorState message="Rollen din gir ikke tilgang til denne siden." />;
  }
  return (
    <Routes>
      <Route index element={<Navigate to={startPage(roles)} replace />} />
      <Route path={callbackPath} element={<Navigate to={startPage(roles)} replace />} />
      <Route path="/min-side" element={<Home onLogin={onLogin} />} />
      <Route path="/arbeidsliste" element={<WorklistPage />} />
      <Route path="/utskrift" element={<PrintBatchPage />} />
      <Route path="/domfelte" element={<ConvictsPage />} />
      <Route path="/domfelte/:id" element={<ConvictPage />} />
      <Route path="/hendelser/:id" element={<EventPage />} />
      <Route path="/politi" element={<PoliceRequestsPage />} />
      <Route path="/politi/anmodninger/:id" element={<PoliceRequestPage />} />
      <Route path="/politi/melding" element={<PoliceReportPage />} />
      <Route path="/utlevering" element={<DisclosuresPage />} />
      <Route
        path="/statistikk"
        element={
          <Suspense fallback={<Waiting text="Henter statistikken …" />}>
            <DashboardPage />
          </Suspense>
        }
      />
      <Route path="/revisjon" element={<AuditPage />} />
      <Route path="/sletting" element={<RetentionPage />} />
      <Route path="/nasjonal-ko" element={<NationalQueuePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function Waiting({ text }: { text: string }) {
  return (
    <VStack align="center" role="status">
      <Loader size="xlarge" title={text} />
    </VStack>
  );
}
