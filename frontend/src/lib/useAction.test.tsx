import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Radio, RadioGroup, Textarea } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { parse } from 'graphql';
import { Provider, type TypedDocumentNode } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newClient } from '../client';
import { ProblemMessage } from '../components/ProblemMessage';
import { InformStep } from '../pages/event/DecisionSteps';
import type { CustodyEventData } from '../pages/event/document';
import { useAction } from './useAction';

/** The server's answer to every mutation in a test: a refusal with its extensions, or data. */
let answer: { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown };

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      // The web app sends each operation by its hash and name (trusted documents).
      const req = JSON.parse(String(init?.body)) as { operationName: string };
      const body = req.operationName === 'AppealDeadlineFor' ? { data: { appealDeadlineFor: null } } : answer;
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function withClient(ui: ReactNode) {
  return render(<Provider value={newClient(() => 't', () => undefined)}>{ui}</Provider>);
}

function refusal(field: string | undefined, rule = 'DC1', message = 'Vedtaket skal begrunnes.') {
  return { errors: [{ message, extensions: { code: 'BAD_USER_INPUT', rule, provision: 'forvaltningsloven § 24', ...(field ? { field } : {}) } }] };
}

// Any mutation will do: the server's answer is the test's (parsed here, so codegen does not check it against the schema).
const saveDocument = parse('mutation Save($in: String!) { save(in: $in) }') as TypedDocumentNode<{ save: boolean }, { in: string }>;

/** A small form as the app's forms are built: Aksel fields tied to the server's refusals, and the summary. */
function Form() {
  const action = useAction(saveDocument);
  return (
    <form
      aria-label="Skjema"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: '' });
      }}
    >
      <RadioGroup {...action.field('how')} legend="Hvordan">
        <Radio value="LETTER">Brev</Radio>
        <Radio value="ORAL">Muntlig</Radio>
      </RadioGroup>
      <Textarea {...action.field('reasoning')} label="Begrunnelse" />
      <Textarea {...action.field('factors.minorRecipient')} label="Særlig vurdering" />
      <ProblemMessage problem={action.problem} heading="Ble ikke lagret" />
      <Button type="submit">Lagre</Button>
    </form>
  );
}

describe('a refusal that names a field', () => {
  it('marks that field with the message, moves focus to it, and keeps the summary', async () => {
    answer = refusal('reasoning');
    withClient(<Form />);
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    const field = await screen.findByRole('textbox', { name: 'Begrunnelse' });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Vedtaket skal begrunnes.'));
    expect(field).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Særlig vurdering' })).not.toHaveAttribute('aria-invalid', 'true');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Ble ikke lagret');
    expect(alert).toHaveTextContent('Regel DC1 · forvaltningsloven § 24');
  });

  it('finds a nested field by its dotted name (AS4: the minor recipient)', async () => {
    answer = refusal('factors.minorRecipient', 'AS4', 'Mottakeren er under 18 år. Varsling skal vurderes særlig nøye.');
    withClient(<Form />);
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    const field = screen.getByRole('textbox', { name: 'Særlig vurdering' });
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Begrunnelse' })).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('focuses the first choice of a group of radio buttons', async () => {
    answer = refusal('how', 'DC3', 'Oppgi hvordan domfelte ble underrettet.');
    withClient(<Form />);
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Brev' })).toHaveFocus());
    const group = screen.getByRole('radiogroup', { name: 'Hvordan' });
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(group).toHaveTextContent('Oppgi hvordan domfelte ble underrettet.');
  });

  it('without a field, marks nothing and leaves focus where it was', async () => {
    answer = refusal(undefined, 'AS2', 'Sikkerheten er ikke vurdert.');
    withClient(<Form />);
    const button = screen.getByRole('button', { name: 'Lagre' });
    await userEvent.click(button);
    await screen.findByRole('alert');
    expect(screen.getByRole('textbox', { name: 'Begrunnelse' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(button).toHaveFocus();
  });

  it('clears the marking when the next try succeeds', async () => {
    answer = refusal('reasoning');
    withClient(<Form />);
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    const field = screen.getByRole('textbox', { name: 'Begrunnelse' });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    answer = { data: { save: true } };
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(field).not.toHaveAttribute('aria-invalid', 'true'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('the event page marks the field the server refused', () => {
  it('informing the convict in the future marks «Når domfelte fikk vedtaket» (DC3)', async () => {
    answer = refusal('informedAt', 'DC3', 'Tidspunktet for underretningen kan ikke være i fremtiden.');
    const event = { id: 'e1', decisions: [{ id: 'd1', status: 'IN_FORCE', appeals: [] }] } as unknown as CustodyEventData;
    withClient(<InformStep event={event} onChanged={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Registrer underretningen' }));
    const when = screen.getByLabelText('Når domfelte fikk vedtaket (må fylles ut)');
    await waitFor(() => expect(when).toHaveFocus());
    expect(when).toHaveAttribute('aria-invalid', 'true');
    expect(when).toHaveAccessibleDescription(expect.stringContaining('kan ikke være i fremtiden'));
    expect(screen.getByRole('alert')).toHaveTextContent('Underretningen ble ikke registrert');
  });
});
