import { BodyLong, Button, Heading, VStack } from '@navikt/ds-react';

interface Props {
  onLogin: () => void;
  dev: boolean;
}

/** Landing is what a person sees before logging in. */
export function Landing({ onLogin, dev }: Props) {
  return (
    <VStack gap="space-24" align="start">
      <Heading level="1" size="xlarge">
        Varsel
      </Heading>
      <BodyLong>
        Kriminalomsorgens system for varsling av fornærmede og etterlatte om permisjon, frigang, løslatelse,
        unndragelse og annen straffegjennomføring (straffegjennomføringsloven § 7 b), og for registrering av
        utveksling av opplysninger med politiet.
      </BodyLong>
      <Button onClick={onLogin}>Logg inn</Button>
      {dev && (
        <BodyLong size="small">Utviklingsmodus: du logger inn med en av de forhåndsdefinerte brukerne.</BodyLong>
      )}
    </VStack>
  );
}
