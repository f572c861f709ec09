import { Alert } from '@navikt/ds-react';
import { formatDateTime } from '../lib/format';

/**
 * DevClockBanner is shown on every page when the service runs on a fixed or
 * moved clock (VARSEL_DEV_CLOCK, dev mode only), so that nobody takes a
 * training case's dates and deadlines for real ones.
 */
export function DevClockBanner({ now }: { now: string }) {
  return (
    <Alert variant="warning" size="small" fullWidth className="dev-clock">
      Øvingsklokke: Varsel går på simulert tid. Tjenesten regner nå med {formatDateTime(now)} – frister og datoer gjelder ikke virkeligheten.
    </Alert>
  );
}
