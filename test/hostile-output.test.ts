/**
 * Faults around the output folder, through the command line: a run killed with kill -9 leaves the
 * previous dataset intact; a second run on the same folder refuses (or waits) while the first
 * holds the lock; an output folder that cannot be written gives a clear error and no files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputLock } from '../pipeline/shared/lock.ts';
import { corpusLines, snapshot } from './support/corpus.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'pipeline/cli.ts');
// node with the tsx loader, not the tsx launcher: the pid killed is the pipeline's own
const NODE = [process.execPath, '--import', 'tsx', CLI];
const tmp = mkdtempSync(join(tmpdir(), 'news-facts-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SMALL = join(tmp, 'small.ndjson');
const LARGE = join(tmp, 'large.ndjson');
/** long enough that a run over it is still going when a second process has started, even on a loaded machine */
const HUGE = join(tmp, 'huge.ndjson');

function cli(args: string[]): { status: number; stderr: string } {
  const r = spawnSync(NODE[0], [...NODE.slice(1), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status ?? -1, stderr: r.stderr };
}

/** Starts the CLI in the background; `done` resolves with its exit code (null when killed) and stderr. */
function start(args: string[]) {
  const child = spawn(NODE[0], [...NODE.slice(1), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ status: number | null; stderr: string }>((resolve) => child.on('close', (status) => resolve({ status, stderr })));
  return { child, done, stderr: () => stderr };
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** A snapshot without the extract cache. */
const dataset = (files: Map<string, string>): Map<string, string> => new Map([...files].filter(([path]) => !path.startsWith('.cache/')));

/** The staging folder of the run with this pid, beside `out` (see pipeline/shared/staging.ts). */
const stagingOf = (out: string, pid: number): string => join(out, '..', `.out.tmp-${pid}`);

beforeAll(() => {
  writeFileSync(SMALL, `${corpusLines(3).join('\n')}\n`);
  writeFileSync(LARGE, `${corpusLines(60, 1).join('\n')}\n`);
  writeFileSync(HUGE, `${corpusLines(3000, 2).join('\n')}\n`);
});

describe('kill -9 in the middle of a run', () => {
  let reference: Map<string, string>;
  beforeAll(() => {
    // what a complete run over the large corpus gives
    expect(cli(['run', LARGE, '--out', join(tmp, 'reference/out'), '--jobs', '1', '--quiet']).status).toBe(0);
    reference = snapshot(join(tmp, 'reference/out'));
  }, 120_000);

  const killedAt: [string, (staging: string) => boolean][] = [
    ['during extraction', (staging) => existsSync(join(staging, 'facts')) && readdirSync(join(staging, 'facts')).length >= 3],
    ['during export', (staging) => existsSync(join(staging, 'csv')) && readdirSync(staging).some((f) => f.startsWith('dataset.nq.tmp-'))],
  ];
  for (const [when, reached] of killedAt) {
    it(`leaves the previous dataset exactly as it was (killed ${when}); the next run completes`, async () => {
      const out = join(tmp, `killed-${when.split(' ')[1]}`, 'out');
      expect(cli(['run', SMALL, '--out', out, '--jobs', '1', '--quiet']).status).toBe(0);
      const before = snapshot(out);
      const run = start(['run', LARGE, '--out', out, '--jobs', '1', '--quiet']);
      const staging = stagingOf(out, run.child.pid!);
      await until(() => reached(staging), `the run to be ${when}`);
      run.child.kill('SIGKILL');
      expect((await run.done).status).toBeNull();
      // every file of the previous dataset as it was, nothing added, no temporary file in sight;
      // only the dead run's lock is left, for the next run to take over
      const after = snapshot(out);
      expect(JSON.parse(after.get('.lock')!)).toMatchObject({ pid: run.child.pid, command: 'run' });
      after.delete('.lock');
      expect(after).toEqual(before);
      // the next run clears the dead run's staging folder and switches in the complete new dataset
      expect(cli(['run', LARGE, '--out', out, '--jobs', '1', '--quiet']).status).toBe(0);
      expect(existsSync(staging)).toBe(false);
      expect(readdirSync(join(out, '..'))).toEqual(['out']);
      // (the extract cache's keys hash the pipeline's code, which is not what this compares)
      expect(dataset(snapshot(out))).toEqual(dataset(reference));
    }, 180_000);
  }
});

describe('a run stopped by SIGTERM or Ctrl-C', () => {
  it('cleans up: staging folder and lock removed, the previous dataset as it was', async () => {
    const out = join(tmp, 'terminated/out');
    expect(cli(['run', SMALL, '--out', out, '--jobs', '1', '--quiet']).status).toBe(0);
    const before = snapshot(out);
    const run = start(['run', LARGE, '--out', out, '--jobs', '1', '--quiet']);
    await until(() => existsSync(join(stagingOf(out, run.child.pid!), 'facts')), 'the run to start');
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(result.status).toBe(143);
    expect(result.stderr).toContain(`run stopped by SIGTERM; ${out} is left as it was`);
    expect(readdirSync(join(out, '..'))).toEqual(['out']);
    expect(snapshot(out)).toEqual(before);
  }, 60_000);
});

describe('a run killed between the two renames that switch datasets in', () => {
  it('leaves the previous dataset beside the folder, and the next run puts it back', () => {
    const out = join(tmp, 'switch/out');
    expect(cli(['run', SMALL, '--out', out, '--jobs', '1', '--quiet']).status).toBe(0);
    const before = snapshot(out);
    // the state after rename(out → previous) and before rename(staging → out)
    const dead = spawnSync('true').pid!;
    renameSync(out, join(out, '..', `.out.old.tmp-${dead}`));
    mkdirSync(join(out, '..', `.out.tmp-${dead}`));
    const r = cli(['validate', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`restored ${out} from ${join(tmp, 'switch', `.out.old.tmp-${dead}`)}, left by a run killed while switching datasets`);
    expect(readdirSync(join(out, '..'))).toEqual(['out']);
    expect(snapshot(out)).toEqual(before);
  }, 60_000);
});

describe('two runs on the same output folder', () => {
  it('the second refuses with the lock file and the holder named, and changes nothing', async () => {
    const out = join(tmp, 'locked/out');
    expect(cli(['run', SMALL, '--out', out, '--jobs', '1', '--quiet']).status).toBe(0);
    const before = snapshot(out);
    const first = start(['run', HUGE, '--out', out, '--jobs', '1', '--quiet']);
    await until(() => existsSync(stagingOf(out, first.child.pid!)), 'the first run to start');
    const second = cli(['run', SMALL, '--out', out, '--jobs', '1', '--quiet']);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(
      `error: ${out} is in use by another news-facts run (pid ${first.child.pid}, run); lock file ${out}/.lock. ` +
        'Wait for it to end or pass --wait; if no such process is running, delete the lock file.\n',
    );
    first.child.kill('SIGKILL');
    await first.done;
    const after = snapshot(out);
    after.delete('.lock');
    expect(after).toEqual(before);
  }, 120_000);

  it('with --wait the second waits for the lock, then runs', async () => {
    const out = join(tmp, 'waiting/out');
    mkdirSync(out, { recursive: true });
    const lock = await OutputLock.acquire(out, 'test');
    const waiting = start(['validate', '--out', out, '--wait']);
    await until(() => waiting.stderr().includes('waiting for the lock'), 'the second run to wait');
    expect(waiting.stderr()).toBe(`waiting for the lock ${out}/.lock, held by pid ${process.pid}, test\n`);
    await sleep(300);
    expect(waiting.child.exitCode).toBeNull(); // still waiting
    lock.release();
    const result = await waiting.done;
    expect(result.status).toBe(0);
    expect(existsSync(join(out, 'validation.json'))).toBe(true);
    expect(existsSync(join(out, '.lock'))).toBe(false);
  }, 60_000);

  it('takes over a lock left by a process that is gone (kill -9)', () => {
    const out = join(tmp, 'stale/out');
    mkdirSync(out, { recursive: true });
    const dead = spawnSync('true').pid!;
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: dead, host: hostname(), command: 'run' }));
    const r = cli(['validate', '--out', out]);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, '.lock'))).toBe(false);
  }, 60_000);
});

describe('an output folder that cannot be written', () => {
  it('under a file: a clear error, exit code 2, and no file written anywhere', () => {
    const dir = join(tmp, 'unwritable');
    mkdirSync(dir);
    writeFileSync(join(dir, 'file'), 'not a folder');
    const r = cli(['run', SMALL, '--out', join(dir, 'file/out'), '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: cannot create the output folder ${join(dir, 'file/out')}: ENOTDIR: not a directory, mkdir '${join(dir, 'file/out')}'\n`);
    expect(readdirSync(dir)).toEqual(['file']);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('not a folder');
  }, 60_000);

  it('a file given as --out: a clear error, the file untouched', () => {
    const file = join(tmp, 'plain-file');
    writeFileSync(file, 'keep me');
    const r = cli(['validate', '--out', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: ${file} exists and is not a folder\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  }, 60_000);

  it('a folder of other files is not taken for a dataset (it would be replaced)', () => {
    const dir = join(tmp, 'home');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = cli(['validate', '--out', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error: ${dir} holds files that are not a news-facts dataset (notes.txt…)`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  }, 60_000);
});
