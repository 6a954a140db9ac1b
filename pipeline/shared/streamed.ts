import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { OutputError } from './errors.ts';
import { sha256File } from './files.ts';

/** bytes held before a write: one system call per ~1 MB, not one per piece (a corpus has many) */
const FLUSH_AT = 1 << 20;

/**
 * A file written piece by piece into a temporary file and hashed as it goes, then moved into place
 * only if its content changed: readers never see half a file, and make sees an unchanged file as
 * unchanged. A failed write removes the temporary file and throws an OutputError.
 */
export class StreamedFile {
  private readonly tmp: string;
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private open = false;
  private pending: Uint8Array[] = [];
  private pendingLength = 0;

  constructor(private readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.fd = openSync(this.tmp, 'w');
      this.open = true;
    } catch (e) {
      throw new OutputError(path, e);
    }
  }

  /** Appends text, or text already encoded as UTF-8 (as worker threads hand it over: see export/worker.ts). */
  add(piece: string | Uint8Array): void {
    if (!piece.length) return;
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    this.pending.push(bytes);
    this.pendingLength += bytes.length;
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (!this.pending.length) return;
    const buf = Buffer.concat(this.pending, this.pendingLength);
    this.pending = [];
    this.pendingLength = 0;
    try {
      for (let at = 0; at < buf.length; ) at += writeSync(this.fd, buf, at);
    } catch (e) {
      this.abort();
      throw new OutputError(this.path, e);
    }
    this.hash.update(buf);
    this.bytes += buf.length;
  }

  /** Closes the file; returns its size, hash, and whether the file on disk changed. */
  finish(): { bytes: number; sha256: string; changed: boolean } {
    this.flush();
    const sha256 = this.hash.digest('hex');
    let same: boolean;
    try {
      this.open = false;
      closeSync(this.fd);
      same = existsSync(this.path) && sha256File(this.path) === sha256;
      if (same) unlinkSync(this.tmp);
      else renameSync(this.tmp, this.path);
    } catch (e) {
      rmSync(this.tmp, { force: true });
      throw new OutputError(this.path, e);
    }
    return { bytes: this.bytes, sha256, changed: !same };
  }

  /** Closes and removes the temporary file; safe to call twice. */
  abort(): void {
    if (this.open) {
      this.open = false;
      closeSync(this.fd);
    }
    rmSync(this.tmp, { force: true });
  }
}
