import { UNSAFE_Combobox } from '@navikt/ds-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { nodes } from '../lib/labels';
import type { FieldProps } from '../lib/useAction';

const pickConvictsDocument = graphql(`
  query PickConvicts($name: String) {
    convicts(first: 20, orderBy: { field: NAME }, where: { nameContainsFold: $name }) {
      edges {
        node {
          id
          name
          infoflyt
        }
      }
    }
  }
`);

const pickConvictByNumberDocument = graphql(`
  query PickConvictByNumber($nin: String!) {
    convictByNationalIdentityNumber(nationalIdentityNumber: $nin) {
      id
      name
      infoflyt
    }
  }
`);

/** PickedConvict is the convict chosen in the picker. */
export interface PickedConvict {
  id: string;
  name: string;
  infoflyt: boolean;
}

/**
 * ConvictPicker chooses one of the unit's convicts by typing part of the name
 * or the whole identity number: the server answers with the first twenty
 * that match, so the list never holds every convict.
 */
export function ConvictPicker({
  value,
  onChange,
  field,
  description,
}: {
  value?: PickedConvict;
  onChange: (c: PickedConvict | undefined) => void;
  field: FieldProps & { label: ReactNode };
  description?: string;
}) {
  const [typed, setTyped] = useState('');
  const digits = typed.replace(/\s/g, '');
  const nin = /^[0-9]{11}$/.test(digits) ? digits : undefined;
  const [byName] = useQuery({ query: pickConvictsDocument, variables: { name: typed.trim() || undefined }, pause: !!nin });
  const [byNumber] = useQuery({ query: pickConvictByNumberDocument, variables: { nin: nin ?? '' }, pause: !nin });
  const found = useMemo(() => {
    if (nin) {
      const c = byNumber.data?.convictByNationalIdentityNumber;
      return c ? [c] : [];
    }
    return nodes(byName.data?.convicts);
  }, [nin, byName.data, byNumber.data]);
  const options = found.map((c) => ({ value: c.id, label: c.name + (c.infoflyt ? ' (INFOFLYT)' : '') }));
  const selected = value ? [{ value: value.id, label: value.name + (value.infoflyt ? ' (INFOFLYT)' : '') }] : [];
  return (
    <UNSAFE_Combobox
      {...field}
      description={description ?? 'Skriv en del av navnet eller hele fødselsnummeret'}
      options={options}
      filteredOptions={options}
      selectedOptions={selected}
      isLoading={byName.fetching || byNumber.fetching}
      onChange={setTyped}
      onToggleSelected={(id, isSelected) => {
        if (isSelected) onChange(found.find((c) => c.id === id));
        else if (value?.id === id) onChange(undefined);
      }}
      shouldAutocomplete={false}
    />
  );
}
