import { BodyShort, Heading, Table, VStack } from '@navikt/ds-react';
import { useQuery } from 'urql';
import { Empty, PageState } from '../components/PageState';
import { graphql } from '../gql';
import { formatDate, formatDateTime } from '../lib/format';
import { RuleNote } from '../lib/rulebook';
import { TableScroll } from '../components/TableScroll';

const retentionDocument = graphql(`
  query RetentionReport {
    retentionReport {
      asOf
      applied
      unverifiedDisclosures {
        id
        expiresOn
      }
      convicts {
        id
        expiresOn
      }
    }
  }
`);

/** RetentionPage is the dry run of retention (IX8): what the deletion job would remove today, by identifier only. */
export function RetentionPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: retentionDocument, requestPolicy: 'network-only' });
  const r = data?.retentionReport;
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Sletting av personopplysninger
      </Heading>
      <RuleNote ids={['IX8']} />
      <PageState fetching={fetching} error={error} hasData={!!data} what="sletteoversikten" retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {r && (
          <VStack gap="space-16">
            <BodyShort>
              Prøvekjøring {formatDateTime(r.asOf)}: dette sletter den faste slettejobben. Revisjonssporet beholder at noe ble slettet, ikke hva.
            </BodyShort>
            <List title="Ubekreftede opplysninger eldre enn 4 måneder" items={r.unverifiedDisclosures} what="utlevering" />
            <List title="Domfelte med straff avsluttet for 10 år siden eller mer" items={r.convicts} what="domfelt" />
          </VStack>
        )}
      </PageState>
    </VStack>
  );
}

function List({ title, items, what }: { title: string; items: { id: string; expiresOn: string }[]; what: string }) {
  return (
    <section aria-label={title}>
      <Heading level="2" size="small" spacing>
        {title}
      </Heading>
      {items.length === 0 ? (
        <Empty>Ingenting å slette.</Empty>
      ) : (
        <TableScroll label="Hva som ville blitt slettet">
          <Table size="small">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Id</Table.HeaderCell>
                <Table.HeaderCell scope="col">Utløpt</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {items.map((i) => (
                <Table.Row key={i.id}>
                  <Table.DataCell>
                    {what} #{i.id}
                  </Table.DataCell>
                  <Table.DataCell>{formatDate(i.expiresOn)}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
