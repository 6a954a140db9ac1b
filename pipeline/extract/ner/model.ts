/**
 * The tagger's model: two averaged-perceptron weight tables (pass 1 and the document-aware pass 2),
 * greedy BILOU decoding shared by training and inference, and the compact file format.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  NUM_TAGS as NUM_TAGS_EXPORT,
  O,
  allowed as ALLOWED_EXPORT,
  docFeatures,
  foldWord,
  historyFeatures,
  normalizeToken,
  staticFeatures,
  type DocInput,
  type TokenFeatures,
} from './features.ts';

// Local copies: the module loader may turn imported bindings into getters, too slow in hot loops.
const NUM_TAGS = NUM_TAGS_EXPORT;
const allowed = ALLOWED_EXPORT;

/** Anything that adds feature weights to a score vector. */
export interface Scorer {
  score(features: ArrayLike<number>, scores: Float64Array): void;
  /** like score, for a word's shared feature array; lets a scorer cache the sum per word */
  scoreWord?(features: Uint32Array, scores: Float64Array): void;
}

/**
 * Greedy left-to-right decoding of one sentence. With `learn`, called at each token with the gold
 * tag and the prediction (training); the history always holds the *predicted* tags, as at test time.
 */
export function decodeSentence(
  scorer: Scorer,
  stat: TokenFeatures[],
  extra: Uint32Array[] | null,
  folded: string[],
  gold?: Uint8Array,
  learn?: (features: number[], gold: number, pred: number) => void,
  probs?: Float64Array,
): Uint8Array {
  const n = stat.length;
  const tags = new Uint8Array(n);
  const scores = new Float64Array(NUM_TAGS);
  const hist: number[] = [];
  for (let i = 0; i < n; i++) {
    hist.length = 0;
    historyFeatures(hist, tags, i, folded[i]);
    scores.fill(0);
    if (scorer.scoreWord) scorer.scoreWord(stat[i].word, scores);
    else scorer.score(stat[i].word, scores);
    scorer.score(stat[i].ctx, scores);
    if (extra) scorer.score(extra[i], scores);
    scorer.score(hist, scores);
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
    if (gold && learn && gold[i] !== best) learn([...stat[i].word, ...stat[i].ctx, ...(extra ? extra[i] : []), ...hist], gold[i], best);
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
    for (let f = 0; f < hashes.length; f++) {
      const h = hashes[f] | 0;
      let slot = Math.imul(h, 0x9e3779b1) & this.mask;
      while (this.table[2 * slot + 1] >= 0) slot = (slot + 1) & this.mask;
      this.table[2 * slot] = h;
      this.table[2 * slot + 1] = f;
      this.offsets[f + 1] = this.offsets[f] + counts[f];
    }
  }
  score(features: ArrayLike<number>, scores: Float64Array): void {
    const table = this.table;
    for (let k = 0; k < features.length; k++) {
      const h = features[k] | 0;
      let slot = Math.imul(h, 0x9e3779b1) & this.mask;
      let f = table[2 * slot + 1];
      while (f >= 0 && table[2 * slot] !== h) {
        slot = (slot + 1) & this.mask;
        f = table[2 * slot + 1];
      }
      if (f < 0) continue;
      const end = this.offsets[f + 1];
      for (let j = this.offsets[f]; j < end; j++) scores[this.classes[j]] += this.values[j];
    }
  }
  private readonly wordSums = new Map<Uint32Array, Float64Array>();
  scoreWord(features: Uint32Array, scores: Float64Array): void {
    let sum = this.wordSums.get(features);
    if (!sum) {
      sum = new Float64Array(NUM_TAGS);
      this.score(features, sum);
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
  format: 'news-facts-ner/1';
  tags: number;
  pass1: StoredTable;
  pass2: StoredTable;
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
  minAbs: number,
  meta: Record<string, unknown>,
): Buffer {
  const model: StoredModel = {
    format: 'news-facts-ner/1',
    tags: NUM_TAGS,
    pass1: packTable(pass1, minAbs),
    pass2: packTable(pass2, minAbs),
    meta,
  };
  return gzipSync(Buffer.from(JSON.stringify(model)), { level: 9 });
}

export interface LoadedModel {
  pass1: SparseWeights;
  pass2: SparseWeights;
  meta: Record<string, unknown>;
}

export function deserializeModel(gz: Buffer): LoadedModel {
  const m = JSON.parse(gunzipSync(gz).toString('utf8')) as StoredModel;
  if (m.format !== 'news-facts-ner/1' || m.tags !== NUM_TAGS) throw new Error('unsupported NER model format');
  return { pass1: unpackTable(m.pass1), pass2: unpackTable(m.pass2), meta: m.meta };
}

export interface TaggedDoc {
  /** BILOU tag per token, per sentence */
  tags: Uint8Array[];
  /** confidence of each token's tag, per sentence */
  probs: Float64Array[];
}

/** Two-pass tagging of a whole document. */
export function tagDocument(model: { pass1: Scorer; pass2: Scorer }, doc: DocInput): TaggedDoc {
  const stat = staticFeatures(doc);
  const folded = doc.sentences.map((ws) => ws.map((w) => foldWord(normalizeToken(w))));
  const pass1 = stat.map((s, i) => decodeSentence(model.pass1, s, null, folded[i]));
  const extra = docFeatures(doc, pass1);
  const probs = stat.map((s) => new Float64Array(s.length));
  const tags = stat.map((s, i) => decodeSentence(model.pass2, s, extra[i], folded[i], undefined, undefined, probs[i]));
  return { tags, probs };
}
