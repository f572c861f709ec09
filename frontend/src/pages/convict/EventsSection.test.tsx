import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newClient } from '../../client';
import { EventsSection } from './EventsSection';

const kinds = [
  { kind: 'LEAVE', name: 'permisjon', notifiable: true, legalBasis: 'straffegjennomføringsloven § 36 tredje ledd', notifiedInAdvance: true, refusal: null },
  { kind: 'ESCAPE', name: 'unndragelse', notifiable: true, legalBasis: 'straffegjennomføringsloven § 40 siste ledd', notifiedInAdvance: false, refusal: null },
  {
    kind: 'TRANSFER_TO_OTHER_PRISON',
    name: 'overføring til annet fengsel',
    notifiable: false,
    legalBasis: null,
    notifiedInAdvance: true,
    refusal: { rule: 'EV2', provision: 'straffegjennomføringsloven § 7 b', message: 'Det er ikke hjemmel for å varsle om overføring til annet fengsel.' },
  },
];

let sent: { operationName: string; variables: Record<string, unknown> }[] = [];

beforeEach(() => {
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      const req = JSON.parse(String(init?.body));
      sent.push(req);
      const data =
        req.operationName === 'EventKinds'
          ? { eventKinds: kinds }
          : req.operationName === 'ConvictEvents'
            ? { node: { __typename: 'Convict', id: '1', custodyEvents: { totalCount: 0, edges: [] } } }
            : { rulebook: [] };
      return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderSection() {
  render(
    <MemoryRouter>
      <Provider value={newClient(() => 't', () => undefined)}>
        <EventsSection convictId="1" />
      </Provider>
    </MemoryRouter>,
  );
}

describe('registering a custody event', () => {
  it('explains a kind that may not be notified before anyone tries, with its rule (EV2)', async () => {
    renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Registrer hendelse' }));
    const kind = await screen.findByLabelText('Hva skjer');
    await screen.findByRole('option', { name: 'Overføring til annet fengsel' });
    expect(screen.getByRole('group', { name: 'Kan ikke varsles' })).toContainElement(screen.getByRole('option', { name: 'Overføring til annet fengsel' }));
    await userEvent.selectOptions(kind, 'TRANSFER_TO_OTHER_PRISON');
    const why = screen.getByRole('status');
    expect(why).toHaveTextContent('Overføring til annet fengsel varsles ikke.');
    expect(why).toHaveTextContent('Det er ikke hjemmel for å varsle om overføring til annet fengsel.');
    expect(why).toHaveTextContent('Regel EV2 · straffegjennomføringsloven § 7 b');
    expect(screen.getByRole('button', { name: 'Registrer' })).toBeDisabled();
  });

  it('says an escape is notified after it happened, and asks when it happened (NT2, EV6)', async () => {
    renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Registrer hendelse' }));
    await screen.findByRole('option', { name: 'Unndragelse' });
    await userEvent.selectOptions(screen.getByLabelText('Hva skjer'), 'ESCAPE');
    expect(screen.getByText(/snarest mulig etter unndragelsen \(NT2\)/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Til')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Registrer' }));
    expect(screen.getByText(/Oppgi tidspunktet/)).toHaveTextContent('(EV6)');
    expect(sent.some((r) => r.operationName === 'RegisterCustodyEvent')).toBe(false);
  });
});
