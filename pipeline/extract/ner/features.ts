/**
 * Feature extraction for the NER tagger, shared by training and inference so the two can never
 * drift apart. Features are strings hashed to 32-bit integers (FNV-1a): the model file then holds
 * only hashes and weights, never readable training-set words.
 */

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof TYPES)[number];

/** BILOU tag set: 0 = O, then B/I/L/U for each type. */
export const TAGS: string[] = ['O'];
for (const t of TYPES) for (const p of ['B', 'I', 'L', 'U']) TAGS.push(`${p}-${t}`);
export const NUM_TAGS = TAGS.length;

export const O = 0;
export const tagOf = (type: number, part: 'B' | 'I' | 'L' | 'U'): number => 1 + type * 4 + 'BILU'.indexOf(part);
export const typeOfTag = (tag: number): number => (tag === O ? -1 : (tag - 1) >> 2);
export const partOfTag = (tag: number): string => (tag === O ? 'O' : 'BILU'[(tag - 1) & 3]);

/**
 * allowed[prev * NUM_TAGS + next]: BILOU well-formedness. prev = NUM_TAGS stands for the sentence
 * start. Greedy decoding only ever picks allowed tags, so every output decodes to clean spans.
 */
export const allowed: Uint8Array = (() => {
  const a = new Uint8Array((NUM_TAGS + 1) * NUM_TAGS);
  for (let prev = 0; prev <= NUM_TAGS; prev++) {
    const open = prev < NUM_TAGS && (partOfTag(prev) === 'B' || partOfTag(prev) === 'I');
    for (let next = 0; next < NUM_TAGS; next++) {
      const part = partOfTag(next);
      const ok = open
        ? (part === 'I' || part === 'L') && typeOfTag(next) === typeOfTag(prev)
        : part === 'O' || part === 'B' || part === 'U';
      a[prev * NUM_TAGS + next] = ok ? 1 : 0;
    }
  }
  return a;
})();

/** FNV-1a; `seed` continues a hash, so fnv1a(a + b) === fnv1a(b, fnv1a(a)). */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// anything outside printable ASCII may need mapping
const NON_ASCII = /[^ -~]/;

/** News text uses typographic quotes and dashes; CoNLL (the training data) uses ASCII. */
export function normalizeToken(w: string): string {
  if (!NON_ASCII.test(w)) return w;
  return w
    .replace(/[’‘‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/…/g, '...');
}

/** Word shape with character classes; runs longer than 3 are cut so lengths generalize. */
function longShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    const code = ch.charCodeAt(0);
    // ASCII fast path: shapes are computed for every token at inference
    const c =
      code >= 65 && code <= 90 ? 'X'
      : code >= 97 && code <= 122 ? 'x'
      : code >= 48 && code <= 57 ? 'd'
      : code < 128 ? ch
      : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c === last) run++;
    else {
      last = c;
      run = 1;
    }
    if (run <= 3) out += c;
  }
  return out;
}

/** Collapsed shape: every run of the same class becomes one character ("Xx", "X.X.", "d-x"). */
function shortShape(w: string): string {
  let out = '';
  for (const ch of longShape(w)) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

const HAS_LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** A sentence with no lower-case letter at all: a CoNLL-style headline or dateline. */
export function isAllCaps(words: string[]): boolean {
  let upper = 0;
  for (const w of words) {
    if (HAS_LOWER.test(w)) return false;
    if (HAS_UPPER.test(w)) upper++;
  }
  return upper > 0;
}

/** Lower-cased form with digits folded, used for word-identity features. */
const fold = (w: string): string => w.toLowerCase().replace(/\d/g, '0');

export interface DocInput {
  /** token texts per sentence */
  sentences: string[][];
}

/**
 * How each lower-cased word is written elsewhere in the document, in mixed-case sentences and not
 * sentence-initially: 'U' capitalized, 'l' lower-case, 'Ul' both. Tells a headline's "BRUSSELS"
 * or a sentence-initial "Police" whether the word is a name.
 */
function docCasing(sentences: string[][], caps: boolean[]): Map<string, string> {
  const seen = new Map<string, number>();
  sentences.forEach((words, s) => {
    if (caps[s]) return;
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (!HAS_LETTER.test(w)) continue;
      const prev = words[i - 1];
      // after an opening quote or colon a capital may just start a clause
      if (prev === '"' || prev === ':' || prev === "'") continue;
      const k = w.toLowerCase();
      seen.set(k, (seen.get(k) ?? 0) | (STARTS_UPPER.test(w) ? 1 : 2));
    }
  });
  const out = new Map<string, string>();
  for (const [k, v] of seen) out.set(k, v === 1 ? 'U' : v === 2 ? 'l' : 'Ul');
  return out;
}

