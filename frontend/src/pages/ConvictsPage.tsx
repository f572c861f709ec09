import { BodyShort, Button, Checkbox, CheckboxGroup, Heading, HStack, Link, Search, Select, Table, Tag, TextField, VStack } from '@navikt/ds-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Empty, PageState } from '../components/PageState';
import { ProblemMessage } from '../components/ProblemMessage';
import { graphql } from '../gql';
import type { ConvictRowFragment } from '../gql/graphql';
import { RuleNote } from '../lib/rulebook';
import { useSession } from '../lib/session';
import { useAction } from '../lib/useAction';
import { TimeField } from '../components/TimeField';
import { nodes } from '../lib/labels';
import { choosableUnits, type UnitRef } from '../lib/units';
import { FormButtons } from '../components/FormButtons';
import { TableScroll } from '../components/TableScroll';

// The row of the list, for both searches.
graphql(`
  fragment ConvictRow on Convict {
    id
    name
    servingPreventiveDetention
    sentenceOverTenYears
    infoflyt
    unit {
      id
      name
    }
  }
`);

const convictsDocument = graphql(`
  query Convicts($name: String, $after: Cursor) {
    convicts(first: 100, after: $after, orderBy: { field: NAME }, where: { nameContainsFold: $name }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ConvictRow
        }
      }
    }
  }
`);

const convictByNumberDocument = graphql(`
  query ConvictByNumber($nin: String!) {
    convictByNationalIdentityNumber(nationalIdentityNumber: $nin) {
      ...ConvictRow
    }
  }
`);

const unitsDocument = graphql(`
  query ConvictUnits {
    units {
      id
      name
      kind
      parentID
    }
  }
`);

