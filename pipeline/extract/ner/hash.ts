/** Integer hashing shared by the featurizer and the gazetteer. */

/** FNV-1a; `seed` continues a hash, so fnv1a(a + b) === fnv1a(b, fnv1a(a)). */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two 32-bit values into one hash (murmur3's finalizer over a·K + b); order matters. */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a, 0xcc9e2d51) + b) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
