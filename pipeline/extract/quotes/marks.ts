import type { Doc, Span } from '../document.ts';

/**
 * Direct-quotation spans from quotation marks, shared by coreference (which must not take
 * antecedents from inside a quote for a pronoun outside it) and the quote extractor.
 *
 * Content spans exclude the marks. A quote left open at the end of a paragraph continues when
 * the next paragraph opens with a quotation mark (the news convention for multi-paragraph
 * quotes); otherwise it ends with its paragraph. Single marks (‘…’) count as top-level quotes
 * only outside double quotes and when a matching closing mark follows in the paragraph; inside
 * double quotes they are nested quotes and stay part of the content. Two apostrophes (`''`) or two
 * backticks (``` `` ```) make a double quotation mark, as in typewriter-style and Treebank text.
 */
export interface QuoteMarks extends Span {
  /** offset of the opening mark */
  open: number;
  /** offset of the closing mark (of its last character: `''` is two), or -1 when the quote ends with its paragraph */
  close: number;
  /** paragraphs the quote spans [first, last] */
  firstParagraph: number;
  lastParagraph: number;
}

const isSpace = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0' || (c > '\u007f' && /\s/.test(c));
const isLetter = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c > '\u007f' && /[\p{L}\p{N}]/u.test(c)));
/** the only characters the scanner stops at */
const MARK_CHARS = /[“”"‘’'`]/g;

/**
 * A two-character double quote at i: `''` (typewriter style, as in many news archives) or the
 * opening ``` `` ``` of Penn Treebank and Gigaword text, closed by `''`.
 */
function pairMark(text: string, i: number): "''" | '``' | undefined {
  const c = text[i];
  if (c === "'" && text[i + 1] === "'") return "''";
  if (c === '`' && text[i + 1] === '`') return '``';
  return undefined;
}

/** A straight double quote opens when it is not preceded by a word character. */
function straightOpens(text: string, i: number, paraStart: number): boolean {
  const prev = i > paraStart ? text[i - 1] : undefined;
  return prev === undefined || isSpace(prev) || /[([{—–-]/.test(prev);
}

function findSingleClose(text: string, from: number, end: number): number {
  for (let j = from; j < end; j++) {
    // an apostrophe inside a word ("it’s") or after s ("voters’ rights") is not a closing mark
    if ((text[j] === '’' || text[j] === "'") && !isLetter(text[j + 1]) && !isSpace(text[j - 1]) && text[j - 1] !== 's') return j;
    if (text[j] === '“' || text[j] === '”') return -1;
  }
  return -1;
}

/** Results per document object, reused while its text and paragraphs are unchanged. */
const cache = new WeakMap<object, { text: string; paragraphs: Span[]; marks: QuoteMarks[] }>();

/**
 * The direct-quotation spans of a document, in text order. Entities, coreference, time and
 * quotes all ask for them; the result is computed once per document and shared, so callers must
 * not modify it.
 */
export function findQuoteMarks(doc: Pick<Doc, 'text' | 'paragraphs'>): QuoteMarks[] {
  const hit = cache.get(doc);
  if (hit && hit.text === doc.text && hit.paragraphs === doc.paragraphs) return hit.marks;
  const marks = scanQuoteMarks(doc.text, doc.paragraphs);
  cache.set(doc, { text: doc.text, paragraphs: doc.paragraphs, marks });
  return marks;
}

function scanQuoteMarks(text: string, paragraphs: Span[]): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  // a quote still open from the previous paragraph
  let carry: { open: number; start: number; firstParagraph: number; mark: string } | undefined;
  paragraphs.forEach((para, pi) => {
    let i = para.start;
    while (i < para.end && isSpace(text[i])) i++;
    let open: { open: number; start: number; firstParagraph: number; mark: string } | undefined;
    if (carry) {
      const c = text[i];
      const pair = pairMark(text, i);
      if (pair && (carry.mark === "''" || carry.mark === '``')) {
        open = carry;
        i += 2;
      } else if (c === '“' || c === '"' || (carry.mark === '‘' && c === '‘')) {
        open = carry;
        i++;
      } else {
        closeAt(carry, paragraphs[pi - 1].end, -1, pi - 1);
      }
      carry = undefined;
    }
    let nested = 0;
    for (; i < para.end; i++) {
      MARK_CHARS.lastIndex = i;
      const found = MARK_CHARS.exec(text);
      if (!found || found.index >= para.end) break;
      i = found.index;
      const c = text[i];
      const pair = pairMark(text, i);
      if (!open) {
        if (pair && straightOpens(text, i, para.start)) {
          open = { open: i, start: i + 2, firstParagraph: pi, mark: pair };
          i++;
        } else if (c === '“' || (c === '"' && straightOpens(text, i, para.start))) {
          open = { open: i, start: i + 1, firstParagraph: pi, mark: c };
        } else if ((c === '‘' || c === "'") && straightOpens(text, i, para.start) && isLetter(text[i + 1])) {
          const close = findSingleClose(text, i + 1, para.end);
          if (close > 0) {
            out.push(make(i, i + 1, close, close, pi, pi));
            i = close;
          }
        }
        continue;
      }
      // a closing mark typed the wrong way ("…,“ he said" or “…," he said): a mark that follows
      // a word or punctuation and is followed by a space or the paragraph's end closes the quote
      const closesLikeEnd = !isSpace(text[i - 1]) && (i + 1 >= para.end || isSpace(text[i + 1]));
      if (open.mark === '“') {
        if (c === '“' && !(nested === 0 && closesLikeEnd)) nested++;
        else if (c === '”' || c === '“' || (c === '"' && nested === 0 && closesLikeEnd)) {
          if (nested > 0) nested--;
          else {
            closeAt(open, i, i, pi);
            open = undefined;
          }
        }
      } else if (open.mark === "''" || open.mark === '``') {
        // the closing mark's offset is its second character's, so that close + 1 is past it
        if (pair === "''") {
          closeAt(open, i, i + 1, pi);
          open = undefined;
        }
        if (pair) i++;
      } else if (open.mark === '"' && (c === '"' || c === '”')) {
        closeAt(open, i, i, pi);
        open = undefined;
      } else if (open.mark === '‘' && c === '’' && !isLetter(text[i + 1])) {
        closeAt(open, i, i, pi);
        open = undefined;
      }
    }
    if (open) carry = open;
  });
  if (carry) closeAt(carry, paragraphs[paragraphs.length - 1].end, -1, paragraphs.length - 1);
  return out.sort((a, b) => a.start - b.start);

  function make(openPos: number, start: number, end: number, close: number, p0: number, p1: number): QuoteMarks {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    return { open: openPos, start: s, end: e, close, firstParagraph: p0, lastParagraph: p1 };
  }
  function closeAt(o: { open: number; start: number; firstParagraph: number }, end: number, close: number, p: number): void {
    const q = make(o.open, o.start, end, close, o.firstParagraph, p);
    if (q.end > q.start) out.push(q);
  }
}

/** Membership test for "inside a direct quote" (content or its marks), by binary search. */
export function quoteTester(marks: QuoteMarks[]): (pos: number) => boolean {
  const spans = marks.map((m) => ({ start: m.open, end: m.close >= 0 ? m.close + 1 : m.end }));
  return (pos: number): boolean => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end <= pos) lo = mid + 1;
      else if (spans[mid].start > pos) hi = mid - 1;
      else return true;
    }
    return false;
  };
}
