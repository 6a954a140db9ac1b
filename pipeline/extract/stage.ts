import { availableParallelism } from 'node:os';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listFiles, sourceNamedIn } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { Progress } from '../shared/progress.ts';
import { StageReport } from '../shared/report.ts';
import { pipelineVersion } from '../shared/version.ts';
import { sha256 } from '../normalize/index.ts';
import { runInWorkers } from '../shared/pool.ts';
import { discardFacts, type ExtractTask } from './task.ts';
import type { ExtractOutcome } from './worker.ts';

/** the module that handles a batch of articles in a worker thread (see shared/pool.ts) */
export const EXTRACT_HANDLER = new URL('./worker.ts', import.meta.url);

export interface ExtractOptions {
  /** only these normalized files (arguments that are not .json files are ignored); default all */
  only?: string[];
  /** threads extracting articles (see shared/pool.ts) */
  jobs?: number;
  quiet?: boolean;
}

/**
 * Extracts facts from out/normalized into out/facts. An article whose normalized file and pipeline
 * version are unchanged since its facts were written is skipped (the key is in out/.cache).
 * Articles go to `jobs` worker threads (a few articles with one job stay in this thread); each
 * article writes only its own files, so the output is the same whatever the number of jobs. Facts whose normalized article is gone are removed.
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
  const outcomes: ExtractOutcome[] = [];
  await runInWorkers<ExtractTask, ExtractOutcome, null>(EXTRACT_HANDLER, tasks, {
    jobs,
    context: null,
    consume: (outcome) => {
      outcomes.push(outcome);
      progress.tick();
    },
    crashed: (task, message) => {
      discardFacts(task);
      return { source: sourceNamedIn(task.normalizedPath), ok: false, message };
    },
  });
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
