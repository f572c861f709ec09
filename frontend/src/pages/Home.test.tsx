import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newClient } from '../client';
import { Home } from './Home';

const sara = {
  me: {
    name: 'Sara Nilsen',
    subject: 'saksbehandler',
    roles: ['CASEWORKER'],
    unit: { id: '1', name: 'Oslo fengsel', kind: 'LOCAL' },
    policeDistrict: null,
  },
  clock: { now: '2026-12-02T09:00:00Z', simulated: false },
};

function answer(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** serve makes /graphql give these answers in turn, and records the requests. */
function serve(...answers: (() => Response)[]) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => (answers.shift() ?? answers[0]!)());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderHome(onUnauthenticated = vi.fn(), onLogin = vi.fn()) {
  const client = newClient(() => 'token-1', onUnauthenticated);
  render(
    <Provider value={client}>
      <Home onLogin={onLogin} />
    </Provider>,
  );
  return { onUnauthenticated, onLogin };
}

afterEach(() => vi.unstubAllGlobals());

describe('Min side', () => {
  it('shows who is logged in, asking the server with the access token', async () => {
    const fetch = serve(() => answer({ data: sara }));
    renderHome();
    expect(await screen.findByText('Sara Nilsen')).toBeInTheDocument();
    expect(screen.getByText('Saksbehandler')).toBeInTheDocument();
    expect(screen.getByText('Oslo fengsel')).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer token-1');
    expect(headers.get('content-type')).toBe('application/json');
  });

  it('says so when the server fails, and tries again when asked', async () => {
    serve(
      () => answer({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL' } }] }),
      () => answer({ data: sara }),
    );
    renderHome();
    expect(await screen.findByRole('alert')).toHaveTextContent('Kunne ikke hente brukerinformasjon. Prøv igjen.');
    await userEvent.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    expect(await screen.findByText('Sara Nilsen')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('starts a fresh login when the server no longer accepts the login', async () => {
    serve(() => answer({ errors: [{ message: 'not logged in', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const { onUnauthenticated, onLogin } = renderHome();
    expect(await screen.findByRole('alert')).toHaveTextContent('Du er ikke lenger logget inn.');
    expect(onUnauthenticated).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Logg inn på nytt' }));
    expect(onLogin).toHaveBeenCalledOnce();
  });
});
