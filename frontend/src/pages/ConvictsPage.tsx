import { Button, Checkbox, CheckboxGroup, Heading, HStack, Link, Search, Select, Table, Tag, TextField, VStack } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Empty, PageState } from '../components/PageState';
import { ProblemMessage } from '../components/ProblemMessage';
import { graphql } from '../gql';
import { RuleNote } from '../lib/rulebook';
import { useSession } from '../lib/session';
import { useAction } from '../lib/useAction';
import { TimeField } from '../components/TimeField';
import { nodes } from '../lib/labels';
import { choosableUnits, type UnitRef } from '../lib/units';
import { FormButtons } from '../components/FormButtons';
import { TableScroll } from '../components/TableScroll';

const convictsDocument = graphql(`
  query Convicts($name: String) {
    convicts(first: 100, orderBy: { field: NAME }, where: { nameContainsFold: $name }) {
      totalCount
      edges {
        node {
          id
          name
          servingPreventiveDetention
          sentenceOverTenYears
          infoflyt
          unit {
            name
          }
        }
      }
    }
    units {
      id
      name
      kind
      parentID
    }
  }
`);

const registerConvictDocument = graphql(`
  mutation RegisterConvict($in: RegisterConvictInput!) {
    registerConvict(input: $in) {
      id
    }
  }
`);

/** ConvictsPage lists the unit's convicts, with a search by name, and registers a new one. */
export function ConvictsPage() {
  const [name, setName] = useState('');
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: convictsDocument,
    variables: { name: name.trim() || undefined },
    requestPolicy: 'cache-and-network',
  });
  const [adding, setAdding] = useState(false);
  const convicts = nodes(data?.convicts);

  return (
    <VStack gap="space-24">
      <HStack justify="space-between" align="end">
        <Heading level="1" size="large">
          Domfelte
        </Heading>
        {!adding && (
          <Button size="small" onClick={() => setAdding(true)}>
            Registrer domfelt
          </Button>
        )}
      </HStack>
      {adding && <RegisterConvictForm units={data?.units ?? []} onCancel={() => setAdding(false)} />}
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Search label="Søk etter navn" variant="simple" value={name} onChange={setName} onClear={() => setName('')} />
      </form>
      <PageState fetching={fetching} error={error} hasData={!!data} what="domfelte" retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {convicts.length === 0 ? (
          <Empty>{name ? `Ingen domfelte ved enheten heter noe med «${name}».` : 'Enheten har ingen registrerte domfelte.'}</Empty>
        ) : (
          <TableScroll label="Domfelte">
            <Table size="small">
              <caption className="sr-only">Domfelte ved enheten ({data?.convicts.totalCount})</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Navn</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Enhet</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Merknader</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {convicts.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.DataCell>
                      <Link as={RouterLink} to={`/domfelte/${c.id}`}>
                        {c.name}
                      </Link>
                    </Table.DataCell>
                    <Table.DataCell>{c.unit.name}</Table.DataCell>
                    <Table.DataCell>
                      <HStack gap="space-4">
                        {c.servingPreventiveDetention && <Tag size="xsmall" variant="moderate" data-color="warning">Forvaring</Tag>}
                        {c.sentenceOverTenYears && <Tag size="xsmall" variant="moderate" data-color="warning">Over 10 år</Tag>}
                        {c.infoflyt && <Tag size="xsmall" variant="moderate" data-color="danger">INFOFLYT</Tag>}
                      </HStack>
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </PageState>
    </VStack>
  );
}

function RegisterConvictForm({ units, onCancel }: { units: UnitRef[]; onCancel: () => void }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const choosable = choosableUnits(units, me.unit?.id);
  const [form, setForm] = useState({ name: '', nin: '', birthDate: '', unitId: choosable[0]?.id ?? '' });
  const [flags, setFlags] = useState<string[]>([]);
  const action = useAction(registerConvictDocument, (d) => void navigate(`/domfelte/${d.registerConvict.id}`));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.submit({
      in: {
        name: form.name,
        nationalIdentityNumber: form.nin.replace(/\s/g, ''),
        birthDate: form.birthDate || undefined,
        unitId: form.unitId || undefined,
        servingPreventiveDetention: flags.includes('forvaring'),
        sentenceOverTenYears: flags.includes('over10'),
        infoflyt: flags.includes('infoflyt'),
      },
    });
  };
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="ny-domfelt">
      <VStack gap="space-16">
        <Heading id="ny-domfelt" level="2" size="medium">
          Registrer domfelt
        </Heading>
        <TextField {...action.field('name', { label: 'Navn', required: true, value: form.name })} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} autoComplete="off" />
        <HStack gap="space-16">
          <TextField
            {...action.field('nationalIdentityNumber', { label: 'Fødselsnummer eller D-nummer', required: true, kind: 'identityNumber', value: form.nin })}
            description="11 siffer (PR1)"
            inputMode="numeric"
            value={form.nin}
            onChange={(e) => setForm({ ...form, nin: e.target.value })}
            autoComplete="off"
          />
          <TimeField
            {...action.field('birthDate', { label: 'Fødselsdato', kind: 'date', value: form.birthDate })}
            description="Registreres for seg (PR1)"
            type="date"
            value={form.birthDate}
            onChange={(e) => setForm({ ...form, birthDate: e.target.value })}
          />
        </HStack>
        <Select
          {...action.field('unitId')}
          label="Ansvarlig enhet"
          description={choosable.length > 1 ? 'En av enhetene du arbeider for' : undefined}
          readOnly={choosable.length === 1}
          value={form.unitId}
          onChange={(e) => setForm({ ...form, unitId: e.target.value })}
        >
          {choosable.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <CheckboxGroup legend="Forhold som avgjør vedtaksnivå og utlevering" value={flags} onChange={setFlags}>
          <Checkbox value="forvaring">Idømt forvaring</Checkbox>
          <Checkbox value="over10">Fengselsstraff på mer enn ti år</Checkbox>
          <Checkbox value="infoflyt">Fulgt opp i INFOFLYT</Checkbox>
        </CheckboxGroup>
        <RuleNote ids={['DC2', 'IX6']} />
        <ProblemMessage problem={action.problem} heading="Domfelte ble ikke registrert" />
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Registrer" />
      </VStack>
    </form>
  );
}
