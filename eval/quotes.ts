/**
 * Quote attribution against PolNeAR (brat standoff).
 *
 *   npm run eval:quotes -- [folder] [--errors] [--limit N]
 *   npx tsx eval/quotes.ts /work/shared/data/polnear/train --errors
 *   npx tsx eval/quotes.ts … --names names.json   (tagger output saved earlier: {article: NameMention[]})
 *
 * folder defaults to /work/shared/data/polnear/dev and holds text/<article>.txt and
 * attributions/<article>_<annotator>.ann; the first .ann per article in sorted order is gold.
 * Gold attributions are the E lines linking a Content span to its Source (and Cue); a
 * discontinuous Content ("“A,” he said. “B.”" annotated as one content) counts as the span from
 * its first to its last character.
 *
 * Direct quotes (the headline figures)
 *  - A gold direct quote is a Content whose text begins with a quotation mark (“, ", ‘, « or the
 *    two-character '' and `` of typewriter-style text).
 *  - Recall: a gold direct quote is found when a predicted direct quote (direct=true) overlaps it.
 *  - Precision: a predicted direct quote is correct when it overlaps a gold direct quote, or when
 *    it lies wholly inside some other gold Content. The second case is PolNeAR's way of
 *    annotating partial quotes: in `Smith said the plan was “a disaster”` the Content is the
 *    whole reported clause `the plan was “a disaster”`, which does not begin with a mark, yet
 *    the marked words are the source's own words and a quote extractor that reports them as a
 *    direct quote is right. The quotation marks certify verbatim speech, and the gold confirms
 *    the words belong to an attributed statement, so it is not a false positive. It is not a
 *    recall item either (the gold does not delimit it on its own). A predicted quote that only
 *    partly overlaps a reported-speech Content, or lies outside every Content (scare quotes,
 *    titles, quoted words of nobody), is a false positive. The strict precision against gold
 *    direct quotes alone is printed too.
 *  - Speaker accuracy: among found gold direct quotes with a Source, the share whose
 *    best-overlapping predicted direct quote has a speaker span overlapping the gold Source, or
 *    a speaker entity with a mention (name, pronoun or description, as coreference added them)
 *    overlapping the gold Source. The second case credits "“…,” he said" attributed to the
 *    entity whose pronoun mention is that "he" while the speaker span points at another of its
 *    mentions (the cue "carried" from an earlier quote).
 *
 * All attributions (direct and reported speech, secondary figures)
 *  - overlap P/R/F1: a prediction is correct when it overlaps a gold content span, a gold span is
 *    found when some prediction overlaps it;
 *  - exact P/R/F1: spans equal after trimming quotation marks, whitespace, edge punctuation and a
 *    leading "that" (our direct spans exclude the marks and reported clauses exclude "that";
 *    PolNeAR includes both);
 *  - speaker accuracy as above, over all found gold spans with a Source.
 * Runs the NER tagger when pipeline/extract/ner/index.ts exists (else there are no entities).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Component, Doc, NameMention, Quote } from '../pipeline/extract/document.ts';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import { entityGrouper } from '../pipeline/extract/entities/index.ts';
import { corefResolver } from '../pipeline/extract/coref/index.ts';
import { quoteExtractor } from '../pipeline/extract/quotes/index.ts';

interface Span {
  start: number;
  end: number;
}

interface GoldAttribution {
  content: Span;
  source?: Span;
  direct: boolean;
}

/** UTF-16 offset of each code-point offset (brat counts code points). */
function codePointMap(text: string): number[] {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

export function parseAnn(ann: string, text: string): GoldAttribution[] {
  const cp = codePointMap(text);
  const spans = new Map<string, Span>();
  const out: GoldAttribution[] = [];
  const links: string[] = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const [, ...offsets] = body.split(' ');
      const nums = offsets.join(' ').split(/[ ;]/).map(Number).filter((n) => Number.isFinite(n));
      if (nums.length < 2) continue;
      spans.set(id, { start: cp[Math.min(...nums)] ?? 0, end: cp[Math.max(...nums)] ?? text.length });
    } else if (id.startsWith('E')) links.push(body);
  }
  for (const body of links) {
    const roles = body.split(' ').map((r) => r.split(':') as [string, string]);
    const source = roles.find(([r]) => r.startsWith('Source'));
    for (const [role, ref] of roles) {
      if (!role.startsWith('Content')) continue;
      const content = spans.get(ref);
      if (!content) continue;
      const direct = /^\s*(?:[“"‘«]|''|``)/.test(text.slice(content.start, content.end));
      const s = source && spans.get(source[1]);
      out.push({ content, direct, ...(s ? { source: s } : {}) });
    }
  }
  return out;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const overlapLen = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

function norm(text: string, s: Span): string {
  return text
    .slice(s.start, s.end)
    .replace(/^[\s“”"‘’'«»,.:;—–-]+|[\s“”"‘’'«»,.:;—–-]+$/g, '')
    .replace(/^that\s+/i, '')
    .replace(/[\s“”"‘’'«»,.:;—–-]+$/g, '');
}

/** Whether the prediction names the gold source: its speaker span or a mention of its speaker entity overlaps it. */
function speakerRight(p: Quote, source: Span, mentionsOf: Map<string, Span[]>): boolean {
  if (!p.speaker) return false;
  if (overlaps(p.speaker, source)) return true;
  const ms = p.speaker.entity ? mentionsOf.get(p.speaker.entity) : undefined;
  return ms !== undefined && ms.some((m) => overlaps(m, source));
}

class Score {
  predTotal = 0;
  predOverlap = 0;
  predStrict = 0;
  predExact = 0;
  goldTotal = 0;
  goldOverlap = 0;
  goldExact = 0;
  speakerTotal = 0;
  speakerRight = 0;
  /**
   * gold: the gold items to find (recall); context: every gold Content, for the precision rule
   * of partial quotes (see the header); null context = plain overlap precision against gold.
   */
  add(text: string, preds: Quote[], gold: GoldAttribution[], context: GoldAttribution[] | null, mentionsOf: Map<string, Span[]>, errors?: string[]): void {
    this.predTotal += preds.length;
    this.goldTotal += gold.length;
    for (const p of preds) {
      const strict = gold.some((g) => overlaps(p, g.content));
      const inside = context?.some((g) => g.content.start <= p.start && p.end <= g.content.end) ?? false;
      if (strict) this.predStrict++;
      if (strict || inside) this.predOverlap++;
      else errors?.push(`FP  ${JSON.stringify(text.slice(p.start, p.end).slice(0, 90))} ← ${p.speaker?.text ?? '∅'}`);
      if (gold.some((g) => norm(text, p) === norm(text, g.content))) this.predExact++;
    }
    for (const g of gold) {
      let best: Quote | undefined;
      for (const p of preds) if (overlaps(p, g.content) && (!best || overlapLen(p, g.content) > overlapLen(best, g.content))) best = p;
      if (!best) {
        errors?.push(`FN  ${JSON.stringify(text.slice(g.content.start, g.content.end).slice(0, 90))} ← ${g.source ? text.slice(g.source.start, g.source.end) : '∅'}`);
        continue;
      }
      this.goldOverlap++;
      if (preds.some((p) => norm(text, p) === norm(text, g.content))) this.goldExact++;
      if (g.source) {
        this.speakerTotal++;
        if (speakerRight(best, g.source, mentionsOf)) this.speakerRight++;
        else {
          const c = g.content;
          const inner = c.end - c.start > 60 ? `${text.slice(c.start, c.start + 30)}…${text.slice(c.end - 25, c.end)}` : text.slice(c.start, c.end);
          const ctx = `${text.slice(Math.max(0, c.start - 80), c.start)}⟦${inner}⟧${text.slice(c.end, c.end + 70)}`.replace(/\n/g, '¶');
          errors?.push(`SPK gold=${text.slice(g.source.start, g.source.end)} pred=${best.speaker?.text ?? '∅'} @${best.speaker?.start ?? ''} | ${JSON.stringify(ctx)}`);
        }
      }
    }
  }
  report(label: string, strict = false): void {
    const f = (p: number, r: number): string => (p + r ? ((2 * p * r) / (p + r)) * 100 : 0).toFixed(1);
    const pct = (a: number, b: number): number => (b ? a / b : 0);
    const po = pct(this.predOverlap, this.predTotal);
    const ro = pct(this.goldOverlap, this.goldTotal);
    const pe = pct(this.predExact, this.predTotal);
    const re = pct(this.goldExact, this.goldTotal);
    const fmt = (x: number): string => (x * 100).toFixed(1);
    console.log(`${label.padEnd(8)} pred=${this.predTotal} gold=${this.goldTotal}`);
    console.log(`  overlap P=${fmt(po)} R=${fmt(ro)} F1=${f(po, ro)}`);
    if (strict) {
      const ps = pct(this.predStrict, this.predTotal);
      console.log(`  strict  P=${fmt(ps)} R=${fmt(ro)} F1=${f(ps, ro)} (precision against gold direct quotes only)`);
    }
    console.log(`  exact   P=${fmt(pe)} R=${fmt(re)} F1=${f(pe, re)}`);
    console.log(`  speaker accuracy ${fmt(pct(this.speakerRight, this.speakerTotal))} (${this.speakerRight}/${this.speakerTotal})`);
  }
}

async function loadNer(): Promise<Component | undefined> {
  const p = new URL('../pipeline/extract/ner/index.ts', import.meta.url);
  if (!fs.existsSync(p)) return undefined;
  const mod = (await import(p.href)) as { nerTagger?: Component };
  return mod.nerTagger;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const valueOf = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const flagValues = new Set([valueOf('--limit'), valueOf('--names')]);
  const folder = args.find((a) => !a.startsWith('--') && !flagValues.has(a)) ?? '/work/shared/data/polnear/dev';
  const showErrors = args.includes('--errors');
  const li = args.indexOf('--limit');
  const limit = li >= 0 ? Number(args[li + 1]) : Infinity;
  const ni = args.indexOf('--names');
  const cached = ni >= 0 ? (JSON.parse(fs.readFileSync(args[ni + 1], 'utf8')) as Record<string, NameMention[]>) : undefined;
  const ner = cached ? undefined : await loadNer();
  if (!ner && !cached) console.log('(no NER tagger yet: speakers have no entities)');
  const annFiles = fs.readdirSync(path.join(folder, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const articles = fs.readdirSync(path.join(folder, 'text')).filter((f) => f.endsWith('.txt')).sort().slice(0, limit);
  const direct = new Score();
  const all = new Score();
  let ms = 0;
  let chars = 0;
  for (const file of articles) {
    const base = file.replace(/\.txt$/, '');
    const ann = annFiles.find((f) => f.startsWith(`${base}_`) && /^[^_]+\.ann$/.test(f.slice(base.length + 1)));
    if (!ann) continue;
    const text = fs.readFileSync(path.join(folder, 'text', file), 'utf8');
    const gold = parseAnn(fs.readFileSync(path.join(folder, 'attributions', ann), 'utf8'), text);
    const t0 = performance.now();
    const doc: Doc = prepareDoc(base, text);
    if (cached) doc.names = cached[base] ?? [];
    else ner?.run(doc);
    entityGrouper.run(doc);
    corefResolver.run(doc);
    quoteExtractor.run(doc);
    ms += performance.now() - t0;
    chars += text.length;
    const errors: string[] | undefined = showErrors ? [] : undefined;
    const mentionsOf = new Map(doc.entities.map((e) => [e.id, e.mentions as Span[]]));
    direct.add(text, doc.quotes.filter((q) => q.direct), gold.filter((g) => g.direct), gold, mentionsOf, errors);
    all.add(text, doc.quotes, gold, null, mentionsOf);
    if (errors?.length) console.log(`\n## ${base}\n${errors.join('\n')}`);
  }
  console.log(`\n${articles.length} articles, ${(chars / 1000).toFixed(0)}k chars, ${ms.toFixed(0)} ms (incl. NER)`);
  direct.report('direct', true);
  all.report('all');
}

await main();
