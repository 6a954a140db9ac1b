import { describe, expect, it } from 'vitest';
import { COMPONENTS } from '../pipeline/extract/index.ts';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import type { Doc } from '../pipeline/extract/document.ts';

describe('component order', () => {
  it('every component reads only layers written before it; a later writer of a layer only extends it', () => {
    const written = new Set<keyof Doc>(['id', 'text', 'metadata', 'paragraphs', 'sentences', 'tokens']);
    const writers = new Map<keyof Doc, string>();
    for (const c of COMPONENTS) {
      for (const layer of c.reads) expect(written.has(layer), `${c.name} reads ${layer} before it is written`).toBe(true);
      for (const layer of c.writes) {
        if (writers.has(layer)) expect(c.reads, `${c.name} overwrites ${layer} of ${writers.get(layer)}`).toContain(layer);
        writers.set(layer, c.name);
        written.add(layer);
      }
    }
  });
});

describe('tokenizer', () => {
  const tokens = (text: string): string[] => prepareDoc('t', text).tokens.map((t) => t.text);
  it('keeps hyphenated words and dotted abbreviations, splits clitics and punctuation', () => {
    expect(tokens('Mr. Putin’s 29-year-old U.S. guest didn’t say “no.” at No. 10')).toEqual([
      'Mr.', 'Putin', '’s', '29-year-old', 'U.S.', 'guest', 'did', 'n’t', 'say', '“', 'no', '.', '”', 'at', 'No.', '10',
    ]);
  });
  it('gives offsets that slice back to each token', () => {
    const doc = prepareDoc('t', 'Fans 🎉 cheered in São Paulo, Brazil.');
    for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
    expect(doc.tokens.map((t) => t.text)).toContain('São');
  });
});
