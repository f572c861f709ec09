import { Alert, BodyShort, Link, Select, Textarea, VStack } from '@navikt/ds-react';
import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from 'urql';
import { FormButtons } from '../../components/FormButtons';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import { useAction } from '../../lib/useAction';

const unitsDocument = graphql(`
  query TransferUnits {
    units {
      id
      name
      kind
    }
  }
`);

const transferDocument = graphql(`
  mutation TransferConvict($in: TransferConvictInput!) {
    transferConvict(input: $in) {
      id
      unit {
        id
        name
      }
    }
  }
`);

/**
 * TransferConvictForm moves a convict to another local unit (PR5): the new
 * unit's staff then see the case and the work that remains, the old unit's
 * no longer do, and open events are decided at the level the new unit calls
 * for (DC2). The transfer and its reason go into the history.
 */
export function TransferConvictForm({
  convict,
  onCancel,
}: {
  convict: { id: string; name: string; unit: { id: string; name: string } };
  onCancel: () => void;
}) {
  const heading = useId();
  const [{ data }] = useQuery({ query: unitsDocument });
  const [unitId, setUnitId] = useState('');
  const [reason, setReason] = useState('');
  const [movedTo, setMovedTo] = useState('');
  const action = useAction(transferDocument, (d) => setMovedTo(d.transferConvict.unit.name));
  const units = (data?.units ?? []).filter((u) => u.kind === 'LOCAL' && u.id !== convict.unit.id);

  if (movedTo) {
    return (
      <Alert variant="success" role="status">
        <VStack gap="space-4">
          <BodyShort>
            {convict.name} er overført til {movedTo}. Ansatte der ser nå saken og arbeidet som gjenstår. Hører du ikke til {movedTo}, har du ikke lenger tilgang
            til saken (PR5).
          </BodyShort>
          <Link as={RouterLink} to="/domfelte">
            Til listen over domfelte
          </Link>
        </VStack>
      </Alert>
    );
  }
  return (
    <form
      className="panel"
      aria-labelledby={heading}
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { convictId: convict.id, unitId, reason } });
      }}
    >
      <VStack gap="space-12">
        <BodyShort id={heading} weight="semibold">
          Overfør {convict.name} fra {convict.unit.name}
        </BodyShort>
        <BodyShort size="small">
          Saken, hendelsene og varslene som ikke er sendt, følger med til den nye enheten. Vedtaksnivået for åpne hendelser vurderes på nytt (DC2).
        </BodyShort>
        <Select {...action.field('unitId', { label: 'Ny enhet', kind: 'choice', required: true, value: unitId })} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">Velg enhet</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Textarea
          {...action.field('reason', { label: 'Hvorfor domfelte overføres', required: true, kind: 'paragraphs', value: reason })}
          description="Lagres i historikken"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          minRows={2}
        />
        <ProblemMessage problem={action.problem} heading="Domfelte ble ikke overført" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Overfør domfelte" />
      </VStack>
    </form>
  );
}
