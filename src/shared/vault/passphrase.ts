/**
 * Passphrase rule for the vault. Pure: the renderer uses it for live feedback, main enforces it
 * (create and change passphrase).
 *
 * Strength is estimated the way zxcvbn does (zxcvbn-ts: it looks for dictionary words, l33t,
 * keyboard walks, repeats, sequences, dates and years, and counts the guesses an attacker who
 * tries those first would need), with zxcvbn's common-password pack plus our Danish lists
 * (words, first names, months, seasons, weekdays, the app's names). On top, a blocklist refuses a
 * passphrase that is only such a word with digits and symbols around it ("Sommer2024!!").
 *
 * Accepted: at least 12 characters, not blocklisted, and at least 10^10 estimated guesses
 * (zxcvbn's score 4). With scrypt at about 0.3-0.5 s a guess per core that is centuries of one
 * core; score 3 (10^8) would be months.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import {
  APP_WORDS, COMMON_DANISH_WORDS, COMMON_PASSWORDS_EXTRA, DANISH_FIRST_NAMES, GENERATOR_WORDS, MONTHS, SEASONS, WEEKDAYS,
} from './danish-words';

export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;
/** log10 of the guesses a passphrase must need (zxcvbn's score 4). */
export const MIN_GUESSES_LOG10 = 10;
/** Words in an offered passphrase. */
export const GENERATED_WORDS = 5;

export type PassphraseStrength = 'for-kort' | 'svag' | 'middel' | 'stærk';

/** Why a passphrase is easy to guess, most telling first. */
export type PassphraseReason =
  | 'common-password'
  | 'danish-word'
  | 'name'
  | 'month-season'
  | 'year-date'
  | 'app-name'
  | 'keyboard'
  | 'repeat'
  | 'sequence'
  | 'only-digits-symbols'
  | 'personal'
  | 'too-few-words';

export interface PassphraseAssessment {
  strength: PassphraseStrength;
  acceptable: boolean;
  /** log10 of zxcvbn's guess estimate (0 when blocklisted or too short). */
  guessesLog10: number;
  blocklisted: boolean;
  reasons: PassphraseReason[];
}

const unique = (words: readonly string[]) => [...new Set(words.map((w) => w.normalize('NFC').toLowerCase()))];

/** The blocklist: any of these, alone or two together, with only digits and symbols around them, is refused. */
const BLOCKLIST = new Set(
  unique([...COMMON_PASSWORDS_EXTRA, ...COMMON_DANISH_WORDS, ...DANISH_FIRST_NAMES, ...MONTHS, ...SEASONS, ...WEEKDAYS, ...APP_WORDS]).map((w) =>
    w.replace(/[^\p{L}]/gu, ''),
  ),
);

/**
 * A fresh estimator per assessment (about 20 ms to build): zxcvbn-ts keeps the last password's
 * match sequence inside its factory, and a passphrase must not outlive its check in memory
 * (issue 15's heap scan).
 */
function zxcvbn(): ZxcvbnFactory {
  return new ZxcvbnFactory({
    dictionary: DICTIONARY,
    graphs: adjacencyGraphs,
  });
}

const DICTIONARY = {
  ...commonDictionary,
  daPasswords: unique(COMMON_PASSWORDS_EXTRA),
  daApp: unique(APP_WORDS),
  daCalendar: unique([...MONTHS, ...SEASONS, ...WEEKDAYS]),
  daNames: unique(DANISH_FIRST_NAMES),
  daWords: unique([...COMMON_DANISH_WORDS, ...GENERATOR_WORDS]),
};

const L33T: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '€': 'e' };

/** The letters of a passphrase once digits, symbols and spaces are taken away (l33t read back). */
function letterCore(passphrase: string, readL33t: boolean): string {
  const lower = passphrase.normalize('NFC').toLowerCase();
  const mapped = readL33t ? [...lower].map((c) => L33T[c] ?? c).join('') : lower;
  return mapped.replace(/[^\p{L}]/gu, '');
}

function isBlocklistedCore(core: string): boolean {
  if (core.length === 0) return true;
  if (BLOCKLIST.has(core)) return true;
  // Two blocklisted words run together ("sommerferie", "sspdesk2024kbh").
  for (let i = 1; i < core.length; i++) if (BLOCKLIST.has(core.slice(0, i)) && BLOCKLIST.has(core.slice(i))) return true;
  return false;
}

