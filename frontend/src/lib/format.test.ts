import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate, formatDateTime, formatWhen, fromNorwegianTime, instantOf, localInputValue, todayInNorway } from './format';

describe('times are Norwegian time, whatever the PC says', () => {
  it('a field read in winter time is UTC+1, in summer time UTC+2', () => {
    expect(fromNorwegianTime('2026-12-22T10:00')).toBe('2026-12-22T09:00:00Z');
    expect(fromNorwegianTime('2026-06-22T10:00')).toBe('2026-06-22T08:00:00Z');
    expect(fromNorwegianTime('2026-06-22')).toBe('2026-06-21T22:00:00Z');
  });

  it('an instant is shown as the clock in Oslo reads it', () => {
    expect(formatDateTime('2026-12-22T09:00:00Z')).toBe('22.12.2026, 10:00');
    expect(formatDate('2026-12-08')).toBe('08.12.2026');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('01.01.2027');
    expect(localInputValue(new Date('2026-06-22T08:00:00Z'))).toBe('2026-06-22T10:00');
    expect(todayInNorway(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('an event is a date, a date and time, or a time frame (EV6)', () => {
    expect(formatWhen('2026-12-22T09:00:00Z', '2026-12-24T17:00:00Z')).toBe('22.12.2026, 10:00 – 24.12.2026, 18:00');
    expect(formatWhen('2026-12-21T23:00:00Z', null, true)).toBe('22.12.2026');
  });

  it('a "when" field left at the current minute means now, to the second', () => {
    const now = new Date('2026-12-01T19:46:31.250Z');
    expect(instantOf(localInputValue(now), now)).toBe('2026-12-01T19:46:31.250Z');
    expect(instantOf('2026-12-01T20:40', now)).toBe('2026-12-01T19:40:00Z');
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(daysBetween('2026-12-08', '2026-12-22')).toBe(14);
  });
});
