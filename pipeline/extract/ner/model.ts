/**
 * The tagger's model: two averaged-perceptron weight tables (pass 1 and the document-aware pass 2),
 * greedy BILOU decoding shared by training and inference, and the compact file format.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  NUM_HISTORY,
  NUM_TAGS as NUM_TAGS_EXPORT,
  O,
  allowed as ALLOWED_EXPORT,
  Featurizer,
  historyFeatures,
  type DocInput,
  type SentenceFeatures,
} from './features.ts';
import { Gazetteer } from './gazetteer.ts';

// Local copies: the module loader may turn imported bindings into getters, too slow in hot loops.
const NUM_TAGS = NUM_TAGS_EXPORT;
const allowed = ALLOWED_EXPORT;

/** Anything that adds feature weights to a score vector. */
export interface Scorer {
  /** adds the weights of features[from..to) */
  score(features: ArrayLike<number>, scores: Float64Array, from: number, to: number): void;
  /** like score, for a word's shared feature array; lets a scorer cache the sum per word */
  scoreWord?(features: Uint32Array, scores: Float64Array): void;
}

export interface DecodeOptions {
  /** pass 2: each token's document features */
  extra?: Uint32Array[];
  /** training: gold tags, and the update called on each mistake */
  gold?: Uint8Array;
  learn?: (features: number[], gold: number, pred: number) => void;
  /** receives each token's confidence */
  probs?: Float64Array;
}

/**
 * Greedy left-to-right decoding of one sentence: word, context, history and (pass 2) document
 * features. With `learn`, called at each mistake (training); the history always holds the
 * *predicted* tags, as at test time.
 */
export function decodeSentence(scorer: Scorer, sf: SentenceFeatures, o: DecodeOptions = {}): Uint8Array {
  const n = sf.n;
  const tags = new Uint8Array(n);
  const scores = new Float64Array(NUM_TAGS);
  const hist = new Uint32Array(NUM_HISTORY);
  const { ctx, off, word, fold } = sf;
  const { extra, gold, learn, probs } = o;
  for (let i = 0; i < n; i++) {
    historyFeatures(hist, tags, i, fold[i]);
    scores.fill(0);
    if (scorer.scoreWord) scorer.scoreWord(word[i], scores);
    else scorer.score(word[i], scores, 0, word[i].length);
    scorer.score(ctx, scores, off[i], off[i + 1]);
    if (extra) scorer.score(extra[i], scores, 0, extra[i].length);
    scorer.score(hist, scores, 0, NUM_HISTORY);
    const prev = i > 0 ? tags[i - 1] : NUM_TAGS;
    const row = prev * NUM_TAGS;
    let best = -1;
    for (let t = 0; t < NUM_TAGS; t++) {
      if (!allowed[row + t]) continue;
      // the last token cannot open a span that would never close
      if (i === n - 1 && !allowed[t * NUM_TAGS + O] && t !== O) continue;
      if (best < 0 || scores[t] > scores[best]) best = t;
    }
    tags[i] = best;
    if (gold && learn && gold[i] !== best) {
      learn([...word[i], ...ctx.subarray(off[i], off[i + 1]), ...(extra ? extra[i] : []), ...hist], gold[i], best);
    }
    if (probs) {
      // softmax over the allowed tags: a rough confidence, perceptron scores are not calibrated
      let z = 0;
      for (let t = 0; t < NUM_TAGS; t++) if (allowed[row + t]) z += Math.exp(scores[t] - scores[best]);
      probs[i] = 1 / z;
    }
  }
  return tags;
}

/**
 * Sparse, quantized weights as stored in the model file, looked up through an open-addressing
 * table on typed arrays (several times faster than a Map with 32-bit keys, which are not Smis).
 */
export class SparseWeights implements Scorer {
  /** [key, feature index] pairs; index -1 marks an empty slot */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly offsets: Uint32Array;
  /** one bit per hash bucket, ~16 buckets per feature: most absent features are rejected here,
   * in a bitmap small enough to stay in cache, without touching the big table */
  private readonly present: Int32Array;
  private readonly presentShift: number;
  constructor(
    hashes: Uint32Array,
    counts: Uint8Array,
    private readonly classes: Uint8Array,
    private readonly values: Float32Array,
  ) {
    let size = 1024;
    while (size < hashes.length * 2) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2);
    for (let slot = 0; slot < size; slot++) this.table[2 * slot + 1] = -1;
    this.offsets = new Uint32Array(hashes.length + 1);
    let bits = 1 << 10;
    while (bits < hashes.length * 16) bits *= 2;
    this.present = new Int32Array(bits >>> 5);
    this.presentShift = 32 - Math.log2(bits);
    for (let f = 0; f < hashes.length; f++) {
      const h = hashes[f] | 0;
      const b = Math.imul(h, 0x85ebca6b) >>> this.presentShift;
      this.present[b >>> 5] |= 1 << (b & 31);
      let slot = Math.imul(h, 0x9e3779b1) & this.mask;
      while (this.table[2 * slot + 1] >= 0) slot = (slot + 1) & this.mask;
      this.table[2 * slot] = h;
      this.table[2 * slot + 1] = f;
      this.offsets[f + 1] = this.offsets[f] + counts[f];
    }
  }
  score(features: ArrayLike<number>, scores: Float64Array, from: number, to: number): void {
    const table = this.table;
    const offsets = this.offsets;
    const classes = this.classes;
    const values = this.values;
    const present = this.present;
    const shift = this.presentShift;
    for (let k = from; k < to; k++) {
      const h = features[k] | 0;
      const b = Math.imul(h, 0x85ebca6b) >>> shift;
      if ((present[b >>> 5] & (1 << (b & 31))) === 0) continue;
      let slot = Math.imul(h, 0x9e3779b1) & this.mask;
      let f = table[2 * slot + 1];
      while (f >= 0 && table[2 * slot] !== h) {
        slot = (slot + 1) & this.mask;
        f = table[2 * slot + 1];
      }
      if (f < 0) continue;
      const end = offsets[f + 1];
      for (let j = offsets[f]; j < end; j++) scores[classes[j]] += values[j];
    }
  }
  private readonly wordSums = new Map<Uint32Array, Float64Array>();
  scoreWord(features: Uint32Array, scores: Float64Array): void {
    let sum = this.wordSums.get(features);
    if (!sum) {
      sum = new Float64Array(NUM_TAGS);
      this.score(features, sum, 0, features.length);
      if (this.wordSums.size >= 200_000) this.wordSums.clear();
      this.wordSums.set(features, sum);
    }
    for (let t = 0; t < NUM_TAGS; t++) scores[t] += sum[t];
  }
}

