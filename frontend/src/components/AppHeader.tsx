import { LeaveIcon } from '@navikt/aksel-icons';
import { BodyShort, InternalHeader, Spacer } from '@navikt/ds-react';
import { Link } from 'react-router';
import type { MeQuery } from '../gql/graphql';
import { describeRoles } from '../roles';

export type Me = MeQuery['me'];

interface Props {
  /** Who is logged in, once known. */
  me?: Me;
  /** Log out; without it (nobody logged in) there is no "Logg ut" button. */
  onLogout?: () => void;
}

/** placeOf is where a person works: their unit, or their police district. */
export function placeOf(me: Me): string {
  return me.unit?.name ?? me.policeDistrict?.name ?? '';
}

/** AppHeader shows the product and the agency, who is logged in, in which role and where, and a way out. */
export function AppHeader({ me, onLogout }: Props) {
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
        <InternalHeader.User
          name={me.name}
          description={[describeRoles(me.roles), placeOf(me)].filter(Boolean).join(' · ')}
        />
      )}
      {onLogout && (
        <InternalHeader.Button onClick={onLogout}>
          <LeaveIcon aria-hidden fontSize="1.5rem" />
          Logg ut
        </InternalHeader.Button>
      )}
    </InternalHeader>
  );
}
