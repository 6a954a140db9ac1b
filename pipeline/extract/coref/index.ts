import { COUNTRY_NAMES, isPeopleWord } from '../relations/demonyms.ts';
import type { Component, Doc, Entity, Mention, Span } from '../document.ts';
import { sentenceLocator, titleBefore } from '../entities/index.ts';
import { ROLE_NOUNS, roleHead, TITLE_EXPANSIONS, TITLE_GENDER } from '../entities/lexicon.ts';
import { findQuoteMarks, quoteTester } from '../quotes/marks.ts';
import { REPORTING_VERBS } from '../quotes/verbs.ts';
import { tokenTable } from '../token-table.ts';
import { PARTY_DESIGNATION } from '../ner/index.ts';

/**
 * Coreference: adds pronoun and definite-description mentions to the entities the grouper built.
 *
 * Runs after `entityGrouper` and before `quoteExtractor` (quotes take their speakers' entities
 * from the mentions added here). Precision over recall: a pronoun or description is left
 * unresolved when agreement, salience or the text's own evidence do not single one entity out.
 *
 * - he/she pronouns: nearest sentence with a compatible person (gender agrees or is unknown),
 *   within the current and two previous sentences; subjects first, then the leftmost/nearest.
 *   Names inside quotation marks are not antecedents for pronouns outside them, and pronouns
 *   inside quotations are left alone (they speak from the speaker's point of view).
 * - "its": the nearest organization earlier in the same sentence.
 * - "it" before a reporting verb ("it said", "it has warned"): the organization that is the subject
 *   of the nearest sentence naming one, unless an unnamed body ("the government") comes between.
 * - "the company", "the firm", "the club" …: the organization an appositive renames ("Gazprom, the
 *   company tipped to buy"); as a subject, the organization the article has named most, when it
 *   was named in this sentence or the two before.
 * - descriptions ("the president", "the Russian president", "the 29-year-old"): an entity the
 *   text earlier gave that role (a title before its name or an appositive) or that age. An age the
 *   text gives for the first time ("The 31-year-old has a minor injury") stands for the one person
 *   the sentence before names outside quotations, as its subject, when that person is the one the
 *   article has named most so far and the description's own sentence names nobody before it.
 */

type Gender = 'male' | 'female';

const PRONOUN_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['he', 'male'], ['him', 'male'], ['his', 'male'], ['himself', 'male'],
  ['she', 'female'], ['her', 'female'], ['hers', 'female'], ['herself', 'female'],
]);

/** the pronouns resolved here, as written (lower case and capitalized) */
const PRONOUN_FORMS: ReadonlySet<string> = new Set(
  [...PRONOUN_GENDER.keys(), 'its', 'it'].flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()]),
);

/** possessive pronouns, which may point ahead from an opening phrase ("In her remarks, Waters …") */
const POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her']);

const PRONOUN_RE = /\b(?:he|him|his|himself|she|her|hers|herself|its|it)\b/gi;

/** "it" before a reporting verb ("it said", "it has warned") speaks for an organization. */
function reportsSpeech(lows: readonly string[], sentences: ArrayLike<number>, ti: number): boolean {
  // "was it written by": a question's or a passive's "it"
  if (ti > 0 && sentences[ti - 1] === sentences[ti] && AUXILIARIES.has(lows[ti - 1])) return false;
  let k = ti + 1;
  if (k < lows.length && /^(?:has|had|have|will|would|also)$/.test(lows[k])) k++;
  return k < lows.length && sentences[k] === sentences[ti] && REPORTING_VERBS.has(lows[k]);
}

const PREPOSITIONS = new Set([
  'in', 'at', 'to', 'of', 'for', 'with', 'by', 'from', 'on', 'about', 'against', 'between', 'among', 'into',
  'onto', 'over', 'under', 'toward', 'towards', 'through', 'during', 'without', 'within', 'like', 'than',
  'via', 'upon', 'behind', 'beside', 'besides', 'near', 'around', 'across', 'despite', 'unlike', 'per',
]);

const CLAUSE_STARTERS = new Set([
  ',', ';', ':', '—', '–', '(', 'and', 'but', 'or', 'that', 'while', 'when', 'as', 'because', 'after',
  'before', 'if', 'although', 'though', 'since', 'where', 'whereas', 'so', 'then', 'until', 'unless',
  '“', '"', 'meanwhile', 'however',
]);

const NON_VERBS = new Set([
  'this', 'his', 'its', 'as', 'is', 'always', 'perhaps', 'news', 'has', 'was', 'us', 'yes', 'less',
  'across', 'towards', 'afterwards', 'thus', 'plus', 'bus', 'status', 'campus', 'famous', 'various',
]);
const AUXILIARIES = new Set([
  'is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'should', 'may',
  'might', 'must', 'did', 'does', 'do', 'also', 'then', 'later', 'now', 'still', 'never', 'again',
  'himself', 'herself', 'once', 'first', 'previously', 'recently', 'repeatedly', 'publicly', 'reportedly',
  'allegedly', 'quickly', 'finally', 'immediately', 'directly', 'personally', 'not', 'who',
]);

