import { Alert, BodyShort, Button, Detail, HStack, Radio, RadioGroup, Select, Textarea, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { label, securityOutcomeLabels } from '../../lib/labels';
import { useAction } from '../../lib/useAction';
import type { CustodyEventData, District } from './document';
import { FormButtons } from '../../components/FormButtons';

const securityDocument = graphql(`
  mutation RecordSecurityAssessment($in: RecordSecurityAssessmentInput!) {
    recordSecurityAssessment(input: $in) {
      id
      outcome
    }
  }
`);
const statementDocument = graphql(`
  mutation RecordPoliceStatement($in: RecordPoliceStatementInput!) {
    recordPoliceStatement(input: $in) {
      id
      outcome
    }
  }
`);

/**
 * SecurityStep is the security assessment, made first and on its own (AS2):
 * a possible risk of revenge asks the police for a statement, and a
 * confirmed risk stops every notice of the event.
 */
export function SecurityStep({ event, districts, onChanged }: { event: CustodyEventData; districts: District[]; onChanged: () => void }) {
  const latest = [...(event.securityAssessments ?? [])].sort((a, b) => b.assessedAt.localeCompare(a.assessedAt))[0];
  const [redo, setRedo] = useState(false);
  const [risk, setRisk] = useState<'no' | 'yes'>('no');
  const [reasoning, setReasoning] = useState('');
  const [district, setDistrict] = useState('');
  const action = useAction(securityDocument, () => (setRedo(false), onChanged()));

  return (
    <VStack gap="space-12">
      {latest && (
        <VStack gap="space-8">
          <Alert variant={latest.outcome === 'RISK_CONFIRMED' ? 'error' : latest.outcome === 'AWAITING_POLICE' ? 'warning' : 'success'} size="small">
            <VStack gap="space-4">
              <BodyShort weight="semibold">{label(securityOutcomeLabels, latest.outcome)}</BodyShort>
              <BodyShort size="small">{latest.reasoning}</BodyShort>
              {latest.policeStatement && <BodyShort size="small">Politiets uttalelse: {latest.policeStatement}</BodyShort>}
              <Detail>
                Vurdert {formatDateTime(latest.assessedAt)}
                {latest.assessedBy ? ` av ${latest.assessedBy.name}` : ''}
                {latest.policeRequest ? ` · anmodning til ${latest.policeRequest.policeDistrict.name}` : ''}
              </Detail>
            </VStack>
          </Alert>
          {latest.outcome === 'AWAITING_POLICE' && <PoliceStatementForm securityAssessmentId={latest.id} onDone={onChanged} />}
        </VStack>
      )}
      {(!latest || redo) && (
        <form
          aria-label="Sikkerhetsvurdering"
          onSubmit={(e) => {
            e.preventDefault();
            void action.submit({
              in: { custodyEventId: event.id, possibleRevengeRisk: risk === 'yes', reasoning, policeDistrictId: risk === 'yes' ? district || undefined : undefined },
            });
          }}
        >
          <VStack gap="space-12">
            <RadioGroup legend="Kan varsling føre til fare for hevnaksjoner eller lignende mot domfelte?" value={risk} onChange={(v: 'no' | 'yes') => setRisk(v)}>
              <Radio value="no">Nei, ingen kjent fare</Radio>
              <Radio value="yes">Det kan være fare – be politiet om uttalelse</Radio>
            </RadioGroup>
            {risk === 'yes' && (
              <Select {...action.field('policeDistrictId', { label: 'Politidistrikt som skal uttale seg', kind: 'choice', required: true, value: district })} value={district} onChange={(e) => setDistrict(e.target.value)}>
                <option value="">Velg distrikt</option>
                {districts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            )}
            <Textarea {...action.field('reasoning', { label: 'Begrunnelse', required: true, kind: 'paragraphs', value: reasoning })} description="Vurderingen journalføres og følger saken (AS2)" value={reasoning} onChange={(e) => setReasoning(e.target.value)} minRows={3} />
            <ProblemMessage problem={action.problem} heading="Sikkerhetsvurderingen ble ikke lagret" />
            <FormButtons busy={action.busy} onCancel={redo ? () => setRedo(false) : undefined} submit="Lagre sikkerhetsvurderingen" size="small" />
          </VStack>
        </form>
      )}
      {latest && !redo && latest.outcome !== 'AWAITING_POLICE' && (event.notices ?? []).length === 0 && (
        <div>
          <Button size="xsmall" variant="tertiary" onClick={() => setRedo(true)}>
            Ny sikkerhetsvurdering
          </Button>
        </div>
      )}
    </VStack>
  );
}

/** PoliceStatementForm records a statement the police gave outside Varsel, e.g. by phone. */
function PoliceStatementForm({ securityAssessmentId, onDone }: { securityAssessmentId: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [confirmed, setConfirmed] = useState<'no' | 'yes'>('no');
  const [statement, setStatement] = useState('');
  const action = useAction(statementDocument, onDone);
  if (!open) {
    return (
      <HStack gap="space-8" align="center">
        <Detail>Politiet svarer i politiportalen.</Detail>
        <Button size="xsmall" variant="tertiary" onClick={() => setOpen(true)}>
          Registrer uttalelse gitt utenfor Varsel
        </Button>
      </HStack>
    );
  }
  return (
    <form
      className="panel"
      aria-label="Politiets uttalelse"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { securityAssessmentId, riskConfirmed: confirmed === 'yes', statement } });
      }}
    >
      <VStack gap="space-12">
        <RadioGroup legend="Bekrefter politiet faren?" value={confirmed} onChange={(v: 'no' | 'yes') => setConfirmed(v)}>
          <Radio value="no">Nei</Radio>
          <Radio value="yes">Ja – ingen varsel gis (AS2)</Radio>
        </RadioGroup>
        <Textarea {...action.field('statement', { label: 'Uttalelsen', required: true, kind: 'paragraphs', value: statement })} value={statement} onChange={(e) => setStatement(e.target.value)} minRows={2} />
        <ProblemMessage problem={action.problem} />
        <FormButtons busy={action.busy} onCancel={() => setOpen(false)} submit="Lagre uttalelsen" size="small" />
      </VStack>
    </form>
  );
}
