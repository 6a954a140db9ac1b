import { isKnownOrganization } from '../ner/index.ts';
import type { Component, Doc, Entity, EntityType, Mention, NameMention, NerLabel, Span, TextSpan, Token } from '../document.ts';
import { findQuoteMarks, quoteTester } from '../quotes/marks.ts';
import { COUNTRY_NAMES } from '../relations/demonyms.ts';
import { acronymKey, acronymOf, FEMALE_FIRST_NAMES, firstNameGender, HONORIFICS, isFirstName, MALE_FIRST_NAMES, METONYM_ORGANIZATIONS, ORGANIZATION_HEADS, TITLE_GENDER, TITLE_MODIFIERS, TITLE_WORDS, looksLikeAcronym } from './lexicon.ts';

/**
 * Groups the tagger's name mentions into entities within one article.
 *
 * Mention spans cover the bare name: a leading "the", titles and honorifics ("President",
 * "Mr.") and a possessive "’s" are trimmed off. The title stays in the text right before the
 * mention; `titleBefore` recovers it for later stages (job titles, gender, descriptions).
 */

const TYPE_OF: Partial<Record<NerLabel, EntityType>> = { PER: 'Person', ORG: 'Organization', LOC: 'Place' };

export interface BareName extends TextSpan {
  type: EntityType;
  /** whitespace-separated words of the bare name */
  words: string[];
}

const bareWord = (w: string): string => w.toLowerCase().replace(/\.$/, '');

/** titles that are nobody's surname, unlike "Major", "Justice" or "White" */
const TITLES_NOT_NAMES = new Set([
  'mp', 'mep', 'msp', 'pm', 'president', 'minister', 'secretary', 'senator', 'premier', 'ceo', 'chairman', 'chairwoman',
  'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'commissioner',
]);
/** party words before a title ("Tory MP", "Labour minister") */
const PARTY_WORDS = new Set(['tory', 'labour', 'conservative', 'liberal', 'democrat', 'democratic', 'republican', 'green', 'snp', 'ukip']);

