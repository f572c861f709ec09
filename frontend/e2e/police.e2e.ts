import { describe, expect, it } from 'vitest';
import { assess, daysAhead, decide, expectAccessible, login, logout, pdfFrom, registerEvent, screenshot, securityCleared } from './browser';
import { useVarsel } from './setup';

// A survivor whose address is strictly confidential (code 6) is notified
// through the police of her district, who see whom to notify, the letter and
// the event's time — and nothing else of the case (RC9, PR5).
describe('a protected address, delivered by the police', () => {
  const varsel = useVarsel();
  let eventUrl = '';

  it('the caseworker prepares a leave for Tor Eriksen; both survivors are assessed (RC3, RC4)', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    eventUrl = await registerEvent(page, 'Tor Eriksen', 'LEAVE', daysAhead(30, '09:00'), daysAhead(31, '21:00'));
    // Serving more than ten years: the region decides (DC2).
    await page.getByText('vedtak på regionalt nivå (Region øst)', { exact: false }).waitFor();
    await securityCleared(page);
    const several = 'Flere etterlatte: varsles én eller flere, og hvorfor?';
    await assess(page, 'Anne Moen', true, { [several]: 'Begge varsles; de bor hver for seg.' });
    await assess(page, 'Kjell Moen', true, { [several]: 'Begge varsles; de bor hver for seg.' });
    await logout(page);
  });

  it('the region decides', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'region');
    await page.getByRole('row', { name: /Fatt vedtak om varsling: permisjon/ }).waitFor();
    await decide(page, eventUrl);
    await logout(page);
  });

  it('the caseworker asks the police of Anne Moen\u2019s district to deliver', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    await page.goto(eventUrl);
    const inform = page.getByRole('region', { name: /Underretning av domfelte/ });
    await inform.getByLabel('Hvordan').selectOption('ORAL');
    await inform.getByRole('radio', { name: 'Vil ikke klage' }).check();
    await inform.getByRole('button', { name: 'Registrer underretningen' }).click();
    await inform.getByText('Klagefristen går ut', { exact: false }).waitFor();
    const notices = page.getByRole('region', { name: /^8\. Varsler/ });
    await notices.getByLabel('Begrunnelse for å sende før klagefristen (valgfritt)').fill('Domfelte vil ikke klage; politiet trenger tid til å levere.');
    await notices.getByRole('button', { name: 'Lag varslene' }).click();
    const toAnne = page.getByRole('article', { name: 'Varsel til Anne Moen' });
    await toAnne.getByText('Klar til sending').waitFor();
    expect(await toAnne.textContent()).toContain('Via politiet (Oslo politidistrikt)');
    // Kjell wrote in Nynorsk (NT7).
    expect(await page.getByRole('article', { name: 'Varsel til Kjell Moen' }).textContent()).toContain('Nynorsk');
    // Only the police may deliver to a protected address (RC9).
    expect(await toAnne.getByLabel('Send med').isDisabled()).toBe(true);
    await toAnne.getByRole('button', { name: 'Be politiet levere' }).click();
    await toAnne.getByText('Venter på at politiet bekrefter', { exact: false }).waitFor();
    await logout(page);
  });

  it('the police of another district see nothing of it', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'politi2');
    await page.getByRole('heading', { name: /Anmodninger fra kriminalomsorgen – Vest politidistrikt/ }).waitFor();
    await page.getByRole('table').or(page.getByText('Ingen anmodninger.')).first().waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('Oslo fengsel');
    expect(await page.getByRole('link', { name: 'Levere varsel' }).count()).toBe(0);
    await logout(page);
  });

  it('the police of Oslo see whom to notify, deliver, and confirm it', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'politi');
    await page.getByRole('heading', { name: /Anmodninger fra kriminalomsorgen – Oslo politidistrikt/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'police-requests');
    await page.getByRole('link', { name: 'Levere varsel' }).click();
    await page.getByRole('heading', { name: 'Levere varsel' }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('Anne Moen', { exact: true }).waitFor();
    const text = (await main.textContent()) ?? '';
    // Whom, the event's time and the letter — nothing else of the case (RC9).
    expect(text).toContain('Fødselsnummer');
    for (const secret of ['Tor Eriksen', 'Kjell Moen', 'Lars Moen', 'vurdering', 'Grov vold']) expect(text).not.toContain(secret);
    await pdfFrom(page, /^\/letters\/police-requests\//, () => main.getByRole('button', { name: 'Vis anmodningen og varselbrevet' }).click());
    await expectAccessible(page);
    await screenshot(page, 'police-request');

    await main.getByRole('button', { name: 'Ta anmodningen til behandling' }).click();
    await main.getByText('Under behandling').waitFor();
    await main.getByLabel('Hvordan').fill('Overlevert personlig på bopel.');
    await main.getByRole('button', { name: 'Bekreft levering' }).click();
    // A delivered notice is «Levert», not «Besvart».
    await main.getByText(/^Levert \d/).waitFor();
    expect(await main.getByText('Besvart', { exact: false }).count()).toBe(0);
    await logout(page);
  });

  it('the caseworker sees the notice delivered', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    await page.goto(eventUrl);
    await page.getByRole('article', { name: 'Varsel til Anne Moen' }).getByText('Levert', { exact: true }).waitFor();
    await logout(page);
  });
});
