/**
 * Fast inference: the same greedy two-pass decoding as `decodeSentence` (model.ts), computing the
 * same scores with fewer memory accesses.
 *
 * - Weights are dense label-major rows (all NUM_TAGS quantized weights of a feature contiguous in
 *   an Int16Array), found through an open-addressing table of Int32 keys: one probe per feature.
 * - Features that depend on one word only (the word's own features, and its word/shape seen from
 *   each neighbour position) are summed once per distinct word, pass and casing, and memoized on
 *   the featurizer's per-word record; a token then costs four vector additions for them.
 * - Lower-case words and punctuation outside an open span are O without scoring (the decoder rule
 *   shared with training), so most tokens cost nothing in either pass.
 * Scores are sums of integers (the quantized weights), so the result does not depend on the order
 * of the additions.
 */
import {
  BOUNDARY,
  MAX_CONTEXT as MAX_CONTEXT_EXPORT,
  MAX_DOC_FEATURES as MAX_DOC_FEATURES_EXPORT,
  NEIGHBOUR_FEATURES,
  NEIGHBOUR_ROLES as NEIGHBOUR_ROLES_EXPORT,
  NUM_HISTORY as NUM_HISTORY_EXPORT,
  NUM_TAGS as NUM_TAGS_EXPORT,
  O as O_EXPORT,
  allowed as ALLOWED_EXPORT,
  contextFeatures as CONTEXTFEATURES_EXPORT,
  docTokenFeatures as DOCTOKENFEATURES_EXPORT,
  documentVotes as DOCUMENTVOTES_EXPORT,
  historyFeatures as HISTORYFEATURES_EXPORT,
  isOpen as IS_OPEN_EXPORT,
  neighbourFeatures as NEIGHBOURFEATURES_EXPORT,
  type DocInput,
  type Featurizer,
  type SentenceState,
  type WordInfo,
} from './features.ts';
import type { Scorer } from './model.ts';

// Local copies: imported bindings may be getters, too slow in hot loops.
const NUM_TAGS = NUM_TAGS_EXPORT;
const allowed = ALLOWED_EXPORT;
const isOpen = IS_OPEN_EXPORT;
const MAX_CONTEXT = MAX_CONTEXT_EXPORT;
const MAX_DOC_FEATURES = MAX_DOC_FEATURES_EXPORT;
const NEIGHBOUR_ROLES = NEIGHBOUR_ROLES_EXPORT;
const NUM_HISTORY = NUM_HISTORY_EXPORT;
const O = O_EXPORT;
const contextFeatures = CONTEXTFEATURES_EXPORT;
const docTokenFeatures = DOCTOKENFEATURES_EXPORT;
const documentVotes = DOCUMENTVOTES_EXPORT;
const historyFeatures = HISTORYFEATURES_EXPORT;
const neighbourFeatures = NEIGHBOURFEATURES_EXPORT;
/** memo layout per word: the word's own features, then one vector per neighbour role */
const SELF = NEIGHBOUR_ROLES;
const MEMO_ROWS = NEIGHBOUR_ROLES + 1;

/** Quantized weights, one dense row of NUM_TAGS per feature. */
export class DenseWeights implements Scorer {
  /** [key, row] pairs; row -1 marks an empty slot */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** quantized weights are 16-bit: a row is 34 bytes, about one cache line */
  private readonly rows: Int16Array;
  /** one bit per hash bucket, ~16 buckets per feature: most absent features are rejected here,
   * in a bitmap small enough to stay in cache */
  private readonly present: Int32Array;
  private readonly presentShift: number;
  /** weight = quantized value / scale */
  readonly scale: number;
  readonly features: number;

