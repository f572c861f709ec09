import { BodyShort, Box, Heading, Label, Loader, VStack } from '@navikt/ds-react';
import { useQuery } from 'urql';
import { ErrorState } from '../components/ErrorState';
import { placeOf } from '../components/AppHeader';
import { meDocument } from '../me';
import { describeRoles } from '../roles';

/** Home ("Min side") shows who is logged in and with which rights. */
export function Home() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: meDocument });
  return (
    <main id="innhold" className="app-main">
      <VStack gap="space-24">
        <Heading level="1" size="large">
          Min side
        </Heading>
        {fetching && <Loader title="Henter brukerinformasjon …" />}
        {error && (
          <ErrorState
            message="Kunne ikke hente brukerinformasjon. Prøv igjen."
            onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          />
        )}
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
                <Label as="dt">{data.me.unit ? 'Enhet' : 'Politidistrikt'}</Label>
                <BodyShort as="dd">{placeOf(data.me) || 'Ingen'}</BodyShort>
              </div>
            </VStack>
          </Box>
        )}
      </VStack>
    </main>
  );
}
