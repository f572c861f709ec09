import { BodyShort, Box, Heading, Label, Loader, VStack } from '@navikt/ds-react';
import { useQuery } from 'urql';
import { errorCode } from '../client';
import { ErrorState } from '../components/ErrorState';
import { placeOf } from '../components/AppHeader';
import { meDocument } from '../me';
import { describeRoles } from '../roles';

interface Props {
  /** Log in again, when the server no longer accepts the login. */
  onLogin: () => void;
}

/** Home ("Min side") shows who is logged in and with which rights. */
export function Home({ onLogin }: Props) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: meDocument });
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Min side
      </Heading>
      {fetching && !data && <Loader title="Henter brukerinformasjon …" />}
      {error &&
        (errorCode(error) === 'UNAUTHENTICATED' ? (
          <ErrorState message="Du er ikke lenger logget inn." onRetry={onLogin} retryLabel="Logg inn på nytt" />
        ) : (
          <ErrorState
            message="Kunne ikke hente brukerinformasjon. Prøv igjen."
            onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          />
        ))}
      {data && (
        <Box padding="space-24" background="default" borderRadius="8">
          <VStack as="dl" gap="space-12">
            <div>
              <Label as="dt">Navn</Label>
              <BodyShort as="dd">{data.me.name}</BodyShort>
            </div>
            <div>
              <Label as="dt">Roller</Label>
              <BodyShort as="dd">{describeRoles(data.me.roles)}</BodyShort>
            </div>
            <div>
              <Label as="dt">{data.me.policeDistrict && !data.me.unit ? 'Politidistrikt' : 'Enhet'}</Label>
              <BodyShort as="dd">{placeOf(data.me) || 'Ingen'}</BodyShort>
            </div>
          </VStack>
        </Box>
      )}
    </VStack>
  );
}
