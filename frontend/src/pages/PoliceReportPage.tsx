import { Alert, BodyShort, Button, Heading, Select, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { ProblemMessage } from '../components/ProblemMessage';
import { graphql } from '../gql';
import type { PoliceReportKind } from '../gql/graphql';
import { formatDateTime } from '../lib/format';
import { label, policeReportKindLabels } from '../lib/labels';
import { RuleNote } from '../lib/rulebook';
import { useAction } from '../lib/useAction';
import { Options } from '../components/Options';

const reportDocument = graphql(`
  mutation ReportToCorrectionalService($in: ReportToCorrectionalServiceInput!) {
    reportToCorrectionalService(input: $in) {
      id
      kind
      reportedAt
    }
  }
`);

/**
 * PoliceReportPage sends the police's mandatory message to the convict's
 * responsible unit (IX5), found by identity number; the unit sees it on its
 * worklist. The answer is the same whether or not the person is a convict,
 * and names no unit: the police learn nothing of the registry from it.
 */
export function PoliceReportPage() {
  const [nin, setNin] = useState('');
  const [kind, setKind] = useState<PoliceReportKind>('INVESTIGATION_OPENED');
  const [summary, setSummary] = useState('');
  const [sent, setSent] = useState<{ kind: PoliceReportKind; at: string }>();
  const action = useAction(reportDocument, (d) => {
    setSent({ kind: d.reportToCorrectionalService.kind, at: d.reportToCorrectionalService.reportedAt });
    setNin('');
    setSummary('');
  });
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Melding til kriminalomsorgen
      </Heading>
      <RuleNote ids={['IX5']} />
      {sent && (
        <Alert variant="success" role="status">
          {label(policeReportKindLabels, sent.kind)} er mottatt {formatDateTime(sent.at)}. Kriminalomsorgen sender den videre til den som har
          ansvaret for personen.
        </Alert>
      )}
      <form
        className="panel"
        aria-label="Ny melding"
        onSubmit={(e) => {
          e.preventDefault();
          void action.submit({ in: { convictNationalIdentityNumber: nin.replace(/\s/g, ''), kind, summary } });
        }}
      >
        <VStack gap="space-16">
          <TextField
            {...action.field('convictNationalIdentityNumber', { label: 'Domfeltes fødselsnummer eller D-nummer', required: true, kind: 'identityNumber', value: nin })}
            description="Meldingen går til enheten som har ansvaret for domfelte (PR1)"
            inputMode="numeric"
            value={nin}
            onChange={(e) => setNin(e.target.value)}
            autoComplete="off"
          />
          <Select {...action.field('kind')} label="Hva meldingen gjelder" value={kind} onChange={(e) => setKind(e.target.value as PoliceReportKind)}>
            <Options names={policeReportKindLabels} />
          </Select>
          <Textarea {...action.field('summary', { label: 'Kort om saken', required: true, kind: 'paragraphs', value: summary })} value={summary} onChange={(e) => setSummary(e.target.value)} minRows={3} />
          <BodyShort size="small">Skriv bare det kriminalomsorgen trenger for å ivareta sine oppgaver.</BodyShort>
          <ProblemMessage problem={action.problem} heading="Meldingen ble ikke sendt" />
          <div>
            <Button type="submit" loading={action.busy}>
              Send meldingen
            </Button>
          </div>
        </VStack>
      </form>
    </VStack>
  );
}
