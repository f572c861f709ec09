import type { Role } from './gql/graphql';

/** The Norwegian name of each role, as people in the correctional service say it. */
export const roleLabels: Record<Role, string> = {
  CASEWORKER: 'Saksbehandler',
  DECISION_MAKER: 'Beslutter',
  POLICE: 'Politikontakt',
  ANALYST: 'Analytiker',
  AUDITOR: 'Revisor',
  ADMIN: 'Administrator',
};

/** roleLabel names a role; an unknown role is shown as it came. */
export function roleLabel(role: string): string {
  return roleLabels[role as Role] ?? role;
}

/** describeRoles joins role names for display, e.g. "Saksbehandler, Beslutter". */
export function describeRoles(roles: readonly string[]): string {
  return roles.length === 0 ? 'Ingen roller' : roles.map(roleLabel).join(', ');
}
