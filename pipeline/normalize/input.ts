/**
 * Reading inputs in bounded memory: an article file is read only when it is within the byte limit
 * (its size is checked before a byte is read, and a device or pipe is read no further than the
 * limit), and NDJSON is read a block at a time, a line longer than the limit being skipped as it
 * streams by. So a 50 MB article, a corpus of gigabytes, or /dev/zero costs at most the limit.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { checkNotBinary } from './encoding.ts';

/** Default --max-bytes: far above any news article, far below what would strain memory. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const BLOCK = 1 << 20;

/** "10485760 bytes (10 MiB)" */
export function describeBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n} bytes (${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MiB)` : `${n} bytes`;
}

function tooLarge(what: string, size: string, maxBytes: number): Error {
  return new Error(`${what} is ${size}, over the --max-bytes limit of ${describeBytes(maxBytes)}; raise --max-bytes to read it`);
}

/** readSync that waits out EAGAIN, which a non-blocking standard input gives when no data is ready yet. */
function readBlock(fd: number, buf: Buffer, offset = 0): number {
  for (;;) {
    try {
      return readSync(fd, buf, offset, buf.length - offset, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/** The bytes of an article file, refused (unread) when over maxBytes. */
export function readArticleFile(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge('the article', describeBytes(stat.size), maxBytes);
    // a device or a pipe has no size: it is read until the limit is passed
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(stat.isFile() ? Math.min(stat.size + 1, BLOCK) : BLOCK);
      const n = readBlock(fd, buf);
      if (n === 0) return Buffer.concat(chunks, length);
      length += n;
      if (length > maxBytes) throw tooLarge('the article', `more than ${describeBytes(maxBytes)}`, maxBytes);
      chunks.push(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

export interface NdjsonLine {
  /** 1-based line number */
  number: number;
  /** the line's bytes without its line break; null when the line was over the limit (then skipped) */
  bytes: Buffer | null;
  /** the line's length in bytes */
  length: number;
}

const isBlank = (b: Buffer): boolean => b.every((c) => c === 0x20 || c === 0x09 || c === 0x0d);

/**
 * The non-blank lines of an NDJSON stream (a file or standard input), a block at a time. Throws
 * before the first line when the stream starts with binary data (a NUL byte in its first block).
 */
export function* ndjsonLines(fd: number, maxBytes: number): Generator<NdjsonLine> {
  const block = Buffer.allocUnsafe(BLOCK);
  let parts: Buffer[] = [];
  let length = 0;
  let number = 0;
  let first = true;
  const line = (): NdjsonLine | null => {
    number++;
    const over = length > maxBytes;
    let bytes = over ? null : Buffer.concat(parts, length);
    if (bytes && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    const result = { number, bytes, length };
    parts = [];
    length = 0;
    return bytes && isBlank(bytes) ? null : result;
  };
  for (let n = readBlock(fd, block); n > 0; n = readBlock(fd, block)) {
    const data = block.subarray(0, n);
    if (first) {
      checkNotBinary(data);
      first = false;
    }
    let from = 0;
    for (let nl = data.indexOf(0x0a); ; nl = data.indexOf(0x0a, from)) {
      const end = nl < 0 ? n : nl;
      // bytes past the limit are counted, not kept
      if (length + (end - from) <= maxBytes) parts.push(Buffer.from(data.subarray(from, end)));
      else parts = [];
      length += end - from;
      if (nl < 0) break;
      const l = line();
      if (l) yield l;
      from = nl + 1;
    }
  }
  if (length > 0) {
    const l = line();
    if (l) yield l;
  }
}

/** The over-limit error for an NDJSON line. */
export function lineTooLarge(length: number, maxBytes: number): Error {
  return tooLarge('the line', describeBytes(length), maxBytes);
}
