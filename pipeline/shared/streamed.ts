import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { OutputError } from './errors.ts';
import { sha256File } from './files.ts';

/** bytes gathered before a write: one system call per 256 KB, not one per piece (a corpus has many) */
const BUFFER_BYTES = 1 << 18;

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
  /** pieces are copied here as they come, so the file never holds on to a caller's bytes */
  private buffer?: Buffer;
  private buffered = 0;

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
    if (this.buffered + bytes.length > BUFFER_BYTES) this.flush();
    if (bytes.length >= BUFFER_BYTES) {
      this.write(bytes);
      return;
    }
    this.buffer ??= Buffer.allocUnsafeSlow(BUFFER_BYTES);
    this.buffer.set(bytes, this.buffered);
    this.buffered += bytes.length;
  }

  private flush(): void {
    if (!this.buffered || !this.buffer) return;
    this.write(this.buffer.subarray(0, this.buffered));
    this.buffered = 0;
  }

  private write(bytes: Uint8Array): void {
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
    } catch (e) {
      this.abort();
      throw new OutputError(this.path, e);
    }
    this.hash.update(bytes);
    this.bytes += bytes.length;
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
