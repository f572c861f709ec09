/**
 * The service's clock. In dev mode Varsel may run on a fixed or moved clock
 * (VARSEL_DEV_CLOCK) so that a trainer or a test can play a case on the dates
 * it concerns; the forms' default times and "today" then follow the service,
 * not the browser. In production the offset stays zero.
 */
let offset = 0;

/** setServiceClock records the service's time as it answered just now. */
export function setServiceClock(now: string, simulated: boolean): void {
  offset = simulated ? new Date(now).getTime() - Date.now() : 0;
}

/** serviceNow is the time the service runs on. */
export function serviceNow(): Date {
  return new Date(Date.now() + offset);
}
