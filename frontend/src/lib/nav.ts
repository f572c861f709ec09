import type { Role } from '../gql/graphql';

export interface NavItem {
  to: string;
  label: string;
}

const staff: Role[] = ['CASEWORKER', 'DECISION_MAKER'];

/** The pages, each with the roles that may open it (PR5: nobody sees more than the role needs). */
const pages: (NavItem & { roles: Role[]; hidden?: boolean })[] = [
  { to: '/arbeidsliste', label: 'Arbeidsliste', roles: staff },
  { to: '/domfelte', label: 'Domfelte', roles: staff },
  { to: '/utskrift', label: 'Utskrift', roles: staff },
  { to: '/hendelser', label: 'Hendelse', roles: staff, hidden: true },
  { to: '/politi', label: 'Anmodninger', roles: ['POLICE'] },
  { to: '/politi/melding', label: 'Melding til kriminalomsorgen', roles: ['POLICE'] },
  { to: '/utlevering', label: 'Opplysningsutveksling', roles: [...staff, 'POLICE'] },
  { to: '/statistikk', label: 'Statistikk', roles: ['ANALYST', 'DECISION_MAKER'] },
  { to: '/revisjon', label: 'Revisjon', roles: ['AUDITOR'] },
  { to: '/sletting', label: 'Sletting', roles: ['ADMIN', 'AUDITOR'] },
  { to: '/nasjonal-ko', label: 'Nasjonal kø', roles: ['ADMIN'] },
  { to: '/min-side', label: 'Min side', roles: ['CASEWORKER', 'DECISION_MAKER', 'POLICE', 'ANALYST', 'AUDITOR', 'ADMIN'] },
];

/** navItems are the pages a person with these roles may open, in menu order. */
export function navItems(roles: readonly string[]): NavItem[] {
  return pages
    .filter((p) => !p.hidden && p.roles.some((r) => roles.includes(r)))
    .map(({ to, label }) => ({ to, label }));
}

/** startPage is where a person lands after logging in: the first page of their work. */
export function startPage(roles: readonly string[]): string {
  return navItems(roles)[0]?.to ?? '/min-side';
}

/** mayOpen says whether a person with these roles may open the page at a path. */
export function mayOpen(roles: readonly string[], path: string): boolean {
  const page = pages
    .filter((p) => path === p.to || path.startsWith(p.to + '/'))
    .sort((a, b) => b.to.length - a.to.length)[0];
  return !page || page.roles.some((r) => roles.includes(r));
}
