import { closeSync, mkdirSync, openSync, readFileSync, readSync, realpathSync, renameSync, rmSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { OutputError } from './errors.ts';

/**
 * Writes through a temporary file and a rename, so a reader (or a crash) never sees a half-written
 * file, and leaves the file untouched when the content is already the same (keeps mtimes for make).
 * Returns true when the file changed. A failed write (disk full, no permission) removes the
 * temporary file and throws an OutputError.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): boolean {
  // a view of the bytes, not a copy
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (existsSync(path)) {
    const old = readFileSync(path);
    if (old.equals(data)) return false;
  }
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new OutputError(path, e);
  }
  return true;
}

/** JSON with sorted-insertion key order as built, two-space indent and a final newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The input an output file names in its `source` field (errors name inputs); else the file itself. */
export function sourceNamedIn(path: string): string {
  try {
    const { source } = readJson<{ source?: unknown }>(path);
    return typeof source === 'string' ? source : path;
  } catch {
    return path;
  }
}

/**
 * Files under dir whose name passes `accept`, as paths relative to dir with "/" separators, sorted
 * by path, one at a time: a corpus's outputs are never listed whole (each folder's names are read
 * and sorted as it is reached). Dot files and folders are skipped. Symbolic links are followed,
 * each folder once, so a link back up the tree ends the walk there.
 */
export function* walkFilesSorted(dir: string, accept: (name: string) => boolean): Generator<string> {
  const seen = new Set<string>();
  function* visit(d: string, prefix: string): Generator<string> {
    const real = realpathSync(d);
    if (seen.has(real)) return;
    seen.add(real);
    const entries: { name: string; key: string; isDir: boolean }[] = [];
    for (const name of readdirSync(d)) {
      if (name.startsWith('.')) continue;
      const st = statSync(join(d, name), { throwIfNoEntry: false });
      if (st?.isDirectory()) entries.push({ name, key: `${name}/`, isDir: true });
      else if (st?.isFile() && accept(name)) entries.push({ name, key: name, isDir: false });
    }
    // a folder's files sort as "name/…": the order of the paths in full
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const e of entries) {
      if (e.isDir) yield* visit(join(d, e.name), `${prefix}${e.name}/`);
      else yield `${prefix}${e.name}`;
    }
  }
  yield* visit(dir, '');
}

/** All of walkFilesSorted's paths. */
export function walkFiles(dir: string, accept: (name: string) => boolean): string[] {
  return [...walkFilesSorted(dir, accept)];
}

/** Files with the given extension directly in dir, sorted; empty when dir does not exist. */
export function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith(ext)).sort().map((n) => join(dir, n));
}

/** SHA-256 of text (as UTF-8) or bytes, in hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The block sha256File reads into: one for the process, as a fresh buffer per file costs the
 * kernel a page fault per page, more than hashing a small file does.
 */
const hashBlock = Buffer.allocUnsafe(1 << 16);

/** SHA-256 of a file, read a block at a time so a file of any size costs constant memory. */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const block = hashBlock;
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, block); n > 0; n = readSync(fd, block)) hash.update(block.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
