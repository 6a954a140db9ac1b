import { readFileSync } from 'node:fs';
import { toJson, writeFileAtomic } from '../shared/files.ts';
import type { NormalizedArticle } from '../records.ts';
import { extractFacts } from './index.ts';
import { discardFacts, type ExtractTask } from './task.ts';

/**
 * Extraction of article files, mostly in worker threads (see shared/pool.ts). Each worker loads this
 * module and what it imports, so it imports only what extraction needs.
 */

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
    return { source, ok: true };
  } catch (e) {
    discardFacts(task);
    return { source, ok: false, message: process.env.NEWS_FACTS_DEBUG ? String((e as Error).stack) : (e as Error).message };
  }
}

/** The batch handler (see shared/pool.ts): extracts a batch of articles. */
export default function extractBatch(tasks: ExtractTask[]): ExtractOutcome[] {
  return tasks.map(extractFile);
}
