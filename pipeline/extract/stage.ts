import { availableParallelism } from 'node:os';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import Tinypool from 'tinypool';
import { listFiles, toJson, writeFileAtomic } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { Progress } from '../shared/progress.ts';
import { StageReport } from '../shared/report.ts';
import { pipelineVersion } from '../shared/version.ts';
import { sha256 } from '../normalize/index.ts';
import type { NormalizedArticle } from '../records.ts';
import { extractFacts } from './index.ts';

export interface ExtractTask {
  normalizedPath: string;
  factsPath: string;
  /** where the cache key of the written facts is kept */
  keyPath: string;
  key: string;
}

export interface ExtractOutcome {
  source: string;
  ok: boolean;
  message?: string;
}

/** Extracts one article's facts; on failure removes stale facts so they never flow downstream. */
export function extractFile(task: ExtractTask): ExtractOutcome {
  let source = task.normalizedPath;
  try {
    const article = JSON.parse(readFileSync(task.normalizedPath, 'utf8')) as NormalizedArticle;
    source = article.source;
    writeFileAtomic(task.factsPath, toJson(extractFacts(article)));
    writeFileAtomic(task.keyPath, task.key);
    return { source, ok: true };
  } catch (e) {
    for (const p of [task.factsPath, task.keyPath]) if (existsSync(p)) unlinkSync(p);
    return { source, ok: false, message: process.env.NEWS_FACTS_DEBUG ? String((e as Error).stack) : (e as Error).message };
  }
}

export interface ExtractOptions {
  /** only these normalized files (arguments that are not .json files are ignored); default all */
  only?: string[];
  /** worker threads; 1 runs in this thread */
  jobs?: number;
  quiet?: boolean;
}

/**
 * Extracts facts from out/normalized into out/facts. An article whose normalized file and pipeline
 * version are unchanged since its facts were written is skipped (the key is in out/.cache). With
 * jobs > 1 articles go to worker threads; each writes only its own files, so the output is the
 * same whatever the number of jobs. Facts whose normalized article is gone are removed.
 */
export async function runExtract(out: string, options: ExtractOptions = {}): Promise<StageReport> {
  const report = new StageReport('extract');
  const paths = layout(out);
  const cacheDir = join(out, '.cache', 'extract');
  const version = pipelineVersion();
  const normalized = options.only?.length ? options.only.filter((p) => p.endsWith('.json')) : listFiles(paths.normalizedDir, '.json');
  const tasks: ExtractTask[] = [];
  for (const path of normalized) {
    if (!existsSync(path)) continue;
    const id = basename(path, '.json');
    const task = {
      normalizedPath: path,
      factsPath: paths.facts(id),
      keyPath: join(cacheDir, id),
      key: sha256(`${version}\n${sha256(readFileSync(path))}`),
    };
    if (existsSync(task.factsPath) && existsSync(task.keyPath) && readFileSync(task.keyPath, 'utf8') === task.key) report.unchanged++;
    else tasks.push(task);
  }

  const progress = new Progress('extract', tasks.length, !options.quiet && Boolean(process.stderr.isTTY));
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  let outcomes: ExtractOutcome[];
  if (jobs === 1 || tasks.length < 2) {
    outcomes = tasks.map((t) => {
      const outcome = extractFile(t);
      progress.tick();
      return outcome;
    });
  } else {
    // a bounded old generation makes each worker collect garbage early instead of growing to gigabytes
    const pool = new Tinypool({
      filename: new URL('./worker-entry.mjs', import.meta.url).href,
      minThreads: jobs,
      maxThreads: jobs,
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    try {
      outcomes = await Promise.all(
        tasks.map(async (t) => {
          const outcome = (await pool.run(t)) as ExtractOutcome;
          progress.tick();
          return outcome;
        }),
      );
    } finally {
      await pool.destroy();
    }
  }
  progress.end();
  for (const o of outcomes) {
    if (o.ok) report.written++;
    else report.fail(o.source, o.message ?? 'failed');
  }

  for (const path of listFiles(paths.factsDir, '.json')) {
    const id = basename(path, '.json');
    if (!existsSync(paths.normalized(id))) {
      unlinkSync(path);
      if (existsSync(join(cacheDir, id))) unlinkSync(join(cacheDir, id));
    }
  }
  return report;
}
