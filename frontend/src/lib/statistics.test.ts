import { describe, expect, it } from 'vitest';
import { chartValue, monthLabel, showCount, showFigure, showRate } from './statistics';

describe('reporting figures as people read them (PR4)', () => {
  it('a suppressed count is shown as hidden, never as a number', () => {
    expect(showCount({ value: null, suppressed: true })).toBe('skjult');
    expect(showRate({ value: null, suppressed: true })).toBe('skjult');
    expect(chartValue({ value: null, suppressed: true })).toBeNull();
  });

  it('counts, shares and medians read the Norwegian way', () => {
    expect(showCount({ value: 1234, suppressed: false })).toBe('1\u00a0234');
    expect(showRate({ value: 0.875, suppressed: false })).toBe('88 %');
    expect(showFigure({ value: 16.5, suppressed: false }, 'dager', 1)).toBe('16,5 dager');
    expect(showFigure({ value: null, suppressed: false }, 'timer')).toBe('–');
    expect(chartValue({ value: 0.5, suppressed: false }, 100)).toBe(50);
  });

  it('months are named', () => {
    expect(monthLabel('2026-03')).toBe('mars 2026');
  });
});
