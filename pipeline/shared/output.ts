/**
 * Every command that writes an output folder runs through withOutput: under the folder's lock
 * (lock.ts), into a staging folder switched in only when the command has finished (staging.ts). A
 * command that stops early — an exception, a write that failed (disk full, no permission),
 * Ctrl-C — leaves the output folder as it was and no staging folder behind.
 */
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { recordFailures } from './errors-csv.ts';
import { CommandError, OutputError } from './errors.ts';
import { OutputLock } from './lock.ts';
import type { StageReport } from './report.ts';
import { recoverInterrupted, StagedOutput } from './staging.ts';

export interface OutputOptions {
  /** wait for another run's lock instead of refusing */
  wait?: boolean;
  /** notices for the user (waiting for a lock, a dataset restored) */
  notice?: (message: string) => void;
}

/** The folder a command writes, and the mapping of paths under --out into it. */
export interface OutputTarget {
  dir: string;
  inside(path: string): string;
}

/** Creates the output folder when missing; returns whether it did. */
function ensureFolder(out: string): boolean {
  let isFolder: boolean | undefined;
  try {
    isFolder = statSync(out).isDirectory();
  } catch {
    isFolder = undefined;
  }
  if (isFolder === false) throw new CommandError(`${out} exists and is not a folder`);
  if (isFolder) return false;
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new CommandError(`cannot create the output folder ${out}: ${(e as Error).message}`);
  }
  return true;
}

/** Messages name staging paths; the user knows them by what they become, paths under --out. */
function relabel(reports: StageReport[], staged: StagedOutput): void {
  for (const r of reports) {
    for (const f of r.failures) {
      f.source = staged.relabel(f.source);
      f.message = staged.relabel(f.message);
    }
    r.warnings.splice(0, r.warnings.length, ...r.warnings.map((w) => staged.relabel(w)));
  }
}

/**
 * Runs `body` on a staged copy of the output folder `out` and switches the result in. Failures
 * of articles (in the reports) are recorded in errors.csv and the dataset is switched in with the
 * other articles; a failed write, or an exception, throws (a CommandError for a failed write or a
 * held lock) and changes nothing.
 */
export async function withOutput(out: string, command: string, options: OutputOptions, body: (target: OutputTarget) => Promise<StageReport[]>): Promise<StageReport[]> {
  const restored = recoverInterrupted(out);
  if (restored) options.notice?.(restored);
  const created = ensureFolder(out);
  let switched = false;
  let lock: OutputLock | undefined;
  let staged: StagedOutput | undefined;
  // Ctrl-C or kill (not kill -9): clean up as an exception would
  const onSignal = (signal: NodeJS.Signals): void => {
    staged?.abort();
    lock?.release();
    process.stderr.write(`\n${command} stopped by ${signal}; ${out} is left as it was\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    try {
      lock = await OutputLock.acquire(out, command, { wait: options.wait, onWait: options.notice });
      staged = StagedOutput.create(out);
    } catch (e) {
      if (e instanceof OutputError) throw new CommandError(`${e.message}; ${out} is left as it was`);
      throw e;
    }
    const target = staged;
    try {
      const reports = await body({ dir: target.dir, inside: (p) => target.inside(p) });
      relabel(reports, target);
      // extraction workers report a failed write as an article failure: it stops the command all the same
      const failedWrite = reports.flatMap((r) => r.failures).find((f) => OutputError.isMessage(f.message));
      if (failedWrite) throw new CommandError(`${failedWrite.message}; ${out} is left as it was`);
      recordFailures(staged.dir, reports);
      staged.commit(lock.content);
      switched = true;
      return reports;
    } catch (e) {
      staged.abort();
      if (e instanceof OutputError) throw new CommandError(`${staged.relabel(e.message)}; ${out} is left as it was`);
      throw e;
    }
  } finally {
    lock?.release();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (created && !switched) {
      try {
        rmdirSync(out);
      } catch {
        // not empty after all: leave it
      }
    }
  }
}
