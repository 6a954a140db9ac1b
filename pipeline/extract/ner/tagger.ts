/**
 * Fast inference: the same greedy two-pass decoding as `decodeSentence` (model.ts), computing the
 * same scores with fewer memory accesses.
 *
 * - Weights are dense rows (all quantized weights of a feature, both passes, contiguous in an
 *   Int16Array), found through an open-addressing table of Int32 keys: one probe per feature
 *   serves both passes.
 * - Features that depend on one word only (the word's own features, and its word/shape seen from
 *   each neighbour position) are summed once per distinct word and casing, for both passes, and
 *   memoized on the featurizer's per-word record; a token then costs five vector additions for them.
 * - A token's context features are probed once, in pass 1, which keeps pass 2's share of them.
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

/** One pass's quantized weights as stored in the model file: each feature's nonzero weights. */
export interface PackedWeights {
  /** feature hashes */
  hashes: Uint32Array;
  /** number of nonzero weights per feature */
  counts: Uint8Array;
  /** the tag of each weight */
  classes: Uint8Array;
  values: Int16Array;
  /** weight = quantized value / scale */
  scale: number;
}

/** Width of a joint row: pass 1's NUM_TAGS weights, then pass 2's. */
const WIDTH = 2 * NUM_TAGS;

/**
 * The quantized weights of both passes, one dense row per feature: pass 1's weights of every tag,
 * then pass 2's (68 bytes). Most features belong to both passes, so one probe serves both: the
 * word memos and the context scores of pass 2 are computed in pass 1 (see decode).
 */
export class DenseWeights {
  /** [key, row] pairs; row -1 marks an empty slot */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly rows: Int16Array;
  /** one bit per hash bucket, ~16 buckets per feature: most absent features are rejected here,
   * in a bitmap small enough to stay in cache */
  private readonly present: Int32Array;
  private readonly presentShift: number;
  /** per pass: weight = quantized value / scale */
  readonly scales: readonly number[];

  constructor(passes: readonly [PackedWeights, PackedWeights]) {
    this.scales = passes.map((p) => p.scale);
    // sized for every hash of both passes, most of which are shared: a row per distinct hash
    let size = 1024;
    while (size < (passes[0].hashes.length + passes[1].hashes.length) * 2) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2).fill(-1);
    let features = 0;
    const rowOf = passes.map((p) =>
      Int32Array.from(p.hashes, (hash) => {
        const h = hash | 0;
        let slot = Math.imul(h, 0x9e3779b1) & this.mask;
        while (this.table[2 * slot + 1] >= 0 && this.table[2 * slot] !== h) slot = (slot + 1) & this.mask;
        if (this.table[2 * slot + 1] < 0) {
          this.table[2 * slot] = h;
          this.table[2 * slot + 1] = features++;
        }
        return this.table[2 * slot + 1];
      }),
    );
    this.rows = new Int16Array(features * WIDTH);
    let bits = 1 << 10;
    while (bits < features * 16) bits *= 2;
    this.present = new Int32Array(bits >>> 5);
    this.presentShift = 32 - Math.log2(bits);
    for (const p of passes) {
      for (const hash of p.hashes) {
        const b = Math.imul(hash | 0, 0x85ebca6b) >>> this.presentShift;
        this.present[b >>> 5] |= 1 << (b & 31);
      }
    }
    passes.forEach((p, pass) => {
      let j = 0;
      for (let k = 0; k < p.hashes.length; k++) {
        const base = rowOf[pass][k] * WIDTH + pass * NUM_TAGS;
        for (let e = j + p.counts[k]; j < e; j++) this.rows[base + p.classes[j]] = p.values[j];
      }
    });
  }

  /** One pass's weights as the reference decoder's Scorer (model.ts). */
  scorer(pass: number): Scorer {
    return {
      score: (features, scores, from, to) => {
        const row = new Int32Array(NUM_TAGS);
        const one = new Uint32Array(1);
        for (let k = from; k < to; k++) {
          one[0] = features[k];
          this.add(one, 0, 1, row, pass * NUM_TAGS, NUM_TAGS);
        }
        for (let t = 0; t < NUM_TAGS; t++) scores[t] += row[t] / this.scales[pass];
      },
    };
  }

  /** Adds rows[offset .. offset + width) of features[from..to) to scores[0 .. width): one pass's
   * weights (offset pass × NUM_TAGS, width NUM_TAGS) or both (0, WIDTH). */
  add(features: Uint32Array, from: number, to: number, scores: Int32Array, offset: number, width: number): void {
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
      const base = f * WIDTH + offset;
      for (let t = 0; t < width; t++) scores[t] += rows[base + t];
    }
  }
}

