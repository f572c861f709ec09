import { HStack, Select, TextField, VStack } from '@navikt/ds-react';
import type { AddressProtection, PersonInput, WrittenStandard } from '../gql/graphql';
import { protectionLabels, writtenStandardLabels } from '../lib/labels';
import { RuleNote } from '../lib/rulebook';
import type { FieldFn } from '../lib/useAction';
import { TimeField } from './TimeField';
import { Options } from './Options';

/** PersonDraft is a person being registered, as the form holds it. */
export interface PersonDraft {
  name: string;
  nin: string;
  birthDate: string;
  addressLine: string;
  postalCode: string;
  postalPlace: string;
  country: string;
  addressProtection: AddressProtection;
  writtenStandard: WrittenStandard;
  policeDistrictId: string;
}

export const emptyPerson: PersonDraft = {
  name: '',
  nin: '',
  birthDate: '',
  addressLine: '',
  postalCode: '',
  postalPlace: '',
  country: '',
  addressProtection: 'NONE',
  writtenStandard: 'NB',
  policeDistrictId: '',
};

/** policeDelivers: a strictly confidential or unknown address means the police deliver, and no address is kept (RC9). */
export function policeDelivers(p: AddressProtection): boolean {
  return p === 'STRENGT_FORTROLIG' || p === 'STRENGT_FORTROLIG_UTLAND' || p === 'UNKNOWN';
}

/** personInput is the API's PersonInput for a draft; an address is never sent where the police deliver (RC9). */
export function personInput(p: PersonDraft): PersonInput {
  const noAddress = policeDelivers(p.addressProtection);
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    name: p.name.trim(),
    nationalIdentityNumber: opt(p.nin.replace(/\s/g, '')),
    birthDate: opt(p.birthDate),
    addressLine: noAddress ? undefined : opt(p.addressLine),
    postalCode: noAddress ? undefined : opt(p.postalCode),
    postalPlace: noAddress ? undefined : opt(p.postalPlace),
    country: noAddress ? undefined : opt(p.country),
    addressProtection: p.addressProtection,
    writtenStandard: p.writtenStandard,
    policeDistrictId: opt(p.policeDistrictId),
  };
}

interface Props {
  value: PersonDraft;
  onChange: (p: PersonDraft) => void;
  policeDistricts: { id: string; name: string }[];
  /** Ties each field to its checks and the server's refusals (useAction's field), by its name in PersonInput under "person". */
  field: FieldFn;
  /** A correction: fields left empty keep what is registered, so none must be filled in. */
  correcting?: boolean;
}

/**
 * PersonFields registers who a victim, survivor or guardian is and where a
 * letter reaches them: a postal address only, never an e-mail address or a
 * phone number (NT1), and none at all where the police deliver (RC9).
 */
export function PersonFields({ value: p, onChange, policeDistricts, field, correcting = false }: Props) {
  const must = !correcting;
  const set = (patch: Partial<PersonDraft>) => onChange({ ...p, ...patch });
  const police = policeDelivers(p.addressProtection);
  // An address a letter is sent to needs a street line and, in Norway, a postal code and place (RC9).
  const inNorway = p.country.trim() === '' || /^(norge|noreg|norway|no|nor)$/i.test(p.country.trim());
  return (
    <VStack gap="space-12">
      <TextField {...field('person.name', { label: 'Navn', required: must, value: p.name })} value={p.name} onChange={(e) => set({ name: e.target.value })} autoComplete="off" />
      <HStack gap="space-16">
        <TextField
          {...field('person.nationalIdentityNumber', { label: 'Fødselsnummer eller D-nummer', kind: 'identityNumber', value: p.nin })}
          description="11 siffer (PR1)"
          inputMode="numeric"
          value={p.nin}
          onChange={(e) => set({ nin: e.target.value })}
          autoComplete="off"
        />
        <TimeField
          {...field('person.birthDate', { label: 'Fødselsdato', kind: 'date', value: p.birthDate })}
          description="Avgjør om mottakeren er under 18 år (RC5)"
          type="date"
          value={p.birthDate}
          onChange={(e) => set({ birthDate: e.target.value })}
        />
      </HStack>
      <HStack gap="space-16">
        <Select
          {...field('person.addressProtection')}
          label="Adressesperre"
          value={p.addressProtection}
          onChange={(e) => set({ addressProtection: e.target.value as AddressProtection })}
        >
          <Options names={protectionLabels} />
        </Select>
        <Select {...field('person.writtenStandard')} label="Målform i brev" value={p.writtenStandard} onChange={(e) => set({ writtenStandard: e.target.value as WrittenStandard })}>
          <Options names={writtenStandardLabels} />
        </Select>
      </HStack>
      {police ? (
        <RuleNote ids={['RC9']} />
      ) : (
        <VStack gap="space-12">
          <TextField
            {...field('person.addressLine', {
              label: 'Postadresse',
              required: must,
              value: p.addressLine,
              missing: 'Fyll ut adressen, eller velg at den er ukjent eller strengt fortrolig så politiet besørger varselet.',
            })}
            description="Gate og nummer eller postboks – aldri e-post eller telefonnummer (NT1)"
            value={p.addressLine}
            onChange={(e) => set({ addressLine: e.target.value })}
            autoComplete="off"
          />
          <HStack gap="space-16">
            <TextField
              {...field('person.postalCode', { label: 'Postnummer', required: must && inNorway, value: p.postalCode })}
              inputMode="numeric"
              htmlSize={6}
              value={p.postalCode}
              onChange={(e) => set({ postalCode: e.target.value })}
            />
            <TextField {...field('person.postalPlace', { label: 'Poststed', required: must && inNorway, value: p.postalPlace })} value={p.postalPlace} onChange={(e) => set({ postalPlace: e.target.value })} />
            <TextField {...field('person.country', { label: 'Land', value: p.country })} description="Hvis ikke Norge" value={p.country} onChange={(e) => set({ country: e.target.value })} />
          </HStack>
        </VStack>
      )}
      <Select
        {...field('person.policeDistrictId', { label: 'Politidistrikt', kind: 'choice', required: must && police, value: p.policeDistrictId, missing: 'Velg politidistriktet som skal besørge varselet.' })}
        description={police ? 'Politiet i dette distriktet leverer varselet (RC9)' : 'Leverer hvis adressen senere sperres'}
        value={p.policeDistrictId}
        onChange={(e) => set({ policeDistrictId: e.target.value })}
      >
        <option value="">Ikke valgt</option>
        {policeDistricts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </Select>
    </VStack>
  );
}
