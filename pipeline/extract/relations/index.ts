import type { Component, Doc, Entity, Relation } from '../document.ts';
import { isPeopleWord } from './demonyms.ts';
import { DETERMINERS, DocIndex, isCapitalized, resolvePossessive, type MentionRef } from './doc-index.ts';
import { AMBIGUOUS_TITLES, FORMER, HONORIFICS, MEMBERSHIP_BODIES, PARTY_NAME_RE, NEWS_MEDIA, KIN_MODIFIERS, KINSHIP, MEMBER_HEADS, PERSON_NOUNS, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon.ts';

export { RELATION_VOCABULARY, type RelationTerm } from './vocabulary.ts';
export { COUNTRIES, DEMONYM_TO_COUNTRY } from './demonyms.ts';

/**
 * Relations between entities stated by noun-phrase syntax: titles and demonyms before a name,
 * appositions, coreferent descriptions, kinship phrases and ages. Pattern-based on purpose: these
 * constructions are regular in news English, and the patterns give exact evidence spans.
 */

/** A parsed role phrase: "the Russian Deputy Foreign Minister", "Apple's chief executive", "a Russian-Israeli man". */
interface RolePhrase {
  /** token range consumed */
  start: number;
  end: number;
  countries: string[];
  /** token range of the job title */
  title?: [number, number];
  org?: Entity;
  /** membership rather than employment */
  member: boolean;
  former: boolean;
}

const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must']);

/**
 * The tie a bare "Y's X" or "X of Y" states: membership for parties and other membership
 * bodies, employment for news media (whose named people are their journalists), else affiliation.
 */
function orgTie(org: Entity, electoral = false): 'memberOf' | 'worksFor' | 'affiliation' {
  const words = [org.name, ...org.aliases].join(' ').toLowerCase().split(/[\s-]+/);
  if (words.some((w) => MEMBERSHIP_BODIES.has(w))) return 'memberOf';
  if (words.some((w) => NEWS_MEDIA.has(w))) return 'worksFor';
  // "The candidates elected were DAB's Ben Chan and FTU's Alice Mak": in a sentence about an
  // election, the body a candidate or lawmaker stands for is a party, whatever its name
  return electoral ? 'memberOf' : 'affiliation';
}

/** Whether an organization is a political party, by its name or one of its aliases. */
function isParty(org: Entity): boolean {
  return [org.name, ...org.aliases].some((n) => PARTY_NAME_RE.test(n));
}

/** Whether token i's sentence is about an election: candidates, seats, votes, lawmakers. */
function electoralSentence(ix: DocIndex, i: number): boolean {
  const s = ix.doc.sentences[ix.tokens[i].sentence];
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (ELECTORAL_WORDS.has(ix.lower(k))) return true;
  return false;
}

const POSTNOMINAL_LINKS = new Set(['of', 'for', 'at', 'with']);
const ELECTORAL_WORDS = new Set([
  'election', 'elections', 'elected', 're-elected', 'reelected', 'candidate', 'candidates', 'constituency', 'constituencies',
  'seat', 'seats', 'ballot', 'lawmaker', 'lawmakers', 'legislator', 'legislators', 'councillor', 'councillors', 'councilor',
  'councilors', 'mp', 'mps', 'incumbent', 'primary', 'nominee', 'voters',
]);
const RELATIVE_STARTS = new Set(['who', 'whose', 'which', 'whom', 'where', 'that']);

/** a mention at token i other than the description being parsed (which spans the whole phrase) */
function otherMention(ix: DocIndex, i: number, own: MentionRef | undefined): MentionRef | undefined {
  const m = ix.mentionAt(i);
  return m === own ? undefined : m;
}

/** the organization or country that owns a role ("Apple's", "Kremlin", "Russia's") */
function setOwner(ix: DocIndex, r: RolePhrase, entity: Entity): void {
  if (entity.type === 'Organization') r.org = entity;
  else {
    const c = ix.countryOf(entity);
    if (c && !r.countries.includes(c)) r.countries.push(c);
  }
}

/** title words that are also verbs taking a name: "powerfully head Lampard's cross", "could captain England" ("to coach X" may be either) */
const TITLE_VERBS = new Set(['head', 'captain', 'coach', 'chair', 'manage']);

/** ranks of birth that follow an office before a name: "Foreign Minister Prince Saud" */
const NOBLE_RANKS = new Set(['prince', 'princess', 'king', 'queen', 'sheikh', 'emir', 'sultan']);

function parseRolePhrase(ix: DocIndex, from: number, to: number, whole: boolean, own?: MentionRef): RolePhrase | undefined {
  // closures here would be created per call, and this runs for every position before every name
  const sentenceStart = ix.doc.sentences[ix.tokens[from].sentence].tokenStart;
  const r: RolePhrase = { start: from, end: from, countries: [], member: false, former: false };
  let p = from;
  if (p < to && DETERMINERS.has(ix.lower(p))) p++;
  while (p < to && FORMER.has(ix.lower(p))) {
    r.former = true;
    p++;
  }
  // "the Afghan team's coach", "the country's president": an unnamed owner; its modifiers
  // (the demonym of "Afghan team") describe the owner, not the person
  for (let c = p + 1; c < Math.min(to, p + 4); c++) {
    if (!ix.isPossessiveClitic(c)) continue;
    if (ix.mentionEndingAt(c - 1) || !/^\p{L}/u.test(ix.word(c - 1)) || otherMention(ix, c - 1, own)) break;
    p = c + 1;
    break;
  }
  // "Apple's chief executive", "Russia's foreign minister"
  let m = ix.mentionStartingAt(p);
  if (m && m.entity.type !== 'Person' && m.tokenEnd < to && ix.isPossessiveClitic(m.tokenEnd)) {
    setOwner(ix, r, m.entity);
    p = m.tokenEnd + 1;
  }
  for (let d = ix.demonymAt(p, to); d && p < to; d = ix.demonymAt(p, to)) {
    for (const c of d.countries) if (!r.countries.includes(c)) r.countries.push(c);
    p += d.length;
  }
  // prenominal organization or country: "Kremlin spokesman", "U.S. Secretary of State"
  m = ix.mentionStartingAt(p);
  if (m && m.entity.type !== 'Person' && m.tokenEnd < to && !ix.isPossessiveClitic(m.tokenEnd)) {
    setOwner(ix, r, m.entity);
    p = m.tokenEnd;
  }
  const titleStart = p;
  let lastHead = -1;
  let headBefore = -1;
  while (p < to) {
    let w = ix.lower(p);
    if (otherMention(ix, p, own) || HONORIFICS.has(w)) break;
    // "ex-chief financial officer": a former office
    if (p === titleStart && w.startsWith('ex-') && (TITLE_HEADS.has(w.slice(3)) || TITLE_MODIFIERS.has(w.slice(3)))) {
      r.former = true;
      w = w.slice(3);
    }
    if (TITLE_HEADS.has(w) && !(MEMBER_HEADS.has(w) && PERSON_NOUNS.has(w))) {
      headBefore = lastHead;
      lastHead = p++;
      continue;
    }
    // "constitutional affairs spokesman": the word that names the affairs
    if (ix.lower(p + 1) === 'affairs' && /^\p{L}+$/u.test(ix.word(p)) && p + 2 < to) {
      p++;
      continue;
    }
    if (TITLE_MODIFIERS.has(w)) {
      p++;
      continue;
    }
    // "Secretary of State", "Minister of Foreign Affairs"
    if (w === 'of' && lastHead === p - 1 && isCapitalized(ix.word(lastHead)) && p + 1 < to && isCapitalized(ix.word(p + 1)) && !otherMention(ix, p + 1, own)) {
      let q = p + 1;
      while (q < to && isCapitalized(ix.word(q)) && !otherMention(ix, q, own)) q++;
      lastHead = q - 1;
      p = q;
      continue;
    }
    // an unlisted capitalized title word ("Energy Minister"), never sentence-initial
    const next = ix.lower(p + 1);
    if (isCapitalized(ix.word(p)) && p > sentenceStart && p + 1 < to && (TITLE_HEADS.has(next) || TITLE_MODIFIERS.has(next)) && isCapitalized(ix.word(p + 1))) {
      p++;
      continue;
    }
    break;
  }
  // "Foreign Minister Prince Saud": a rank of birth after the office is the name's, not the title's
  let rank = -1;
  if (headBefore >= 0 && headBefore < lastHead && NOBLE_RANKS.has(ix.lower(lastHead))) [rank, lastHead] = [lastHead, headBefore];
  let nounHead = '';
  if (lastHead >= 0) {
    r.title = [titleStart, lastHead + 1];
    p = rank >= 0 ? rank + 1 : lastHead + 1;
    nounHead = ix.lower(lastHead);
  } else {
    p = titleStart;
    const w = ix.lower(p);
    if (p < to && (PERSON_NOUNS.has(w) || MEMBER_HEADS.has(w))) {
      nounHead = w;
      p++;
    } else if (!(whole && p === to && r.countries.length > 0 && p - from === 1)) {
      // a bare demonym directly before a name ("Spaniard Rafael Nadal") is the only headless form
      return undefined;
    }
  }
  r.member = MEMBER_HEADS.has(nounHead);
  // "editor at large at the Saudi Gazette"
  if (ix.lower(p) === 'at' && ix.lower(p + 1) === 'large' && p + 2 <= to) p += 2;
  // "a spokesman for Hamas", "the chief executive of Apple", "a member of the party"
  if (p < to && POSTNOMINAL_LINKS.has(ix.lower(p))) {
    let q = p + 1;
    if (q < to && DETERMINERS.has(ix.lower(q))) q++;
    const post = ix.mentionStartingAt(q);
    if (post && post.entity.type === 'Organization' && post.tokenEnd <= to) {
      r.org = post.entity;
      p = post.tokenEnd;
    }
  }
  if (!r.title && !r.member) r.org = r.org && nounHead ? r.org : undefined;
  r.end = p;
  if (whole && p !== to) return undefined;
  return r;
}

class RelationSink {
  readonly out: Relation[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly ix: DocIndex) {}

  add(subject: string, predicate: string, object: { entity?: string; value?: string }, from: number, to: number): void {
    if (object.entity === subject) return;
    const key = `${subject}|${predicate}|${object.entity ?? object.value?.toLowerCase()}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const span = this.ix.span(from, to);
    const rel: Relation = { ...span, subject, predicate };
    if (object.entity) rel.objectEntity = object.entity;
    if (object.value !== undefined) rel.objectValue = object.value;
    this.out.push(rel);
  }

  /** jobTitle, organization and nationality relations of a parsed role phrase */
  addRole(subject: Entity, r: RolePhrase, from: number, to: number): void {
    if (r.title && !r.former) {
      this.add(subject.id, 'jobTitle', { value: this.ix.span(r.title[0], r.title[1]).text }, from, to);
    }
    if (r.org && !r.former) {
      // a party's spokesman or leader is one of its members ("Lib Dem home affairs spokesman Mark Oaten")
      this.add(subject.id, r.member || isParty(r.org) ? 'memberOf' : 'worksFor', { entity: r.org.id }, from, to);
    }
    for (const country of r.countries) {
      const place = this.ix.placeForCountry(country);
      this.add(subject.id, 'nationality', place ? { entity: place.id } : { value: country }, from, to);
    }
  }
}

/** Role phrase right before a person's name: "Russian Deputy Foreign Minister Mikhail Bogdanov". */
function preName(ix: DocIndex, ref: MentionRef, sink: RelationSink): void {
  const nameStart = ref.tokenStart;
  // a role phrase ends in a title word, a person noun or a demonym ("… Minister of Foreign Affairs"):
  // most names have none before them, and this test spares parsing from eight start positions
  const last = ix.lower(nameStart - 1);
  if (!TITLE_HEADS.has(last) && !TITLE_MODIFIERS.has(last) && !PERSON_NOUNS.has(last) && !MEMBER_HEADS.has(last) && ix.lower(nameStart - 3) !== 'of' && !ix.demonymAt(nameStart - 1)) return;
  const sentenceStart = ix.doc.sentences[ix.tokens[nameStart].sentence].tokenStart;
  let best: RolePhrase | undefined;
  // the longest phrase that ends exactly at the name; titles are short, 8 tokens is plenty
  for (let from = nameStart - 1; from >= Math.max(sentenceStart, nameStart - 8); from--) {
    if (ix.lower(from) === ',' || ix.word(from) === '.') break;
    const r = parseRolePhrase(ix, from, nameStart, true);
    if (r) best = r;
  }
  // "Dean Kamen", "Marshal Mathers": a one-word "title" that is the first name of a one-word name mention
  if (best?.title && best.title[1] - best.title[0] === 1 && best.start === best.title[0] && AMBIGUOUS_TITLES.has(ix.lower(best.title[0])) && ref.tokenEnd - ref.tokenStart === 1) return;
  // "powerfully head Lampard", "could captain England": a verb, not a title
  if (best?.title && best.title[1] - best.title[0] === 1 && best.start === best.title[0] && TITLE_VERBS.has(ix.lower(best.start)) && /^(?:will|would|could|can|\p{Ll}{3,}ly)$/u.test(ix.lower(best.start - 1))) return;
  if (best) sink.addRole(ref.entity, best, best.start, ref.tokenEnd);
}

/** End of an apposition: the next comma, semicolon, bracket, quote or the sentence end. */
function appositionEnd(ix: DocIndex, from: number, sentenceEnd: number): number {
  let i = from;
  while (i < sentenceEnd && !/^[,;:()“”"—–]$/.test(ix.word(i)) && !(ix.word(i) === '.' && i === sentenceEnd - 1)) i++;
  return i;
}

/** "Tim Cook, Apple's chief executive," "Alexander Trufanov, a Russian-Israeli man" "Maxim Herkin, 35, a …" */
function apposition(ix: DocIndex, ref: MentionRef, sink: RelationSink): void {
  const sentenceEnd = ix.doc.sentences[ix.tokens[ref.tokenStart].sentence].tokenEnd;
  let k = ref.tokenEnd;
  if (ix.word(k) !== ',') return;
  k++;
  if (/^\d+$/.test(ix.word(k)) && ix.word(k + 1) === ',') k += 2;
  if (k >= sentenceEnd || RELATIVE_STARTS.has(ix.lower(k))) return;
  const end = appositionEnd(ix, k, sentenceEnd);
  const r = parseRolePhrase(ix, k, end, false);
  // "According to Rathbun, a detective for the sheriff's office was provided …": the phrase is the
  // subject of the next clause, not an apposition
  if (r && !AUXILIARIES.has(ix.lower(r.end))) sink.addRole(ref.entity, r, ref.tokenStart, r.end);
}

/**
 * A role phrase closed by a comma before the name: "Malaysia's Prime Minister, Najib Razak",
 * "a Scientology attorney, Kendrick Moxon", "the country's president, X".
 */
function preNameComma(ix: DocIndex, ref: MentionRef, sink: RelationSink): void {
  const comma = ref.tokenStart - 1;
  if (ix.word(comma) !== ',') return;
  // a list ("presidents, Putin and Xi") or a clause ("…, Putin said") is no apposition
  const after = ix.lower(ref.tokenEnd);
  if (after === 'and' || after === 'or') return;
  const sentenceStart = ix.doc.sentences[ix.tokens[comma].sentence].tokenStart;
  let best: RolePhrase | undefined;
  for (let from = comma - 1; from >= Math.max(sentenceStart, comma - 8); from--) {
    const w = ix.lower(from);
    if (/^[,;:.()“”"]$/.test(w)) break;
    const owner = ix.mentionStartingAt(from);
    const opens = DETERMINERS.has(w) || (owner !== undefined && owner.entity.type !== 'Person' && ix.isPossessiveClitic(owner.tokenEnd));
    if (!opens) continue;
    const r = parseRolePhrase(ix, from, comma, true);
    if (r && (r.title || r.org)) best = r;
  }
  if (best) sink.addRole(ref.entity, best, best.start, ref.tokenEnd);
}

/** "Lee Cheuk-yan of the Labour Party", "Matthew Ingram of The Globe and Mail", "Alvin Yeung from the Civic Party" */
function postnominalOrg(ix: DocIndex, ref: MentionRef, sink: RelationSink): void {
  const link = ix.lower(ref.tokenEnd);
  if (link !== 'of' && link !== 'from') return;
  const q = ref.tokenEnd + 1;
  // "of The Globe and Mail": the article may be part of the name
  const org = ix.mentionStartingAt(q) ?? (DETERMINERS.has(ix.lower(q)) ? ix.mentionStartingAt(q + 1) : undefined);
  if (!org || org.entity.type !== 'Organization' || ix.isPossessiveClitic(org.tokenEnd)) return;
  // "removed the video featuring X from YouTube", "freed X from Hamas captivity": "from" states
  // membership only for parties and the like
  const electoral = electoralSentence(ix, ref.tokenStart);
  if (link === 'from' && orgTie(org.entity, electoral) !== 'memberOf') return;
  sink.add(ref.entity.id, orgTie(org.entity, electoral), { entity: org.entity.id }, ref.tokenStart, org.tokenEnd);
}

/** Coreferent descriptions: "the Russian president". */
function description(ix: DocIndex, ref: MentionRef, sink: RelationSink): void {
  // "The Kenyan was unsure": a nationality the entity layer resolved to its person
  if (ref.tokenEnd - ref.tokenStart === 2 && ix.lower(ref.tokenStart) === 'the' && isPeopleWord(ix.lower(ref.tokenStart + 1))) {
    const d = ix.demonymAt(ref.tokenStart + 1, ref.tokenEnd);
    for (const country of d?.countries ?? []) {
      const place = ix.placeForCountry(country);
      sink.add(ref.entity.id, 'nationality', place ? { entity: place.id } : { value: country }, ref.tokenStart, ref.tokenEnd);
    }
    return;
  }
  const r = parseRolePhrase(ix, ref.tokenStart, ref.tokenEnd, true, ref);
  if (r) sink.addRole(ref.entity, r, ref.tokenStart, ref.tokenEnd);
}

/** "Russian-Israeli hostages still held by Hamas, including Maxim Herkin" */
function including(ix: DocIndex, ref: MentionRef, sink: RelationSink): void {
  const cue = ref.tokenStart - 1;
  if (ix.lower(cue) !== 'including') return;
  const sentenceStart = ix.doc.sentences[ix.tokens[ref.tokenStart].sentence].tokenStart;
  for (let i = cue - 1; i >= Math.max(sentenceStart, cue - 12); i--) {
    if (ix.mentionAt(i)?.entity.type === 'Person') return;
    const d = ix.demonymAt(i);
    if (d && PERSON_NOUNS.has(ix.lower(i + d.length))) {
      sink.addRole(ref.entity, { start: i, end: i + d.length + 1, countries: d.countries, member: false, former: false }, i, ref.tokenEnd);
      return;
    }
  }
}

/**
 * Kinship: "his father, Vitali Trupanov", "his mother Yelena", "Putin's daughter Maria",
 * "Yelena, his mother," and "Yelena, the mother of Alexander".
 */
function kinship(ix: DocIndex, sink: RelationSink): void {
  // relatives named in kin phrases are objects, never the subject a later "his" falls back to
  const relatives = new Set<MentionRef>();
  // parallel possessives in one sentence ("his father …, while his mother …") share a referent
  const resolved = new Map<string, Entity>();
  for (let i = 0; i < ix.tokens.length; i++) {
    const kin = KINSHIP.get(ix.lower(i));
    if (!kin) continue;
    const sentence = ix.doc.sentences[ix.tokens[i].sentence];
    let p = i - 1;
    while (p >= sentence.tokenStart && (KIN_MODIFIERS.has(ix.lower(p)) || /-old$/.test(ix.lower(p)))) p--;
    let anchor: Entity | undefined;
    let relative: MentionRef | undefined;
    let from = p;
    let to = i + 1;
    // the relative named right after the kin noun
    let q = i + 1;
    if (ix.word(q) === ',') q++;
    const after = ix.mentionStartingAt(q);
    if (after && after.entity.type === 'Person' && after.mention.kind === 'name') relative = after;
    const possessor = ix.lower(p);
    const exclude = new Set(relative ? [relative.entity.id] : []);
    if (possessor === 'his' || possessor === 'her') {
      const key = `${possessor}|${ix.tokens[p].sentence}`;
      const coref = ix.mentionAt(p);
      anchor = coref?.entity.type === 'Person' ? coref.entity : (resolved.get(key) ?? resolvePossessive(ix, p, exclude, relatives));
      if (anchor && !exclude.has(anchor.id)) resolved.set(key, anchor);
      else anchor = undefined;
    } else if (ix.isPossessiveClitic(p)) {
      const owner = ix.mentionEndingAt(p - 1);
      if (owner && owner.entity.type === 'Person') {
        anchor = owner.entity;
        from = owner.tokenStart;
      }
    } else if (DETERMINERS.has(possessor) && ix.lower(i + 1) === 'of') {
      // "Yelena, the mother of Alexander"
      const owner = ix.mentionStartingAt(i + 2);
      const before = ix.mentionEndingAt(p - 2);
      if (owner?.entity.type === 'Person' && before?.entity.type === 'Person' && ix.word(p - 1) === ',') {
        anchor = owner.entity;
        relative = before;
        from = before.tokenStart;
        to = owner.tokenEnd;
      }
    }
    if (!anchor) continue;
    if (relative && relative.tokenStart > i) {
      to = relative.tokenEnd;
    } else if (!relative && ix.word(p - 1) === ',') {
      // "Yelena, his mother,"
      const before = ix.mentionEndingAt(p - 2);
      if (before?.entity.type === 'Person' && before.mention.kind === 'name') {
        relative = before;
        from = before.tokenStart;
      }
    }
    if (!relative || relative.entity.id === anchor.id) continue;
    relatives.add(relative);
    sink.add(anchor.id, kin.predicate, { entity: relative.entity.id }, from, to);
    sink.add(relative.entity.id, kin.inverse, { entity: anchor.id }, from, to);
  }
}

/** "Y's X" without a job noun: affiliation ("Hamas's Yahya Sinwar"). */
function possessiveAffiliation(ix: DocIndex, ref: MentionRef, sink: RelationSink): void {
  const clitic = ref.tokenStart - 1;
  if (!ix.isPossessiveClitic(clitic)) return;
  const owner = ix.mentionEndingAt(clitic - 1);
  if (owner?.entity.type === 'Organization') sink.add(ref.entity.id, orgTie(owner.entity, electoralSentence(ix, ref.tokenStart)), { entity: owner.entity.id }, owner.tokenStart, ref.tokenEnd);
}

/** Ages from the quantity layer; evidence runs to the adjacent name when there is one. */
function ages(ix: DocIndex, doc: Doc, sink: RelationSink): void {
  for (const q of doc.quantities) {
    if (q.kind !== 'age' || !q.entity) continue;
    const qs = ix.tokenAt(q.start);
    let qe = ix.tokenAt(q.end - 1) + 1;
    if (qs < 0 || qe <= 0) continue;
    let from = qs;
    // the name in the same sentence only ("… dies aged 44" ends a headline)
    const sentence = ix.tokens[qs].sentence;
    const next = qe < ix.tokens.length && ix.tokens[qe].sentence === sentence ? ix.mentionStartingAt(qe) : undefined;
    const prev = ix.word(qs - 1) === ',' ? ix.mentionEndingAt(qs - 2) : undefined;
    if (next?.entity.id === q.entity) qe = next.tokenEnd;
    else if (prev?.entity.id === q.entity) from = prev.tokenStart;
    sink.add(q.entity, 'age', { value: String(q.value) }, from, qe);
  }
}

export function extractRelations(doc: Doc): Relation[] {
  const ix = DocIndex.of(doc);
  const sink = new RelationSink(ix);
  for (const ref of ix.refs) {
    if (ref.entity.type !== 'Person') continue;
    if (ref.mention.kind === 'name') {
      preName(ix, ref, sink);
      preNameComma(ix, ref, sink);
      apposition(ix, ref, sink);
      postnominalOrg(ix, ref, sink);
      including(ix, ref, sink);
      possessiveAffiliation(ix, ref, sink);
    } else if (ref.mention.kind === 'description') {
      description(ix, ref, sink);
    }
  }
  kinship(ix, sink);
  ages(ix, doc, sink);
  return sink.out.sort((a, b) => a.start - b.start || a.end - b.end);
}

export const relationExtractor: Component = {
  name: 'relations',
  reads: ['tokens', 'entities', 'quantities'],
  writes: ['relations'],
  run(doc: Doc): void {
    doc.relations = extractRelations(doc);
  },
};
