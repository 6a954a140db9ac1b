/**
 * Disk full in the middle of a run: the tests run as root, where an unwritable folder is not
 * unwritable, so the fault is injected — node:fs's writes fail with ENOSPC after the n-th — at
 * every stage of a run in turn. Each time the command stops with a clear error, the output folder
 * is as it was, and no staging folder, temporary file or lock is left.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runExport } from '../pipeline/export/stage.ts';
import { runExtract } from '../pipeline/extract/stage.ts';
import { runNormalize } from '../pipeline/normalize/stage.ts';
import { CommandError } from '../pipeline/shared/errors.ts';
import { withOutput } from '../pipeline/shared/output.ts';
import { runValidate } from '../pipeline/validate/stage.ts';
import { corpusLines, snapshot } from './support/corpus.ts';

/** Writes fail with ENOSPC once `after` writes have gone through; `count` counts them. */
const disk = vi.hoisted(() => ({ after: Infinity, count: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const full = (): void => {
    if (++disk.count > disk.after) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  };
  const writeFileSync: typeof real.writeFileSync = (...args) => (full(), real.writeFileSync(...args));
  const writeSync = ((...args: Parameters<typeof real.writeSync>) => (full(), real.writeSync(...args))) as typeof real.writeSync;
  return { ...real, writeFileSync, writeSync, default: { ...real, writeFileSync, writeSync } };
});

const tmp = mkdtempSync(join(tmpdir(), 'news-facts-disk-full-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const out = join(tmp, 'datasets', 'out');

/** The `run` command's stages (pipeline/cli.ts), in-process, from `inputs` into `folder`. */
const run = (folder: string, inputs: string[]) =>
  withOutput(folder, 'run', {}, async ({ dir }) => [await runNormalize(inputs, dir), await runExtract(dir, { jobs: 1, quiet: true }), runValidate(dir), await runExport(dir, { jobs: 1 })]);

const corpusA = join(tmp, 'a.ndjson');
const corpusB = join(tmp, 'b.ndjson');
let writesPerRun = 0;
beforeAll(async () => {
  writeFileSync(corpusA, `${corpusLines(3).join('\n')}\n`);
  writeFileSync(corpusB, `${corpusLines(5, 9).join('\n')}\n`);
  mkdirSync(join(tmp, 'datasets'));
  expect((await run(out, [corpusA])).flatMap((r) => r.failures)).toEqual([]);
  // the writes of the run under test (corpus B over a dataset of corpus A), counted on a twin folder
  const twin = join(tmp, 'twin');
  await run(twin, [corpusA]);
  disk.count = 0;
  await run(twin, [corpusB]);
  writesPerRun = disk.count;
}, 120_000);

describe('disk full during a run', () => {
  it('counts the writes of a run (the faults below fall across all of them)', () => {
    expect(writesPerRun).toBeGreaterThan(30);
  });

  for (const share of [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) {
    it(`stops with a clear error after ${share * 100}% of the writes and leaves the output folder as it was`, async () => {
      const before = snapshot(out);
      disk.count = 0;
      disk.after = Math.floor(writesPerRun * share);
      const attempt = run(out, [corpusB]);
      await expect(attempt).rejects.toThrow(CommandError);
      await expect(attempt).rejects.toThrow(/^cannot write .*: ENOSPC: no space left on device, write; .* is left as it was$/);
      disk.after = Infinity;
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(join(tmp, 'datasets'))).toEqual(['out']);
    });
  }
});
