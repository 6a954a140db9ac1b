/**
 * Fuzz run over the BBC development corpus (../shared/data/bbc, read-only): every article, as it
 * is and in random mutations — truncated at a random byte, bytes flipped, quotes doubled,
 * punctuation stripped, one to three of them in turn — through normalize → extract → validate →
 * export (the stage functions, in-process, a batch of articles at a time on temporary folders).
 *
 * A crash is an exception escaping a stage, a failure in extract, validate or export (an
 * extractor that threw, an output that fails validation), or a normalize failure other than a
 * clean refusal (empty, binary, not UTF-8, not English, too large). Exits 1 when there is one.
 *
 *   npm run fuzz -- [--seed N] [--mutations M] [--limit K] [--jobs J] [--encoding auto] [--keep]
 *
 * With --encoding auto, mutants with broken UTF-8 are read as Latin-1 and reach extraction too.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runExport } from '../pipeline/export/stage.ts';
import { runExtract } from '../pipeline/extract/stage.ts';
import { ENCODINGS, type Encoding } from '../pipeline/normalize/encoding.ts';
import { runNormalize } from '../pipeline/normalize/stage.ts';
import { walkFiles } from '../pipeline/shared/files.ts';
import type { StageReport } from '../pipeline/shared/report.ts';
import { runValidate } from '../pipeline/validate/stage.ts';
import { mulberry32 } from '../pipeline/shared/random.ts';

const CORPUS = fileURLToPath(new URL('../../shared/data/bbc', import.meta.url));
const BATCH = 400;

/** Refusals that are right for a broken article: not crashes. */
const CLEAN_REFUSALS: [string, RegExp][] = [
  ['empty', /^empty article/],
  ['binary', /^(binary data, not text|UTF-16 text)/],
  ['invalid UTF-8', /^not valid UTF-8/],
  ['not English', /^text does not look like English/],
  ['too large', /over the --max-bytes limit/],
];


type Mutation = (bytes: Buffer, rand: () => number) => Buffer;
const int = (rand: () => number, n: number): number => Math.floor(rand() * n);
const replaceBytes = (bytes: Buffer, pattern: RegExp, by: (m: string) => string): Buffer => Buffer.from(bytes.toString('latin1').replace(pattern, by), 'latin1');

