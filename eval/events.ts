/**
 * Relation and event extraction against a small hand-annotated gold set (eval/gold/gum-news-events.json:
 * eight Wikinews documents of GUM, CC-BY 2.5). Runs normalize + the full extractor over each text and
 * prints precision/recall/F1 for relations (subject, predicate, object matched leniently by name
 * overlap), events (type + trigger overlap), event participants (on matched events) and dates.
 * Usage: npx tsx eval/events.ts [--verbose] [gold.json] [dep_conllu dir]
 */
import { existsSync, readFileSync } from 'node:fs';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { extractFacts } from '../pipeline/extract/index.ts';
import type { ArticleFacts } from '../pipeline/records.ts';

interface GoldTrigger {
  text: string;
  context: string;
}
interface GoldEvent {
  type: string;
  triggers: GoldTrigger[];
  participants: [string, string][];
  date?: string;
  place?: string;
}
interface GoldDoc {
  id: string;
  paragraphs?: number;
  relations: [string, string, string][];
  events: GoldEvent[];
}

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const verbose = process.argv.includes('--verbose');
const goldPath = args[0] ?? new URL('./gold/gum-news-events.json', import.meta.url).pathname;
const conllu = args[1] ?? new URL('../../shared/data/gum/dep_conllu/', import.meta.url).pathname;
if (!existsSync(conllu)) {
  console.log(`skipped: ${conllu} not found (../shared/data is absent)`);
  process.exit(0);
}
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { documents: GoldDoc[] };

/** The document text: '# text =' lines, a paragraph's sentences joined by spaces, paragraphs by newlines. */
function gumText(id: string, limit = Infinity): string {
  const paragraphs: string[][] = [];
  for (const line of readFileSync(`${conllu}${id}.conllu`, 'utf8').split('\n')) {
    if (line === '# newpar') paragraphs.push([]);
    else if (line.startsWith('# text = ')) {
      if (!paragraphs.length) paragraphs.push([]);
      paragraphs[paragraphs.length - 1].push(line.slice('# text = '.length));
    }
  }
  return paragraphs.filter((p) => p.length).slice(0, limit).map((p) => p.join(' ')).join('\n');
}

const STOP = new Set(['the', 'of', 'a', 'an', 'and', 'for', 'in', 'de', 'al', "'s", 'mr.', 'dr.']);
const words = (s: string): string[] => s.toLowerCase().split(/[\s,]+|(?<=\w)'s\b/).filter((w) => w && !STOP.has(w));
/** lenient name match: one contains the other, or they share a content word */
function nameMatch(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.includes(y) || y.includes(x)) return true;
  const wb = new Set(words(b));
  return words(a).some((w) => wb.has(w));
}

class Score {
  tp = 0;
  fp = 0;
  fn = 0;
  add(tp: number, sys: number, gold: number): void {
    this.tp += tp;
    this.fp += sys - tp;
    this.fn += gold - tp;
  }
  line(label: string): string {
    const p = this.tp + this.fp ? this.tp / (this.tp + this.fp) : 0;
    const r = this.tp + this.fn ? this.tp / (this.tp + this.fn) : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    const pct = (v: number): string => (100 * v).toFixed(1).padStart(5);
    return `${label.padEnd(34)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}   (tp ${this.tp}, fp ${this.fp}, fn ${this.fn})`;
  }
}

/** one-to-one greedy matching; returns the matched pairs */
function match<S, G>(sys: S[], gold: G[], ok: (s: S, g: G) => boolean): [S, G][] {
  const used = new Set<number>();
  const pairs: [S, G][] = [];
  for (const s of sys) {
    const gi = gold.findIndex((g, i) => !used.has(i) && ok(s, g));
    if (gi >= 0) {
      used.add(gi);
      pairs.push([s, gold[gi]]);
    }
  }
  return pairs;
}

const ORG_TIES = new Set(['worksFor', 'memberOf', 'affiliation']);
const scores = {
  relations: new Score(),
  relationsOrgTie: new Score(),
  events: new Score(),
  participants: new Score(),
  participantsAnyRole: new Score(),
  dates: new Score(),
};
const byType = new Map<string, Score>();
const byPredicate = new Map<string, Score>();

