import { describe, expect, it } from 'vitest';
import { checkIdentityNumber, checkText, checkYear } from './validation';

// The same numbers as the server's TestValidateIdentityNumber (rules/identity_test.go), so the browser and the server agree (PR1).
const now = new Date('2026-12-03T12:00:00Z');
const lastDayOfOldCheck = new Date('2031-12-31T12:00:00+01:00');
const firstDayOfNewCheck = new Date('2032-01-01T12:00:00+01:00');
const elevenDigits = 'Fødselsnummeret må ha 11 sifre.';
const noDate = 'Fødselsnummeret har ingen gyldig dato i de seks første sifrene.';
const noDateD = 'D-nummeret har ingen gyldig dato i de seks første sifrene.';
const firstCheck = 'Fødselsnummeret har feil kontrollsiffer: det første kontrollsifferet stemmer ikke med de ni første sifrene.';
const secondCheck = 'Fødselsnummeret har feil kontrollsiffer: det andre kontrollsifferet stemmer ikke med de ti første sifrene.';
const secondCheckD = 'D-nummeret har feil kontrollsiffer: det andre kontrollsifferet stemmer ikke med de ti første sifrene.';

describe('identity numbers are checked as the server checks them (PR1)', () => {
  it.each([
    ['an ordinary fødselsnummer is valid', '01019000083', now, undefined],
    ['spaces typed inside are taken out, as the form sends it', '010190 00083', now, undefined],
    ["Skatteetaten's example number is valid", '30108299920', now, undefined],
    ['29 February in a year written 00 is accepted', '29020000064', now, undefined],
    ['a D-nummer is valid', '41019000077', now, undefined],
    ['a synthetic test number (month + 80) is valid', '01819000049', now, undefined],
    ['a wrong first check digit is refused', '01019000016', now, firstCheck],
    ['a wrong second check digit is refused', '01019000084', now, secondCheck],
    ['a wrong second check digit on a D-nummer says D-nummer', '41019000078', now, secondCheckD],
    ['a number whose first check digit would be 10 is refused', '01019001209', now, firstCheck],
    ['ten digits are refused', '0101900008', now, elevenDigits],
    ['letters are refused', '0101900008A', now, elevenDigits],
    ['full-width digits are refused', '０１０１９０００００８３', now, elevenDigits],
    ['month 13 is refused', '01139000001', now, noDate],
    ["NAV's test month + 40 is refused", '01419000066', now, noDate],
    ['29 February in a year written 97 is refused', '29029710188', now, noDate],
    ['a D-nummer with day 72 (32) is refused', '72019000029', now, noDateD],
    ['remainder 1 is refused on 31 December 2031', '30108299939', lastDayOfOldCheck, firstCheck],
    ['remainder 1 is accepted from 1 January 2032', '30108299939', firstDayOfNewCheck, undefined],
    ['remainder 4 is refused also from 2032', '30108299963', firstDayOfNewCheck, firstCheck],
    ["00:30 on New Year's Day in Oslo is 2032, though still 2031 in UTC", '30108299939', new Date('2031-12-31T23:30:00Z'), undefined],
  ])('%s', (_name, number, on, want) => {
    expect(checkIdentityNumber(number, on)).toBe(want);
  });
});

describe('texts are checked with the server’s limits', () => {
  it.each([
    ['a name of 200 characters is taken', 'x'.repeat(200), 'line', undefined],
    ['a name of 201 is not', 'x'.repeat(201), 'line', 'Teksten er for lang: 201 tegn, høyst 200.'],
    ['characters are counted as the server counts them, by code point', '😀'.repeat(200), 'line', undefined],
    ['reasoning of 4,000 is taken', 'x'.repeat(4000), 'paragraphs', undefined],
    ['reasoning of 4,001 is not', 'x'.repeat(4001), 'paragraphs', 'Teksten er for lang: 4001 tegn, høyst 4000.'],
    ['a line break in reasoning is fine', 'Første.\nAndre.', 'paragraphs', undefined],
    ['a line break in a name is not', 'Ola\nNordmann', 'line', 'Teksten har et tegn som ikke kan lagres (linjeskift eller tabulator i et felt på én linje, U+000A, tegn nummer 4).'],
    ['a NUL byte is refused', 'a\u0000', 'paragraphs', 'Teksten har et tegn som ikke kan lagres (kontrolltegn, U+0000, tegn nummer 2).'],
    ['a right-to-left isolate is refused', '\u2067x', 'paragraphs', 'Teksten har et tegn som ikke kan lagres (tegn som snur skriveretningen, U+2067, tegn nummer 1).'],
    ['a noncharacter is refused', 'x\uFFFF', 'line', 'Teksten har et tegn som ikke kan lagres (ikke-tegn, U+FFFF, tegn nummer 2).'],
  ] as const)('%s', (_name, text, kind, want) => {
    expect(checkText(text, kind)).toBe(want);
  });

  it.each([
    ['1900-01-01', undefined],
    ['2199-12-31T23:59', undefined],
    ['1899-12-31', 'Året må ligge mellom 1900 og 2199.'],
    ['2200-01-01T00:00', 'Året må ligge mellom 1900 og 2199.'],
    ['20255-01-01', 'Året må ligge mellom 1900 og 2199.'],
  ])('the year of %s', (value, want) => {
    expect(checkYear(value)).toBe(want);
  });
});
