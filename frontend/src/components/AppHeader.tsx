import { LeaveIcon, MenuHamburgerIcon } from '@navikt/aksel-icons';
import { ActionMenu, BodyShort, Hide, InternalHeader, Show, Spacer } from '@navikt/ds-react';
import { Link, useLocation } from 'react-router';
import type { MeQuery } from '../gql/graphql';
import type { NavItem } from '../lib/nav';
import { describeRoles } from '../roles';

export type Me = MeQuery['me'];

interface Props {
  /** Who is logged in, once known. */
  me?: Me;
  /** Log out; without it (nobody logged in) there is no "Logg ut" button. */
  onLogout?: () => void;
  /** The pages the person's roles open: on a narrow screen the header's menu holds them. */
  nav?: readonly NavItem[];
}

/** placeOf is where a person works: their unit, or their police district. */
export function placeOf(me: Me): string {
  return me.unit?.name ?? me.policeDistrict?.name ?? '';
}

/**
 * AppHeader shows the product and the agency, who is logged in, in which
 * role and where, and a way out. On a narrow screen (below Aksel's md, 768
 * px) the person, the pages and «Logg ut» fold into one «Meny» button, as in
 * Aksel's examples for InternalHeader, so nothing is pushed off the screen.
 */
export function AppHeader({ me, onLogout, nav = [] }: Props) {
  const description = me ? [describeRoles(me.roles), placeOf(me)].filter(Boolean).join(' · ') : '';
  return (
    <InternalHeader>
      <InternalHeader.Title as={Link} to="/">
        Varsel
      </InternalHeader.Title>
      <BodyShort as="span" size="small" className="app-header__agency">
        Kriminalomsorgen
      </BodyShort>
      <Spacer />
      {me && (
        <Hide below="md" asChild>
          <InternalHeader.User name={me.name} description={description} />
        </Hide>
      )}
      {onLogout && (
        <Hide below="md" asChild>
          <InternalHeader.Button onClick={onLogout}>
            <LeaveIcon aria-hidden fontSize="1.5rem" />
            Logg ut
          </InternalHeader.Button>
        </Hide>
      )}
      {onLogout && (
        <Show below="md" asChild>
          <PhoneMenu me={me} description={description} nav={nav} onLogout={onLogout} />
        </Show>
      )}
    </InternalHeader>
  );
}

/** PhoneMenu is the header's menu on a narrow screen: who is logged in, the pages, and «Logg ut». */
function PhoneMenu({ me, description, nav, onLogout, ...rest }: { me?: Me; description: string; nav: readonly NavItem[]; onLogout: () => void; className?: string }) {
  const { pathname } = useLocation();
  return (
    <ActionMenu>
      <ActionMenu.Trigger>
        <InternalHeader.Button {...rest}>
          <MenuHamburgerIcon aria-hidden fontSize="1.5rem" />
          Meny
        </InternalHeader.Button>
      </ActionMenu.Trigger>
      <ActionMenu.Content align="end">
        {me && (
          <ActionMenu.Label className="app-header__menu-user">
            <BodyShort size="small" weight="semibold" as="div">
              {me.name}
            </BodyShort>
            <BodyShort size="small" as="div">
              {description}
            </BodyShort>
          </ActionMenu.Label>
        )}
        {nav.length > 0 && (
          <ActionMenu.Group aria-label="Sider">
            {nav.map((item) => (
              <ActionMenu.Item key={item.to} as={Link} to={item.to} aria-current={isCurrent(nav, item, pathname) ? 'page' : undefined}>
                {item.label}
              </ActionMenu.Item>
            ))}
          </ActionMenu.Group>
        )}
        <ActionMenu.Divider />
        <ActionMenu.Item onSelect={onLogout} icon={<LeaveIcon aria-hidden />}>
          Logg ut
        </ActionMenu.Item>
      </ActionMenu.Content>
    </ActionMenu>
  );
}

/** isCurrent says whether a menu item is the page shown; a page that another item continues is current only on its own path. */
function isCurrent(nav: readonly NavItem[], item: NavItem, pathname: string): boolean {
  if (pathname === item.to) return true;
  return pathname.startsWith(item.to + '/') && !nav.some((other) => other.to.startsWith(item.to + '/'));
}
