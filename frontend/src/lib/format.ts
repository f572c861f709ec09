/**
 * Dates and times as people in Norway read them, always in Norwegian time
 * (the server sends UTC), whatever the office PC's own time zone.
 */
import { serviceNow } from './clock';
const zone = 'Europe/Oslo';

const dateFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: zone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** formatDate shows a Date ("2026-12-08") or a Time as 08.12.2026. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}.${m}.${y}`;
  }
  return dateFormat.format(new Date(value));
}

/** formatDateTime shows a Time as 08.12.2026, 14:30 in Norwegian time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  return dateTimeFormat.format(new Date(value));
}

/** formatWhen shows an event's time: a date, a date and time, or a time frame (EV6). */
export function formatWhen(startsAt: string, endsAt?: string | null, dateOnly = false): string {
  const one = dateOnly ? formatDate : formatDateTime;
  return endsAt ? `${one(startsAt)} – ${one(endsAt)}` : one(startsAt);
}

/** osloParts is the calendar date and clock time in Norway of an instant. */
function osloParts(at: Date): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** todayInNorway is today's date in Norway, as YYYY-MM-DD. */
export function todayInNorway(now = serviceNow()): string {
  const p = osloParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** addDays moves a YYYY-MM-DD date by whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** localInputValue is an instant as a datetime-local field shows it, in Norwegian time. */
export function localInputValue(at: Date): string {
  const p = osloParts(at);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * fromNorwegianTime reads a datetime-local value ("2026-12-22T10:00") or a
 * date ("2026-12-22", as midnight) as Norwegian time and returns the instant
 * in RFC 3339, as the API's Time. The offset is found for that very moment,
 * so summer and winter time both come out right.
 */
export function fromNorwegianTime(value: string): string {
  const [date, time = '00:00'] = value.split('T');
  const guess = new Date(`${date}T${time}:00Z`);
  // The difference between the wall clock read in Oslo and in UTC is the offset.
  const p = osloParts(guess);
  const seen = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  const offset = seen - guess.getTime();
  return new Date(guess.getTime() - offset).toISOString().replace('.000Z', 'Z');
}

/** daysBetween counts whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** formatPercent shows a share (0–1) as "87 %". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** formatNumber shows a number the Norwegian way, with a comma and spaces. */
export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString('nb-NO', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * instantOf reads a "when" field that starts at the current minute: left
 * as it was, it means now — to the second, so that something done just now
 * is not dated before what it answers — and otherwise the time entered.
 */
export function instantOf(value: string, now = serviceNow()): string {
  return value === localInputValue(now) ? now.toISOString() : fromNorwegianTime(value);
}
