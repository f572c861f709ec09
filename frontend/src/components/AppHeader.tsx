import { LeaveIcon } from '@navikt/aksel-icons';
import { InternalHeader, Spacer } from '@navikt/ds-react';
import type { MeQuery } from '../gql/graphql';
import { describeRoles } from '../roles';

export type Me = MeQuery['me'];

interface Props {
  me?: Me;
  onLogout: () => void;
}

/** placeOf is where a person works: their unit, or their police district. */
export function placeOf(me: Me): string {
  return me.unit?.name ?? me.policeDistrict?.name ?? '';
}

/** AppHeader shows the product, who is logged in, in which role and where, and a way out. */
export function AppHeader({ me, onLogout }: Props) {
  return (
    <InternalHeader>
      <InternalHeader.Title as="a" href="/">
        Varsel
      </InternalHeader.Title>
      <Spacer />
      {me && (
        <InternalHeader.User
          name={me.name}
          description={[describeRoles(me.roles), placeOf(me)].filter(Boolean).join(' · ')}
        />
      )}
      <InternalHeader.Button onClick={onLogout}>
        <LeaveIcon aria-hidden fontSize="1.5rem" />
        Logg ut
      </InternalHeader.Button>
    </InternalHeader>
  );
}