/** A token's static features: those of the word itself (one shared array per distinct word, so
 * scorers can cache their sum) and those of its context. */
export interface TokenFeatures {
  word: Uint32Array;
  ctx: Uint32Array;
}

function hashAll(f: string[]): Uint32Array {
  const out = new Uint32Array(f.length);
  for (let k = 0; k < f.length; k++) out[k] = fnv1a(f[k]);
  return out;
}

const wordCache = new Map<string, Uint32Array>();

/** Features of the word alone; `c` is 'C' in all-caps sentences, where case says nothing. */
function wordFeatures(w: string, c: string): Uint32Array {
  const key = c + w;
  let out = wordCache.get(key);
  if (out) return out;
  const f: string[] = [];
  const lw = w.toLowerCase();
  f.push('b', 'l=' + fold(w), 'sh=' + c + shortShape(w), 'ls=' + c + longShape(w));
  if (!c) f.push('w=' + w);
  for (let k = 1; k <= 4; k++) {
    if (lw.length > k) f.push(`p${k}=${lw.slice(0, k)}`, `s${k}=${lw.slice(-k)}`);
  }
  if (w.length > 1 && w.includes('-')) {
    const parts = lw.split('-');
    f.push('h0=' + parts[0], 'h1=' + parts[parts.length - 1]);
  }
  out = hashAll(f);
  // bounded, so a long-running process does not grow without limit
  if (wordCache.size >= 200_000) wordCache.clear();
  wordCache.set(key, out);
  return out;
}

/** Static (tag-independent) feature hashes for every token, per sentence. */
export function staticFeatures(doc: DocInput): TokenFeatures[][] {
  const sents = doc.sentences.map((ws) => ws.map(normalizeToken));
  const caps = sents.map(isAllCaps);
  const casing = docCasing(sents, caps);
  return sents.map((words, s) => {
    const capsS = caps[s];
    const c = capsS ? 'C' : '';
    const folded = words.map(fold);
    const shapes = words.map((w) => c + shortShape(w));
    const n = words.length;
    const L = (i: number): string => (i < 0 ? '<S>' : i >= n ? '</S>' : folded[i]);
    const S = (i: number): string => (i < 0 ? '<S>' : i >= n ? '</S>' : shapes[i]);
    return words.map((w, i) => {
      const f: string[] = [];
      const l0 = folded[i];
      f.push('l-1=' + L(i - 1), 'l+1=' + L(i + 1), 'l-2=' + L(i - 2), 'l+2=' + L(i + 2));
      f.push('s-1=' + S(i - 1), 's+1=' + S(i + 1), 's-2=' + S(i - 2), 's+2=' + S(i + 2));
      f.push(`l-1l0=${L(i - 1)}|${l0}`, `l0l+1=${l0}|${L(i + 1)}`, `l-1l+1=${L(i - 1)}|${L(i + 1)}`);
      f.push(`s-1s0s+1=${S(i - 1)}|${shapes[i]}|${S(i + 1)}`);
      f.push(`s0l+1=${shapes[i]}|${L(i + 1)}`, `l-1s0=${L(i - 1)}|${shapes[i]}`);
      if (i === 0) f.push('first', 'first|' + l0, 'first|' + shapes[i]);
      if (i === n - 1) f.push('last');
      if (capsS) f.push('caps', 'capsn=' + Math.min(n, 6));
      if (HAS_LETTER.test(w)) {
        const dc = casing.get(w.toLowerCase()) ?? '-';
        f.push('dc=' + dc, `dc=${dc}|${shapes[i]}`, `dc=${dc}|${i === 0 ? 'first' : 'in'}`);
      }
      return { word: wordFeatures(w, c), ctx: hashAll(f) };
    });
  });
}

