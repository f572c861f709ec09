import { describe, expect, it } from 'vitest';
import { mayOpen, navItems, startPage } from './nav';

describe('the menu follows the roles (PR5)', () => {
  it('a caseworker works the worklist, the case files and the print batch, and records disclosures', () => {
    expect(navItems(['CASEWORKER']).map((i) => i.label)).toEqual([
      'Arbeidsliste',
      'Domfelte',
      'Utskrift',
      'Opplysningsutveksling',
      'Min side',
    ]);
    expect(startPage(['CASEWORKER'])).toBe('/arbeidsliste');
  });

  it('a decision maker also sees the statistics of the unit', () => {
    expect(navItems(['DECISION_MAKER']).map((i) => i.to)).toContain('/statistikk');
  });

  it('the police see their requests and the register, never the case files', () => {
    const items = navItems(['POLICE']).map((i) => i.to);
    expect(items).toEqual(['/politi', '/politi/melding', '/utlevering', '/min-side']);
    expect(startPage(['POLICE'])).toBe('/politi');
    expect(mayOpen(['POLICE'], '/domfelte/12')).toBe(false);
    expect(mayOpen(['POLICE'], '/politi/anmodninger/7')).toBe(true);
  });

  it('an analyst sees the statistics and nothing personal', () => {
    expect(navItems(['ANALYST']).map((i) => i.to)).toEqual(['/statistikk', '/min-side']);
    expect(mayOpen(['ANALYST'], '/arbeidsliste')).toBe(false);
    expect(mayOpen(['ANALYST'], '/hendelser/3')).toBe(false);
  });

  it('an auditor lands on the audit trail', () => {
    expect(startPage(['AUDITOR'])).toBe('/revisjon');
    expect(mayOpen(['AUDITOR'], '/revisjon')).toBe(true);
    expect(mayOpen(['CASEWORKER'], '/revisjon')).toBe(false);
  });

  it('event pages belong to the case workers', () => {
    expect(mayOpen(['CASEWORKER'], '/hendelser/3')).toBe(true);
    expect(mayOpen(['POLICE'], '/hendelser/3')).toBe(false);
  });
});
