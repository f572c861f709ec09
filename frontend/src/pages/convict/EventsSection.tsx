import { Alert, BodyShort, Button, Checkbox, Detail, Heading, HStack, Link, Select, Table, Tag, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Empty, PageState } from '../../components/PageState';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { EventKind } from '../../gql/graphql';
import { citation } from '../../lib/errors';
import { formatDate, formatWhen, fromNorwegianTime } from '../../lib/format';
import { eventKindLabels, eventStatusLabels, label, levelLabels, nodes } from '../../lib/labels';
import { RuleNote } from '../../lib/rulebook';
import { useAction } from '../../lib/useAction';
import { TimeField } from '../../components/TimeField';
import { FormButtons } from '../../components/FormButtons';
import { TableScroll } from '../../components/TableScroll';

const eventsDocument = graphql(`
  query ConvictEvents($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convict {
        id
        institutionStays {
          id
          institution
          fromDate
          toDate
          notifyOnLeaves
          reasoning
        }
        custodyEvents(first: 100, orderBy: { field: STARTS_AT, direction: DESC }) {
          totalCount
          edges {
            node {
              id
              kind
              startsAt
              endsAt
              dateOnly
              status
              decidingLevel
              notices {
                id
                status
              }
            }
          }
        }
      }
    }
  }
`);

const eventKindsDocument = graphql(`
  query EventKinds {
    eventKinds {
      kind
      name
      notifiable
      legalBasis
      notifiedInAdvance
      refusal {
        rule
        provision
        message
      }
    }
  }
`);

const recordStayDocument = graphql(`
  mutation RecordInstitutionStay($in: RecordInstitutionStayInput!) {
    recordInstitutionStay(input: $in) {
      id
    }
  }
`);

const registerEventDocument = graphql(`
  mutation RegisterCustodyEvent($in: RegisterCustodyEventInput!) {
    registerCustodyEvent(input: $in) {
      id
    }
  }
`);

