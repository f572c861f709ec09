import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** axeSource is axe-core itself, put into a page once and kept there while the app moves between its pages. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * expectAccessible fails on any serious or critical WCAG 2.1 A/AA violation.
 * It runs axe-core in the page directly: @axe-core/playwright's AxeBuilder
 * opens a page of its own for every check, which takes seconds each time.
 */
export async function expectAccessible(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    () =>
      (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe
        .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
        .then((r) => r.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }))),
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** loginButton is the app's "Logg inn" (and the login page's, which has the same name). */
export function loginButton(page: Page) {
  return page.getByRole('button', { name: 'Logg inn', exact: true });
}

/** login logs in on the identity provider's real login page. */
export async function login(page: Page, baseURL: string, username: string, password = 'varsel') {
  await page.goto(baseURL);
  const banner = page.getByRole('banner');
  const out = banner.getByRole('button', { name: 'Logg ut' }).or(banner.getByRole('button', { name: 'Meny' }));
  await loginButton(page).or(out).first().waitFor();
  if (await out.first().isVisible()) await logout(page);
  await loginButton(page).click();
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(password);
  await loginButton(page).click();
}

/**
 * logout logs out from the header and waits for the front page: with the
 * header's «Logg ut» button, or on a phone from its «Meny».
 */
export async function logout(page: Page) {
  const banner = page.getByRole('banner');
  const button = banner.getByRole('button', { name: 'Logg ut' });
  const phoneMenu = banner.getByRole('button', { name: 'Meny' });
  await button.or(phoneMenu).first().waitFor();
  if (await button.isVisible()) {
    await button.click();
  } else {
    await phoneMenu.click();
    await page.getByRole('menuitem', { name: 'Logg ut' }).click();
  }
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

/** osloLocal is an instant as a datetime-local field in Norway shows it. */
export function osloLocal(at: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** assess fills in the guideline's factors for a recipient and saves the assessment (AS3). */
export async function assess(page: Page, name: string, notify: boolean, extra: Record<string, string> = {}) {
  const region = page.getByRole('region', { name: /Er varsel av betydning/ });
  await region.getByRole('button', { name: `Vurder ${name}` }).click();
  const form = page.getByRole('form', { name: `Vurdering av ${name}` });
  await form.getByLabel('Lovbruddets art og alvor').fill('Grov vold og trusler.');
  await form.getByLabel('Mottakerens behov for å forberede seg').fill('Må kunne forberede seg på å møte domfelte.');
  await form.getByLabel('Forholdet mellom domfelte og mottakeren').fill('Ingen kontakt i dag.');
  await form.getByLabel('Sannsynligheten for at de møtes').fill('Bor i samme by.');
  for (const [label, text] of Object.entries(extra)) await form.getByLabel(label).fill(text);
  await form.getByRole('radio', { name: notify ? /^Ja, varsel er av betydning/ : /^Nei/ }).check();
  await form.getByLabel('Begrunnelse').fill(notify ? 'Varsel er av betydning.' : 'Varsel er ikke av betydning nå.');
  await form.getByRole('button', { name: 'Lagre vurderingen' }).click();
  await form.waitFor({ state: 'detached' });
}

/** securityCleared records that notifying puts the convict in no known danger (AS2). */
export async function securityCleared(page: Page) {
  const security = page.getByRole('region', { name: /Sikkerhetsvurdering/ });
  await security.getByRole('radio', { name: 'Nei, ingen kjent fare' }).check();
  await security.getByLabel('Begrunnelse').fill('Ingen kjent konflikt som tilsier fare for hevnaksjoner.');
  await security.getByRole('button', { name: 'Lagre sikkerhetsvurderingen' }).click();
  await security.getByText('Ingen fare', { exact: true }).waitFor();
}

/** registerEvent registers a custody event for a convict from the case file, and lands on its page. */
export async function registerEvent(page: Page, convict: string, kind: string, from: string, to?: string) {
  await menu(page, 'Domfelte');
  await page.getByRole('link', { name: convict }).click();
  await page.getByRole('tab', { name: 'Hendelser' }).click();
  await page.getByRole('button', { name: 'Registrer hendelse' }).click();
  await page.getByLabel('Hva skjer').selectOption(kind);
  await page.getByLabel(kind === 'ESCAPE' ? 'Når unndragelsen skjedde (må fylles ut)' : 'Fra (må fylles ut)', { exact: true }).fill(from);
  if (to) await page.getByLabel('Til', { exact: true }).fill(to);
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await page.getByText(/^Hjemmel for varsel:/).waitFor();
  return page.url();
}

/** decide makes the decision to notify as a decision maker, from the event's page (DC1). */
export async function decide(page: Page, eventUrl: string) {
  await page.goto(eventUrl);
  const decision = page.getByRole('region', { name: /Vedtak om varsling/ });
  await decision.getByLabel('Begrunnelse (må fylles ut)', { exact: true }).fill('Vilkårene for varsling er oppfylt.');
  await decision.getByRole('button', { name: 'Fatt vedtak om varsling' }).click();
  await decision.getByText('Vedtak om varsling fattet', { exact: false }).waitFor();
}