for (const doc of gold.documents) {
  const text = gumText(doc.id, doc.paragraphs);
  const { article } = normalizeArticle(Buffer.from(text), `${doc.id}.txt`);
  const facts: ArticleFacts = extractFacts(article);
  const names = new Map(facts.entities.map((e) => [e.id, [e.name, ...e.aliases]]));
  const entityMatch = (id: string | undefined, name: string): boolean => !!id && (names.get(id) ?? []).some((n) => nameMatch(n, name));
  const label = (id?: string): string => (id ? (names.get(id)?.[0] ?? id) : '?');

  // relations
  const sysRel = facts.relations;
  const relOk = (strict: boolean) => (r: (typeof sysRel)[number], g: [string, string, string]): boolean =>
    (strict ? r.predicate === g[1] : r.predicate === g[1] || (ORG_TIES.has(r.predicate) && ORG_TIES.has(g[1]))) &&
    entityMatch(r.subject_entity_id, g[0]) &&
    (r.object_entity_id ? entityMatch(r.object_entity_id, g[2]) : nameMatch(r.object_value ?? '', g[2]));
  const relPairs = match(sysRel, doc.relations, relOk(true));
  scores.relations.add(relPairs.length, sysRel.length, doc.relations.length);
  scores.relationsOrgTie.add(match(sysRel, doc.relations, relOk(false)).length, sysRel.length, doc.relations.length);
  for (const p of new Set([...sysRel.map((r) => r.predicate), ...doc.relations.map((g) => g[1])])) {
    const s = byPredicate.get(p) ?? new Score();
    s.add(relPairs.filter(([r]) => r.predicate === p).length, sysRel.filter((r) => r.predicate === p).length, doc.relations.filter((g) => g[1] === p).length);
    byPredicate.set(p, s);
  }

  // events: gold triggers located in the normalized text
  const locate = (t: GoldTrigger): { start: number; end: number } => {
    const at = article.text.indexOf(t.context);
    if (at < 0) throw new Error(`${doc.id}: context not found: ${JSON.stringify(t.context)}`);
    const start = at + t.context.indexOf(t.text);
    // code-point offsets, as in the facts record
    const cp = [...article.text.slice(0, start)].length;
    return { start: cp, end: cp + [...t.text].length };
  };
  const goldSpans = new Map(doc.events.map((g) => [g, g.triggers.map(locate)]));
  const evOk = (e: (typeof facts.events)[number], g: GoldEvent): boolean =>
    e.type === g.type && (goldSpans.get(g) ?? []).some((s) => e.trigger.start < s.end && s.start < e.trigger.end);
  const evPairs = match(facts.events, doc.events, evOk);
  scores.events.add(evPairs.length, facts.events.length, doc.events.length);
  for (const t of new Set([...facts.events.map((e) => e.type), ...doc.events.map((g) => g.type)])) {
    const s = byType.get(t) ?? new Score();
    s.add(evPairs.filter(([e]) => e.type === t).length, facts.events.filter((e) => e.type === t).length, doc.events.filter((g) => g.type === t).length);
    byType.set(t, s);
  }
  for (const [e, g] of evPairs) {
    const strict = match(e.participants, g.participants, (p, q) => p.role === q[1] && entityMatch(p.entity_id, q[0]));
    scores.participants.add(strict.length, e.participants.length, g.participants.length);
    const loose = match(e.participants, g.participants, (p, q) => entityMatch(p.entity_id, q[0]));
    scores.participantsAnyRole.add(loose.length, e.participants.length, g.participants.length);
    if (g.date || e.date_value) scores.dates.add(g.date && e.date_value === g.date ? 1 : 0, e.date_value ? 1 : 0, g.date ? 1 : 0);
  }

  if (verbose) {
    console.log(`\n### ${doc.id}`);
    const matchedRel = new Set(relPairs.map(([r]) => r));
    const matchedGoldRel = new Set(relPairs.map(([, g]) => g));
    for (const r of sysRel) console.log(`  ${matchedRel.has(r) ? 'ok ' : 'FP '} rel ${label(r.subject_entity_id)} ${r.predicate} ${r.object_entity_id ? label(r.object_entity_id) : r.object_value}   « ${r.text} »`);
    for (const g of doc.relations) if (!matchedGoldRel.has(g)) console.log(`  FN  rel ${g.join(' ')}`);
    const matchedEv = new Set(evPairs.map(([e]) => e));
    const matchedGoldEv = new Set(evPairs.map(([, g]) => g));
    for (const e of facts.events) {
      const parts = e.participants.map((p) => `${p.role}=${label(p.entity_id)}`).join(', ');
      console.log(`  ${matchedEv.has(e) ? 'ok ' : 'FP '} ev  ${e.type} "${e.trigger.text}" [${parts}]${e.date_value ? ` @${e.date_value}` : ''}   « ${e.text} »`);
    }
    for (const g of doc.events) if (!matchedGoldEv.has(g)) console.log(`  FN  ev  ${g.type} "${g.triggers.map((t) => t.text).join('/')}" [${g.participants.map((p) => `${p[1]}=${p[0]}`).join(', ')}]`);
  }
}

const docs = gold.documents.length;
console.log(`\nRelations and events, ${docs} GUM news documents (Wikinews, CC-BY 2.5), hand-annotated gold`);
console.log(scores.relations.line('relations (strict predicate)'));
console.log(scores.relationsOrgTie.line('relations (org ties as one)'));
for (const [p, s] of [...byPredicate].sort()) console.log(s.line(`  ${p}`));
console.log(scores.events.line('events (type + trigger)'));
for (const [t, s] of [...byType].sort()) console.log(s.line(`  ${t}`));
console.log(scores.participants.line('participants on matched events'));
console.log(scores.participantsAnyRole.line('  same, any role'));
console.log(scores.dates.line('dates on matched events'));
