/**
 * The server's limits on what a person may type (rules/input.go), and its
 * check of identity numbers (rules/identity.go, PR1), checked in the browser
 * with the same limits and the same words, so that a mistake is shown at the
 * field before anything is sent. The server checks again: this only spares
 * the round trip. The messages never quote the value (PR6).
 */

/** line is one line (a name, an address part, a case number); paragraphs is written reasoning. */
export type TextKind = 'line' | 'paragraphs';

/** The most characters of each kind of text, as rules.MaxLine and rules.MaxParagraphs. */
export const maxChars: Record<TextKind, number> = { line: 200, paragraphs: 4000 };

/** The years a date may lie in (rules.FirstYear–rules.LastYear). */
export const firstYear = 1900;
export const lastYear = 2199;

/**
 * checkText refuses a text that is longer than its kind allows or holds a
 * character the server will not store: a control character (line breaks and
 * tabs only in paragraphs), a character that turns the writing direction, a
 * line separator in one line, or a noncharacter. Characters are counted as
 * the server counts them: by code point.
 */
export function checkText(s: string, kind: TextKind): string | undefined {
  const chars = Array.from(s);
  if (chars.length > maxChars[kind]) return `Teksten er for lang: ${chars.length} tegn, høyst ${maxChars[kind]}.`;
  for (let i = 0; i < chars.length; i++) {
    const r = chars[i]!.codePointAt(0)!;
    const why = refusedChar(r, kind);
    if (why) return `Teksten har et tegn som ikke kan lagres (${why}, U+${r.toString(16).toUpperCase().padStart(4, '0')}, tegn nummer ${i + 1}).`;
  }
  return undefined;
}

function refusedChar(r: number, kind: TextKind): string | undefined {
  if (r === 0x0a || r === 0x0d || r === 0x09) return kind === 'paragraphs' ? undefined : 'linjeskift eller tabulator i et felt på én linje';
  if (r <= 0x1f || (r >= 0x7f && r <= 0x9f)) return 'kontrolltegn';
  if ((r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r === 0x200e || r === 0x200f || r === 0x061c) return 'tegn som snur skriveretningen';
  if (r === 0x2028 || r === 0x2029) return kind === 'paragraphs' ? undefined : 'linjeskift i et felt på én linje';
  if ((r >= 0xfdd0 && r <= 0xfdef) || (r & 0xfffe) === 0xfffe) return 'ikke-tegn';
  return undefined;
}

/** checkYear refuses a date or date-and-time input ("2031-05-17", "2031-05-17T10:00") outside 1900–2199. */
export function checkYear(value: string): string | undefined {
  const year = /^(\d+)-/.exec(value)?.[1];
  if (year === undefined) return undefined;
  const y = Number(year);
  return y < firstYear || y > lastYear ? `Året må ligge mellom ${firstYear} og ${lastYear}.` : undefined;
}

const daysInMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const firstCheckWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
const secondCheckWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/**
 * checkIdentityNumber checks a fødselsnummer or D-nummer as the server does
 * (PR1): eleven digits (spaces are taken out first, as the forms send it), a
 * real day and month (D-nummer: 4 added to the first digit; synthetic test
 * numbers: 80 added to the month; 29 February only where the two-digit year
 * is divisible by 4), and both mod-11 check digits — the first with
 * remainder 0, or 0–3 from 1 January 2032 (Norwegian date of on).
 */
export function checkIdentityNumber(typed: string, on: Date): string | undefined {
  const s = typed.replace(/\s/g, '');
  if (!/^[0-9]{11}$/.test(s)) return 'Fødselsnummeret må ha 11 sifre.';
  const d = Array.from(s, Number);
  let noun = 'Fødselsnummeret';
  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  if (d[0]! >= 4 && d[0]! <= 7) {
    noun = 'D-nummeret';
    day -= 40;
  }
  if (month > 80) month -= 80;
  const year = d[4]! * 10 + d[5]!;
  const leapDay = month === 2 && day === 29 && year % 4 === 0;
  if (month < 1 || month > 12 || day < 1 || (day > daysInMonth[month]! && !leapDay)) {
    return `${noun} har ingen gyldig dato i de seks første sifrene.`;
  }
  const norwegianDate = on.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }); // YYYY-MM-DD
  const highestFirstRemainder = norwegianDate >= '2032-01-01' ? 3 : 0;
  if (remainder(d.slice(0, 10), firstCheckWeights) > highestFirstRemainder) {
    return `${noun} har feil kontrollsiffer: det første kontrollsifferet stemmer ikke med de ni første sifrene.`;
  }
  if (remainder(d, secondCheckWeights) !== 0) {
    return `${noun} har feil kontrollsiffer: det andre kontrollsifferet stemmer ikke med de ti første sifrene.`;
  }
  return undefined;
}

function remainder(digits: number[], weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11;
}
