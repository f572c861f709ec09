import { afterAll, afterEach, beforeAll } from 'vitest';
import { openBrowser, shotOnFailure, type Browser } from './browser';
import { startVarsel, type Varsel } from './server';

/**
 * useVarsel gives a test file its own dev-mode Varsel and a browser, for all
 * its tests in turn, and keeps a screenshot of any test that fails.
 */
export function useVarsel(env: Record<string, string> = {}): { url: () => string; page: () => Browser['page'] } {
  let varsel: Varsel | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    varsel = await startVarsel(env);
    browser = await openBrowser();
  });
  afterEach((ctx) => shotOnFailure(ctx, browser));
  afterAll(async () => {
    await browser?.close();
    await varsel?.stop();
  });
  return { url: () => varsel!.url, page: () => browser!.page };
}
