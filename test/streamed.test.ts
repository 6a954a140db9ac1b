import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StreamedFile } from '../pipeline/shared/streamed.ts';
import { walkFilesSorted } from '../pipeline/shared/files.ts';

const tmp = mkdtempSync(join(tmpdir(), 'news-facts-streamed-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a streamed file', () => {
  // pieces of every size, multi-byte characters among them, ~3 MB in all: several buffered writes
  const pieces = Array.from({ length: 4000 }, (_, i) => `${i}: ${'é—🎉x'.repeat(i === 1234 ? 60_000 : i % 300)}\n`);
  const whole = pieces.join('');

  it('writes the pieces in order, with their size and hash, and leaves no temporary file', () => {
    const path = join(tmp, 'a.txt');
    const file = new StreamedFile(path);
    // text and text already encoded (as worker threads hand it over) mix freely
    const utf8 = new TextEncoder();
    pieces.forEach((p, i) => file.add(i % 3 ? p : utf8.encode(p)));
    const written = file.finish();
    const bytes = Buffer.from(whole, 'utf8');
    expect(bytes.length).toBeGreaterThan(3 << 20);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(written).toEqual({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), changed: true });
    expect(readdirSync(tmp)).toEqual(['a.txt']);
  });

  it('copies what it is given: the caller may reuse or release its bytes at once', () => {
    const path = join(tmp, 'c.txt');
    const file = new StreamedFile(path);
    const piece = new TextEncoder().encode('abc\n');
    file.add(piece);
    piece.fill(0x7a);
    file.add(piece);
    file.finish();
    expect(readFileSync(path, 'utf8')).toBe('abc\nzzzz');
  });

  it('leaves an unchanged file untouched, and an aborted one as it was', () => {
    const path = join(tmp, 'b.txt');
    writeFileSync(path, whole);
    const mtime = statSync(path).mtimeMs;
    const same = new StreamedFile(path);
    for (const p of pieces) same.add(p);
    expect(same.finish().changed).toBe(false);
    expect(statSync(path).mtimeMs).toBe(mtime);
    const aborted = new StreamedFile(path);
    aborted.add('something else');
    aborted.abort();
    expect(readFileSync(path, 'utf8')).toBe(whole);
    expect(existsSync(`${path}.tmp-${process.pid}`)).toBe(false);
  });
});

describe('a folder walked one file at a time', () => {
  it('gives the paths in the order of the paths sorted whole, a folder\'s files where "name/" sorts', () => {
    const dir = join(tmp, 'walk');
    for (const f of ['a/z.txt', 'a-b.txt', 'a.txt', 'a0/x.txt', 'b/c/d.txt', 'b/c.txt', 'B.txt', '.cache/k.txt', 'a/.hidden']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), f);
    }
    symlinkSync(dir, join(dir, 'b', 'up'));
    const walked = [...walkFilesSorted(dir, (name) => name !== 'B.txt')];
    expect(walked).toEqual(['a-b.txt', 'a.txt', 'a/z.txt', 'a0/x.txt', 'b/c.txt', 'b/c/d.txt']);
    expect(walked).toEqual([...walked].sort());
  });
});
