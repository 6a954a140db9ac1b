import { LineError } from '../shared/errors.ts';
import { toJson } from '../shared/files.ts';
import { ownedUtf8 } from '../shared/memory.ts';
import { normalizeArticle, normalizeRecord, type NormalizeOptions, type NormalizeResult } from './index.ts';
import { DEFAULT_MAX_BYTES, lineTooLarge, readArticleFile } from './input.ts';

/**
 * Normalization of articles, mostly in worker threads (see shared/pool.ts). A worker reads and
 * normalizes; the normalize stage writes, in input order, since two inputs with the same text
 * (the same article id) must resolve to the first of them whatever thread finished first.
 */

/** One article to normalize: an article file, or an NDJSON line read by the stage. */
export type NormalizeTask =
  | { kind: 'file'; path: string; source: string }
  /** bytes null: the line was over the byte limit (its length in bytes), skipped as it streamed by */
  | { kind: 'line'; where: string; source: string; bytes: Uint8Array | null; length: number }
  /** an input that could not be read at all: its error, with the line when it has one */
  | { kind: 'unreadable'; where: string; source: string; message: string; line?: number };

/** What every task of a normalize run shares. */
export interface NormalizeWorkerContext {
  options: NormalizeOptions;
  maxBytes?: number;
}

export type NormalizeOutcome = { where: string; source: string } & (
  | {
      ok: true;
      articleId: string;
      articleSource: string;
      /** the normalized article's JSON as UTF-8: the stage only writes it, so its heap never holds it as a string */
      json: Uint8Array;
      warnings: string[];
    }
  | { ok: false; message: string; line?: number }
);

function normalized(task: Exclude<NormalizeTask, { kind: 'unreadable' }>, options: NormalizeOptions, maxBytes: number): NormalizeResult {
  if (task.kind === 'file') return normalizeArticle(readArticleFile(task.path, maxBytes), task.source, options);
  if (!task.bytes) throw lineTooLarge(task.length, maxBytes);
  return normalizeRecord(task.bytes, task.source, options);
}

function normalizeTask(task: NormalizeTask, { options, maxBytes = DEFAULT_MAX_BYTES }: NormalizeWorkerContext): NormalizeOutcome {
  const where = task.kind === 'file' ? task.path : task.where;
  const { source } = task;
  if (task.kind === 'unreadable') return { where, source, ok: false, message: task.message, line: task.line };
  try {
    const { article, warnings } = normalized(task, options, maxBytes);
    return { where, source, ok: true, articleId: article.article_id, articleSource: article.source, json: ownedUtf8(toJson(article)), warnings };
  } catch (e) {
    return { where, source, ok: false, message: (e as Error).message, line: e instanceof LineError ? e.line : undefined };
  }
}

/** The batch handler (see shared/pool.ts): normalizes a batch of articles. */
export default function normalizeBatch(tasks: NormalizeTask[], context: NormalizeWorkerContext): NormalizeOutcome[] {
  return tasks.map((t) => normalizeTask(t, context));
}
