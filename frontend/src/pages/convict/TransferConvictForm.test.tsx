import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newClient } from '../../client';
import { TransferConvictForm } from './TransferConvictForm';

const units = [
  { __typename: 'Unit', id: '1', name: 'Oslo fengsel', kind: 'LOCAL' },
  { __typename: 'Unit', id: '2', name: 'Bergen fengsel', kind: 'LOCAL' },
  { __typename: 'Unit', id: '3', name: 'Region øst', kind: 'REGION' },
];

let sent: { operationName: string; variables: Record<string, unknown> }[] = [];
let answer: unknown;

beforeEach(() => {
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      const req = JSON.parse(String(init?.body));
      sent.push(req);
      const body = req.operationName === 'TransferUnits' ? { data: { units } } : answer;
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  render(
    <MemoryRouter>
      <Provider value={newClient(() => 't', () => undefined)}>
        <TransferConvictForm convict={{ id: '9', name: 'Martin Berg', unit: { id: '1', name: 'Oslo fengsel' } }} onCancel={() => undefined} />
      </Provider>
    </MemoryRouter>,
  );
}

describe('transferring a convict', () => {
  it('offers only other local units, and says the case has moved when done (PR5, DC2)', async () => {
    answer = { data: { transferConvict: { __typename: 'Convict', id: '9', unit: { __typename: 'Unit', id: '2', name: 'Bergen fengsel' } } } };
    renderForm();
    await screen.findByRole('option', { name: 'Bergen fengsel' });
    expect(screen.queryByRole('option', { name: 'Oslo fengsel' })).not.toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Region øst' })).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Ny enhet (må fylles ut)'), '2');
    await userEvent.type(screen.getByLabelText('Hvorfor domfelte overføres (må fylles ut)'), 'Overført etter søknad.');
    await userEvent.click(screen.getByRole('button', { name: 'Overfør domfelte' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Martin Berg er overført til Bergen fengsel');
    const mutation = sent.find((r) => r.operationName === 'TransferConvict');
    expect(mutation?.variables).toEqual({ in: { convictId: '9', unitId: '2', reason: 'Overført etter søknad.' } });
  });

  it('shows a refusal with its rule on the field it names (PR5)', async () => {
    answer = {
      data: null,
      errors: [
        {
          message: 'Du kan bare overføre domfelte fra en enhet du arbeider for.',
          extensions: { code: 'BAD_USER_INPUT', rule: 'PR5', provision: 'personopplysningsloven', field: 'unitId' },
        },
      ],
    };
    renderForm();
    await screen.findByRole('option', { name: 'Bergen fengsel' });
    await userEvent.selectOptions(screen.getByLabelText('Ny enhet (må fylles ut)'), '2');
    await userEvent.type(screen.getByLabelText('Hvorfor domfelte overføres (må fylles ut)'), 'Overført etter søknad.');
    await userEvent.click(screen.getByRole('button', { name: 'Overfør domfelte' }));
    const unit = screen.getByLabelText('Ny enhet (må fylles ut)');
    await vi.waitFor(() => expect(unit).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('alert')).toHaveTextContent('Domfelte ble ikke overført');
    expect(screen.getByRole('alert')).toHaveTextContent('PR5');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('is not sent without a unit and a reason: the browser says so at the unit, which takes focus', async () => {
    renderForm();
    await screen.findByRole('option', { name: 'Bergen fengsel' });
    await userEvent.click(screen.getByRole('button', { name: 'Overfør domfelte' }));
    const unit = screen.getByLabelText('Ny enhet (må fylles ut)');
    expect(unit).toHaveFocus();
    expect(unit).toHaveAccessibleDescription('Velg ny enhet.');
    expect(screen.getByLabelText('Hvorfor domfelte overføres (må fylles ut)')).toHaveAccessibleDescription(expect.stringContaining('Fyll ut hvorfor domfelte overføres.'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
