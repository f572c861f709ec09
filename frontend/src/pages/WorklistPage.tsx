import { Alert, BodyShort, Box, Button, Detail, Heading, HStack, Link, Table, Tag, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Empty, PageState } from '../components/PageState';
import { ProblemMessage } from '../components/ProblemMessage';
import { graphql } from '../gql';
import { problemOf } from '../lib/errors';
import { formatDate, formatDateTime } from '../lib/format';
import { alertKindLabels, label, policeReportKindLabels, workStepLabels, nodes } from '../lib/labels';
import { TableScroll } from '../components/TableScroll';
import { useNarrow } from '../lib/useNarrow';
import { stepAnchor } from '../lib/workflow';
import type { WorklistQuery } from '../gql/graphql';

const worklistDocument = graphql(`
  query Worklist {
    notificationWorklist {
      step
      title
      rule
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
      }
    }
    notificationAlerts {
      id
      kind
      message
      rule
      raisedAt
      custodyEvent {
        id
      }
    }
    policeReports(first: 50, unacknowledged: true) {
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
        }
      }
    }
  }
`);

const acknowledgeReportDocument = graphql(`
  mutation AcknowledgePoliceReport($id: ID!) {
    acknowledgePoliceReport(id: $id) {
      id
      acknowledgedAt
    }
  }
`);

/**
 * WorklistPage is the unit's open work, most urgent first: each item's next
 * step, the rule that requires it and its deadline, one click from the step.
 */
