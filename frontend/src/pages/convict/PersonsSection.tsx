import { Alert, BodyShort, Box, Button, Checkbox, CheckboxGroup, Detail, Heading, HStack, Select, Tag, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { emptyPerson, personInput, PersonFields, policeDelivers, type PersonDraft } from '../../components/PersonFields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type {
  AddressProtection,
  AgreementFrequency,
  CaseStatus,
  ConvictFileQuery,
  FamilyRelation,
  GuardianKind,
  NotificationAgreementHow,
  OffenceCategory,
  ReservationHow
} from '../../gql/graphql';
import { formatDate, instantOf, localInputValue, todayInNorway } from '../../lib/format';
import {
  caseStatusLabels,
  guardianKindLabels,
  label,
  offenceLabels,
  options,
  protectionLabels,
  relationLabels,
  writtenStandardLabels
} from '../../lib/labels';
import { RuleNote } from '../../lib/rulebook';
import { useAction } from '../../lib/useAction';
import { TimeField } from '../../components/TimeField';
import { Options } from '../../components/Options';
import { FormButtons } from '../../components/FormButtons';
import { serviceNow } from '../../lib/clock';
import { CorrectCaseForm } from './CorrectCaseForm';
import { CorrectPersonForm } from './CorrectPersonForm';
import { RegisteredInErrorForm } from './RegisteredInErrorForm';

type Convict = Extract<NonNullable<ConvictFileQuery['node']>, { __typename: 'Convict' }>;
type CriminalCase = NonNullable<Convict['criminalCases']>[number];
type Victim = NonNullable<CriminalCase['victims']>[number];
type Survivor = NonNullable<Victim['survivors']>[number];
type Guardian = NonNullable<Victim['guardians']>[number];
type District = { id: string; name: string };

const addCaseDocument = graphql(`
  mutation AddCriminalCase($in: AddCriminalCaseInput!) {
    addCriminalCase(input: $in) {
      id
    }
  }
`);
const addVictimDocument = graphql(`
  mutation AddVictim($in: AddVictimInput!) {
    addVictim(input: $in) {
      id
    }
  }
`);
const addSurvivorDocument = graphql(`
  mutation AddSurvivor($in: AddSurvivorInput!) {
    addSurvivor(input: $in) {
      id
    }
  }
`);
const addGuardianDocument = graphql(`
  mutation AddGuardian($in: AddGuardianInput!) {
    addGuardian(input: $in) {
      guardian {
        id
      }
      warnings
    }
  }
`);
const reservationDocument = graphql(`
  mutation RecordReservation($in: RecordReservationInput!) {
    recordReservation(input: $in) {
      id
    }
  }
`);
const liftReservationDocument = graphql(`
  mutation LiftReservation($id: ID!) {
    liftReservation(id: $id) {
      id
      liftedAt
    }
  }
`);
const agreementDocument = graphql(`
  mutation RecordNotificationAgreement($in: RecordNotificationAgreementInput!) {
    recordNotificationAgreement(input: $in) {
      id
    }
  }
`);
const addressDocument = graphql(`
  query PersonAddress($id: ID!) {
    node(id: $id) {
      ... on Victim {
        addressLine
        postalCode
        postalPlace
        country
      }
      ... on Survivor {
        addressLine
        postalCode
        postalPlace
        country
      }
      ... on Guardian {
        addressLine
        postalCode
        postalPlace
        country
      }
    }
  }
`);

interface Props {
  convict: Convict;
  policeDistricts: District[];
  onChanged: () => void;
}

/** PersonsSection shows the convict's criminal cases and everyone who may be notified in them, and registers more. */
export function PersonsSection({ convict, policeDistricts, onChanged }: Props) {
  const [addingCase, setAddingCase] = useState(false);
  const cases = convict.criminalCases ?? [];
  return (
    <VStack gap="space-24">
      <RuleNote ids={['RC1', 'RC3', 'RC5', 'RC7', 'RC9']} />
      {cases.length === 0 && <BodyShort>Ingen straffesaker er registrert.</BodyShort>}
      {cases.map((c) => (
        <CaseCard key={c.id} criminalCase={c} policeDistricts={policeDistricts} onChanged={onChanged} />
      ))}
      {addingCase ? (
        <AddCaseForm convictId={convict.id} onDone={() => (setAddingCase(false), onChanged())} onCancel={() => setAddingCase(false)} />
      ) : (
        <div>
          <Button variant="secondary" size="small" onClick={() => setAddingCase(true)}>
            Legg til straffesak
          </Button>
        </div>
      )}
    </VStack>
  );
}

