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
