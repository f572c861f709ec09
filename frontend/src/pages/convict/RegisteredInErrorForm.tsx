import { BodyShort, Textarea, VStack } from '@navikt/ds-react';
import { useId, useState } from 'react';
import { FormButtons } from '../../components/FormButtons';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import { useAction } from '../../lib/useAction';

const markDocument = graphql(`
  mutation MarkRegisteredInError($in: MarkRegisteredInErrorInput!) {
    markRegisteredInError(input: $in)
  }
`);

/** What was registered in error: exactly one of them. */
export type InErrorTarget = { custodyEventId: string } | { victimId: string } | { survivorId: string } | { guardianId: string };

/**
 * RegisteredInErrorForm marks a custody event, a victim, a survivor or a
 * guardian as registered in error, with the reason (NT8, PR3). Nothing is
 * deleted: it leaves every list and worklist, stays in the history, and its
 * notices not yet sent stop. An event someone was notified of is cancelled
 * instead, so that they are told.
 */
export function RegisteredInErrorForm({ target, what, onDone, onCancel }: { target: InErrorTarget; what: string; onDone: () => void; onCancel: () => void }) {
  const heading = useId();
  const [reason, setReason] = useState('');
  const action = useAction(markDocument, onDone);
  return (
    <form
      className="panel"
      aria-labelledby={heading}
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { ...target, reason } });
      }}
    >
      <VStack gap="space-12">
        <BodyShort id={heading} weight="semibold">
          Registrert ved en feil: {what}
        </BodyShort>
        <BodyShort size="small">
          Ingenting slettes. Registreringen forsvinner fra lister og arbeidslister, men står i historikken. Varsler som ikke er sendt, stoppes (NT8).
        </BodyShort>
        <Textarea
          {...action.field('reason', { label: 'Hva var feil', required: true, kind: 'paragraphs', value: reason })}
          description="Lagres i historikken"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          minRows={2}
        />
        <ProblemMessage problem={action.problem} heading="Registreringen ble ikke merket" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Merk som registrert ved en feil" variant="danger" />
      </VStack>
    </form>
  );
}
