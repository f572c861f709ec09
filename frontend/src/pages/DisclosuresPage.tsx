import { Alert, BodyShort, Button, Checkbox, Detail, Heading, HStack, Select, Table, Tag, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { Empty, PageState } from '../components/PageState';
import { ProblemMessage } from '../components/ProblemMessage';
import { graphql } from '../gql';
import type { DisclosureBasis, DisclosureCategory, DisclosureDirection, DisclosureForm } from '../gql/graphql';
import { formatDate, formatDateTime, instantOf, localInputValue } from '../lib/format';
import { disclosureBasisLabels, disclosureCategoryLabels, disclosureDirectionLabels, disclosureFormLabels, label, nodes } from '../lib/labels';
import { RuleNote } from '../lib/rulebook';
import { useHasRole, useSession } from '../lib/session';
import { useAction } from '../lib/useAction';
import { TimeField } from '../components/TimeField';
import { Options } from '../components/Options';
import { ConvictPicker, type PickedConvict } from '../components/ConvictPicker';
import { FormButtons } from '../components/FormButtons';
import { serviceNow } from '../lib/clock';
import { TableScroll } from '../components/TableScroll';

const registerDocument = graphql(`
  query Disclosures($direction: DisclosureDirection, $convictId: ID) {
    disclosures(first: 100, direction: $direction, convictId: $convictId, orderBy: { field: DECIDED_AT, direction: DESC }) {
      totalCount
      edges {
        node {
          id
          direction
          category
          summary
          purpose
          recipient
          legalBasis
          legalBasisProvision
          register
          decidedByName
          decidedAt
          form
          unverified
          source
          expiresOn
          convictName
          nationalIdentityNumber
          unit {
            name
          }
          policeDistrict {
            name
          }
        }
      }
    }
    policeDistricts {
      id
      name
    }
  }
`);

const staffContextDocument = graphql(`
  query DisclosureStaffContext($unit: ID!, $subject: String!) {
    self: staffMembers(first: 1, where: { subject: $subject }) {
      edges {
        node {
          id
          headOfUnit
        }
      }
    }
    staffMembers(first: 100, where: { hasUnitWith: { id: $unit }, active: true }) {
      edges {
        node {
          id
          name
          headOfUnit
        }
      }
    }
    disclosureDelegations {
      id
      grantedAt
      delegate {
        id
        name
      }
      unit {
        name
      }
    }
  }
`);

const recordDocument = graphql(`
  mutation RecordDisclosure($in: RecordDisclosureInput!) {
    recordDisclosure(input: $in) {
      id
    }
  }
`);
const delegateDocument = graphql(`
  mutation DelegateDisclosureAuthority($id: ID!) {
    delegateDisclosureAuthority(delegateId: $id) {
      id
    }
  }
`);
const revokeDocument = graphql(`
  mutation RevokeDelegation($id: ID!) {
    revokeDelegation(id: $id) {
      id
    }
  }
`);

/**
 * DisclosuresPage is the register of information exchanged between the
 * correctional service and the police (IX1): each disclosure with its lawful
 * basis, who decided and when; and the head of unit's delegations (IX2).
 */
export function DisclosuresPage() {
  const staff = useHasRole('CASEWORKER', 'DECISION_MAKER');
  const [direction, setDirection] = useState<DisclosureDirection | ''>('');
  const [convict, setConvict] = useState<PickedConvict | undefined>();
  const convictId = convict?.id ?? '';
  const [recording, setRecording] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: registerDocument,
    variables: { direction: direction || undefined, convictId: convictId || undefined },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const rows = nodes(data?.disclosures);

  return (
    <VStack gap="space-24">
      <HStack justify="space-between" align="end">
        <Heading level="1" size="large">
          Opplysningsutveksling med {staff ? 'politiet' : 'kriminalomsorgen'}
        </Heading>
        {!recording && (
          <Button size="small" onClick={() => setRecording(true)}>
            Registrer utlevering
          </Button>
        )}
      </HStack>
      <RuleNote ids={['IX1', 'IX2', 'IX3']} />
      {recording && (
        <RecordForm districts={data?.policeDistricts ?? []} onDone={() => (setRecording(false), refresh())} onCancel={() => setRecording(false)} />
      )}
      <form role="search" aria-label="Søk i registeret" onSubmit={(e) => e.preventDefault()}>
        <HStack gap="space-16">
          <Select label="Retning" value={direction} onChange={(e) => setDirection(e.target.value as DisclosureDirection | '')}>
            <option value="">Begge retninger</option>
            <Options names={disclosureDirectionLabels} />
          </Select>
          {staff && (
            <ConvictPicker
              value={convict}
              onChange={setConvict}
              field={{ ref: () => undefined, label: 'Domfelt' }}
              description="Alle domfelte når ingen er valgt. Skriv en del av navnet eller hele fødselsnummeret"
            />
          )}
        </HStack>
      </form>
      <PageState fetching={fetching} error={error} hasData={!!data} what="registeret" retry={refresh}>
        {rows.length === 0 ? (
          <Empty>Ingen utleveringer er registrert.</Empty>
        ) : (
          <TableScroll label="Registrerte utleveringer">
            <Table size="small">
              <caption className="sr-only">Registrerte utleveringer ({data?.disclosures.totalCount})</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Besluttet</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Domfelt</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Hva og hvorfor</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Hjemmel</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Mellom</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((d) => (
                  <Table.Row key={d.id}>
                    <Table.DataCell>
                      <BodyShort size="small">{formatDateTime(d.decidedAt)}</BodyShort>
                      <Detail>
                        {d.decidedByName} · {label(disclosureFormLabels, d.form).toLowerCase()}
                      </Detail>
                    </Table.DataCell>
                    <Table.DataCell>{d.convictName ?? (d.nationalIdentityNumber && `F.nr. ${d.nationalIdentityNumber}`)}</Table.DataCell>
                    <Table.DataCell>
                      <BodyShort size="small" weight="semibold">
                        {label(disclosureCategoryLabels, d.category)}
                      </BodyShort>
                      <BodyShort size="small">{d.summary}</BodyShort>
                      <Detail>
                        Formål: {d.purpose} · Mottaker: {d.recipient}
                      </Detail>
                      {d.unverified && (
                        <Tag size="xsmall" variant="moderate" data-color="warning">
                          Ubekreftet, fra {d.source}; slettes {formatDate(d.expiresOn)} (IX8)
                        </Tag>
                      )}
                    </Table.DataCell>
                    <Table.DataCell>
                      {d.legalBasisProvision}
                      {d.register ? ` (${d.register})` : ''}
                    </Table.DataCell>
                    <Table.DataCell>
                      <BodyShort size="small">{label(disclosureDirectionLabels, d.direction)}</BodyShort>
                      <Detail>
                        {d.unit ? `${d.unit.name} · ` : ''}
                        {d.policeDistrict.name}
                      </Detail>
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </PageState>
      {staff && <Delegations />}
    </VStack>
  );
}

function useStaffContext(pause: boolean) {
  const { me } = useSession();
  return useQuery({ query: staffContextDocument, variables: { unit: me.unit?.id ?? '', subject: me.subject }, pause: pause || !me.unit });
}

function RecordForm({ districts, onDone, onCancel }: { districts: { id: string; name: string }[]; onDone: () => void; onCancel: () => void }) {
  const { me } = useSession();
  const staff = useHasRole('CASEWORKER', 'DECISION_MAKER');
  const [{ data }] = useStaffContext(!staff);
  const [direction, setDirection] = useState<DisclosureDirection>(staff ? 'TO_POLICE' : 'FROM_POLICE');
  const [chosen, setChosen] = useState<PickedConvict | undefined>();
  const convictId = chosen?.id ?? '';
  const [nin, setNin] = useState('');
  const [district, setDistrict] = useState('');
  const [category, setCategory] = useState<DisclosureCategory>('CUSTODY');
  const [summary, setSummary] = useState('');
  const [purpose, setPurpose] = useState('');
  const [recipient, setRecipient] = useState('');
  const [basis, setBasis] = useState<DisclosureBasis>(staff ? 'FVL_13B_5' : 'POLITIREGISTERLOVEN_27');
  const [register, setRegister] = useState('');
  const [averts, setAverts] = useState(false);
  const [decidedById, setDecidedById] = useState('');
  const [decidedByName, setDecidedByName] = useState(staff ? '' : me.name);
  const [decidedAt, setDecidedAt] = useState(localInputValue(serviceNow()));
  const [form, setForm] = useState<DisclosureForm>('WRITTEN');
  const [unverified, setUnverified] = useState(false);
  const [source, setSource] = useState('');
  const action = useAction(recordDocument, onDone);
  const deciders = nodes(data?.staffMembers);

  return (
    <form
      className="panel"
      aria-labelledby="ny-utlevering"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit(() => ({
          in: {
            direction,
            convictId: staff && convictId ? convictId : undefined,
            convictNationalIdentityNumber: !staff || !convictId ? nin.replace(/\s/g, '') || undefined : undefined,
            policeDistrictId: staff ? district || undefined : undefined,
            category,
            summary,
            purpose,
            recipient,
            legalBasis: basis,
            register: register || undefined,
            avertsImprisonableOffence: averts,
            decidedById: direction === 'TO_POLICE' && staff ? decidedById || undefined : undefined,
            decidedByName: direction === 'FROM_POLICE' || !staff ? decidedByName || undefined : undefined,
            decidedAt: instantOf(decidedAt),
            form,
            unverified,
            source: unverified ? source : undefined,
          },
        }));
      }}
    >
      <VStack gap="space-16">
        <Heading id="ny-utlevering" level="2" size="medium">
          Registrer utlevering
        </Heading>
        {staff ? (
          <Select label="Retning" value={direction} onChange={(e) => setDirection(e.target.value as DisclosureDirection)}>
            <Options names={disclosureDirectionLabels} />
          </Select>
        ) : (
          // The police record what they disclosed; the correctional service records its own (IX1).
          <BodyShort>Retning: {label(disclosureDirectionLabels, 'FROM_POLICE')}</BodyShort>
        )}
        <HStack gap="space-16">
          {staff ? (
            <ConvictPicker
              value={chosen}
              onChange={setChosen}
              field={action.field('convictId', { label: 'Domfelt', kind: 'choice', required: true, value: convictId, missing: 'Velg domfelte opplysningene gjelder.' })}
            />
          ) : (
            <TextField
              {...action.field('convictNationalIdentityNumber', { label: 'Domfeltes fødselsnummer eller D-nummer', required: true, kind: 'identityNumber', value: nin })}
              inputMode="numeric"
              value={nin}
              onChange={(e) => setNin(e.target.value)}
              autoComplete="off"
            />
          )}
          {staff && (
            <Select {...action.field('policeDistrictId', { label: 'Politidistrikt', kind: 'choice', required: true, value: district })} value={district} onChange={(e) => setDistrict(e.target.value)}>
              <option value="">Velg distrikt</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          )}
        </HStack>
        {chosen?.infoflyt && (
          <Alert variant="warning" size="small">
            {chosen.name} følges opp i INFOFLYT. Ordinær utlevering er sperret; bruk INFOFLYT-prosedyren (IX6).
          </Alert>
        )}
        <HStack gap="space-16">
          <Select label="Kategori" value={category} onChange={(e) => setCategory(e.target.value as DisclosureCategory)}>
            <Options names={disclosureCategoryLabels} />
          </Select>
          <Select label="Hjemmel" value={basis} onChange={(e) => setBasis(e.target.value as DisclosureBasis)}>
            <Options names={disclosureBasisLabels} />
          </Select>
        </HStack>
        {category === 'HEALTH' && direction === 'TO_POLICE' && <RuleNote ids={['IX4']} />}
        {category === 'CRIMINAL_RECORD' && (
          <TextField {...action.field('register', { label: 'Register', value: register })} description="Hvilket register opplysningene er fra (IX3)" value={register} onChange={(e) => setRegister(e.target.value)} />
        )}
        {category === 'COMMUNICATION_CONTROL' && (
          <Checkbox checked={averts} onChange={(e) => setAverts(e.target.checked)}>
            Formålet er å avverge en straffbar handling som kan gi fengsel (straffeprosessloven § 216 i)
          </Checkbox>
        )}
        <Textarea {...action.field('summary', { label: 'Hva som ble utlevert', required: true, kind: 'paragraphs', value: summary })} description="Kort" value={summary} onChange={(e) => setSummary(e.target.value)} minRows={2} />
        <HStack gap="space-16">
          <TextField {...action.field('purpose', { label: 'Formål', required: true, value: purpose })} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
          <TextField {...action.field('recipient', { label: 'Mottaker', required: true, value: recipient })} description="Person eller enhet" value={recipient} onChange={(e) => setRecipient(e.target.value)} />
        </HStack>
        <HStack gap="space-16">
          {direction === 'TO_POLICE' && staff ? (
            <Select label="Besluttet av" description="Enhetens leder eller den lederen har delegert til (IX2)" value={decidedById} onChange={(e) => setDecidedById(e.target.value)}>
              <option value="">Velg</option>
              {deciders.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.headOfUnit ? ' (leder)' : ''}
                </option>
              ))}
            </Select>
          ) : (
            <TextField label="Besluttet av" value={decidedByName} onChange={(e) => setDecidedByName(e.target.value)} />
          )}
          <TimeField {...action.field('decidedAt', { label: 'Når', required: true, kind: 'date', value: decidedAt })} type="datetime-local" value={decidedAt} onChange={(e) => setDecidedAt(e.target.value)} />
          <Select label="Form" value={form} onChange={(e) => setForm(e.target.value as DisclosureForm)}>
            <option value="WRITTEN">Skriftlig</option>
            <option value="ORAL">Muntlig</option>
          </Select>
        </HStack>
        <Checkbox checked={unverified} onChange={(e) => setUnverified(e.target.checked)}>
          Opplysningene er ikke bekreftet (slettes etter 4 måneder, IX8)
        </Checkbox>
        {unverified && <TextField {...action.field('source', { label: 'Kilde', value: source })} value={source} onChange={(e) => setSource(e.target.value)} />}
        <ProblemMessage problem={action.problem} heading="Utleveringen ble ikke registrert" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Registrer" />
      </VStack>
    </form>
  );
}

