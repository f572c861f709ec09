import { describe, expect, it } from 'vitest';
import { choosableUnits } from './units';

const units = [
  { id: 'ost', name: 'Region øst', kind: 'REGION', parentID: 'kdi' },
  { id: 'vest', name: 'Region vest', kind: 'REGION', parentID: 'kdi' },
  { id: 'oslo', name: 'Oslo fengsel', kind: 'LOCAL', parentID: 'ost' },
  { id: 'ila', name: 'Ila fengsel', kind: 'LOCAL', parentID: 'ost' },
  { id: 'bergen', name: 'Bergen fengsel', kind: 'LOCAL', parentID: 'vest' },
  { id: 'kdi', name: 'Kriminalomsorgsdirektoratet', kind: 'DIRECTORATE', parentID: null },
];

const names = (own: string | undefined) => choosableUnits(units, own).map((u) => u.name);

describe('«Ansvarlig enhet» offers only the units a person may choose (PR5)', () => {
  it("a prison's caseworker: the prison only", () => {
    expect(names('oslo')).toEqual(['Oslo fengsel']);
  });
  it("a region: the region's prisons, not another region's", () => {
    expect(names('ost')).toEqual(['Oslo fengsel', 'Ila fengsel']);
  });
  it('the directorate: every prison', () => {
    expect(names('kdi')).toEqual(['Oslo fengsel', 'Ila fengsel', 'Bergen fengsel']);
  });
  it('nobody without a unit', () => {
    expect(names(undefined)).toEqual([]);
  });
});
