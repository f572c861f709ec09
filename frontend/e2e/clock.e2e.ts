import { describe, it } from 'vitest';
import { login, logout, menu, screenshot } from './browser';
import { useVarsel } from './setup';

// Playing dates: a trainer runs Varsel on the dates a case concerns
// (VARSEL_DEV_CLOCK, dev mode only), and every page says so, so that nobody
// takes a training case's deadlines for real ones.
describe('a simulated clock', () => {
  const varsel = useVarsel({ VARSEL_DEV_CLOCK: '2027-03-22T09:00' });

  it('is announced on every page with the time the service runs on', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    const banner = page.getByText(/Øvingsklokke: Varsel går på simulert tid\. Tjenesten regner nå med 22\.03\.2027/);
    await banner.waitFor();
    await screenshot(page, 'dev-clock');
    await menu(page, 'Domfelte');
    await page.getByRole('link', { name: 'Martin Berg' }).waitFor();
    await banner.waitFor();
    await logout(page);
  });
});
