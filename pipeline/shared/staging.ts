/**
 * A command builds the new dataset in a staging folder beside the output folder and switches it in
 * at the end with two renames, so the output folder itself is never half-updated: a run killed at
 * any point before the switch leaves it exactly as it was. The staging folder starts as a copy of
 * the output folder made of hard links (instant, no extra space; safe because every write goes
 * through a temporary file and a rename, which never changes a linked file), so the extract cache
 * and make's stamps carry over. The one window left is between the two renames, a few
 * microseconds: a run killed there leaves no output folder, and the next run restores the previous
 * one (recoverInterrupted).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CommandError, OutputError } from './errors.ts';
import { LOCK_FILE, pidAlive } from './lock.ts';

/** What an output folder holds; a folder with other things in it is not taken for one. */
const DATASET_ENTRIES = new Set([
  'normalized', 'facts', 'csv', 'jsonld', 'newsarticle', 'validation.json', 'errors.csv', 'datapackage.json',
  'dataset.jsonld', 'dataset.nq', 'SHA256SUMS', 'site', '.cache', '.make', LOCK_FILE,
]);

/** Leftover temporary files of an interrupted write: never carried into the new dataset. */
const TEMPORARY = /\.tmp-\d+$/;

const siblingPattern = (name: string): RegExp => new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(old\\.)?tmp-(\\d+)$`);

/** Staging and previous-dataset folders of dead processes beside the output folder. */
function deadSiblings(target: string): { path: string; previous: boolean }[] {
  const parent = dirname(target);
  const pattern = siblingPattern(basename(target));
  const found: { path: string; previous: boolean }[] = [];
  for (const name of readdirSync(parent)) {
    const m = pattern.exec(name);
    if (m && !pidAlive(Number(m[2]))) found.push({ path: join(parent, name), previous: m[1] !== undefined });
  }
  return found;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A run killed between the two renames of a switch leaves no output folder but the previous
 * dataset beside it: puts it back. Returns a message when it did.
 */
export function recoverInterrupted(out: string): string | null {
  const target = resolve(out);
  if (existsSync(target) || !isFolder(dirname(target))) return null;
  const previous = deadSiblings(target).find((s) => s.previous);
  if (!previous) return null;
  try {
    renameSync(previous.path, target);
  } catch {
    return null; // another run restored it first
  }
  return `restored ${out} from ${previous.path}, left by a run killed while switching datasets`;
}

/** Copies a folder as hard links (a plain copy, with its times, where links are not possible). */
function cloneTree(from: string, to: string, top: boolean): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if ((top && entry.name === LOCK_FILE) || TEMPORARY.test(entry.name)) continue;
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) cloneTree(src, dst, false);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
        const st = statSync(src);
        utimesSync(dst, st.atime, st.mtime);
      }
    }
  }
}

export class StagedOutput {
  /** the staging folder the command writes */
  readonly dir: string;
  private readonly previous: string;

  private constructor(
    /** the output folder as the user named it, for messages */
    private readonly shown: string,
    /** its real path */
    private readonly target: string,
  ) {
    this.dir = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
    this.previous = join(dirname(target), `.${basename(target)}.old.tmp-${process.pid}`);
  }

  /** Stages the existing output folder `out` (held under its lock). */
  static create(out: string): StagedOutput {
    const target = realpathSync(out);
    const parent = dirname(target);
    if (parent === target) throw new CommandError(`${out} is a filesystem root; give an --out folder inside it`);
    if (statSync(target).dev !== statSync(parent).dev) {
      throw new CommandError(`${out} is a mount point, which cannot be switched by a rename; give an --out folder inside it`);
    }
    const strangers = readdirSync(target).filter((name) => !DATASET_ENTRIES.has(name));
    if (strangers.length && !readdirSync(target).some((name) => name !== LOCK_FILE && DATASET_ENTRIES.has(name))) {
      throw new CommandError(`${out} holds files that are not a news-facts dataset (${strangers.slice(0, 3).join(', ')}…); give a new or empty --out folder`);
    }
    for (const dead of deadSiblings(target)) rmSync(dead.path, { recursive: true, force: true });
    const staged = new StagedOutput(out.replace(/(.)\/+$/, '$1'), target);
    try {
      cloneTree(target, staged.dir, true);
    } catch (e) {
      staged.abort();
      throw new OutputError(staged.dir, e);
    }
    return staged;
  }

  /** A path under the output folder (an argument naming an output file), moved to the staging folder. */
  inside(path: string): string {
    const abs = resolve(path);
    for (const root of [resolve(this.shown), this.target]) {
      if (abs.startsWith(root + sep)) return join(this.dir, relative(root, abs));
    }
    return path;
  }

  /** Text naming staging paths, naming the output folder instead (what they become after the switch). */
  relabel(text: string): string {
    return text.split(this.dir).join(this.shown);
  }

  /**
   * Switches the staged dataset in: the previous output folder is moved aside, the staging folder
   * takes its name, the previous one is deleted. `lock` is written into the new folder first, so
   * it is locked from its first instant.
   */
  commit(lock: string): void {
    try {
      writeFileSync(join(this.dir, LOCK_FILE), lock);
      renameSync(this.target, this.previous);
    } catch (e) {
      throw new OutputError(this.target, e);
    }
    try {
      renameSync(this.dir, this.target);
    } catch (e) {
      renameSync(this.previous, this.target);
      throw new OutputError(this.target, e);
    }
    rmSync(this.previous, { recursive: true, force: true });
  }

  /** Deletes the staging folder; the output folder stays as it was. */
  abort(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
