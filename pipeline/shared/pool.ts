import { setFlagsFromString } from 'node:v8';
import Tinypool from 'tinypool';
import { OutputError } from './errors.ts';
import { releaseFreedMemory } from './memory.ts';
import { workerScript } from './worker-script.ts';

/** articles per message to a worker at most: enough to make messaging cheap */
const BATCH = 8;
/** batches per thread at least, so that the threads finish at about the same time */
const BATCHES_PER_THREAD = 8;
/** batches per thread at most started before the earliest unfinished one is done (see runInWorkers) */
const AHEAD_PER_THREAD = 16;
/** up to this many articles, one job runs in this thread: starting a worker would cost more */
const IN_THREAD_MAX = 64;
/**
 * A worker's old generation at most, in MB. News articles need far less; a limit keeps each
 * worker's heap tight, since V8 lets a heap grow more the higher its limit. An article that runs a
 * worker out of memory (a long text: a 3 MB article takes ~1.4 GB to export) is retried alone in
 * a worker with the large limit, and fails alone if even that is not enough (see `run`).
 */
const WORKER_HEAP_MB = 256;
const LARGE_WORKER_HEAP_MB = 4096;
/**
 * A worker's young generation (the space new objects are made in) at most, in MB. V8 lets it grow
 * to 48 MB per thread by default. An article's garbage dies young either way; a smaller young
 * generation is collected more often, at no cost the bench could see: 12 MB lowered the peak of a
 * two-job run over the BBC corpus from ~306 to ~250 MB, and 8 MB that of a two-job run over the
 * corpus ×10 from 314–322 to 300–305 MB (README, "Speed and memory").
 */
export const WORKER_YOUNG_MB = 8;

/**
 * V8's optimizing compiler, inlining callees into the extractors' large functions, spent 6.0 s of
 * CPU compiling them in three passes over the BBC corpus, most in the first (up to 0.2 s per
 * function, several compiled more than once), where one warm pass runs in ~4 s. Every worker
 * compiles its own code again, on the same cores, so a second job gained little. Without inlining
 * compiling took 2.5 s and warm code runs as fast (README, "Speed and memory"). The flag is
 * process-wide and set before the threads start, so they all have it.
 */
function compileWithoutInlining(): void {
  setFlagsFromString('--no-turbo-inlining');
}

/**
 * V8 optimizes a function once it has run through this much bytecode (its default is 66 KB): four
 * times as much leaves out functions that are warm only for a moment and gives the others more
 * type feedback, so fewer are compiled again after deoptimizing. The extract stage over the BBC
 * corpus then spent ~3.2 s of CPU on V8's background threads instead of ~4.6 s, for ~0.5 s more on
 * its own thread; the whole pipeline took 6–8% less CPU with one job or two (README, "Speed and
 * memory"). Process-wide too.
 */
