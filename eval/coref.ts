/**
 * Who is who: the entity layer's mentions (names grouped into entities, pronouns and descriptions
 * resolved to them) against the coreference gold of GUM's 24 Wikinews documents (CorefUD Entity
 * annotation in ../shared/data/gum/dep_conllu; texts CC-BY 2.5, annotation CC-BY 4.0).
 *
 *   npx tsx eval/coref.ts [--errors] [dep_conllu dir]
 *
 * Each system mention is mapped to a gold mention: the one with the same span, else the smallest
 * that contains it, else the longest it contains. An entity's gold chain is the one most of its name
 * mentions map to. Printed, for GUM's train documents and for its dev and test documents apart:
 * - pronouns (he, him, his, she, her, it, its, …): a resolved pronoun is correct when its gold
 *   mention (same span; a pronoun the gold does not mark is counted apart) is in its entity's chain. Recall counts the gold pronouns of those forms whose chain is
 *   a person, organization or place with a proper-name mention (PROPN head), the ones a reader
 *   could resolve to a named entity.
 * - descriptions ("the 29-year-old", "the company"): correct as for pronouns; recall over gold
 *   definite noun phrases ("the …" without a proper noun) in such chains.
 * - entity types: of the entities whose names are mostly a gold person, organization or place,
 *   the share typed Person, Organization, Place accordingly.
 * - names: pairs of name mentions the system put in one entity (precision: the gold puts them in
 *   one chain) and pairs the gold puts in one chain, among the name mentions the system found
 *   (recall: the system put them in one entity).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { analyze } from '../pipeline/extract/index.ts';
import type { NormalizedArticle } from '../pipeline/records.ts';
import { findQuoteMarks, quoteTester } from '../pipeline/extract/quotes/marks.ts';
import { readGum, type GoldDoc, type GoldMention } from './gum.ts';

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const dir = args.find((a) => !a.startsWith('--')) ?? new URL('../../shared/data/gum/dep_conllu/', import.meta.url).pathname;
if (!existsSync(dir)) {
  console.log(`skipped: ${dir} not found (../shared/data is absent)`);
  process.exit(0);
}
/** GUM's dev and test news documents (splits.md); the other twenty are its training documents */
const HELD_OUT = new Set(['GUM_news_homeopathic', 'GUM_news_iodine', 'GUM_news_nasa', 'GUM_news_sensitive']);
const PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its']);
const NAMED_TYPES = new Set(['person', 'organization', 'place']);

/** precision counts the system's correct items, recall the gold items found: the two differ when
 * the system links a pronoun correctly into a chain the recall leaves out (one without a name) */
class Score {
  tp = 0;
  sys = 0;
  found = 0;
  gold = 0;
  line(label: string): string {
    const p = this.sys ? this.tp / this.sys : 0;
    const r = this.gold ? this.found / this.gold : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    const pct = (v: number): string => (100 * v).toFixed(1).padStart(5);
    return `  ${label.padEnd(14)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}   (correct ${this.tp} of ${this.sys}, found ${this.found} of ${this.gold})`;
  }
}

interface Scores {
  pronouns: Score;
  descriptions: Score;
  names: Score;
  /** entities whose names are a gold person, organization or place: the type they were given */
  types: { tp: number; gold: number };
  /** resolved pronouns the gold does not mark as mentions */
  unmarked: number;
  /** gold pronouns inside quotations, which the resolver leaves alone by design */
  quotedPronouns: number;
}
const GOLD_TYPE: Record<string, string> = { Person: 'person', Organization: 'organization', Place: 'place' };
const newScores = (): Scores => ({ pronouns: new Score(), descriptions: new Score(), names: new Score(), types: { tp: 0, gold: 0 }, unmarked: 0, quotedPronouns: 0 });
const errors: string[] = [];

/** the gold mention a system span stands for */
function goldFor(gold: GoldMention[], start: number, end: number): GoldMention | undefined {
  let best: GoldMention | undefined;
  for (const g of gold) if (g.start === start && g.end === end) return g;
  for (const g of gold) if (g.start <= start && g.end >= end && (!best || g.end - g.start < best.end - best.start)) best = g;
  if (best) return best;
  for (const g of gold) if (g.start >= start && g.end <= end && (!best || g.end - g.start > best.end - best.start)) best = g;
  return best;
}

