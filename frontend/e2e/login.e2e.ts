import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, login, openBrowser, screenshot, type Browser } from './browser';
import { startVarsel, type Varsel } from './server';

describe('logging in', () => {
  let varsel: Varsel;
  let browser: Browser;
  const external: string[] = [];

  beforeAll(async () => {
    varsel = await startVarsel();
    browser = await openBrowser();
    // Nothing may be fetched from outside the service: no CDN fonts, no trackers.
    browser.page.on('request', (req) => {
      if (!req.url().startsWith(varsel.url) && !req.url().startsWith('data:')) external.push(req.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await varsel?.stop();
  });

  it('a caseworker logs in through the login page and sees her name, role and unit', async () => {
    const { page } = browser;
    await page.goto(varsel.url);
    await expect.poll(() => page.getByRole('button', { name: 'Logg inn' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'landing');

    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByLabel('Brukernavn').waitFor();
    expect(page.url()).toContain('/oidc/login');
    await expectAccessible(page);
    await screenshot(page, 'login');

    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill('feil-passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect.poll(() => page.getByText('Feil brukernavn eller passord.').isVisible()).toBe(true);

    await page.getByLabel('Passord').fill('varsel');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    const header = page.getByRole('banner');
    await header.getByText('Sara Nilsen').waitFor();
    await expect.poll(() => header.textContent()).toContain('Saksbehandler · Oslo fengsel');
    await page.getByRole('heading', { name: 'Min side' }).waitFor();
    await page.getByText('Oslo fengsel', { exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe(''); // the code is gone from the address bar
    await expectAccessible(page);
    await screenshot(page, 'home');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
    expect(external).toEqual([]);
  });

  it('a police liaison officer sees the police district', async () => {
    const { page } = browser;
    await login(page, varsel.url, 'politi');
    const header = page.getByRole('banner');
    await header.getByText('Per Olsen').waitFor();
    await expect.poll(() => header.textContent()).toContain('Politikontakt · Oslo politidistrikt');
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
  });
});
