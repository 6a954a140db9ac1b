import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Returns the memory freed by the threads to the system. glibc keeps what a thread freed in that
 * thread's malloc arena, so a long run's resident size grows with garbage the worker threads freed
 * long ago: over the BBC corpus ×10, trimming every second lowered the peak by 25–45 MB with one
 * job and by 36 MB with two, at no cost in time that the machine's noise let me measure. The
 * native addon (native/malloc-trim, built by `npm ci`) calls malloc_trim; without it (not built,
 * or not glibc) nothing is done.
 */
const ADDON = fileURLToPath(new URL('../../native/malloc-trim/build/Release/malloc_trim.node', import.meta.url));
/** at most this often, in ms: a trim walks every arena */
const INTERVAL_MS = 1000;

let trim: (() => boolean) | null | undefined;
let last = 0;

/** The addon's trim, loaded once; null when it was not built or does not load. */
export function mallocTrim(): (() => boolean) | null {
  if (trim === undefined) {
    try {
      trim = (createRequire(import.meta.url)(ADDON) as { trim: () => boolean }).trim;
    } catch {
      trim = null;
    }
  }
  return trim;
}

/** Trims at most once a second unless `force`d (when threads have just ended). */
export function releaseFreedMemory(force = false): void {
  const now = Date.now();
  if (!force && now - last < INTERVAL_MS) return;
  last = now;
  mallocTrim()?.();
}
