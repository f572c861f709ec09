import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, login, logout, menu, screenshot } from './browser';
import { useVarsel } from './setup';

// Every page, for one person in each role, on a phone (390 × 844) and on a
// desktop (1280 × 860): nothing wider than the screen, and axe clean at both.

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 860 };

describe('every page fits a phone and a desktop', () => {
  const varsel = useVarsel();
  const ids: { martin?: string; leave?: string; policeRequest?: string } = {};

  it("the caseworker's pages", async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    await prepareCases(page, varsel.url(), ids);
    await visitAll(page, [
      '/arbeidsliste',
      '/domfelte',
      ...convictTabs(ids.martin!),
      `/hendelser/${ids.leave}`,
      '/utskrift',
      '/utlevering',
      '/min-side',
    ], { '/arbeidsliste': 'worklist', '/domfelte': 'convicts' });
    await logout(page);
  });

  it('«Gå til steget» and «Neste steg» land on the step; a new page focuses and announces its heading', async () => {
    const page = varsel.page();
    await page.setViewportSize(desktop);
    await login(page, varsel.url(), 'beslutter');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    await page.getByRole('link', { name: /^Gå til steget\s*: Fatt vedtak om varsling/ }).click();
    const decision = page.getByRole('heading', { name: '5. Vedtak om varsling' });
    await expect.poll(() => decision.evaluate((h) => h === document.activeElement)).toBe(true);
    expect(new URL(page.url()).hash).toBe('#vedtak');
    // The step is on the screen, far down the page.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    expect(await decision.evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(860);

    await menu(page, 'Domfelte');
    const heading = page.getByRole('heading', { name: 'Domfelte', level: 1 });
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Domfelte$/ }).count()).toBe(1);
    expect(await page.title()).toBe('Domfelte – Varsel');

    await open(page, `/hendelser/${ids.leave}`);
    await page.getByRole('link', { name: /^Neste steg: Vedtak/ }).click();
    await expect.poll(() => decision.evaluate((h) => h === document.activeElement)).toBe(true);
    await logout(page);
  });

  it("the decision maker's pages", async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'beslutter');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    // Decided, the convict informed, the notices prepared: the event's page at its longest.
    await gql(page, varsel.url(), `mutation($e: ID!) { decideNotification(input: {custodyEventId: $e, reasoning: "Vilkårene for varsling er oppfylt."}) { id } }`, { e: ids.leave });
    const decision = await gql<{ custodyEvent: { decisions: { id: string }[] } }>(page, varsel.url(), `query($e: ID!) { custodyEvent(id: $e) { decisions { id } } }`, { e: ids.leave });
    await gql(page, varsel.url(), `mutation($d: ID!, $t: Time) { recordConvictInformed(input: {decisionId: $d, informedAt: $t, how: LETTER}) { id } }`, { d: decision.custodyEvent.decisions[0]!.id, t: new Date().toISOString() });
    await gql(page, varsel.url(), `mutation($e: ID!) { prepareNotices(input: {custodyEventId: $e}) { warnings } }`, { e: ids.leave });
    // Informed by letter: the appeal window runs, and the appeal step says so rather than «Fullført» (DC4, DC5).
    await open(page, `/hendelser/${ids.leave}`);
    const appeal = page.getByRole('region', { name: /^7\. Klage/ });
    await appeal.getByText('Klagefristen løper', { exact: true }).waitFor();
    expect(await appeal.getByText('Fullført').count()).toBe(0);
    await page.getByRole('button', { name: 'Registrer klage fra domfelte' }).waitFor();
    await visitAll(page, ['/arbeidsliste', '/domfelte', `/hendelser/${ids.leave}`, ...convictTabs(ids.martin!).slice(2, 3), '/utlevering', '/statistikk', '/min-side']);
    await logout(page);
  });

  it("the police's pages", async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'politi');
    await page.getByRole('heading', { name: /^Anmodninger fra kriminalomsorgen/ }).waitFor();
    const requests = await gql<{ policeRequests: { edges: { node: { id: string } }[] } }>(page, varsel.url(), `{ policeRequests(first: 1) { edges { node { id } } } }`);
    ids.policeRequest = requests.policeRequests.edges[0]!.node.id;
    await visitAll(page, ['/politi', `/politi/anmodninger/${ids.policeRequest}`, '/politi/melding', '/utlevering', '/min-side'], {
      '/politi': 'police-requests',
      [`/politi/anmodninger/${ids.policeRequest}`]: 'police-request',
    });
    await logout(page);
  });

  it("the analyst's, the auditor's and the administrator's pages", async () => {
    const page = varsel.page();
    for (const [user, paths] of [
      ['analytiker', ['/statistikk', '/min-side']],
      ['revisor', ['/revisjon', '/revisjon?fane=tilgang', '/sletting', '/min-side']],
      ['admin', ['/sletting', '/min-side']],
    ] as const) {
      await login(page, varsel.url(), user);
      await page.locator('main h1').first().waitFor();
      await visitAll(page, [...paths]);
      await logout(page);
    }
  });

  it('the front page, logged out', async () => {
    const page = varsel.page();
    for (const size of [phone, desktop]) {
      await page.setViewportSize(size);
      await page.goto(varsel.url());
      await page.getByRole('button', { name: 'Logg inn', exact: true }).waitFor();
      await expectFits(page, `/ at ${size.width}`);
      await expectAccessible(page);
    }
  });
});

