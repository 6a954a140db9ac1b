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
  isOpen as IS_OPEN_EXPORT,
  Featurizer,
  historyFeatures,
  type DocInput,
  type SentenceFeatures,
} from './features.ts';
import { Gazetteer } from './gazetteer.ts';
import { WordClusters } from './clusters.ts';
import { DenseWeights, type PackedWeights } from './tagger.ts';

// Local copies: the module loader may turn imported bindings into getters, too slow in hot loops.
const NUM_TAGS = NUM_TAGS_EXPORT;
const allowed = ALLOWED_EXPORT;
const isOpen = IS_OPEN_EXPORT;

/** Anything that adds feature weights to a score vector. */
export interface Scorer {
  /** adds the weights of features[from..to) */
  score(features: ArrayLike<number>, scores: Float64Array, from: number, to: number): void;
}

export interface DecodeOptions {
  /** pass 2: each token's document features */
  extra?: Uint32Array[];
  /** training: gold tags, and the update called on each mistake */
  gold?: Uint8Array;
  learn?: (features: number[], gold: number, pred: number) => void;
  /** training: also learn when the gold tag wins by less than this score margin (against the
   * runner-up) */
  margin?: number;
  /** receives each token's confidence */
  probs?: Float64Array;
}

/**
 * Greedy left-to-right decoding of one sentence: word, context, history and (pass 2) document
 * features. With `learn`, called at each mistake (training); the history always holds the
 * *predicted* tags, as at test time. Except while learning, a lower-case word or punctuation
 * (WordInfo.plain) outside an open span is O without scoring: names start with a capital or a
 * digit, and inference skips most tokens this way. (Applying the rule in training too, so those
 * tokens teach nothing, cost 0.7 F1 on the held-out split: the O weights get too weak.) This is the reference decoder: tagger.ts computes the same tags faster.
 */
export function decodeSentence(scorer: Scorer, sf: SentenceFeatures, o: DecodeOptions = {}): Uint8Array {
  const n = sf.n;
  const tags = new Uint8Array(n);
  const scores = new Float64Array(NUM_TAGS);
  const hist = new Uint32Array(NUM_HISTORY);
  const { ctx, off, word, fold } = sf;
  const { extra, gold, learn, probs, margin = 0 } = o;
  for (let i = 0; i < n; i++) {
    const prevTag = i > 0 ? tags[i - 1] : NUM_TAGS;
    if (!learn && sf.plain[i] && !isOpen[prevTag]) {
      // lower-case word or punctuation outside a span: O (see WordInfo.plain)
      tags[i] = O;
      if (probs) probs[i] = 1;
      continue;
    }
    historyFeatures(hist, tags, i, fold[i]);
    scores.fill(0);
    scorer.score(word[i], scores, 0, word[i].length);
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
    if (gold && learn) {
      let rival = best;
      if (gold[i] === best && margin > 0) {
        rival = -1;
        for (let t = 0; t < NUM_TAGS; t++) {
          if (t === best || !allowed[row + t]) continue;
          if (rival < 0 || scores[t] > scores[rival]) rival = t;
        }
        if (rival >= 0 && scores[best] - scores[rival] >= margin) rival = best;
      }
      if (rival >= 0 && gold[i] !== rival) {
        learn([...word[i], ...ctx.subarray(off[i], off[i + 1]), ...(extra ? extra[i] : []), ...hist], gold[i], rival);
      }
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
  /** word-cluster form hashes (sorted) and their paths (clusters.ts) */
  clusters?: { hashes: string; paths: string };
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

function unpackTable(t: StoredTable): PackedWeights {
  return {
    hashes: fromB64(t.hashes, (b) => new Uint32Array(b)),
    counts: fromB64(t.counts, (b) => new Uint8Array(b)),
    classes: fromB64(t.classes, (b) => new Uint8Array(b)),
    values: fromB64(t.values, (b) => new Int16Array(b)),
    scale: t.scale,
  };
}

export function serializeModel(
  pass1: WeightTable,
  pass2: WeightTable,
  gazetteer: Gazetteer,
  clusters: { hashes: string; paths: string } | undefined,
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
    clusters,
    meta,
  };
  return gzipSync(Buffer.from(JSON.stringify(model)), { level: 9 });
}

export interface LoadedModel {
  /** both passes' weights */
  weights: DenseWeights;
  featurizer: Featurizer;
  meta: Record<string, unknown>;
}

export function deserializeModel(gz: Buffer): LoadedModel {
  const m = JSON.parse(gunzipSync(gz).toString('utf8')) as StoredModel;
  if (m.format !== 'news-facts-ner/2' || m.tags !== NUM_TAGS) throw new Error('unsupported NER model format');
  const gazetteer = new Gazetteer(
    fromB64(m.gazetteer.keys, (b) => new Uint32Array(b)),
    fromB64(m.gazetteer.masks, (b) => new Uint16Array(b)),
  );
  const clusters = m.clusters ? WordClusters.fromStored(m.clusters) : WordClusters.empty();
  return { weights: new DenseWeights([unpackTable(m.pass1), unpackTable(m.pass2)]), featurizer: new Featurizer(gazetteer, clusters), meta: m.meta };
}

/** Two-pass tagging through the reference decoder (decodeSentence); tagger.ts's tagDocument gives
 * the same tags faster. For tests. */
export function tagDocumentReference(model: LoadedModel, doc: DocInput): Uint8Array[] {
  const stat = model.featurizer.staticFeatures(doc);
  const pass1 = stat.map((s) => decodeSentence(model.weights.scorer(0), s));
  const extra = model.featurizer.docFeatures(doc, pass1);
  return stat.map((s, i) => decodeSentence(model.weights.scorer(1), s, { extra: extra[i] }));
}
