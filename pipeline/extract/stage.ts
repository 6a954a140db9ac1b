import { availableParallelism } from 'node:os';
import { existsSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listFiles, sourceNamedIn, writeFileAtomic, sha256 } from '../shared/files.ts';
import { byCodePoint } from '../shared/order.ts';
import { layout } from '../shared/layout.ts';
import { Progress } from '../shared/progress.ts';
import { StageReport } from '../shared/report.ts';
import { pipelineVersion } from '../shared/version.ts';
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

/** The cache of the extract stage: `<article_id> <key>` per line, the key its facts were written under. */
function readKeys(path: string): Map<string, string> {
  const keys = new Map<string, string>();
  if (!existsSync(path)) return keys;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [id, key] = line.split(' ');
    if (id && key) keys.set(id, key);
  }
  return keys;
}

function writeKeys(path: string, keys: Map<string, string>): void {
  writeFileAtomic(path, [...keys].sort(([a], [b]) => byCodePoint(a, b)).map(([id, key]) => `${id} ${key}\n`).join(''));
}

/**
 * Extracts facts from out/normalized into out/facts. An article whose normalized file and pipeline
 * version are unchanged since its facts were written is skipped: the keys are in one file,
 * out/.cache/extract.keys, not one file per article, since creating a file costs this stage more
 * than anything else it does to the file system (ext4 searches its inode bitmaps for each one). A
 * run killed midway leaves the old keys with the old dataset (see shared/staging.ts).
 * Articles go to `jobs` worker threads (a few articles with one job stay in this thread); each
 * article writes only its own files, so the output is the same whatever the number of jobs. Facts whose normalized article is gone are removed.
 */
export async function runExtract(out: string, options: ExtractOptions = {}): Promise<StageReport> {
  const report = new StageReport('extract');
  const paths = layout(out);
  const keysPath = join(out, '.cache', 'extract.keys');
  // the per-article key files of earlier versions
  rmSync(join(out, '.cache', 'extract'), { recursive: true, force: true });
  const keys = readKeys(keysPath);
  const version = pipelineVersion();
  const normalized = options.only?.length ? options.only.filter((p) => p.endsWith('.json')) : listFiles(paths.normalizedDir, '.json');
  const tasks: ExtractTask[] = [];
  const taskKeys: string[] = [];
  for (const path of normalized) {
    if (!existsSync(path)) continue;
    const id = basename(path, '.json');
    const task = { normalizedPath: path, factsPath: paths.facts(id) };
    const key = sha256(`${version}\n${sha256(readFileSync(path))}`);
    if (existsSync(task.factsPath) && keys.get(id) === key) report.unchanged++;
    else {
      tasks.push(task);
      taskKeys.push(key);
    }
  }

  const progress = new Progress('extract', tasks.length, !options.quiet && Boolean(process.stderr.isTTY));
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  await runInWorkers<ExtractTask, ExtractOutcome, null>(EXTRACT_HANDLER, tasks, {
    jobs,
    context: null,
    consume: (outcome, i) => {
      const id = basename(tasks[i].normalizedPath, '.json');
      if (outcome.ok) {
        keys.set(id, taskKeys[i]);
        report.written++;
      } else {
        keys.delete(id);
        report.fail(outcome.source, outcome.message ?? 'failed');
      }
      progress.tick();
    },
    crashed: (task, message) => {
      discardFacts(task);
      return { source: sourceNamedIn(task.normalizedPath), ok: false, message };
    },
  });
  progress.end();

  for (const path of listFiles(paths.factsDir, '.json')) {
    const id = basename(path, '.json');
    if (!existsSync(paths.normalized(id))) {
      unlinkSync(path);
      keys.delete(id);
    }
  }
  writeKeys(keysPath, keys);
  return report;
}
