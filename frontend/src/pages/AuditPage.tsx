import { Alert, BodyShort, Button, Detail, Heading, HStack, Select, Table, Tabs, TextField, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Empty, PageState } from '../components/PageState';
import { graphql } from '../gql';
import type { AccessLogEntryPersonType, AccessLogEntryWhereInput, AuditEventWhereInput } from '../gql/graphql';
import { formatDateTime, fromNorwegianTime } from '../lib/format';
import { auditActionLabels, entityTypeLabel, label, nodes } from '../lib/labels';
import { RuleNote } from '../lib/rulebook';
import { TimeField } from '../components/TimeField';
import { TableScroll } from '../components/TableScroll';

const chainDocument = graphql(`
  query AuditChainStatus {
    auditChainStatus {
      intact
      checked
      firstBrokenSeq
      problem
    }
  }
`);

const auditDocument = graphql(`
  query AuditEvents($where: AuditEventWhereInput, $after: Cursor) {
    auditEvents(first: 50, after: $after, where: $where, orderBy: { field: SEQ, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          seq
          occurredAt
          actor
          operation
          action
          entityType
          entityID
          hash
        }
      }
    }
  }
`);

const accessDocument = graphql(`
  query AccessLog($where: AccessLogEntryWhereInput, $after: Cursor) {
    accessLog(first: 50, after: $after, where: $where, orderBy: { field: OCCURRED_AT, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          occurredAt
          actor
          personType
          personID
          criminalCaseID
          policeRequestID
          identity
          address
          operation
        }
      }
    }
  }
`);

const personTypeLabels: Record<AccessLogEntryPersonType, string> = { VICTIM: 'Fornærmet', SURVIVOR: 'Etterlatt', GUARDIAN: 'Verge' };

/**
 * AuditPage is the auditor's view: whether the audit trail's hash chain is
 * intact (PR3), the trail itself, and the log of every read of a person's
 * identity or address (PR2) — identifiers only.
 */
export function AuditPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: chainDocument, requestPolicy: 'network-only' });
  // The tab is in the address (?fane=tilgang), so that it can be linked to and survives a reload.
  const [search, setSearch] = useSearchParams();
  const tab = search.get('fane') === 'tilgang' ? 'tilgang' : 'spor';
  const setTab = (t: string) => setSearch({ fane: t }, { replace: true });
  const st = data?.auditChainStatus;
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Revisjon
      </Heading>
      <RuleNote ids={['PR3', 'PR2']} />
      <PageState fetching={fetching} error={error} hasData={!!data} what="kontrollen av revisjonssporet" retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {st && (
          <Alert variant={st.intact ? 'success' : 'error'} role="status">
            <HStack justify="space-between" align="center" gap="space-8">
              <VStack gap="space-2">
                <BodyShort weight="semibold">
                  {st.intact ? `Revisjonssporet er intakt: ${st.checked} rader kontrollert.` : `Revisjonssporet er brutt ved rad ${st.firstBrokenSeq}.`}
                </BodyShort>
                {st.problem && <BodyShort size="small">{st.problem}</BodyShort>}
              </VStack>
              <Button size="small" variant="secondary" loading={fetching} onClick={() => reexecute({ requestPolicy: 'network-only' })}>
                Kontroller på nytt
              </Button>
            </HStack>
          </Alert>
        )}
      </PageState>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="spor" label="Revisjonsspor" />
          <Tabs.Tab value="tilgang" label="Tilgangslogg" />
        </Tabs.List>
        <Tabs.Panel value="spor" className="tab-panel">
          <AuditTrail />
        </Tabs.Panel>
        <Tabs.Panel value="tilgang" className="tab-panel">
          <AccessLog />
        </Tabs.Panel>
      </Tabs>
    </VStack>
  );
}

