/** A unit as the forms know it: its place in the hierarchy and whether convicts are held there. */
export interface UnitRef {
  id: string;
  name: string;
  kind: string;
  parentID?: string | null;
}

/**
 * choosableUnits are the units a person may register a convict at: the
 * local units among their own and those under it — a prison for its staff,
 * a region's prisons for the region (PR5, as the server's unit scope). The
 * server refuses any other, so no other is offered.
 */
export function choosableUnits(units: readonly UnitRef[], own: string | undefined): UnitRef[] {
  if (!own) return [];
  const scope = new Set([own]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parentID && scope.has(u.parentID) && !scope.has(u.id)) {
        scope.add(u.id);
        grew = true;
      }
    }
  }
  return units.filter((u) => scope.has(u.id) && u.kind === 'LOCAL');
}
