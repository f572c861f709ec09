import { BodyShort, Textarea, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { FormButtons } from '../../components/FormButtons';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import { useAction } from '../../lib/useAction';

const withdrawDocument = graphql(`
  mutation WithdrawDecision($in: WithdrawDecisionInput!) {
    withdrawDecision(input: $in) {
      id
      status
      withdrawnAt
      withdrawReason
    }
  }
`);

/**
 * WithdrawDecisionForm withdraws the decision to notify (DC1, forvaltningsloven
 * § 35), with the reasons. Notices not yet sent are stopped; whoever was
 * already told gets one message that the notice is withdrawn (NT8).
 */
export function WithdrawDecisionForm({ decisionId, onDone, onCancel }: { decisionId: string; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction(withdrawDocument, onDone);
  return (
    <form
      className="panel"
      aria-label="Trekk tilbake vedtaket"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { decisionId, reason } });
      }}
    >
      <VStack gap="space-12">
        <BodyShort>
          Varsler som ikke er sendt, stoppes. Den som allerede er varslet, får én melding om at varselet er trukket tilbake (NT8). Et nytt vedtak kan fattes
          senere.
        </BodyShort>
        <Textarea
          {...action.field('reason', { label: 'Hvorfor vedtaket trekkes tilbake', required: true, kind: 'paragraphs', value: reason })}
          description="Lagres i saken og i historikken (DC1)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          minRows={2}
        />
        <ProblemMessage problem={action.problem} heading="Vedtaket ble ikke trukket tilbake" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Trekk tilbake vedtaket" variant="danger" />
      </VStack>
    </form>
  );
}
