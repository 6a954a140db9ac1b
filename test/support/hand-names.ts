import fs from 'node:fs';
import { prepareDoc } from '../../pipeline/extract/prepare.ts';
import type { Doc, NameMention, NerLabel } from '../../pipeline/extract/document.ts';
import { tokenRange } from '../../pipeline/extract/coref/index.ts';

/**
 * Name mentions set by hand, for tests and tools that run without the tagger: every
 * whole-word occurrence of each given string, longer strings first, never overlapping.
 */
export function handNames(doc: Doc, specs: [string, NerLabel][]): NameMention[] {
  const taken: NameMention[] = [];
  const sorted = [...specs].sort((a, b) => b[0].length - a[0].length);
  for (const [name, label] of sorted) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of doc.text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      const [tokenStart, tokenEnd] = tokenRange(doc, { start, end });
      taken.push({ start, end, text: m[0], label, tokenStart, tokenEnd });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The seed article's names as a tagger should find them, set by hand. */
export const SEED_NAMES: [string, NerLabel][] = [
  ['Vladimir Putin', 'PER'], ['Alexander Trufanov', 'PER'], ['Trufanov', 'PER'], ['Vitali Trupanov', 'PER'],
  ['Yelena', 'PER'], ['President Putin', 'PER'], ['Mr. Putin', 'PER'], ['Putin', 'PER'],
  ['Mikhail Bogdanov', 'PER'], ['Maxim Herkin', 'PER'], ['Herkin', 'PER'], ['Hamas', 'ORG'],
  ['European Union', 'ORG'], ['Kremlin', 'LOC'], ['Gaza', 'LOC'], ['Moscow', 'LOC'], ['Russia', 'LOC'],
  ['Israel', 'LOC'], ['United States', 'LOC'], ['Egypt', 'LOC'], ['Qatar', 'LOC'],
];

/** The seed article with SEED_NAMES as its name layer. */
export function seedDocWithNames(): Doc {
  const p = new URL('../../seeds/000_9da3eb84e0b5e84d.txt', import.meta.url);
  const doc = prepareDoc('seed', fs.readFileSync(p, 'utf8').trim().split('\n').join('\n\n'));
  doc.names = handNames(doc, SEED_NAMES);
  return doc;
}
