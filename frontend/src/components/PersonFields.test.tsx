import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { newClient } from '../client';
import { emptyPerson, personInput, PersonFields, type PersonDraft } from './PersonFields';

function Form({ onChange }: { onChange: (p: PersonDraft) => void }) {
  const [p, setP] = useState<PersonDraft>(emptyPerson);
  return (
    <Provider value={newClient(() => undefined, () => undefined)}>
      <PersonFields
        value={p}
        onChange={(next) => {
          setP(next);
          onChange(next);
        }}
        policeDistricts={[{ id: '9', name: 'Oslo politidistrikt' }]}
      />
    </Provider>
  );
}

describe('registering a person', () => {
  it('takes a postal address for an unprotected person, never an e-mail or phone field (NT1)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"data":{"rulebook":[]}}', { headers: { 'content-type': 'application/json' } })));
    render(<Form onChange={() => undefined} />);
    expect(screen.getByLabelText('Postadresse')).toBeInTheDocument();
    expect(screen.queryByLabelText(/e-post/i)).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/telefon/i)).not.toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it('a strictly confidential address (code 6) is never asked for: the police deliver (RC9)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"data":{"rulebook":[]}}', { headers: { 'content-type': 'application/json' } })));
    let last: PersonDraft = emptyPerson;
    render(<Form onChange={(p) => (last = p)} />);
    await userEvent.type(screen.getByLabelText('Postadresse'), 'Skjultveien 1');
    await userEvent.selectOptions(screen.getByLabelText('Adressesperre'), 'STRENGT_FORTROLIG');
    expect(screen.queryByLabelText('Postadresse')).not.toBeInTheDocument();
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
});
