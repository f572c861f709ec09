import { describe, expect, it } from 'vitest';
import { identityNumberOf } from './ConvictsPage';
import { recipientRole } from './PrintBatchPage';

describe('the print batch says whom each letter is for by their part, never by name', () => {
  it.each([
    ['the victim', { kind: 'NOTICE', victimID: '1' }, 'Fornærmede'],
    ['a survivor', { kind: 'NOTICE', survivorID: '2' }, 'Etterlatt'],
    ["a minor victim's parent", { kind: 'NOTICE', victimID: '1', guardian: { kind: 'PARENTAL_RESPONSIBILITY' } }, 'Foresatt for fornærmede'],
    ["an adult survivor's appointed guardian", { kind: 'NOTICE', survivorID: '2', guardian: { kind: 'APPOINTED_GUARDIAN' } }, 'Verge for etterlatt'],
    ['a correction to the victim', { kind: 'CORRECTION', victimID: '1' }, 'Fornærmede (rettelse)'],
    ['a cancellation to the victim', { kind: 'CANCELLATION', victimID: '1' }, 'Fornærmede (avlysning)'],
  ] as const)('%s', (_who, notice, want) => {
    expect(recipientRole(notice)).toBe(want);
  });
});

describe('the convicts list searches by the whole identity number, or by name', () => {
  it.each([
    ['01019000083', '01019000083'],
    ['010190 00083', '01019000083'],
    ['0101900008', undefined],
    ['Martin', undefined],
  ])('%s', (typed, want) => {
    expect(identityNumberOf(typed)).toBe(want);
  });
});
