import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium; a downloaded browser is neither possible nor wanted here. */
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const screenshotDir = resolve(import.meta.dirname, '..', 'screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** openBrowser starts a headless Chromium with a fresh profile that talks to nothing but the page. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'varsel-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      locale: 'nb-NO',
      viewport: { width: 1280, height: 860 },
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`could not start ${executablePath} (as root: apt-get install -y chromium): ${String(err)}`);
  }
}

/** screenshot saves the page for people to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** expectAccessible fails on any serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** loginButton is the app's "Logg inn" (and the login page's, which has the same name). */
export function loginButton(page: Page) {
  return page.getByRole('button', { name: 'Logg inn', exact: true });
}

/** login logs in on the identity provider's real login page. */
export async function login(page: Page, baseURL: string, username: string, password = 'varsel') {
  await page.goto(baseURL);
  await loginButton(page).click();
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(password);
  await loginButton(page).click();
}
