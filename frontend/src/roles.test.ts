import { describe, expect, it } from 'vitest';
import { describeRoles, roleLabel } from './roles';

describe('role names', () => {
  it.each([
    ['CASEWORKER', 'Saksbehandler'],
    ['DECISION_MAKER', 'Beslutter'],
    ['POLICE', 'Politikontakt'],
    ['ANALYST', 'Analytiker'],
    ['AUDITOR', 'Revisor'],
    ['ADMIN', 'Administrator'],
  ])('%s is shown as %s', (role, label) => {
    expect(roleLabel(role)).toBe(label);
  });

  it('a role the app does not know is shown as it came', () => {
    expect(roleLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('several roles are listed in order', () => {
    expect(describeRoles(['CASEWORKER', 'DECISION_MAKER'])).toBe('Saksbehandler, Beslutter');
  });

  it('a person without roles is told so', () => {
    expect(describeRoles([])).toBe('Ingen roller');
  });
});
