import { BodyShort, Heading, Table, VStack } from '@navikt/ds-react';
import { useQuery } from 'urql';
import { Empty, PageState } from '../components/PageState';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type { PoliceReportHeldReason } from '../gql/graphql';
import { formatDateTime } from '../lib/format';
import { disclosureCategoryLabels, label, nodes, policeReportKindLabels } from '../lib/labels';
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
    disclosures(first: 100) {
      totalCount
      edges {
        node {
          id
          category
          summary
          decidedAt
          decidedByName
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
 * nothing of the registry; here the messages are handled by hand. So are the
 * disclosures the police recorded by identity number that reached no unit.
 */
export function NationalQueuePage() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: queueDocument, requestPolicy: 'network-only' });
  const reports = nodes(data?.policeReports);
  const disclosures = nodes(data?.disclosures);
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
        <Heading level="2" size="medium">
          Utleveringer fra politiet
        </Heading>
        {disclosures.length === 0 ? (
          <Empty>Ingen utleveringer i køen.</Empty>
        ) : (
          <TableScroll label="Utleveringer i den nasjonale køen">
            <Table size="small">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Besluttet</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Fra</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Gjelder</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Fødselsnummer</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Hvorfor her</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Kort om saken</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {disclosures.map((d) => (
                  <Table.Row key={d.id}>
                    <Table.DataCell>{formatDateTime(d.decidedAt)}</Table.DataCell>
                    <Table.DataCell>
                      {d.decidedByName}, {d.policeDistrict.name}
                    </Table.DataCell>
                    <Table.DataCell>{label(disclosureCategoryLabels, d.category)}</Table.DataCell>
                    <Table.DataCell>{d.nationalIdentityNumber}</Table.DataCell>
                    <Table.DataCell>{d.heldReason ? heldLabels[d.heldReason] : ''}</Table.DataCell>
                    <Table.DataCell>{d.summary}</Table.DataCell>
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