const INTERRUPT_BUDGET_BYTES = 4 * 66 * 1024;
function optimizeOnlyHotFunctions(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET_BYTES}`);
}

/**
 * bin/news-facts.mjs bounds the main thread's young generation with a V8 flag, and V8 flags hold
 * for every isolate created after them: unset, it leaves each worker the bound of WORKER_YOUNG_MB
 * (with a flag of 2 MB for both, a run over the BBC corpus ×10 took about a third longer). The main
 * thread keeps the bound it started with.
 */
function workersOwnYoungGeneration(): void {
  setFlagsFromString('--max-semi-space-size=0');
}

/**
 * A module whose default export handles a batch of tasks, in a worker thread or in this one. It
 * receives `context` too: what every task needs, sent to each thread once.
 */
export type BatchHandler<Task, Outcome, Context> = (tasks: Task[], context: Context) => Outcome[];

/**
 * The handler, for a run in this thread: the TypeScript module itself (under tsx or vitest), or,
 * where this thread cannot load TypeScript (the plain-JavaScript CLI, bin/news-facts.mjs), the
 * handler in its bundled worker script, which the command built before it started.
 */
async function inThreadHandler<Task, Outcome, Context>(module: URL): Promise<BatchHandler<Task, Outcome, Context>> {
  try {
    return (await import(module.href)).default as BatchHandler<Task, Outcome, Context>;
  } catch (e) {
    const script = workerScript(module);
    if ((e as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION' || script.module) throw e;
    return (await import(script.filename)).handler as BatchHandler<Task, Outcome, Context>;
  }
}

/**
 * Runs per-article tasks on `jobs` worker threads, a batch per message, and hands each outcome to
 * `consume` in task order as soon as the outcomes before it are in: a stage streams results into
 * its files without holding them all. `tasks` may be a stream (a generator over NDJSON lines): it
 * is read only as far as the threads have room for, and a bounded number of batches wait for the
 * ones before them, so memory does not grow with the corpus. Each task must write only its own
 * files (or none, leaving the writing to `consume`), so the output is the same whatever `jobs` is.
 * A few tasks with one job stay in this thread, as do all of them with `oneJobInThread`: a stage
 * whose handler holds much per thread (the tagger's caches) runs one job in a worker, whose old
 * generation is bounded, so it collects garbage early where this thread's heap would keep growing
 * with the corpus. `module` is the handler's URL; it is imported in this thread only when the work
 * stays here.
 */
export async function runInWorkers<Task, Outcome, Context>(
  module: URL,
  tasks: Iterable<Task>,
  options: {
    jobs: number;
    context: Context;
    consume: (outcome: Outcome, index: number) => void;
    /** the outcome of a task whose worker died on it (out of memory, most likely) */
    crashed: (task: Task, message: string) => Outcome;
    oneJobInThread?: boolean;
    /** each worker's old generation at most, in MB, and that of the worker for large articles */
    heapMb?: number;
    largeHeapMb?: number;
  },
): Promise<void> {
  const { jobs, context, consume, heapMb = WORKER_HEAP_MB, largeHeapMb = LARGE_WORKER_HEAP_MB } = options;
  // the first few tasks, to tell a short stream from a long one
  const iterator = tasks[Symbol.iterator]();
  const head: Task[] = [];
  let exhausted = false;
  const limit = Array.isArray(tasks) ? Infinity : IN_THREAD_MAX + 1;
  while (head.length < limit) {
    const r = iterator.next();
    if (r.done) {
      exhausted = true;
      break;
    }
    head.push(r.value);
  }
  const count = exhausted ? head.length : Array.isArray(tasks) ? tasks.length : undefined;
  if (count === 0) return;
  try {
    await runAll(count);
  } finally {
    // a stream left midway (a write failed) closes what it reads from
    if (!exhausted) iterator.return?.();
  }

  async function runAll(count: number | undefined): Promise<void> {
    compileWithoutInlining();
    optimizeOnlyHotFunctions();
    workersOwnYoungGeneration();
    if (jobs === 1 && ((count !== undefined && count <= IN_THREAD_MAX) || options.oneJobInThread)) {
      const handler = await inThreadHandler<Task, Outcome, Context>(module);
      let i = 0;
      const each = (t: Task): void => {
        let outcome: Outcome;
        try {
          outcome = handler([t], context)[0];
        } catch (e) {
          // a bundled handler's OutputError is not this thread's class
          throw OutputError.fromWorker(e);
        }
        consume(outcome, i++);
        releaseFreedMemory();
      };
      head.forEach(each);
      for (let r = exhausted ? undefined : iterator.next(); r && !r.done; r = iterator.next()) each(r.value);
      return;
    }
    // with a known count, batches small enough that every thread gets several
    const size = count === undefined ? BATCH : Math.max(1, Math.min(BATCH, Math.ceil(count / (jobs * BATCHES_PER_THREAD))));
    // no thread is started that would have nothing to do
    const threads = count === undefined ? jobs : Math.min(jobs, Math.ceil(count / size));
    let headAt = 0;
    let taken = 0;
    /** the next batch of tasks, and the index of its first */
    const takeBatch = (): { batch: Task[]; first: number } | null => {
      const batch: Task[] = [];
      while (batch.length < size && headAt < head.length) batch.push(head[headAt++]);
      while (batch.length < size && !exhausted) {
        const r = iterator.next();
        if (r.done) exhausted = true;
        else batch.push(r.value);
      }
      if (!batch.length) return null;
      const first = taken;
      taken += batch.length;
      return { batch, first };
    };
    const script = workerScript(module);
    const workers = (count: number, heap: number): Tinypool => {
      const pool = new Tinypool({
        filename: script.filename,
        minThreads: count,
        maxThreads: count,
        resourceLimits: { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
        workerData: { module: script.module, context },
      });
      // a worker that dies between tasks is replaced; the pool must not take the process down with it
      pool.on('error', () => undefined);
      return pool;
    };
    const pool = workers(threads, heapMb);
    let largePool: Tinypool | undefined;
    /** a batch's outcomes; when its worker dies, each task again alone, so that only the culprit fails */
    const run = async (batch: Task[], large = false): Promise<Outcome[]> => {
      try {
        return (await (large ? (largePool ??= workers(1, largeHeapMb)) : pool).run(batch)) as Outcome[];
      } catch (e) {
        const error = OutputError.fromWorker(e);
        if (error instanceof OutputError) throw error;
        if (batch.length > 1) return (await Promise.all(batch.map((t) => run([t])))).flat();
        const outOfMemory = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        if (outOfMemory && !large) return run(batch, true);
        const message = outOfMemory
          ? `too large to process: a worker ran out of its ${largeHeapMb} MB heap on this article`
          : `a worker thread failed: ${(e as Error).message}`;
        return [options.crashed(batch[0], message)];
      }
    };
    // Two batches per thread in flight keep every thread busy; batches done out of order wait here
    // for the ones before them, at most AHEAD_PER_THREAD per thread.
    const waiting = new Map<number, { outcomes: Outcome[]; first: number }>();
    let next = 0;
    let started = 0;
    let flushed: (() => void)[] = [];
    const flush = (): void => {
      for (let done = waiting.get(next); done; done = waiting.get(next)) {
        waiting.delete(next);
        done.outcomes.forEach((o, j) => consume(o, done.first + j));
        next++;
      }
      const wake = flushed;
      flushed = [];
      for (const f of wake) f();
      releaseFreedMemory();
    };
    const lane = async (): Promise<void> => {
      for (;;) {
        while (started - next >= threads * AHEAD_PER_THREAD) await new Promise<void>((resolve) => flushed.push(resolve));
        const taken = takeBatch();
        if (!taken) return;
        const b = started++;
        waiting.set(b, { outcomes: await run(taken.batch), first: taken.first });
        flush();
      }
    };
    try {
      await Promise.all(Array.from({ length: threads * 2 }, lane));
    } finally {
      await Promise.all([pool.destroy(), largePool?.destroy()]);
      // what the finished threads freed
      releaseFreedMemory(true);
    }
  }
}