export function WorklistPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: worklistDocument, requestPolicy: 'cache-and-network' });
  const [ack, acknowledge] = useMutation(acknowledgeReportDocument);
  const items = data?.notificationWorklist ?? [];
  const reports = nodes(data?.policeReports);
  const letters = items.filter((i) => i.step === 'POST_LETTER').length;
  const overdue = items.filter((i) => i.overdue).length;
  // On a phone the tasks are cards, one under the other, rather than a table's narrow columns.
  const narrow = useNarrow();

  return (
    <VStack gap="space-24">
      <HStack justify="space-between" align="end" gap="space-16">
        <Heading level="1" size="large">
          Arbeidsliste
        </Heading>
        <Button size="small" variant="secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })} loading={fetching}>
          Oppdater
        </Button>
      </HStack>
      <PageState fetching={fetching} error={error} hasData={!!data} what="arbeidslisten" retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {overdue > 0 && (
          <Alert variant="warning" size="small">
            {overdue === 1 ? 'Én oppgave har passert fristen.' : `${overdue} oppgaver har passert fristen.`} Varsel som gis
            senere enn 14 dager før, må begrunnes (NT2).
          </Alert>
        )}
        {letters > 0 && (
          <Alert variant="info" size="small">
            <HStack gap="space-8" align="center">
              <span>{letters === 1 ? 'Ett brev venter på utskrift.' : `${letters} brev venter på utskrift.`}</span>
              <Link as={RouterLink} to="/utskrift">
                Gå til utskrift
              </Link>
            </HStack>
          </Alert>
        )}

        <section aria-labelledby="oppgaver">
          <Heading id="oppgaver" level="2" size="medium" spacing>
            Oppgaver
          </Heading>
          {items.length === 0 ? (
            <Empty>Ingen åpne oppgaver. Nye hendelser registreres fra domfeltes side.</Empty>
          ) : narrow ? (
            <ul className="plain-list card-list" aria-label="Oppgaver">
              {items.map((item, i) => (
                <li key={`${item.custodyEvent?.id}-${item.notice?.id ?? ''}-${item.step}-${i}`}>
                  <WorkItemCard item={item} />
                </li>
              ))}
            </ul>
          ) : (
            <TableScroll label="Oppgaver">
              <Table size="small">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Frist</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Oppgave</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Domfelt</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Regel</Table.HeaderCell>
                    <Table.HeaderCell scope="col">
                      <span className="sr-only">Handling</span>
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {items.map((item, i) => (
                    <Table.Row key={`${item.custodyEvent?.id}-${item.notice?.id ?? ''}-${item.step}-${i}`}>
                      <Table.DataCell>
                        <VStack gap="space-4" align="start">
                          <span>{item.deadline ? formatDate(item.deadline) : 'Ingen frist'}</span>
                          {item.overdue && (
                            <Tag size="xsmall" variant="strong" data-color="danger">
                              Forfalt
                            </Tag>
                          )}
                        </VStack>
                      </Table.DataCell>
                      <Table.DataCell>
                        <BodyShort size="small" weight="semibold">
                          {label(workStepLabels, item.step)}
                        </BodyShort>
                        <Detail>{item.title}</Detail>
                      </Table.DataCell>
                      <Table.DataCell>
                        <Link as={RouterLink} to={`/domfelte/${item.convict.id}`}>
                          {item.convict.name}
                        </Link>
                      </Table.DataCell>
                      <Table.DataCell>
                        <Tag size="xsmall" variant="moderate" data-color="info">
                          {item.rule}
                        </Tag>
                      </Table.DataCell>
                      <Table.DataCell>
                        {item.custodyEvent && (
                          <Link as={RouterLink} to={stepLink(item)!}>
                            Gå til steget<span className="sr-only">: {item.title}</span>
                          </Link>
                        )}
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </section>

        <section aria-labelledby="paminnelser">
          <Heading id="paminnelser" level="2" size="medium" spacing>
            Påminnelser
          </Heading>
          {(data?.notificationAlerts.length ?? 0) === 0 ? (
            <Empty>Ingen påminnelser.</Empty>
          ) : (
            <VStack gap="space-8">
              {data?.notificationAlerts.map((a) => (
                <Alert key={a.id} variant={a.kind === 'POLICE_REPORT' || a.kind === 'LEAD_TIME_AT_RISK' ? 'warning' : 'info'} size="small">
                  <VStack gap="space-4">
                    <BodyShort weight="semibold">
                      {label(alertKindLabels, a.kind)} · {a.rule}
                    </BodyShort>
                    <BodyShort size="small">{a.message}</BodyShort>
                    <HStack gap="space-12">
                      <Detail>{formatDateTime(a.raisedAt)}</Detail>
                      {a.custodyEvent && (
                        <Link as={RouterLink} to={`/hendelser/${a.custodyEvent.id}`}>
                          Til hendelsen
                        </Link>
                      )}
                    </HStack>
                  </VStack>
                </Alert>
              ))}
            </VStack>
          )}
        </section>

        <section aria-labelledby="meldinger">
          <Heading id="meldinger" level="2" size="medium" spacing>
            Meldinger fra politiet (IX5)
          </Heading>
          <ProblemMessage problem={problemOf(ack.error)} heading="Meldingen ble ikke merket som lest" />
          {reports.length === 0 ? (
            <Empty>Ingen uleste meldinger fra politiet.</Empty>
          ) : (
            <TableScroll label="Meldinger fra politiet">
              <Table size="small">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Mottatt</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Melding</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Fra</Table.HeaderCell>
                    <Table.HeaderCell scope="col">
                      <span className="sr-only">Handling</span>
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {reports.map((r) => (
                    <Table.Row key={r.id}>
                      <Table.DataCell>{formatDateTime(r.reportedAt)}</Table.DataCell>
                      <Table.DataCell>
                        <BodyShort size="small" weight="semibold">
                          {label(policeReportKindLabels, r.kind)}
                        </BodyShort>
                        <Detail>{r.summary}</Detail>
                      </Table.DataCell>
                      <Table.DataCell>
                        {r.reportedByName}, {r.policeDistrict.name}
                      </Table.DataCell>
                      <Table.DataCell>
                        <Button size="xsmall" variant="secondary" loading={ack.fetching} onClick={() => void acknowledge({ id: r.id })}>
                          Merk som lest
                        </Button>
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </section>
      </PageState>
    </VStack>
  );
}

type WorkItem = WorklistQuery['notificationWorklist'][number];

/** stepLink is the event's page at the step's place: the notice's card, or the step's own section. */
function stepLink(item: WorkItem): string | undefined {
  if (!item.custodyEvent) return undefined;
  return `/hendelser/${item.custodyEvent.id}#${stepAnchor(item.step, item.notice?.id)}`;
}

/** WorkItemCard is one task on a narrow screen: what to do, for whom, by when, and the way there. */
function WorkItemCard({ item }: { item: WorkItem }) {
  const to = stepLink(item);
  return (
    <Box padding="space-12" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" background="default">
      <VStack gap="space-4">
        <HStack gap="space-8" align="center" justify="space-between">
          <BodyShort size="small" weight="semibold">
            {label(workStepLabels, item.step)}
          </BodyShort>
          <Tag size="xsmall" variant="moderate" data-color="info">
            {item.rule}
          </Tag>
        </HStack>
        <Detail>{item.title}</Detail>
        <HStack gap="space-8" align="center">
          <BodyShort size="small">
            {item.deadline ? `Frist ${formatDate(item.deadline)}` : 'Ingen frist'}
          </BodyShort>
          {item.overdue && (
            <Tag size="xsmall" variant="strong" data-color="danger">
              Forfalt
            </Tag>
          )}
        </HStack>
        <HStack gap="space-16" align="center">
          <Link as={RouterLink} to={`/domfelte/${item.convict.id}`}>
            {item.convict.name}
          </Link>
          {to && (
            <Link as={RouterLink} to={to}>
              Gå til steget<span className="sr-only">: {item.title}</span>
            </Link>
          )}
        </HStack>
      </VStack>
    </Box>
  );
}
