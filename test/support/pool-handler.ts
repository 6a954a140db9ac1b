import { OutputError } from '../../pipeline/shared/errors.ts';

/**
 * A batch handler for the worker pool test: squares each task and adds the shared offset. Tasks
 * divisible by 7 take longer, so batches finish out of order; a negative task fails a write.
 */
export default function squareBatch(tasks: number[], context: { offset: number }): number[] {
  return tasks.map((t) => {
    if (t < 0) throw new OutputError(`out/${-t}.json`, new Error('ENOSPC: no space left on device'));
    if (t % 7 === 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    return t * t + context.offset;
  });
}
