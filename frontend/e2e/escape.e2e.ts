import { describe, expect, it } from 'vitest';
import { assess, decide, expectAccessible, login, logout, osloLocal, registerEvent, screenshot, securityCleared } from './browser';
import { useVarsel } from './setup';

// An escape is notified as soon as possible after it happened (NT2), the
// convict cannot be told (DC3), and the telephone — allowed only as an
// exception — must be documented in writing afterwards (NT1).
describe('an escape, notified at once by telephone', () => {
  const varsel = useVarsel();
  let eventUrl = '';

  it('the caseworker registers the escape and assesses at once; only Ingrid is to be notified', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    eventUrl = await registerEvent(page, 'Martin Berg', 'ESCAPE', osloLocal(new Date(Date.now() - 2 * 3_600_000)));
    await page.getByText('Hjemmel for varsel: straffegjennomføringsloven § 40 siste ledd', { exact: false }).waitFor();
    await securityCleared(page);
    await assess(page, 'Ingrid Solberg', true);
    // Not notifying is recorded with its reasons and never told (AS5).
    await assess(page, 'Emma Solberg', false, { 'Særlig vurdering fordi mottakeren er under 18 år': 'Moren varsles og tar det med barnet.' });
    await page.getByText('Neste steg: Vedtak (DC1)').waitFor();
    await logout(page);
  });

  it('the decision maker decides; the convict who escaped cannot be told', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'beslutter');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    await decide(page, eventUrl);
    const inform = page.getByRole('region', { name: /Underretning av domfelte/ });
    await inform.getByText('Domfelte underrettes ikke:', { exact: false }).waitFor();
    await logout(page);
  });

  it('the caseworker notifies Ingrid today by telephone and documents the call', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    await page.goto(eventUrl);
    const notices = page.getByRole('region', { name: /^8\. Varsler/ });
    await notices.getByText('snarest mulig etter unndragelsen (NT2)', { exact: false }).waitFor();
    await notices.getByRole('button', { name: 'Lag varslene' }).click();
    const toIngrid = page.getByRole('article', { name: 'Varsel til Ingrid Solberg', exact: true });
    await toIngrid.getByText('Klar til sending').waitFor();
    // Emma, assessed not to be notified, gets nothing (AS5).
    expect(await page.getByRole('article').count()).toBe(1);
    expect(await toIngrid.textContent()).not.toContain('Sent (NT2)');

    await toIngrid.getByLabel('Send med').selectOption('PHONE');
    // Without the reason the exceptional telephone notice is not sent (NT1): the field asks for it.
    await toIngrid.getByRole('button', { name: 'Registrer telefonvarselet' }).click();
    await toIngrid.getByText('Fyll ut hvorfor telefon.').waitFor();
    await toIngrid.getByLabel('Hvorfor telefon').fill('Domfelte er på frifot; fornærmede må vite det nå.');
    await toIngrid.getByRole('button', { name: 'Registrer telefonvarselet' }).click();
    await toIngrid.getByText('Sendt', { exact: true }).waitFor();

    // Until it is documented in writing, the worklist says so (NT1).
    await page.getByText('Neste steg: Dokumentere telefonvarsel (NT1)').waitFor();
    await toIngrid.getByLabel('Skriftlig dokumentasjon av samtalen').fill('Ringte Ingrid Solberg kl. 14.10 og ga beskjed om unndragelsen.');
    await toIngrid.getByRole('button', { name: 'Lagre dokumentasjonen' }).click();
    await toIngrid.getByText('Dokumentert', { exact: false }).waitFor();
    await page.getByText('Alle varsler for hendelsen er gitt.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'event-escape');
    await logout(page);
  });
});
