import type { Doc, Entity, Mention, Token } from '../document.ts';
import { COUNTRY_NAMES, DEMONYM_TO_COUNTRY } from './demonyms.ts';
import { tokenTable } from '../token-table.ts';

/**
 * Token-level lookups shared by the relation and event extractors: which entity mention covers a
 * token, possessives, prepositions, demonyms. Kept dependency-free so both components stay fast.
 */

export interface MentionRef {
  mention: Mention;
  entity: Entity;
  /** [tokenStart, tokenEnd) of the tokens the mention overlaps */
  tokenStart: number;
  tokenEnd: number;
}

export const POSSESSIVE_CLITICS = new Set(["'s", '’s', "'", '’']);
export const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'my', 'our', 'your']);
export const PREPOSITIONS = new Set([
  'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'against', 'during', 'about', 'into',
  'over', 'under', 'after', 'before', 'between', 'among', 'toward', 'towards', 'near', 'like', 'than',
  'through', 'across', 'without', 'within', 'upon', 'via', 'regarding', 'including',
]);
export const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those']);
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it']);

export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export class DocIndex {
  readonly doc: Doc;
  readonly tokens: Token[];
  /** best mention covering each token (names preferred over pronouns/descriptions) */
  private readonly byToken: (MentionRef | undefined)[];
  readonly refs: MentionRef[] = [];
  private readonly entityById = new Map<string, Entity>();
  /** lower-cased token texts, computed once: every rule compares lower-cased words */
  private readonly lows: string[];
  private readonly texts: string[];
  /** token ends, for binary search without touching the token objects */
  private readonly ends: Int32Array;

  /**
   * The index of a document, shared by the relation and event extractors (both read the same
   * layers, and building it is a good part of their cost). Rebuilt when the entity layer changed.
   */
  static of(doc: Doc): DocIndex {
    const cached = CACHE.get(doc);
    if (cached && cached.tokens === doc.tokens && cached.signature === signature(doc)) return cached;
    const ix = new DocIndex(doc);
    CACHE.set(doc, ix);
    return ix;
  }

  private readonly signature: string;

  constructor(doc: Doc) {
    this.doc = doc;
    this.tokens = doc.tokens;
    this.signature = signature(doc);
    const n = doc.tokens.length;
    // shared with coreference and quotes, which built it already (read-only here)
    const table = tokenTable(doc);
    this.lows = table.lows;
    this.texts = table.texts;
    this.ends = table.ends;
    const starts = table.starts;
    this.byToken = new Array<MentionRef | undefined>(doc.tokens.length);
    for (const entity of doc.entities) {
      this.entityById.set(entity.id, entity);
      for (const mention of entity.mentions) {
        const ts = this.tokenAt(mention.start);
        if (ts < 0) continue;
        let te = ts;
        while (te < n && starts[te] < mention.end) te++;
        const ref: MentionRef = { mention, entity, tokenStart: ts, tokenEnd: Math.max(te, ts + 1) };
        this.refs.push(ref);
        for (let i = ref.tokenStart; i < ref.tokenEnd; i++) {
          const old = this.byToken[i];
          if (!old || rank(ref) > rank(old)) this.byToken[i] = ref;
        }
      }
    }
    this.refs.sort((a, b) => a.mention.start - b.mention.start);
  }

  /** index of the token containing char offset `pos` (or the first token after it), -1 if none */
  tokenAt(pos: number): number {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] > pos) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  }

  entity(id: string): Entity | undefined {
    return this.entityById.get(id);
  }

  lower(i: number): string {
    return this.lows[i] ?? '';
  }

  word(i: number): string {
    return this.texts[i] ?? '';
  }

  mentionAt(i: number): MentionRef | undefined {
    return this.byToken[i];
  }

  /** a mention that starts exactly at token i */
  mentionStartingAt(i: number): MentionRef | undefined {
    const ref = this.byToken[i];
    return ref && ref.tokenStart === i ? ref : undefined;
  }

  /** a mention that ends exactly at token i (inclusive) */
  mentionEndingAt(i: number): MentionRef | undefined {
    const ref = this.byToken[i];
    return ref && ref.tokenEnd - 1 === i ? ref : undefined;
  }

  sentenceRange(si: number): [number, number] {
    const s = this.doc.sentences[si];
    return [s.tokenStart, s.tokenEnd];
  }

  /** Entity whose canonical name or alias equals `name` (case-insensitive). */
  entityNamed(name: string, type?: Entity['type']): Entity | undefined {
    const key = name.toLowerCase();
    return this.doc.entities.find(
      (e) => (!type || e.type === type) && (e.name.toLowerCase() === key || e.aliases.some((a) => a.toLowerCase() === key)),
    );
  }

  /** The article's Place entity for a country name from the demonym table, if any. */
  placeForCountry(country: string): Entity | undefined {
    return this.doc.entities.find(
      (e) => e.type === 'Place' && [e.name, ...e.aliases].some((n) => COUNTRY_NAMES.get(n.toLowerCase()) === country),
    );
  }

  /** Country name when the entity is a country of the table. */
  countryOf(entity: Entity): string | undefined {
    if (entity.type !== 'Place') return undefined;
    for (const n of [entity.name, ...entity.aliases]) {
      const c = COUNTRY_NAMES.get(n.toLowerCase());
      if (c) return c;
    }
    return undefined;
  }

  /**
   * Demonym at token i: the countries it names and the number of tokens it spans (two-word
   * demonyms such as "South African"; hyphenated compounds such as "Russian-Israeli" name several).
   */
  demonymAt(i: number, limit = this.tokens.length): { countries: string[]; length: number } | undefined {
    const w = this.word(i);
    if (!isCapitalized(w)) return undefined;
    if (i + 1 < limit) {
      const two = DEMONYM_TO_COUNTRY.get(`${w} ${this.word(i + 1)}`.toLowerCase());
      if (two) return { countries: [two], length: 2 };
    }
    const parts = w.split(/[-‑]/);
    const countries: string[] = [];
    for (const part of parts) {
      const c = isCapitalized(part) ? DEMONYM_TO_COUNTRY.get(part.toLowerCase()) : undefined;
      // "Russian-born", "Iranian-backed": not a nationality
      if (!c) return undefined;
      if (!countries.includes(c)) countries.push(c);
    }
    return { countries, length: 1 };
  }

  isPossessiveClitic(i: number): boolean {
    return POSSESSIVE_CLITICS.has(this.word(i));
  }

  /** true when the mention is governed by a preposition ("in Gaza", "by Hamas") */
  afterPreposition(ref: MentionRef): boolean {
    let i = ref.tokenStart - 1;
    while (i >= 0 && DETERMINERS.has(this.lower(i))) i--;
    return i >= 0 && PREPOSITIONS.has(this.lower(i));
  }

  /** possessive use: "Putin's", "his" */
  isPossessive(ref: MentionRef): boolean {
    if (ref.mention.kind === 'pronoun') return POSSESSIVE_PRONOUNS.has(ref.mention.text.toLowerCase());
    return this.isPossessiveClitic(ref.tokenEnd);
  }

  /** text span of tokens [from, to) */
  span(from: number, to: number): { start: number; end: number; text: string } {
    const start = this.tokens[from].start;
    const end = this.tokens[to - 1].end;
    return { start, end, text: this.doc.text.slice(start, end) };
  }
}

