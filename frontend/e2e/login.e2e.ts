import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, login, loginButton, openBrowser, screenshot, type Browser } from './browser';
import { startVarsel, type Varsel } from './server';

/** tabTo presses Tab until the element with this accessible text has focus, as a keyboard user would. */
async function tabTo(page: Page, text: string) {
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return;
  }
  throw new Error(`"${text}" cannot be reached with Tab`);
}

/** focusIsVisible says whether the focused element is drawn with a focus ring. */
function focusIsVisible(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return false;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || s.boxShadow !== 'none';
  });
}

describe('logging in', () => {
  let varsel: Varsel | undefined;
  let browser: Browser | undefined;
  const external: string[] = [];

  beforeAll(async () => {
    varsel = await startVarsel();
    browser = await openBrowser();
    // Nothing may be fetched from outside the service: no CDN fonts, no trackers.
    browser.context.on('request', (req) => {
      if (!req.url().startsWith(varsel!.url) && !req.url().startsWith('data:')) external.push(req.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await varsel?.stop();
  });

  it('a caseworker logs in through the login page and sees her name, role and unit', async () => {
    const { page } = browser!;
    const url = varsel!.url;
    await page.goto(url);
    await loginButton(page).waitFor();
    const header = page.getByRole('banner');
    await header.getByText('Kriminalomsorgen').waitFor();
    await header.getByRole('link', { name: 'Varsel' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'landing');

    // By keyboard: the skip link comes first, then "Logg inn", with a visible focus ring.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hopp til innhold');
    await tabTo(page, 'Logg inn');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');

    await page.getByLabel('Brukernavn').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/oidc\//);
    await expectAccessible(page);
    await screenshot(page, 'login');

    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill('feil-passord');
    await loginButton(page).click();
    await page.getByText('Feil brukernavn eller passord.').waitFor();

    await page.getByLabel('Passord').fill('varsel');
    await loginButton(page).click();
    await header.getByText('Sara Nilsen').waitFor();
    await expect.poll(() => header.textContent()).toContain('Saksbehandler · Oslo fengsel');
    // A caseworker's work starts at the worklist, with the code and state gone from the address bar.
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    expect(page.url()).toBe(url + '/arbeidsliste');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Min side' }).click();
    await page.getByRole('heading', { name: 'Min side' }).waitFor();
    await page.getByRole('main').getByText('Oslo fengsel', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'home');

    await header.getByRole('button', { name: 'Logg ut' }).click();
    await loginButton(page).waitFor();
    expect(await header.getByText('Sara Nilsen').count()).toBe(0);
    expect(external).toEqual([]);
  });

  it('a login the server no longer accepts leads to a fresh login', async () => {
    const { page } = browser!;
    await login(page, varsel!.url, 'saksbehandler');
    await page.getByRole('banner').getByText('Sara Nilsen').waitFor();

    // Spoil the stored access token, as if it had expired or the key had been rotated.
    await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
      if (!key) throw new Error('no stored login');
      const user = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...user, access_token: 'utgatt' }));
    });
    await page.reload();
    await page.getByLabel('Brukernavn').waitFor();

    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill('varsel');
    await loginButton(page).click();
    await page.getByRole('banner').getByText('Sara Nilsen').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Logg ut' }).click();
    await loginButton(page).waitFor();
  });

  it('a police liaison officer sees the police district', async () => {
    const { page } = browser!;
    await login(page, varsel!.url, 'politi');
    const header = page.getByRole('banner');
    await header.getByText('Per Olsen').waitFor();
    await expect.poll(() => header.textContent()).toContain('Politikontakt · Oslo politidistrikt');
    await page.getByRole('heading', { name: 'Anmodninger fra kriminalomsorgen – Oslo politidistrikt' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/politi');
    await header.getByRole('button', { name: 'Logg ut' }).click();
    await loginButton(page).waitFor();
    expect(external).toEqual([]);
  });
});
