import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newClient } from '../../client';
import { RegisteredInErrorForm, type InErrorTarget } from './RegisteredInErrorForm';

let sent: { operationName: string; variables: Record<string, unknown> }[] = [];
let answer: unknown;

beforeEach(() => {
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderForm(target: InErrorTarget, what: string) {
  const onDone = vi.fn();
  render(
    <Provider value={newClient(() => 't', () => undefined)}>
      <RegisteredInErrorForm target={target} what={what} onDone={onDone} onCancel={() => undefined} />
    </Provider>,
  );
  return onDone;
}

describe('registered in error', () => {
  it('marks a victim with the reason, and says nothing is deleted (NT8, PR3)', async () => {
    answer = { data: { markRegisteredInError: '5' } };
    const onDone = renderForm({ victimId: '5' }, 'Emma Solberg');
    expect(screen.getByText(/Ingenting slettes/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Hva var feil (må fylles ut)'), 'Ikke fornærmet i saken.');
    await userEvent.click(screen.getByRole('button', { name: 'Merk som registrert ved en feil' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent[0]?.operationName).toBe('MarkRegisteredInError');
    expect(sent[0]?.variables).toEqual({ in: { victimId: '5', reason: 'Ikke fornærmet i saken.' } });
  });

  it('shows why an event that was notified cannot be marked (NT8)', async () => {
    answer = {
      data: null,
      errors: [
        {
          message: 'Et varsel om hendelsen er sendt eller under sending. Avlys hendelsen i stedet, så får de som er varslet beskjed.',
          extensions: { code: 'BAD_USER_INPUT', rule: 'NT8', provision: 'retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5' },
        },
      ],
    };
    const onDone = renderForm({ custodyEventId: '3' }, 'hendelsen');
    await userEvent.type(screen.getByLabelText('Hva var feil (må fylles ut)'), 'Feil dato.');
    await userEvent.click(screen.getByRole('button', { name: 'Merk som registrert ved en feil' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Registreringen ble ikke merket');
    expect(alert).toHaveTextContent('Avlys hendelsen i stedet');
    expect(alert).toHaveTextContent('NT8');
    expect(onDone).not.toHaveBeenCalled();
    expect(sent[0]?.variables).toEqual({ in: { custodyEventId: '3', reason: 'Feil dato.' } });
  });
});
