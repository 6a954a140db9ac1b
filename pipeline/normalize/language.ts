import { francAll } from 'franc';

/**
 * Is this English? Two tests. First a function-word test: English prose is dense in a small closed
 * set of words (the, of, and, to, …), which other languages, even in Latin script, barely use; it
 * needs no model and is reliable on short news items. Text that passes it, or that franc (a
 * trigram language identifier) ranks English first, is English.
 *
 * Otherwise franc names the language, and the text is refused only when the verdict is confident:
 * enough running words, mostly lower-case ones (lists of names and results tables are mostly
 * capitalized words and numbers, which franc cannot judge), and English well behind franc's first
 * language (which other language it is may stay uncertain: Russian or Ukrainian). A text that
 * fails the function-word test without a confident verdict goes through with a warning.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  ('the of and to a in is was for on that with as by at from his her it he she they this be are were ' +
    'has have had not but or an which who their its will would said been after about also more than ' +
    'when what there all one into over up out new two can could we i you our said')
    .split(' '),
);

const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));

/** The function-word test needs about a sentence of words. */
const FUNCTION_WORD_MIN_WORDS = 12;
/** franc errs on a sentence or two: fewer running words than this give no confident verdict. */
const MIN_WORDS = 20;
/** The same for scripts written without spaces, in letters. */
const MIN_LETTERS = 30;
/** Share of Latin-script words in lower case below which a text reads as a list or table. */
const MIN_LOWERCASE_SHARE = 0.5;
/** franc scores languages relative to its first (1): English this close is a near tie, not a verdict. */
const MAX_ENGLISH_SCORE = 0.85;

const WORD = /\p{L}+(?:['’]\p{L}+)?/gu;
const LATIN_START = /^\p{Script=Latin}/u;
const LOWERCASE_START = /^\p{Ll}/u;
const LETTER = /\p{L}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** Letters, and letters outside the Latin script, by code point; ASCII without a regular expression. */
function countLetters(text: string): { letters: number; nonLatin: number } {
  let letters = 0;
  let nonLatin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (LETTER.test(ch)) {
      letters++;
      if (!LATIN_LETTER.test(ch)) nonLatin++;
    }
  }
  return { letters, nonLatin };
}

export interface LanguageVerdict {
  english: boolean;
  /** franc's language (ISO 639-3) for a text that is not English; null when franc cannot tell */
  detected: string | null;
  /** for a text that is not English: whether the verdict is sure enough to refuse the text */
  confident: boolean;
  /** why a non-English verdict is not confident */
  doubt?: string;
  /** share of words that are English function words */
  englishShare: number;
  /** share of letters outside the Latin script */
  nonLatinShare: number;
}

export function detectLanguage(text: string): LanguageVerdict {
  const words = text.match(WORD) ?? [];
  let english = 0;
  let latin = 0;
  let lowercase = 0;
  for (const w of words) {
    // most words are longer than any function word and need no lower-casing
    if (w.length <= LONGEST_FUNCTION_WORD && ENGLISH_FUNCTION_WORDS.has(w.toLowerCase())) english++;
    const first = w.charCodeAt(0);
    const asciiLower = first >= 0x61 && first <= 0x7a;
    if (asciiLower || (first >= 0x41 && first <= 0x5a)) {
      latin++;
      if (asciiLower) lowercase++;
    } else if (LATIN_START.test(w)) {
      latin++;
      if (LOWERCASE_START.test(w)) lowercase++;
    }
  }
  const { letters, nonLatin } = countLetters(text);
  const englishShare = words.length ? english / words.length : 0;
  const nonLatinShare = letters ? nonLatin / letters : 0;
  const latinScript = nonLatinShare < 0.3;
  const base = { englishShare, nonLatinShare };
  if (latinScript && words.length >= FUNCTION_WORD_MIN_WORDS && englishShare >= 0.12) return { english: true, detected: null, confident: true, ...base };

  const ranked = francAll(text);
  const [first] = ranked;
  if (first?.[0] === 'eng') return { english: true, detected: null, confident: true, ...base };
  const detected = first && first[0] !== 'und' ? first[0] : null;
  const englishScore = ranked.find(([code]) => code === 'eng')?.[1] ?? 0;
  // scripts without spaces between words (Chinese, Japanese, Thai) are judged by letters
  const enough = words.length >= MIN_WORDS || (!latinScript && letters >= MIN_LETTERS);
  let doubt: string | undefined;
  if (!detected || !enough) doubt = 'too short to tell the language';
  else if (latinScript && lowercase < latin * MIN_LOWERCASE_SHARE) doubt = 'reads as a list of names or a table';
  else if (englishScore > MAX_ENGLISH_SCORE) doubt = `English scores close (${englishScore.toFixed(2)})`;
  return { english: false, detected, confident: doubt === undefined, doubt, ...base };
}

const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** An ISO 639-3 code's English name ("fra" → "French"), else the code. */
export function languageName(code: string): string {
  try {
    const name = NAMES.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}
