/**
 * Feature extraction for the NER tagger, shared by training and inference so the two can never
 * drift apart. Features are 32-bit integer hashes built without feature strings: every distinct
 * word gets FNV-1a hashes of its forms once (cached), and a feature is a template id mixed with
 * those hashes (murmur3's finalizer). The model file then holds only hashes and weights, never
 * readable training-set words.
 */
import { fnv1a, mix as MIX_EXPORT } from './hash.ts';
import {
  Gazetteer,
  GAZ_CATEGORIES,
  GAZ_DICT_CAP,
  GAZ_DICT_LOWER,
  GAZ_FIRST_NAME,
  GAZ_MAX_TOKENS,
  ngramStart as NGRAM_START_EXPORT,
  ngramNext as NGRAM_NEXT_EXPORT,
} from './gazetteer.ts';
import { WordClusters, pathPrefix } from './clusters.ts';

// Local copies: the module loader may turn imported bindings into getters, too slow in hot loops.
const mix = MIX_EXPORT;
const ngramStart = NGRAM_START_EXPORT;
const ngramNext = NGRAM_NEXT_EXPORT;

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

/** isOpen[tag]: the tag (B or I) leaves a span open; index NUM_TAGS = sentence start. */
export const isOpen: Uint8Array = Uint8Array.from({ length: NUM_TAGS + 1 }, (_, t) => (t < NUM_TAGS && !allowed[t * NUM_TAGS + O] ? 1 : 0));

