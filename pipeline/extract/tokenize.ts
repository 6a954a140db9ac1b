import type { Component, Doc, Span, Token } from './document.ts';
import { INLINE_ABBREVIATIONS, TITLE_ABBREVIATIONS } from '../shared/abbreviations.ts';

/**
 * Tokenizer close to the CoNLL/PTB conventions the tagger was trained on:
 * hyphenated words stay whole ("Russian-Israeli", "29-year-old"), clitics split off
 * ("Moscow" + "’s", "do" + "n't"), dotted abbreviations kept ("U.S.", "Mr."), every other
 * punctuation mark its own token. Offsets are UTF-16, into the full text.
 */

/** Words whose final period stays on the token. Not "no" and "nos", which abbreviate "number" only
 * before a numeral (decided in scanTokens), nor "v", kept whole only as a capital initial; dotted
 * ones ("e.g.") are TOKEN_RE's first pattern. */
const ABBREVIATIONS = new Set(
  [...TITLE_ABBREVIATIONS, ...INLINE_ABBREVIATIONS].filter((a) => !a.includes('.') && a !== 'no' && a !== 'nos' && a !== 'v'),
);

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

/** Calls `token` with the UTF-16 start and end of each token of text[span.start, span.end). */
function scanTokens(text: string, span: Span, token: (start: number, end: number) => void): void {
  // scans the text up to the span's end (a slice V8 shares, not copies) from the span's start
  const scanned = span.end === text.length ? text : text.slice(0, span.end);
  TOKEN_RE.lastIndex = span.start;
  for (let m = TOKEN_RE.exec(scanned); m; m = TOKEN_RE.exec(scanned)) {
    let start = m.index;
    let word = m[0];
    let end = start + word.length;
    if (word.length > 1 && word.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(word)) {
      const bare = word.slice(0, -1);
      // "No." abbreviates "number" only before a numeral ("No. 10"); elsewhere it is the word "no"
      const numberSign = /^nos?$/i.test(bare) && /^\s*\d/.test(text.slice(end, end + 3));
      const isAbbrev = ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare) || numberSign;
      if (!isAbbrev) {
        token(start, end - 1);
        token(end - 1, end);
        continue;
      }
    }
    const clitic = CLITIC_RE.exec(word);
    if (clitic && clitic.index > 0) {
      token(start, start + clitic.index);
      start += clitic.index;
      word = word.slice(clitic.index);
      end = start + word.length;
    }
    token(start, end);
  }
}

/** Tokens of text[span.start, span.end). */
export function tokenizeSpan(text: string, span: Span): Omit<Token, 'index' | 'sentence'>[] {
  const out: Omit<Token, 'index' | 'sentence'>[] = [];
  scanTokens(text, span, (start, end) => out.push({ start, end, text: text.slice(start, end) }));
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
      // one object shape for every token, so field reads stay fast
      scanTokens(doc.text, sentence, (start, end) => tokens.push({ start, end, text: doc.text.slice(start, end), index: tokens.length, sentence: si }));
      sentence.tokenEnd = tokens.length;
    });
    doc.tokens = tokens;
  },
};
