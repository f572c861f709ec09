import { Hide } from '@navikt/ds-react';
import { NavLink } from 'react-router';
import { navItems } from '../lib/nav';

/**
 * MainNav is the menu of the pages the person's roles open; the current page
 * is marked for screen readers too. On a narrow screen the header's «Meny»
 * holds the same pages instead.
 */
export function MainNav({ roles }: { roles: readonly string[] }) {
  const items = navItems(roles);
  return (
    <Hide below="md" asChild>
      <nav aria-label="Hovedmeny" className="main-nav">
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                // A page whose path another menu item continues is current only on its own path.
                end={items.some((other) => other.to.startsWith(item.to + '/'))}
                className={({ isActive }) => (isActive ? 'main-nav__link active' : 'main-nav__link')}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </Hide>
  );
}
