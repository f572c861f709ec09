import { BodyShort, Button, Detail, HStack, Select, Table, Tag, Textarea, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { FileButton } from '../../components/FileButton';
import { Empty, PageState } from '../../components/PageState';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { DocumentMarkDocumentKind, ExemptionGround } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { documentKindLabels, exemptionGroundLabels, label } from '../../lib/labels';
import { RuleNote } from '../../lib/rulebook';
import { useAction } from '../../lib/useAction';
import { Options } from '../../components/Options';
import { FormButtons } from '../../components/FormButtons';
import { TableScroll } from '../../components/TableScroll';

const documentsDocument = graphql(`
  query ConvictDocuments($id: ID!, $forConvictAccess: Boolean!) {
    convictDocuments(convictId: $id, forConvictAccess: $forConvictAccess) {
      withheld
      withheldNotice
      documents {
        kind
        id
        title
        date
        mark {
          id
          ground
          reasoning
          markedAt
        }
      }
    }
  }
`);
const markDocument = graphql(`
  mutation MarkDocumentExempt($in: MarkDocumentExemptInput!) {
    markDocumentExempt(input: $in) {
      id
    }
  }
`);
const liftDocument = graphql(`
  mutation LiftDocumentMark($id: ID!) {
    liftDocumentMark(id: $id) {
      id
    }
  }
`);

/**
 * DocumentsSection lists the case file's documents and marks those exempt
 * from the convict's access (IX7); the convict's view, and the export for the
 * convict or the lawyer, leave them out.
 */
export function DocumentsSection({ convictId }: { convictId: string }) {
  const [asConvict, setAsConvict] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: documentsDocument,
    variables: { id: convictId, forConvictAccess: asConvict },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const [marking, setMarking] = useState<{ kind: DocumentMarkDocumentKind; id: string }>();
  const lift = useAction(liftDocument, refresh);
  const list = data?.convictDocuments;
  return (
    <VStack gap="space-16">
      <RuleNote ids={['IX7']} />
      <HStack gap="space-16" align="end">
        <Select label="Vis" value={asConvict ? 'convict' : 'all'} onChange={(e) => setAsConvict(e.target.value === 'convict')}>
          <option value="all">Alle dokumenter</option>
          <option value="convict">Slik domfelte ser dem ved innsyn</option>
        </Select>
        <FileButton path={`/letters/convict-access/${convictId}`} filename="innsyn.pdf" working="Lager innsynslisten">
          Innsynsliste for domfelte (PDF)
        </FileButton>
      </HStack>
      <ProblemMessage problem={lift.problem} />
      <PageState fetching={fetching} error={error} hasData={!!data} what="dokumentene" retry={refresh}>
        {list?.withheldNotice && <BodyShort>{list.withheldNotice}</BodyShort>}
        {(list?.documents.length ?? 0) === 0 ? (
          <Empty>Ingen dokumenter{asConvict ? ' domfelte kan se' : ''}.</Empty>
        ) : (
          <TableScroll label="Dokumenter">
            <Table size="small">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Dato</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Dokument</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Innsyn</Table.HeaderCell>
                  {!asConvict && (
                    <Table.HeaderCell scope="col">
                      <span className="sr-only">Handling</span>
                    </Table.HeaderCell>
                  )}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list?.documents.map((d) => (
                  <Table.Row key={`${d.kind}-${d.id}`}>
                    <Table.DataCell>{formatDate(d.date)}</Table.DataCell>
                    <Table.DataCell>
                      <BodyShort size="small">{d.title}</BodyShort>
                      <Detail>{label(documentKindLabels, d.kind)}</Detail>
                    </Table.DataCell>
                    <Table.DataCell>
                      {d.mark ? (
                        <VStack gap="space-2">
                          <Tag size="xsmall" variant="moderate" data-color="warning">
                            Unntatt: {label(exemptionGroundLabels, d.mark.ground).toLowerCase()}
                          </Tag>
                          <Detail>{d.mark.reasoning}</Detail>
                        </VStack>
                      ) : (
                        'Domfelte kan se det'
                      )}
                    </Table.DataCell>
                    {!asConvict && (
                      <Table.DataCell>
                        {d.mark ? (
                          <Button size="xsmall" variant="tertiary" onClick={() => void lift.submit({ id: d.mark!.id })}>
                            Opphev unntaket<span className="sr-only">: {d.title}</span>
                          </Button>
                        ) : (
                          <Button size="xsmall" variant="tertiary" onClick={() => setMarking({ kind: d.kind, id: d.id })}>
                            Unnta fra innsyn<span className="sr-only">: {d.title}</span>
                          </Button>
                        )}
                      </Table.DataCell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </PageState>
      {marking && (
        <MarkForm convictId={convictId} document={marking} onDone={() => (setMarking(undefined), refresh())} onCancel={() => setMarking(undefined)} />
      )}
    </VStack>
  );
}

function MarkForm({ convictId, document, onDone, onCancel }: {
  convictId: string;
  document: { kind: DocumentMarkDocumentKind; id: string };
  onDone: () => void;
  onCancel: () => void;
}) {
  const [ground, setGround] = useState<ExemptionGround>('OTHER_PERSON');
  const [reasoning, setReasoning] = useState('');
  const action = useAction(markDocument, onDone);
  return (
    <form
      className="panel"
      aria-label="Unnta dokument fra innsyn"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { convictId, documentKind: document.kind, documentId: document.id, ground, reasoning } });
      }}
    >
      <VStack gap="space-12">
        <Select label="Grunnlag (straffegjennomføringsloven § 7 bokstav c)" value={ground} onChange={(e) => setGround(e.target.value as ExemptionGround)}>
          <Options names={exemptionGroundLabels} />
        </Select>
        <Textarea label="Begrunnelse" value={reasoning} onChange={(e) => setReasoning(e.target.value)} minRows={2} />
        <ProblemMessage problem={action.problem} heading="Dokumentet ble ikke unntatt" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Unnta fra innsyn" size="small" />
      </VStack>
    </form>
  );
}
