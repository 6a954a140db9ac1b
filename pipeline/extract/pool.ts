import Tinypool from 'tinypool';
import type { ExtractOutcome, ExtractTask } from './worker.ts';

/** articles per message to a worker at most: enough to make messaging cheap */
const BATCH = 8;
/** batches per thread at least, so that the threads finish at about the same time */
const BATCHES_PER_THREAD = 8;
/** up to this many articles, one job runs in this thread: starting a worker would cost more */
const IN_THREAD_MAX = 64;

/**
 * Runs extraction tasks on `jobs` worker threads, a batch of articles per message; outcomes come
 * back in task order. One job runs in a worker too, unless the articles are few: a worker's old
 * generation is bounded, so it collects garbage early, where this thread's heap would keep growing
 * with the corpus.
 */
export async function extractArticles(tasks: ExtractTask[], jobs: number, onDone: () => void): Promise<ExtractOutcome[]> {
  if (!tasks.length) return [];
  if (jobs === 1 && tasks.length <= IN_THREAD_MAX) {
    // loaded only here, so a run that extracts in workers never loads the extractors in this thread
    const { extractFile } = await import('./worker.ts');
    return tasks.map((t) => {
      const outcome = extractFile(t);
      onDone();
      return outcome;
    });
  }
  const size = Math.max(1, Math.min(BATCH, Math.ceil(tasks.length / (jobs * BATCHES_PER_THREAD))));
  const batches: ExtractTask[][] = [];
  for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
  // no thread is started that would have nothing to do
  const threads = Math.min(jobs, batches.length);
  const pool = new Tinypool({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  try {
    const done = await Promise.all(
      batches.map(async (batch) => {
        const outcomes = (await pool.run(batch)) as ExtractOutcome[];
        for (let i = 0; i < outcomes.length; i++) onDone();
        return outcomes;
      }),
    );
    return done.flat();
  } finally {
    await pool.destroy();
  }
}
