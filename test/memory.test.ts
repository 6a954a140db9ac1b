import { describe, expect, it } from 'vitest';
import { collectGarbage, HeapBound, mallocTrim, releaseBytes, releaseFreedMemory } from '../pipeline/shared/memory.ts';

const glibc = Boolean((process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime);

describe('releaseFreedMemory', () => {
  it.skipIf(!glibc)('has the malloc_trim addon that npm ci builds, and it runs', () => {
    const trim = mallocTrim();
    expect(trim, 'native/malloc-trim was not built: run npm ci (node-gyp, g++ and the Node headers)').not.toBeNull();
    expect(typeof trim!()).toBe('boolean');
  });

  it('never throws, with or without the addon', () => {
    expect(() => {
      releaseFreedMemory(true);
      releaseFreedMemory();
    }).not.toThrow();
  });
});

describe('releaseBytes', () => {
  it('detaches the memory of bytes that own their buffer', () => {
    const bytes = new TextEncoder().encode('written already');
    releaseBytes(bytes);
    expect(bytes.byteLength).toBe(0);
    expect(bytes.buffer.byteLength).toBe(0);
  });

  it('leaves alone a view of part of a buffer, and a shared buffer, whose other bytes someone may hold', () => {
    const whole = new Uint8Array(16);
    const part = whole.subarray(4, 8);
    releaseBytes(part);
    expect(whole.byteLength).toBe(16);
    expect(part.byteLength).toBe(4);
    const shared = new Uint8Array(new SharedArrayBuffer(8));
    releaseBytes(shared);
    expect(shared.byteLength).toBe(8);
  });
});

describe('collectGarbage', () => {
  it('frees garbage that has reached the old generation, which only a full collection frees', () => {
    // half a million small arrays survive the young generation's collections while they are built
    let junk: number[][] | undefined = Array.from({ length: 500_000 }, (_, i) => [i, i + 1, i + 2]);
    expect(junk.length).toBe(500_000);
    const before = process.memoryUsage().heapUsed;
    junk = undefined;
    collectGarbage();
    collectGarbage();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before - 20 * 1024 * 1024);
  });
});

describe('HeapBound', () => {
  it('collects on every so many checks, once the heap holds far more than was live', () => {
    const bound = new HeapBound(3, 8);
    // garbage in the old generation, more than twice what is live
    let junk: number[][] | undefined = Array.from({ length: 1_000_000 }, (_, i) => [i, i + 1, i + 2]);
    expect(junk.length).toBe(1_000_000);
    junk = undefined;
    const before = process.memoryUsage().heapUsed;
    bound.check();
    bound.check();
    expect(process.memoryUsage().heapUsed).toBeGreaterThan(before - 5 * 1024 * 1024);
    bound.check();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before - 40 * 1024 * 1024);
  });
});
