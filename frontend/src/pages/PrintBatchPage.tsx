import { Alert, BodyLong, BodyShort, Button, Heading, HStack, Link, Table, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FileButton } from '../components/FileButton';
import { Empty, PageState } from '../components/PageState';
import { ProblemMessage } from '../components/ProblemMessage';
import { graphql } from '../gql';
import type { GuardianKind, NoticeKind } from '../gql/graphql';
import { problemOf, type Problem } from '../lib/errors';
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
        kind
        victimID
        survivorID
        guardian {
          id
          kind
        }
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
 * recipientRole says whom a letter is for by their part in the case only —
 * «Fornærmede», «Etterlatt», «Foresatt for fornærmede» — never by name: the
 * letter itself names them, and the list needs no more (PR2). A correction
 * or a cancellation says so.
 */
export function recipientRole(n: { kind: NoticeKind; victimID?: string | null; survivorID?: string | null; guardian?: { kind: GuardianKind } | null }): string {
  const person = n.survivorID ? 'etterlatt' : 'fornærmede';
  const role = n.guardian ? `${n.guardian.kind === 'APPOINTED_GUARDIAN' ? 'Verge' : 'Foresatt'} for ${person}` : person === 'etterlatt' ? 'Etterlatt' : 'Fornærmede';
  const kind = n.kind === 'CORRECTION' ? ' (rettelse)' : n.kind === 'CANCELLATION' ? ' (avlysning)' : '';
  return role + kind;
}

/**
 * PrintBatchPage is the unit's letters waiting to be printed: one PDF of them
 * all, most urgent first, each saying whom it is for, and each marked posted
 * once it is in the post — or all at once, after a confirmation (NT1).
 */
export function PrintBatchPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: batchDocument, requestPolicy: 'network-only' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const posted = useAction(postedDocument, refresh);
  const [, markPosted] = useMutation(postedDocument);
  const [confirming, setConfirming] = useState(false);
  const [markingAll, setMarkingAll] = useState(false);
  const [allProblem, setAllProblem] = useState<{ problem: Problem; done: number } | undefined>();
  const letters = (data?.notificationWorklist ?? []).filter((i) => i.step === 'POST_LETTER' && i.notice);

  // One at a time, in the order of the batch; the first refusal stops it and says how far it came.
  const markAll = async () => {
    setMarkingAll(true);
    setAllProblem(undefined);
    let done = 0;
    for (const l of letters) {
      const result = await markPosted({ id: l.notice!.id });
      if (result.error || !result.data) {
        setAllProblem({ problem: problemOf(result.error) ?? { message: 'Ingen svar fra serveren. Prøv igjen.' }, done });
        break;
      }
      done++;
    }
    setMarkingAll(false);
    setConfirming(false);
    refresh();
  };

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
              {letters.length === 1 ? 'Ett brev venter.' : `${letters.length} brev venter.`} Skriv ut bunken, legg brevene i posten, og merk dem som postlagt.
            </BodyLong>
            <HStack gap="space-12" align="center">
              <FileButton path="/letters/print-batch" filename="utskriftsbunke.pdf" working="Lager utskriftsbunken">
                Lag utskriftsbunken (PDF)
              </FileButton>
              {!confirming && (
                <Button size="small" variant="secondary" onClick={() => setConfirming(true)}>
                  Merk alle som postlagt
                </Button>
              )}
            </HStack>
            {confirming && (
              <Alert variant="warning" role="alertdialog" aria-labelledby="bekreft-alle" size="small">
                <VStack gap="space-8" align="start">
                  <BodyShort id="bekreft-alle" weight="semibold">
                    Er {letters.length === 1 ? 'brevet' : `alle ${letters.length} brevene`} lagt i posten?
                  </BodyShort>
                  <BodyShort size="small">Hvert brev merkes som postlagt med tidspunktet nå, og varslene regnes som sendt. Det kan ikke angres.</BodyShort>
                  <HStack gap="space-8">
                    <Button size="small" loading={markingAll} onClick={() => void markAll()}>
                      Ja, merk {letters.length === 1 ? 'brevet' : `alle ${letters.length}`} som postlagt
                    </Button>
                    <Button size="small" variant="tertiary" disabled={markingAll} onClick={() => setConfirming(false)}>
                      Avbryt
                    </Button>
                  </HStack>
                </VStack>
              </Alert>
            )}
            {allProblem && (
              <ProblemMessage
                problem={allProblem.problem}
                heading={`${allProblem.done === 0 ? 'Ingen brev' : allProblem.done === 1 ? 'Ett brev' : `${allProblem.done} brev`} ble merket som postlagt; neste ble ikke det`}
              />
            )}
            <ProblemMessage problem={posted.problem} heading="Brevet ble ikke merket som postlagt" />
            <TableScroll label="Brev til utskrift">
              <Table size="small">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Frist</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Til</Table.HeaderCell>
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
                      <Table.DataCell>{recipientRole(l.notice!)}</Table.DataCell>
                      <Table.DataCell>
                        <Link as={RouterLink} to={`/hendelser/${l.custodyEvent?.id}#varsel-${l.notice!.id}`}>
                          {l.title}
                        </Link>
                      </Table.DataCell>
                      <Table.DataCell>
                        <Button size="xsmall" variant="secondary" loading={posted.busy} onClick={() => void posted.submit({ id: l.notice!.id })}>
                          Merk som postlagt<span className="sr-only">: {l.title}, til {recipientRole(l.notice!).toLowerCase()}</span>
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
