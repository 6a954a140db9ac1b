import type { Doc, Token } from './document.ts';

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

export function tokenTable(doc: Pick<Doc, 'tokens'>): TokenTable {
  const toks = doc.tokens;
  const hit = CACHE.get(toks);
  if (hit && hit.texts.length === toks.length) return hit;
  const n = toks.length;
  const table: TokenTable = {
    texts: new Array<string>(n),
    lows: new Array<string>(n),
    starts: new Int32Array(n),
    ends: new Int32Array(n),
    sentences: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    table.texts[i] = t.text;
    table.lows[i] = t.text.toLowerCase();
    table.starts[i] = t.start;
    table.ends[i] = t.end;
    table.sentences[i] = t.sentence;
  }
  CACHE.set(toks, table);
  return table;
}
