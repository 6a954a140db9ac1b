/**
 * TempEval-3 style evaluation of the reference dater + timex tagger on TimeML (.tml) files, each
 * run after the components before it in the pipeline (the tagger reads the NER layer).
 *
 *   npx tsx eval/time.ts <folder> [--errors | --all]   (--all also lists the correct values)
 *
 * The DCT (functionInDocument="CREATION_TIME") becomes metadata.datePublished and is not scored.
 * Relaxed match = any overlap (one-to-one), strict = identical span; value F1 counts relaxed
 * matches whose value equals the gold value exactly. Scores are also broken down by TIMEX type:
 * precision over the system's timexes of that type, recall over the gold timexes of that type.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import { referenceDater, timexTagger } from '../pipeline/extract/time/index.ts';
import { COMPONENTS } from '../pipeline/extract/index.ts';
import type { Doc, Timex } from '../pipeline/extract/document.ts';

/** the components that run before the reference dater, as in the pipeline */
const BEFORE = COMPONENTS.slice(0, COMPONENTS.indexOf(referenceDater));
const prepare = (file: string, gold: GoldDoc): Doc => {
  const doc = prepareDoc(path.basename(file), gold.text, gold.dct ? { datePublished: gold.dct } : {});
  for (const component of BEFORE) component.run(doc);
  return doc;
};

interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

interface GoldDoc {
  file: string;
  text: string;
  dct?: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_m, e: string) =>
    e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : ENTITIES[e],
  );
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Plain text of <TEXT> with gold TIMEX3 spans mapped onto it. */
export function parseTml(file: string, xml: string): GoldDoc {
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0];
  const dct = dctTag ? attr(dctTag, 'value') : undefined;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  let open: { start: number; type: string; value: string } | undefined;
  const tagRe = /<[^>]+>/g;
  let last = 0;
  for (const m of body.matchAll(tagRe)) {
    text += decode(body.slice(last, m.index));
    last = m.index + m[0].length;
    const tag = m[0];
    if (tag.startsWith('<TIMEX3')) {
      open = { start: text.length, type: attr(tag, 'type') ?? '', value: attr(tag, 'value') ?? '' };
    } else if (tag.startsWith('</TIMEX3') && open) {
      timexes.push({ start: open.start, end: text.length, text: text.slice(open.start, text.length), type: open.type, value: open.value });
      open = undefined;
    }
  }
  text += decode(body.slice(last));
  // Leading/trailing whitespace is trimmed so paragraphs start at text offsets that match.
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  for (const t of timexes) {
    t.start -= lead;
    t.end -= lead;
  }
  return { file, text: trimmed, dct: dct?.slice(0, 10), timexes };
}