const pair = new Uint32Array(NEIGHBOUR_FEATURES);

/** Memoized score vectors of a word, both passes, in sentences of casing `caps`: MEMO_ROWS rows of
 * WIDTH. */
function wordMemo(w: WordInfo, weights: DenseWeights, caps: boolean): Int32Array {
  const slot = caps ? 1 : 0;
  let m = w.memo[slot];
  if (m) return m;
  m = new Int32Array(MEMO_ROWS * WIDTH);
  const shape = caps ? w.shapeC : w.shape;
  for (let r = 0; r < NEIGHBOUR_ROLES; r++) {
    neighbourFeatures(pair, r, w.fold, shape, w.clusterN);
    weights.add(pair, 0, NEIGHBOUR_FEATURES, m.subarray(r * WIDTH, (r + 1) * WIDTH), 0, WIDTH);
  }
  const feats = caps ? w.featsC : w.feats;
  weights.add(feats, 0, feats.length, m.subarray(SELF * WIDTH), 0, WIDTH);
  w.memo[slot] = m;
  return m;
}

/** Score vectors of the sentence boundary in each neighbour role (BOS before, EOS after). */
function boundaryMemo(weights: DenseWeights): Int32Array {
  const m = new Int32Array(NEIGHBOUR_ROLES * WIDTH);
  for (let r = 0; r < NEIGHBOUR_ROLES; r++) {
    const b = r === 0 || r === 2 ? BOUNDARY.BOS : BOUNDARY.EOS;
    neighbourFeatures(pair, r, b, b, b);
    weights.add(pair, 0, NEIGHBOUR_FEATURES, m.subarray(r * WIDTH, (r + 1) * WIDTH), 0, WIDTH);
  }
  return m;
}

export interface FastModel {
  weights: DenseWeights;
  featurizer: Featurizer;
}

const scores = new Int32Array(NUM_TAGS);
/** both passes' scores of a token's context features */
const both = new Int32Array(WIDTH);
/** a token's context features */
const ctx = new Uint32Array(MAX_CONTEXT);
/** a token's document and history features */
const buf = new Uint32Array(MAX_DOC_FEATURES + NUM_HISTORY);
const hist = new Uint32Array(NUM_HISTORY);
/** per sentence: the memo vectors of its tokens' words (module-level to avoid allocations) */
let memos: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(256).fill(undefined);
const boundaries = new WeakMap<DenseWeights, Int32Array>();
/** neighbour offsets of roles 0..3 */
const ROLE_OFFSET = [-1, 1, -2, 2];

/** Pass 2's scores of the context features of the tokens pass 1 scored: token g's are
 * passTwoContext[passTwoSlot[g] * NUM_TAGS ..], passTwoSlot[g] = -1 when pass 1 skipped it */
let passTwoContext = new Int32Array(NUM_TAGS << 10);
let passTwoSlot = new Int32Array(1 << 12);
let passTwoSlots = 0;

