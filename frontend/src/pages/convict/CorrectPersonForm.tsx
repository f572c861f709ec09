import { Alert, Checkbox, Heading, Textarea, VStack } from '@navikt/ds-react';
import { useId, useState, type FormEvent } from 'react';
import { FormButtons } from '../../components/FormButtons';
import { personInput, PersonFields, policeDelivers, type PersonDraft } from '../../components/PersonFields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { AddressProtection, WrittenStandard } from '../../gql/graphql';
import { useAction } from '../../lib/useAction';

const correctDocument = graphql(`
  mutation CorrectPerson($in: CorrectPersonInput!) {
    correctPerson(input: $in) {
      changed
    }
  }
`);

/** The person as registered, as the case file shows it (the address is not read here: PR2). */
export interface RegisteredPerson {
  id: string;
  name: string;
  birthDate?: string | null;
  addressProtection: AddressProtection;
  writtenStandard: WrittenStandard;
  underGuardianship?: boolean;
  policeDistrict?: { id: string } | null;
}

/**
 * CorrectPersonForm corrects what is registered about a victim or survivor
 * (NT8). Fields left empty keep what is stored — the identity number and the
 * address are not shown here; a strengt fortrolig address erases every stored
 * part (RC9). Notices not yet sent follow at once: to the right addressee,
 * through the police, in the right written standard.
 */
export function CorrectPersonForm({
  kind,
  person,
  policeDistricts,
  onDone,
  onCancel,
}: {
  kind: 'victim' | 'survivor';
  person: RegisteredPerson;
  policeDistricts: { id: string; name: string }[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const heading = useId();
  const [draft, setDraft] = useState<PersonDraft>({
    name: person.name,
    nin: '',
    birthDate: person.birthDate ?? '',
    addressLine: '',
    postalCode: '',
    postalPlace: '',
    country: '',
    addressProtection: person.addressProtection,
    writtenStandard: person.writtenStandard,
    policeDistrictId: person.policeDistrict?.id ?? '',
  });
  const [underGuardianship, setUnderGuardianship] = useState(!!person.underGuardianship);
  const [reason, setReason] = useState('');
  const action = useAction(correctDocument, onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = kind === 'victim' ? { victimId: person.id } : { survivorId: person.id };
    void action.submit({ in: { ...id, person: personInput(draft), underGuardianship, reason } });
  };
  const erasing = policeDelivers(draft.addressProtection) && !policeDelivers(person.addressProtection);
  return (
    <form onSubmit={submit} className="panel" aria-labelledby={heading}>
      <VStack gap="space-12">
        <Heading id={heading} level="3" size="small">
          Rett opplysninger om {person.name}
        </Heading>
        <Alert variant="info" size="small" inline>
          Felt du lar stå tomme, beholder det som er registrert – også fødselsnummer og adresse. Varsler som ikke er sendt, følger endringen (NT8).
        </Alert>
        <PersonFields value={draft} onChange={setDraft} policeDistricts={policeDistricts} field={action.field} correcting />
        {erasing && (
          <Alert variant="warning" size="small">
            Adressen slettes når adressen blir strengt fortrolig, og politiet leverer varslene (RC9).
          </Alert>
        )}
        <Checkbox checked={underGuardianship} onChange={(e) => setUnderGuardianship(e.target.checked)}>
          Under vergemål (varsler går til vergen, RC6)
        </Checkbox>
        <Textarea
          {...action.field('reason', { label: 'Hvorfor opplysningene rettes', required: true, kind: 'paragraphs', value: reason })}
          description="Lagres i historikken"
          value={reason} onChange={(e) => setReason(e.target.value)} minRows={2} />
        <ProblemMessage problem={action.problem} heading="Opplysningene ble ikke rettet" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Lagre rettelsen" />
      </VStack>
    </form>
  );
}