function reasonsOf(result: ZxcvbnResult, passphrase: string, blocklisted: boolean): PassphraseReason[] {
  const out = new Set<PassphraseReason>();
  if (letterCore(passphrase, false).length === 0) out.add('only-digits-symbols');
  for (const m of result.sequence) {
    const match = m as unknown as { pattern: string; dictionaryName?: string; regexName?: string };
    switch (match.pattern) {
      case 'dictionary':
        if (match.dictionaryName === 'daApp') out.add('app-name');
        else if (match.dictionaryName === 'daCalendar') out.add('month-season');
        else if (match.dictionaryName === 'daNames') out.add('name');
        else if (match.dictionaryName === 'daWords' || match.dictionaryName === 'diceware-common') out.add('danish-word');
        else if (match.dictionaryName === 'userInputs') out.add('personal');
        else out.add('common-password');
        break;
      case 'date':
        out.add('year-date');
        break;
      case 'regex':
        if (match.regexName === 'recentYear') out.add('year-date');
        break;
      case 'spatial':
        out.add('keyboard');
        break;
      case 'repeat':
        out.add('repeat');
        break;
      case 'sequence':
        out.add('sequence');
        break;
    }
  }
  if (/(19|20)\d\d/.test(passphrase)) {
    if (out.size > 0 || blocklisted) out.add('year-date');
  }
  if (out.size === 0) out.add('too-few-words');
  const order: PassphraseReason[] = [
    'app-name', 'common-password', 'month-season', 'year-date', 'name', 'personal', 'danish-word', 'keyboard', 'repeat', 'sequence', 'only-digits-symbols', 'too-few-words',
  ];
  return order.filter((r) => out.has(r));
}

/**
 * Assess a passphrase. `userInputs` are words the user's own details make easy to guess (the
 * owner's name and area): they count as dictionary words.
 */
export function assessPassphrase(passphrase: string, userInputs: readonly string[] = []): PassphraseAssessment {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    return { strength: 'for-kort', acceptable: false, guessesLog10: 0, blocklisted: false, reasons: [] };
  }
  const blocklisted = isBlocklistedCore(letterCore(passphrase, false)) || isBlocklistedCore(letterCore(passphrase, true));
  const inputs = userInputs.flatMap((s) => s.toLowerCase().split(/[\s,.-]+/)).filter((w) => w.length >= 3);
  const result = zxcvbn().check(passphrase.slice(0, 256), inputs);
  const guessesLog10 = blocklisted ? 0 : result.guessesLog10;
  const strength: PassphraseStrength = blocklisted || guessesLog10 < 8 ? 'svag' : guessesLog10 < MIN_GUESSES_LOG10 ? 'middel' : 'stærk';
  const acceptable = strength === 'stærk';
  return { strength, acceptable, guessesLog10, blocklisted, reasons: acceptable ? [] : reasonsOf(result, passphrase, blocklisted) };
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  return assessPassphrase(passphrase).strength;
}

/** Acceptable for a vault: long enough, not blocklisted, and hard enough to guess. */
export function isAcceptablePassphrase(passphrase: string, userInputs: readonly string[] = []): boolean {
  return assessPassphrase(passphrase, userInputs).acceptable;
}

/** Danish wording of the reasons, for main's refusal (the renderer has its own strings with an English twin). */
export const PASSPHRASE_REASON_DA: Record<PassphraseReason, string> = {
  'common-password': 'et almindeligt kodeord',
  'danish-word': 'almindelige danske ord',
  name: 'et fornavn',
  'month-season': 'en måned, en årstid eller en ugedag',
  'year-date': 'et årstal eller en dato',
  'app-name': 'programmets navn',
  keyboard: 'et mønster på tastaturet',
  repeat: 'gentagelser',
  sequence: 'en række som abc eller 123',
  'only-digits-symbols': 'kun tal og tegn',
  personal: 'dit navn eller dit område',
  'too-few-words': 'for få ord',
};

export const PASSPHRASE_WHAT_PASSES_DA =
  'Det, der går igennem: 4-5 ord, der ikke hører sammen, fx "kompas lakrids vimpel stald regnbue", eller en sætning på mindst 12 tegn, som kun du kender. Tal og tegn til sidst hjælper ikke.';

/** main's refusal: what the passphrase is built on, and what would pass. Never quotes the passphrase. */
export function passphraseRefusalDa(a: PassphraseAssessment): string {
  const parts = a.reasons.slice(0, 3).map((r) => PASSPHRASE_REASON_DA[r]);
  const built = parts.length > 0 ? ` Den bygger på ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}` : parts[0]}.` : '';
  return `Adgangskoden er for let at gætte.${built} ${PASSPHRASE_WHAT_PASSES_DA}`;
}

/** A uniform random integer in [0, n) from the platform's CSPRNG (Web Crypto: Node, Electron and the renderer). */
function randomBelow(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    if (buf[0]! < limit) return buf[0]! % n;
  }
}

const GENERATOR = unique(GENERATOR_WORDS).filter((w) => !BLOCKLIST.has(w) && w.length >= 3);
/** Words the generator draws from (each word carries log2 of this many bits). */
export const GENERATOR_WORD_COUNT = GENERATOR.length;

/**
 * An offered passphrase: `words` Danish words drawn uniformly with crypto randomness, no word
 * twice, joined by spaces. 5 words from the list carry about 5 x log2(GENERATOR_WORD_COUNT) bits.
 */
export function generatePassphrase(words: number = GENERATED_WORDS): string {
  for (;;) {
    const chosen: string[] = [];
    while (chosen.length < words) {
      const w = GENERATOR[randomBelow(GENERATOR.length)]!;
      if (!chosen.includes(w)) chosen.push(w);
    }
    const phrase = chosen.join(' ');
    // A draw of very short words can fall below the rule; draw again rather than offer it.
    if (assessPassphrase(phrase).acceptable) return phrase;
  }
}
