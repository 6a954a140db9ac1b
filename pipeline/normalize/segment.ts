import type { Span } from '../extract/document.ts';
import { INLINE_ABBREVIATIONS, TITLE_ABBREVIATIONS } from '../shared/abbreviations.ts';

/**
 * Paragraph and sentence segmentation over normalized text (UTF-16 offsets).
 * In normalized text each line is one paragraph (see normalize.ts).
 */

/** Sentence starters that make a preceding dotted abbreviation ("U.S.", "Inc.") end the sentence. */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'in', 'on', 'at', 'this',
  'that', 'these', 'those', 'there', 'his', 'her', 'their', 'its', 'our', 'my', 'as', 'if', 'when',
  'while', 'after', 'before', 'since', 'however', 'meanwhile', 'for', 'so', 'yet', 'some', 'many',
  'most', 'one', 'two', 'what', 'who', 'why', 'how', 'no', 'not', 'also', 'still', 'then',
]);

const OPENING_QUOTES = new Set(['“', '‘', '«', '„']);
const CLOSING_QUOTES = new Set(['”', '’', '»']);
const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '»']);
const TERMINATORS = /[.!?…]/;
/** every character the sentence splitter acts on: terminators and quotation marks (one ` or ' only in pairs) */
const MARKS = /[.!?…“«„”»"`']/g;

export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    spans.push({ start, end: start + m[0].length });
  }
  return spans;
}

/** The word (letters and inner dots) that ends right before `pos`. */
function wordBefore(text: string, pos: number): string {
  let i = pos;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1])) i--;
  return text.slice(i, pos);
}

function isBoundaryAfterPeriod(text: string, periodPos: number, nextWord: string): boolean {
  const word = wordBefore(text, periodPos);
  const lower = word.toLowerCase();
  const nextLower = nextWord.toLowerCase();
  if (TITLE_ABBREVIATIONS.has(lower)) return false;
  // A single initial ("J. K. Rowling") continues the sentence.
  if (/^\p{Lu}$/u.test(word)) return false;
  // Dotted abbreviations ("U.S.", "a.m.") and inline abbreviations end a sentence only when
  // a typical sentence starter follows.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || INLINE_ABBREVIATIONS.has(lower)) {
    return SENTENCE_STARTERS.has(nextLower);
  }
  return true;
}

interface TypewriterQuotes {
  /** `` opened and not yet closed */
  backticks: number;
  /** a '' opened without `` before it, not yet closed by another '' */
  twoOpen: boolean;
}

/** The state after a '': it closes a `` if one is open, else opens or closes a ''…'' quotation. */
const afterTwoApostrophes = (q: TypewriterQuotes): TypewriterQuotes =>
  q.backticks > 0 ? { ...q, backticks: q.backticks - 1 } : { ...q, twoOpen: !q.twoOpen };

/**
 * Sentence spans within one paragraph. A sentence never ends inside a quotation or after a
 * title abbreviation ("Mr. Putin").
 */
export function sentenceSpansOfParagraph(text: string, para: Span): Span[] {
  const spans: Span[] = [];
  let sentenceStart = para.start;
  let curlyDepth = 0;
  let straightOpen = false;
  // typewriter quotation marks of two characters: ``…'' (depth), or ''…'' (open/closed)
  let typewriter: TypewriterQuotes = { backticks: 0, twoOpen: false };
  let i = para.start;
  while (i < para.end) {
    // only quotation marks and terminators change anything: skip to the next one
    MARKS.lastIndex = i;
    const mark = MARKS.exec(text);
    if (!mark || mark.index >= para.end) break;
    i = mark.index;
    const ch = text[i];
    if (text.startsWith('``', i)) {
      typewriter = { ...typewriter, backticks: typewriter.backticks + 1 };
      i += 2;
      continue;
    }
    if (text.startsWith("''", i)) {
      typewriter = afterTwoApostrophes(typewriter);
      i += 2;
      continue;
    }
    if (OPENING_QUOTES.has(ch) && ch !== '‘') curlyDepth++;
    else if (ch === '”' || ch === '»') curlyDepth = Math.max(0, curlyDepth - 1);
    else if (ch === '"') straightOpen = !straightOpen;

    if (TERMINATORS.test(ch)) {
      let j = i + 1;
      while (j < para.end && TERMINATORS.test(text[j])) j++;
      // closing quotes/brackets belong to the sentence they close
      let depth: number = curlyDepth;
      let open: boolean = straightOpen;
      let marks: TypewriterQuotes = typewriter;
      while (j < para.end && CLOSERS.has(text[j])) {
        if (text.startsWith("''", j)) {
          marks = afterTwoApostrophes(marks);
          j += 2;
          continue;
        }
        if (text[j] === '”' || text[j] === '»') depth = Math.max(0, depth - 1);
        else if (text[j] === '"') open = !open;
        j++;
      }
      let k = j;
      while (k < para.end && /\s/.test(text[k])) k++;
      const insideQuote = depth > 0 || open || marks.backticks > 0 || marks.twoOpen;
      if (k > j && k < para.end && !insideQuote) {
        const next = text[k];
        const nextWordMatch = /^[\p{L}\p{N}]+/u.exec(text.slice(k, k + 40));
        const nextWord = nextWordMatch ? nextWordMatch[0] : '';
        const typewriterQuote = text.startsWith("''", k) || text.startsWith('``', k);
        const startsSentence = /[\p{Lu}\p{N}]/u.test(next) || OPENING_QUOTES.has(next) || next === '"' || next === '(' || next === '[' || typewriterQuote;
        const ok = startsSentence && (ch !== '.' || j - i > 1 || isBoundaryAfterPeriod(text, i, nextWord));
        if (ok) {
          spans.push({ start: sentenceStart, end: j });
          sentenceStart = k;
        }
      }
      // quote state advances past the closers we consumed
      curlyDepth = depth;
      straightOpen = open;
      typewriter = marks;
      i = j;
      continue;
    }
    i++;
  }
  if (sentenceStart < para.end) {
    let end = para.end;
    while (end > sentenceStart && /\s/.test(text[end - 1])) end--;
    if (end > sentenceStart) spans.push({ start: sentenceStart, end });
  }
  return spans;
}

export function sentenceSpans(text: string, paragraphs: Span[]): Span[] {
  return paragraphs.flatMap((p) => sentenceSpansOfParagraph(text, p));
}

export { CLOSING_QUOTES, OPENING_QUOTES };
