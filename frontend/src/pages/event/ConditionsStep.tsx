import { BodyShort, Button, Checkbox, CheckboxGroup, Detail, HStack, Select, Table, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { Empty } from '../../components/PageState';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { AreaLevel, ConditionKind } from '../../gql/graphql';
import { areaLevelLabels, conditionKindLabels, label } from '../../lib/labels';
import { useAction } from '../../lib/useAction';
import type { CustodyEventData } from './document';
import { Options } from '../../components/Options';
import { FormButtons } from '../../components/FormButtons';
import { TableScroll } from '../../components/TableScroll';

const recordConditionsDocument = graphql(`
  mutation RecordConditions($in: RecordConditionsInput!) {
    recordConditions(input: $in) {
      id
    }
  }
`);

interface Draft {
  kind: ConditionKind;
  area: string;
  areaLevel: AreaLevel;
  description: string;
  concerns: string[];
}

/**
 * ConditionsStep records the conditions set for the event that directly
 * concern a recipient (NT3). A residence is an area — municipality, town or
 * region — and nothing more precise can be entered (NT4).
 */
export function ConditionsStep({ event, onChanged }: { event: CustodyEventData; onChanged: () => void }) {
  const people = event.potentialRecipients.map((r) => ({
    key: r.victim ? `v${r.victim.id}` : `s${r.survivor!.id}`,
    name: (r.victim ?? r.survivor)!.name,
  }));
  const existing: Draft[] = (event.conditions ?? []).map((c) => ({
    kind: c.kind,
    area: c.area ?? '',
    areaLevel: c.areaLevel ?? 'MUNICIPALITY',
    description: c.description ?? '',
    concerns: [...(c.concernsVictims ?? []).map((v) => `v${v.id}`), ...(c.concernsSurvivors ?? []).map((s) => `s${s.id}`)],
  }));
  const [editing, setEditing] = useState<Draft[] | undefined>();
  const action = useAction(recordConditionsDocument, () => (setEditing(undefined), onChanged()));
  const locked = (event.notices ?? []).some((n) => n.status !== 'CANCELLED');
  const nameOf = (key: string) => people.find((p) => p.key === key)?.name ?? key;

  if (!editing) {
    return (
      <VStack gap="space-12">
        {existing.length === 0 ? (
          <Empty>Ingen vilkår er registrert som angår mottakerne.</Empty>
        ) : (
          <TableScroll label="Vilkår">
            <Table size="small">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Vilkår</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Innhold</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Angår</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {existing.map((c, i) => (
                  <Table.Row key={i}>
                    <Table.DataCell>{label(conditionKindLabels, c.kind)}</Table.DataCell>
                    <Table.DataCell>
                      {c.kind === 'RESIDENCE' ? `${c.area} (${label(areaLevelLabels, c.areaLevel).toLowerCase()})` : c.description}
                    </Table.DataCell>
                    <Table.DataCell>{c.concerns.map(nameOf).join(', ') || 'Ingen'}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
        {locked ? (
          <Detail>Varslene er laget ut fra disse vilkårene. Avbryt varslene før vilkårene endres.</Detail>
        ) : (
          <div>
            <Button size="small" variant="secondary" onClick={() => setEditing(existing.length ? existing : [blank()])}>
              {existing.length ? 'Endre vilkårene' : 'Registrer vilkår'}
            </Button>
          </div>
        )}
      </VStack>
    );
  }

  const set = (i: number, patch: Partial<Draft>) => setEditing(editing.map((d, j) => (i === j ? { ...d, ...patch } : d)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({
          in: {
            custodyEventId: event.id,
            conditions: editing.map((d) => ({
              kind: d.kind,
              area: d.kind === 'RESIDENCE' ? d.area : undefined,
              areaLevel: d.kind === 'RESIDENCE' ? d.areaLevel : undefined,
              description: d.kind === 'RESIDENCE' ? undefined : d.description || undefined,
              concernsVictimIds: d.concerns.filter((k) => k.startsWith('v')).map((k) => k.slice(1)),
              concernsSurvivorIds: d.concerns.filter((k) => k.startsWith('s')).map((k) => k.slice(1)),
            })),
          },
        });
      }}
    >
      <VStack gap="space-16">
        {editing.map((d, i) => (
          <fieldset key={i} className="panel">
            <legend className="sr-only">Vilkår {i + 1}</legend>
            <VStack gap="space-12">
              <HStack gap="space-16" align="end">
                <Select label={`Vilkår ${i + 1}`} value={d.kind} onChange={(e) => set(i, { kind: e.target.value as ConditionKind })}>
                  <Options names={conditionKindLabels} />
                </Select>
                <Button type="button" size="xsmall" variant="tertiary" onClick={() => setEditing(editing.filter((_, j) => j !== i))}>
                  Fjern vilkår {i + 1}
                </Button>
              </HStack>
              {d.kind === 'RESIDENCE' ? (
                <HStack gap="space-16">
                  <TextField
                    {...action.field(`conditions.${i}.area`, { label: 'Område', value: d.area })}
                    description="Kommune, by eller region – aldri en adresse (NT4)"
                    value={d.area}
                    onChange={(e) => set(i, { area: e.target.value })}
                  />
                  <Select label="Nivå" value={d.areaLevel} onChange={(e) => set(i, { areaLevel: e.target.value as AreaLevel })}>
                    <Options names={areaLevelLabels} />
                  </Select>
                </HStack>
              ) : (
                <Textarea {...action.field(`conditions.${i}.description`, { label: 'Innhold', kind: 'paragraphs', value: d.description })} value={d.description} onChange={(e) => set(i, { description: e.target.value })} minRows={2} />
              )}
              <CheckboxGroup legend="Angår direkte" description="Bare disse får vite om vilkåret (NT3)" value={d.concerns} onChange={(v: string[]) => set(i, { concerns: v })}>
                {people.map((p) => (
                  <Checkbox key={p.key} value={p.key}>
                    {p.name}
                  </Checkbox>
                ))}
              </CheckboxGroup>
            </VStack>
          </fieldset>
        ))}
        {editing.length === 0 && <BodyShort>Ingen vilkår. Lagre for å fjerne alle.</BodyShort>}
        <div>
          <Button type="button" size="small" variant="tertiary" onClick={() => setEditing([...editing, blank()])}>
            Legg til vilkår
          </Button>
        </div>
        <ProblemMessage problem={action.problem} heading="Vilkårene ble ikke lagret" />
        <FormButtons busy={action.busy} onCancel={() => setEditing(undefined)} submit="Lagre vilkårene" size="small" />
      </VStack>
    </form>
  );
}

function blank(): Draft {
  return { kind: 'RESIDENCE', area: '', areaLevel: 'MUNICIPALITY', description: '', concerns: [] };
}
