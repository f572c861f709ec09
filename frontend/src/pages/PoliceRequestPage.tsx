import { Alert, BodyShort, Box, Button, Detail, Heading, HStack, Label, Link, Radio, RadioGroup, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from 'urql';
import { FileButton } from '../components/FileButton';
import { PageState } from '../components/PageState';
import { PoliceRequestStatusTag } from '../components/PoliceRequestStatusTag';
import { ProblemMessage } from '../components/ProblemMessage';
import { graphql } from '../gql';
import type { PoliceRequestQuery } from '../gql/graphql';
import { formatDate, formatDateTime, formatWhen, instantOf, localInputValue } from '../lib/format';
import { eventKindLabels, label, policeRequestKindLabels } from '../lib/labels';
import { RuleNote } from '../lib/rulebook';
import { useHasRole } from '../lib/session';
import { useAction } from '../lib/useAction';
import { TimeField } from '../components/TimeField';
import { FormButtons } from '../components/FormButtons';
import { serviceNow } from '../lib/clock';

const requestDocument = graphql(`
  query PoliceRequest($id: ID!) {
    policeRequest(id: $id) {
      id
      kind
      status
      createdAt
      answerBy
      question
      response
      riskConfirmed
      deliveredAt
      deliveryManner
      declineReason
      acknowledgedAt
      completedAt
      declinedAt
      unit {
        name
        phone
      }
      requestedBy {
        id
        name
      }
      securityStatement {
        convictName
        convictNationalIdentityNumber
        eventKind
        eventStartsAt
        reasons
      }
      policeDistrict {
        name
      }
      delivery {
        recipientName
        recipientNationalIdentityNumber
        onBehalfOf
        eventStartsAt
        deliverBy
        letterUrl
      }
    }
  }
`);
const acknowledgeDocument = graphql(`
  mutation AcknowledgePoliceRequest($id: ID!) {
    acknowledgePoliceRequest(id: $id) {
      id
      status
    }
  }
`);
const completeDocument = graphql(`
  mutation CompletePoliceRequest($in: CompletePoliceRequestInput!) {
    completePoliceRequest(input: $in) {
      id
      status
    }
  }
`);
const declineDocument = graphql(`
  mutation DeclinePoliceRequest($id: ID!, $reason: String!) {
    declinePoliceRequest(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

type Request = PoliceRequestQuery['policeRequest'];

/**
 * PoliceRequestPage is one request to the police: what is asked — for a
 * delivery only whom to notify, the letter and the event's time (RC9) — and
 * the police's answer. Every view is logged.
 */
export function PoliceRequestPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: requestDocument, variables: { id }, requestPolicy: 'network-only' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const r = data?.policeRequest;
  return (
    <PageState fetching={fetching} error={error} hasData={!!data} what="anmodningen" retry={refresh}>
      {r && (
        <VStack gap="space-24">
          <Link as={RouterLink} to="/politi">
            Alle anmodninger
          </Link>
          <HStack justify="space-between" align="center">
            <Heading level="1" size="large">
              {label(policeRequestKindLabels, r.kind)}
            </Heading>
            <PoliceRequestStatusTag status={r.status} kind={r.kind} />
          </HStack>
          <Detail>
            Fra {r.unit.name}
            {r.unit.phone ? ` (tlf. ${r.unit.phone})` : ''} til {r.policeDistrict.name}, {formatDateTime(r.createdAt)}. Visningen er logget.
          </Detail>
          <RuleNote ids={r.kind === 'DELIVER_NOTICE' ? ['RC9', 'RC8'] : r.kind === 'SECURITY_STATEMENT' ? ['AS2'] : ['AS6']} />
          {r.kind === 'DELIVER_NOTICE' && r.delivery ? (
            <Delivery request={r} />
          ) : r.kind === 'SECURITY_STATEMENT' && r.securityStatement ? (
            <SecurityStatement request={r} />
          ) : (
            r.question && <Fact label="Spørsmålet">{r.question}</Fact>
          )}
          <Answer request={r} onChanged={refresh} />
        </VStack>
      )}
    </PageState>
  );
}

function Fact({ label: name, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Label as="p" size="small">
        {name}
      </Label>
      <BodyShort>{children}</BodyShort>
    </div>
  );
}

function Delivery({ request: r }: { request: Request }) {
  const d = r.delivery!;
  return (
    <Box padding="space-16" borderRadius="8" background="default" borderWidth="1" borderColor="neutral-subtle">
      <VStack gap="space-12">
        <Fact label="Varselet skal leveres til">{d.recipientName}</Fact>
        {d.recipientNationalIdentityNumber && <Fact label="Fødselsnummer">{d.recipientNationalIdentityNumber}</Fact>}
        {d.onBehalfOf && <Fact label="På vegne av">{d.onBehalfOf}</Fact>}
        <Fact label="Hendelsen skjer">{formatDateTime(d.eventStartsAt)}</Fact>
        <Fact label="Leveres innen">{formatDate(d.deliverBy)}</Fact>
        <FileButton path={d.letterUrl} filename={`leveringsanmodning-${r.id}.pdf`} preview working="Henter brevet">
          Vis anmodningen og varselbrevet
        </FileButton>
      </VStack>
    </Box>
  );
}

/**
 * SecurityStatement is what the police need to say whether notifying could
 * bring revenge on the convict (AS2): whom, with the identity number for
 * their own registers, the event, the caseworker's reasons, by when, and
 * whom to call.
 */
function SecurityStatement({ request: r }: { request: Request }) {
  const s = r.securityStatement!;
  return (
    <Box padding="space-16" borderRadius="8" background="default" borderWidth="1" borderColor="neutral-subtle">
      <VStack gap="space-12">
        <Fact label="Domfelte">{s.convictName}</Fact>
        <Fact label="Fødselsnummer eller D-nummer">{s.convictNationalIdentityNumber}</Fact>
        <Fact label="Hendelsen">
          {label(eventKindLabels, s.eventKind)} {formatWhen(s.eventStartsAt)}
        </Fact>
        <Fact label="Hvorfor kriminalomsorgen spør">{s.reasons}</Fact>
        {r.answerBy && <Fact label="Svar innen">{formatDate(r.answerBy)} – da skal varslene sendes (14 dager før hendelsen)</Fact>}
        <Fact label="Kontakt">
          {[r.requestedBy?.name, r.unit.name, r.unit.phone && `tlf. ${r.unit.phone}`].filter(Boolean).join(', ')}
        </Fact>
      </VStack>
    </Box>
  );
}

function Answer({ request: r, onChanged }: { request: Request; onChanged: () => void }) {
  const police = useHasRole('POLICE');
  const acknowledge = useAction(acknowledgeDocument, onChanged);
  const [declining, setDeclining] = useState(false);
  if (r.status === 'COMPLETED') {
    return (
      <Alert variant="success">
        <VStack gap="space-4">
          {r.kind === 'DELIVER_NOTICE' ? (
            <>
              <BodyShort weight="semibold">Levert {formatDateTime(r.deliveredAt)}</BodyShort>
              <BodyShort>
                {r.deliveryManner} · bekreftet {formatDateTime(r.completedAt)}
              </BodyShort>
            </>
          ) : (
            <BodyShort weight="semibold">Besvart {formatDateTime(r.completedAt)}</BodyShort>
          )}
          {r.kind === 'SECURITY_STATEMENT' && <BodyShort>{r.riskConfirmed ? 'Faren er bekreftet – det gis ikke varsel.' : 'Faren er ikke bekreftet.'}</BodyShort>}
          {r.response && <BodyShort>{r.response}</BodyShort>}
        </VStack>
      </Alert>
    );
  }
  if (r.status === 'DECLINED') {
    return (
      <Alert variant="info">
        Avslått {formatDateTime(r.declinedAt)}: {r.declineReason}
      </Alert>
    );
  }
  if (!police) return <Detail>Venter på svar fra politiet.</Detail>;
  return (
    <VStack gap="space-16">
      {r.status === 'OPEN' && (
        <VStack gap="space-8" align="start">
          <ProblemMessage problem={acknowledge.problem} />
          <Button size="small" variant="secondary" loading={acknowledge.busy} onClick={() => void acknowledge.submit({ id: r.id })}>
            Ta anmodningen til behandling
          </Button>
        </VStack>
      )}
      <CompleteForm request={r} onDone={onChanged} />
      {declining ? (
        <DeclineForm id={r.id} onDone={onChanged} onCancel={() => setDeclining(false)} />
      ) : (
        <div>
          <Button size="small" variant="tertiary" onClick={() => setDeclining(true)}>
            Avslå anmodningen
          </Button>
        </div>
      )}
    </VStack>
  );
}

function CompleteForm({ request: r, onDone }: { request: Request; onDone: () => void }) {
  const [deliveredAt, setDeliveredAt] = useState(localInputValue(serviceNow()));
  const [manner, setManner] = useState('');
  const [risk, setRisk] = useState<'no' | 'yes'>('no');
  const [text, setText] = useState('');
  const action = useAction(completeDocument, onDone);
  const title = r.kind === 'DELIVER_NOTICE' ? 'Bekreft levering' : r.kind === 'SECURITY_STATEMENT' ? 'Gi uttalelse' : 'Gi opplysningene';
  return (
    <form
      className="panel"
      aria-labelledby="svar"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit(() => ({
          in:
            r.kind === 'DELIVER_NOTICE'
              ? { id: r.id, deliveredAt: instantOf(deliveredAt), deliveryManner: manner }
              : r.kind === 'SECURITY_STATEMENT'
                ? { id: r.id, riskConfirmed: risk === 'yes', statement: text }
                : { id: r.id, answer: text },
        }));
      }}
    >
      <VStack gap="space-12">
        <Heading id="svar" level="2" size="small">
          {title}
        </Heading>
        {r.kind === 'DELIVER_NOTICE' ? (
          <>
            <TimeField {...action.field('deliveredAt', { label: 'Levert', required: true, kind: 'date', value: deliveredAt })} type="datetime-local" value={deliveredAt} onChange={(e) => setDeliveredAt(e.target.value)} />
            <TextField {...action.field('deliveryManner', { label: 'Hvordan', required: true, value: manner })} description="For eksempel overlevert personlig" value={manner} onChange={(e) => setManner(e.target.value)} />
          </>
        ) : r.kind === 'SECURITY_STATEMENT' ? (
          <>
            <RadioGroup {...action.field('riskConfirmed')} legend="Er det fare for hevnaksjoner eller lignende?" value={risk} onChange={(v: 'no' | 'yes') => setRisk(v)}>
              <Radio value="no">Nei, faren er ikke bekreftet</Radio>
              <Radio value="yes">Ja, faren er bekreftet – det gis ikke varsel (AS2)</Radio>
            </RadioGroup>
            <Textarea {...action.field('statement', { label: 'Uttalelsen', required: true, kind: 'paragraphs', value: text })} value={text} onChange={(e) => setText(e.target.value)} minRows={3} />
          </>
        ) : (
          <Textarea {...action.field('answer', { label: 'Opplysningene', required: true, kind: 'paragraphs', value: text })} value={text} onChange={(e) => setText(e.target.value)} minRows={3} />
        )}
        <ProblemMessage problem={action.problem} heading="Svaret ble ikke lagret" />
        <div>
          <Button type="submit" size="small" loading={action.busy}>
            {title}
          </Button>
        </div>
      </VStack>
    </form>
  );
}

function DeclineForm({ id, onDone, onCancel }: { id: string; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction(declineDocument, onDone);
  return (
    <form
      className="panel"
      aria-label="Avslå anmodningen"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ id, reason });
      }}
    >
      <VStack gap="space-12">
        <Textarea {...action.field('reason', { label: 'Hvorfor politiet ikke kan gjøre det', required: true, kind: 'paragraphs', value: reason })} description="Enheten varsles" value={reason} onChange={(e) => setReason(e.target.value)} minRows={2} />
        <ProblemMessage problem={action.problem} heading="Avslaget ble ikke lagret" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Avslå" size="small" variant="danger" />
      </VStack>
    </form>
  );
}
