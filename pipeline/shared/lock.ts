/**
 * One command at a time per output folder: a lock file `<out>/.lock` naming the process that holds
 * it. It appears whole or not at all (a temporary file hard-linked to the lock's name, which fails
 * when the lock exists), so of two runs started together exactly one gets it. The other refuses
 * with the lock's path and holder, or with --wait waits for it. A lock left by a process that no
 * longer exists on this host (a run killed with kill -9) is taken over.
 */
import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CommandError, OutputError } from './errors.ts';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
}

export const LOCK_FILE = '.lock';

function readHolder(path: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { command: '?', ...holder } as LockHolder : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists on this host (EPERM: it does, under another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the holder may still be running: a live pid on this host, or any process elsewhere. */
const alive = (holder: LockHolder): boolean => holder.host !== hostname() || pidAlive(holder.pid);

export class OutputLock {
  private held = true;

  private constructor(
    readonly path: string,
    readonly content: string,
  ) {}

  /**
   * Takes the lock of the folder `dir` (which must exist) for `command`. Without `wait`, throws a
   * CommandError naming the lock and its holder when another live process has it.
   */
  static async acquire(dir: string, command: string, options: { wait?: boolean; onWait?: (message: string) => void } = {}): Promise<OutputLock> {
    const path = join(dir, LOCK_FILE);
    const content = `${JSON.stringify({ pid: process.pid, host: hostname(), command })}\n`;
    let waiting = false;
    const tmp = `${path}.tmp-${process.pid}`;
    for (;;) {
      try {
        writeFileSync(tmp, content);
        linkSync(tmp, path);
        return new OutputLock(path, content);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputError(path, e);
      } finally {
        rmSync(tmp, { force: true });
      }
      const holder = readHolder(path);
      if (!holder || !alive(holder)) {
        takeOverStale(path, holder);
        continue;
      }
      const who = `pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, ${holder.command}`;
      if (!options.wait) {
        throw new CommandError(
          `${dir} is in use by another news-facts run (${who}); lock file ${path}. ` +
            'Wait for it to end or pass --wait; if no such process is running, delete the lock file.',
        );
      }
      if (!waiting) options.onWait?.(`waiting for the lock ${path}, held by ${who}`);
      waiting = true;
      await sleep(250);
    }
  }

  /** Removes the lock if it is still this process's; safe to call more than once. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      if (readFileSync(this.path, 'utf8') === this.content) unlinkSync(this.path);
    } catch {
      // already gone: nothing to release
    }
  }
}

/**
 * Moves a dead holder's lock aside and deletes it. Moving first makes the check-and-delete safe
 * when two processes find the same stale lock: if the file moved aside turns out not to be the
 * stale one (another process took the lock in between), it is put back.
 */
function takeOverStale(path: string, stale: LockHolder | null): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // gone already: try again
  }
  const moved = readHolder(aside);
  const same = moved?.pid === stale?.pid && moved?.host === stale?.host;
  try {
    if (!same) linkSync(aside, path);
  } catch {
    // a third process holds the lock now; the moved one was live and is lost, which only lets a run in early
  } finally {
    unlinkSync(aside);
  }
}
