/**
 * Speed and memory over the BBC corpus (../shared/data/bbc), measured side by side in one run:
 * 1. each extractor component's MB/s (medians of several rounds, in this process) as it runs among
 *    the others, article by article; then the NER tagger alone over all articles, beside
 *    compromise's NER pass over the same text;
 * 2. the whole pipeline (all stages, all exports, validation on), each configuration in a fresh
 *    process for a clean peak RSS, run as plain JavaScript as bin/news-facts.mjs runs the commands:
 *    --jobs 1 and --jobs 2 over the corpus, and both again over the corpus repeated ×10 (distinct
 *    copies), for the memory check and the speed-up once the workers' start-up weighs less.
 *    The --jobs 1 and --jobs 2 runs alternate, a few of each, and the medians are compared.
 * Usage: npm run bench [-- --rounds N --pipeline-rounds N --limit N --scale N]  (--scale 0 skips the repeated corpus)
 */
import { existsSync, readFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { COMPONENTS, factsOf } from '../pipeline/extract/index.ts';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import { OffsetMap } from '../pipeline/shared/offsets.ts';
import { walkFiles } from '../pipeline/shared/files.ts';
import type { NormalizedArticle } from '../pipeline/records.ts';
import { spawnSync } from 'node:child_process';
import { bundle } from '../pipeline/shared/bundle.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// the tagger alone, in its own loop like compromise below: documents tokenized beforehand
const NER_ALONE = 'ner tagger alone';
const ner = COMPONENTS.find((c) => c.name === 'ner')!;
const prepared = articles.map((a) => prepareDoc(a.article_id, a.text, a.metadata));
const times: Record<string, number[]> = { normalize: [], prepare: [], total: [], [NER_ALONE]: [], 'compromise (baseline NER)': [] };
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
  const tNer = performance.now();
  for (const d of prepared) ner.run(d);
  times[NER_ALONE].push(performance.now() - tNer);
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

// 2. The whole pipeline, one fresh process per configuration.
interface PipelineRun {
  seconds: Record<string, number>;
  cpuSeconds: Record<string, number>;
  articles: number;
  failed: number;
  peakRssMB: number;
  /** the peak RSS reached by the end of each stage */
  peakRssMBAfter: Record<string, number>;
  /** files in the finished output folder */
  files?: number;
}
const scale = arg('scale', 10);
const work = mkdtempSync(join(tmpdir(), 'news-facts-bench-'));
// run as plain JavaScript, as bin/news-facts.mjs runs the commands: no tsx loader in the measured process
const pipelineScript = await bundle(`import ${JSON.stringify(new URL('./pipeline.ts', import.meta.url).pathname)};\n`, { prefix: 'bench-pipeline' });
/** the Node options of bin/news-facts.mjs's #! line, so that the measured process is sized as the command is */
const cliNodeOptions = readFileSync(new URL('../bin/news-facts.mjs', import.meta.url), 'utf8').split('\n')[0].split(/\s+/).filter((a) => a.startsWith('--'));
function pipelineRun(input: string, jobs: number): PipelineRun {
  const out = join(work, `out-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(process.execPath, [...cliNodeOptions, pipelineScript, input, out, String(jobs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const files = r.status === 0 ? readdirSync(out, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length : 0;
  // Kept until the bench ends: ext4 (this VM's has no journal) skips inodes freed in the last
  // minute when it creates a file, so deleting one run's ~7,000 files would slow the next run's
  // file creation several-fold, a cost of the bench and not of the pipeline.
  if (r.status !== 0) throw new Error(`pipeline run failed: ${r.stderr}`);
  return { ...(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as PipelineRun), files };
}
const report = (label: string, run: PipelineRun, megabytes: number): number => {
  const total = Object.values(run.seconds).reduce((a, b) => a + b, 0);
  const split = Object.entries(run.seconds)
    .map(([k, v]) => `${k} ${v.toFixed(1)}s (cpu ${run.cpuSeconds[k].toFixed(1)}s) ≤${run.peakRssMBAfter[k]} MB`)
    .join(', ');
  console.log(
    `${label.padEnd(22)} ${(megabytes / total).toFixed(2).padStart(6)} MB/s ${(run.articles / total).toFixed(1).padStart(7)} articles/s  ` +
      `peak RSS ${String(run.peakRssMB).padStart(4)} MB  (${split}; ${run.failed} failed)`,
  );
  return total;
};
const totalSeconds = (run: PipelineRun): number => Object.values(run.seconds).reduce((a, b) => a + b, 0);
const medianRun = (runs: PipelineRun[]): PipelineRun => [...runs].sort((a, b) => totalSeconds(a) - totalSeconds(b))[Math.floor(runs.length / 2)];
// --jobs 1 and --jobs 2 alternate, so that both see the machine's slow and fast spells alike
const pipelineRounds = arg('pipeline-rounds', 3);
const byJobs: Record<1 | 2, PipelineRun[]> = { 1: [], 2: [] };
for (let r = 0; r < pipelineRounds; r++) for (const jobs of [1, 2] as const) byJobs[jobs].push(pipelineRun(corpus, jobs));
if (pipelineRounds > 0) {
  console.log(`\nwhole pipeline (normalize → extract → validate → export, fresh process each; median of ${pipelineRounds} alternating runs)`);
  const one = report('bbc, --jobs 1', medianRun(byJobs[1]), mb);
  const two = report('bbc, --jobs 2', medianRun(byJobs[2]), mb);
  const ratios = byJobs[1].map((r, i) => totalSeconds(r) / totalSeconds(byJobs[2][i]));
  console.log(`--jobs 2 speed-up over --jobs 1: ${(one / two).toFixed(2)}× (of the medians; run by run ${ratios.map((x) => x.toFixed(2)).join(', ')})`);
  // Creating a file (a new inode) has cost this VM's kernel from 0.03 to over 1 ms of CPU, varying
  // over a session; every output file is one, so the figures above carry it.
  const probe = join(work, 'file-creation-probe');
  mkdirSync(probe);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < 300; i++) writeFileSync(join(probe, String(i)), 'x'.repeat(2000));
  const createMs = (performance.now() - t0) / 300;
  const createCpu = process.cpuUsage(cpu0);
  const createCpuMs = (createCpu.user + createCpu.system) / 1000 / 300;
  rmSync(probe, { recursive: true, force: true });
  const files = medianRun(byJobs[1]).files ?? 0;
  console.log(
    `file creation on the output's file system: ${createMs.toFixed(3)} ms each (CPU ${createCpuMs.toFixed(3)} ms); ` +
      `a run writes ${files} files: ~${((files * createMs) / 1000).toFixed(1)} s of it`,
  );
  const compromiseMs = median(times['compromise (baseline NER)']);
  console.log(`end to end (--jobs 1) vs compromise's NER pass alone: ${((compromiseMs / 1000) / one).toFixed(1)}× faster`);
}
if (scale > 1) {
  // distinct copies: the same text would be de-duplicated by content id
  const big = join(work, `bbc-x${scale}`);
  for (let copy = 1; copy <= scale; copy++) {
    for (const x of inputs) {
      const path = join(big, String(copy), x.source);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, Buffer.concat([x.bytes, Buffer.from(`\nThis is copy ${copy} of the story.\n`)]));
    }
  }
  // both job counts again at scale, where each worker's start (model, compiled code) weighs less
  const bigOne = report(`bbc ×${scale}, --jobs 1`, pipelineRun(big, 1), mb * scale);
  const bigTwo = report(`bbc ×${scale}, --jobs 2`, pipelineRun(big, 2), mb * scale);
  console.log(`--jobs 2 speed-up over --jobs 1 at ×${scale}: ${(bigOne / bigTwo).toFixed(2)}×`);
}
rmSync(work, { recursive: true, force: true });
