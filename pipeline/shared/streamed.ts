import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { sha256File } from './files.ts';

/**
 * A file written piece by piece into a temporary file and hashed as it goes, then moved into place
 * only if its content changed: readers never see half a file, and make sees an unchanged file as
 * unchanged.
 */
export class StreamedFile {
  private readonly tmp: string;
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private bytes = 0;

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = `${path}.tmp-${process.pid}`;
    this.fd = openSync(this.tmp, 'w');
  }

  add(text: string): void {
    if (!text) return;
    const buf = Buffer.from(text, 'utf8');
    writeSync(this.fd, buf);
    this.hash.update(buf);
    this.bytes += buf.length;
  }

  /** Closes the file; returns its size, hash, and whether the file on disk changed. */
  finish(): { bytes: number; sha256: string; changed: boolean } {
    closeSync(this.fd);
    const sha256 = this.hash.digest('hex');
    const same = existsSync(this.path) && sha256File(this.path) === sha256;
    if (same) unlinkSync(this.tmp);
    else renameSync(this.tmp, this.path);
    return { bytes: this.bytes, sha256, changed: !same };
  }

  abort(): void {
    closeSync(this.fd);
    if (existsSync(this.tmp)) unlinkSync(this.tmp);
  }
}