const existingConvictDocument = graphql(`
  query ExistingConvict($id: ID!) {
    node(id: $id) {
      id
      ... on Convict {
        name
        unit {
          id
          name
        }
      }
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

type ConvictRow = ConvictRowFragment;

/** identityNumberOf is the search as an identity number, when it is one: eleven digits, spaces ignored. */
export function identityNumberOf(search: string): string | undefined {
  const digits = search.replace(/\s/g, '');
  return /^[0-9]{11}$/.test(digits) ? digits : undefined;
}

/**
 * ConvictsPage lists the unit's convicts, a hundred at a time with more on
 * request, searched by name or by fødselsnummer or D-nummer (the whole
 * number), and registers a new one.
 */
export function ConvictsPage() {
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [{ data: unitData }] = useQuery({ query: unitsDocument, requestPolicy: 'cache-first' });
  const nin = identityNumberOf(search);

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
      {adding && <RegisterConvictForm units={unitData?.units ?? []} onCancel={() => setAdding(false)} />}
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Search
          label="Søk etter navn eller fødselsnummer"
          description="En del av navnet, eller hele fødselsnummeret eller D-nummeret (11 siffer)"
          hideLabel={false}
          variant="simple"
          value={search}
          onChange={setSearch}
          onClear={() => setSearch('')}
        />
      </form>
      {nin ? <ConvictByNumber nin={nin} /> : <ConvictList name={search.trim()} />}
    </VStack>
  );
}

/** ConvictList is the convicts whose names hold name, a hundred at a time: «Vis flere» fetches the next hundred after the last cursor. */
function ConvictList({ name }: { name: string }) {
  // The cursors of the pages asked for beyond the first, for this search only.
  const [more, setMore] = useState<{ name: string; cursors: string[] }>({ name, cursors: [] });
  const cursors = more.name === name ? more.cursors : [];
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: convictsDocument,
    variables: { name: name || undefined },
    requestPolicy: 'cache-and-network',
  });
  const first = nodes(data?.convicts);
  const total = data?.convicts.totalCount ?? 0;
  return (
    <PageState fetching={fetching} error={error} hasData={!!data} what="domfelte" retry={() => reexecute({ requestPolicy: 'network-only' })}>
      {first.length === 0 ? (
        <Empty>{name ? `Ingen domfelte ved enheten heter noe med «${name}».` : 'Enheten har ingen registrerte domfelte.'}</Empty>
      ) : (
        <VStack gap="space-12" align="start">
          <ConvictTable caption={`Domfelte ved enheten (${total})`}>
            <ConvictRows convicts={first} />
            {cursors.map((after, i) => (
              <ConvictPage
                key={after}
                name={name}
                after={after}
                onMore={i === cursors.length - 1 ? (next) => setMore({ name, cursors: [...cursors, next] }) : undefined}
              />
            ))}
          </ConvictTable>
          {cursors.length === 0 && data?.convicts.pageInfo.hasNextPage && data.convicts.pageInfo.endCursor && (
            <MoreButton shown={first.length} total={total} onClick={() => setMore({ name, cursors: [data.convicts.pageInfo.endCursor!] })} />
          )}
        </VStack>
      )}
    </PageState>
  );
}

/** ConvictPage is one more hundred rows after a cursor; the last page offers the next. */
function ConvictPage({ name, after, onMore }: { name: string; after: string; onMore?: (cursor: string) => void }) {
  const [{ data, fetching, error }] = useQuery({ query: convictsDocument, variables: { name: name || undefined, after } });
  if (!data) {
    return (
      <Table.Row>
        <Table.DataCell colSpan={3}>{error ? 'Kunne ikke hente flere domfelte.' : fetching ? 'Henter flere domfelte …' : ''}</Table.DataCell>
      </Table.Row>
    );
  }
  const info = data.convicts.pageInfo;
  return (
    <>
      <ConvictRows convicts={nodes(data.convicts)} />
      {onMore && info.hasNextPage && info.endCursor && (
        <Table.Row>
          <Table.DataCell colSpan={3}>
            <Button size="small" variant="secondary" onClick={() => onMore(info.endCursor!)}>
              Vis flere domfelte
            </Button>
          </Table.DataCell>
        </Table.Row>
      )}
    </>
  );
}

function MoreButton({ shown, total, onClick }: { shown: number; total: number; onClick: () => void }) {
  return (
    <HStack gap="space-12" align="center">
      <BodyShort size="small">
        Viser {shown} av {total}.
      </BodyShort>
      <Button size="small" variant="secondary" onClick={onClick}>
        Vis flere domfelte
      </Button>
    </HStack>
  );
}

/** ConvictByNumber is the convict with this identity number at the viewer's units, if any. */
function ConvictByNumber({ nin }: { nin: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: convictByNumberDocument, variables: { nin }, requestPolicy: 'network-only' });
  const found = data?.convictByNationalIdentityNumber;
  return (
    <PageState fetching={fetching} error={error} hasData={!!data} what="domfelte" retry={() => reexecute({ requestPolicy: 'network-only' })}>
      {!found ? (
        <Empty>Ingen domfelte ved enheten har dette fødselsnummeret eller D-nummeret.</Empty>
      ) : (
        <ConvictTable caption="Domfelte med fødselsnummeret">
          <ConvictRows convicts={[found]} />
        </ConvictTable>
      )}
    </PageState>
  );
}

function ConvictTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <TableScroll label="Domfelte">
      <Table size="small">
        <caption className="sr-only">{caption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Navn</Table.HeaderCell>
            <Table.HeaderCell scope="col">Enhet</Table.HeaderCell>
            <Table.HeaderCell scope="col">Merknader</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>{children}</Table.Body>
      </Table>
    </TableScroll>
  );
}

function ConvictRows({ convicts }: { convicts: readonly ConvictRow[] }) {
  return (
    <>
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
    </>
  );
}

/** ExistingConvict names and links the convict already registered with the number, as the server pointed to it. */
function ExistingConvict({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: existingConvictDocument, variables: { id } });
  const c = data?.node?.__typename === 'Convict' ? data.node : undefined;
  return (
    <Link as={RouterLink} to={`/domfelte/${id}`}>
      {c ? `Åpne ${c.name} (${c.unit.name})` : 'Åpne domfelte som allerede er registrert'}
    </Link>
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
        {action.problem?.existing && <ExistingConvict id={action.problem.existing} />}
        <FormButtons busy={action.busy} onCancel={onCancel} submit="Registrer" />
      </VStack>
    </form>
  );
}