function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
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
    // ASCII fast path
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
function shortShape(long: string): string {
  let out = '';
  for (const ch of long) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

const HAS_LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** Lower-cased form with digits folded, used for word-identity features. */
export const foldWord = (w: string): string => w.toLowerCase().replace(/\d/g, '0');

// Feature template ids.
const T = (name: string): number => fnv1a(name);
const F_BIAS = T('b');
const F_W = T('w');
const F_L = T('l');
const F_SH = T('sh');
const F_LS = T('ls');
const F_SHC = T('shC');
const F_LSC = T('lsC');
const F_PRE = [0, 1, 2, 3, 4].map((k) => T('p' + k));
const F_SUF = [0, 1, 2, 3, 4].map((k) => T('s' + k));
const F_H0 = T('h0');
const F_H1 = T('h1');
const F_DICT = T('dict');
const F_DICT_SH = T('dict|sh');
const F_LM1 = T('l-1');
const F_LP1 = T('l+1');
const F_LM2 = T('l-2');
const F_LP2 = T('l+2');
const F_SM1 = T('s-1');
const F_SP1 = T('s+1');
const F_SM2 = T('s-2');
const F_SP2 = T('s+2');
const F_LM1L0 = T('l-1l0');
const F_L0LP1 = T('l0l+1');
const F_LM1LP1 = T('l-1l+1');
const F_S3 = T('s-1s0s+1');
const F_S0LP1 = T('s0l+1');
const F_LM1S0 = T('l-1s0');
const F_FIRST = T('first');
const F_FIRST_L = T('first|l');
const F_FIRST_S = T('first|s');
const F_FIRST_DICT = T('first|dict');
const F_LAST = T('last');
const F_CAPS = T('caps');
const F_CAPSN = T('capsn');
const F_DC = T('dc');
const F_DC_S = T('dc|s');
const F_DC_POS = T('dc|pos');
const F_DC_DICT = T('dc|dict');
const F_GAZ = T('gaz');
const F_GAZ_UP = T('gaz|up');
const F_GAZ_LONG = T('gaz|long');
const F_DICT_M1 = T('dict-1');
const F_DICT_P1 = T('dict+1');
/** word-cluster path prefixes of these lengths (bits) are features of the word itself */
const CLUSTER_PREFIXES = [4, 6, 10, 14];
const F_CL = CLUSTER_PREFIXES.map((k) => T('cl' + k));
const F_CL_NONE = T('cl-none');
const F_CL_SH = T('cl6|sh');
/** the prefix seen from neighbour positions */
const NEIGHBOUR_CLUSTER_BITS = 6;
const BOS = T('<S>');
const EOS = T('</S>');

/** What the featurizer knows about one distinct (normalized) token string. */
export interface WordInfo {
  lower: string;
  /** hash of the lower-cased form, for gazetteer n-grams */
  lowerHash: number;
  /** hash of the folded form (lower case, digits as 0) */
  fold: number;
  shape: number;
  shapeC: number;
  hasLetter: boolean;
  startsUpper: boolean;
  hasLower: boolean;
  hasUpper: boolean;
  /** gazetteer single-word dictionary flags */
  dict: number;
  /** hash of the word's cluster-path prefix seen from neighbour positions (0 when not clustered) */
  clusterN: number;
  /** no upper-case letter and no digit: decoded as O unless a span is open (see decodeSentence) */
  plain: boolean;
  /** word features in mixed-case and in all-caps sentences */
  feats: Uint32Array;
  featsC: Uint32Array;
  /** inference only: memoized score vectors of this word's features (both passes), per casing
   * (see tagger.ts) */
  memo: (Int32Array | undefined)[];
}

/** Static features of one sentence: per-token word features (shared arrays, cached per word) and
 * the context features of all tokens in one flat array. */
export interface SentenceFeatures {
  n: number;
  word: Uint32Array[];
  ctx: Uint32Array;
  /** ctx features of token i are ctx[off[i]..off[i+1]) */
  off: Uint32Array;
  /** folded-word hash per token, for history features */
  fold: Uint32Array;
  /** tokens decoded as O when no span is open (WordInfo.plain) */
  plain: Uint8Array;
}

/** What context features are computed from, for one sentence (see Featurizer.context). */
export interface SentenceState {
  n: number;
  ws: WordInfo[];
  caps: boolean;
  /** gazetteer match codes per token (Featurizer.gazetteerMatches); null when nothing matched */
  gaz: Uint32Array | null;
  casing: Map<string, number>;
}

export interface DocInput {
  /** token texts per sentence */
  sentences: string[][];
}

/** A sentence with no lower-case letter at all: a CoNLL-style headline or dateline. */
function isAllCapsInfo(infos: WordInfo[]): boolean {
  let upper = 0;
  for (const w of infos) {
    if (w.hasLower) return false;
    if (w.hasUpper) upper++;
  }
  return upper > 0;
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

/** History features of token i given the tags decided so far; appends 3 hashes to `out`. */
export function historyFeatures(out: Uint32Array, tags: ArrayLike<number>, i: number, fold: number): void {
  const t1 = i > 0 ? tags[i - 1] : NUM_TAGS;
  const t2 = i > 1 ? tags[i - 2] : NUM_TAGS;
  out[0] = H_T1[t1];
  out[1] = H_T2T1[t2 * (NUM_TAGS + 1) + t1];
  out[2] = mix(H_T1W[t1], fold);
}
export const NUM_HISTORY = 3;

/** Upper bound on the context features of one token. */
export const MAX_CONTEXT = 32 + GAZ_CATEGORIES * 2;

/** Neighbour-word features: token j's folded word and shape in a relative position (role 0 = -1,
 * 1 = +1, 2 = -2, 3 = +2). Word-only, so inference memoizes their scores per word. */
const ROLE_L = [F_LM1, F_LP1, F_LM2, F_LP2];
const ROLE_S = [F_SM1, F_SP1, F_SM2, F_SP2];
const ROLE_C = [T('c-1'), T('c+1'), T('c-2'), T('c+2')];
export const NEIGHBOUR_ROLES = 4;
export const NEIGHBOUR_FEATURES = 3;
export function neighbourFeatures(out: Uint32Array, role: number, fold: number, shape: number, cluster: number): void {
  out[0] = mix(ROLE_L[role], fold);
  out[1] = mix(ROLE_S[role], shape);
  out[2] = mix(ROLE_C[role], cluster);
}
export const BOUNDARY = { BOS, EOS };

/**
 * Context features of token i, written to out[k..]; returns the new end. Without `neighbours`
 * the word/shape-at-offset features (neighbourFeatures) are left out.
 */
export function contextFeatures(st: SentenceState, i: number, ctx: Uint32Array, k: number, neighbours: boolean): number {
  const { n, ws, caps } = st;
  const w = ws[i];
  const l0 = w.fold;
  const s0 = caps ? w.shapeC : w.shape;
  const lm1 = i > 0 ? ws[i - 1].fold : BOS;
  const lp1 = i + 1 < n ? ws[i + 1].fold : EOS;
  const sm1 = i > 0 ? (caps ? ws[i - 1].shapeC : ws[i - 1].shape) : BOS;
  const sp1 = i + 1 < n ? (caps ? ws[i + 1].shapeC : ws[i + 1].shape) : EOS;
  const d0 = w.dict | (w.startsUpper ? 16 : 0);
  const dm1 = i > 0 ? ws[i - 1].dict | (ws[i - 1].startsUpper ? 16 : 0) : BOS;
  const dp1 = i + 1 < n ? ws[i + 1].dict | (ws[i + 1].startsUpper ? 16 : 0) : EOS;
  if (neighbours) {
    ctx[k++] = mix(F_LM1, lm1);
    ctx[k++] = mix(F_LP1, lp1);
    ctx[k++] = mix(F_LM2, i > 1 ? ws[i - 2].fold : BOS);
    ctx[k++] = mix(F_LP2, i + 2 < n ? ws[i + 2].fold : EOS);
    ctx[k++] = mix(F_SM1, sm1);
    ctx[k++] = mix(F_SP1, sp1);
    ctx[k++] = mix(F_SM2, i > 1 ? (caps ? ws[i - 2].shapeC : ws[i - 2].shape) : BOS);
    ctx[k++] = mix(F_SP2, i + 2 < n ? (caps ? ws[i + 2].shapeC : ws[i + 2].shape) : EOS);
    ctx[k++] = mix(ROLE_C[0], i > 0 ? ws[i - 1].clusterN : BOS);
    ctx[k++] = mix(ROLE_C[1], i + 1 < n ? ws[i + 1].clusterN : EOS);
    ctx[k++] = mix(ROLE_C[2], i > 1 ? ws[i - 2].clusterN : BOS);
    ctx[k++] = mix(ROLE_C[3], i + 2 < n ? ws[i + 2].clusterN : EOS);
  }
  ctx[k++] = mix3(F_LM1L0, lm1, l0);
  ctx[k++] = mix3(F_L0LP1, l0, lp1);
  ctx[k++] = mix3(F_LM1LP1, lm1, lp1);
  ctx[k++] = mix3(mix(F_S3, sm1), s0, sp1);
  ctx[k++] = mix3(F_S0LP1, s0, lp1);
  ctx[k++] = mix3(F_LM1S0, lm1, s0);
  ctx[k++] = mix3(F_DICT_M1, dm1, d0);
  ctx[k++] = mix3(F_DICT_P1, dp1, d0);
  if (i === 0) {
    ctx[k++] = F_FIRST;
    ctx[k++] = mix(F_FIRST_L, l0);
    ctx[k++] = mix(F_FIRST_S, s0);
    ctx[k++] = mix3(F_FIRST_DICT, w.dict, s0);
  }
  if (i === n - 1) ctx[k++] = F_LAST;
  if (caps) {
    ctx[k++] = F_CAPS;
    ctx[k++] = mix(F_CAPSN, Math.min(n, 6));
  }
  if (w.hasLetter) {
    const dc = st.casing.get(w.lower) ?? 0;
    ctx[k++] = mix(F_DC, dc);
    ctx[k++] = mix3(F_DC_S, dc, s0);
    ctx[k++] = mix3(F_DC_POS, dc, i === 0 ? 1 : 0);
    ctx[k++] = mix3(F_DC_DICT, dc, w.dict);
  }
  // gazetteer: for each category, this token's part (B/I/L/U) of the longest match
  const g = st.gaz === null ? 0 : st.gaz[i];
  if (g !== 0) {
    for (let c = 0; c < GAZ_CATEGORIES; c++) {
      const code = (g >>> (c * 3)) & 7;
      if (code === 0) continue;
      ctx[k++] = mix3(F_GAZ, c, code);
      ctx[k++] = mix3(F_GAZ_UP, c * 8 + code, w.startsUpper ? 1 : 0);
    }
    ctx[k++] = mix(F_GAZ_LONG, g);
  }
  return k;
}

const Q0 = T('q0');
const Q1 = T('q+1');
const Q3 = T('q-1q0q+1');
const DM = T('dm');
const DM_OWN = T('dm|own');
const DA = T('da');
const DF = T('df');
const DN = T('dn');

/** Featurizer.gazetteerMatches's scratch: per token and category, the longest match so far */
let gazetteerBest = new Uint8Array(1024);

/**
 * Words cached per turn of the cache (see Featurizer.remember), ~1.5 KB each with their score
 * memos. Over the BBC corpus repeated ×10 (26,000 distinct tokens), two turns of 8,000 held each
 * extraction worker's heap and typed arrays to ~65 MB against ~90 MB with every word cached, and
 * computed 5% of the tokens' features again (README, "Speed and memory").
 */
export const CACHED_WORDS_PER_TURN = 8000;

/**
 * Turns tokens into feature hashes. Holds the gazetteer and a bounded per-word cache, so one
 * instance serves a whole process.
 */
export class Featurizer {
  /** words seen since the cache last turned over, and those of the turn before */
  private cache = new Map<string, WordInfo>();
  private previous = new Map<string, WordInfo>();
  constructor(
    readonly gazetteer: Gazetteer,
    readonly clusters: WordClusters = WordClusters.empty(),
    private readonly wordsPerTurn = CACHED_WORDS_PER_TURN,
  ) {}

  private info(raw: string): WordInfo {
    let inf = this.cache.get(raw);
    if (inf) return inf;
    inf = this.previous.get(raw);
    if (inf) return this.remember(raw, inf);
    const w = normalizeToken(raw);
    const lower = w.toLowerCase();
    const folded = foldWord(w);
    const long = longShape(w);
    const short = shortShape(long);
    const lowerHash = fnv1a(lower);
    const fold = fnv1a(folded);
    const shape = fnv1a(short);
    const hasLetter = HAS_LETTER.test(w);
    const dict = hasLetter ? this.gazetteer.get(ngramStart(lowerHash)) & (GAZ_DICT_LOWER | GAZ_DICT_CAP | GAZ_FIRST_NAME) : 0;
    const common: number[] = [F_BIAS, mix(F_L, fold)];
    for (let k = 1; k <= 4; k++) {
      if (lower.length > k) common.push(mix(F_PRE[k], fnv1a(lower.slice(0, k))), mix(F_SUF[k], fnv1a(lower.slice(-k))));
    }
    if (w.length > 1 && w.includes('-')) {
      const parts = lower.split('-');
      common.push(mix(F_H0, fnv1a(parts[0])), mix(F_H1, fnv1a(parts[parts.length - 1])));
    }
    if (hasLetter) common.push(mix(F_DICT, dict));
    const path = this.clusters.pathOf(w);
    if (path !== 0) {
      CLUSTER_PREFIXES.forEach((bits, k) => common.push(mix(F_CL[k], pathPrefix(path, bits))));
      common.push(mix3(F_CL_SH, pathPrefix(path, 6), shape));
    } else common.push(F_CL_NONE);
    const feats = Uint32Array.from([...common, mix(F_W, fnv1a(w)), mix(F_SH, shape), mix(F_LS, fnv1a(long)), mix3(F_DICT_SH, dict, shape)]);
    const shapeC = mix(F_SHC, shape);
    const featsC = Uint32Array.from([...common, shapeC, mix(F_LSC, fnv1a(long)), mix3(F_DICT_SH, dict, shapeC)]);
    inf = {
      lower,
      lowerHash,
      fold,
      shape,
      shapeC,
      hasLetter,
      startsUpper: STARTS_UPPER.test(w),
      hasLower: HAS_LOWER.test(w),
      hasUpper: HAS_UPPER.test(w),
      dict,
      clusterN: path === 0 ? 0 : pathPrefix(path, NEIGHBOUR_CLUSTER_BITS),
      plain: !HAS_UPPER.test(w) && !/\d/.test(w),
      feats,
      featsC,
      memo: [undefined, undefined],
    };
    return this.remember(raw, inf);
  }

  /**
   * Bounded, so that a long-running process does not grow with the corpus's vocabulary: when the
   * cache is full, it becomes the previous one and the one before is dropped. A word seen in either
   * stays (with its score memos); only words unseen for a whole turn are computed again.
   */
  private remember(raw: string, inf: WordInfo): WordInfo {
    if (this.cache.size >= this.wordsPerTurn) {
      this.previous = this.cache;
      this.cache = new Map();
    }
    this.cache.set(raw, inf);
    return inf;
  }

  /** Static (tag-independent) features for every sentence of a document. */
  staticFeatures(doc: DocInput): SentenceFeatures[] {
    const infos = doc.sentences.map((ws) => ws.map((w) => this.info(w)));
    const caps = infos.map(isAllCapsInfo);
    const casing = docCasing(doc.sentences, infos, caps);
    return infos.map((ws, s) => this.sentenceFeatures(ws, caps[s], casing));
  }

  /** Per-sentence state for context features. */
  sentenceState(ws: WordInfo[], capsS: boolean, casing: Map<string, number>): SentenceState {
    return { n: ws.length, ws, caps: capsS, gaz: this.gazetteerMatches(ws, capsS), casing };
  }

  /** Word infos of a document's sentences, their all-caps flags and the document casing. */
  docState(doc: DocInput): SentenceState[] {
    const infos = doc.sentences.map((ws) => ws.map((w) => this.info(w)));
    const caps = infos.map(isAllCapsInfo);
    const casing = docCasing(doc.sentences, infos, caps);
    return infos.map((ws, s) => this.sentenceState(ws, caps[s], casing));
  }

  private sentenceFeatures(ws: WordInfo[], capsS: boolean, casing: Map<string, number>): SentenceFeatures {
    const st = this.sentenceState(ws, capsS, casing);
    const n = st.n;
    let ctx = new Uint32Array(n * MAX_CONTEXT);
    const off = new Uint32Array(n + 1);
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (k + MAX_CONTEXT > ctx.length) {
        const bigger = new Uint32Array(ctx.length * 2);
        bigger.set(ctx);
        ctx = bigger;
      }
      k = contextFeatures(st, i, ctx, k, true);
      off[i + 1] = k;
    }
    return {
      n,
      word: ws.map((w) => (capsS ? w.featsC : w.feats)),
      ctx: ctx.subarray(0, k),
      off,
      fold: Uint32Array.from(ws, (w) => w.fold),
      plain: Uint8Array.from(ws, (w) => (w.plain ? 1 : 0)),
    };
  }

  /**
   * Gazetteer matches of up to GAZ_MAX_TOKENS tokens: per token, 3 bits per category holding the
   * token's part of the longest match (1 B, 2 I, 3 L, 4 U; 0 none). A match must start and end
   * with a capitalized word, unless the sentence is all caps.
   */
  private gazetteerMatches(ws: WordInfo[], capsS: boolean): Uint32Array | null {
    const n = ws.length;
    // typed arrays over 64 bytes are allocated outside the heap, slowly: made only on a match
    let out: Uint32Array | null = null;
    let best = gazetteerBest;
    for (let i = 0; i < n; i++) {
      if (!ws[i].hasLetter || !(capsS || ws[i].startsUpper)) continue;
      let key = ngramStart(ws[i].lowerHash);
      for (let len = 1; len <= GAZ_MAX_TOKENS && i + len <= n; len++) {
        if (len > 1) key = ngramNext(key, ws[i + len - 1].lowerHash);
        const last = ws[i + len - 1];
        if (!(capsS || last.startsUpper)) continue;
        const mask = this.gazetteer.get(key) >>> 3; // the dictionary bits are word features
        if (mask === 0) continue;
        if (out === null) {
          out = new Uint32Array(n);
          if (best.length < n * GAZ_CATEGORIES) best = gazetteerBest = new Uint8Array(n * GAZ_CATEGORIES * 2);
          best.fill(0, 0, n * GAZ_CATEGORIES);
        }
        for (let c = 0; c < GAZ_CATEGORIES; c++) {
          if (!((mask >>> c) & 1)) continue;
          for (let j = i; j < i + len; j++) {
            if (best[j * GAZ_CATEGORIES + c] >= len) continue;
            best[j * GAZ_CATEGORIES + c] = len;
            const code = len === 1 ? 4 : j === i ? 1 : j === i + len - 1 ? 3 : 2;
            out[j] = (out[j] & ~(7 << (c * 3))) | (code << (c * 3));
          }
        }
      }
    }
    return out;
  }

  /**
   * Document-level features for the second pass, from the first pass's tags: how the same word is
   * tagged elsewhere in the document (a later "Merkel" borrows "Angela Merkel"'s PER), plus the
   * first pass's own tags around the token (lookahead the greedy left-to-right pass lacks).
   */
  docFeatures(doc: DocInput, pass1: Uint8Array[]): Uint32Array[][] {
    const infos = doc.sentences.map((ws) => ws.map((w) => this.info(w)));
    const votes = documentVotes(infos, pass1);
    const buf = new Uint32Array(MAX_DOC_FEATURES);
    return infos.map((ws, s) => ws.map((w, i) => buf.slice(0, docTokenFeatures(votes, w, pass1[s], i, buf, 0))));
  }
}

/** Pass-1 type votes of every capitalized-word occurrence: lower-cased word -> counts per
 * [O, PER, ORG, LOC, MISC], and the tag of its first occurrence. */
export interface DocVotes {
  votes: Map<string, Int32Array>;
  firstTag: Map<string, number>;
}

export function documentVotes(infos: WordInfo[][], pass1: Uint8Array[]): DocVotes {
  const votes = new Map<string, Int32Array>();
  const firstTag = new Map<string, number>();
  infos.forEach((ws, s) =>
    ws.forEach((w, i) => {
      if (!w.startsUpper) return;
      let v = votes.get(w.lower);
      if (!v) votes.set(w.lower, (v = new Int32Array(5)));
      v[typeOfTag(pass1[s][i]) + 1]++;
      if (!firstTag.has(w.lower)) firstTag.set(w.lower, pass1[s][i]);
    }),
  );
  return { votes, firstTag };
}

export const MAX_DOC_FEATURES = 12;
const others = new Int32Array(5);

/** Pass-2 document features of token i (word w) of a sentence with pass-1 tags `tags`, written
 * to out[start..]; returns the new end. */
export function docTokenFeatures(dv: DocVotes, w: WordInfo, tags: Uint8Array, i: number, out: Uint32Array, start: number): number {
  let k = start;
  const own = tags[i];
  const next = i + 1 < tags.length ? tags[i + 1] : NUM_TAGS;
  const prev = i > 0 ? tags[i - 1] : NUM_TAGS;
  out[k++] = mix(Q0, own);
  out[k++] = mix(Q1, next);
  out[k++] = mix3(mix(Q3, prev), own, next);
  const v = dv.votes.get(w.lower);
  if (v && w.hasLetter) {
    // votes from the other occurrences only
    others.set(v);
    if (w.startsUpper) others[typeOfTag(own) + 1]--;
    let best = -1;
    let total = 0;
    for (let t = 0; t < 5; t++) {
      total += others[t];
      if (others[t] > 0 && (best < 0 || others[t] > others[best])) best = t;
    }
    if (total > 0) {
      out[k++] = mix(DM, best);
      out[k++] = mix3(DM_OWN, best, own);
      out[k++] = mix(DN, Math.min(total, 3) * 8 + best);
      for (let t = 1; t < 5; t++) if (others[t] > 0) out[k++] = mix(DA, t);
    }
    const ft = dv.firstTag.get(w.lower);
    if (ft !== undefined) out[k++] = mix(DF, ft);
  }
  return k;
}

/**
 * How each lower-cased word is written elsewhere in the document, in mixed-case sentences and not
 * sentence-initially: 1 capitalized, 2 lower-case, 3 both (0 unseen). Tells a headline's
 * "BRUSSELS" or a sentence-initial "Police" whether the word is a name.
 */
function docCasing(sentences: string[][], infos: WordInfo[][], caps: boolean[]): Map<string, number> {
  const seen = new Map<string, number>();
  infos.forEach((ws, s) => {
    if (caps[s]) return;
    const raw = sentences[s];
    for (let i = 1; i < ws.length; i++) {
      const w = ws[i];
      if (!w.hasLetter) continue;
      const prev = raw[i - 1];
      // after an opening quote or colon a capital may just start a clause
      if (prev === '"' || prev === ':' || prev === "'" || prev === '“' || prev === '‘') continue;
      seen.set(w.lower, (seen.get(w.lower) ?? 0) | (w.startsUpper ? 1 : 2));
    }
  });
  return seen;
}

export { GAZ_CATEGORIES, fnv1a };