/** Trims determiners, titles (for persons), possessives and edge punctuation off a name span. */
export function bareName(doc: Pick<Doc, 'text'>, name: NameMention): BareName | undefined {
  let type = TYPE_OF[name.label];
  if (!type) return undefined;
  // an honorific settles the type whatever the tagger said ("Mr. Putin" tagged LOC)
  const honorific = /^(?:the\s+)?([\p{L}]+)\.?\s+\p{Lu}/u.exec(name.text);
  if (honorific && HONORIFICS.has(honorific[1].toLowerCase()) && /^\p{Lu}/u.test(honorific[1])) type = 'Person';
  let start = name.start;
  let end = name.end;
  const text = doc.text;
  const trimEdges = (): void => {
    while (start < end && /[\s"“”‘'([,;:—–-]/.test(text[start])) start++;
    while (end > start && /[\s"“”’'),\];:—–-]/.test(text[end - 1])) {
      // keep the closing quote/apostrophe of a possessive for the possessive rule below
      if (/[’']/.test(text[end - 1]) && end - start > 1 && /s/i.test(text[end - 2])) break;
      end--;
    }
  };
  trimEdges();
  // possessive: "Putin’s", "Hastings’"
  const poss = /(?:['’]s|(?<=s)['’])$/.exec(text.slice(start, end));
  if (poss) end -= poss[0].length;
  trimEdges();
  // leading determiner: "the Kremlin" and "Kremlin" are one name
  const det = /^the\s+/i.exec(text.slice(start, end));
  if (det && end - start > det[0].length) start += det[0].length;
  if (type === 'Person') {
    // strip titles/honorifics from the front, but never the whole name
    for (;;) {
      const m = /^([\p{L}.-]+)\s+/u.exec(text.slice(start, end));
      if (!m) break;
      const w = bareWord(m[1]);
      if (!(TITLE_WORDS.has(w) || (TITLE_MODIFIERS.has(w) && /\s\p{Lu}/u.test(text.slice(start + m[0].length - 1, end))))) break;
      // a title word must be followed by a capitalized remainder to count as a title
      if (!/^\p{Lu}/u.test(text.slice(start + m[0].length, end))) break;
      start += m[0].length;
    }
  }
  if (end <= start) return undefined;
  const surface = text.slice(start, end);
  const words = surface.split(/\s+/).filter(Boolean);
  if (!words.length || !/\p{L}/u.test(surface)) return undefined;
  if (type === 'Person') {
    // a title alone names no one ("the newly elected MP", "a Labour minister")
    const last = bareWord(words[words.length - 1]);
    if (TITLES_NOT_NAMES.has(last) && words.every((w) => TITLE_WORDS.has(bareWord(w)) || TITLE_MODIFIERS.has(bareWord(w)) || PARTY_WORDS.has(bareWord(w)))) return undefined;
  }
  // adjectives the tagger takes for places ("Middle Eastern", "Western") are not entities
  if (type !== 'Person' && /^\p{Lu}\p{Ll}+ern$/u.test(words[words.length - 1])) return undefined;
  // seats of power named for their building act as organizations ("the Kremlin said")
  if (type === 'Place' && METONYM_ORGANIZATIONS.has(surface.toLowerCase())) type = 'Organization';
  return { start, end, text: surface, type, words };
}

const TITLE_TOKEN = /^[\p{L}][\p{L}.-]*$/u;
const isBlank = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;

/**
 * The title written right before a name mention ("Russian Deputy Foreign Minister" before
 * "Mikhail Bogdanov", "Mr." before "Putin"), or undefined. The word next to the name must be a
 * title word or honorific; the span then extends left over titles, their modifiers and
 * nationality adjectives.
 */
export function titleBefore(doc: Pick<Doc, 'text'>, span: Span): TextSpan | undefined {
  const text = doc.text;
  let pos = span.start;
  let start = -1;
  let first = true;
  for (let guard = 0; guard < 8; guard++) {
    // the word before pos and the whitespace after it
    let wsStart = pos;
    while (wsStart > 0 && isBlank(text.charCodeAt(wsStart - 1))) wsStart--;
    if (wsStart === pos || wsStart === 0) break;
    let wordStart = wsStart;
    while (wordStart > 0 && pos - wordStart < 40 && !isBlank(text.charCodeAt(wordStart - 1))) wordStart--;
    const word = text.slice(wordStart, wsStart);
    if (!TITLE_TOKEN.test(word)) break;
    const w = bareWord(word);
    const capitalized = /^\p{Lu}/u.test(word);
    const isTitle = TITLE_WORDS.has(w) && (capitalized || w === 'president' || first === false);
    const isModifier = TITLE_MODIFIERS.has(w) || (capitalized && /(?:an|ian|ese|ish|i|ic)$/.test(w) && w.length > 3);
    if (first ? !(TITLE_WORDS.has(w) && capitalized) : !(isTitle || isModifier)) break;
    first = false;
    pos = wordStart;
    start = pos;
  }
  if (start < 0) return undefined;
  const end = span.start - (/\s+$/.exec(text.slice(start, span.start))?.[0].length ?? 0);
  return { start, end, text: text.slice(start, end) };
}

/** Gender revealed by a title or honorific ("Mr.", "Queen"), if any. */
export function titleGender(title: string): 'male' | 'female' | undefined {
  for (const raw of title.split(/\s+/).reverse()) {
    const w = bareWord(raw);
    const g = HONORIFICS.get(w) ?? TITLE_GENDER.get(w);
    if (g) return g;
  }
  return undefined;
}

interface Group {
  type: EntityType;
  mentions: BareName[];
  /** fullest word form seen so far */
  full: string[];
  /** lower-case forms: of `full`, and of every mention's words (joined by spaces) */
  fullLower: string[];
  keys: Set<string>;
  typeVotes: Map<EntityType, number>;
  acronyms: Set<string>;
  lastMention: number;
}

const lowerKey = (words: string[]): string => words.join(' ').toLowerCase();

/** Compatibility of a person mention's words with an entity's fullest name. */
function personMatch(m: string[], full: string[], lowered = false): 'same' | 'part' | 'fuller' | undefined {
  const a = lowered ? m : m.map((w) => w.toLowerCase());
  const b = lowered ? full : full.map((w) => w.toLowerCase());
  if (a.join(' ') === b.join(' ')) return 'same';
  const isSuffix = (x: string[], y: string[]): boolean => x.length < y.length && x.every((w, i) => w === y[y.length - x.length + i]);
  // surname (or family-name tail, "bin Laden") of the fuller name
  if (isSuffix(a, b)) return 'part';
  if (isSuffix(b, a) && b.length === 1) return 'fuller';
  // a lone first name for someone introduced with the full name ("Yelena", "Hillary")
  if (a.length === 1 && b.length >= 2 && a[0] === b[0]) return 'part';
  // middle names or initials dropped: same first and last word ("George W. Bush" / "George Bush")
  if (a.length >= 2 && b.length >= 2 && a[0] === b[0] && a[a.length - 1] === b[b.length - 1]) {
    return a.length < b.length ? 'part' : 'fuller';
  }
  return undefined;
}

/** Finds "Full Name (ACR)" and "ACR (Full Name)" pairs the text states. */
function statedAcronyms(doc: Doc, names: BareName[]): Map<string, string> {
  const pairs = new Map<string, string>(); // acronym → full name key
  for (const n of names) {
    if (n.words.length < 2) continue;
    const acr = acronymOf(n.words);
    if (!acr) continue;
    const after = /^(?:['’]s)?\s*\(\s*([\p{Lu}.&]{2,12})\s*\)/u.exec(doc.text.slice(n.end, n.end + 20));
    if (after && acronymKey(after[1]) === acr) pairs.set(acr, lowerKey(n.words));
    const before = /([\p{Lu}.&]{2,12})\s*\(\s*(?:the\s+)?$/u.exec(doc.text.slice(Math.max(0, n.start - 20), n.start));
    if (before && acronymKey(before[1]) === acr && /^\s*\)/.test(doc.text.slice(n.end, n.end + 3))) {
      pairs.set(acr, lowerKey(n.words));
    }
  }
  return pairs;
}

/**
 * Acronyms the text uses without stating them: "GM" beside "General Motors", "J&J" beside "Johnson
 * & Johnson". Only where one multi-word organization or place name of the article has those
 * initials.
 */
function impliedAcronyms(names: BareName[], stated: Map<string, string>): void {
  const fullByAcronym = new Map<string, Set<string>>();
  for (const n of names) {
    if (n.type === 'Person' || n.words.length < 2 || looksLikeAcronym(n.text)) continue;
    const acr = acronymOf(n.words);
    if (acr) fullByAcronym.set(acr, (fullByAcronym.get(acr) ?? new Set()).add(lowerKey(n.words)));
  }
  for (const n of names) {
    if (n.type === 'Person' || !looksLikeAcronym(n.text)) continue;
    const key = acronymKey(n.text);
    const full = fullByAcronym.get(key);
    if (full?.size === 1 && !stated.has(key)) stated.set(key, [...full][0]);
  }
}

/** Entity mentions sorted by position. */
function sortMentions(ms: Mention[]): Mention[] {
  return ms.sort((a, b) => a.start - b.start || a.end - b.end);
}

function chooseGroup(groups: Group[], n: BareName, acronymTo: Map<string, string>): Group | undefined {
  const key = lowerKey(n.words);
  if (n.type === 'Person') {
    const lowered = n.words.map((w) => w.toLowerCase());
    const last = lowered[lowered.length - 1];
    let best: Group | undefined;
    let bestScore = -Infinity;
    for (const g of groups) {
      if (g.type !== 'Person') continue;
      // every match shares the first or the last word
      const gl = g.fullLower;
      if (lowered[0] !== gl[0] && last !== gl[gl.length - 1] && !gl.includes(last) && !lowered.includes(gl[gl.length - 1])) continue;
      const match = personMatch(lowered, gl, true);
      if (!match) continue;
      // a fuller name may only extend an entity whose own full form it contains
      if (match === 'fuller' && g.mentions.some((m) => !personMatch(m.words, n.words))) continue;
      const score = (match === 'same' ? 1e9 : 0) + g.mentions.length * 1e6 + g.lastMention;
      if (score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    return best;
  }
  for (const g of groups) {
    if (g.type === 'Person') continue;
    if (g.keys.has(key)) return g;
  }
  if (looksLikeAcronym(n.text)) {
    const full = acronymTo.get(acronymKey(n.text));
    if (full) {
      for (const g of groups) if (g.type !== 'Person' && g.keys.has(full)) return g;
    }
  } else {
    const acr = acronymOf(n.words);
    if (acr && acronymTo.get(acr) === key) {
      for (const g of groups) if (g.type !== 'Person' && g.acronyms.has(acr)) return g;
    }
  }
  return undefined;
}

/** Groups bare names into entities (exported for tests and tools). */
export function groupNames(doc: Doc): Entity[] {
  const tagged = [...doc.names]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((n) => bareName(doc, n))
    .filter((n): n is BareName => n !== undefined);
  const names = [...tagged, ...untaggedOccurrences(doc, tagged)].sort((a, b) => a.start - b.start || b.end - a.end);
  const acronymTo = statedAcronyms(doc, names);
  impliedAcronyms(names, acronymTo);
  const groups: Group[] = [];
  let lastEnd = -1;
  for (const n of names) {
    if (n.start < lastEnd) continue; // overlapping tagger spans: keep the first/longest
    lastEnd = n.end;
    let g = chooseGroup(groups, n, acronymTo);
    if (!g) {
      g = { type: n.type, mentions: [], full: n.words, fullLower: n.words.map((w) => w.toLowerCase()), keys: new Set(), typeVotes: new Map(), acronyms: new Set(), lastMention: 0 };
      groups.push(g);
    }
    g.mentions.push(n);
    g.keys.add(lowerKey(n.words));
    g.lastMention = n.start;
    g.typeVotes.set(n.type, (g.typeVotes.get(n.type) ?? 0) + 1);
    if (n.words.length > g.full.length || (n.words.length === g.full.length && n.text.length > g.full.join(' ').length)) {
      if (!looksLikeAcronym(n.text)) {
        g.full = n.words;
        g.fullLower = n.words.map((w) => w.toLowerCase());
      }
    }
    if (looksLikeAcronym(n.text)) g.acronyms.add(acronymKey(n.text));
    const acr = acronymOf(n.words);
    if (acr && acronymTo.get(acr) === lowerKey(n.words)) g.acronyms.add(acr);
  }
  reconcilePeople(doc, groups);
  const entities: Entity[] = groups
    .sort((a, b) => a.mentions[0].start - b.mentions[0].start)
    .map((g, i) => {
      const id = `E${i + 1}`;
      let type = g.type;
      if (type !== 'Person') {
        // ORG and LOC mentions of one string are merged; the majority label decides (first wins ties)
        let bestVotes = 0;
        for (const [t, v] of g.typeVotes) if (v > bestVotes) [type, bestVotes] = [t, v];
      }
      const name = fullestForm(g);
      const aliases: string[] = [];
      for (const m of g.mentions) if (m.text !== name && !aliases.includes(m.text)) aliases.push(m.text);
      const mentions = sortMentions(
        g.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, kind: 'name' as const, entity: id })),
      );
      const entity: Entity = { id, type, name, aliases, mentions };
      if (type === 'Person') {
        const first = name.split(/\s+/)[0].toLowerCase();
        const byName = name.includes(' ') ? firstNameGender(first) : undefined;
        const gender = honorificGender(doc, mentions) ?? byName;
        if (gender) entity.gender = gender;
      }
      return entity;
    });
  return entities;
}

/** characters that continue a word, and (for names) those that join one: "S&N", "al-Assad", "Reddy's" */
const WORD_EDGE = /[\p{L}\p{N}]/u;
const NAME_EDGE = /[\p{L}\p{N}&-]/u;

/** the first occurrence of `word` from `from` not run into other characters of `edge` (indexOf, not a regex scan per form) */
function wholeWordAt(text: string, word: string, edge: RegExp, from = 0): number {
  for (let i = text.indexOf(word, from); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = i > 0 ? text[i - 1] : '';
    const after = text[i + word.length] ?? '';
    if ((!before || (!edge.test(before) && !(edge === NAME_EDGE && /[.'’]/.test(before)))) && (!after || !edge.test(after))) return i;
  }
  return -1;
}

/**
 * The other occurrences of names the tagger found, which it missed: "Kingfisher has market share
 * of about 29%" where it tagged "Kingfisher" once, "S&N" in five places of which it tagged two.
 * Each mention of an entity is then found, as the contract promises. Not for a one-word name that
 * the article also writes in lower case ("the Bank" / "a bank", "May" / "may"), nor where the
 * occurrence is part of a longer capitalized phrase ("United" in "United States").
 */
function untaggedOccurrences(doc: Doc, tagged: BareName[]): BareName[] {
  const text = doc.text;
  const types = new Map<string, Map<EntityType, number>>();
  for (const n of tagged) {
    if (n.text.length < 2 || !/^\p{Lu}/u.test(n.text)) continue;
    const votes = types.get(n.text) ?? new Map<EntityType, number>();
    votes.set(n.type, (votes.get(n.type) ?? 0) + 1);
    types.set(n.text, votes);
  }
  const taken = new Uint8Array(text.length);
  for (const n of tagged) taken.fill(1, n.start, n.end);
  const out: BareName[] = [];
  // longer forms first: "Bank of England" before "England"
  for (const [form, votes] of [...types].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))) {
    const words = form.split(/\s+/);
    if (words.length === 1 && (NOT_PROPAGATED.has(form.toLowerCase()) || wholeWordAt(text, form.toLowerCase(), WORD_EDGE) >= 0)) continue;
    let type: EntityType = 'Person';
    let best = 0;
    for (const [t, v] of votes) if (v > best) [type, best] = [t, v];
    for (let start = wholeWordAt(text, form, NAME_EDGE); start >= 0; start = wholeWordAt(text, form, NAME_EDGE, start + 1)) {
      const end = start + form.length;
      if (taken.subarray(start, end).includes(1)) continue;
      // not inside a longer name: a capitalized word right before (other than a sentence's first) or after
      const before = /(\S+)\s+$/.exec(text.slice(Math.max(0, start - 30), start))?.[1] ?? '';
      const after = /^\s+(\S+)/.exec(text.slice(end, end + 30))?.[1] ?? '';
      if (/^\p{Lu}/u.test(after) || (/^\p{Lu}/u.test(before) && !/[.!?:"“”]$/.test(before))) continue;
      out.push({ start, end, text: form, type, words });
      taken.fill(1, start, end);
    }
  }
  return out;
}

/** one-word names never spread to their other occurrences: month and weekday names, honorifics, titles */
const NOT_PROPAGATED = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', ...HONORIFICS.keys(), ...TITLE_WORDS,
]);

/** nouns after a name that make it an organization's: "Chelsea boss Jose Mourinho", "Yukos shares", "Chrysler sales" */
const ORGANIZATION_ROLE_NOUNS = new Set([
  'boss', 'manager', 'chairman', 'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'winger', 'fans',
  'supporters', 'squad', 'shares', 'shareholders', 'board', 'directors', 'executives', 'bosses', 'staff', 'employees',
  // a firm's or brand's: "Mercedes chief executive Eckhard Cordes", "solid Chrysler sales", "the Smart brand"
  'chief', 'sales', 'profits', 'revenues', 'brand', 'dealerships', 'dealers', 'plant', 'factory', 'stores', 'customers',
  // a team's: "whose Chelsea team"
  'team', 'players',
]);
/** what a firm has and a person has not, after its possessive: "Monsanto's shares", "Umbro's profits" */
const ORGANIZATION_POSSESSIONS = new Set([
  'shares', 'profit', 'profits', 'sales', 'revenue', 'revenues', 'turnover', 'earnings', 'customers', 'shareholders',
  'workforce', 'employees', 'subsidiary', 'subsidiaries', 'headquarters', 'stores', 'shops', 'factories', 'factory',
  'plants', 'brands', 'flights', 'fleet',
  // a team's, which no player or manager has ("Zajec's players", "O'Sullivan's squad" are a manager's): "Chelsea's £24m striker"
  'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'stadium',
]);
const AFTER_WORD_RE = /^\s+(\p{Ll}+)/u;
/** the word after a possessive (past a figure), and the one after it: "Umbro's profits", "Umbro's annual profits", "Chelsea's £24m striker" */
const POSSESSION_RE = /^['’]s?\s+(?:[£$€]?\d[\d.,-]*\w*\s+)?([\p{Ll}-]+)(?:\s+(\p{Ll}+))?/u;
/** "shares in Monsanto", "a stake in Aer Lingus" */
const HOLDING_BEFORE_RE = /\b(?:shares|stake|stakes|holding|holdings)\s+in\s+$/;
/** "US retailer Wal-Mart", "budget airline Ryanair": a kind of firm right before the name */
const FIRM_KIND_BEFORE_RE = /(?<![\p{L}-])(?:firm|company|group|retailer|airline|carrier|giant|[\p{L}-]*maker|chain|brewer|insurer|lender|manufacturer|conglomerate|operator|miner|producer|supplier|distributor|exporter|publisher|broadcaster|bank)\s+$/iu;
/** a relative right before a name: "child, Gloria", "his wife Mary", "her son, Tom" */
const KIN_BEFORE_RE = /\b(?:wife|husband|son|daughter|child|baby|mother|father|brother|sister|girlfriend|boyfriend|partner|widow|niece|nephew|grandson|granddaughter)\s*,?\s+$/;

/** "Premiership leaders Chelsea", "holders Arsenal", "rivals Leeds": a team's standing, in the plural, before its name */
const TEAM_BEFORE_RE = /(?<![\p{L}-])(?:leaders|champions|holders|rivals|hosts|visitors|opponents|neighbours|neighbors|strugglers|giants)\s+$/iu;

/** Whether the text treats a "person" mention as an organization, by the words around it. */
function organizationCue(text: string, m: BareName): boolean {
  const after = text.slice(m.end, m.end + 40);
  if (ORGANIZATION_ROLE_NOUNS.has(AFTER_WORD_RE.exec(after)?.[1] ?? '')) return true;
  const possession = POSSESSION_RE.exec(after);
  if (possession && (ORGANIZATION_POSSESSIONS.has(possession[1]) || ORGANIZATION_POSSESSIONS.has(possession[2] ?? ''))) return true;
  // "Winn-Dixie, which owes …": people are "who"
  if (/^,\s+which\s+\p{L}/u.test(after)) return true;
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  // "Chelsea were now looking like leaders", "Leeds have …": one name with a plural verb is a team
  // or a firm (British usage), not a person; not "Tom and Chelsea were", "she and sister Venus are",
  // nor a family ("the Smiths were")
  if (m.words.length === 1 && /^\s+(?:were|are|have)\s+(?!been\s+married)/.test(after) && !/(?:\band\b|&)[^.;:!?]*$|(?:,|\bthe)\s*$/i.test(before)) return true;
  // (not a pair of champions: "champions Mike and Bob Bryan")
  return HOLDING_BEFORE_RE.test(before) || FIRM_KIND_BEFORE_RE.test(before) || (TEAM_BEFORE_RE.test(before) && !/^\s+(?:and|&)\s/.test(after));
}

/**
 * A "person" the tagger found (trained on Reuters, it reads "Chelsea", "Monsanto" or "Aer Lingus"
 * as people's names) is an organization when the article uses the name as one ("Chelsea boss",
 * "Monsanto's shares", "Winn-Dixie, which", "shares in Aer Lingus") and never writes a title or
 * honorific before it. When the same name is also an organization or place in the article, the
 * groups are one entity, of the type most of its mentions were given; an organization or place
 * named in more words ("Merrill Lynch" over "Lynch") wins, and so does one of the same several
 * words unless the text titles the person or gives a known first name.
 */
function reconcilePeople(doc: Doc, groups: Group[]): void {
  const text = doc.text;
  for (const g of groups) {
    if (g.type === 'Person' && g.full.length > 1 && ORGANIZATION_HEADS.has(g.fullLower[g.fullLower.length - 1])) {
      g.type = 'Organization';
      g.typeVotes = new Map([['Organization', g.mentions.length]]);
    }
  }
  const people = groups.filter((g) => g.type === 'Person' && g.full.length <= 3);
  for (const g of people) {
    const titled = g.mentions.some((m) => titleBefore(doc, m) !== undefined);
    const named = g.full.length > 1 && (MALE_FIRST_NAMES.has(g.fullLower[0]) || FEMALE_FIRST_NAMES.has(g.fullLower[0]));
    if (!titled && !named && g.mentions.some((m) => organizationCue(text, m))) {
      g.type = 'Organization';
      g.typeVotes = new Map([['Organization', g.mentions.length]]);
    }
    const oneWord = g.full.length === 1 && g.mentions.every((m) => m.words.length === 1);
    const key = g.fullLower.join(' ');
    const other = groups.find((o) => o !== g && o.type !== 'Person' && (oneWord ? o.keys.has(g.fullLower[0]) : lowerKey(o.full) === key));
    if (!other) continue;
    // a name of several words that the tagger also read as an organization or place is one
    // ("Aer Lingus", "Lib Dems") unless the text gives it a title or a known first name
    const otherWins = g.type !== 'Person' || other.full.length > g.full.length || other.mentions.length >= g.mentions.length || (!oneWord && !titled && !named);
    const [into, from] = otherWins ? [other, g] : [g, other];
    into.typeVotes.set(into.type, (into.typeVotes.get(into.type) ?? 0) + from.mentions.length);
    absorb(groups, into, from);
  }
  for (const g of groups) {
    // "their nine-month-old child, Gloria", "his wife Mary": a given name the text calls a relative
    // is a person, whatever the tagger said
    if (g.type !== 'Person' && g.full.length === 1 && isFirstName(g.fullLower[0]) && g.mentions.some((m) => KIN_BEFORE_RE.test(text.slice(Math.max(0, m.start - 24), m.start)))) {
      g.type = 'Person';
      g.typeVotes = new Map([['Person', g.mentions.length]]);
    }
  }
  for (const g of groups) {
    // "Miner Highland Gold said": a "place" the text calls a firm (not a country: "the giant US
    // deficit"); "United States Navy", "Kent County Council": a "place" named as a body
    const place = g.type !== 'Person' && (g.typeVotes.get('Place') ?? 0) >= (g.typeVotes.get('Organization') ?? 0);
    const body = g.full.length > 1 && BODY_HEADS.has(g.fullLower[g.fullLower.length - 1]);
    if (place && !COUNTRY_NAMES.has(g.fullLower.join(' ')) && (body || g.mentions.some((m) => FIRM_KIND_BEFORE_RE.test(text.slice(Math.max(0, m.start - 30), m.start))))) {
      g.type = 'Organization';
      g.typeVotes = new Map([['Organization', g.mentions.length]]);
    }
  }
  mergeSurnameOrganizations(doc, groups);
  mergeClubForms(groups);
  mergePartyForms(groups);
  mergeLeadingWordForms(groups);
}

/** words after a firm's own name in its full name: "Department Stores", "Foods", "Air Lines", "Holdings" */
const FIRM_DESCRIPTORS = new Set([
  'department', 'stores', 'store', 'foods', 'food', 'motors', 'motor', 'airlines', 'airways', 'air', 'lines', 'group', 'holdings',
  'holding', 'corp', 'corp.', 'corporation', 'inc', 'inc.', 'ltd', 'ltd.', 'plc', 'co', 'co.', 'company', 'industries', 'international',
  'communications', 'enterprises', 'systems', 'technologies', 'technology', 'entertainment', 'pharmaceuticals', 'petroleum', 'oil',
  'energy', 'bank', 'steel', 'breweries', 'brewery', 'telecom', 'telecommunications', 'networks', 'media', 'financial', 'insurance',
  'electric', 'electronics', 'chemicals', 'mining', 'resources', 'retail', 'brands', 'software', 'computer', 'computers',
  'mobile', 'wireless', 'semiconductor', 'pharma', 'automotive', 'worldwide', 'global', 'llc', 'ag', 'sa', 'nv', 'se',
]);

/**
 * "Federated" beside "Federated Department Stores", "Kraft" beside "Kraft Foods": an organization
 * named by the first words of exactly one other organization's name, the rest of which says what
 * kind of firm it is, is that organization (not when two share them: "Deutsche Bank" and "Deutsche
 * Boerse"; not "Google" beside "Google Science Fair"; not a country: "China" beside "China Mobile").
 */
function mergeLeadingWordForms(groups: Group[]): void {
  const isOrganization = (g: Group): boolean => g.type !== 'Person' && (g.typeVotes.get('Organization') ?? 0) > (g.typeVotes.get('Place') ?? 0);
  const startsWith = (full: string[], words: string[]): boolean =>
    full.length > words.length && words.every((w, i) => w === full[i]) && full.slice(words.length).every((w) => FIRM_DESCRIPTORS.has(w));
  for (const g of groups.slice()) {
    if (!groups.includes(g) || !isOrganization(g) || COUNTRY_NAMES.has(g.fullLower.join(' '))) continue;
    // every other name with its first word: exactly one, the fuller name of this one
    const longer = groups.filter((o) => o !== g && o.type !== 'Person' && o.fullLower[0] === g.fullLower[0]);
    if (longer.length !== 1 || !startsWith(longer[0].fullLower, g.fullLower) || !isOrganization(longer[0])) continue;
    absorb(groups, longer[0], g);
    for (const [t, v] of g.typeVotes) longer[0].typeVotes.set(t, (longer[0].typeVotes.get(t) ?? 0) + v);
  }
}

/** Moves one group's mentions and keys into another and drops it from the groups. */
function absorb(groups: Group[], into: Group, from: Group): void {
  into.mentions.push(...from.mentions);
  into.mentions.sort((a, b) => a.start - b.start);
  for (const k of from.keys) into.keys.add(k);
  groups.splice(groups.indexOf(from), 1);
}

/** last words of bodies' names that are never a place's ("centre", "university" may be; "Soviet Union", "West Bank" are) */
const BODY_HEADS = new Set([
  'navy', 'army', 'police', 'council', 'committee', 'commission', 'ministry', 'department', 'agency', 'foundation', 'institute',
  'association', 'federation', 'party', 'corporation', 'company', 'group', 'league', 'fund', 'trust', 'society',
]);

/** parties' nicknames and the names they stand for */
const PARTY_NICKNAMES = new Map([['tories', ['conservatives', 'conservative party']], ['gop', ['republicans', 'republican party']]]);

/**
 * "Labour" and "the Labour Party", "Lib Dems" and "Lib Dem", "Lib Dems" and "Liberal Democrats",
 * "the Tories" and "the Conservatives": an organization's name with and without "Party" after it, in
 * the plural and the singular, with its words cut short, or by its nickname, is one organization,
 * under its fuller name.
 */
function mergePartyForms(groups: Group[]): void {
  const orgs = groups.filter((g) => g.type === 'Organization');
  const same = (a: string[], b: string[]): boolean => {
    if (PARTY_NICKNAMES.get(a.join(' '))?.includes(b.join(' '))) return true;
    if (b.length === a.length + 1 && b[b.length - 1] === 'party') return a.every((w, i) => w === b[i]);
    if (a.length !== b.length || a.length === 0) return false;
    // "Lib Dems" for "Liberal Democrats": every word the start of the other's, one cut short
    if (a.length > 1 && a.some((w, i) => w !== b[i]) && a.every((w, i) => w.length >= 3 && b[i].startsWith(w.replace(/s$/, '')) && (w.endsWith('s') === b[i].endsWith('s')))) return true;
    const last = a.length - 1;
    return a.slice(0, last).every((w, i) => w === b[i]) && a[last].length > 2 && (a[last] + 's' === b[last] || b[last] + 's' === a[last]);
  };
  for (const g of orgs) {
    if (!groups.includes(g)) continue;
    const into = orgs.find((o) => o !== g && groups.includes(o) && o.full.length >= g.full.length && same(g.fullLower, o.fullLower));
    if (!into || into.full.length === g.full.length && into.mentions.length < g.mentions.length) continue;
    absorb(groups, into, g);
  }
}

/** last words of football clubs' names: "Manchester City", "Leeds United", "Aston Villa" */
const CLUB_WORDS = new Set(['united', 'city', 'rovers', 'wanderers', 'athletic', 'albion', 'county', 'town', 'rangers', 'hotspur', 'villa', 'argyle', 'orient', 'wednesday', 'forest', 'palace', 'vale', 'alexandra', 'stanley']);

/**
 * A club's short forms are the club: "City" and "Man City" beside "Manchester City", "Leeds" beside
 * "Leeds United", "Man Utd" beside "Manchester United". Only where one club of the article fits, and
 * the club is then an organization (the tagger reads many clubs as places in some mentions).
 */
function mergeClubForms(groups: Group[]): void {
  const last = (words: string[]): string => {
    const w = words[words.length - 1];
    return w === 'utd' ? 'united' : w;
  };
  const isClub = (words: string[]): boolean => words.length >= 2 && CLUB_WORDS.has(last(words));
  const fits = (form: string[], club: Group): boolean => {
    const full = club.fullLower;
    if (form.length === 1) return form[0] === full[full.length - 1] || (full.length === 2 && form[0] === full[0]);
    // "Man City", "Man Utd": an abbreviated first word and the club word
    return form.length === 2 && full.length === 2 && form[0] !== full[0] && last(form) === full[1] && form[0].length >= 3 && full[0].startsWith(form[0]);
  };
  const votes = (g: Group, t: EntityType): number => g.typeVotes.get(t) ?? 0;
  // a club the tagger read as an organization at least once: not "New York City", "Buckingham Palace"
  const candidates = groups.filter((g) => g.type !== 'Person' && isClub(g.fullLower) && votes(g, 'Organization') > 0);
  // a club's short form ("Man City") is no club of its own
  const clubs = candidates.filter((g) => !candidates.some((c) => c !== g && fits(g.fullLower, c)));
  if (clubs.length === 0) return;
  for (const club of clubs) {
    club.type = 'Organization';
    club.typeVotes = new Map([['Organization', 1]]);
  }
  for (const g of groups.slice()) {
    if (g.type === 'Person' || clubs.includes(g)) continue;
    const forms = g.mentions.map((m) => m.words.map((w) => w.toLowerCase()));
    // a town's name stands for its club only where the tagger read it as an organization ("Leeds
    // were relegated", not "back to Manchester")
    if (forms.some((f) => f.length === 1 && !CLUB_WORDS.has(f[0])) && votes(g, 'Organization') <= votes(g, 'Place')) continue;
    const matching = clubs.filter((c) => forms.every((f) => fits(f, c)));
    if (matching.length !== 1 || clubs.some((c) => c !== matching[0] && forms.some((f) => fits(f, c)))) continue;
    absorb(groups, matching[0], g);
  }
}

/** parties named by one word, which the tagger sometimes runs into a leader's name ("Blair Labour") */
const PARTY_NAMES = new Set(['labour', 'conservatives', 'tories', 'democrats', 'republicans', 'liberals', 'greens', 'ukip', 'snp', 'likud', 'fidesz']);

/**
 * "Andy Warhol … Warhol's obsession with celebrities": the tagger, reading "Warhol" beside "Andy
 * Warhol Foundation" and "Warhol Polaroids", typed the bare surname an organization all through
 * the article. A one-word organization that is the surname of exactly one person the text names
 * with a first name or a title is that person, unless it is a well-known organization ("Dell"
 * beside Michael Dell) or the text treats it as one ("Ford's profits").
 */
function mergeSurnameOrganizations(doc: Doc, groups: Group[]): void {
  for (const org of groups.slice()) {
    if (org.type !== 'Organization' || org.full.length !== 1 || !org.mentions.every((m) => m.words.length === 1)) continue;
    // "QC", "MP": letters after a name, not a surname
    if (org.full[0] === org.full[0].toUpperCase()) continue;
    const word = org.fullLower[0];
    if (isKnownOrganization(word) || PARTY_NAMES.has(word) || org.mentions.some((m) => organizationCue(doc.text, m))) continue;
    const people = groups.filter(
      (p) => p.type === 'Person' && p.full.length > 1 && p.fullLower[p.fullLower.length - 1] === word &&
        (isFirstName(p.fullLower[0]) || p.mentions.some((m) => titleBefore(doc, m) !== undefined)),
    );
    if (people.length !== 1) continue;
    const [person] = people;
    // an article about the firm that names its founder's heir once ("Ford" ×9, "Bill Ford" ×1)
    if (org.mentions.length > 3 * person.mentions.length) continue;
    absorb(groups, person, org);
  }
}

function fullestForm(g: Group): string {
  let best = g.mentions[0];
  for (const m of g.mentions) {
    const better =
      (looksLikeAcronym(best.text) && !looksLikeAcronym(m.text)) ||
      (looksLikeAcronym(best.text) === looksLikeAcronym(m.text) &&
        (m.words.length > best.words.length || (m.words.length === best.words.length && m.text.length > best.text.length)));
    if (better) best = m;
  }
  return best.text;
}

/** Majority gender of the honorifics and gendered titles written before the mentions. */
function honorificGender(doc: Doc, mentions: Mention[]): 'male' | 'female' | undefined {
  let male = 0;
  let female = 0;
  for (const m of mentions) {
    const t = titleBefore(doc, m);
    const g = t && titleGender(t.text);
    if (g === 'male') male++;
    else if (g === 'female') female++;
  }
  if (male > female) return 'male';
  if (female > male) return 'female';
  return undefined;
}

const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);
const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);
const GENDERED_PRONOUN_FORMS: ReadonlySet<string> = new Set(
  [...MALE_PRONOUNS, ...FEMALE_PRONOUNS].flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()]),
);

const GENDERED_PRONOUN_RE = /\b(?:he|him|his|himself|she|her|hers|herself)\b/gi;

/**
 * The tokens whose whole text is a match of `re` (global, whole words), in text order. Scans the
 * text with the regex instead of visiting every token, which is much faster for rare words.
 */
export function tokensMatching(doc: Pick<Doc, 'text' | 'tokens'>, re: RegExp): Token[] {
  const out: Token[] = [];
  const toks = doc.tokens;
  const text = doc.text;
  let k = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let lo = k;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].start < m.index) lo = mid + 1;
      else hi = mid;
    }
    k = lo;
    const t = toks[k];
    if (t && t.start === m.index && t.end === m.index + m[0].length) out.push(t);
  }
  return out;
}

/**
 * Gender from pronouns: a he/she pronoun whose only possible person antecedent (named earlier in
 * the same sentence or in the previous one) is this entity votes for it. Words inside quotation
 * marks are skipped, as they often speak of someone else.
 */
export function inferGenderFromPronouns(doc: Doc, entities: Entity[], insideQuote: (pos: number) => boolean): void {
  const people = entities.filter((e) => e.type === 'Person');
  if (!people.length) return;
  const bySentence = new Map<number, { entity: Entity; start: number }[]>();
  const sentenceOf = sentenceLocator(doc);
  for (const e of people) {
    for (const m of e.mentions) {
      if (m.kind !== 'name' || insideQuote(m.start)) continue;
      const s = sentenceOf(m.start);
      const list = bySentence.get(s) ?? [];
      list.push({ entity: e, start: m.start });
      bySentence.set(s, list);
    }
  }
  const votes = new Map<Entity, { male: number; female: number }>();
  for (const t of tokensMatching(doc, GENDERED_PRONOUN_RE)) {
    if (!GENDERED_PRONOUN_FORMS.has(t.text)) continue;
    const w = t.text.toLowerCase();
    const g = MALE_PRONOUNS.has(w) ? 'male' : FEMALE_PRONOUNS.has(w) ? 'female' : undefined;
    if (!g || insideQuote(t.start)) continue;
    const cands = new Set<Entity>();
    for (const c of bySentence.get(t.sentence) ?? []) if (c.start < t.start) cands.add(c.entity);
    if (!cands.size) for (const c of bySentence.get(t.sentence - 1) ?? []) cands.add(c.entity);
    if (cands.size !== 1) continue;
    const [e] = cands;
    const v = votes.get(e) ?? { male: 0, female: 0 };
    v[g]++;
    votes.set(e, v);
  }
  for (const [e, v] of votes) {
    if (e.gender) continue;
    if (v.male >= 2 * v.female + 1) e.gender = 'male';
    else if (v.female >= 2 * v.male + 1) e.gender = 'female';
  }
}

/** Sentence index of a character offset (binary search over doc.sentences). */
export function sentenceLocator(doc: Doc): (pos: number) => number {
  return spanLocator(doc.sentences);
}

/** Index of the last span (in text order) that starts at or before an offset, by binary search. */
export function spanLocator(spans: readonly Span[]): (pos: number) => number {
  const starts = spans.map((s) => s.start);
  return (pos: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    let ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= pos) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  };
}

/** Reads doc.names; writes doc.entities (name mentions only). Coreference adds the rest. */
export const entityGrouper: Component = {
  name: 'entities',
  reads: ['names', 'tokens', 'sentences'],
  writes: ['entities'],
  run(doc: Doc): void {
    doc.entities = groupNames(doc);
    inferGenderFromPronouns(doc, doc.entities, quoteTester(findQuoteMarks(doc)));
  },
};
