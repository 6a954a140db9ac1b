import type { Doc, Token } from '../document.ts';

/**
 * Flat per-token arrays of a document, built once and shared by coreference, quotes, relations
 * and events: walking the token objects (and lower-casing every word) was a large part of each
 * component's cost, and every one of them did it again.
 */
export interface TokenTable {
  texts: string[];
  /** lower-cased token texts */
  lows: string[];
  starts: Int32Array;
  ends: Int32Array;
  /** sentence index of each token */
  sentences: Int32Array;
}

/** keyed by the token array: a re-tokenized document gets a fresh table */
const CACHE = new WeakMap<Token[], TokenTable>();

/** the last table handed out: most calls come in runs for one document, and skip the WeakMap */
let lastTokens: Token[] | undefined;
let lastTable: TokenTable | undefined;

export function tokenTable(doc: Pick<Doc, 'tokens'>): TokenTable {
  const toks = doc.tokens;
  if (toks === lastTokens && lastTable && lastTable.texts.length === toks.length) return lastTable;
  const table = cachedTable(toks);
  lastTokens = toks;
  lastTable = table;
  return table;
}

function cachedTable(toks: Token[]): TokenTable {
  const hit = CACHE.get(toks);
  if (hit && hit.texts.length === toks.length) return hit;
  const n = toks.length;
  const texts = new Array<string>(n);
  const lows = new Array<string>(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const sentences = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    // The tokenizer builds each token by object spread, which gives every token a hidden class of
    // its own: named field loads on them are megamorphic and slow. Object.values reads all five
    // fields in one call, several times faster; the checks make sure they are the fields in the
    // tokenizer's order (start, end, text, index, sentence), else the named loads are used.
    const v = Object.values(t) as unknown[];
    const s = v[0];
    const e = v[1];
    const text = v[2];
    const index = v[3];
    const sentence = v[4];
    if (v.length === 5 && typeof s === 'number' && typeof e === 'number' && typeof text === 'string' && text.length === e - s && index === i && typeof sentence === 'number') {
      starts[i] = s;
      ends[i] = e;
      texts[i] = text;
      sentences[i] = sentence;
    } else {
      starts[i] = t.start;
      ends[i] = t.end;
      texts[i] = t.text;
      sentences[i] = t.sentence;
    }
    lows[i] = texts[i].toLowerCase();
  }
  const table: TokenTable = { texts, lows, starts, ends, sentences };
  CACHE.set(toks, table);
  return table;
}
