import { formatNumber, formatPercent } from './format';

/** A count or a figure of the reporting API: null and suppressed when fewer than 5 lie behind it (PR4). */
export interface Cell {
  value?: number | null;
  suppressed: boolean;
}

/** showCount writes a count, or says it is hidden so nobody can be singled out. */
export function showCount(c: Cell): string {
  if (c.suppressed) return 'skjult';
  return c.value == null ? '–' : formatNumber(c.value);
}

/** showRate writes a share as a percentage. */
export function showRate(c: Cell): string {
  if (c.suppressed) return 'skjult';
  return c.value == null ? '–' : formatPercent(c.value);
}

/** showFigure writes a median with its unit, e.g. "16 dager". */
export function showFigure(c: Cell, unit: string, digits = 0): string {
  if (c.suppressed) return 'skjult';
  return c.value == null ? '–' : `${formatNumber(c.value, digits)} ${unit}`;
}

/** chartValue is what a chart draws: nothing for a hidden or missing figure. */
export function chartValue(c: Cell, scale = 1): number | null {
  return c.suppressed || c.value == null ? null : c.value * scale;
}

/** monthLabel shows "2026-03" as "mar. 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 15)).toLocaleDateString('nb-NO', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