  constructor(hashes: Uint32Array, counts: Uint8Array, classes: Uint8Array, values: Int16Array, scale: number) {
    this.scale = scale;
    this.features = hashes.length;
    let size = 1024;
    while (size < hashes.length * 2) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2).fill(-1);
    this.rows = new Int16Array(hashes.length * NUM_TAGS);
    let bits = 1 << 10;
    while (bits < hashes.length * 16) bits *= 2;
    this.present = new Int32Array(bits >>> 5);
    this.presentShift = 32 - Math.log2(bits);
    let j = 0;
    for (let f = 0; f < hashes.length; f++) {
      const h = hashes[f] | 0;
      const b = Math.imul(h, 0x85ebca6b) >>> this.presentShift;
      this.present[b >>> 5] |= 1 << (b & 31);
      let slot = Math.imul(h, 0x9e3779b1) & this.mask;
      while (this.table[2 * slot + 1] >= 0) slot = (slot + 1) & this.mask;
      this.table[2 * slot] = h;
      this.table[2 * slot + 1] = f;
      for (let e = j + counts[f]; j < e; j++) this.rows[f * NUM_TAGS + classes[j]] = values[j];
    }
  }

  /** Adds the weights of features[from..to) to scores (the Scorer interface of model.ts, for the
   * reference decoder). */
  score(features: ArrayLike<number>, scores: Float64Array, from: number, to: number): void {
    const row = new Int32Array(NUM_TAGS);
    const one = new Uint32Array(1);
    for (let k = from; k < to; k++) {
      one[0] = features[k];
      this.add(one, 0, 1, row);
    }
    for (let t = 0; t < NUM_TAGS; t++) scores[t] += row[t] / this.scale;
  }

  /** Adds the rows of features[from..to) to scores. */
  add(features: Uint32Array, from: number, to: number, scores: Int32Array): void {
    const table = this.table;
    const rows = this.rows;
    const present = this.present;
    const shift = this.presentShift;
    const mask = this.mask;
    for (let k = from; k < to; k++) {
      const h = features[k] | 0;
      const b = Math.imul(h, 0x85ebca6b) >>> shift;
      if ((present[b >>> 5] & (1 << (b & 31))) === 0) continue;
      let slot = Math.imul(h, 0x9e3779b1) & mask;
      let f = table[2 * slot + 1];
      while (f >= 0 && table[2 * slot] !== h) {
        slot = (slot + 1) & mask;
        f = table[2 * slot + 1];
      }
      if (f < 0) continue;
      const base = f * NUM_TAGS;
      for (let t = 0; t < NUM_TAGS; t++) scores[t] += rows[base + t];
    }
  }
}

const pair = new Uint32Array(NEIGHBOUR_FEATURES);

/** Memoized score vectors of a word for pass `pass` in sentences of casing `caps`. */
function wordMemo(w: WordInfo, weights: DenseWeights, pass: number, caps: boolean): Int32Array {
  const slot = pass * 2 + (caps ? 1 : 0);
  let m = w.memo[slot];
  if (m) return m;
  m = new Int32Array(MEMO_ROWS * NUM_TAGS);
  const shape = caps ? w.shapeC : w.shape;
  for (let r = 0; r < NEIGHBOUR_ROLES; r++) {
    neighbourFeatures(pair, r, w.fold, shape, w.clusterN);
    weights.add(pair, 0, NEIGHBOUR_FEATURES, m.subarray(r * NUM_TAGS, (r + 1) * NUM_TAGS));
  }
  const feats = caps ? w.featsC : w.feats;
  weights.add(feats, 0, feats.length, m.subarray(SELF * NUM_TAGS));
  w.memo[slot] = m;
  return m;
}

/** Score vectors of the sentence boundary in each neighbour role (BOS before, EOS after). */
function boundaryMemo(weights: DenseWeights): Int32Array {
  const m = new Int32Array(NEIGHBOUR_ROLES * NUM_TAGS);
  for (let r = 0; r < NEIGHBOUR_ROLES; r++) {
    const b = r === 0 || r === 2 ? BOUNDARY.BOS : BOUNDARY.EOS;
    neighbourFeatures(pair, r, b, b, b);
    weights.add(pair, 0, NEIGHBOUR_FEATURES, m.subarray(r * NUM_TAGS, (r + 1) * NUM_TAGS));
  }
  return m;
}

export interface FastModel {
  pass1: DenseWeights;
  pass2: DenseWeights;
  featurizer: Featurizer;
}

const scores = new Int32Array(NUM_TAGS);
/** a token's document and history features */
const buf = new Uint32Array(MAX_DOC_FEATURES + NUM_HISTORY);
const hist = new Uint32Array(NUM_HISTORY);
/** per sentence: the memo vectors of its tokens' words (module-level to avoid allocations) */
let memos: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(256).fill(undefined);
const boundaries = new WeakMap<DenseWeights, Int32Array>();
/** neighbour offsets of roles 0..3 */
const ROLE_OFFSET = [-1, 1, -2, 2];

/** Context features of the document's tokens, computed by pass 1 and reused by pass 2:
 * token g's are ctxBuf[ctxStart[g] .. ctxStart[g] + ctxLen[g]), ctxLen[g] = -1 when not computed */
let ctxBuf = new Uint32Array(1 << 16);
let ctxStart = new Int32Array(1 << 12);
let ctxLen = new Int32Array(1 << 12);
let ctxEnd = 0;