/** Dense averaged weights from training, to be pruned and quantized. */
export interface WeightTable {
  /** feature hash -> row of NUM_TAGS weights */
  rows: Map<number, Float64Array>;
}

const b64 = (a: ArrayBufferView): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromB64<T>(s: string, make: (buf: ArrayBuffer) => T): T {
  const b = Buffer.from(s, 'base64');
  return make(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

interface StoredTable {
  scale: number;
  hashes: string;
  counts: string;
  classes: string;
  values: string;
}

interface StoredModel {
  format: 'news-facts-ner/2';
  tags: number;
  pass1: StoredTable;
  pass2: StoredTable;
  /** gazetteer n-gram hashes (sorted) and their list masks */
  gazetteer: { keys: string; masks: string };
  meta: Record<string, unknown>;
}

/** Drops near-zero weights and quantizes the rest to 16 bits; hashes sorted so output is stable. */
function packTable(table: WeightTable, minAbs: number): StoredTable {
  let max = 0;
  for (const row of table.rows.values()) for (const v of row) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? 32767 / max : 1;
  const hashes: number[] = [];
  const counts: number[] = [];
  const classes: number[] = [];
  const values: number[] = [];
  for (const h of [...table.rows.keys()].sort((a, b) => a - b)) {
    const row = table.rows.get(h)!;
    let c = 0;
    for (let t = 0; t < NUM_TAGS; t++) {
      if (Math.abs(row[t]) < minAbs) continue;
      const q = Math.round(row[t] * scale);
      if (q === 0) continue;
      classes.push(t);
      values.push(q);
      c++;
    }
    if (c > 0) {
      hashes.push(h);
      counts.push(c);
    }
  }
  return {
    scale,
    hashes: b64(Uint32Array.from(hashes)),
    counts: b64(Uint8Array.from(counts)),
    classes: b64(Uint8Array.from(classes)),
    values: b64(Int16Array.from(values)),
  };
}

function unpackTable(t: StoredTable): SparseWeights {
  const q = fromB64(t.values, (b) => new Int16Array(b));
  const values = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) values[i] = q[i] / t.scale;
  return new SparseWeights(
    fromB64(t.hashes, (b) => new Uint32Array(b)),
    fromB64(t.counts, (b) => new Uint8Array(b)),
    fromB64(t.classes, (b) => new Uint8Array(b)),
    values,
  );
}

export function serializeModel(
  pass1: WeightTable,
  pass2: WeightTable,
  gazetteer: Gazetteer,
  minAbs: number,
  meta: Record<string, unknown>,
): Buffer {
  const gaz = gazetteer.entries();
  const model: StoredModel = {
    format: 'news-facts-ner/2',
    tags: NUM_TAGS,
    pass1: packTable(pass1, minAbs),
    pass2: packTable(pass2, minAbs),
    gazetteer: { keys: b64(gaz.keys), masks: b64(gaz.masks) },
    meta,
  };
  return gzipSync(Buffer.from(JSON.stringify(model)), { level: 9 });
}

export interface LoadedModel {
  pass1: SparseWeights;
  pass2: SparseWeights;
  featurizer: Featurizer;
  meta: Record<string, unknown>;
}

export function deserializeModel(gz: Buffer): LoadedModel {
  const m = JSON.parse(gunzipSync(gz).toString('utf8')) as StoredModel;
  if (m.format !== 'news-facts-ner/2' || m.tags !== NUM_TAGS) throw new Error('unsupported NER model format');
  const gazetteer = Gazetteer.fromArrays(
    fromB64(m.gazetteer.keys, (b) => new Uint32Array(b)),
    fromB64(m.gazetteer.masks, (b) => new Uint16Array(b)),
  );
  return { pass1: unpackTable(m.pass1), pass2: unpackTable(m.pass2), featurizer: new Featurizer(gazetteer), meta: m.meta };
}

export interface TaggedDoc {
  /** BILOU tag per token, per sentence */
  tags: Uint8Array[];
  /** confidence of each token's tag, per sentence */
  probs: Float64Array[];
}

/** Two-pass tagging of a whole document. */
export function tagDocument(model: { pass1: Scorer; pass2: Scorer; featurizer: Featurizer }, doc: DocInput): TaggedDoc {
  const stat = model.featurizer.staticFeatures(doc);
  const pass1 = stat.map((s) => decodeSentence(model.pass1, s));
  const extra = model.featurizer.docFeatures(doc, pass1);
  const probs = stat.map((s) => new Float64Array(s.n));
  const tags = stat.map((s, i) => decodeSentence(model.pass2, s, { extra: extra[i], probs: probs[i] }));
  return { tags, probs };
}
