import { rmSync } from 'node:fs';

/** One article for extraction (worker.ts), kept apart from the extractors so the stage can use it without loading them. */
export interface ExtractTask {
  normalizedPath: string;
  factsPath: string;
  /** where the cache key of the written facts is kept */
  keyPath: string;
  key: string;
}

/** Removes an article's facts and cache key: after a failure, stale facts must never flow downstream. */
export function discardFacts(task: ExtractTask): void {
  for (const p of [task.factsPath, task.keyPath]) rmSync(p, { force: true });
}
