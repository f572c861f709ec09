import { BodyShort, Button, Detail, HStack, Select, Table, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { Empty } from '../../components/PageState';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { InformationSource } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { informationSourceLabels, label, policeRequestStatus } from '../../lib/labels';
import { useAction } from '../../lib/useAction';
import type { CustodyEventData, District } from './document';
import { FormButtons } from '../../components/FormButtons';
import { TableScroll } from '../../components/TableScroll';

const requestDocument = graphql(`
  mutation RequestInformation($in: RequestInformationInput!) {
    requestInformation(input: $in) {
      id
    }
  }
`);
const answerDocument = graphql(`
  mutation RecordInformationAnswer($in: RecordInformationAnswerInput!) {
    recordInformationAnswer(input: $in) {
      id
    }
  }
`);

/**
 * InformationStep logs each request for information from the police, social
 * services or child welfare, with date, source and purpose, and its answer
 * (AS6). The recipient is never asked (AS7).
 */
export function InformationStep({ event, districts, onChanged }: { event: CustodyEventData; districts: District[]; onChanged: () => void }) {
  const [asking, setAsking] = useState(false);
  const [source, setSource] = useState<InformationSource>('POLICE');
  const [sourceName, setSourceName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [district, setDistrict] = useState('');
  const ask = useAction(requestDocument, () => (setAsking(false), setPurpose(''), onChanged()));
  const requests = event.informationRequests ?? [];
  return (
    <VStack gap="space-12">
      {requests.length === 0 ? (
        <Empty>Ingen opplysninger er innhentet.</Empty>
      ) : (
        <TableScroll label="Forespørsler om opplysninger">
          <Table size="small">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Spurt</Table.HeaderCell>
                <Table.HeaderCell scope="col">Kilde og formål</Table.HeaderCell>
                <Table.HeaderCell scope="col">Svar</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {requests.map((r) => (
                <Table.Row key={r.id}>
                  <Table.DataCell>{formatDateTime(r.requestedAt)}</Table.DataCell>
                  <Table.DataCell>
                    <BodyShort size="small">
                      {label(informationSourceLabels, r.source)}
                      {r.sourceName ? ` (${r.sourceName})` : ''}
                      {r.policeRequest ? ` – ${r.policeRequest.policeDistrict.name}` : ''}
                    </BodyShort>
                    <Detail>{r.purpose}</Detail>
                  </Table.DataCell>
                  <Table.DataCell>
                    {r.answeredAt ? (
                      <>
                        <BodyShort size="small">{r.answerSummary}</BodyShort>
                        <Detail>{formatDateTime(r.answeredAt)}</Detail>
                      </>
                    ) : r.policeRequest ? (
                      `Politiet: ${policeRequestStatus(r.policeRequest.status, 'INFORMATION').toLowerCase()}`
                    ) : (
                      <AnswerForm id={r.id} onDone={onChanged} />
                    )}
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {asking ? (
        <form
          className="panel"
          aria-label="Innhent opplysninger"
          onSubmit={(e) => {
            e.preventDefault();
            void ask.submit({
              in: {
                custodyEventId: event.id,
                source,
                sourceName: sourceName || undefined,
                purpose,
                policeDistrictId: source === 'POLICE' ? district || undefined : undefined,
              },
            });
          }}
        >
          <VStack gap="space-12">
            <HStack gap="space-16">
              <Select {...ask.field('source')} label="Hvem spørres" value={source} onChange={(e) => setSource(e.target.value as InformationSource)}>
                <option value="POLICE">Politiet</option>
                <option value="SOCIAL_SERVICES">Sosialtjenesten</option>
                <option value="CHILD_WELFARE">Barnevernet</option>
                <option value="OTHER_AGENCY">Annet offentlig organ</option>
              </Select>
              {source === 'POLICE' ? (
                <Select {...ask.field('policeDistrictId', { label: 'Politidistrikt', kind: 'choice', required: true, value: district })} value={district} onChange={(e) => setDistrict(e.target.value)}>
                  <option value="">Velg distrikt</option>
                  {districts.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </Select>
              ) : (
                <TextField {...ask.field('sourceName', { label: 'Navn på kontoret', value: sourceName })} value={sourceName} onChange={(e) => setSourceName(e.target.value)} />
              )}
            </HStack>
            <Textarea {...ask.field('purpose', { label: 'Formål', required: true, kind: 'paragraphs', value: purpose })} description="Hva opplysningene skal brukes til i vurderingen" value={purpose} onChange={(e) => setPurpose(e.target.value)} minRows={2} />
            <ProblemMessage problem={ask.problem} heading="Forespørselen ble ikke registrert" />
            <FormButtons busy={ask.busy} onCancel={() => setAsking(false)} submit="Send forespørsel" size="small" />
          </VStack>
        </form>
      ) : (
        <div>
          <Button size="small" variant="secondary" onClick={() => setAsking(true)}>
            Innhent opplysninger
          </Button>
        </div>
      )}
    </VStack>
  );
}

function AnswerForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [summary, setSummary] = useState('');
  const action = useAction(answerDocument, onDone);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { informationRequestId: id, summary } });
      }}
    >
      <VStack gap="space-8">
        <Textarea {...action.field('summary', { label: 'Svaret, kort', required: true, kind: 'paragraphs', value: summary })} size="small" value={summary} onChange={(e) => setSummary(e.target.value)} minRows={2} />
        <ProblemMessage problem={action.problem} />
        <div>
          <Button type="submit" size="xsmall" loading={action.busy}>
            Registrer svar
          </Button>
        </div>
      </VStack>
    </form>
  );
}
