import type { Component, Doc, Span, Token } from './document.ts';

/**
 * Tokenizer close to the CoNLL/PTB conventions the tagger was trained on:
 * hyphenated words stay whole ("Russian-Israeli", "29-year-old"), clitics split off
 * ("Moscow" + "’s", "do" + "n't"), dotted abbreviations kept ("U.S.", "Mr."), every other
 * punctuation mark its own token. Offsets are UTF-16, into the full text.
 */

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt',
  'cpl', 'adm', 'maj', 'jr', 'sr', 'rev', 'hon', 'mt', 'ft', 'vs', 'inc', 'corp', 'co', 'ltd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'etc', 'pres',
  'messrs', 'bros', 'dept', 'fr', 'supt', 'det', 'insp', 'brig', 'cdr',
]);

const TOKEN_RE = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`, // U.S., e.g.
    String.raw`\p{N}+(?:[.,:/]\p{N}+)*(?:st|nd|rd|th|s)?(?:-[\p{L}\p{N}]+)*`, // 1,000 4:30 7th 1990s 29-year-old
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-'’‑][\p{L}\p{M}\p{N}]+)*\.?`, // words, with a trailing period kept only for abbreviations (below)
    String.raw`\S`,
  ].join('|'),
  'gu',
);

const CLITIC_RE = /(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i;

function pushToken(out: Omit<Token, 'index' | 'sentence'>[], text: string, start: number, end: number): void {
  out.push({ start, end, text: text.slice(start, end) });
}

/** Tokens of text[span.start, span.end). */
export function tokenizeSpan(text: string, span: Span): Omit<Token, 'index' | 'sentence'>[] {
  const out: Omit<Token, 'index' | 'sentence'>[] = [];
  const part = text.slice(span.start, span.end);
  for (const m of part.matchAll(TOKEN_RE)) {
    let start = span.start + m.index;
    let word = m[0];
    let end = start + word.length;
    if (word.length > 1 && word.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(word)) {
      const bare = word.slice(0, -1);
      // "No." abbreviates "number" only before a numeral ("No. 10"); elsewhere it is the word "no"
      const numberSign = /^nos?$/i.test(bare) && /^\s*\d/.test(text.slice(end, end + 3));
      const isAbbrev = ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare) || numberSign;
      if (!isAbbrev) {
        pushToken(out, text, start, end - 1);
        pushToken(out, text, end - 1, end);
        continue;
      }
    }
    const clitic = CLITIC_RE.exec(word);
    if (clitic && clitic.index > 0) {
      pushToken(out, text, start, start + clitic.index);
      start += clitic.index;
      word = word.slice(clitic.index);
      end = start + word.length;
    }
    pushToken(out, text, start, end);
  }
  return out;
}

/** Tokenizes each sentence; fills doc.tokens and each sentence's token range. */
export const tokenizer: Component = {
  name: 'tokenize',
  reads: ['sentences'],
  writes: ['tokens'],
  run(doc: Doc): void {
    const tokens: Token[] = [];
    doc.sentences.forEach((sentence, si) => {
      sentence.tokenStart = tokens.length;
      for (const t of tokenizeSpan(doc.text, sentence)) {
        // one object shape for every token (a spread would give each its own), so field reads stay fast
        tokens.push({ start: t.start, end: t.end, text: t.text, index: tokens.length, sentence: si });
      }
      sentence.tokenEnd = tokens.length;
    });
    doc.tokens = tokens;
  },
};
