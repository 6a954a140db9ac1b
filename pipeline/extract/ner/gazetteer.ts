/**
 * The gazetteer: word lists the tagger consults as features, stored in the model file as hashes of
 * lower-cased token n-grams with a bit mask of the lists each n-gram is on. Built at training time
 * by gazetteer-build.ts from openly licensed lists (see MODEL.md); only hashes are kept.
 */
import { mix } from './hash.ts';

/** Single-word bits: a lower-case dictionary word, a capitalized dictionary entry, a first name. */
export const GAZ_DICT_LOWER = 1;
export const GAZ_DICT_CAP = 2;
export const GAZ_FIRST_NAME = 4;
/** n-gram lists, stored from bit 3 on: country, city of 100k+, smaller city, nationality or
 * language, region. */
export const GAZ_LISTS = ['country', 'bigcity', 'city', 'nationality', 'region'] as const;
export const GAZ_CATEGORIES = GAZ_LISTS.length;
export const GAZ_MAX_TOKENS = 4;

const SEED = 0x6a09e667;
/** Key of the n-gram starting with the word whose lower-case FNV-1a hash is `lowerHash`. */
export const ngramStart = (lowerHash: number): number => mix(SEED, lowerHash);
/** Key of that n-gram extended by one more word. */
export const ngramNext = (key: number, lowerHash: number): number => mix(key, lowerHash);

/** Open-addressing table from n-gram key to list mask. */
export class Gazetteer {
  private readonly keys: Int32Array;
  private readonly masks: Uint16Array;
  private readonly mask: number;
  readonly size: number;

  /** From parallel arrays of n-gram keys and masks (a key given twice gets both masks). */
  constructor(keys: ArrayLike<number>, masks: ArrayLike<number>) {
    let size = 1024;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.masks = new Uint16Array(size);
    this.size = keys.length;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const m = masks[i];
      if (m === 0) continue;
      let slot = Math.imul(key | 0, 0x9e3779b1) >>> 0 & this.mask;
      while (this.masks[slot] !== 0 && this.keys[slot] !== (key | 0)) slot = (slot + 1) & this.mask;
      this.keys[slot] = key | 0;
      this.masks[slot] |= m;
    }
  }

  /** List mask of an n-gram key; 0 when on no list. */
  get(key: number): number {
    const k = key | 0;
    let slot = Math.imul(k, 0x9e3779b1) >>> 0 & this.mask;
    for (;;) {
      const m = this.masks[slot];
      if (m === 0) return 0;
      if (this.keys[slot] === k) return m;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Sorted keys and their masks, for the model file. */
  entries(): { keys: Uint32Array; masks: Uint16Array } {
    const pairs: [number, number][] = [];
    for (let s = 0; s < this.masks.length; s++) if (this.masks[s] !== 0) pairs.push([this.keys[s] >>> 0, this.masks[s]]);
    pairs.sort((a, b) => a[0] - b[0]);
    return { keys: Uint32Array.from(pairs, (p) => p[0]), masks: Uint16Array.from(pairs, (p) => p[1]) };
  }

  static fromMap(entries: Map<number, number>): Gazetteer {
    return new Gazetteer([...entries.keys()], [...entries.values()]);
  }

  static empty(): Gazetteer {
    return new Gazetteer([], []);
  }
}
