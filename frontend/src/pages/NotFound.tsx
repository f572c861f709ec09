import { BodyLong, Heading, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';

/** NotFound is a page that does not exist, with the way back. */
export function NotFound() {
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        Fant ikke siden
      </Heading>
      <BodyLong>Adressen finnes ikke i Varsel.</BodyLong>
      <Link as={RouterLink} to="/">
        Gå til forsiden
      </Link>
    </VStack>
  );
}
