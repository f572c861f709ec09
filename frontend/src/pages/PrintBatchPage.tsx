import { BodyLong, Button, Heading, Link, Table, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from 'urql';
import { FileButton } from '../components/FileButton';
import { Empty, PageState } from '../components/PageState';
import { ProblemMessage } from '../components/ProblemMessage';
import { graphql } from '../gql';
import { formatDate } from '../lib/format';
import { RuleNote } from '../lib/rulebook';
import { useAction } from '../lib/useAction';
import { TableScroll } from '../components/TableScroll';

const batchDocument = graphql(`
  query PrintBatch {
    notificationWorklist {
      step
      title
      deadline
      overdue
      convict {
        id
        name
      }
      custodyEvent {
        id
      }
      notice {
        id
        dueDate
      }
    }
  }
`);
const postedDocument = graphql(`
  mutation MarkBatchNoticePosted($id: ID!) {
    markNoticePosted(id: $id) {
      id
      status
    }
  }
`);

/**
 * PrintBatchPage is the unit's letters waiting to be printed: one PDF of them
 * all, most urgent first, and each marked posted once it is in the post (NT1).
 */
export function PrintBatchPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: batchDocument, requestPolicy: 'network-only' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const posted = useAction(postedDocument, refresh);
  const letters = (data?.notificationWorklist ?? []).filter((i) => i.step === 'POST_LETTER' && i.notice);
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Utskrift av brev
      </Heading>
      <RuleNote ids={['NT1', 'NT6']} />
      <PageState fetching={fetching} error={error} hasData={!!data} what="utskriftsbunken" retry={refresh}>
        {letters.length === 0 ? (
          <Empty>Ingen brev venter på utskrift.</Empty>
        ) : (
          <VStack gap="space-16">
            <BodyLong>
              {letters.length === 1 ? 'Ett brev venter.' : `${letters.length} brev venter.`} Skriv ut bunken, legg brevene i posten, og merk hvert brev som postet.
            </BodyLong>
            <FileButton path="/letters/print-batch" filename="utskriftsbunke.pdf" working="Lager utskriftsbunken">
              Lag utskriftsbunken (PDF)
            </FileButton>
            <ProblemMessage problem={posted.problem} heading="Brevet ble ikke merket som postet" />
            <TableScroll label="Brev til utskrift">
              <Table size="small">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Frist</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Brev</Table.HeaderCell>
                    <Table.HeaderCell scope="col">
                      <span className="sr-only">Handling</span>
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {letters.map((l) => (
                    <Table.Row key={l.notice!.id}>
                      <Table.DataCell>{formatDate(l.notice!.dueDate)}</Table.DataCell>
                      <Table.DataCell>
                        <Link as={RouterLink} to={`/hendelser/${l.custodyEvent?.id}#varsel-${l.notice!.id}`}>
                          {l.title}
                        </Link>
                      </Table.DataCell>
                      <Table.DataCell>
                        <Button size="xsmall" variant="secondary" loading={posted.busy} onClick={() => void posted.submit({ id: l.notice!.id })}>
                          Merk som postet<span className="sr-only">: {l.title}</span>
                        </Button>
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </VStack>
        )}
      </PageState>
    </VStack>
  );
}
