import { BodyShort, Heading, Table, VStack } from '@navikt/ds-react';
import { useQuery } from 'urql';
import { Empty, PageState } from '../components/PageState';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type { PoliceReportHeldReason } from '../gql/graphql';
import { formatDateTime } from '../lib/format';
import { label, nodes, policeReportKindLabels } from '../lib/labels';
import { RuleNote } from '../lib/rulebook';

const queueDocument = graphql(`
  query NationalQueue {
    policeReports(first: 100) {
      totalCount
      edges {
        node {
          id
          kind
          summary
          reportedAt
          reportedByName
          policeDistrict {
            name
          }
          heldReason
          nationalIdentityNumber
        }
      }
    }
  }
`);

const heldLabels: Record<PoliceReportHeldReason, string> = {
  UNKNOWN_PERSON: 'Ingen domfelt med dette nummeret',
  INFOFLYT: 'Domfelt i INFOFLYT – behandles etter INFOFLYT-prosedyren (IX6)',
};

/**
 * NationalQueuePage shows the administrators the police's mandatory messages
 * that reached no unit: on a person who is no convict, or on one under
 * INFOFLYT. The police were answered alike either way, so that they learn
 * nothing of the registry; here the messages are handled by hand.
 */
export function NationalQueuePage() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: queueDocument, requestPolicy: 'network-only' });
  const reports = nodes(data?.policeReports);
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Nasjonal kø
      </Heading>
      <RuleNote ids={['IX5', 'IX6']} />
      <BodyShort>
        Meldinger fra politiet som ikke nådde en enhet. Politiet fikk samme svar som for andre meldinger, og får ikke vite om personen er domfelt.
      </BodyShort>
      <PageState fetching={fetching} error={error} hasData={!!data} what="køen" retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {reports.length === 0 ? (
          <Empty>Ingen meldinger i køen.</Empty>
        ) : (
          <TableScroll label="Meldinger i den nasjonale køen">
            <Table size="small">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Mottatt</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Fra</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Gjelder</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Fødselsnummer</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Hvorfor her</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Kort om saken</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {reports.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.DataCell>{formatDateTime(r.reportedAt)}</Table.DataCell>
                    <Table.DataCell>
                      {r.reportedByName}, {r.policeDistrict.name}
                    </Table.DataCell>
                    <Table.DataCell>{label(policeReportKindLabels, r.kind)}</Table.DataCell>
                    <Table.DataCell>{r.nationalIdentityNumber}</Table.DataCell>
                    <Table.DataCell>{r.heldReason ? heldLabels[r.heldReason] : ''}</Table.DataCell>
                    <Table.DataCell>{r.summary}</Table.DataCell>
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
