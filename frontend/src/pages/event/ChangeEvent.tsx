import { Alert, BodyShort, Button, Checkbox, HStack, Textarea, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormButtons } from '../../components/FormButtons';
import { ProblemMessage } from '../../components/ProblemMessage';
import { TimeField } from '../../components/TimeField';
import { graphql } from '../../gql';
import { formatDateTime, fromNorwegianTime, localInputValue, todayInNorway } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { RegisteredInErrorForm } from '../convict/RegisteredInErrorForm';
import type { CustodyEventData } from './document';

const moveDocument = graphql(`
  mutation MoveCustodyEvent($in: MoveCustodyEventInput!) {
    moveCustodyEvent(input: $in) {
      id
      startsAt
      endsAt
    }
  }
`);
const cancelDocument = graphql(`
  mutation CancelCustodyEvent($in: CancelCustodyEventInput!) {
    cancelCustodyEvent(input: $in) {
      id
      status
    }
  }
`);

type Ev = CustodyEventData & { cancelReason?: string | null; movedAt?: string | null; moveReason?: string | null };

/**
 * ChangeEvent moves or cancels an event when reality changes (NT8): notices
 * not sent follow the new time, and whoever was told the old time gets a
 * corrected notice or a cancellation, which then wait in «Varsler».
 */
export function ChangeEvent({ event, onChanged }: { event: Ev; onChanged: () => void }) {
  const [open, setOpen] = useState<'' | 'move' | 'cancel' | 'error'>('');
  const navigate = useNavigate();
  if (event.status === 'CANCELLED') {
    return (
      <Alert variant="warning">
        Hendelsen er avlyst{event.cancelReason ? `: ${event.cancelReason.replace(/[.!]\s*$/, '')}` : ''}. De som var varslet, får melding om avlysningen (NT8).
      </Alert>
    );
  }
  if (event.status !== 'OPEN') return null;
  return (
    <VStack gap="space-8">
      {event.movedAt && (
        <BodyShort size="small">
          Tiden ble endret {formatDateTime(event.movedAt)}
          {event.moveReason ? `: ${event.moveReason}` : ''}.
        </BodyShort>
      )}
      {open === '' && (
        <HStack gap="space-8">
          <Button size="small" variant="secondary" onClick={() => setOpen('move')}>
            Endre tidspunkt
          </Button>
          <Button size="small" variant="secondary" data-color="danger" onClick={() => setOpen('cancel')}>
            Avlys hendelsen
          </Button>
          <Button size="small" variant="tertiary" onClick={() => setOpen('error')}>
            Registrert ved en feil
          </Button>
        </HStack>
      )}
      {open === 'move' && <MoveForm event={event} onDone={() => (setOpen(''), onChanged())} onCancel={() => setOpen('')} />}
      {open === 'cancel' && <CancelForm event={event} onDone={() => (setOpen(''), onChanged())} onCancel={() => setOpen('')} />}
      {open === 'error' && (
        <RegisteredInErrorForm
          target={{ custodyEventId: event.id }}
          what="hendelsen"
          onDone={() => navigate(`/domfelte/${event.convict.id}?fane=hendelser`)}
          onCancel={() => setOpen('')}
        />
      )}
    </VStack>
  );
}

function MoveForm({ event, onDone, onCancel }: { event: Ev; onDone: () => void; onCancel: () => void }) {
  const [dateOnly, setDateOnly] = useState(event.dateOnly);
  const value = (iso?: string | null) => (iso ? (event.dateOnly ? todayInNorway(new Date(iso)) : localInputValue(new Date(iso))) : '');
  const [startsAt, setStartsAt] = useState(value(event.startsAt));
  const [endsAt, setEndsAt] = useState(value(event.endsAt));
  const [reason, setReason] = useState('');
  const action = useAction(moveDocument, onDone);
  const type = dateOnly ? 'date' : 'datetime-local';
  return (
    <form
      className="panel"
      aria-label="Endre tidspunkt"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit(() => ({
          in: {
            custodyEventId: event.id,
            startsAt: fromNorwegianTime(startsAt),
            endsAt: endsAt ? fromNorwegianTime(endsAt) : undefined,
            dateOnly,
            reason,
          },
        }));
      }}
    >
      <VStack gap="space-12">
        <BodyShort>
          Varsler som ikke er sendt, får det nye tidspunktet. Den som allerede er varslet om det gamle tidspunktet, får et rettet varsel (NT8).
        </BodyShort>
        <Checkbox
          checked={dateOnly}
          onChange={(e) => {
            const on = e.target.checked;
            const convert = (v: string) => (!v ? v : on ? v.slice(0, 10) : v.includes('T') ? v : `${v}T10:00`);
            setDateOnly(on);
            setStartsAt(convert);
            setEndsAt(convert);
          }}
        >
          Bare dato
        </Checkbox>
        <HStack gap="space-16">
          <TimeField {...action.field('startsAt', { label: 'Ny start', required: true, kind: 'date', value: startsAt })} type={type} value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
          <TimeField
            {...action.field('endsAt', { label: 'Ny slutt', kind: 'date', value: endsAt, test: (v) => (startsAt && v <= startsAt ? 'Slutten må være etter starten (EV6).' : undefined) })}
            type={type}
            value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
        </HStack>
        <Textarea {...action.field('reason', { label: 'Hvorfor tidspunktet endres', required: true, kind: 'paragraphs', value: reason })} description="Lagres i historikken" value={reason} onChange={(e) => setReason(e.target.value)} minRows={2} />
        <ProblemMessage problem={action.problem} heading="Tidspunktet ble ikke endret" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Lagre nytt tidspunkt" />
      </VStack>
    </form>
  );
}

function CancelForm({ event, onDone, onCancel }: { event: Ev; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction(cancelDocument, onDone);
  return (
    <form
      className="panel"
      aria-label="Avlys hendelsen"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { custodyEventId: event.id, reason } });
      }}
    >
      <VStack gap="space-12">
        <BodyShort>
          Varsler som ikke er sendt, stoppes. Den som allerede er varslet, får melding om at hendelsen er avlyst (NT8).
        </BodyShort>
        <Textarea {...action.field('reason', { label: 'Hvorfor hendelsen avlyses', required: true, kind: 'paragraphs', value: reason })} description="Lagres i historikken" value={reason} onChange={(e) => setReason(e.target.value)} minRows={2} />
        <ProblemMessage problem={action.problem} heading="Hendelsen ble ikke avlyst" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Avlys hendelsen" />
      </VStack>
    </form>
  );
}