const MUTATIONS: Record<string, Mutation> = {
  truncate: (bytes, rand) => bytes.subarray(0, int(rand, bytes.length + 1)),
  byteflip: (bytes, rand) => {
    const out = Buffer.from(bytes);
    const flips = 1 + int(rand, 8);
    for (let i = 0; i < flips && out.length; i++) out[int(rand, out.length)] ^= 1 + int(rand, 255);
    return out;
  },
  'doubled-quotes': (bytes) => replaceBytes(bytes, /["']/g, (q) => q + q),
  'stripped-punctuation': (bytes) => replaceBytes(bytes, /[-.,;:!?"'()]/g, () => ''),
};
const KINDS = Object.keys(MUTATIONS);

interface Outcome {
  articles: number;
  inputs: number;
  exported: number;
  refused: Map<string, number>;
  crashes: string[];
}

function classify(reports: StageReport[], outcome: Outcome): void {
  const [normalize, ...later] = reports;
  for (const f of normalize.failures) {
    const kind = CLEAN_REFUSALS.find(([, pattern]) => pattern.test(f.message))?.[0];
    if (kind) outcome.refused.set(kind, (outcome.refused.get(kind) ?? 0) + 1);
    else outcome.crashes.push(`${f.source}: ${f.message} [normalize]`);
  }
  for (const r of later) for (const f of r.failures) outcome.crashes.push(`${f.source}: ${f.message} [${f.stage}]`);
}

async function runBatch(inputDir: string, out: string, options: { jobs: number; encoding: Encoding }, outcome: Outcome): Promise<void> {
  const { jobs, encoding } = options;
  const reports: StageReport[] = [];
  try {
    reports.push(await runNormalize([inputDir], out, { encoding }));
    reports.push(await runExtract(out, { jobs, quiet: true }));
    reports.push(runValidate(out));
    reports.push(await runExport(out));
  } catch (e) {
    outcome.crashes.push(`${inputDir}: exception escaped a stage: ${(e as Error).stack ?? String(e)}`);
  }
  if (reports.length) classify(reports, outcome);
  if (reports[2]) outcome.exported += reports[2].written;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      mutations: { type: 'string', default: '2' },
      limit: { type: 'string' },
      jobs: { type: 'string', default: String(availableParallelism()) },
      encoding: { type: 'string', default: 'utf-8' },
      keep: { type: 'boolean', default: false },
    },
  });
  if (!existsSync(CORPUS)) {
    console.log(`fuzz: skipped, the BBC development corpus is absent (${CORPUS})`);
    return;
  }
  const seed = Number(values.seed);
  const perArticle = Number(values.mutations);
  const jobs = Number(values.jobs);
  const encoding = values.encoding as Encoding;
  if (!ENCODINGS.includes(encoding)) throw new Error(`--encoding must be one of ${ENCODINGS.join(', ')}`);
  const rand = mulberry32(seed);
  const files = walkFiles(CORPUS, (name) => name.endsWith('.txt')).slice(0, values.limit ? Number(values.limit) : undefined);
  const work = mkdtempSync(join(tmpdir(), 'news-facts-fuzz-'));
  console.log(`fuzz: seed ${seed}, ${files.length} articles from ${CORPUS}, ${perArticle} mutations each, encoding ${encoding}, ${jobs} extraction jobs; inputs in ${work}`);
  const started = Date.now();
  const outcome: Outcome = { articles: files.length, inputs: 0, exported: 0, refused: new Map(), crashes: [] };
  const mutationCounts = new Map<string, number>();
  for (let from = 0, batch = 0; from < files.length; from += BATCH, batch++) {
    const inputDir = join(work, `batch-${batch}`, 'in');
    for (const rel of files.slice(from, from + BATCH)) {
      const bytes = readFileSync(join(CORPUS, rel));
      const base = rel.replace(/\.txt$/, '');
      mkdirSync(dirname(join(inputDir, rel)), { recursive: true });
      writeFileSync(join(inputDir, rel), bytes);
      outcome.inputs++;
      for (let m = 0; m < perArticle; m++) {
        const steps = Array.from({ length: 1 + int(rand, 3) }, () => KINDS[int(rand, KINDS.length)]);
        const mutated = steps.reduce<Buffer>((b, kind) => MUTATIONS[kind](b, rand), bytes);
        for (const kind of steps) mutationCounts.set(kind, (mutationCounts.get(kind) ?? 0) + 1);
        writeFileSync(join(inputDir, `${base}~${m}-${steps.join('+')}.txt`), mutated);
        outcome.inputs++;
      }
    }
    await runBatch(inputDir, join(work, `batch-${batch}`, 'out'), { jobs, encoding }, outcome);
    if (!values.keep) rmSync(join(work, `batch-${batch}`), { recursive: true, force: true });
    console.log(`fuzz: ${Math.min(from + BATCH, files.length)}/${files.length} articles, ${outcome.crashes.length} crashes, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  const seconds = (Date.now() - started) / 1000;
  const refused = [...outcome.refused].map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  console.log(
    [
      `fuzz: seed ${seed}, encoding ${encoding}`,
      `  articles ${outcome.articles}, inputs ${outcome.inputs} (originals and ${outcome.inputs - outcome.articles} mutants: ${[...mutationCounts].map(([k, n]) => `${k} ${n}`).join(', ')})`,
      `  through every stage ${outcome.exported}; refused cleanly: ${refused}`,
      `  crashes ${outcome.crashes.length}`,
      `  time ${seconds.toFixed(1)} s (${(outcome.inputs / seconds).toFixed(1)} inputs/s)`,
    ].join('\n'),
  );
  for (const c of outcome.crashes.slice(0, 50)) console.log(`crash: ${c}`);
  if (outcome.crashes.length) process.exitCode = 1;
}

await main();
