import { describe, expect, it } from 'vitest';
import { OutputError } from '../pipeline/shared/errors.ts';
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runInWorkers, WORKER_YOUNG_MB } from '../pipeline/shared/pool.ts';
import { buildWorkerScript, workerScript } from '../pipeline/shared/worker-script.ts';

const HANDLER = new URL('./support/pool-handler.ts', import.meta.url);

async function squares(tasks: number[], jobs: number, oneJobInThread = false, crashes: string[] = []): Promise<[number, number][]> {
  const seen: [number, number][] = [];
  await runInWorkers<number, number, { offset: number }>(HANDLER, tasks, {
    jobs,
    context: { offset: 1 },
    oneJobInThread,
    heapMb: 64,
    largeHeapMb: 256,
    consume: (o, i) => seen.push([i, o]),
    crashed: (t, message) => {
      crashes.push(`${t}: ${message}`);
      return NaN;
    },
  });
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

  it('runs the handler through tsx until its bundled script is built for this version, then the bundle', async () => {
    // this handler's bundle only: other test files' runs use theirs meanwhile
    const earlier = workerScript(HANDLER);
    if (!earlier.module) rmSync(fileURLToPath(earlier.filename));
    expect(workerScript(HANDLER)).toEqual({ filename: new URL('../pipeline/shared/worker-entry.mjs', import.meta.url).href, module: HANDLER.href });
    expect(await squares(tasks.slice(0, 100), 2)).toEqual(expected.slice(0, 100));
    await buildWorkerScript(HANDLER);
    const bundled = workerScript(HANDLER);
    expect(bundled.filename).toMatch(/\/node_modules\/\.cache\/news-facts\/worker-[0-9a-f]{16}\.mjs$/);
    expect(bundled.module).toBeUndefined();
    // plain JavaScript: no TypeScript left for a loader to strip
    expect(readFileSync(fileURLToPath(bundled.filename), 'utf8')).not.toMatch(/: number\[\]/);
  }, 60_000);

  it('bounds each worker’s young generation', async () => {
    const seen = await squares([...tasks.slice(0, 100), -4], 2);
    expect(seen[100]).toEqual([100, WORKER_YOUNG_MB]);
  }, 60_000);

  it('leaves the workers their own young generation when the process bounds its own (as bin/news-facts.mjs does)', () => {
    const script = fileURLToPath(new URL('./support/young-generation.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--max-semi-space-size=1', '--import', 'tsx', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const grown = JSON.parse(r.stdout) as { main: number; workers: number[] };
    // two 1 MB semi-spaces in this thread; the workers' WORKER_YOUNG_MB gives each semi-space a third of it
    expect(grown.main).toBeLessThanOrEqual(2);
    expect(grown.workers).toHaveLength(2);
    for (const w of grown.workers) expect(w).toBeGreaterThan(2);
    expect(WORKER_YOUNG_MB).toBeGreaterThan(6);
  }, 60_000);

  it('runs a few tasks with one job in this thread', async () => {
    expect(await squares([2, 3], 1)).toEqual([[0, 5], [1, 10]]);
  });

  it('fails only the task a worker died on, out of memory or otherwise, and goes on with the rest', async () => {
    const crashes: string[] = [];
    const withBad = [...tasks.slice(0, 50), -2, ...tasks.slice(50, 150), -1, -3, ...tasks.slice(150)];
    const seen = await squares(withBad, 2, false, crashes);
    expect(seen.map(([i]) => i)).toEqual(withBad.map((_, i) => i));
    // -3 outgrew the 64 MB heap and went through in the large one
    expect(seen.filter(([, o]) => !Number.isNaN(o)).map(([, o]) => o)).toEqual([...tasks.slice(0, 150), -3, ...tasks.slice(150)].map((t) => (t === -3 ? -719 : t * t + 1)));
    expect(crashes.sort()).toEqual(['-1: a worker thread failed: the handler failed', '-2: too large to process: a worker ran out of its 256 MB heap on this article']);
  }, 120_000);

  it('stops with an OutputError, class restored, when a worker cannot write', async () => {
    const failing = [...tasks.slice(0, 100), -42, ...tasks.slice(100)];
    const error = await squares(failing, 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toMatch(/^cannot write out\/42\.json: ENOSPC/);
  }, 60_000);
});

describe('the worker pool over a stream of tasks', () => {
  it('reads a generator only as far as the threads have room for, and keeps task order', async () => {
    let pulled = 0;
    let consumed = 0;
    let furthestAhead = 0;
    function* stream(): Generator<number> {
      for (let t = 0; t < 2000; t++) {
        pulled++;
        furthestAhead = Math.max(furthestAhead, pulled - consumed);
        yield t;
      }
    }
    const seen: number[] = [];
    await runInWorkers<number, number, { offset: number }>(HANDLER, stream(), {
      jobs: 2,
      context: { offset: 1 },
      consume: (o, i) => {
        expect(i).toBe(consumed);
        seen.push(o);
        consumed++;
      },
      crashed: () => NaN,
    });
    expect(seen).toEqual(Array.from({ length: 2000 }, (_, t) => t * t + 1));
    // the first 65 tell a long stream from a short one; then at most 16 batches of 8 per thread ahead
    expect(furthestAhead).toBeLessThanOrEqual(65 + 2 * 16 * 8 + 8);
  }, 60_000);

  it('runs a short stream with one job in this thread', async () => {
    const seen: number[] = [];
    await runInWorkers<number, number, { offset: number }>(HANDLER, [5, 6].values(), {
      jobs: 1, context: { offset: 0 }, consume: (o) => seen.push(o), crashed: () => NaN,
    });
    expect(seen).toEqual([25, 36]);
  });
});
