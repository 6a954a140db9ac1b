/**
 * Money amounts and percentages, and the entity each is a figure of, against the project's own
 * annotation of 107 BBC News articles (eval/gold/bbc-quantity-owners.json; texts read from
 * ../shared/data/bbc). Prints, per split (dev, test, test2): detection of the quantities (overlap) and
 * precision/recall/F1 of the owner links, a link counting as correct when the linked entity's name
 * or an alias and the gold name are equal or one holds the other as whole words ("Pernod" and
 * "Pernod Ricard": the name as the tagger found it).
 *
 *   npx tsx eval/quantities.ts [--errors] [--split dev|test|test2] [gold.json] [bbc dir]
 */
import { existsSync, readFileSync } from 'node:fs';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { analyze } from '../pipeline/extract/index.ts';
import type { Doc, Quantity } from '../pipeline/extract/document.ts';

interface GoldItem {
  text: string;
  occurrence: number;
  entity: string | null;
}
interface GoldFile {
  file: string;
  items: GoldItem[];
}

const argv = process.argv.slice(2);
const showErrors = argv.includes('--errors');
const onlySplit = argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : undefined;
const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--split');
const goldPath = positional[0] ?? new URL('./gold/bbc-quantity-owners.json', import.meta.url).pathname;
const bbc = positional[1] ?? new URL('../../shared/data/bbc/', import.meta.url).pathname;
if (!existsSync(bbc)) {
  console.log(`skipped: ${bbc} not found (../shared/data is absent)`);
  process.exit(0);
}
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { splits: Record<string, GoldFile[]> };

function nthIndex(text: string, needle: string, n: number, whole = false): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    do at = text.indexOf(needle, at + 1);
    while (whole && at > 0 && /[\d.,]/.test(text[at - 1]));
    if (at < 0) return -1;
  }
  return at;
}

/**
 * The item's offset. The guidelines count occurrences as plain substrings, so "7%" inside "21.7%"
 * counts; an annotator who counted whole numbers instead is recognized by the n-th substring
 * falling inside a longer number.
 */
function locate(text: string, item: GoldItem): number {
  const plain = nthIndex(text, item.text, item.occurrence);
  if (plain > 0 && /[\d.,]/.test(text[plain - 1]) && /^\d/.test(item.text)) return nthIndex(text, item.text, item.occurrence, true);
  return plain;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function sameEntity(doc: Doc, id: string | undefined, name: string): boolean {
  const e = id ? doc.entities.find((x) => x.id === id) : undefined;
  if (!e) return false;
  const within = (a: string, b: string): boolean => new RegExp(`(?:^|\\s)${escape(a)}(?:$|\\s)`).test(b);
  // "Dr Reddy's" and "Reddy"
  const bare = (n: string): string => n.toLowerCase().replace(/['’]s$/, '');
  const g = bare(name);
  return [e.name, ...e.aliases].some((n) => within(g, bare(n)) || within(bare(n), g));
}

const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '0.0').padStart(5);
const f1 = (p: number, r: number): string => (p + r ? ((2 * p * r) / (p + r)) * 100 : 0).toFixed(1).padStart(5);

for (const [split, files] of Object.entries(gold.splits)) {
  if (onlySplit && split !== onlySplit) continue;
  let goldItems = 0;
  let found = 0;
  let sysQuantities = 0;
  let sysMatched = 0;
  let goldLinks = 0;
  let sysLinks = 0;
  let correct = 0;
  /** gold owners that the entity layer found at all: the most the linker can get */
  let reachable = 0;
  const errors: string[] = [];
  for (const gf of files) {
    const path = `${bbc}${gf.file}`;
    const raw = readFileSync(path);
    const { article } = normalizeArticle(raw, gf.file);
    const doc = analyze(article);
    const text = doc.text;
    const name = (q: Quantity | undefined): string => (q?.entity ? (doc.entities.find((e) => e.id === q.entity)?.name ?? q.entity) : 'none');
    const sys = doc.quantities.filter((q) => q.kind === 'money' || q.kind === 'percent');
    sysQuantities += sys.length;
    const used = new Set<Quantity>();
    for (const item of gf.items) {
      goldItems++;
      const start = locate(text, item);
      if (start < 0) throw new Error(`${gf.file}: "${item.text}" #${item.occurrence} not found in the normalized text`);
      const end = start + item.text.length;
      const q = sys.find((s) => !used.has(s) && s.start < end && start < s.end);
      if (q) {
        used.add(q);
        found++;
      }
      if (item.entity) {
        goldLinks++;
        if (doc.entities.some((e) => sameEntity(doc, e.id, item.entity as string))) reachable++;
      }
      if (q?.entity) sysLinks++;
      const ok = !!item.entity && sameEntity(doc, q?.entity, item.entity);
      if (ok) correct++;
      if (showErrors && !ok && (item.entity || q?.entity)) {
        const context = text.slice(Math.max(0, start - 70), end + 30).replace(/\s+/g, ' ');
        const known = !item.entity || doc.entities.some((e) => sameEntity(doc, e.id, item.entity as string)) ? '' : ' (no such entity)';
        errors.push(`${gf.file}\t${item.text}\tgold ${item.entity ?? 'none'}${known}\tsys ${q ? name(q) : '(not found)'}\t| ${context}`);
      }
    }
    sysMatched += used.size;
    for (const q of sys) {
      if (used.has(q)) continue;
      if (q.entity) sysLinks++;
      if (showErrors) errors.push(`${gf.file}\t${q.text}\tgold (no item)\tsys ${name(q)}\t| ${text.slice(Math.max(0, q.start - 70), q.end + 30).replace(/\s+/g, ' ')}`);
    }
  }
  console.log(`${split}: ${files.length} articles, ${goldItems} money/percent items, ${goldLinks} with an owner`);
  console.log(`  detection   P ${pct(sysMatched, sysQuantities)}  R ${pct(found, goldItems)}  F1 ${f1(sysMatched / (sysQuantities || 1), found / (goldItems || 1))}`);
  console.log(`  owner links P ${pct(correct, sysLinks)}  R ${pct(correct, goldLinks)}  F1 ${f1(correct / (sysLinks || 1), correct / (goldLinks || 1))}   (correct ${correct}, system ${sysLinks}, gold ${goldLinks})`);
  console.log(`  gold owners among the article's entities: ${reachable} of ${goldLinks} (${pct(reachable, goldLinks).trim()}%), recall of the links on those: ${pct(correct, reachable).trim()}%`);
  for (const e of errors) console.log(`  ${e}`);
}