function CaseCard({ criminalCase: c, policeDistricts, onChanged }: { criminalCase: CriminalCase; policeDistricts: District[]; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  return (
    <Box as="section" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" background="default" aria-label={`Straffesak ${c.caseNumber}`}>
      <VStack gap="space-16">
        <HStack justify="space-between" align="start" gap="space-8">
          <VStack gap="space-4">
            <Heading level="2" size="small">
              Straffesak {c.caseNumber}
            </Heading>
            <Detail>
              Dom {formatDate(c.judgmentDate)} · {c.offenceCategories.map((o) => label(offenceLabels, o)).join(', ')}
            </Detail>
          </VStack>
          <Tag size="small" variant="moderate" data-color={c.status === 'SERVING' ? 'success' : c.status === 'COMPLETED' ? 'neutral' : 'warning'}>
            {label(caseStatusLabels, c.status)}
          </Tag>
        </HStack>
        {c.status === 'COMPLETED' && (
          <Alert variant="info" size="small">
            Straffen i denne saken er gjennomført. Fornærmede her kan ikke varsles (RC1).
          </Alert>
        )}
        {c.status === 'LAPSED_BY_PREVENTIVE_DETENTION' && (
          <Alert variant="info" size="small">
            Straffen falt bort da forvaring ble idømt. Fornærmede kan varsles bare etter en vurdering av at det er et reelt behov nå (RC2).
          </Alert>
        )}
        {correcting ? (
          <CorrectCaseForm criminalCase={c} onDone={() => (setCorrecting(false), onChanged())} onCancel={() => setCorrecting(false)} />
        ) : (
          <div>
            <Button variant="tertiary" size="xsmall" onClick={() => setCorrecting(true)}>
              Rett status eller lovbrudd<span className="sr-only"> i straffesak {c.caseNumber}</span>
            </Button>
          </div>
        )}
        {(c.victims ?? []).map((v) => (
          <VictimCard key={v.id} victim={v} policeDistricts={policeDistricts} onChanged={onChanged} />
        ))}
        {adding ? (
          <AddVictimForm caseId={c.id} policeDistricts={policeDistricts} onDone={() => (setAdding(false), onChanged())} onCancel={() => setAdding(false)} />
        ) : (
          <div>
            <Button variant="tertiary" size="small" onClick={() => setAdding(true)}>
              Legg til fornærmet
            </Button>
          </div>
        )}
      </VStack>
    </Box>
  );
}

/** ageOn is a person's age in whole years on a date, for showing; who is a minor, the server decides (RC5, AS4). */
function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function PersonTags({ birthDate, protection, writtenStandard, underGuardianship, district }: {
  birthDate?: string | null;
  protection: AddressProtection;
  writtenStandard: string;
  underGuardianship?: boolean;
  district?: string | null;
}) {
  const age = birthDate ? ageOn(birthDate, todayInNorway()) : undefined;
  return (
    <HStack gap="space-4" wrap>
      {age !== undefined && (
        <Tag size="xsmall" variant="moderate" data-color="neutral">
          {age} år
        </Tag>
      )}
      {underGuardianship && <Tag size="xsmall" variant="moderate" data-color="warning">Under vergemål (RC6)</Tag>}
      <Tag size="xsmall" variant="moderate" data-color={protection === 'NONE' ? 'neutral' : 'danger'}>
        {label(protectionLabels, protection)}
        {policeDelivers(protection) && district ? ` – ${district} leverer` : ''}
      </Tag>
      <Tag size="xsmall" variant="outline">
        {label(writtenStandardLabels, writtenStandard as never)}
      </Tag>
    </HStack>
  );
}

function VictimCard({ victim: v, policeDistricts, onChanged }: { victim: Victim; policeDistricts: District[]; onChanged: () => void }) {
  const [adding, setAdding] = useState<'survivor' | 'guardian' | 'correct' | 'error' | undefined>();
  return (
    <Box padding="space-12" borderRadius="4" background="sunken">
      <VStack gap="space-12">
        <HStack justify="space-between" align="start" gap="space-8">
          <VStack gap="space-4">
            <BodyShort weight="semibold">
              {v.name} <Detail as="span">– fornærmet{v.deceased ? ', avdød' : ''}</Detail>
            </BodyShort>
            {!v.deceased && (
              <PersonTags
                birthDate={v.birthDate}
                protection={v.addressProtection}
                writtenStandard={v.writtenStandard}
                underGuardianship={v.underGuardianship}
                district={v.policeDistrict?.name}
              />
            )}
          </VStack>
          {!v.deceased && <AddressButton id={v.id} protection={v.addressProtection} name={v.name} />}
        </HStack>
        {v.deceased && <BodyShort size="small">Fornærmede er død. De etterlatte varsles i stedet (RC3).</BodyShort>}
        {!v.deceased && <Preferences personKind="victim" person={v} onChanged={onChanged} />}
        <Guardians guardians={v.guardians ?? []} onChanged={onChanged} />
        {(v.survivors ?? []).map((s) => (
          <SurvivorCard key={s.id} survivor={s} policeDistricts={policeDistricts} onChanged={onChanged} />
        ))}
        {adding === 'survivor' && (
          <AddSurvivorForm victimId={v.id} policeDistricts={policeDistricts} onDone={() => (setAdding(undefined), onChanged())} onCancel={() => setAdding(undefined)} />
        )}
        {adding === 'correct' && (
          <CorrectPersonForm kind="victim" person={v} policeDistricts={policeDistricts} onDone={() => (setAdding(undefined), onChanged())} onCancel={() => setAdding(undefined)} />
        )}
        {adding === 'error' && (
          <RegisteredInErrorForm target={{ victimId: v.id }} what={v.name} onDone={() => (setAdding(undefined), onChanged())} onCancel={() => setAdding(undefined)} />
        )}
        {adding === 'guardian' && (
          <AddGuardianForm target={{ victimId: v.id }} policeDistricts={policeDistricts} onDone={() => (setAdding(undefined), onChanged())} onCancel={() => setAdding(undefined)} />
        )}
        {!adding && (
          <HStack gap="space-8">
            {v.deceased && (
              <Button variant="tertiary" size="xsmall" onClick={() => setAdding('survivor')}>
                Legg til etterlatt<span className="sr-only"> etter {v.name}</span>
              </Button>
            )}
            {!v.deceased && (
              <Button variant="tertiary" size="xsmall" onClick={() => setAdding('guardian')}>
                Legg til verge eller foresatt<span className="sr-only"> for {v.name}</span>
              </Button>
            )}
            {!v.deceased && (
              <Button variant="tertiary" size="xsmall" onClick={() => setAdding('correct')}>
                Rett opplysninger<span className="sr-only"> om {v.name}</span>
              </Button>
            )}
            <Button variant="tertiary" size="xsmall" onClick={() => setAdding('error')}>
              Registrert ved en feil<span className="sr-only">: {v.name}</span>
            </Button>
          </HStack>
        )}
      </VStack>
    </Box>
  );
}

function SurvivorCard({ survivor: s, policeDistricts, onChanged }: { survivor: Survivor; policeDistricts: District[]; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  const [markingError, setMarkingError] = useState(false);
  return (
    <Box padding="space-12" borderRadius="4" background="default" className="indent">
      <VStack gap="space-8">
        <HStack justify="space-between" align="start" gap="space-8">
          <VStack gap="space-4">
            <BodyShort weight="semibold">
              {s.name} <Detail as="span">– etterlatt, {label(relationLabels, s.relation).toLowerCase()}</Detail>
            </BodyShort>
            <PersonTags
              birthDate={s.birthDate}
              protection={s.addressProtection}
              writtenStandard={s.writtenStandard}
              underGuardianship={s.underGuardianship}
              district={s.policeDistrict?.name}
            />
          </VStack>
          <AddressButton id={s.id} protection={s.addressProtection} name={s.name} />
        </HStack>
        <Preferences personKind="survivor" person={s} onChanged={onChanged} />
        <Guardians guardians={s.guardians ?? []} onChanged={onChanged} />
        {markingError && (
          <RegisteredInErrorForm target={{ survivorId: s.id }} what={s.name} onDone={() => (setMarkingError(false), onChanged())} onCancel={() => setMarkingError(false)} />
        )}
        {adding ? (
          <AddGuardianForm target={{ survivorId: s.id }} policeDistricts={policeDistricts} onDone={() => (setAdding(false), onChanged())} onCancel={() => setAdding(false)} />
        ) : (
          !markingError && (
            <HStack gap="space-8">
              <Button variant="tertiary" size="xsmall" onClick={() => setAdding(true)}>
                Legg til verge eller foresatt<span className="sr-only"> for {s.name}</span>
              </Button>
              <Button variant="tertiary" size="xsmall" onClick={() => setMarkingError(true)}>
                Registrert ved en feil<span className="sr-only">: {s.name}</span>
              </Button>
            </HStack>
          )
        )}
      </VStack>
    </Box>
  );
}

function Guardians({ guardians, onChanged }: { guardians: Guardian[]; onChanged: () => void }) {
  const [marking, setMarking] = useState<string | undefined>();
  if (guardians.length === 0) return null;
  return (
    <VStack gap="space-4" as="ul" className="plain-list" aria-label="Verger og foresatte">
      {guardians.map((g) => (
        <li key={g.id}>
          <HStack gap="space-8" align="center">
            <BodyShort size="small">
              {g.name} – {label(guardianKindLabels, g.kind).toLowerCase()}
            </BodyShort>
            <Tag size="xsmall" variant="moderate" data-color={g.addressProtection === 'NONE' ? 'neutral' : 'danger'}>
              {label(protectionLabels, g.addressProtection)}
            </Tag>
            {g.excludedAsConvict && (
              <Tag size="xsmall" variant="strong" data-color="danger">
                Er domfelte – får aldri varsel (RC7)
              </Tag>
            )}
            {marking !== g.id && (
              <Button variant="tertiary" size="xsmall" onClick={() => setMarking(g.id)}>
                Registrert ved en feil<span className="sr-only">: {g.name}</span>
              </Button>
            )}
          </HStack>
          {marking === g.id && (
            <RegisteredInErrorForm target={{ guardianId: g.id }} what={g.name} onDone={() => (setMarking(undefined), onChanged())} onCancel={() => setMarking(undefined)} />
          )}
        </li>
      ))}
    </VStack>
  );
}

/**
 * AddressButton shows an unprotected address on request, and logs the view
 * (PR2). A protected address is never shown: code 6 is not even stored, and
 * code 7 stays with the case (RC9).
 */
function AddressButton({ id, protection, name }: { id: string; protection: AddressProtection; name: string }) {
  const [show, setShow] = useState(false);
  const [{ data, fetching }] = useQuery({ query: addressDocument, variables: { id }, pause: !show, requestPolicy: 'network-only' });
  if (protection !== 'NONE') return null;
  if (!show) {
    return (
      <Button variant="tertiary" size="xsmall" onClick={() => setShow(true)}>
        Vis adresse<span className="sr-only"> til {name}</span>
      </Button>
    );
  }
  const a = data?.node && 'addressLine' in data.node ? data.node : undefined;
  return (
    <VStack gap="space-2" className="address" aria-live="polite">
      {fetching && <Detail>Henter …</Detail>}
      {a && (
        <>
          <BodyShort size="small">{a.addressLine || 'Ingen adresse registrert'}</BodyShort>
          <BodyShort size="small">{[a.postalCode, a.postalPlace].filter(Boolean).join(' ')}</BodyShort>
          {a.country && <BodyShort size="small">{a.country}</BodyShort>}
          <Detail textColor="subtle">Visningen er logget (PR2)</Detail>
        </>
      )}
    </VStack>
  );
}

type PersonWithPreferences = Pick<Victim, 'id' | 'name' | 'reservations' | 'notificationAgreements'>;

/** Preferences are the person's reservation against further notices and the agreement on how often to notify (RC10). */
function Preferences({ personKind, person, onChanged }: { personKind: 'victim' | 'survivor'; person: PersonWithPreferences; onChanged: () => void }) {
  const [form, setForm] = useState<'reservation' | 'agreement' | undefined>();
  const lift = useAction(liftReservationDocument, onChanged);
  const active = (person.reservations ?? []).filter((r) => !r.liftedAt);
  const agreements = person.notificationAgreements ?? [];
  const target = personKind === 'victim' ? { victimId: person.id } : { survivorId: person.id };
  return (
    <VStack gap="space-8">
      {active.map((r) => (
        <HStack key={r.id} gap="space-8" align="center">
          <Tag size="small" variant="strong" data-color="warning">
            Reservert mot varsler fra {formatDate(r.reservedAt)} (RC10)
          </Tag>
          <Button size="xsmall" variant="tertiary" loading={lift.busy} onClick={() => void lift.submit({ id: r.id })}>
            Opphev reservasjonen<span className="sr-only"> for {person.name}</span>
          </Button>
        </HStack>
      ))}
      <ProblemMessage problem={lift.problem} />
      {agreements.map((a) => (
        <Detail key={a.id}>
          Avtale {formatDate(a.agreedAt)}: {a.frequency === 'ONCE' ? 'ett varsel dekker alle utganger' : 'varsel ved hver utgang'}
          {a.note ? ` – ${a.note}` : ''}
        </Detail>
      ))}
      {form === 'reservation' && <ReservationForm target={target} onDone={() => (setForm(undefined), onChanged())} onCancel={() => setForm(undefined)} />}
      {form === 'agreement' && <AgreementForm target={target} onDone={() => (setForm(undefined), onChanged())} onCancel={() => setForm(undefined)} />}
      {!form && (
        <HStack gap="space-8">
          {active.length === 0 && (
            <Button variant="tertiary" size="xsmall" onClick={() => setForm('reservation')}>
              Registrer reservasjon<span className="sr-only"> for {person.name}</span>
            </Button>
          )}
          <Button variant="tertiary" size="xsmall" onClick={() => setForm('agreement')}>
            Registrer avtale om varsling<span className="sr-only"> med {person.name}</span>
          </Button>
        </HStack>
      )}
    </VStack>
  );
}

function FormPanel({ title, children, onSubmit }: { title: string; children: ReactNode; onSubmit: (e: FormEvent) => void }) {
  const id = `skjema-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <form onSubmit={onSubmit} className="panel" aria-labelledby={id}>
      <VStack gap="space-12">
        <Heading id={id} level="3" size="xsmall">
          {title}
        </Heading>
        {children}
      </VStack>
    </form>
  );
}

function ReservationForm({ target, onDone, onCancel }: { target: { victimId?: string; survivorId?: string }; onDone: () => void; onCancel: () => void }) {
  const [at, setAt] = useState(localInputValue(serviceNow()));
  const [how, setHow] = useState<ReservationHow>('LETTER');
  const action = useAction(reservationDocument, onDone);
  return (
    <FormPanel
      title="Reservasjon mot flere varsler"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit(() => ({ in: { ...target, reservedAt: instantOf(at), how } }));
      }}
    >
      <HStack gap="space-16">
        <TimeField {...action.field('reservedAt', { label: 'Når mottakeren reserverte seg', required: true, kind: 'date', value: at })} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        <Select label="Hvordan" value={how} onChange={(e) => setHow(e.target.value as ReservationHow)}>
          <option value="LETTER">Brev</option>
          <option value="DIGIPOST">Digipost</option>
          <option value="PHONE">Telefon</option>
          <option value="MEETING">Møte</option>
        </Select>
      </HStack>
      <ProblemMessage problem={action.problem} heading="Reservasjonen ble ikke registrert" />
      <FormButtons size="small" busy={action.busy} onCancel={onCancel} />
    </FormPanel>
  );
}

function AgreementForm({ target, onDone, onCancel }: { target: { victimId?: string; survivorId?: string }; onDone: () => void; onCancel: () => void }) {
  const [at, setAt] = useState(localInputValue(serviceNow()));
  const [how, setHow] = useState<NotificationAgreementHow>('PHONE');
  const [frequency, setFrequency] = useState<AgreementFrequency>('EVERY_EVENT');
  const [note, setNote] = useState('');
  const action = useAction(agreementDocument, onDone);
  return (
    <FormPanel
      title="Avtale om hvor ofte det varsles"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit(() => ({ in: { ...target, agreedAt: instantOf(at), how, frequency, note: note || undefined } }));
      }}
    >
      <HStack gap="space-16">
        <Select label="Avtalen" value={frequency} onChange={(e) => setFrequency(e.target.value as AgreementFrequency)}>
          <option value="EVERY_EVENT">Varsel ved hver utgang</option>
          <option value="ONCE">Ett varsel dekker alle utganger</option>
        </Select>
        <TimeField {...action.field('agreedAt', { label: 'Inngått', required: true, kind: 'date', value: at })} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        <Select label="Hvordan" value={how} onChange={(e) => setHow(e.target.value as NotificationAgreementHow)}>
          <option value="LETTER">Brev</option>
          <option value="DIGIPOST">Digipost</option>
          <option value="PHONE">Telefon</option>
          <option value="MEETING">Møte</option>
        </Select>
      </HStack>
      <Textarea {...action.field('note', { label: 'Merknad', kind: 'paragraphs', value: note })} value={note} onChange={(e) => setNote(e.target.value)} minRows={2} />
      <ProblemMessage problem={action.problem} heading="Avtalen ble ikke registrert" />
      <FormButtons size="small" busy={action.busy} onCancel={onCancel} />
    </FormPanel>
  );
}

function AddCaseForm({ convictId, onDone, onCancel }: { convictId: string; onDone: () => void; onCancel: () => void }) {
  const [caseNumber, setCaseNumber] = useState('');
  const [judgmentDate, setJudgmentDate] = useState('');
  const [offences, setOffences] = useState<OffenceCategory[]>([]);
  const [status, setStatus] = useState<CaseStatus>('SERVING');
  const [reasoning, setReasoning] = useState('');
  const action = useAction(addCaseDocument, onDone);
  return (
    <FormPanel
      title="Ny straffesak"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({
          in: { convictId, caseNumber, judgmentDate, offenceCategories: offences, status, courtReasoning: reasoning || undefined },
        });
      }}
    >
      <HStack gap="space-16">
        <TextField {...action.field('caseNumber', { label: 'Saksnummer', required: true, value: caseNumber })} value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} />
        <TimeField {...action.field('judgmentDate', { label: 'Domsdato', required: true, kind: 'date', value: judgmentDate })} type="date" value={judgmentDate} onChange={(e) => setJudgmentDate(e.target.value)} />
        <Select label="Status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
          <Options names={caseStatusLabels} />
        </Select>
      </HStack>
      <CheckboxGroup
        {...action.field('offenceCategories', { legend: 'Lovbrudd', required: true, kind: 'choice', value: offences, missing: 'Velg minst ett lovbrudd saken gjelder.' })}
        value={offences} onChange={(v: OffenceCategory[]) => setOffences(v)}>
        <HStack gap="space-16">
          {options(offenceLabels).map((o) => (
            <Checkbox key={o.value} value={o.value}>
              {o.label}
            </Checkbox>
          ))}
        </HStack>
      </CheckboxGroup>
      <Textarea
        {...action.field('courtReasoning', { label: 'Domspremissene', kind: 'paragraphs', value: reasoning })}
        description="Det retten la vekt på, til bruk i vurderingen (AS3)"
        value={reasoning} onChange={(e) => setReasoning(e.target.value)} minRows={2} />
      <ProblemMessage problem={action.problem} heading="Straffesaken ble ikke lagret" />
      <FormButtons size="small" busy={action.busy} onCancel={onCancel} />
    </FormPanel>
  );
}

function AddVictimForm({ caseId, policeDistricts, onDone, onCancel }: { caseId: string; policeDistricts: District[]; onDone: () => void; onCancel: () => void }) {
  const [person, setPerson] = useState<PersonDraft>(emptyPerson);
  const [flags, setFlags] = useState<string[]>([]);
  const action = useAction(addVictimDocument, onDone);
  return (
    <FormPanel
      title="Ny fornærmet"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({
          in: { criminalCaseId: caseId, person: personInput(person), deceased: flags.includes('deceased'), underGuardianship: flags.includes('guardianship') },
        });
      }}
    >
      <PersonFields value={person} onChange={setPerson} policeDistricts={policeDistricts} field={action.field} />
      <CheckboxGroup legend="Forhold ved fornærmede" value={flags} onChange={setFlags}>
        <Checkbox value="deceased">Avdød – de etterlatte varsles (RC3)</Checkbox>
        <Checkbox value="guardianship">Voksen under vergemål – varsles gjennom vergen (RC6)</Checkbox>
      </CheckboxGroup>
      <ProblemMessage problem={action.problem} heading="Fornærmede ble ikke registrert" />
      <FormButtons size="small" busy={action.busy} onCancel={onCancel} />
    </FormPanel>
  );
}

function AddSurvivorForm({ victimId, policeDistricts, onDone, onCancel }: { victimId: string; policeDistricts: District[]; onDone: () => void; onCancel: () => void }) {
  const [person, setPerson] = useState<PersonDraft>(emptyPerson);
  const [relation, setRelation] = useState<FamilyRelation>('SPOUSE');
  const [guardianship, setGuardianship] = useState(false);
  const action = useAction(addSurvivorDocument, onDone);
  return (
    <FormPanel
      title="Ny etterlatt"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { victimId, relation, person: personInput(person), underGuardianship: guardianship } });
      }}
    >
      <Select label="Relasjon til avdøde" description="Bare ektefelle, samboer, barn, foreldre og søsken er etterlatte (RC3)" value={relation} onChange={(e) => setRelation(e.target.value as FamilyRelation)}>
        <Options names={relationLabels} />
      </Select>
      <PersonFields value={person} onChange={setPerson} policeDistricts={policeDistricts} field={action.field} />
      <Checkbox checked={guardianship} onChange={(e) => setGuardianship(e.target.checked)}>
        Voksen under vergemål – varsles gjennom vergen (RC6)
      </Checkbox>
      <ProblemMessage problem={action.problem} heading="Den etterlatte ble ikke registrert" />
      <FormButtons size="small" busy={action.busy} onCancel={onCancel} />
    </FormPanel>
  );
}

function AddGuardianForm({ target, policeDistricts, onDone, onCancel }: {
  target: { victimId?: string; survivorId?: string };
  policeDistricts: District[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const [person, setPerson] = useState<PersonDraft>(emptyPerson);
  const [kind, setKind] = useState<GuardianKind>('PARENTAL_RESPONSIBILITY');
  const [warnings, setWarnings] = useState<string[]>([]);
  const action = useAction(addGuardianDocument, (d) => {
    if (d.addGuardian.warnings.length > 0) setWarnings(d.addGuardian.warnings);
    else onDone();
  });
  if (warnings.length > 0) {
    return (
      <Alert variant="warning" role="alert">
        <VStack gap="space-8" align="start">
          {warnings.map((w) => (
            <BodyShort key={w}>{w}</BodyShort>
          ))}
          <Button size="small" variant="secondary" onClick={onDone}>
            Jeg har lest advarselen
          </Button>
        </VStack>
      </Alert>
    );
  }
  return (
    <FormPanel
      title="Ny verge eller foresatt"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { ...target, kind, person: personInput(person) } });
      }}
    >
      <Select label="Grunnlag" value={kind} onChange={(e) => setKind(e.target.value as GuardianKind)}>
        <Options names={guardianKindLabels} />
      </Select>
      <PersonFields value={person} onChange={setPerson} policeDistricts={policeDistricts} field={action.field} />
      <ProblemMessage problem={action.problem} heading="Vergen ble ikke registrert" />
      <FormButtons size="small" busy={action.busy} onCancel={onCancel} />
    </FormPanel>
  );
}
