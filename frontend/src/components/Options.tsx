import { options } from '../lib/labels';

/** Options are a select's choices from a table of Norwegian names, in the table's order. */
export function Options<K extends string>({ names }: { names: Record<K, string> }) {
  return (
    <>
      {options(names).map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
