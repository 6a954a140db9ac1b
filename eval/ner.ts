/**
 * NER evaluation, conlleval convention: exact span match, IOB1-aware decoding of the gold tags,
 * precision/recall/F1 per type for PER, ORG and LOC and micro-averaged over them (MISC left out).
 *
 *   npx tsx eval/ner.ts <conll file> [--model <model file>] [--errors]   (CoNLL-2003 or wikigold format)
 *
 * --errors prints the error kinds by count (wrong type on the right span, wrong boundary, spurious,
 * missed), with examples.
 *
 * The tagger runs on the gold tokens themselves (a Doc whose text is the tokens joined by spaces,
 * one sentence per gold sentence), so tokenization differences do not blur the score.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { emptyDoc, type Doc, type Token } from '../pipeline/extract/document.ts';
import { readConll, spansFromIob, type ConllDoc } from '../pipeline/extract/ner/conll.ts';
import { loadNerModel, nerTagger } from '../pipeline/extract/ner/index.ts';

const SCORED = ['PER', 'ORG', 'LOC'] as const;

/** A Doc over the gold tokens: one paragraph and one sentence per gold sentence. */
export function docFromConll(id: string, cd: ConllDoc): Doc {
  let text = '';
  const doc = emptyDoc(id, '');
  const tokens: Token[] = [];
  cd.sentences.forEach((s, si) => {
    if (si > 0) text += '\n';
    const start = text.length;
    const tokenStart = tokens.length;
    s.words.forEach((w, wi) => {
      if (wi > 0) text += ' ';
      tokens.push({ start: text.length, end: text.length + w.length, text: w, index: tokens.length, sentence: si });
      text += w;
    });
    doc.paragraphs.push({ start, end: text.length });
    doc.sentences.push({ start, end: text.length, paragraph: si, tokenStart, tokenEnd: tokens.length });
  });
  doc.text = text;
  doc.tokens = tokens;
  return doc;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** Error kind of each unmatched span: `PER→ORG` (exact span, wrong type), `boundary ORG`,
 * `spurious ORG`, `missed ORG`; with an example each. */
export type ErrorKinds = Map<string, string[]>;

interface LabeledSpan {
  start: number;
  end: number;
  type: string;
}

function classifyErrors(words: string[], gold: LabeledSpan[], pred: LabeledSpan[], out: ErrorKinds): void {
  const note = (kind: string, span: LabeledSpan): void => {
    const text = `${words.slice(Math.max(0, span.start - 3), span.start).join(' ')} [${words.slice(span.start, span.end).join(' ')}] ${words.slice(span.end, span.end + 3).join(' ')}`;
    const list = out.get(kind) ?? [];
    list.push(text);
    out.set(kind, list);
  };
  const same = (a: LabeledSpan, b: LabeledSpan): boolean => a.start === b.start && a.end === b.end;
  const overlaps = (a: LabeledSpan, b: LabeledSpan): boolean => a.start < b.end && b.start < a.end;
  const scored = (s: LabeledSpan): boolean => (SCORED as readonly string[]).includes(s.type);
  for (const g of gold) {
    if (pred.some((p) => same(p, g) && p.type === g.type)) continue;
    const exact = pred.find((p) => same(p, g));
    if (exact) {
      if (scored(g) || scored(exact)) note(`${g.type}→${exact.type}`, g);
    } else if (pred.some((p) => overlaps(p, g) && p.type === g.type)) {
      if (scored(g)) note(`boundary ${g.type}`, g);
    } else if (pred.some((p) => overlaps(p, g))) {
      if (scored(g)) note(`boundary+type ${g.type}`, g);
    } else if (scored(g)) note(`missed ${g.type}`, g);
  }
  for (const p of pred) if (scored(p) && !gold.some((g) => overlaps(g, p))) note(`spurious ${p.type}`, p);
}

export function evaluate(
  docs: ConllDoc[],
  errors?: ErrorKinds,
): { perType: Record<string, Counts>; micro: Counts; tokens: number; ms: number; chars: number } {
  const perType: Record<string, Counts> = {};
  for (const t of SCORED) perType[t] = { tp: 0, fp: 0, fn: 0 };
  const key = (sent: number, start: number, end: number, type: string): string => `${sent}:${start}:${end}:${type}`;
  let ms = 0;
  let chars = 0;
  let tokens = 0;
  docs.forEach((cd, di) => {
    const doc = docFromConll(`d${di}`, cd);
    chars += doc.text.length;
    tokens += doc.tokens.length;
    const t0 = performance.now();
    nerTagger.run(doc);
    ms += performance.now() - t0;
    const gold = new Set<string>();
    cd.sentences.forEach((s, si) => {
      for (const span of spansFromIob(s.tags)) gold.add(key(si, span.start, span.end, span.type));
    });
    const pred = new Set<string>();
    const predBySentence: LabeledSpan[][] = cd.sentences.map(() => []);
    for (const n of doc.names) {
      const si = doc.tokens[n.tokenStart].sentence;
      const base = doc.sentences[si].tokenStart;
      pred.add(key(si, n.tokenStart - base, n.tokenEnd - base, n.label));
      predBySentence[si].push({ start: n.tokenStart - base, end: n.tokenEnd - base, type: n.label });
    }
    if (errors) cd.sentences.forEach((s, si) => classifyErrors(s.words, spansFromIob(s.tags), predBySentence[si], errors));
    for (const k of pred) {
      const type = k.slice(k.lastIndexOf(':') + 1);
      if (!(type in perType)) continue;
      if (gold.has(k)) perType[type].tp++;
      else perType[type].fp++;
    }
    for (const k of gold) {
      const type = k.slice(k.lastIndexOf(':') + 1);
      if (type in perType && !pred.has(k)) perType[type].fn++;
    }
  });
  const micro = { tp: 0, fp: 0, fn: 0 };
  for (const c of Object.values(perType)) {
    micro.tp += c.tp;
    micro.fp += c.fp;
    micro.fn += c.fn;
  }
  return { perType, micro, tokens, ms, chars };
}

function main(): void {
  const { values, positionals } = parseArgs({ options: { model: { type: 'string' }, errors: { type: 'boolean' } }, allowPositionals: true });
  const file = positionals[0];
  if (!file) {
    console.error('usage: eval/ner.ts <conll file> [--model <model file>]');
    process.exit(2);
  }
  const docs = readConll(readFileSync(file, 'utf8'));
  const tl = performance.now();
  loadNerModel(values.model); // keep model loading out of the speed measurement
  const load = performance.now() - tl;
  const errors: ErrorKinds | undefined = values.errors ? new Map() : undefined;
  const { perType, micro, tokens, ms, chars } = evaluate(docs, errors);
  const fmt = (x: number): string => (100 * x).toFixed(2).padStart(6);
  const row = (name: string, c: Counts): string => {
    const { p, r, f } = prf(c);
    return `${name.padEnd(6)} ${fmt(p)} ${fmt(r)} ${fmt(f)}   tp=${c.tp} fp=${c.fp} fn=${c.fn}`;
  };
  console.log(`${file}: ${docs.length} documents, ${tokens} tokens`);
  console.log('type        P      R     F1');
  for (const t of SCORED) console.log(row(t, perType[t]));
  console.log(row('micro', micro));
  if (errors) {
    console.log('error kinds (PER/ORG/LOC spans; MISC only where confused with them):');
    for (const [kind, examples] of [...errors].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`${String(examples.length).padStart(5)}  ${kind.padEnd(20)} e.g. ${examples.slice(0, 3).join('  |  ')}`);
    }
  }
  // a second, warm run: the first includes JIT warm-up and filling the per-word caches
  const docsOut = docs.map((cd, di) => docFromConll(`w${di}`, cd));
  const t0 = performance.now();
  for (const d of docsOut) nerTagger.run(d);
  const warm = performance.now() - t0;
  const speed = (t: number): string => `${(chars / 1e6 / (t / 1000)).toFixed(2)} MB/s (${Math.round(tokens / (t / 1000))} tokens/s)`;
  console.log(`speed: cold ${speed(ms)}, warm ${speed(warm)}; model load ${Math.round(load)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
