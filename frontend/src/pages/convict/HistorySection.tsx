import { Detail, Table } from '@navikt/ds-react';
import { useQuery } from 'urql';
import { Empty, PageState } from '../../components/PageState';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { auditActionLabels, entityTypeLabel, label } from '../../lib/labels';
import { RuleNote } from '../../lib/rulebook';
import { TableScroll } from '../../components/TableScroll';

const historyDocument = graphql(`
  query ConvictHistory($id: ID!) {
    convictHistory(convictId: $id) {
      seq
      occurredAt
      actorName
      operation
      action
      entityType
      entityID
    }
  }
`);

/** HistorySection is the audit trail of the case: who recorded what, and when (notoritet, PR3). */
export function HistorySection({ convictId }: { convictId: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: historyDocument, variables: { id: convictId }, requestPolicy: 'network-only' });
  const rows = data?.convictHistory ?? [];
  return (
    <PageState fetching={fetching} error={error} hasData={!!data} what="historikken" retry={() => reexecute({ requestPolicy: 'network-only' })}>
      <RuleNote ids={['PR3']} />
      {rows.length === 0 ? (
        <Empty>Ingen endringer er registrert.</Empty>
      ) : (
        <TableScroll label="Historikk">
          <Table size="small">
            <caption className="sr-only">Endringer i saken, nyeste først</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Tidspunkt</Table.HeaderCell>
                <Table.HeaderCell scope="col">Hvem</Table.HeaderCell>
                <Table.HeaderCell scope="col">Hva</Table.HeaderCell>
                <Table.HeaderCell scope="col">Handling</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={r.seq}>
                  <Table.DataCell>{formatDateTime(r.occurredAt)}</Table.DataCell>
                  <Table.DataCell>{r.actorName}</Table.DataCell>
                  <Table.DataCell>
                    {label(auditActionLabels, r.action)}: {entityTypeLabel(r.entityType).toLowerCase()} <Detail as="span">#{r.entityID}</Detail>
                  </Table.DataCell>
                  <Table.DataCell>
                    <code>{r.operation || 'oppstart'}</code>
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </PageState>
  );
}