function convictTabs(id: string): string[] {
  return ['saker', 'hendelser', 'varsler', 'dokumenter', 'historikk'].map((t) => `/domfelte/${id}?fane=${t}`);
}

/**
 * visitAll opens each page in the app (as a click on a link would, without
 * loading the app again) at a desktop's width and then a phone's, and checks
 * that nothing is wider than the screen and that axe finds nothing serious.
 * It leaves the phone's width, so that the person then logs out from the
 * header's «Meny», as on a phone.
 */
async function visitAll(page: Page, paths: string[], shots: Record<string, string> = {}) {
  for (const size of [desktop, phone]) {
    await page.setViewportSize(size);
    for (const path of paths) {
      await open(page, path);
      await expectFits(page, `${path} at ${size.width}`);
      await expectAccessible(page);
      // The README's phone and desktop screenshots of a few pages.
      const shot = shots[path];
      if (shot) await screenshot(page, `${shot}-${size === phone ? 'phone' : 'desktop'}`);
    }
  }
  expect(await page.getByRole('navigation', { name: 'Hovedmeny' }).isVisible()).toBe(false);
}

/** open goes to a path within the app and waits until its data has come. */
async function open(page: Page, path: string) {
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('main .aksel-loader').count()).toBe(0);
}

/** expectFits fails (and goes on, to report every page) when the page is wider than the window, naming what sticks out. */
async function expectFits(page: Page, where: string) {
  const overflow = await page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    // The innermost elements that stick out are the ones to fix.
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const out = Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clipped(el));
    const culprits = out
      .filter((el) => !out.some((other) => other !== el && el.contains(other)))
      .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} right=${Math.round(el.getBoundingClientRect().right)} «${(el.textContent ?? '').trim().slice(0, 40)}»`);
    return [`scrollWidth ${document.documentElement.scrollWidth} > ${width}`, ...culprits.slice(0, 12)];
  });
  expect.soft(overflow, where).toEqual([]);
}

/** gql runs a query as the logged-in person, with their token, and fails on any error. */
async function gql<T = unknown>(page: Page, url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
    return JSON.parse(sessionStorage.getItem(key)!).access_token as string;
  });
  const res = await page.request.post(url + '/graphql', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * prepareCases gives the pages something to show, through the API: a leave
 * for Martin Berg with security cleared and both recipients assessed, and a
 * leave for Tor Eriksen where the police are asked about a possible risk.
 */
async function prepareCases(page: Page, url: string, ids: { martin?: string; leave?: string }) {
  const convictId = async (name: string) =>
    (await gql<{ convicts: { edges: { node: { id: string } }[] } }>(page, url, `query($n: String) { convicts(where: {name: $n}) { edges { node { id } } } }`, { n: name }))
      .convicts.edges[0]!.node.id;
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  const register = async (convict: string) =>
    (await gql<{ registerCustodyEvent: { id: string } }>(page, url, `mutation($c: ID!, $s: Time!, $e: Time!) { registerCustodyEvent(input: {convictId: $c, kind: LEAVE, startsAt: $s, endsAt: $e}) { id } }`, {
      c: convict,
      s: inDays(40),
      e: inDays(42),
    })).registerCustodyEvent.id;

  ids.martin = await convictId('Martin Berg');
  ids.leave = await register(ids.martin);
  await gql(page, url, `mutation($e: ID!) { recordSecurityAssessment(input: {custodyEventId: $e, possibleRevengeRisk: false, reasoning: "Ingen kjent konflikt."}) { id } }`, { e: ids.leave });
  const recipients = await gql<{ custodyEvent: { potentialRecipients: { victim: { id: string } | null; survivor: { id: string } | null }[] } }>(
    page,
    url,
    `query($e: ID!) { custodyEvent(id: $e) { potentialRecipients { victim { id } survivor { id } } } }`,
    { e: ids.leave },
  );
  for (const r of recipients.custodyEvent.potentialRecipients) {
    await gql(
      page,
      url,
      `mutation($e: ID!, $v: ID, $s: ID) { recordSignificanceAssessment(input: {custodyEventId: $e, victimId: $v, survivorId: $s, notify: true, reasoning: "Varsel er av betydning.",
        factors: {offenceSeriousness: "Grov vold.", needToPrepare: "Må forberede seg.", relationship: "Ingen kontakt.", likelihoodOfMeeting: "Samme by.", minorRecipient: "Vurdert særlig nøye med vergen."}}) { id } }`,
      { e: ids.leave, v: r.victim?.id, s: r.survivor?.id },
    );
  }

  const tor = await register(await convictId('Tor Eriksen'));
  const districts = await gql<{ policeDistricts: { id: string; name: string }[] }>(page, url, `{ policeDistricts { id name } }`);
  const oslo = districts.policeDistricts.find((d) => d.name === 'Oslo politidistrikt')!.id;
  await gql(page, url, `mutation($e: ID!, $p: ID) { recordSecurityAssessment(input: {custodyEventId: $e, possibleRevengeRisk: true, policeDistrictId: $p, reasoning: "Tidligere trusler."}) { id } }`, {
    e: tor,
    p: oslo,
  });
}
