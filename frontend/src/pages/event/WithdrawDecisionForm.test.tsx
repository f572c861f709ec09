import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newClient } from '../../client';
import { WithdrawDecisionForm } from './WithdrawDecisionForm';

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

function renderForm(onDone = vi.fn()) {
  render(
    <Provider value={newClient(() => 't', () => undefined)}>
      <WithdrawDecisionForm decisionId="7" onDone={onDone} onCancel={() => undefined} />
    </Provider>,
  );
  return onDone;
}

describe('withdrawing a decision', () => {
  it('sends the decision and the reasons, and is done when the server accepts (DC1, NT8)', async () => {
    answer = { data: { withdrawDecision: { __typename: 'Decision', id: '7', status: 'WITHDRAWN', withdrawnAt: '2026-12-03T12:00:00Z', withdrawReason: 'Feil.' } } };
    const onDone = renderForm();
    await userEvent.type(screen.getByLabelText('Hvorfor vedtaket trekkes tilbake (må fylles ut)'), 'Vurderingen bygde på feil opplysninger.');
    await userEvent.click(screen.getByRole('button', { name: 'Trekk tilbake vedtaket' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent[0]?.operationName).toBe('WithdrawDecision');
    expect(sent[0]?.variables).toEqual({ in: { decisionId: '7', reason: 'Vurderingen bygde på feil opplysninger.' } });
  });

  it('marks the reason field with the refusal and cites the rule (DC1)', async () => {
    answer = {
      data: null,
      errors: [
        {
          message: 'Skriv hvorfor vedtaket trekkes tilbake.',
          extensions: { code: 'BAD_USER_INPUT', rule: 'DC1', provision: 'forvaltningsloven §§ 24–25 og 35', field: 'reason' },
        },
      ],
    };
    const onDone = renderForm();
    const reason = screen.getByLabelText('Hvorfor vedtaket trekkes tilbake (må fylles ut)');
    // Empty, it is not sent: the browser says what is missing at the field.
    await userEvent.click(screen.getByRole('button', { name: 'Trekk tilbake vedtaket' }));
    expect(reason).toHaveFocus();
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Fyll ut hvorfor vedtaket trekkes tilbake.'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // The server's refusal naming the field is shown there too.
    await userEvent.type(reason, '.');
    reason.blur();
    await userEvent.click(screen.getByRole('button', { name: 'Trekk tilbake vedtaket' }));
    await vi.waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
    expect(reason).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Vedtaket ble ikke trukket tilbake');
    expect(screen.getByRole('alert')).toHaveTextContent('DC1');
    expect(onDone).not.toHaveBeenCalled();
  });
});
