import { describe, expect, it } from 'vitest';
import { daysAhead, expectAccessible, login, logout, menu, screenshot } from './browser';
import { useVarsel } from './setup';

// The other screens, each as the role that uses it, with axe on every page.
describe('the dashboard, the register, the audit and the refusals', () => {
  const varsel = useVarsel();

  it("the analyst's dashboard shows the figures, hides small counts, and exports them (PR4)", async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'analytiker');
    await page.getByRole('heading', { name: 'Statistikk over varsling' }).waitFor();
    const table = page.getByRole('region', { name: 'Tallene i tabell' });
    await table.getByRole('rowheader', { name: 'Totalt' }).waitFor();
    // Dev mode's year of history at four units: figures, and hidden cells.
    for (const unit of ['Skien fengsel', 'Stavanger fengsel', 'Trondheim fengsel', 'Tromsø fengsel']) {
      await table.getByRole('rowheader', { name: unit }).waitFor();
    }
    expect(await table.getByText('skjult').count()).toBeGreaterThan(0);
    const total = page.getByRole('group', { name: 'Hendelser' });
    expect(Number((await total.textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(80);
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'dashboard');

    // The same figures as CSV, with hidden cells as ":".
    const download = page.waitForResponse((r) => new URL(r.url()).pathname === '/statistics.csv');
    await page.getByRole('button', { name: 'Last ned som CSV' }).click();
    const csv = await (await download).text();
    expect(csv.split('\n')[0]).toContain('custodyEvents,assessmentsNotify');
    expect(csv).toContain('Skien fengsel');
    expect(csv).toContain(':');
    await page.getByRole('link', { name: /^Last ned varsel-statistikk-/ }).waitFor();

    // By month, too.
    await page.getByLabel('Grupper etter').selectOption('MONTH');
    await page.getByRole('columnheader', { name: 'Måned' }).waitFor();

    // Nothing personal for an analyst, not even by address.
    await page.goto(varsel.url() + '/domfelte');
    await page.getByText('Rollen din gir ikke tilgang til denne siden.').waitFor();
    await logout(page);
  });

  it('a refusal is shown with its rule and provision, and a kind that may not be notified is explained first', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    await menu(page, 'Domfelte');
    await page.getByRole('link', { name: 'Tor Eriksen' }).click();
    await page.getByRole('button', { name: 'Legg til etterlatt etter Lars Moen' }).click();
    const form = page.getByRole('form', { name: 'Ny etterlatt' });
    await form.getByLabel('Relasjon til avdøde').selectOption('COUSIN');
    await form.getByLabel('Navn').fill('Tone Moen');
    await form.getByLabel('Adressesperre').selectOption('UNKNOWN');
    await form.getByLabel(/^Politidistrikt/).selectOption({ label: 'Oslo politidistrikt' });
    await form.getByRole('button', { name: 'Lagre' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('Den etterlatte ble ikke registrert').waitFor();
    expect(await alert.textContent()).toContain('Regel RC3');
    await expectAccessible(page);
    await screenshot(page, 'refusal');
    await form.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('tab', { name: 'Hendelser' }).click();
    await page.getByRole('button', { name: 'Registrer hendelse' }).click();
    await page.getByLabel('Hva skjer').selectOption('TRANSFER_TO_OTHER_PRISON');
    const why = page.getByRole('status').filter({ hasText: 'Overføring til annet fengsel varsles ikke.' });
    await why.waitFor();
    expect(await why.textContent()).toContain('Regel EV2 · straffegjennomføringsloven § 7 b');
    expect(await page.getByRole('button', { name: 'Registrer', exact: true }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Avbryt' }).click();

    // A stay in an institution whose grant decided not to notify: its leaves are refused (EV5).
    await page.getByRole('button', { name: 'Registrer institusjonsopphold (§ 12)' }).click();
    const stay = page.getByRole('form', { name: 'Institusjonsopphold (straffegjennomføringsloven § 12)' });
    await stay.getByLabel('Institusjon (må fylles ut)', { exact: true }).fill('Behandlingsinstitusjonen Solheim');
    await stay.getByLabel('Fra (må fylles ut)', { exact: true }).fill(daysAhead(1).slice(0, 10));
    await stay.getByRole('checkbox', { name: 'Utganger fra institusjonen skal varsles' }).uncheck();
    await stay.getByLabel('Vurderingen av behovet for varsling ved utganger').fill('Fornærmede bor langt unna; ikke behov.');
    await stay.getByRole('button', { name: 'Registrer oppholdet' }).click();
    await page.getByText('utganger varsles ikke', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Registrer hendelse' }).click();
    await page.getByLabel('Hva skjer').selectOption('LEAVE');
    await page.getByLabel('Permisjon fra institusjonsopphold').selectOption({ label: `Behandlingsinstitusjonen Solheim, fra ${norwegianDate(daysAhead(1))}` });
    await page.getByLabel('Fra (må fylles ut)', { exact: true }).fill(daysAhead(20));
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByRole('alert').getByText('Regel EV5', { exact: false }).waitFor();
    await logout(page);
  });

  it("every tab of a case file is accessible, and the history shows who recorded what (PR3)", async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    await menu(page, 'Domfelte');
    await page.getByRole('link', { name: 'Martin Berg' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Søk etter navn').fill('tor');
    // The list filters as the user types: wait until the filtered answer has replaced the full list.
    await page.getByRole('link', { name: 'Martin Berg' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Tor Eriksen' }).waitFor();
    await page.getByRole('link', { name: 'Tor Eriksen' }).click();
    for (const tab of ['Hendelser', 'Varsler', 'Dokumenter og innsyn', 'Historikk']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').getByText(/./).first().waitFor();
      await expectAccessible(page);
    }
    // The history of Tor Eriksen's case: this test's own additions above, newest first.
    await page.getByRole('cell', { name: /Opprettet: institusjonsopphold/ }).first().waitFor();
    await page.getByRole('cell', { name: 'Sara Nilsen' }).first().waitFor();
    await screenshot(page, 'history');
    await logout(page);
  });

  it('the head of unit records a disclosure to the police; an INFOFLYT convict is refused (IX1, IX2, IX6)', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'beslutter');
    await menu(page, 'Opplysningsutveksling');
    await page.getByRole('button', { name: 'Registrer utlevering' }).click();
    const form = page.getByRole('form', { name: 'Registrer utlevering' });
    // The convict is picked by typing part of the name; the list holds only those that match.
    await form.getByRole('combobox', { name: /^Domfelt/ }).fill('Ola R');
    await form.getByRole('option', { name: 'Ola Rud (INFOFLYT)' }).click();
    await form.getByText('Ordinær utlevering er sperret; bruk INFOFLYT-prosedyren (IX6).', { exact: false }).waitFor();
    await form.getByLabel('Politidistrikt').selectOption({ label: 'Oslo politidistrikt' });
    await form.getByLabel('Hva som ble utlevert').fill('Permisjonsdatoer for desember.');
    await form.getByLabel('Formål').fill('Forebygge lovbrudd under permisjon.');
    await form.getByLabel('Mottaker').fill('Oslo politidistrikt, etterretning');
    await form.getByLabel('Besluttet av').selectOption({ label: 'Berit Lunde (leder)' });
    await form.getByRole('button', { name: 'Registrer', exact: true }).click();
    await form.getByRole('alert').getByText('Regel IX6', { exact: false }).waitFor();

    await form.getByRole('combobox', { name: /^Domfelt/ }).fill('Martin');
    await form.getByRole('option', { name: 'Martin Berg' }).click();
    await form.getByRole('button', { name: 'Registrer', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Martin Berg/ });
    await row.getByText('Forvaltningsloven § 13 b første ledd nr. 5', { exact: false }).waitFor();
    expect(await row.textContent()).toContain('Berit Lunde');
    await expectAccessible(page);
    await screenshot(page, 'disclosures');
    await logout(page);
  });

  it('the police send a mandatory message, and the unit reads it on its worklist (IX5)', async () => {
    const page = varsel.page();
    // The police know the convict by identity number; the demo's is synthetic (month + 80).
    await login(page, varsel.url(), 'saksbehandler');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    const number = await convictNumber(page, varsel.url(), 'Martin Berg');
    await logout(page);

    await login(page, varsel.url(), 'politi');
    await menu(page, 'Melding til kriminalomsorgen');
    await page.getByLabel('Hva meldingen gjelder').selectOption('CONDITIONS_BREACHED');
    await page.getByLabel('Kort om saken').fill('Domfelte ble sett i Drammen i strid med vilkår om oppholdssted.');
    await page.getByLabel('Domfeltes fødselsnummer eller D-nummer').fill('123');
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    // Checked in the browser as the server checks it (PR1), at the field, before anything is sent.
    await page.getByText('Fødselsnummeret må ha 11 sifre.').waitFor();
    expect(await page.getByLabel('Domfeltes fødselsnummer eller D-nummer').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Domfeltes fødselsnummer eller D-nummer').fill(number);
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    // The answer names no unit: the police learn nothing of the registry from it.
    await page.getByText('Brudd på vilkår er mottatt', { exact: false }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('Oslo fengsel');
    await expectAccessible(page);
    await screenshot(page, 'police-report');
    // A person who is no convict: the same answer (no oracle); it waits in the national queue.
    await page.getByLabel('Kort om saken').fill('Anmeldt for trusler.');
    await page.getByLabel('Domfeltes fødselsnummer eller D-nummer').fill(stranger);
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await expect.poll(() => page.getByLabel('Kort om saken').inputValue()).toBe('');
    await page.getByText('Brudd på vilkår er mottatt', { exact: false }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await logout(page);

    await login(page, varsel.url(), 'saksbehandler');
    const messages = page.getByRole('region', { name: 'Meldinger fra politiet (IX5)' });
    await messages.getByText('Brudd på vilkår').waitFor();
    await messages.getByRole('button', { name: 'Merk som lest' }).click();
    await messages.getByText('Ingen uleste meldinger fra politiet.').waitFor();
    await logout(page);
  });

  it('the auditor sees the chain intact, the trail and the access log (PR2, PR3)', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'revisor');
    await page.getByRole('heading', { name: 'Revisjon' }).waitFor();
    await page.getByText(/Revisjonssporet er intakt: \d+ rader kontrollert\./).waitFor();
    await page.getByLabel('Hvem (brukernavn)').first().fill('beslutter');
    await page.getByRole('cell', { name: /Opprettet: utlevering/ }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit');
    await page.getByRole('tab', { name: 'Tilgangslogg' }).click();
    await page.getByRole('cell', { name: 'saksbehandler' }).first().waitFor();
    await expectAccessible(page);
    await logout(page);
  });

  it('the administrator sees what retention would delete (IX8), and everyone has a page of their own', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'admin');
    await page.getByRole('heading', { name: 'Sletting av personopplysninger' }).waitFor();
    await page.getByText('Prøvekjøring', { exact: false }).waitFor();
    await expectAccessible(page);
    // The police's message on a person who is no convict reached no unit.
    await menu(page, 'Nasjonal kø');
    await page.getByRole('row', { name: new RegExp(`${stranger}.*Ingen domfelt med dette nummeret`) }).waitFor();
    await expectAccessible(page);
    await menu(page, 'Min side');
    await page.getByRole('heading', { name: 'Min side' }).waitFor();
    await expectAccessible(page);
    await logout(page);
  });
});

/** stranger is a synthetic identity number (month + 80) that no demo convict holds. */
const stranger = '09837145195';

/** convictNumber is a demo convict's identity number, read with the logged-in caseworker's token. */
async function convictNumber(page: import('playwright-core').Page, url: string, name: string): Promise<string> {
  const res = await page.request.post(url + '/graphql', {
    headers: { authorization: `Bearer ${await token(page)}`, 'content-type': 'application/json' },
    data: { query: `query($n: String) { convicts(where: {name: $n}) { edges { node { nationalIdentityNumber } } } }`, variables: { n: name } },
  });
  const body = (await res.json()) as { data?: { convicts: { edges: { node: { nationalIdentityNumber: string } }[] } }; errors?: unknown };
  if (!body.data) throw new Error(`no convict ${name}: ${JSON.stringify(body.errors)}`);
  return body.data.convicts.edges[0]!.node.nationalIdentityNumber;
}

async function token(page: import('playwright-core').Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
    return JSON.parse(sessionStorage.getItem(key)!).access_token as string;
  });
}

/** norwegianDate shows the date of a datetime-local value as 08.12.2026. */
function norwegianDate(local: string): string {
  const [y, m, d] = local.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}
