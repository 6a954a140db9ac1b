import { describe, expect, it } from 'vitest';
import { mallocTrim, releaseFreedMemory } from '../pipeline/shared/memory.ts';

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
