import { rmSync } from 'node:fs';

/** One article for extraction (worker.ts), kept apart from the extractors so the stage can use it without loading them. */
export interface ExtractTask {
  normalizedPath: string;
  factsPath: string;
}

/** Removes an article's facts: after a failure, stale facts must never flow downstream. */
export function discardFacts(task: ExtractTask): void {
  rmSync(task.factsPath, { force: true });
}
