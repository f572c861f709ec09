import { Link, Table, Tag } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from 'urql';
import { Empty, PageState } from '../../components/PageState';
import { graphql } from '../../gql';
import { formatDate, formatDateTime } from '../../lib/format';
import { channelLabels, eventKindLabels, label, nodes } from '../../lib/labels';
import { NoticeStatusTag } from '../../components/NoticeStatusTag';
import { TableScroll } from '../../components/TableScroll';

const noticesDocument = graphql(`
  query ConvictNotices($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convict {
        id
        custodyEvents(first: 100, orderBy: { field: STARTS_AT, direction: DESC }) {
          edges {
            node {
              id
              kind
              startsAt
              notices {
                id
                status
                channel
                route
                dueDate
                late
                sentAt
                deliveredAt
                victim {
                  name
                }
                survivor {
                  name
                }
                guardian {
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** NoticesSection lists every notice of the convict's events, with its recipient, channel and status. */
export function NoticesSection({ convictId }: { convictId: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: noticesDocument, variables: { id: convictId }, requestPolicy: 'cache-and-network' });
  const events = data?.node?.__typename === 'Convict' ? nodes(data.node.custodyEvents) : [];
  const rows = events.flatMap((e) => (e.notices ?? []).map((n) => ({ event: e, notice: n })));
  return (
    <PageState fetching={fetching} error={error} hasData={!!data} what="varslene" retry={() => reexecute({ requestPolicy: 'network-only' })}>
      {rows.length === 0 ? (
        <Empty>Ingen varsler er laget for domfelte.</Empty>
      ) : (
        <TableScroll label="Varsler">
          <Table size="small">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Hendelse</Table.HeaderCell>
                <Table.HeaderCell scope="col">Mottaker</Table.HeaderCell>
                <Table.HeaderCell scope="col">Frist</Table.HeaderCell>
                <Table.HeaderCell scope="col">Kanal</Table.HeaderCell>
                <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map(({ event, notice: n }) => (
                <Table.Row key={n.id}>
                  <Table.DataCell>
                    <Link as={RouterLink} to={`/hendelser/${event.id}#varsel-${n.id}`}>
                      {label(eventKindLabels, event.kind)} {formatDate(event.startsAt)}
                    </Link>
                  </Table.DataCell>
                  <Table.DataCell>
                    {n.guardian ? `${n.guardian.name} på vegne av ${n.victim?.name ?? n.survivor?.name}` : (n.victim?.name ?? n.survivor?.name)}
                  </Table.DataCell>
                  <Table.DataCell>
                    {formatDate(n.dueDate)}{' '}
                    {n.late && (
                      <Tag size="xsmall" variant="moderate" data-color="warning">
                        Sent (NT2)
                      </Tag>
                    )}
                  </Table.DataCell>
                  <Table.DataCell>{n.channel ? label(channelLabels, n.channel) : '–'}</Table.DataCell>
                  <Table.DataCell>
                    <NoticeStatusTag status={n.status} />
                    {n.deliveredAt ? ` ${formatDateTime(n.deliveredAt)}` : n.sentAt ? ` ${formatDateTime(n.sentAt)}` : ''}
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