function listTml(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTml(p));
    else if (e.name.endsWith('.tml')) out.push(p);
  }
  return out.sort();
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function main(): void {
  const args = process.argv.slice(2);
  const showAll = args.includes('--all');
  const showErrors = showAll || args.includes('--errors');
  const folder = args.find((a) => !a.startsWith('--'));
  if (!folder) {
    console.error('usage: tsx eval/time.ts <folder of .tml> [--errors]');
    process.exit(2);
  }
  const files = listTml(folder);
  let nGold = 0;
  let nSys = 0;
  let relaxed = 0;
  let strict = 0;
  let typeOk = 0;
  let valueOk = 0;
  let bytes = 0;
  let ms = 0;
  const TYPES = ['DATE', 'TIME', 'DURATION', 'SET'];
  // per type: [gold, system, relaxed by gold type, relaxed by system type, value ok by gold type, value ok by system type]
  const byType = new Map(TYPES.map((t) => [t, [0, 0, 0, 0, 0, 0]]));
  const tally = (type: string, i: number): void => {
    const row = byType.get(type) ?? [0, 0, 0, 0, 0, 0];
    row[i]++;
    byType.set(type, row);
  };
  const errors: string[] = [];
  for (const file of files) {
    const gold = parseTml(file, fs.readFileSync(file, 'utf8'));
    const doc = prepare(file, gold);
    const t0 = performance.now();
    referenceDater.run(doc);
    timexTagger.run(doc);
    ms += performance.now() - t0;
    bytes += Buffer.byteLength(gold.text, 'utf8');
    nGold += gold.timexes.length;
    nSys += doc.timexes.length;
    for (const g of gold.timexes) tally(g.type, 0);
    for (const t of doc.timexes) tally(t.type, 1);
    const used = new Set<Timex>();
    const ctx = (s: number, e: number): string => gold.text.slice(Math.max(0, s - 40), e + 30).replace(/\s+/g, ' ');
    for (const g of gold.timexes) {
      const s = doc.timexes.find((t) => !used.has(t) && t.start < g.end && g.start < t.end);
      if (!s) {
        errors.push(`FN\t${g.type}\t${g.value}\t${g.text}\t| ${ctx(g.start, g.end)}\t${file}`);
        continue;
      }
      used.add(s);
      relaxed++;
      tally(g.type, 2);
      tally(s.type, 3);
      if (s.value === g.value) {
        tally(g.type, 4);
        tally(s.type, 5);
      }
      if (s.start === g.start && s.end === g.end) strict++;
      else errors.push(`SPAN\t[${s.text}] gold [${g.text}]`);
      if (s.type === g.type) typeOk++;
      else errors.push(`TYPE\t${s.type} gold ${g.type}\t${g.text}`);
      if (s.value === g.value) {
        valueOk++;
        if (showAll) errors.push(`OK\t${s.value}\t${s.text}\t${g.text}`);
      } else errors.push(`VALUE\t${s.value} gold ${g.value}\t${s.text} / ${g.text}\tref ${doc.referenceDate?.value}\t| ${ctx(g.start, g.end)}`);
    }
    for (const s of doc.timexes) {
      if (!used.has(s)) errors.push(`FP\t${s.type}\t${s.value}\t${s.text}\t| ${ctx(s.start, s.end)}`);
    }
  }
  // Warm timing: the median of three more passes over the same documents, once the JIT has compiled
  // the regexes and the code (the first pass above pays for that).
  const docs = files.map((file) => {
    return prepare(file, parseTml(file, fs.readFileSync(file, 'utf8')));
  });
  const passes: number[] = [];
  const timexPasses: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    let tagMs = 0;
    const w0 = performance.now();
    for (const doc of docs) {
      referenceDater.run(doc);
      const t1 = performance.now();
      timexTagger.run(doc);
      tagMs += performance.now() - t1;
    }
    passes.push(performance.now() - w0);
    timexPasses.push(tagMs);
  }
  const timexMs = timexPasses.sort((a, b) => a - b)[1];
  const warmMs = passes.sort((a, b) => a - b)[1];
  const rp = relaxed / (nSys || 1);
  const rr = relaxed / (nGold || 1);
  const sp = strict / (nSys || 1);
  const sr = strict / (nGold || 1);
  const vp = valueOk / (nSys || 1);
  const vr = valueOk / (nGold || 1);
  if (showErrors) for (const e of errors) console.log(e);
  const pct = (x: number): string => (100 * x).toFixed(2);
  console.log(`files ${files.length}  gold ${nGold}  system ${nSys}`);
  console.log(`relaxed span  P ${pct(rp)}  R ${pct(rr)}  F1 ${pct(f1(rp, rr))}`);
  console.log(`strict span   P ${pct(sp)}  R ${pct(sr)}  F1 ${pct(f1(sp, sr))}`);
  console.log(`type accuracy ${pct(typeOk / (relaxed || 1))}  (of relaxed matches)`);
  console.log(`value         P ${pct(vp)}  R ${pct(vr)}  F1 ${pct(f1(vp, vr))}  (accuracy ${pct(valueOk / (relaxed || 1))})`);
  console.log(
    `throughput    ${(bytes / 1e6 / (warmMs / 1000)).toFixed(2)} MB/s warm, ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s first pass  (${(bytes / 1e6).toFixed(2)} MB, referenceDater + timexTagger)`,
  );
  console.log(`timex         ${(bytes / 1e6 / (timexMs / 1000)).toFixed(2)} MB/s warm  (timexTagger alone)`);
  console.log('by type         gold   sys   span P      R     F1   value P      R     F1');
  for (const [type, [g, n, rg, rs, vg, vs]] of byType) {
    const [sp2, sr2, vp2, vr2] = [rs / (n || 1), rg / (g || 1), vs / (n || 1), vg / (g || 1)];
    const cells = [sp2, sr2, f1(sp2, sr2), vp2, vr2, f1(vp2, vr2)].map((x) => pct(x).padStart(7));
    console.log(`  ${type.padEnd(9)} ${String(g).padStart(6)} ${String(n).padStart(5)} ${cells.slice(0, 3).join('')}  ${cells.slice(3).join('')}`);
  }
}

// Runs only as a script, so parseTml can be imported.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) main();
