import { describe, expect, it } from 'vitest';
import { daysAhead, expectAccessible, login, logout, menu, pdfFrom, screenshot } from './browser';
import { useVarsel } from './setup';

// One LEAVE from registration to a posted letter: Sara Nilsen prepares it,
// Berit Lunde decides, Sara informs the convict, prepares the notices and
// posts the letters (RULEBOOK EV1, AS2, AS3, AS4, DC1, DC3, DC6, NT1, NT6).
describe('a leave, from registration to a posted letter', () => {
  const varsel = useVarsel();
  let eventUrl = '';

  it('the caseworker registers the leave, the conditions, the security and each recipient', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    await menu(page, 'Domfelte');
    await page.getByRole('link', { name: 'Martin Berg' }).click();
    await page.getByRole('heading', { name: 'Martin Berg' }).waitFor();
    // The case file: Ingrid and her daughter Emma, a minor with Ingrid as guardian (RC5).
    await page.getByText('Emma Solberg – fornærmet').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'convict');

    await page.getByRole('tab', { name: 'Hendelser' }).click();
    await page.getByRole('button', { name: 'Registrer hendelse' }).click();
    await page.getByLabel('Hva skjer').selectOption('LEAVE');
    await page.getByText('Hjemmel for varsel: straffegjennomføringsloven § 36 tredje ledd').waitFor();
    await page.getByLabel('Fra (må fylles ut)', { exact: true }).fill(daysAhead(25, '10:00'));
    await page.getByLabel('Til', { exact: true }).fill(daysAhead(27, '18:00'));
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByRole('heading', { name: /^Permisjon / }).waitFor();
    eventUrl = page.url();
    await page.getByText('Neste steg: Sikkerhetsvurdering (AS2)').waitFor();

    // Conditions: a residence as a municipality only (NT4), told to Ingrid alone (NT3).
    const conditions = page.getByRole('region', { name: /Vilkår som angår mottakerne/ });
    await conditions.getByRole('button', { name: 'Registrer vilkår' }).click();
    await conditions.getByLabel('Område').fill('Drammen');
    await conditions.getByRole('checkbox', { name: 'Ingrid Solberg' }).check();
    await conditions.getByRole('button', { name: 'Lagre vilkårene' }).click();
    await conditions.getByRole('cell', { name: 'Drammen (kommune)' }).waitFor();

    // Security first (AS2).
    const security = page.getByRole('region', { name: /Sikkerhetsvurdering/ });
    await security.getByRole('radio', { name: 'Nei, ingen kjent fare' }).check();
    await security.getByLabel('Begrunnelse').fill('Ingen kjent konflikt som tilsier fare for hevnaksjoner.');
    await security.getByRole('button', { name: 'Lagre sikkerhetsvurderingen' }).click();
    await security.getByText('Ingen fare', { exact: true }).waitFor();
    await page.getByText('Neste steg: Vurdering av betydning (AS1)').waitFor();

    // Ingrid: the guideline's factors and the reasoning (AS3).
    const assessment = page.getByRole('region', { name: /Er varsel av betydning/ });
    await assessment.getByRole('button', { name: 'Vurder Ingrid Solberg' }).click();
    const ingrid = page.getByRole('form', { name: 'Vurdering av Ingrid Solberg' });
    await ingrid.getByLabel('Lovbruddets art og alvor').fill('Grov vold og trusler mot fornærmede.');
    await ingrid.getByLabel('Mottakerens behov for å forberede seg').fill('Fornærmede er redd for å møte domfelte.');
    await ingrid.getByLabel('Forholdet mellom domfelte og mottakeren').fill('Tidligere samboere, ingen kontakt i dag.');
    await ingrid.getByLabel('Sannsynligheten for at de møtes').fill('Permisjonen er i Drammen, der fornærmede arbeider.');
    await ingrid.getByLabel('Begrunnelse').fill('Varsel er av betydning for fornærmede.');
    await ingrid.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await ingrid.waitFor({ state: 'detached' });

    // Emma is 13: without the particularly careful assessment it is refused (AS4).
    await assessment.getByText('Under 18 år – vurderes særlig nøye (AS4)').waitFor();
    await assessment.getByRole('button', { name: 'Vurder Emma Solberg' }).click();
    const emma = page.getByRole('form', { name: 'Vurdering av Emma Solberg' });
    await emma.getByLabel('Lovbruddets art og alvor').fill('Grov vold i hjemmet der barnet bodde.');
    await emma.getByLabel('Begrunnelse').fill('Varsel er av betydning for barnet, gjennom moren.');
    // The guideline's factors (AS3) and, for a child, the particularly careful assessment (AS4) are
    // asked for at the fields before anything is sent; focus goes to the first.
    await emma.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await emma.getByText('Fyll ut mottakerens behov for å forberede seg.').waitFor();
    expect(await emma.getByLabel('Mottakerens behov for å forberede seg').evaluate((el) => el === document.activeElement)).toBe(true);
    await emma.getByText('Mottakeren er under 18 år: skriv den særlige vurderingen', { exact: false }).waitFor();
    expect(await emma.getByLabel('Særlig vurdering fordi mottakeren er under 18 år').getAttribute('aria-invalid')).toBe('true');
    await emma.getByLabel('Mottakerens behov for å forberede seg').fill('Barnet må forberedes av moren.');
    await emma.getByLabel('Forholdet mellom domfelte og mottakeren').fill('Domfelte er ikke barnets far; ingen kontakt.');
    await emma.getByLabel('Sannsynligheten for at de møtes').fill('Barnet går på skole i Drammen.');
    await emma.getByLabel('Særlig vurdering fordi mottakeren er under 18 år').fill('Barnet var til stede; behovet for forberedelse er stort.');
    await emma.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await emma.waitFor({ state: 'detached' });
    await page.getByText('Neste steg: Vedtak (DC1)').waitFor();

    // Only a decision maker decides (DC1, DC2).
    await page.getByText('Vedtaket fattes av en beslutter på lokalt nivå (Oslo fengsel).', { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'event-assessed');
    await logout(page);
  });

  it('the decision maker finds it on the worklist and decides', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'beslutter');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    const row = page.getByRole('row', { name: /Fatt vedtak om varsling: permisjon/ });
    await row.getByRole('cell', { name: 'DC1' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'worklist');
    await row.getByRole('link', { name: /Gå til steget/ }).click();
    const decision = page.getByRole('region', { name: /Vedtak om varsling/ });
    await decision.getByLabel('Begrunnelse (må fylles ut)', { exact: true }).fill('Vilkårene for varsling er oppfylt.');
    await decision.getByRole('button', { name: 'Fatt vedtak om varsling' }).click();
    await decision.getByText('Vedtak om varsling fattet', { exact: false }).waitFor();
    // The convict's decision letter, as the real PDF (DC3).
    await pdfFrom(page, /^\/letters\/decisions\//, () => decision.getByRole('button', { name: 'Vis vedtaksbrevet til domfelte' }).click());
    await decision.getByRole('link', { name: 'Last ned vedtak-til-domfelte.pdf' }).waitFor();
    await page.getByText('Neste steg: Underrette domfelte (DC3)').waitFor();
    await logout(page);
  });

  it('the caseworker informs the convict, prepares the notices and posts the letters', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    await page.goto(eventUrl);

    // Told orally, the convict will not appeal (DC6).
    const inform = page.getByRole('region', { name: /Underretning av domfelte/ });
    await inform.getByLabel('Hvordan').selectOption('ORAL');
    await inform.getByRole('radio', { name: 'Vil ikke klage' }).check();
    await inform.getByRole('button', { name: 'Registrer underretningen' }).click();
    await inform.getByText('Klagefristen går ut', { exact: false }).waitFor();

    // Released before the appeal deadline only with the DC6 record and a reason (DC5).
    const notices = page.getByRole('region', { name: /^8\. Varsler/ });
    await notices.getByLabel('Begrunnelse for å sende før klagefristen (valgfritt)').fill('Domfelte har sagt at han ikke vil klage, og permisjonen nærmer seg.');
    await notices.getByRole('button', { name: 'Lag varslene' }).click();
    const toIngrid = page.getByRole('article', { name: 'Varsel til Ingrid Solberg', exact: true });
    const toEmma = page.getByRole('article', { name: 'Varsel til Ingrid Solberg, på vegne av Emma Solberg' });
    await toIngrid.getByText('Klar til sending').waitFor();
    await toEmma.getByText('Klar til sending').waitFor();
    // Ready, not sent; the convict waived the appeal, so the decision is final (DC6).
    expect(await toIngrid.textContent()).not.toContain('Sendt');
    const appeal = page.getByRole('region', { name: /^7\. Klage/ });
    await appeal.getByText('Domfelte har sagt at han eller hun ikke vil klage (DC6). Vedtaket er endelig.').waitFor();
    // Only the conditions that concern each recipient (NT3): the residence is Ingrid's.
    expect(await toIngrid.textContent()).toContain('Oppholdssted: Drammen');
    expect(await toEmma.textContent()).not.toContain('Drammen');

    // The notice letter as it will be sent.
    await pdfFrom(page, /^\/letters\/notices\//, () => toIngrid.getByRole('button', { name: 'Forhåndsvis brevet' }).click());
    await toIngrid.getByTitle(/Forhåndsvisning: varsel-/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'event-notices');

    // Digipost is not set up in dev mode, so it is not offered.
    expect(await toIngrid.getByLabel('Send med').locator('option').allTextContents()).toEqual(['Brev i posten', 'Telefon (unntak, dokumenteres etterpå)']);
    for (const notice of [toIngrid, toEmma]) {
      await notice.getByLabel('Send med').selectOption('LETTER');
      await notice.getByRole('button', { name: 'Legg i utskriftsbunken' }).click();
      await notice.getByText('Sendes', { exact: true }).waitFor();
    }

    // The print batch: one PDF of the letters waiting, then each marked posted.
    await menu(page, 'Utskrift');
    await page.getByRole('heading', { name: 'Utskrift av brev' }).waitFor();
    await page.getByText('2 brev venter.', { exact: false }).waitFor();
    // Each row says whom the letter is for by their part in the case, not by name.
    await page.getByRole('cell', { name: 'Fornærmede', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Foresatt for fornærmede', exact: true }).waitFor();
    await pdfFrom(page, /^\/letters\/print-batch$/, () => page.getByRole('button', { name: 'Lag utskriftsbunken (PDF)' }).click());
    await page.getByRole('link', { name: 'Last ned utskriftsbunke.pdf' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'print-batch');
    await page.getByRole('button', { name: 'Merk alle som postlagt' }).click();
    await page.getByText('Er alle 2 brevene lagt i posten?').waitFor();
    await page.getByRole('button', { name: 'Ja, merk alle 2 som postlagt' }).click();
    await page.getByText('Ingen brev venter på utskrift.').waitFor();

    await page.goto(eventUrl);
    await toIngrid.getByText('Sendt', { exact: true }).waitFor();
    await toEmma.getByText('Sendt', { exact: true }).waitFor();
    await page.getByText('Alle varsler for hendelsen er gitt.').waitFor();
    await logout(page);
  });

  it('the leave is moved after the letters went, then cancelled: corrected notices, then cancellations (NT8)', async () => {
    const page = varsel.page();
    await login(page, varsel.url(), 'saksbehandler');
    await page.getByRole('heading', { name: 'Arbeidsliste' }).waitFor();
    await page.goto(eventUrl);

    await page.getByRole('button', { name: 'Endre tidspunkt' }).click();
    const move = page.getByRole('form', { name: 'Endre tidspunkt' });
    await move.getByLabel('Ny start').fill(daysAhead(32, '10:00'));
    await move.getByLabel('Ny slutt').fill(daysAhead(34, '18:00'));
    await move.getByRole('button', { name: 'Lagre nytt tidspunkt' }).click();
    await move.getByText('Fyll ut hvorfor tidspunktet endres.').waitFor(); // no reason given: not sent, nothing changed
    await move.getByLabel('Hvorfor tidspunktet endres').fill('Institusjonen har flyttet permisjonen to dager.');
    await move.getByRole('button', { name: 'Lagre nytt tidspunkt' }).click();
    const moved = daysAhead(32);
    const movedDate = `${moved.slice(8, 10)}.${moved.slice(5, 7)}.${moved.slice(0, 4)}`;
    await page.getByRole('heading', { name: new RegExp(`^Permisjon ${movedDate.replace(/\./g, '\\.')}`) }).waitFor();

    // Both were told the old time: each gets one corrected notice, ready to go.
    const toIngrid = page.getByRole('article', { name: 'Rettet varsel til Ingrid Solberg', exact: true });
    const toEmma = page.getByRole('article', { name: 'Rettet varsel til Ingrid Solberg, på vegne av Emma Solberg' });
    await toIngrid.getByText('Klar til sending').waitFor();
    await toEmma.getByText('Klar til sending').waitFor();
    expect(await toIngrid.textContent()).toContain(movedDate);
    await pdfFrom(page, /^\/letters\/notices\//, () => toIngrid.getByRole('button', { name: 'Forhåndsvis brevet' }).click());
    await toIngrid.getByTitle(/Forhåndsvisning: varsel-/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'event-correction');
    await toIngrid.getByLabel('Send med').selectOption('LETTER');
    await toIngrid.getByRole('button', { name: 'Legg i utskriftsbunken' }).click();
    await toIngrid.getByText('Sendes', { exact: true }).waitFor();

    // Cancelled: Emma's unsent correction is stopped; both get a cancellation.
    // The page refreshes after the letter joined the print batch: open the form once it has.
    const cancel = page.getByRole('form', { name: 'Avlys hendelsen' });
    await expect
      .poll(async () => {
        if (!(await cancel.isVisible())) await page.getByRole('button', { name: 'Avlys hendelsen' }).click();
        return cancel.isVisible();
      })
      .toBe(true);
    await cancel.getByLabel('Hvorfor hendelsen avlyses').fill('Permisjonen er trukket tilbake.');
    await cancel.getByRole('button', { name: 'Avlys hendelsen' }).click();
    await page.getByText('Hendelsen er avlyst: Permisjonen er trukket tilbake.', { exact: false }).waitFor();
    const cancelIngrid = page.getByRole('article', { name: 'Melding om avlysning til Ingrid Solberg', exact: true });
    await cancelIngrid.getByText('Klar til sending').waitFor();
    await page.getByRole('article', { name: 'Melding om avlysning til Ingrid Solberg, på vegne av Emma Solberg' }).getByText('Klar til sending').waitFor();
    await pdfFrom(page, /^\/letters\/notices\//, () => cancelIngrid.getByRole('button', { name: 'Forhåndsvis brevet' }).click());
    await cancelIngrid.getByTitle(/Forhåndsvisning: varsel-/).waitFor();
    await screenshot(page, 'event-cancellation');
    await logout(page);
  });
});
