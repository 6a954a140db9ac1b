/**
 * Speed and memory of the pipeline over the BBC corpus (../shared/data/bbc): MB/s of each
 * extractor component and of normalize + extract as a whole, medians of several rounds measured
 * side by side in one process, and peak RSS. Usage: npm run bench [-- --rounds N --limit N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { COMPONENTS, factsOf } from '../pipeline/extract/index.ts';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import { OffsetMap } from '../pipeline/shared/offsets.ts';
import { walkFiles } from '../pipeline/shared/files.ts';
import type { NormalizedArticle } from '../pipeline/records.ts';
import nlp from 'compromise';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('rounds', 3);
const limit = arg('limit', Infinity);
const corpus = new URL('../../shared/data/bbc/', import.meta.url).pathname;
if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} not found (../shared/data is absent)`);
  process.exit(0);
}

const inputs: { source: string; bytes: Buffer }[] = [];
for (const rel of walkFiles(corpus, (n) => n.endsWith('.txt')).slice(0, limit)) {
  inputs.push({ source: rel, bytes: readFileSync(`${corpus}${rel}`) });
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = inputs.reduce((n, x) => n + x.bytes.length, 0) / 1e6;

// warm-up: loads the model and JIT-compiles the hot paths
const articles: NormalizedArticle[] = [];
let failed = 0;
for (const x of inputs) {
  try {
    articles.push(normalizeArticle(x.bytes, x.source).article);
  } catch {
    failed++;
  }
}
for (const a of articles.slice(0, 20)) {
  const d = prepareDoc(a.article_id, a.text, a.metadata);
  for (const c of COMPONENTS) c.run(d);
}

const times: Record<string, number[]> = { normalize: [], prepare: [], total: [], 'compromise (baseline NER)': [] };
for (const c of COMPONENTS) times[c.name] = [];
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  for (const x of inputs) {
    try {
      normalizeArticle(x.bytes, x.source);
    } catch {
      /* counted in the warm-up */
    }
  }
  times.normalize.push(performance.now() - t0);
  const per: Record<string, number> = { prepare: 0 };
  for (const c of COMPONENTS) per[c.name] = 0;
  const t1 = performance.now();
  for (const a of articles) {
    let t = performance.now();
    const map = new OffsetMap(a.text);
    const doc = prepareDoc(a.article_id, a.text, a.metadata, {
      paragraphs: a.paragraphs.map((s) => map.spanFromCodePoints(s)),
      sentences: a.sentences.map((s) => map.spanFromCodePoints({ start: s.start, end: s.end })),
    });
    per.prepare += performance.now() - t;
    for (const c of COMPONENTS) {
      t = performance.now();
      c.run(doc);
      per[c.name] += performance.now() - t;
    }
    factsOf(doc, a.source);
  }
  times.total.push(performance.now() - t1 + times.normalize[r]);
  // the JavaScript library we compared against: its people/places/organizations on the same text
  const t2 = performance.now();
  for (const a of articles) {
    const d = nlp(a.text);
    d.people().out('array');
    d.places().out('array');
    d.organizations().out('array');
  }
  times['compromise (baseline NER)'].push(performance.now() - t2);
  for (const [k, v] of Object.entries(per)) times[k].push(v);
}

console.log(`corpus: ${inputs.length} BBC articles, ${mb.toFixed(2)} MB (${failed} rejected by normalize), ${rounds} rounds`);
console.log('stage/component            median ms      MB/s');
for (const [name, xs] of Object.entries(times)) {
  const ms = median(xs);
  console.log(`${name.padEnd(26)} ${ms.toFixed(0).padStart(9)} ${(mb / (ms / 1000)).toFixed(2).padStart(9)}`);
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
