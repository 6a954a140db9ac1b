import { availableParallelism } from 'node:os';
import { closeSync, existsSync, openSync, statSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { LineError, describeError } from '../shared/errors.ts';
import { listFiles, sourceNamedIn, walkFiles, writeFileAtomic } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { releaseBytes } from '../shared/memory.ts';
import { runInWorkers } from '../shared/pool.ts';
import { StageReport } from '../shared/report.ts';
import { formatOf } from './format.ts';
import type { NormalizeOptions } from './index.ts';
import { DEFAULT_MAX_BYTES, ndjsonLines } from './input.ts';
import type { NormalizeOutcome, NormalizeTask, NormalizeWorkerContext } from './worker.ts';

/** the module that handles a batch of articles in a worker thread (see shared/pool.ts) */
export const NORMALIZE_HANDLER = new URL('./worker.ts', import.meta.url);

export interface InputFile {
  /** a path, or "-" for standard input (read as NDJSON) */
  path: string;
  /** path relative to the folder it was found in; for a file argument, its name */
  source: string;
}

/** Every article file in the inputs: files as given, folders walked recursively (sorted), "-" for stdin. */
export function discoverInputs(inputs: string[], report: StageReport): InputFile[] {
  const found: InputFile[] = [];
  for (const input of inputs) {
    if (input === '-') {
      found.push({ path: '-', source: '-' });
      continue;
    }
    if (!existsSync(input)) {
      report.fail(input, 'no such file or folder');
      continue;
    }
    if (statSync(input).isDirectory()) {
      for (const rel of walkFiles(input, (name) => formatOf(name) !== null)) {
        found.push({ path: `${input.replace(/\/+$/, '')}/${rel}`, source: rel });
      }
    } else {
      found.push({ path: input, source: basename(input) });
    }
  }
  return found;
}

export interface InputOptions extends NormalizeOptions {
  /** the largest article file or NDJSON line read, in bytes (see input.ts) */
  maxBytes?: number;
  /** threads normalizing articles (see shared/pool.ts); default: the cores */
  jobs?: number;
}

/**
 * The articles of the inputs, as tasks for the workers: one per article file, one per non-blank
 * NDJSON line. NDJSON is read here, a block at a time, only as fast as the workers take its lines.
 */
function* tasksOf(files: InputFile[], maxBytes: number): Generator<NormalizeTask> {
  for (const file of files) {
    if (file.path !== '-' && formatOf(file.path) !== 'ndjson') {
      yield { kind: 'file', path: file.path, source: file.source };
      continue;
    }
    const unreadable = (e: unknown): NormalizeTask => ({
      kind: 'unreadable', where: file.path, source: file.source, message: describeError(e), line: e instanceof LineError ? e.line : undefined,
    });
    let fd: number;
    try {
      fd = file.path === '-' ? 0 : openSync(file.path, 'r');
    } catch (e) {
      yield unreadable(e);
      continue;
    }
    try {
      for (const line of ndjsonLines(fd, maxBytes)) {
        // a record's source names its line, so errors and outputs point back to it
        yield { kind: 'line', where: `${file.path}:${line.number}`, source: `${file.source}:${line.number}`, bytes: line.bytes, length: line.length };
      }
    } catch (e) {
      // unreadable, or binary from the start: one error for the whole file
      yield unreadable(e);
    } finally {
      if (fd !== 0) closeSync(fd);
    }
  }
}

/**
 * Normalizes every input into out/normalized/. Articles are read and normalized in `jobs` worker
 * threads (see shared/pool.ts) and written here in input order, so that of two inputs with the
 * same text the first is kept whatever the number of jobs. Outputs of inputs that are gone are
 * removed; the earlier output of an input that now fails is kept, so a bad edit loses nothing.
 */
export async function runNormalize(inputs: string[], out: string, options: InputOptions = {}): Promise<StageReport> {
  const report = new StageReport('normalize');
  const paths = layout(out);
  const files = discoverInputs(inputs, report);
  const current = new Map<string, string>(); // article_id → source
  const failedSources = new Set<string>();
  const { jobs, maxBytes = DEFAULT_MAX_BYTES, ...normalizeOptions } = options;
  await runInWorkers<NormalizeTask, NormalizeOutcome, NormalizeWorkerContext>(NORMALIZE_HANDLER, tasksOf(files, maxBytes), {
    jobs: Math.max(1, jobs ?? availableParallelism()),
    context: { options: normalizeOptions, maxBytes },
    crashed: (task, message) => ({
      where: task.kind === 'file' ? task.path : task.where, source: task.source, ok: false, message,
    }),
    consume: (o) => {
      if (!o.ok) {
        report.fail(o.line !== undefined ? `${o.where}:${o.line}` : o.where, o.message);
        failedSources.add(o.source);
        return;
      }
      for (const w of o.warnings) report.warn(`${o.where}: ${w}`);
      const earlier = current.get(o.articleId);
      if (earlier !== undefined) {
        report.warn(`${o.where}: same text as ${earlier}; kept once, as ${earlier}`);
        return;
      }
      current.set(o.articleId, o.articleSource);
      if (writeFileAtomic(paths.normalized(o.articleId), o.json)) report.written++;
      else report.unchanged++;
      releaseBytes(o.json);
    },
  });
  for (const path of listFiles(paths.normalizedDir, '.json')) {
    const id = basename(path, '.json');
    if (current.has(id)) continue;
    // an unreadable leftover is no one's earlier output (its own path is no input's source)
    if (!failedSources.has(sourceNamedIn(path))) unlinkSync(path);
  }
  return report;
}
