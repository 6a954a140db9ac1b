import Tinypool from 'tinypool';
import { OutputError } from './errors.ts';

/** articles per message to a worker at most: enough to make messaging cheap */
const BATCH = 8;
/** batches per thread at least, so that the threads finish at about the same time */
const BATCHES_PER_THREAD = 8;
/** up to this many articles, one job runs in this thread: starting a worker would cost more */
const IN_THREAD_MAX = 64;

/**
 * A module whose default export handles a batch of tasks, in a worker thread or in this one. It
 * receives `context` too: what every task needs, sent to each thread once.
 */
export type BatchHandler<Task, Outcome, Context> = (tasks: Task[], context: Context) => Outcome[];

/**
 * Runs per-article tasks on `jobs` worker threads, a batch per message, and hands each outcome to
 * `consume` in task order as soon as the outcomes before it are in: a stage streams results into
 * its files without holding them all. Each task must write only its own files, so the output is the
 * same whatever `jobs` is. A few articles with one job stay in this thread, as do all of them with
 * `oneJobInThread`: a stage whose handler holds much per thread (the tagger's caches) runs one job in
 * a worker, whose old generation is bounded, so it collects garbage early where this thread's heap
 * would keep growing with the corpus. `module` is the handler's URL; it is imported in this thread
 * only when the work stays here.
 */
export async function runInWorkers<Task, Outcome, Context>(
  module: URL,
  tasks: Task[],
  options: { jobs: number; context: Context; consume: (outcome: Outcome, index: number) => void; oneJobInThread?: boolean },
): Promise<void> {
  const { jobs, context, consume } = options;
  if (!tasks.length) return;
  if (jobs === 1 && (tasks.length <= IN_THREAD_MAX || options.oneJobInThread)) {
    const handler = (await import(module.href)).default as BatchHandler<Task, Outcome, Context>;
    tasks.forEach((t, i) => consume(handler([t], context)[0], i));
    return;
  }
  const size = Math.max(1, Math.min(BATCH, Math.ceil(tasks.length / (jobs * BATCHES_PER_THREAD))));
  const batches: Task[][] = [];
  for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
  // no thread is started that would have nothing to do
  const threads = Math.min(jobs, batches.length);
  const pool = new Tinypool({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: 256 },
    workerData: { module: module.href, context },
  });
  // batches done out of order wait here for the ones before them
  const waiting = new Map<number, Outcome[]>();
  let next = 0;
  try {
    await Promise.all(
      batches.map(async (batch, b) => {
        waiting.set(b, (await pool.run(batch)) as Outcome[]);
        for (let done = waiting.get(next); done; done = waiting.get(next)) {
          waiting.delete(next);
          done.forEach((o, j) => consume(o, next * size + j));
          next++;
        }
      }),
    );
  } catch (e) {
    throw OutputError.fromWorker(e);
  } finally {
    await pool.destroy();
  }
}
