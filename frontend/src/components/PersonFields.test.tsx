import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'graphql';
import { useState } from 'react';
import { Provider, type TypedDocumentNode } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { newClient } from '../client';
import { useAction } from '../lib/useAction';
import { emptyPerson, personInput, PersonFields, type PersonDraft } from './PersonFields';

const saveDocument = parse('mutation Save($in: PersonInput!) { save(in: $in) }') as TypedDocumentNode<{ save: boolean }, { in: unknown }>;

function PersonForm({ onChange }: { onChange: (p: PersonDraft) => void }) {
  const [p, setP] = useState<PersonDraft>(emptyPerson);
  const action = useAction(saveDocument);
  return (
    <form
      aria-label="Ny fornærmet"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: personInput(p) });
      }}
    >
      <PersonFields
        value={p}
        onChange={(next) => {
          setP(next);
          onChange(next);
        }}
        policeDistricts={[{ id: '9', name: 'Oslo politidistrikt' }]}
        field={action.field}
      />
      <button type="submit">Lagre</button>
    </form>
  );
}

function Form({ onChange }: { onChange: (p: PersonDraft) => void }) {
  return (
    <Provider value={newClient(() => undefined, () => undefined)}>
      <PersonForm onChange={onChange} />
    </Provider>
  );
}

/** answers stubs the server: the rule notes' query gets an empty rulebook; any other request is counted. */
function answers() {
  const sent: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      const op = (JSON.parse(String(init?.body)) as { operationName: string }).operationName;
      if (op !== 'Rulebook') sent.push(op);
      return new Response('{"data":{"rulebook":[]}}', { headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}

describe('registering a person', () => {
  it('takes a postal address for an unprotected person, never an e-mail or phone field (NT1)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"data":{"rulebook":[]}}', { headers: { 'content-type': 'application/json' } })));
    render(<Form onChange={() => undefined} />);
    expect(screen.getByLabelText(/^Postadresse/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/e-post/i)).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/telefon/i)).not.toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it('a strictly confidential address (code 6) is never asked for: the police deliver (RC9)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"data":{"rulebook":[]}}', { headers: { 'content-type': 'application/json' } })));
    let last: PersonDraft = emptyPerson;
    render(<Form onChange={(p) => (last = p)} />);
    await userEvent.type(screen.getByLabelText(/^Postadresse/), 'Skjultveien 1');
    await userEvent.selectOptions(screen.getByLabelText('Adressesperre'), 'STRENGT_FORTROLIG');
    expect(screen.queryByLabelText(/^Postadresse/)).not.toBeInTheDocument();
    expect(screen.getByText(/leverer varselet \(RC9\)/)).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText(/Politidistrikt/), '9');
    // Even what was typed before the protection was chosen is not sent.
    const input = personInput({ ...last, name: 'Anne Moen' });
    expect(input.addressLine).toBeUndefined();
    expect(input.addressProtection).toBe('STRENGT_FORTROLIG');
    expect(input.policeDistrictId).toBe('9');
    vi.unstubAllGlobals();
  });

  it('an identity number is sent without spaces, and empty fields not at all (PR1)', () => {
    const input = personInput({ ...emptyPerson, name: ' Ingrid Solberg ', nin: '020688 41234', addressLine: 'Storgata 12' });
    expect(input).toMatchObject({ name: 'Ingrid Solberg', nationalIdentityNumber: '02068841234', addressLine: 'Storgata 12' });
    expect(input.birthDate).toBeUndefined();
    expect(input.postalCode).toBeUndefined();
  });

  it('marks what must be filled in, in the label and for screen readers', () => {
    answers();
    render(<Form onChange={() => undefined} />);
    const name = screen.getByLabelText('Navn (må fylles ut)');
    expect(name).toHaveAttribute('aria-required', 'true');
    expect(screen.getByLabelText(/^Postadresse \(må fylles ut\)/)).toHaveAttribute('aria-required', 'true');
    expect(screen.getByLabelText('Fødselsnummer eller D-nummer')).not.toHaveAttribute('aria-required');
    vi.unstubAllGlobals();
  });

  it('an empty form is not sent: the first missing field says so and takes focus', async () => {
    const sent = answers();
    render(<Form onChange={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    const name = screen.getByLabelText('Navn (må fylles ut)');
    expect(name).toHaveFocus();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Fyll ut navn.');
    expect(screen.getByLabelText(/^Postnummer/)).toHaveAccessibleDescription('Fyll ut postnummer.');
    expect(sent).toEqual([]);
    // The error goes as it is fixed.
    await userEvent.type(name, 'Anne Moen');
    expect(name).not.toHaveAttribute('aria-invalid');
  });

  it.each([
    ['a wrong check digit (PR1)', 'Fødselsnummer eller D-nummer', '01019000084', 'Fødselsnummeret har feil kontrollsiffer: det andre kontrollsifferet stemmer ikke med de ti første sifrene.'],
    ['ten digits (PR1)', 'Fødselsnummer eller D-nummer', '0101900008', 'Fødselsnummeret må ha 11 sifre.'],
    ['a name longer than one line may be', 'Navn (må fylles ut)', 'x'.repeat(201), 'Teksten er for lang: 201 tegn, høyst 200.'],
    ['a character that turns the writing direction', 'Navn (må fylles ut)', 'Ola\u202eNordmann', 'Teksten har et tegn som ikke kan lagres (tegn som snur skriveretningen, U+202E, tegn nummer 4).'],
  ])('%s is refused at the field before anything is sent', async (_what, label, typed, message) => {
    const sent = answers();
    render(<Form onChange={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Navn (må fylles ut)'), 'Anne Moen');
    await userEvent.type(screen.getByLabelText(/^Postadresse/), 'Storgata 1');
    await userEvent.type(screen.getByLabelText(/^Postnummer/), '0150');
    await userEvent.type(screen.getByLabelText(/^Poststed/), 'Oslo');
    const field = screen.getByLabelText(label);
    await userEvent.clear(field);
    // Pasted, as a long or odd text usually comes.
    field.focus();
    await userEvent.paste(typed);
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(sent).toEqual([]);
    vi.unstubAllGlobals();
  });

  it('a birth date outside 1900–2199 is refused, as the server refuses it', async () => {
    const sent = answers();
    render(<Form onChange={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Navn (må fylles ut)'), 'Anne Moen');
    await userEvent.selectOptions(screen.getByLabelText('Adressesperre'), 'UNKNOWN');
    await userEvent.selectOptions(screen.getByLabelText(/^Politidistrikt/), '9');
    const birth = screen.getByLabelText('Fødselsdato');
    await userEvent.type(birth, '1899-12-31');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(birth).toHaveFocus();
    expect(birth).toHaveAccessibleDescription(expect.stringContaining("Året må ligge mellom 1900 og 2199."));
    expect(sent).toEqual([]);
    vi.unstubAllGlobals();
  });
});
