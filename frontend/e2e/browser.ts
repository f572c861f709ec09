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
      timezoneId: 'Europe/Oslo',
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
  const out = page.getByRole('banner').getByRole('button', { name: 'Logg ut' });
  await loginButton(page).or(out).first().waitFor();
  if (await out.isVisible()) await logout(page);
  await loginButton(page).click();
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(password);
  await loginButton(page).click();
}

/** logout logs out from the header and waits for the front page. */
export async function logout(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Logg ut' }).click();
  await loginButton(page).waitFor();
}

/** menu opens a page from the main menu, as a person would. */
export async function menu(page: Page, name: string) {
  const link = page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name, exact: true });
  // A long page that has just re-rendered may still settle; bring the menu into view first.
  await link.scrollIntoViewIfNeeded();
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForURL((u) => u.pathname === href);
}

/** section is one step of an event's page, found by its heading. */
export function section(page: Page, title: string) {
  return page.getByRole('region', { name: title });
}

/** norwegianLocal is a time n days from now at hh:mm, as a datetime-local field takes it. */
export function daysAhead(days: number, hhmm = '10:00'): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${hhmm}`;
}

/**
 * pdfFrom clicks a button that fetches a protected file and returns what
 * the server sent for it: the real PDF, as the person's browser got it. The
 * response passes through untouched; the test only reads it on the way.
 */
export async function pdfFrom(page: Page, path: RegExp, click: () => Promise<void>): Promise<Buffer> {
  let got: ((b: { status: number; type: string; body: Buffer }) => void) | undefined;
  const seen = new Promise<{ status: number; type: string; body: Buffer }>((ok) => (got = ok));
  const matcher = (u: URL) => path.test(u.pathname);
  await page.route(matcher, async (route) => {
    const res = await route.fetch();
    const body = await res.body();
    got?.({ status: res.status(), type: res.headers()['content-type'] ?? '', body });
    await route.fulfill({ response: res, body });
  });
  try {
    await click();
    const res = await seen;
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    return res.body;
  } finally {
    await page.unroute(matcher);
  }
}

/** shotOnFailure keeps a screenshot of the page a failed test left, under screenshots/failed-*. */
export async function shotOnFailure(ctx: { task: { name: string; result?: { state?: string } } }, browser: Browser | undefined) {
  if (browser && ctx.task.result?.state === 'fail') {
    await screenshot(browser.page, `failed-${ctx.task.name.replace(/\W+/g, '-').slice(0, 60)}`);
  }
}
