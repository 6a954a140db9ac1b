/**
 * Word clusters: each frequent word of a large unlabeled news corpus has a path in a binary tree
 * of distributionally similar words (see clusters-build.ts). Prefixes of the path are tagger
 * features (Ratinov & Roth 2009 used Brown clusters the same way): an unseen surname or club name
 * borrows the evidence of the words it shares a subtree with. Stored as FNV-1a hashes of the word
 * forms, never the words.
 */
import { fnv1a } from './hash.ts';

/** The path of a word: its bits with a leading 1 marking the length (1 = the root, no path). */
export type ClusterPath = number;

/** The clusters file written by clusters-build.ts. */
export interface StoredClusters {
  format: 'news-facts-clusters/1';
  /** FNV-1a hashes of the word forms (clusterForm), sorted, and their paths */
  hashes: string;
  paths: string;
  meta: Record<string, unknown>;
}

/** Digits folded to 0 (numbers of one shape share a path); case kept: "Bush" is not "bush". */
export const clusterForm = (w: string): string => w.replace(/\d/g, '0');

export class WordClusters {
  private readonly keys: Int32Array;
  private readonly paths: Uint32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(hashes: Uint32Array, paths: Uint32Array) {
    let size = 1024;
    while (size < hashes.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.paths = new Uint32Array(size);
    this.size = hashes.length;
    for (let i = 0; i < hashes.length; i++) {
      const k = hashes[i] | 0;
      let slot = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
      while (this.paths[slot] !== 0 && this.keys[slot] !== k) slot = (slot + 1) & this.mask;
      this.keys[slot] = k;
      this.paths[slot] = paths[i];
    }
  }

  private lookup(form: string): ClusterPath {
    const k = fnv1a(clusterForm(form)) | 0;
    let slot = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const p = this.paths[slot];
      if (p === 0 || this.keys[slot] === k) return p;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Path of a token; an all-caps headline word falls back to its capitalized and lower-case
   * forms. 0 when the word is not in the tree. */
  pathOf(w: string): ClusterPath {
    const p = this.lookup(w);
    if (p !== 0 || w.length < 2 || w !== w.toUpperCase() || w === w.toLowerCase()) return p;
    const lower = w.toLowerCase();
    return this.lookup(w[0] + lower.slice(1)) || this.lookup(lower);
  }

  /** From the base64 arrays of a clusters file (or the model file's copy of them). */
  static fromStored(stored: { hashes: string; paths: string }): WordClusters {
    const u32 = (s: string): Uint32Array => {
      const b = Buffer.from(s, 'base64');
      return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    };
    return new WordClusters(u32(stored.hashes), u32(stored.paths));
  }

  static empty(): WordClusters {
    return new WordClusters(new Uint32Array(0), new Uint32Array(0));
  }
}

/** The first `bits` bits of a path (with its length marker); the whole path when shorter. */
export function pathPrefix(path: ClusterPath, bits: number): ClusterPath {
  const len = 31 - Math.clz32(path);
  return len <= bits ? path : path >>> (len - bits);
}