function score(doc: GoldDoc, s: Scores): void {
  const normalized = normalizeArticle(new TextEncoder().encode(doc.text), `${doc.id}.txt`);
  const article = (normalized as { article?: NormalizedArticle }).article ?? (normalized as unknown as NormalizedArticle);
  if (article.text !== doc.text) throw new Error(`${doc.id}: normalizing changed the text; offsets would not align`);
  const sys = analyze(article);
  const ctx = (start: number, end: number): string =>
    `${sys.text.slice(Math.max(0, start - 40), start)}[${sys.text.slice(start, end)}]${sys.text.slice(end, end + 30)}`.replace(/\s+/g, ' ');

  const insideQuote = quoteTester(findQuoteMarks(sys));
  const chainsWithName = new Set(doc.mentions.filter((g) => g.proper && NAMED_TYPES.has(g.type)).map((g) => g.chain));
  const names: { entity: string; chain: string }[] = [];
  const correct = new Set<number>();
  for (const e of sys.entities) {
    const votes = new Map<string, number>();
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const g = goldFor(doc.mentions, m.start, m.end);
      if (!g) continue;
      votes.set(g.chain, (votes.get(g.chain) ?? 0) + 1);
      names.push({ entity: e.id, chain: g.chain });
    }
    let anchor: string | undefined;
    let most = 0;
    for (const [chain, n] of votes) if (n > most) [anchor, most] = [chain, n];
    const gold = anchor === undefined ? undefined : doc.mentions.find((x) => x.chain === anchor);
    if (gold && NAMED_TYPES.has(gold.type)) {
      s.types.gold++;
      if (GOLD_TYPE[e.type] === gold.type) s.types.tp++;
      else if (showErrors) errors.push(`type\t${e.name}\t${e.type}, gold ${gold.type}`);
    }
    if (showErrors && votes.size > 1) {
      const forms = [...votes.keys()].map((c) => `"${doc.mentions.find((x) => x.chain === c && x.proper)?.text ?? doc.mentions.find((x) => x.chain === c)?.text}" ×${votes.get(c)}`);
      errors.push(`names\t${e.name}\tone entity, ${votes.size} gold chains: ${forms.join(', ')}`);
    }
    for (const m of e.mentions) {
      if (m.kind === 'name') continue;
      const score = m.kind === 'pronoun' ? s.pronouns : s.descriptions;
      // a pronoun the gold leaves unmarked ("his" inside "his then-girlfriend") cannot be judged
      const g = m.kind === 'pronoun' ? doc.mentions.find((x) => x.start === m.start && x.end === m.end) : goldFor(doc.mentions, m.start, m.end);
      if (!g && m.kind === 'pronoun') {
        s.unmarked++;
        continue;
      }
      score.sys++;
      if (anchor && g && g.chain === anchor) {
        score.tp++;
        correct.add(m.start);
      } else if (showErrors) errors.push(`${m.kind}\t${e.name}\t${g ? `gold chain of "${doc.mentions.find((x) => x.chain === g.chain && x.proper)?.text ?? g.text}"` : 'no gold mention'}\t${ctx(m.start, m.end)}`);
    }
  }
  const resolved = new Set(sys.entities.flatMap((e) => e.mentions.filter((m) => m.kind !== 'name').map((m) => m.start)));
  for (const g of doc.mentions) {
    if (!chainsWithName.has(g.chain)) continue;
    const pronoun = PRONOUNS.has(g.text.toLowerCase());
    const score = pronoun ? s.pronouns : /^the\s/i.test(g.text) && !g.proper ? s.descriptions : undefined;
    if (!score) continue;
    score.gold++;
    if (correct.has(g.start)) score.found++;
    else if (pronoun && insideQuote(g.start)) s.quotedPronouns++;
    if (showErrors && !resolved.has(g.start)) {
      const name = doc.mentions.find((x) => x.chain === g.chain && x.proper)?.text;
      errors.push(`missed ${pronoun ? 'pronoun' : 'description'}\t${name}\t${ctx(g.start, g.end)}`);
    }
  }
  // name pairs
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const sameSys = names[i].entity === names[j].entity;
      const sameGold = names[i].chain === names[j].chain;
      if (sameSys) s.names.sys++;
      if (sameGold) s.names.gold++;
      if (sameSys && sameGold) {
        s.names.tp++;
        s.names.found++;
      }
    }
  }
}

const train = newScores();
const heldOut = newScores();
const files = readdirSync(dir).filter((f) => /^GUM_news_.*\.conllu$/.test(f)).sort();
for (const f of files) {
  const id = f.replace(/\.conllu$/, '');
  score(readGum(id, readFileSync(`${dir}/${f}`, 'utf8')), HELD_OUT.has(id) ? heldOut : train);
}
for (const [label, s, n] of [['GUM news train', train, files.length - HELD_OUT.size], ['GUM news dev + test', heldOut, HELD_OUT.size]] as const) {
  console.log(`${label} (${n} documents)`);
  console.log(`${s.pronouns.line('pronouns')}; ${s.unmarked} resolved pronouns unmarked in the gold, not scored`);
  const outside = s.pronouns.gold - s.quotedPronouns;
  console.log(`                 ${s.quotedPronouns} gold pronouns missed are inside quotations, left alone by design; recall over the other ${outside}: ${((100 * s.pronouns.found) / (outside || 1)).toFixed(1)}`);
  console.log(s.descriptions.line('descriptions'));
  console.log(s.names.line('name pairs'));
  console.log(`  entity types   ${((100 * s.types.tp) / (s.types.gold || 1)).toFixed(1)}% right (${s.types.tp} of the ${s.types.gold} entities whose names are a gold person, organization or place)`);
}
if (showErrors) for (const e of errors) console.log(e);