const tagName = (t: number): string => (t === NUM_TAGS ? '<S>' : TAGS[t]);
// Hashes of the tag-only parts, precomputed (index NUM_TAGS = sentence start): decoding is hot.
const H_T1: number[] = [];
const H_T1W: number[] = [];
const H_T2T1: number[] = [];
for (let a = 0; a <= NUM_TAGS; a++) {
  H_T1.push(fnv1a('t-1=' + tagName(a)));
  H_T1W.push(fnv1a(`t-1l0=${tagName(a)}|`));
  for (let b = 0; b <= NUM_TAGS; b++) H_T2T1.push(fnv1a(`t-2t-1=${tagName(a)}|${tagName(b)}`));
}

export function historyFeatures(out: number[], tags: ArrayLike<number>, i: number, folded: string): void {
  const t1 = i > 0 ? tags[i - 1] : NUM_TAGS;
  const t2 = i > 1 ? tags[i - 2] : NUM_TAGS;
  out.push(H_T1[t1], H_T2T1[t2 * (NUM_TAGS + 1) + t1], fnv1a(folded, H_T1W[t1]));
}

/**
 * Document-level features for the second pass, from the first pass's tags: how the same word is
 * tagged elsewhere in the document (a later "Merkel" borrows "Angela Merkel"'s PER), plus the
 * first pass's own tags around the token (lookahead the greedy left-to-right pass lacks).
 */
export function docFeatures(doc: DocInput, pass1: Uint8Array[]): Uint32Array[][] {
  const keys = doc.sentences.map((ws) => ws.map((w) => normalizeToken(w).toLowerCase()));
  // type votes of every capitalized-word occurrence: key -> counts per [O, PER, ORG, LOC, MISC]
  const votes = new Map<string, number[]>();
  const firstTag = new Map<string, number>();
  keys.forEach((ks, s) =>
    ks.forEach((k, i) => {
      if (!STARTS_UPPER.test(doc.sentences[s][i])) return;
      let v = votes.get(k);
      if (!v) votes.set(k, (v = [0, 0, 0, 0, 0]));
      v[typeOfTag(pass1[s][i]) + 1]++;
      if (!firstTag.has(k)) firstTag.set(k, pass1[s][i]);
    }),
  );
  const typeName = (t: number): string => (t < 0 ? 'O' : TYPES[t]);
  return keys.map((ks, s) => {
    const tags = pass1[s];
    return ks.map((k, i) => {
      const f: string[] = [];
      const own = tags[i];
      const next = i + 1 < ks.length ? TAGS[tags[i + 1]] : '</S>';
      const prev = i > 0 ? TAGS[tags[i - 1]] : '<S>';
      f.push('q0=' + TAGS[own], 'q+1=' + next, `q-1q0q+1=${prev}|${TAGS[own]}|${next}`);
      const v = votes.get(k);
      if (v && HAS_LETTER.test(k)) {
        // votes from the other occurrences only
        const others = v.slice();
        if (STARTS_UPPER.test(doc.sentences[s][i])) others[typeOfTag(own) + 1]--;
        let best = -1;
        let total = 0;
        for (let t = 0; t < 5; t++) {
          total += others[t];
          if (others[t] > 0 && (best < 0 || others[t] > others[best])) best = t;
        }
        if (total > 0) {
          f.push('dm=' + typeName(best - 1), `dm=${typeName(best - 1)}|${TAGS[own]}`);
          for (let t = 1; t < 5; t++) if (others[t] > 0) f.push('da=' + TYPES[t - 1]);
        }
        const ft = firstTag.get(k);
        if (ft !== undefined) f.push('df=' + TAGS[ft]);
      }
      const out = new Uint32Array(f.length);
      for (let j = 0; j < f.length; j++) out[j] = fnv1a(f[j]);
      return out;
    });
  });
}

export const foldWord = fold;