/** Tokens of a span (first index, end index exclusive), found by binary search. */
export function tokenRange(doc: Doc, span: Span): [number, number] {
  // flat offset arrays: the binary search no longer touches scattered token objects
  const { starts, ends } = tokenTable(doc);
  const n = ends.length;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < n && starts[end] < span.end) end++;
  return [lo, end];
}

/**
 * Indices of the tokens that are exactly a match of `re` (like entities' tokensMatching, but the
 * binary search runs over the flat offsets, not the token objects).
 */
function tokenIndicesMatching(doc: Doc, re: RegExp): number[] {
  const { starts, ends } = tokenTable(doc);
  const out: number[] = [];
  const text = doc.text;
  let k = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let lo = k;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < m.index) lo = mid + 1;
      else hi = mid;
    }
    k = lo;
    if (k < starts.length && starts[k] === m.index && ends[k] === m.index + m[0].length) out.push(k);
  }
  return out;
}

const PARTY_DESIGNATION_AFTER_RE = new RegExp(String.raw`^\s*(?:\(\s*${PARTY_DESIGNATION}\s*\)|,\s*${PARTY_DESIGNATION}\s*,)`);

/**
 * Whether a mention reads as the subject of its clause: not governed by a preposition or a verb
 * before it, and followed by a verb-like word or an appositive.
 */