const CACHE = new WeakMap<Doc, DocIndex>();

/** what the index depends on besides the tokens: the entity layer's size */
function signature(doc: Doc): string {
  let mentions = 0;
  for (const e of doc.entities) mentions += e.mentions.length;
  return `${doc.entities.length}|${mentions}|${doc.text.length}`;
}

function rank(ref: MentionRef): number {
  const kind = ref.mention.kind === 'name' ? 2 : ref.mention.kind === 'description' ? 1 : 0;
  return kind * 1000 + (ref.mention.end - ref.mention.start);
}

/** Picks the mention referred to by a possessive pronoun when coreference gave none. */
export function resolvePossessive(
  ix: DocIndex,
  tokenIndex: number,
  exclude: Set<string>,
  skip: ReadonlySet<MentionRef> = new Set(),
): Entity | undefined {
  const direct = ix.mentionAt(tokenIndex);
  if (direct && direct.entity.type === 'Person' && !exclude.has(direct.entity.id)) return direct.entity;
  const word = ix.lower(tokenIndex);
  const gender = word === 'his' || word === 'him' || word === 'he' ? 'male' : word === 'her' || word === 'she' ? 'female' : undefined;
  const si = ix.tokens[tokenIndex].sentence;
  const ok = (ref: MentionRef): boolean =>
    ref.entity.type === 'Person' &&
    !skip.has(ref) &&
    !exclude.has(ref.entity.id) &&
    (ref.mention.kind !== 'pronoun' || !ix.isPossessive(ref)) &&
    (!gender || !ref.entity.gender || ref.entity.gender === gender) &&
    !ix.afterPreposition(ref);
  // The sentence's subject (its first person, before the pronoun), then the previous sentence's.
  for (const sentence of [si, si - 1]) {
    if (sentence < 0) break;
    const [from, to] = ix.sentenceRange(sentence);
    const limit = sentence === si ? tokenIndex : to;
    for (const ref of ix.refs) {
      if (ref.tokenStart < from || ref.tokenStart >= limit) continue;
      if (ok(ref)) return ref.entity;
    }
  }
  return undefined;
}
