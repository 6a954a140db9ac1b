/**
 * Property: random Unicode text — surrogate halves, combining marks, right-to-left scripts and
 * controls, emoji, very long lines, no punctuation, mixed with English sentences so that most of
 * it reaches extraction — goes through normalize → extract → validate → export (the stage
 * functions, in-process, on a temporary output folder) without an exception; the only failures
 * are clean per-article refusals; every article written validates; and every span's text equals
 * its code-point slice of the normalized text.
 *
 * The seed is fixed and printed; FC_SEED=<n> (and FC_RUNS=<n>) run others. A failure prints the
 * seed and the shrunk counterexample.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runExport } from '../pipeline/export/stage.ts';
import { runExtract } from '../pipeline/extract/stage.ts';
import { runNormalize } from '../pipeline/normalize/stage.ts';
import type { NormalizedArticle } from '../pipeline/records.ts';
import { codePointSlice } from '../pipeline/shared/offsets.ts';
import { runValidate, type ValidationReport } from '../pipeline/validate/stage.ts';

const SEED = Number(process.env.FC_SEED ?? 20_250_801);
const RUNS = Number(process.env.FC_RUNS ?? 80);
const tmp = mkdtempSync(join(tmpdir(), 'news-facts-property-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Refusals that are the right answer for random text, not crashes. */
const CLEAN_REFUSAL = /^(empty article|text does not look like English|binary data, not text)/;

const ENGLISH = [
  'The minister said on Friday that the talks would resume in Geneva next week.',
  '“We will not give up,” said Maria Gonzalez, the head of the union, on Tuesday.',
  'Shares in Acme Corp rose 4% to $12.50 after the company raised its forecast for 2025.',
  'The 29-year-old striker joined Chelsea from Parma last season for £15.8m.',
  'Heavy rain flooded parts of Valencia in Spain, and two people were missing, officials said.',
];
const codePoint = (min: number, max: number): fc.Arbitrary<string> => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ENGLISH) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  // lone surrogate halves (valid in JSON escapes, never in UTF-8)
  { weight: 1, arbitrary: codePoint(0xd800, 0xdfff).map((c) => c) },
  // combining marks, stacked
  { weight: 1, arbitrary: fc.array(codePoint(0x300, 0x36f), { minLength: 1, maxLength: 12 }).map((m) => `e${m.join('')}`) },
  // right-to-left text and bidirectional controls
  { weight: 1, arbitrary: fc.constantFrom('שלום עולם', 'مرحبا بالعالم', '\u202eevil\u202c', '\u200fא\u200e', '\u2067x\u2069') },
  // emoji, with ZWJ sequences, skin tones and flags
  { weight: 1, arbitrary: fc.constantFrom('🎉', '👩‍👩‍👧‍👦', '👍🏽', '🇬🇧', '🏳️‍🌈', '😀😀😀') },
  // a very long line without punctuation
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 4000 }).map((n) => 'word '.repeat(n).trim()) },
  // punctuation and quotes alone
  { weight: 1, arbitrary: fc.constantFrom('"', '“', '”', "'", '’', '—', '...', '!?', '«»', '(', ')', ':', ';') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\t', ' ', '\u00a0', '\u2028', '\u0085', '\f') },
);
const article = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(' '));

/** Every object in a facts record that cites text: { start, end, text }. */
function citations(value: unknown, found: { start: number; end: number; text: string }[] = []): { start: number; end: number; text: string }[] {
  if (Array.isArray(value)) for (const v of value) citations(v, found);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') found.push(o as { start: number; end: number; text: string });
    for (const v of Object.values(o)) citations(v, found);
  }
  return found;
}

let round = 0;
/** articles that went through every stage, and those refused, over all runs */
const tally = { exported: 0, refused: 0 };
async function throughEveryStage(texts: string[]): Promise<void> {
  const dir = join(tmp, `round-${++round}`);
  mkdirSync(join(dir, 'in'), { recursive: true });
  // each text as a UTF-8 file and as an NDJSON record (where surrogate halves survive)
  texts.forEach((t, i) => writeFileSync(join(dir, 'in', `${i}.txt`), t));
  writeFileSync(join(dir, 'in', 'records.ndjson'), texts.map((t, i) => JSON.stringify({ id: `r${i}`, text: t })).join('\n'));
  const out = join(dir, 'out');
  const normalize = await runNormalize([join(dir, 'in')], out);
  const extract = await runExtract(out, { jobs: 1, quiet: true });
  const validate = runValidate(out);
  const exported = await runExport(out);
  for (const f of normalize.failures) expect(f.message, f.source).toMatch(CLEAN_REFUSAL);
  expect([...extract.failures, ...validate.failures, ...exported.failures]).toEqual([]);
  const normalized = existsSync(join(out, 'normalized')) ? readdirSync(join(out, 'normalized')) : [];
  const valid = JSON.parse(readFileSync(join(out, 'validation.json'), 'utf8')) as ValidationReport;
  expect(valid.valid).toHaveLength(normalized.length);
  tally.exported += normalized.length;
  tally.refused += normalize.failures.length;
  for (const file of normalized) {
    const a = JSON.parse(readFileSync(join(out, 'normalized', file), 'utf8')) as NormalizedArticle;
    const facts = JSON.parse(readFileSync(join(out, 'facts', file), 'utf8')) as unknown;
    for (const c of citations(facts)) expect(codePointSlice(a.text, c.start, c.end), `${file} ${c.start}-${c.end}`).toBe(c.text);
  }
  rmSync(dir, { recursive: true, force: true });
}

describe('random Unicode through every stage', () => {
  it(`never crashes, and everything written validates (fast-check seed ${SEED}, ${RUNS} runs)`, async () => {
    console.log(`property test: fast-check seed ${SEED}, ${RUNS} runs (FC_SEED=<n> FC_RUNS=<n> to change)`);
    await fc.assert(fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 3 }), throughEveryStage), { seed: SEED, numRuns: RUNS });
    console.log(`property test: ${tally.exported} articles through every stage, ${tally.refused} refused cleanly`);
    // the generator must feed extraction, not only the refusals
    expect(tally.exported).toBeGreaterThan(tally.refused);
  }, 300_000);
});
