import { describe, expect, it } from 'vitest';
import { OutputError } from '../pipeline/shared/errors.ts';
import { runInWorkers } from '../pipeline/shared/pool.ts';

const HANDLER = new URL('./support/pool-handler.ts', import.meta.url);

async function squares(tasks: number[], jobs: number, oneJobInThread = false): Promise<[number, number][]> {
  const seen: [number, number][] = [];
  await runInWorkers<number, number, { offset: number }>(HANDLER, tasks, { jobs, context: { offset: 1 }, oneJobInThread, consume: (o, i) => seen.push([i, o]) });
  return seen;
}

describe('the worker pool', () => {
  const tasks = Array.from({ length: 300 }, (_, i) => i);
  const expected = tasks.map((t, i): [number, number] => [i, t * t + 1]);

  it('hands every outcome over in task order, with the shared context, whatever the number of threads', async () => {
    expect(await squares(tasks, 2)).toEqual(expected);
    expect(await squares(tasks, 3)).toEqual(expected);
    expect(await squares(tasks, 1)).toEqual(expected);
    expect(await squares(tasks, 1, true)).toEqual(expected);
  }, 60_000);

  it('runs a few tasks with one job in this thread', async () => {
    expect(await squares([2, 3], 1)).toEqual([[0, 5], [1, 10]]);
  });

  it('stops with an OutputError, class restored, when a worker cannot write', async () => {
    const failing = [...tasks.slice(0, 100), -42, ...tasks.slice(100)];
    const error = await squares(failing, 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toMatch(/^cannot write out\/42\.json: ENOSPC/);
  }, 60_000);
});