function Since({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return <TimeField label="Fra og med" type="datetime-local" size="small" value={value} onChange={(e) => onChange(e.target.value)} />;
}

function AuditTrail() {
  const [actor, setActor] = useState('');
  const [entityType, setEntityType] = useState('');
  const [operation, setOperation] = useState('');
  const [since, setSince] = useState('');
  const [after, setAfter] = useState<string[]>([]);
  const where: AuditEventWhereInput = {
    actorContainsFold: actor || undefined,
    entityType: entityType || undefined,
    operationContainsFold: operation || undefined,
    occurredAtGTE: since ? fromNorwegianTime(since) : undefined,
  };
  const [{ data, fetching, error }, reexecute] = useQuery({ query: auditDocument, variables: { where, after: after.at(-1) } });
  const rows = nodes(data?.auditEvents);
  return (
    <VStack gap="space-16">
      <form role="search" aria-label="Søk i revisjonssporet" onSubmit={(e) => e.preventDefault()}>
        <HStack gap="space-12" align="end" wrap>
          <TextField label="Hvem (brukernavn)" size="small" value={actor} onChange={(e) => (setActor(e.target.value), setAfter([]))} />
          <Select label="Hva" size="small" value={entityType} onChange={(e) => (setEntityType(e.target.value), setAfter([]))}>
            <option value="">Alt</option>
            {['Convict', 'CriminalCase', 'Victim', 'Survivor', 'Guardian', 'CustodyEvent', 'SecurityAssessment', 'Assessment', 'Decision', 'Appeal', 'Notice', 'PoliceRequest', 'PoliceReport', 'Disclosure', 'Delegation', 'DocumentMark'].map((t) => (
              <option key={t} value={t}>
                {entityTypeLabel(t)}
              </option>
            ))}
          </Select>
          <TextField label="Operasjon" size="small" value={operation} onChange={(e) => (setOperation(e.target.value), setAfter([]))} />
          <Since value={since} onChange={(v) => (setSince(v), setAfter([]))} />
        </HStack>
      </form>
      <PageState fetching={fetching} error={error} hasData={!!data} what="revisjonssporet" retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {rows.length === 0 ? (
          <Empty>Ingen rader passer søket.</Empty>
        ) : (
          <>
            <Detail>{data?.auditEvents.totalCount === 1 ? '1 rad' : `${data?.auditEvents.totalCount} rader`}</Detail>
            <TableScroll label="Revisjonsspor">
              <Table size="small">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Nr.</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Tidspunkt</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Hvem</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Hva</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Operasjon</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Hash</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {rows.map((r) => (
                    <Table.Row key={r.id}>
                      <Table.DataCell>{r.seq}</Table.DataCell>
                      <Table.DataCell>{formatDateTime(r.occurredAt)}</Table.DataCell>
                      <Table.DataCell>{r.actor}</Table.DataCell>
                      <Table.DataCell>
                        {label(auditActionLabels, r.action)}: {entityTypeLabel(r.entityType).toLowerCase()} #{r.entityID}
                      </Table.DataCell>
                      <Table.DataCell>
                        <code>{r.operation || '–'}</code>
                      </Table.DataCell>
                      <Table.DataCell>
                        <code title={r.hash}>{r.hash.slice(0, 12)}…</code>
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
            <Pager
              hasPrevious={after.length > 0}
              hasNext={!!data?.auditEvents.pageInfo.hasNextPage}
              onPrevious={() => setAfter(after.slice(0, -1))}
              onNext={() => data?.auditEvents.pageInfo.endCursor && setAfter([...after, data.auditEvents.pageInfo.endCursor])}
            />
          </>
        )}
      </PageState>
    </VStack>
  );
}

function AccessLog() {
  const [actor, setActor] = useState('');
  const [personType, setPersonType] = useState<AccessLogEntryPersonType | ''>('');
  const [personID, setPersonID] = useState('');
  const [since, setSince] = useState('');
  const [after, setAfter] = useState<string[]>([]);
  const where: AccessLogEntryWhereInput = {
    actorContainsFold: actor || undefined,
    personType: personType || undefined,
    personID: personID ? Number(personID) : undefined,
    occurredAtGTE: since ? fromNorwegianTime(since) : undefined,
  };
  const [{ data, fetching, error }, reexecute] = useQuery({ query: accessDocument, variables: { where, after: after.at(-1) } });
  const rows = nodes(data?.accessLog);
  return (
    <VStack gap="space-16">
      <form role="search" aria-label="Søk i tilgangsloggen" onSubmit={(e) => e.preventDefault()}>
        <HStack gap="space-12" align="end" wrap>
          <TextField label="Hvem (brukernavn)" size="small" value={actor} onChange={(e) => (setActor(e.target.value), setAfter([]))} />
          <Select label="Person" size="small" value={personType} onChange={(e) => (setPersonType(e.target.value as AccessLogEntryPersonType | ''), setAfter([]))}>
            <option value="">Alle</option>
            <option value="VICTIM">Fornærmet</option>
            <option value="SURVIVOR">Etterlatt</option>
            <option value="GUARDIAN">Verge</option>
          </Select>
          <TextField label="Person-ID" size="small" inputMode="numeric" value={personID} onChange={(e) => (setPersonID(e.target.value.replace(/\D/g, '')), setAfter([]))} />
          <Since value={since} onChange={(v) => (setSince(v), setAfter([]))} />
        </HStack>
      </form>
      <PageState fetching={fetching} error={error} hasData={!!data} what="tilgangsloggen" retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {rows.length === 0 ? (
          <Empty>Ingen visninger passer søket.</Empty>
        ) : (
          <>
            <Detail>{data?.accessLog.totalCount} visninger</Detail>
            <TableScroll label="Tilgangslogg">
              <Table size="small">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Tidspunkt</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Hvem</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Hvilken person</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Sak</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Hva</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Hvor</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {rows.map((r) => (
                    <Table.Row key={r.id}>
                      <Table.DataCell>{formatDateTime(r.occurredAt)}</Table.DataCell>
                      <Table.DataCell>{r.actor}</Table.DataCell>
                      <Table.DataCell>
                        {r.personType ? `${personTypeLabels[r.personType]} #${r.personID}` : r.policeRequestID ? `Anmodning #${r.policeRequestID}` : '–'}
                      </Table.DataCell>
                      <Table.DataCell>{r.criminalCaseID ? `#${r.criminalCaseID}` : '–'}</Table.DataCell>
                      <Table.DataCell>{[r.identity && 'identitet', r.address && 'adresse'].filter(Boolean).join(' og ') || 'anmodning'}</Table.DataCell>
                      <Table.DataCell>
                        <code>{r.operation || '–'}</code>
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
            <Pager
              hasPrevious={after.length > 0}
              hasNext={!!data?.accessLog.pageInfo.hasNextPage}
              onPrevious={() => setAfter(after.slice(0, -1))}
              onNext={() => data?.accessLog.pageInfo.endCursor && setAfter([...after, data.accessLog.pageInfo.endCursor])}
            />
          </>
        )}
      </PageState>
    </VStack>
  );
}

function Pager({ hasPrevious, hasNext, onPrevious, onNext }: { hasPrevious: boolean; hasNext: boolean; onPrevious: () => void; onNext: () => void }) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <HStack gap="space-8">
      <Button size="small" variant="secondary" disabled={!hasPrevious} onClick={onPrevious}>
        Nyere
      </Button>
      <Button size="small" variant="secondary" disabled={!hasNext} onClick={onNext}>
        Eldre
      </Button>
    </HStack>
  );
}