/** Delegations: the head of unit grants and revokes the authority to decide disclosures (IX2). */
function Delegations() {
  const [{ data }, reexecute] = useStaffContext(false);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const [delegate, setDelegate] = useState('');
  const grant = useAction(delegateDocument, () => (setDelegate(''), refresh()));
  const revoke = useAction(revokeDocument, refresh);
  const staff = nodes(data?.staffMembers);
  const head = data?.self.edges?.[0]?.node?.headOfUnit ?? false;
  const delegations = data?.disclosureDelegations ?? [];
  return (
    <section aria-labelledby="delegering">
      <Heading id="delegering" level="2" size="medium" spacing>
        Delegert beslutningsmyndighet (IX2)
      </Heading>
      <VStack gap="space-12">
        {delegations.length === 0 ? (
          <Empty>Ingen har fått delegert myndigheten; bare enhetens leder kan beslutte utlevering.</Empty>
        ) : (
          <VStack as="ul" gap="space-4" className="plain-list">
            {delegations.map((d) => (
              <li key={d.id}>
                <HStack gap="space-8" align="center">
                  <BodyShort size="small">
                    {d.delegate.name}, {d.unit.name}, fra {formatDate(d.grantedAt)}
                  </BodyShort>
                  {head && (
                    <Button size="xsmall" variant="tertiary" loading={revoke.busy} onClick={() => void revoke.submit({ id: d.id })}>
                      Trekk tilbake<span className="sr-only"> fra {d.delegate.name}</span>
                    </Button>
                  )}
                </HStack>
              </li>
            ))}
          </VStack>
        )}
        <ProblemMessage problem={revoke.problem} />
        {head && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void grant.submit({ id: delegate });
            }}
          >
            <HStack gap="space-8" align="end">
              <Select label="Deleger til" value={delegate} onChange={(e) => setDelegate(e.target.value)}>
                <option value="">Velg ansatt</option>
                {staff
                  .filter((s) => !s.headOfUnit)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </Select>
              <Button type="submit" size="small" variant="secondary" loading={grant.busy}>
                Deleger
              </Button>
            </HStack>
            <ProblemMessage problem={grant.problem} heading="Delegeringen ble ikke registrert" />
          </form>
        )}
      </VStack>
    </section>
  );
}
