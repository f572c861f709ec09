import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newClient } from '../../client';
import { CorrectCaseForm, type RegisteredCase } from './CorrectCaseForm';

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

const serving: RegisteredCase = { id: '4', caseNumber: '22-1', status: 'SERVING', offenceCategories: ['VIOLENCE'], courtReasoning: 'Grov vold.' };

function renderForm(c = serving) {
  const onDone = vi.fn();
  render(
    <Provider value={newClient(() => 't', () => undefined)}>
      <CorrectCaseForm criminalCase={c} onDone={onDone} onCancel={() => undefined} />
    </Provider>,
  );
  return onDone;
}

describe('correcting a criminal case', () => {
  it('sends only what changed, with the reason (RC1, NT8)', async () => {
    answer = { data: { correctCriminalCase: { __typename: 'CriminalCase', id: '4', status: 'COMPLETED', offenceCategories: ['VIOLENCE'], courtReasoning: 'Grov vold.' } } };
    const onDone = renderForm();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'COMPLETED');
    await userEvent.type(screen.getByLabelText('Hvorfor saken rettes (må fylles ut)'), 'Straffen er gjennomført.');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre rettelsen' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent[0]?.operationName).toBe('CorrectCriminalCase');
    expect(sent[0]?.variables).toEqual({ in: { criminalCaseId: '4', status: 'COMPLETED', reason: 'Straffen er gjennomført.' } });
  });

  it('shows the refusal of a change to a completed case on the status, with its rule (RC1)', async () => {
    answer = {
      data: null,
      errors: [
        {
          message: 'Saken er avsluttet: domfelte gjennomfører ikke lenger straffen i den, og ingen varsles i den. Den kan ikke endres.',
          extensions: { code: 'BAD_USER_INPUT', rule: 'RC1', provision: 'retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.2', field: 'status' },
        },
      ],
    };
    const onDone = renderForm({ ...serving, status: 'COMPLETED' });
    await userEvent.click(screen.getByRole('checkbox', { name: /Trusler/ }));
    await userEvent.type(screen.getByLabelText('Hvorfor saken rettes (må fylles ut)'), 'Rettet.');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre rettelsen' }));
    const status = screen.getByLabelText('Status');
    await vi.waitFor(() => expect(status).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('alert')).toHaveTextContent('Saken ble ikke rettet');
    expect(screen.getByRole('alert')).toHaveTextContent('RC1');
    expect(sent[0]?.variables).toEqual({ in: { criminalCaseId: '4', offenceCategories: ['VIOLENCE', 'THREATS'], reason: 'Rettet.' } });
    expect(onDone).not.toHaveBeenCalled();
  });
});
