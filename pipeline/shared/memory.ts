import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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

/**
 * Frees the memory of bytes a worker thread sent, once they are written. A message's bytes arrive
 * in an ArrayBuffer whose memory lives outside the heap, until the collector finds its wrapper
 * dead; outcomes that waited for the ones before them have been promoted to the old generation by
 * then, which is collected rarely, so over a corpus up to ~70 MB of written bytes waited there.
 * Moving the memory to a fresh, unreferenced ArrayBuffer (transfer) detaches the old one, and the
 * next young-generation collection frees it. Only an ArrayBuffer the view spans exactly is moved:
 * a shared one could hold someone else's bytes.
 */
export function releaseBytes(bytes: Uint8Array): void {
  const buffer = bytes.buffer;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength && buffer.byteLength > 0) {
    structuredClone(buffer, { transfer: [buffer] });
  }
}

const utf8 = new TextEncoder();

/**
 * Text as UTF-8 bytes for a worker to hand over: unlike a Buffer, which may share a pool, the
 * array owns its buffer exactly, so the message copies no more than its bytes and the receiving
 * thread can free it with releaseBytes once written.
 */
export const ownedUtf8 = (text: string): Uint8Array => utf8.encode(text);

let fullCollection: (() => void) | undefined;

/**
 * A full garbage collection, now. V8 sizes the old generation by what was live after its last full
 * collection, so in a thread that just read or wrote a whole corpus (the export's first pass over
 * every article's facts, its stream of every article's outputs) the garbage of that work sets how
 * far the heap may grow next: over the BBC corpus ×10 with one job, the export's heap reached
 * 124 MB of which 42 MB was live. Collecting between such phases keeps the peak near what is live.
 * The collector is the one `--expose-gc` gives a new context; it costs a few tens of ms.
 */
export function collectGarbage(): void {
  if (!fullCollection) {
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}

const MB = 1024 * 1024;

/**
 * Keeps a long-running thread's heap near what is live: `check` after each unit of work; on every
 * `every`-th call, once the heap holds more than twice what was live after the last collection
 * here (and at least `slackMb` more), it collects. V8 alone lets a heap that it finds cheap to
 * collect grow far past what is live: gathering the export workers' output over BBC ×10, the main
 * thread's heap reached 129 MB committed with ~41 MB live, in five full collections. With the
 * bound it made 45, for the same total pause (2.1 s, mostly young-generation collections), and the
 * run's peak fell from 258–297 to 245–253 MB (README, "Speed and memory").
 */
export class HeapBound {
  private calls = 0;
  private limit: number;
  constructor(
    private readonly every = 256,
    private readonly slackMb = 32,
  ) {
    this.limit = slackMb * 2 * MB;
  }

  check(): void {
    if (++this.calls % this.every !== 0) return;
    if (getHeapStatistics().used_heap_size <= this.limit) return;
    collectGarbage();
    const live = getHeapStatistics().used_heap_size;
    this.limit = Math.max(2 * live, live + this.slackMb * MB);
  }
}
