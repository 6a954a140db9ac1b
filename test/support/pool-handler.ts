import { getHeapSpaceStatistics } from 'node:v8';
import { resourceLimits } from 'node:worker_threads';
import { OutputError } from '../../pipeline/shared/errors.ts';

/** what the out-of-memory task holds on to */
const hoard: number[][] = [];

/**
 * A batch handler for the worker pool test: squares each task and adds the shared offset. Tasks
 * divisible by 7 take longer, so batches finish out of order; -42 fails a write, -1 throws, -2
 * allocates until its worker runs out of memory, -3 holds ~120 MB while it works, -4 answers
 * with its thread's young generation limit, and -5 with the size its young generation grew to.
 */
export default function squareBatch(tasks: number[], context: { offset: number }): number[] {
  return tasks.map((t) => {
    if (t === -42) throw new OutputError(`out/${-t}.json`, new Error('ENOSPC: no space left on device'));
    if (t === -1) throw new Error('the handler failed');
    if (t === -4) return resourceLimits.maxYoungGenerationSizeMb ?? NaN;
    if (t === -5) return youngGenerationGrownMb();
    if (t === -2) for (;;) hoard.push(new Array<number>(1 << 16).fill(t));
    if (t === -3) {
      const held = Array.from({ length: 240 }, () => new Array<number>(1 << 16).fill(t));
      return held.length * t + context.offset;
    }
    if (t % 7 === 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    return t * t + context.offset;
  });
}

/** Makes short-lived garbage, some of it surviving a collection or two, and returns the largest
 * size (MB) this thread's space for new objects grew to meanwhile. */
export function youngGenerationGrownMb(): number {
  let largest = 0;
  const recent: { n: number; list: number[] }[] = [];
  for (let i = 0; i < 2_000_000; i++) {
    recent.push({ n: i, list: [i] });
    if (recent.length > 20_000) recent.length = 0;
    if (i % 1000 === 0) largest = Math.max(largest, getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size);
  }
  return largest / (1 << 20);
}