function resetContextCache(tokens: number): void {
  if (ctxLen.length < tokens) {
    ctxStart = new Int32Array(tokens * 2);
    ctxLen = new Int32Array(tokens * 2);
  }
  ctxLen.fill(-1, 0, tokens);
  ctxEnd = 0;
}

/** writes token i's document features to out[start..], returns the new end */
type DocFeatureFn = (i: number, out: Uint32Array, start: number) => number;

function decode(
  weights: DenseWeights,
  pass: number,
  st: SentenceState,
  first: number,
  extra: DocFeatureFn | null,
  probs: Float64Array | null,
): Uint8Array {
  const { n, ws, caps, fold } = st;
  const tags = new Uint8Array(n);
  let bound = boundaries.get(weights);
  if (!bound) boundaries.set(weights, (bound = boundaryMemo(weights)));
  if (memos.length < n) memos = new Array<Int32Array | undefined>(2 * n).fill(undefined);
  else memos.fill(undefined, 0, n);
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? tags[i - 1] : NUM_TAGS;
    if (ws[i].plain && !isOpen[prev]) {
      tags[i] = O;
      if (probs) probs[i] = 1;
      continue;
    }
    const self = (memos[i] ??= wordMemo(ws[i], weights, pass, caps));
    for (let t = 0; t < NUM_TAGS; t++) scores[t] = self[SELF * NUM_TAGS + t];
    for (let r = 0; r < NEIGHBOUR_ROLES; r++) {
      const j = i + ROLE_OFFSET[r];
      const m = j < 0 || j >= n ? bound : (memos[j] ??= wordMemo(ws[j], weights, pass, caps));
      const base = r * NUM_TAGS;
      for (let t = 0; t < NUM_TAGS; t++) scores[t] += m[base + t];
    }
    const g = first + i;
    if (ctxLen[g] < 0) {
      if (ctxEnd + MAX_CONTEXT > ctxBuf.length) {
        const bigger = new Uint32Array(ctxBuf.length * 2);
        bigger.set(ctxBuf.subarray(0, ctxEnd));
        ctxBuf = bigger;
      }
      ctxStart[g] = ctxEnd;
      ctxLen[g] = contextFeatures(st, i, ctxBuf, ctxEnd, false) - ctxEnd;
      ctxEnd += ctxLen[g];
    }
    weights.add(ctxBuf, ctxStart[g], ctxStart[g] + ctxLen[g], scores);
    let k = 0;
    if (extra) k = extra(i, buf, k);
    historyFeatures(hist, tags, i, fold[i]);
    for (let h = 0; h < NUM_HISTORY; h++) buf[k++] = hist[h];
    weights.add(buf, 0, k, scores);
    const row = prev * NUM_TAGS;
    let best = -1;
    for (let t = 0; t < NUM_TAGS; t++) {
      if (!allowed[row + t]) continue;
      // the last token cannot open a span that would never close
      if (i === n - 1 && !allowed[t * NUM_TAGS + O] && t !== O) continue;
      if (best < 0 || scores[t] > scores[best]) best = t;
    }
    tags[i] = best;
    if (probs) {
      // softmax over the allowed tags: a rough confidence, perceptron scores are not calibrated
      let z = 0;
      const inv = 1 / weights.scale;
      for (let t = 0; t < NUM_TAGS; t++) if (allowed[row + t]) z += Math.exp((scores[t] - scores[best]) * inv);
      probs[i] = 1 / z;
    }
  }
  return tags;
}

export interface TaggedDoc {
  /** BILOU tag per token, per sentence */
  tags: Uint8Array[];
  /** confidence of each token's tag, per sentence */
  probs: Float64Array[];
}

/** Two-pass tagging of a whole document. */
export function tagDocument(model: FastModel, doc: DocInput): TaggedDoc {
  const states = model.featurizer.docState(doc);
  const firsts: number[] = [];
  let tokens = 0;
  for (const st of states) {
    firsts.push(tokens);
    tokens += st.n;
  }
  resetContextCache(tokens);
  const pass1 = states.map((st, s) => decode(model.pass1, 0, st, firsts[s], null, null));
  const votes = documentVotes(
    states.map((st) => st.ws),
    pass1,
  );
  const probs = states.map((st) => new Float64Array(st.n));
  const tags = states.map((st, s) =>
    decode(model.pass2, 1, st, firsts[s], (i, out, start) => docTokenFeatures(votes, st.ws[i], pass1[s], i, out, start), probs[s]),
  );
  return { tags, probs };
}