function resetContextCache(tokens: number): void {
  if (passTwoSlot.length < tokens) passTwoSlot = new Int32Array(tokens * 2);
  passTwoSlot.fill(-1, 0, tokens);
  passTwoSlots = 0;
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
  const { n, ws, caps } = st;
  const tags = new Uint8Array(n);
  const P = pass * NUM_TAGS;
  let bound = boundaries.get(weights);
  if (!bound) boundaries.set(weights, (bound = boundaryMemo(weights)));
  if (memos.length < n) memos = new Array<Int32Array | undefined>(2 * n).fill(undefined);
  else memos.fill(undefined, 0, n);
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? tags[i - 1] : NUM_TAGS;
    if (ws[i].plain && !isOpen[prev]) {
      tags[i] = O;
      continue;
    }
    const self = (memos[i] ??= wordMemo(ws[i], weights, caps));
    for (let t = 0; t < NUM_TAGS; t++) scores[t] = self[SELF * WIDTH + P + t];
    for (let r = 0; r < NEIGHBOUR_ROLES; r++) {
      const j = i + ROLE_OFFSET[r];
      const m = j < 0 || j >= n ? bound : (memos[j] ??= wordMemo(ws[j], weights, caps));
      const base = r * WIDTH + P;
      for (let t = 0; t < NUM_TAGS; t++) scores[t] += m[base + t];
    }
    const g = first + i;
    if (pass === 0) {
      // both passes' context scores in one probe per feature; pass 2's are kept for later
      const k = contextFeatures(st, i, ctx, 0, false);
      both.fill(0);
      weights.add(ctx, 0, k, both, 0, WIDTH);
      for (let t = 0; t < NUM_TAGS; t++) scores[t] += both[t];
      if ((passTwoSlots + 1) * NUM_TAGS > passTwoContext.length) {
        const bigger = new Int32Array(passTwoContext.length * 2);
        bigger.set(passTwoContext);
        passTwoContext = bigger;
      }
      const base = passTwoSlots * NUM_TAGS;
      for (let t = 0; t < NUM_TAGS; t++) passTwoContext[base + t] = both[NUM_TAGS + t];
      passTwoSlot[g] = passTwoSlots++;
    } else if (passTwoSlot[g] >= 0) {
      const base = passTwoSlot[g] * NUM_TAGS;
      for (let t = 0; t < NUM_TAGS; t++) scores[t] += passTwoContext[base + t];
    } else {
      weights.add(ctx, 0, contextFeatures(st, i, ctx, 0, false), scores, P, NUM_TAGS);
    }
    let k = 0;
    if (extra) k = extra(i, buf, k);
    historyFeatures(hist, tags, i, ws[i].fold);
    for (let h = 0; h < NUM_HISTORY; h++) buf[k++] = hist[h];
    weights.add(buf, 0, k, scores, P, NUM_TAGS);
    const row = prev * NUM_TAGS;
    let best = -1;
    for (let t = 0; t < NUM_TAGS; t++) {
      if (!allowed[row + t]) continue;
      // the last token cannot open a span that would never close
      if (i === n - 1 && !allowed[t * NUM_TAGS + O] && t !== O) continue;
      if (best < 0 || scores[t] > scores[best]) best = t;
    }
    tags[i] = best;
    if (probs && best !== O) {
      // softmax over the allowed tags: a rough confidence, perceptron scores are not calibrated
      let z = 0;
      const inv = 1 / weights.scales[pass];
      for (let t = 0; t < NUM_TAGS; t++) if (allowed[row + t]) z += Math.exp((scores[t] - scores[best]) * inv);
      probs[i] = 1 / z;
    }
  }
  return tags;
}

export interface TaggedDoc {
  /** BILOU tag per token, per sentence */
  tags: Uint8Array[];
  /** confidence of each name token's tag, per sentence (0 for tokens outside names, which need none) */
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
  const pass1 = states.map((st, s) => decode(model.weights, 0, st, firsts[s], null, null));
  const votes = documentVotes(
    states.map((st) => st.ws),
    pass1,
  );
  // one buffer: typed arrays over 64 bytes are allocated outside the heap, slowly
  const allProbs = new Float64Array(tokens);
  const probs = states.map((st, s) => allProbs.subarray(firsts[s], firsts[s] + st.n));
  const tags = states.map((st, s) =>
    decode(model.weights, 1, st, firsts[s], (i, out, start) => docTokenFeatures(votes, st.ws[i], pass1[s], i, out, start), probs[s]),
  );
  return { tags, probs };
}
