import { Checkbox, CheckboxGroup, HStack, Select, Textarea, VStack, Heading } from '@navikt/ds-react';
import { useId, useState } from 'react';
import { FormButtons } from '../../components/FormButtons';
import { Options } from '../../components/Options';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { CaseStatus, OffenceCategory } from '../../gql/graphql';
import { caseStatusLabels, offenceLabels, options } from '../../lib/labels';
import { useAction } from '../../lib/useAction';

const correctCaseDocument = graphql(`
  mutation CorrectCriminalCase($in: CorrectCriminalCaseInput!) {
    correctCriminalCase(input: $in) {
      id
      status
      offenceCategories
      courtReasoning
    }
  }
`);

/** The criminal case as the case file shows it. */
export interface RegisteredCase {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  offenceCategories: OffenceCategory[];
  courtReasoning?: string | null;
}

/**
 * CorrectCaseForm corrects a criminal case: whether it is served, lapsed
 * because forvaring was imposed (RC2), or completed (RC1), and what it
 * covers. A completed case is changed only by correcting its status. Notices
 * not yet sent follow: a victim of a completed case is no longer notified
 * (NT8).
 */
export function CorrectCaseForm({ criminalCase: c, onDone, onCancel }: { criminalCase: RegisteredCase; onDone: () => void; onCancel: () => void }) {
  const heading = useId();
  const [status, setStatus] = useState<CaseStatus>(c.status);
  const [offences, setOffences] = useState<OffenceCategory[]>(c.offenceCategories);
  const [courtReasoning, setCourtReasoning] = useState(c.courtReasoning ?? '');
  const [reason, setReason] = useState('');
  const action = useAction(correctCaseDocument, onDone);
  return (
    <form
      className="panel"
      aria-labelledby={heading}
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({
          in: {
            criminalCaseId: c.id,
            status: status !== c.status ? status : undefined,
            offenceCategories: sameSet(offences, c.offenceCategories) ? undefined : offences,
            courtReasoning: courtReasoning !== (c.courtReasoning ?? '') ? courtReasoning : undefined,
            reason,
          },
        });
      }}
    >
      <VStack gap="space-12">
        <Heading id={heading} level="3" size="small">
          Rett straffesak {c.caseNumber}
        </Heading>
        <Select {...action.field('status')} label="Status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
          <Options names={caseStatusLabels} />
        </Select>
        <CheckboxGroup
          {...action.field('offenceCategories', { legend: 'Lovbrudd saken gjelder', required: true, kind: 'choice', value: offences, missing: 'Velg minst ett lovbrudd saken gjelder.' })}
          value={offences} onChange={(v: OffenceCategory[]) => setOffences(v)}>
          <HStack gap="space-16">
            {options(offenceLabels).map((o) => (
              <Checkbox key={o.value} value={o.value}>
                {o.label}
              </Checkbox>
            ))}
          </HStack>
        </CheckboxGroup>
        <Textarea
          {...action.field('courtReasoning', { label: 'Domspremissene', kind: 'paragraphs', value: courtReasoning })}
          description="Det retten la vekt på, til bruk i vurderingen (AS3)"
          value={courtReasoning}
          onChange={(e) => setCourtReasoning(e.target.value)}
          minRows={2}
        />
        <Textarea
          {...action.field('reason', { label: 'Hvorfor saken rettes', required: true, kind: 'paragraphs', value: reason })}
          description="Lagres i historikken"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          minRows={2}
        />
        <ProblemMessage problem={action.problem} heading="Saken ble ikke rettet" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Lagre rettelsen" />
      </VStack>
    </form>
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