/** EventsSection lists the convict's custody events and registers a new one. */
export function EventsSection({ convictId }: { convictId: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: eventsDocument, variables: { id: convictId }, requestPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState<'event' | 'stay'>();
  const convict = data?.node?.__typename === 'Convict' ? data.node : undefined;
  const events = convict ? nodes(convict.custodyEvents) : [];
  const stays = convict?.institutionStays ?? [];
  return (
    <VStack gap="space-16">
      {adding === 'event' && <RegisterEventForm convictId={convictId} stays={stays} onCancel={() => setAdding(undefined)} />}
      {adding === 'stay' && (
        <InstitutionStayForm
          convictId={convictId}
          onDone={() => (setAdding(undefined), reexecute({ requestPolicy: 'network-only' }))}
          onCancel={() => setAdding(undefined)}
        />
      )}
      {!adding && (
        <HStack gap="space-8">
          <Button size="small" onClick={() => setAdding('event')}>
            Registrer hendelse
          </Button>
          <Button size="small" variant="secondary" onClick={() => setAdding('stay')}>
            Registrer institusjonsopphold (§ 12)
          </Button>
        </HStack>
      )}
      {stays.length > 0 && (
        <VStack gap="space-4" as="ul" className="plain-list" aria-label="Institusjonsopphold">
          {stays.map((st) => (
            <li key={st.id}>
              <BodyShort size="small">
                {st.institution}, fra {formatDate(st.fromDate)}
                {st.toDate ? ` til ${formatDate(st.toDate)}` : ''} –{' '}
                {st.notifyOnLeaves ? 'utganger fra institusjonen varsles (EV5)' : 'utganger varsles ikke'}
              </BodyShort>
              <Detail>{st.reasoning}</Detail>
            </li>
          ))}
        </VStack>
      )}
      <PageState fetching={fetching} error={error} hasData={!!data} what="hendelsene" retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {events.length === 0 ? (
          <Empty>Ingen hendelser er registrert for domfelte.</Empty>
        ) : (
          <TableScroll label="Hendelser">
            <Table size="small">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Hendelse</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Tidspunkt</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Vedtaksnivå</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Varsler</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {events.map((e) => (
                  <Table.Row key={e.id}>
                    <Table.DataCell>
                      <Link as={RouterLink} to={`/hendelser/${e.id}`}>
                        {label(eventKindLabels, e.kind)}
                      </Link>
                    </Table.DataCell>
                    <Table.DataCell>{formatWhen(e.startsAt, e.endsAt, e.dateOnly)}</Table.DataCell>
                    <Table.DataCell>{label(levelLabels, e.decidingLevel)}</Table.DataCell>
                    <Table.DataCell>{(e.notices ?? []).length}</Table.DataCell>
                    <Table.DataCell>
                      <Tag size="xsmall" variant="moderate" data-color={e.status === 'OPEN' ? 'info' : 'neutral'}>
                        {label(eventStatusLabels, e.status)}
                      </Tag>
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </PageState>
    </VStack>
  );
}

/**
 * RegisterEventForm registers a custody event. A kind that may not be
 * notified is explained as soon as it is chosen, with the rule and the
 * provision (EV2, EV3), rather than refused after the fact.
 */
type Stay = { id: string; institution: string; fromDate: string; notifyOnLeaves: boolean };

function RegisterEventForm({ convictId, stays, onCancel }: { convictId: string; stays: Stay[]; onCancel: () => void }) {
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: eventKindsDocument, requestPolicy: 'cache-first' });
  const [kind, setKind] = useState<EventKind>('LEAVE');
  const [dateOnly, setDateOnly] = useState(false);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [fullTerm, setFullTerm] = useState(false);
  const [dutyUntil, setDutyUntil] = useState('');
  const [stayId, setStayId] = useState('');
  const action = useAction(registerEventDocument, (d) => void navigate(`/hendelser/${d.registerCustodyEvent.id}`));
  const kinds = data?.eventKinds ?? [];
  const info = kinds.find((k) => k.kind === kind);
  const escape = kind === 'ESCAPE';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.submit(() => ({
      in: {
        convictId,
        kind,
        startsAt: fromNorwegianTime(startsAt),
        endsAt: endsAt ? fromNorwegianTime(endsAt) : undefined,
        dateOnly,
        fullTermRelease: kind === 'RELEASE' && fullTerm,
        probationEndsOn: kind === 'RESIDENCE_CHANGE_ON_PAROLE' && dutyUntil ? dutyUntil : undefined,
        institutionStayId: kind === 'LEAVE' && stayId ? stayId : undefined,
      },
    }));
  };
  const timeType = dateOnly ? 'date' : 'datetime-local';

  return (
    <form onSubmit={submit} className="panel" aria-labelledby="ny-hendelse">
      <VStack gap="space-16">
        <Heading id="ny-hendelse" level="2" size="medium">
          Registrer hendelse
        </Heading>
        <Select label="Hva skjer" value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
          <optgroup label="Kan varsles">
            {kinds
              .filter((k) => k.notifiable)
              .map((k) => (
                <option key={k.kind} value={k.kind}>
                  {label(eventKindLabels, k.kind)}
                </option>
              ))}
          </optgroup>
          <optgroup label="Kan ikke varsles">
            {kinds
              .filter((k) => !k.notifiable)
              .map((k) => (
                <option key={k.kind} value={k.kind}>
                  {label(eventKindLabels, k.kind)}
                </option>
              ))}
          </optgroup>
        </Select>
        {info?.refusal && (
          <Alert variant="warning" role="status">
            <VStack gap="space-4">
              <BodyShort weight="semibold">{label(eventKindLabels, info.kind)} varsles ikke.</BodyShort>
              <BodyShort>{info.refusal.message}</BodyShort>
              <Detail>{citation(info.refusal.rule, info.refusal.provision)}</Detail>
            </VStack>
          </Alert>
        )}
        {info?.notifiable && (
          <BodyShort size="small">
            Hjemmel for varsel: {info.legalBasis}.{' '}
            {info.notifiedInAdvance ? 'Varselet gis på forhånd, så langt det er mulig minst 14 dager før (NT2).' : 'Varselet gis snarest mulig etter unndragelsen (NT2).'}
          </BodyShort>
        )}
        {!info?.refusal && (
          <>
            <Checkbox checked={dateOnly} onChange={(e) => setDateOnly(e.target.checked)}>
              Bare dato, uten klokkeslett
            </Checkbox>
            <HStack gap="space-16">
              <TimeField
                {...action.field('startsAt', {
                  label: escape ? 'Når unndragelsen skjedde' : 'Fra',
                  required: true,
                  kind: 'date',
                  value: startsAt,
                  missing: 'Oppgi tidspunktet – en hendelse har en dato, et klokkeslett eller et tidsrom (EV6).',
                })}
                type={timeType}
                value={startsAt}
                onChange={(e) => setStartsAt(e.target.value)}
              />
              {!escape && (
                <TimeField
                  {...action.field('endsAt', {
                    label: 'Til',
                    kind: 'date',
                    value: endsAt,
                    test: (v) => (startsAt && v <= startsAt ? 'Slutten må være etter starten (EV6).' : undefined),
                  })}
                  description="Slutten på et tidsrom (valgfritt)" type={timeType} value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
              )}
            </HStack>
            {kind === 'RELEASE' && (
              <Checkbox checked={fullTerm} onChange={(e) => setFullTerm(e.target.checked)}>
                Løslatelse ved endt straff (ikke prøveløslatelse) – ingen flere varsler følger (NT5)
              </Checkbox>
            )}
            {kind === 'LEAVE' && stays.length > 0 && (
              <Select {...action.field('institutionStayId')} label="Permisjon fra institusjonsopphold" description="Institusjonen melder permisjonen i god tid (EV5)" value={stayId} onChange={(e) => setStayId(e.target.value)}>
                <option value="">Nei, fra fengselet</option>
                {stays.map((st) => (
                  <option key={st.id} value={st.id}>
                    {st.institution}, fra {formatDate(st.fromDate)}
                  </option>
                ))}
              </Select>
            )}
            {kind === 'RESIDENCE_CHANGE_ON_PAROLE' && (
              <TimeField
                {...action.field('probationEndsOn', { label: 'Prøvetiden varer til', required: true, kind: 'date', value: dutyUntil })}
                description="Bostedsendring kan bare varsles i prøvetiden (EV1)"
                type="date"
                value={dutyUntil}
                onChange={(e) => setDutyUntil(e.target.value)}
              />
            )}
          </>
        )}
        <RuleNote ids={['EV1', 'EV6', 'DC2']} />
        <ProblemMessage problem={action.problem} heading="Hendelsen ble ikke registrert" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Registrer" disabled={!!info?.refusal} />
      </VStack>
    </form>
  );
}

/**
 * InstitutionStayForm records a stay in an institution under strgjfl § 12,
 * with the assessment of whether each leave from it is to be notified (EV5).
 */
function InstitutionStayForm({ convictId, onDone, onCancel }: { convictId: string; onDone: () => void; onCancel: () => void }) {
  const [institution, setInstitution] = useState('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [notify, setNotify] = useState(true);
  const [reasoning, setReasoning] = useState('');
  const action = useAction(recordStayDocument, onDone);
  return (
    <form
      className="panel"
      aria-labelledby="nytt-opphold"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { convictId, institution, fromDate, toDate: toDate || undefined, notifyOnLeaves: notify, reasoning } });
      }}
    >
      <VStack gap="space-16">
        <Heading id="nytt-opphold" level="2" size="medium">
          Institusjonsopphold (straffegjennomføringsloven § 12)
        </Heading>
        <RuleNote ids={['EV5']} />
        <TextField {...action.field('institution', { label: 'Institusjon', required: true, value: institution })} value={institution} onChange={(e) => setInstitution(e.target.value)} />
        <HStack gap="space-16">
          <TimeField {...action.field('fromDate', { label: 'Fra', required: true, kind: 'date', value: fromDate })} type="date" value={fromDate} onChange={(e) => setFromDate(e.target.value)} />
          <TimeField
            {...action.field('toDate', { label: 'Til', kind: 'date', value: toDate, test: (v) => (fromDate && v < fromDate ? 'Slutten kan ikke være før starten.' : undefined) })}
            description="Valgfritt"
            type="date"
            value={toDate} onChange={(e) => setToDate(e.target.value)} />
        </HStack>
        <Checkbox checked={notify} onChange={(e) => setNotify(e.target.checked)}>
          Utganger fra institusjonen skal varsles
        </Checkbox>
        <Textarea
          {...action.field('reasoning', { label: 'Vurderingen av behovet for varsling ved utganger', required: true, kind: 'paragraphs', value: reasoning })}
          value={reasoning} onChange={(e) => setReasoning(e.target.value)} minRows={2} />
        <ProblemMessage problem={action.problem} heading="Oppholdet ble ikke registrert" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Registrer oppholdet" />
      </VStack>
    </form>
  );
}