export function isSubjectMention(doc: Doc, span: Span): boolean {
  const [first, last] = tokenRange(doc, span);
  // flat per-token arrays instead of the token objects (see token-table.ts); -1: no such token
  const { texts, lows, sentences } = tokenTable(doc);
  const count = texts.length;
  const sentence = first < count ? sentences[first] : -1;
  const title = titleBefore(doc, span);
  const [before] = title ? tokenRange(doc, title) : [first];
  const prev = before > 0 && sentences[before - 1] === sentence ? before - 1 : -1;
  let next = last < count && sentences[last] === sentence ? last : -1;
  // "Jeffries (D-N.Y.) said", "McConnell, R-Ky., said": a legislator's party and state is passed over
  const designation = next >= 0 ? PARTY_DESIGNATION_AFTER_RE.exec(doc.text.slice(span.end, span.end + 16)) : null;
  if (designation) {
    const end = span.end + designation[0].length;
    while (next < count && doc.tokens[next].start < end) next++;
    if (next >= count || sentences[next] !== sentence) next = -1;
  }
  if (next >= 0 && /^['’]s?$/.test(texts[next])) return false; // possessive: "Putin’s administration"
  if (prev >= 0) {
    const p = lows[prev];
    if (PREPOSITIONS.has(p)) return false;
    if (!CLAUSE_STARTERS.has(p) && /^\p{Ll}/u.test(texts[prev]) && /(?:ed|ing)$/.test(p)) return false;
    if (/^\p{Lu}\p{Ll}+ing$/u.test(texts[prev])) return false; // "Addressing Putin directly, …"
  }
  if (next < 0) return false;
  const n = lows[next];
  if (n === ',') {
    // appositive, relative or participle clause after a subject: "Trufanov, whose family …, was
    // taken", "The firm, which is to receive …, said", "The firm, reporting its results, said"
    const after = last + 1 < count ? texts[last + 1] : undefined;
    return (prev < 0 || CLAUSE_STARTERS.has(lows[prev])) && after !== undefined && (/^(?:who|whose|which|a|an|the|\d+)$/i.test(after) || /^\p{Ll}{3,}ing$/u.test(after));
  }
  if (!/^\p{Ll}/u.test(texts[next])) return false;
  if (AUXILIARIES.has(n)) return true;
  if (PREPOSITIONS.has(n) || NON_VERBS.has(n) || CLAUSE_STARTERS.has(n)) return false;
  return /(?:ed|s)$/.test(n) && !/ss$/.test(n) || /^(?:said|told|met|made|went|took|gave|came|saw|spoke|wrote|won|lost|led|left|held|sent|began|became|thought|felt|knew|got|put|set|ran|sat|stood|paid|sought|brought|bought|fought|taught|caught|kept|meant|read|heard|found|built|spent|hit|cut|let|urged|vowed|warned)$/.test(n);
}

interface Candidate {
  entity: Entity;
  start: number;
  sentence: number;
  subject: boolean;
}

interface RoleEvidence {
  entity: Entity;
  /** where the text states it */
  at: number;
  roles: Set<string>;
  /** capitalized modifiers of the title ("Russian") */
  modifiers: Set<string>;
  age?: number;
}

const lowerWord = (w: string): string => w.toLowerCase().replace(/\.$/, '');

/** Roles and ages the text gives people: titles before names, appositives, "29-year-old X", "X, 35,". */
export function roleEvidence(doc: Doc): RoleEvidence[] {
  const out: RoleEvidence[] = [];
  const text = doc.text;
  for (const e of doc.entities) {
    if (e.type !== 'Person') continue;
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const ev: RoleEvidence = { entity: e, at: m.start, roles: new Set(), modifiers: new Set() };
      const title = titleBefore(doc, m);
      let beforeStart = m.start;
      if (title) {
        addRole(ev, title.text.split(/\s+/));
        beforeStart = title.start;
      }
      const age = /(\d{1,3})-year-old\s+$/.exec(text.slice(Math.max(0, beforeStart - 20), beforeStart));
      if (age) ev.age = Number(age[1]);
      const after = text.slice(m.end, m.end + 120);
      const ageAfter = /^,\s*(\d{1,3})\s*[,)]/.exec(after);
      if (ageAfter) ev.age = Number(ageAfter[1]);
      // appositive: "Putin, the Russian president," / "Smith, a senator from Ohio"
      const appos = /^(?:['’]s)?,\s*(?:the|a|an|who is|who was)\s+((?:[\p{L}.-]+\s+){0,4}?[\p{L}-]+)(?=\s*(?:[,.;]|\s+(?:of|for|from|at|in|and|who|said|says)\b))/u.exec(after);
      if (appos) addRole(ev, appos[1].split(/\s+/));
      if (ev.roles.size || ev.age !== undefined) out.push(ev);
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

function addRole(ev: RoleEvidence, words: string[]): void {
  const expanded = words.map((w) => TITLE_EXPANSIONS.get(lowerWord(w)) ?? w);
  const head = roleHead(expanded);
  if (head) {
    ev.roles.add(head);
    // "prime minister" also answers to "the minister"
    ev.roles.add(head.split(' ').pop() as string);
  }
  for (const w of words) if (/^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|ic)$/u.test(w)) ev.modifiers.add(w.toLowerCase());
}

interface Description extends Span {
  head?: string;
  age?: number;
  /** an age description that reads as a person: "the 31-year-old has", "the 20-year-old midfielder" */
  person?: boolean;
  /** a nationality standing for a person ("the Dutchman said"), which names no age or role to match */
  nationality?: boolean;
  modifiers: string[];
  gender?: Gender;
}

/** Verbs that follow a subject "the 24-year-old" and are neither -ed forms nor auxiliaries. */
const SUBJECT_VERBS = new Set([
  'said', 'told', 'took', 'won', 'lost', 'made', 'came', 'went', 'got', 'gave', 'left', 'ran', 'beat', 'hit',
  'set', 'put', 'felt', 'knew', 'saw', 'began', 'became', 'broke', 'held', 'kept', 'led', 'met', 'paid',
  'spent', 'threw', 'wrote', 'says', 'adds', 'insists', 'admits', 'believes', 'knows', 'feels', 'wants', 'hopes',
]);

/**
 * Whether "the N-year-old" followed by `next` names a person: it is followed by punctuation, a
 * verb or "who", a nationality or a person noun ("the 20-year-old midfielder"), not by a noun of
 * a thing ("the 40-year-old trade embargo").
 */
function ageHeadsPerson(next: string | undefined): boolean {
  if (next === undefined || !/\p{L}/u.test(next)) return true;
  const low = next.toLowerCase();
  if (/^\p{Lu}/u.test(next)) return true;
  return (
    AGE_NOUNS.test(next) || ROLE_NOUNS.has(low) || PERSON_NOUNS.has(low) || AUXILIARIES.has(low) || SUBJECT_VERBS.has(low) ||
    low === 'who' || low === 'former' || (low.length > 4 && low.endsWith('ed'))
  );
}

const AGE_NOUNS = /^(?:man|woman|boy|girl|father|mother|hostage|victim|suspect|teen|teenager|student|soldier|officer|driver|veteran)$/i;

/** People an age describes in sports and general news, beyond the role nouns. */
const PERSON_NOUNS = new Set([
  'midfielder', 'defender', 'forward', 'winger', 'keeper', 'prop', 'lock', 'hooker', 'fly-half', 'scrum-half', 'centre',
  'full-back', 'flanker', 'batsman', 'bowler', 'all-rounder', 'sprinter', 'athlete', 'runner', 'jumper', 'hurdler',
  'swimmer', 'cyclist', 'boxer', 'golfer', 'champion', 'international', 'youngster', 'rookie', 'son',
  'daughter', 'wife', 'husband', 'grandmother', 'grandfather', 'pensioner', 'musician', 'rapper', 'model', 'chef',
  'worker', 'nurse', 'teacher', 'pilot', 'patient', 'resident', 'mother-of-two', 'father-of-two',
]);

/** Definite descriptions that can name a person: "the (former) (Russian) president", "the 29-year-old". */
export function findDescriptions(doc: Doc, insideQuote: (pos: number) => boolean): Description[] {
  const out: Description[] = [];
  // built on first need: only a role followed by ", Name" asks for it
  let nameStarts: Set<number> | undefined;
  // flat per-token arrays instead of the token objects (see token-table.ts)
  const { texts, lows, starts, ends, sentences } = tokenTable(doc);
  const n = texts.length;
  for (let i = 0; i < n; i++) {
    // token length from the flat offsets first: most tokens are rejected without being touched
    if (ends[i] - starts[i] !== 3) continue;
    const the = texts[i];
    if (the !== 'the' && the !== 'The' && the !== 'THE') continue;
    if (insideQuote(starts[i])) continue;
    const sentence = sentences[i];
    const modifiers: string[] = [];
    // "the Dutchman said", "the Spaniard, who …": a nationality standing for a person (not "the
    // French", "the Swiss": a people)
    const people = i + 2 < n && sentences[i + 2] === sentence && /^\p{Lu}\p{Ll}+$/u.test(texts[i + 1]) && isPeopleWord(lows[i + 1]) && !/(?:ch|sh|ese|ss)$/.test(lows[i + 1]);
    if (people && (texts[i + 2] === ',' || AUXILIARIES.has(lows[i + 2]) || SUBJECT_VERBS.has(lows[i + 2]) || /^(?:added|says|insisted|admitted|who)$/.test(lows[i + 2]))) {
      out.push({ start: starts[i], end: ends[i + 1], modifiers, person: true, nationality: true });
      continue;
    }
    for (let j = i + 1; j < Math.min(n, i + 6) && sentences[j] === sentence; j++) {
      const text = texts[j];
      const age = /^(\d{1,3})-year-old$/.exec(text);
      if (age) {
        let end = ends[j];
        const next = j + 1 < n && sentences[j + 1] === sentence ? texts[j + 1] : undefined;
        if (next !== undefined && AGE_NOUNS.test(next)) end = ends[j + 1];
        out.push({ start: starts[i], end, age: Number(age[1]), modifiers, ...(ageHeadsPerson(next) ? { person: true } : {}) });
        break;
      }
      // lower-casing the two words apart equals lower-casing "prime minister" as one string
      const head = roleHead([text]) ?? (j + 1 < n && lows[j] === 'prime' && lows[j + 1] === 'minister' ? 'prime minister' : undefined);
      if (head && /^\p{Ll}/u.test(text)) {
        const endTok = head.includes(' ') ? j + 1 : j;
        const f = endTok + 1;
        const follow = f < n ? texts[f] : undefined;
        // "the president of France" or "the president, Vladimir Putin" introduce someone; a
        // following capitalized word makes the role part of a longer name ("the president Joe Biden")
        if (follow !== undefined && sentences[f] === sentence) {
          if (/^(?:of|for|-elect|elect)$/i.test(follow) || /^\p{Lu}/u.test(follow)) break;
          if (follow === ',' && f + 1 < n) {
            nameStarts ??= new Set(doc.entities.flatMap((e) => e.mentions.map((m) => m.start)));
            if (nameStarts.has(starts[f + 1])) break;
          }
        }
        if (follow !== undefined && /^(?:s|es)$/.test(follow)) break;
        const g = TITLE_GENDER.get(head);
        out.push({ start: starts[i], end: ends[endTok], head, modifiers, ...(g ? { gender: g } : {}) });
        break;
      }
      // modifiers: nationality/party adjectives, "former", "embattled" …; stop at anything else
      if (/^\p{Lu}[\p{L}.-]*$/u.test(text) || /^(?:former|then|late|new|current|outgoing|incoming|embattled|veteran|longtime|deputy|vice|acting|interim|foreign|defense|prime)$/i.test(text) || /^\p{Ll}+(?:al|ic|ive|ous|ful|ish)$/u.test(text)) {
        modifiers.push(lows[j]);
        continue;
      }
      break;
    }
  }
  return out;
}

/** Nouns that stand for a country already named: "the country has refused". */
const COUNTRY_NOUNS: ReadonlySet<string> = new Set(['country', 'nation']);

/** Nouns that stand for a business or other body already named: "the company said", "the club's accounts". */
const ORGANIZATION_NOUNS = new Set([
  'company', 'firm', 'group', 'bank', 'carrier', 'airline', 'retailer', 'club', 'insurer', 'lender', 'broadcaster', 'carmaker', 'chain',
  'organization', 'organisation', 'foundation', 'agency', 'charity', 'university', 'museum', 'gallery', 'church',
]);

/**
 * "The company said …": a definite organization noun outside quotations stands for the
 * organization the article has named most so far, when one was named in this sentence or the two
 * before and it has no rival of equal count. Followed by a name ("the group Amnesty") or "of"
 * ("the bank of England"), it introduces one instead.
 */
function organizationDescriptions(
  doc: Doc,
  insideQuote: (pos: number) => boolean,
  sentenceOf: (pos: number) => number,
  nouns: ReadonlySet<string> = ORGANIZATION_NOUNS,
  kind: (e: Entity) => boolean = (e) => e.type === 'Organization',
): Mention[] {
  const { texts, lows, starts, ends, sentences } = tokenTable(doc);
  const named = doc.entities
    .filter(kind)
    .flatMap((e) => e.mentions.filter((m) => m.kind === 'name' && !insideQuote(m.start)).map((m) => ({ entity: e, start: m.start, end: m.end })))
    .sort((a, b) => a.start - b.start);
  if (!named.length) return [];
  const out: Mention[] = [];
  /** "The media giant … owns 82% of the shares in the company", "News Corp holds a stake in the
   * group": a body that opens the sentence holds the shares, so "the company" is another one
   * (not "Manchester United's supporters own shares in the club") */
  const holderBefore = (i: number): boolean => {
    const from = doc.sentences[sentences[i]].tokenStart;
    for (let k = from; k < Math.min(i, from + 4); k++) if (nouns.has(lows[k]) || lows[k] === 'giant') return true;
    return named.some((n) => n.start >= starts[from] && n.start < starts[i] && !/^['’]s?\b/.test(doc.text.slice(n.end, n.end + 2)));
  };
  for (let i = 0; i + 1 < texts.length; i++) {
    if (lows[i] !== 'the' || !nouns.has(lows[i + 1]) || sentences[i + 1] !== sentences[i]) continue;
    const at = starts[i];
    if (insideQuote(at)) continue;
    const end = ends[i + 1];
    // "Gazprom, the company tipped to buy": an appositive renames the organization just named
    const comma = /,\s*$/.test(doc.text.slice(Math.max(0, at - 3), at)) ? doc.text.lastIndexOf(',', at) : -1;
    const appositive = comma >= 0 ? named.find((n) => n.end === comma) : undefined;
    // "In a statement to the ABC, the Church denied": the comma closes an opening phrase
    const opening = lows[doc.sentences[sentences[i]].tokenStart];
    if (appositive && !PREPOSITIONS.has(opening) && opening !== 'according') {
      out.push({ start: at, end, text: doc.text.slice(at, end), kind: 'description', entity: appositive.entity.id });
      continue;
    }
    const next = i + 2 < texts.length && sentences[i + 2] === sentences[i] ? texts[i + 2] : undefined;
    // "the club where he made his name": a relative clause picks out some other one
    if (next !== undefined && (/^\p{Lu}/u.test(next) || /^(?:of|s|where|which|that|who|whose)$/.test(next))) continue;
    // as a subject only ("the company said", "the firm has cut"): elsewhere it is as often some other
    // one; but "shares in the retailer" are the article's firm's
    if (!isSubjectMention(doc, { start: at, end }) && !(/\b(?:shares|stake|holding)\s+(?:in|of)\s+$/i.test(doc.text.slice(Math.max(0, at - 20), at)) && !holderBefore(i))) continue;
    const counts = new Map<Entity, number>();
    const recent = new Set<Entity>();
    const sentence = sentenceOf(at);
    for (const n of named) {
      if (n.start >= at) break;
      counts.set(n.entity, (counts.get(n.entity) ?? 0) + 1);
      if (sentenceOf(n.start) >= sentence - 2) recent.add(n.entity);
    }
    const top = mostCounted(counts) ?? leadOfTie(counts, named, sentenceOf);
    // a description resolved to it lately keeps it in view: "The firm is … . … . … . Mr Garnier said the company had …"
    let described = -1;
    for (const d of out) if (top && d.entity === top.id) described = d.start;
    if (!top || (!recent.has(top) && !(described >= 0 && sentenceOf(described) >= sentence - 3))) continue;
    out.push({ start: at, end, text: doc.text.slice(at, end), kind: 'description', entity: top.id });
  }
  return out;
}

/**
 * Of the entities counted most often, the one the headline or first sentence names first: the
 * article's subject ("GlaxoSmithKline saw its profits fall …" beside a drug named as often).
 */
function leadOfTie(counts: Map<Entity, number>, named: readonly { entity: Entity; start: number }[], sentenceOf: (pos: number) => number): Entity | undefined {
  const best = Math.max(...counts.values());
  const first = named.find((n) => counts.get(n.entity) === best);
  return first && sentenceOf(first.start) <= 1 ? first.entity : undefined;
}

/** The entity counted most often, if no other is counted as often. */
function mostCounted(counts: Map<Entity, number>): Entity | undefined {
  let top: Entity | undefined;
  let best = 0;
  let tie = false;
  for (const [e, c] of counts) {
    if (c > best) [top, best, tie] = [e, c, false];
    else if (c === best) tie = true;
  }
  return tie ? undefined : top;
}

/** between a description and the name in apposition to it: "the 29-year-old driver, Ana Lopez," */
const APPOSITION_GAP_RE = /^,\s*$/;

/** Resolves descriptions to entities with matching role or age evidence earlier in the text. */
function resolveDescriptions(
  doc: Doc,
  descriptions: Description[],
  lastMention: (e: Entity, before: number) => number,
  insideQuote: (pos: number) => boolean,
): Mention[] {
  const evidence = roleEvidence(doc);
  const sentenceOf = sentenceLocator(doc);
  const personMentions = doc.entities
    .filter((e) => e.type === 'Person')
    .flatMap((e) => e.mentions.filter((m) => !insideQuote(m.start)).map((m) => ({ entity: e, mention: m })));
  /** the one person, a subject, that the sentence before names outside quotations, if this one names nobody before `at` */
  const onlyPersonBefore = (at: number): Entity | undefined => {
    const si = sentenceOf(at);
    if (si === 0) return undefined;
    const from = doc.sentences[si - 1].start;
    const here = doc.sentences[si].start;
    let one: Entity | undefined;
    let subject = false;
    for (const { entity, mention } of personMentions) {
      if (mention.start < from || mention.start >= at) continue;
      if (mention.start >= here || (one && one !== entity)) return undefined;
      one = entity;
      subject ||= isSubjectMention(doc, mention);
    }
    if (!one || !subject) return undefined;
    // and the person the article has named most so far: its protagonist, not a coach or agent
    // speaking about them ("New coach Tony Lester has helped …. The 28-year-old runner")
    const counts = new Map<Entity, number>();
    for (const { entity, mention } of personMentions) if (mention.start < at) counts.set(entity, (counts.get(entity) ?? 0) + 1);
    const mine = counts.get(one) ?? 0;
    for (const c of counts.values()) if (c > mine) return undefined;
    return one;
  };
  /**
   * "He then became secretary of the commission. The 39-year-old was educated at …": when the
   * sentence before names nobody and opens with "he" or "she", the person the article has named
   * most so far (one of that gender, named in the three sentences before), whom the pronoun stands for.
   */
  const protagonistBefore = (at: number): Entity | undefined => {
    const si = sentenceOf(at);
    if (si === 0) return undefined;
    const prev = doc.sentences[si - 1];
    const pronoun = /^(he|she)\b/i.exec(doc.text.slice(prev.start, prev.start + 4))?.[1].toLowerCase();
    if (!pronoun) return undefined;
    const counts = new Map<Entity, number>();
    let recent: Set<Entity> | undefined = new Set();
    for (const { entity, mention } of personMentions) {
      if (mention.start >= at) continue;
      if (mention.start >= prev.start) recent = undefined; // the sentence before names someone
      counts.set(entity, (counts.get(entity) ?? 0) + 1);
      if (recent && sentenceOf(mention.start) >= si - 4) recent.add(entity);
    }
    if (!recent) return undefined;
    const top = mostCounted(counts);
    const gender = pronoun === 'he' ? 'male' : 'female';
    return top && recent.has(top) && (!top.gender || top.gender === gender) ? top : undefined;
  };
  const out: Mention[] = [];
  for (const d of descriptions) {
    const matches = new Set<Entity>();
    for (const ev of evidence) {
      if (ev.at >= d.start) break;
      if (d.age !== undefined ? ev.age !== d.age : !d.head || !ev.roles.has(d.head)) continue;
      // a nationality in the description must not contradict the title's ("the French president")
      const nat = d.modifiers.filter((m) => /(?:an|ian|ese|ish|i|ic)$/.test(m) && !/^(?:former|then)$/.test(m));
      if (ev.modifiers.size && nat.some((m) => !ev.modifiers.has(m))) continue;
      if (d.gender && ev.entity.gender && d.gender !== ev.entity.gender) continue;
      matches.add(ev.entity);
    }
    // "the 28-year-old Morientes" is the name's own apposition, not a description standing for it
    // (a one-word "person" there is more often the tagger's reading of "Scot" or a home town)
    const named = (): boolean => personMentions.some(({ entity, mention }) => mention.start > d.end && mention.start <= d.end + 1 && entity.name.includes(' '));
    // "The 29-year-old driver, Ana Lopez, lost her home": the name in apposition is the person
    const apposed = d.person ? personMentions.find(({ mention }) => mention.start > d.end && APPOSITION_GAP_RE.test(doc.text.slice(d.end, mention.start))) : undefined;
    if (apposed && !insideQuote(d.start)) {
      out.push({ start: d.start, end: d.end, text: doc.text.slice(d.start, d.end), kind: 'description', entity: apposed.entity.id });
      continue;
    }
    if (!matches.size && d.person && !named()) {
      // an age the text gives for the first time ("The 31-year-old has a minor injury"): the one
      // person of the sentence before, when the description's own sentence names nobody before it
      // a nationality only for the one person of the sentence before: without knowing anyone's
      // nationality, the protagonist is too bold a guess
      const one = onlyPersonBefore(d.start) ?? (d.nationality ? undefined : protagonistBefore(d.start));
      if (one) matches.add(one);
    }
    if (!matches.size) continue;
    // several people with that role: the most recently mentioned one
    let best: Entity | undefined;
    let bestPos = -1;
    for (const e of matches) {
      const p = lastMention(e, d.start);
      if (p > bestPos) [best, bestPos] = [e, p];
    }
    if (best) out.push({ start: d.start, end: d.end, text: doc.text.slice(d.start, d.end), kind: 'description', entity: best.id });
  }
  return out;
}

/** Adds pronoun and description mentions to doc.entities. */
export function resolveCoreference(doc: Doc): void {
  const entities = doc.entities;
  if (!entities.length) return;
  const insideQuote = quoteTester(findQuoteMarks(doc));
  const sentenceOf = sentenceLocator(doc);
  const byId = new Map(entities.map((e) => [e.id, e]));

  const lastMention = (e: Entity, before: number): number => {
    let p = -1;
    for (const m of e.mentions) if (m.start < before && m.start > p) p = m.start;
    return p;
  };
  const descriptions = resolveDescriptions(doc, findDescriptions(doc, insideQuote), lastMention, insideQuote);
  for (const d of descriptions) byId.get(d.entity)?.mentions.push(d);
  for (const d of organizationDescriptions(doc, insideQuote, sentenceOf)) byId.get(d.entity)?.mentions.push(d);
  // "the country said it would retaliate": the country named most, like "the company"
  const isCountry = (e: Entity): boolean => e.type === 'Place' && COUNTRY_NAMES.has(e.name.toLowerCase());
  for (const d of organizationDescriptions(doc, insideQuote, sentenceOf, COUNTRY_NOUNS, isCountry)) byId.get(d.entity)?.mentions.push(d);

  // antecedent candidates outside quotations, in text order; resolved pronouns join as we go
  const candidates: Candidate[] = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      if (insideQuote(m.start)) continue;
      candidates.push({ entity: e, start: m.start, sentence: sentenceOf(m.start), subject: isSubjectMention(doc, m) });
    }
  }
  candidates.sort((a, b) => a.start - b.start);

  /**
   * "In her opening remarks, Waters thanked …": a possessive in a phrase that opens the sentence
   * and ends at a comma stands for the person named right after the comma, the main clause's
   * subject, when that person's gender does not contradict it.
   */
  const cataphoricSubject = (ti: number): Entity | undefined => {
    const sentence = sentences[ti];
    const first = doc.sentences[sentence].tokenStart;
    if (!PREPOSITIONS.has(lows[first]) || ti - first > 6) return undefined;
    // a possessive before its noun ("her opening remarks"), not "with her, Smith said"
    if (!/^\p{Ll}/u.test(texts[ti + 1] ?? '') || PREPOSITIONS.has(lows[ti + 1])) return undefined;
    let comma = ti + 1;
    while (comma < texts.length && sentences[comma] === sentence && comma - ti <= 8 && texts[comma] !== ',') comma++;
    if (texts[comma] !== ',' || comma - ti > 8) return undefined;
    const at = starts[comma + 1];
    const next = candidates.find((c) => c.start === at);
    const gender = PRONOUN_GENDER.get(lows[ti]);
    if (!next || next.entity.type !== 'Person' || !next.subject || (next.entity.gender && next.entity.gender !== gender)) return undefined;
    return next.entity;
  };
  const added: Mention[] = [];
  let ci = 0;
  let window: Candidate[] = []; // candidates before the current token, from the last three sentences
  const { texts, lows, starts, ends, sentences } = tokenTable(doc);
  for (const ti of tokenIndicesMatching(doc, PRONOUN_RE)) {
    const text = texts[ti];
    if (!PRONOUN_FORMS.has(text)) continue;
    const start = starts[ti];
    const sentence = sentences[ti];
    while (ci < candidates.length && candidates[ci].start < start) window.push(candidates[ci++]);
    if (window.length > 64 || (window.length && window[0].sentence < sentence - 2)) window = window.filter((c) => c.sentence >= sentence - 2);
    const w = lows[ti];
    const gender = PRONOUN_GENDER.get(w);
    const reported = w === 'it' ? reportedBy(lows, sentences, ti) : -1;
    if (!gender && w !== 'its' && reported < 0 && !(w === 'it' && reportsSpeech(lows, sentences, ti))) continue;
    if (insideQuote(start) || !/\p{L}/u.test(text)) continue;
    const cands = window;
    const pick = gender
      ? (POSSESSIVES.has(w) ? cataphoricSubject(ti) : undefined) ?? pickPerson(cands, gender, sentence)
      : reported >= 0
        ? pickReporter(cands, sentence, starts[reported])
        : w === 'it'
          ? pickSpeakingOrganization(cands, sentence, doc.text, start)
          : pickOrganization(cands, sentence);
    if (!pick) continue;
    const m: Mention = { start, end: ends[ti], text, kind: 'pronoun', entity: pick.id };
    added.push(m);
    const c: Candidate = { entity: pick, start, sentence, subject: /^(?:he|she|it)$/.test(w) };
    window.push(c);
  }
  for (const m of added) byId.get(m.entity)?.mentions.push(m);
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * "North Korea stated it would attack", "Google said that it would appeal": the reporting verb
 * right before "it" (past an optional "that"), by token index; -1 when there is none.
 */
function reportedBy(lows: readonly string[], sentences: ArrayLike<number>, ti: number): number {
  let k = ti - 1;
  if (k >= 0 && lows[k] === 'that') k--;
  if (k < 0 || sentences[k] !== sentences[ti] || !REPORTING_VERBS.has(lows[k])) return -1;
  // "said it was damning that …", "said it would be hard to …": "it" stands for the clause after
  // (but not in "said it would continue to appeal")
  let be = ti + 1;
  if (/^(?:would|will)$/.test(lows[be] ?? '') && lows[be + 1] === 'be') be++;
  if (/^(?:is|was|be)$/.test(lows[be] ?? '')) {
    for (let j = be + 1; j <= be + 3 && j < lows.length && sentences[j] === sentences[ti]; j++) if (lows[j] === 'that' || lows[j] === 'to') return -1;
  }
  return k;
}

/** The organization or place that is the subject of the reporting verb at `verbStart`: the nearest
 * mention before it in its sentence, when that is one and a subject (not "Smith told Google it"). */
function pickReporter(cands: Candidate[], sentence: number, verbStart: number): Entity | undefined {
  let nearest: Candidate | undefined;
  for (const c of cands) if (c.sentence === sentence && c.start < verbStart) nearest = c;
  if (!nearest || !nearest.subject || nearest.entity.type === 'Person') return undefined;
  return nearest.entity;
}

/** Nearest sentence with a compatible person; subjects first, then leftmost; ties between people are left unresolved. */
function pickPerson(cands: Candidate[], gender: Gender, sentence: number): Entity | undefined {
  for (let s = sentence; s >= sentence - 2; s--) {
    const here = cands.filter((c) => c.sentence === s && c.entity.type === 'Person' && (c.entity.gender ?? gender) === gender);
    if (!here.length) continue;
    const subjects = here.filter((c) => c.subject);
    const pool = subjects.length ? subjects : here;
    if (new Set(pool.map((c) => c.entity)).size === 1) return pool[0].entity;
    // several people: the main-clause (leftmost) subject, known gender first; without a subject give up
    if (!subjects.length) return undefined;
    const known = subjects.filter((c) => c.entity.gender === gender);
    return (known.length ? known : subjects)[0].entity;
  }
  return undefined;
}

/**
 * The organization "it said" speaks for: the one organization that is a subject in the nearest
 * sentence naming any (this one before the pronoun, or one of the two before); else none.
 */
function pickSpeakingOrganization(cands: Candidate[], sentence: number, text: string, at: number): Entity | undefined {
  for (let s = sentence; s >= sentence - 2; s--) {
    const named = cands.filter((c) => c.sentence === s && c.entity.type === 'Organization');
    if (!named.length) continue;
    const subjects = named.filter((c) => c.subject);
    if (new Set(subjects.map((c) => c.entity)).size !== 1) return undefined;
    // an unnamed body in between may be the one speaking ("Yukos owed …. The government …, which it says")
    return UNNAMED_BODY_RE.test(text.slice(subjects[subjects.length - 1].start, at)) ? undefined : subjects[0].entity;
  }
  return undefined;
}

const UNNAMED_BODY_RE = /\b(?:the|The|a|A)\s+(?:[\p{L}'’-]+\s+)?(?:government|commission|council|committee|report|union|board|ministry|department|agency|regulator|court|association|organisation|organization|authority|watchdog|inquiry)\b/u;

function pickOrganization(cands: Candidate[], sentence: number): Entity | undefined {
  const here = cands.filter((c) => c.sentence === sentence);
  const last = here[here.length - 1];
  // "its" refers to the nearest organization only when no person stands in between
  return last && last.entity.type === 'Organization' ? last.entity : undefined;
}

/** Runs after entityGrouper; quoteExtractor relies on the pronoun/description mentions added here. */
export const corefResolver: Component = {
  name: 'coref',
  reads: ['entities', 'tokens', 'sentences', 'paragraphs'],
  writes: ['entities'],
  run(doc: Doc): void {
    resolveCoreference(doc);
  },
};
