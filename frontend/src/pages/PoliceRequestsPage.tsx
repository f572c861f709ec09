import { Box, Detail, Heading, HStack, Link, Select, Table, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from 'urql';
import { Empty, PageState } from '../components/PageState';
import { graphql } from '../gql';
import type { PoliceRequestKind, PoliceRequestStatus } from '../gql/graphql';
import { formatDate, formatDateTime } from '../lib/format';
import { label, policeRequestKindLabels, policeRequestStatusLabels, nodes } from '../lib/labels';
import { RuleNote } from '../lib/rulebook';
import { useSession } from '../lib/session';
import { PoliceRequestStatusTag } from '../components/PoliceRequestStatusTag';
import { Options } from '../components/Options';
import { TableScroll } from '../components/TableScroll';
import { useNarrow } from '../lib/useNarrow';

const requestsDocument = graphql(`
  query PoliceRequests($kind: PoliceRequestKind, $status: PoliceRequestStatus) {
    policeRequests(first: 100, kind: $kind, status: $status, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      edges {
        node {
          id
          kind
          status
          createdAt
          answerBy
          unit {
            name
          }
        }
      }
    }
  }
`);

/**
 * PoliceRequestsPage is the police district's list of what the correctional
 * service asks of it: deliver a notice (RC9), a statement on the risk of
 * revenge (AS2), information (AS6). Only the district's own (PR5).
 */
export function PoliceRequestsPage() {
  const { me } = useSession();
  const [kind, setKind] = useState<PoliceRequestKind | ''>('');
  const [status, setStatus] = useState<PoliceRequestStatus | ''>('');
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: requestsDocument,
    variables: { kind: kind || undefined, status: status || undefined },
    requestPolicy: 'cache-and-network',
  });
  const rows = nodes(data?.policeRequests);
  const narrow = useNarrow();
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Anmodninger fra kriminalomsorgen{me.policeDistrict ? ` – ${me.policeDistrict.name}` : ''}
      </Heading>
      <RuleNote ids={['RC9', 'AS2', 'AS6', 'PR5']} />
      <HStack gap="space-16">
        <Select label="Type" value={kind} onChange={(e) => setKind(e.target.value as PoliceRequestKind | '')}>
          <option value="">Alle</option>
          <Options names={policeRequestKindLabels} />
        </Select>
        <Select label="Status" value={status} onChange={(e) => setStatus(e.target.value as PoliceRequestStatus | '')}>
          <option value="">Alle</option>
          <Options names={policeRequestStatusLabels} />
        </Select>
      </HStack>
      <PageState fetching={fetching} error={error} hasData={!!data} what="anmodningene" retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {rows.length === 0 ? (
          <Empty>Ingen anmodninger{kind || status ? ' som passer filteret' : ''}.</Empty>
        ) : narrow ? (
          // On a phone, in the field: one card per request, the link first.
          <ul className="plain-list card-list" aria-label={`Anmodninger til distriktet (${data?.policeRequests.totalCount})`}>
            {rows.map((r) => (
              <li key={r.id}>
                <Box padding="space-12" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" background="default">
                  <VStack gap="space-4" align="start">
                    <Link as={RouterLink} to={`/politi/anmodninger/${r.id}`}>
                      {label(policeRequestKindLabels, r.kind)}
                    </Link>
                    <Detail>
                      Fra {r.unit.name}, mottatt {formatDateTime(r.createdAt)}
                    </Detail>
                    {r.answerBy && <Detail weight="semibold">Frist {formatDate(r.answerBy)}</Detail>}
                    <PoliceRequestStatusTag status={r.status} kind={r.kind} />
                  </VStack>
                </Box>
              </li>
            ))}
          </ul>
        ) : (
          <TableScroll label="Anmodninger">
            <Table size="small">
              <caption className="sr-only">Anmodninger til distriktet ({data?.policeRequests.totalCount})</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Mottatt</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Anmodning</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Fra</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Frist</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.DataCell>{formatDateTime(r.createdAt)}</Table.DataCell>
                    <Table.DataCell>
                      <Link as={RouterLink} to={`/politi/anmodninger/${r.id}`}>
                        {label(policeRequestKindLabels, r.kind)}
                      </Link>
                    </Table.DataCell>
                    <Table.DataCell>{r.unit.name}</Table.DataCell>
                    <Table.DataCell>{r.answerBy ? formatDate(r.answerBy) : '–'}</Table.DataCell>
                    <Table.DataCell>
                      <PoliceRequestStatusTag status={r.status} kind={r.kind} />
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
