import type { Component, Doc, Entity, Mention, Quote, SpeakerRef, Span, TextSpan, Timex, Token } from '../document.ts';
import { isSubjectMention, tokenRange } from '../coref/index.ts';
import { spanLocator, titleBefore } from '../entities/index.ts';
import { DETERMINERS } from '../relations/doc-index.ts';
import { TITLE_HEADS, TITLE_MODIFIERS } from '../relations/lexicon.ts';
import { monthNumber } from '../time/lexicon.ts';
import { tokenTable } from '../token-table.ts';
import { findQuoteMarks, quoteTester, type QuoteMarks } from './marks.ts';
import { ADDRESSEE_VERBS, ASK_FORMS, BASE_FORMS, COMMISSIVE_VERBS, DIRECTIVE_VERBS, INDIRECT_VERBS, NAMING_VERBS, PARTICIPLE_VERBS, REPORTING_VERBS } from './verbs.ts';

/**
 * Quote attribution: direct quotes (content inside the marks, marks excluded) and reported
 * speech ("X said (that) …", "…, X said.", "according to X, …") as direct=false quotes whose
 * span is the reported clause.
 *
 * Order: runs after `corefResolver`. Speakers are taken from the entity mentions already in
 * doc.entities, so a "he said" speaker carries the entity coreference gave the pronoun, and
 * "the president" the entity its description resolved to.
 */

interface Cue {
  speaker?: SpeakerRef;
  cue?: TextSpan;
  addressee?: string;
}

const PREPOSITIONS = new Set([
  'in', 'at', 'to', 'of', 'for', 'with', 'by', 'from', 'on', 'about', 'against', 'between', 'among', 'into',
  'over', 'under', 'through', 'during', 'without', 'within', 'like', 'than', 'via', 'upon', 'after', 'before',
  'since', 'despite', 'near', 'across', 'around',
]);
const STOPS = new Set([
  'and', 'but', 'or', 'that', 'while', 'when', 'as', 'because', 'if', 'although', 'though', 'where', 'so',
  'which', 'who', 'whom', 'whose', 'what', 'then', 'than', 'not', 'also', 'has', 'have', 'had', 'is', 'was',
  'are', 'were', 'will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'did', 'does', 'do',
  'been', 'be', 'being', 'to', 'it', 'there',
]);
const ADVERBS_BEFORE_VERB = new Set([
  'also', 'later', 'then', 'has', 'had', 'have', 'previously', 'once', 'again', 'further', 'reportedly',
  'recently', 'repeatedly', 'publicly', 'privately', 'simply', 'finally', 'earlier', 'often', 'always',
  'never', 'would', 'will', 'could', 'might', 'has', 'is', 'was', 'had', 'quickly', 'flatly', 'just',
  'allegedly', 'even', 'only', 'first', 'bluntly', 'angrily', 'calmly', 'softly', 'simply', 'initially',
  // negations and auxiliaries: "I don't think", "they do not believe", "we can't say"
  'not', "n't", 'do', 'does', 'did', "don't", "doesn't", "didn't", 'can', 'ca', 'wo', "can't", 'cannot', 'may', 'must',
  'should', 'still', 'really', 'certainly', 'clearly', 'firmly', 'strongly', 'genuinely', 'honestly',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you']);
/** words after which a reporting verb's form is a noun ("the states", "his claims") */
const DETERMINER_BEFORE_NOUN = new Set(['the', 'a', 'an', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my']);
const isPunct = (t: Token): boolean => !/[\p{L}\p{N}]/u.test(t.text);
/**
 * Lower-case text of each token of the document being processed (the shared token table), set
 * by `extractQuotes` (all callers of `lower` run inside it, synchronously).
 */
let lowered: string[] = [];
/** by token index, from the shared token table (see ../token-table.ts) */
const lowerAt = (i: number): string => lowered[i];
const lower = (t: Token): string => lowered[t.index];

/** Per token: 1 when it lies inside a direct quote (content or marks); one sweep over the marks. */
function tokensInQuotes(starts: Int32Array, marks: QuoteMarks[]): Uint8Array {
  const n = starts.length;
  const out = new Uint8Array(n);
  let i = 0;
  for (const m of marks) {
    const end = m.close >= 0 ? m.close + 1 : m.end;
    while (i < n && starts[i] < m.open) i++;
    let j = i;
    while (j < n && starts[j] < end) out[j++] = 1;
  }
  return out;
}

interface Ctx {
  doc: Doc;
  /** entity mentions sorted by start */
  mentions: Mention[];
  insideQuote: (pos: number) => boolean;
  /** per token index: inside a direct quote */
  tokenInQuote: Uint8Array;
  marks: QuoteMarks[];
  /** doc.entities by id */
  entityById: Map<string, Entity>;
  /** doc.timexes by start offset */
  timexAt: Map<number, Timex>;
}

/** A person's name right after `m` and one to three lower-case words ("Newry boss Roy McCreadie"), when `m` names no person. */
function personAfterRole(ctx: Ctx, m: Mention): Mention | undefined {
  const typeOf = (id: string): string | undefined => ctx.entityById.get(id)?.type;
  if (typeOf(m.entity) === 'Person') return undefined;
  const ms = ctx.mentions;
  const i = firstMentionAt(ms, m.end);
  const p = ms[i];
  if (!p || p.kind !== 'name' || !/^\s+(?:\p{Ll}[\p{L}-]*\s+){1,3}$/u.test(ctx.doc.text.slice(m.end, p.start))) return undefined;
  return typeOf(p.entity) === 'Person' ? p : undefined;
}

/**
 * The person named right before "of"/"from" and the place or organization mention `m` ("Rep. Tom
 * Cole of Oklahoma", "Ashok Vishwanathan of Operation Black Vote"), not before `floor`.
 */
function personBeforeAffiliation(ctx: Ctx, m: Mention, floor: number): Mention | undefined {
  const typeOf = (id: string): string | undefined => ctx.entityById.get(id)?.type;
  if (typeOf(m.entity) !== 'Place' && typeOf(m.entity) !== 'Organization') return undefined;
  const ms = ctx.mentions;
  const i = firstMentionAt(ms, m.start) - 1;
  const p = ms[i];
  if (!p || p.start < floor || p.kind !== 'name' || typeOf(p.entity) !== 'Person') return undefined;
  return /^\s+(?:of|from)\s+(?:the\s+)?$/.test(ctx.doc.text.slice(p.end, m.start)) ? p : undefined;
}

/** The entity mention covering [start, end) best: one ending at `end` (the head), else the first inside. */
function mentionIn(ctx: Ctx, start: number, end: number, preferHeadAt?: number): Mention | undefined {
  let first: Mention | undefined;
  const ms = ctx.mentions;
  for (let i = firstMentionAt(ms, start); i < ms.length; i++) {
    const m = ms[i];
    if (m.start >= end) break;
    if (m.start < start || m.end > end) continue;
    if (preferHeadAt !== undefined && m.end === preferHeadAt) return m;
    first ??= m;
  }
  return first;
}

/** Whether tokens [from, to) are lower-case nouns that may head a phrase after a name ("Clinton advisers", "a Labour spokesman"). */
function headNounsAfter(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = lowerAt(k);
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(ctx.doc.tokens[k].text) || /ly$|sel(?:f|ves)$/.test(w)) return false;
    if (ADVERBS_BEFORE_VERB.has(w) || STOPS.has(w) || NOT_SPEAKERS.has(w) || PREPOSITIONS.has(w)) return false;
    if (ctx.timexAt.has(ctx.doc.tokens[k].start)) return false; // "Mr Straw last week said"
  }
  return from < to;
}

/** Nouns of those who speak for an organization or person, and of what they publish. */
const VOICE_NOUNS = /^(?:spokes(?:man|woman|men|women|person|people)|statement|report|poll|survey|data|study|officials?|sources?|website|newspaper|lawyers?|attorneys?)$/;

/**
 * The phrase [start, end) that a name `m` modifies, as speaker: with the name's entity when its
 * head speaks for it ("A Labour spokesman", "the Vodafone statement"), else without ("Clinton advisers").
 */
function phraseWithHead(ctx: Ctx, m: Mention, start: number, end: number): SpeakerRef {
  const text = ctx.doc.text.slice(start, end);
  const head = text.split(/\s+/).at(-1)!.toLowerCase();
  return VOICE_NOUNS.test(head) ? { start, end, text, entity: m.entity } : { start, end, text };
}

/** Whether a text is a title: two to `maxWords` words, each of four letters or more capitalized. */
function isTitleCased(text: string, maxWords = 8): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2 || words.length > maxWords) return false;
  const long = words.filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 4);
  return long.length > 0 && long.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
}

/** Whether the words of tokens [a, b) are capitalized, four in five at least. */
function titleCase(ctx: Ctx, a: number, b: number): boolean {
  let words = 0;
  let capitalized = 0;
  for (let k = a; k < b; k++) {
    const w = ctx.doc.tokens[k].text;
    if (!/^\p{L}/u.test(w)) continue;
    words++;
    if (/^\p{Lu}/u.test(w)) capitalized++;
  }
  return capitalized * 5 >= words * 4;
}

/** Whether a name mention covers the token. */
function insideName(ctx: Ctx, t: Token): boolean {
  const ms = ctx.mentions;
  // mentions are sorted by start; a name covering t starts before it, a few mentions back at most
  for (let i = firstMentionAt(ms, t.end) - 1; i >= 0 && t.start - ms[i].start < 200; i--) {
    if (ms[i].kind === 'name' && ms[i].start <= t.start && ms[i].end >= t.end) return true;
  }
  return false;
}

/** Index of the first mention starting at or after `pos` (binary search; mentions sorted by start). */
function firstMentionAt(ms: Mention[], pos: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function speakerFrom(ctx: Ctx, span: Span, head: 'start' | 'end'): SpeakerRef | undefined {
  if (span.end <= span.start) return undefined;
  const text = ctx.doc.text;
  let m = mentionIn(ctx, span.start, span.end, head === 'end' ? span.end : undefined);
  // "Lee Zeldin of New York said": a place after "of" or "from" modifies the person before it
  if (m && head === 'end') m = personBeforeAffiliation(ctx, m, span.start) ?? m;
  // "Clinton advisers say": the name modifies the noun that heads the phrase, which speaks
  if (m && head === 'end' && m.end < span.end) {
    const [, mEnd] = tokenRange(ctx.doc, m);
    const [, spanEnd] = tokenRange(ctx.doc, span);
    if (spanEnd - mEnd <= 2 && headNounsAfter(ctx, mEnd, spanEnd)) return phraseWithHead(ctx, m, span.start, span.end);
  }
  // "said Newry boss Roy McCreadie", "said Ireland coach Eddie O'Sullivan": the person a role
  // word joins to a team or company is the phrase's head
  if (m && head === 'start') m = personAfterRole(ctx, m) ?? m;
  // a mention that is the whole phrase or its head names the speaker
  if (m && (head === 'start' ? m.start === span.start || /^(?:the|a|an|mr\.?|mrs\.?|ms\.?|dr\.?|\p{Lu}[\p{L}.-]*)(?:\s|$)|^\S+\s+\p{Ll}+\s+$/iu.test(text.slice(span.start, m.start)) : true)) {
    const entity = m.entity;
    // keep the full phrase when the mention is only a part ("Russian President Vladimir Putin")
    return { start: m.start, end: m.end, text: m.text, entity };
  }
  // without an entity, only a noun phrase can speak: "a spokesman", "sources", "the crowd" — not
  // "famously", "went", "more sympathetic"
  const phrase = text.slice(span.start, span.end);
  const words = phrase.split(/\s+/);
  const last = words[words.length - 1].toLowerCase();
  const first = words[0].toLowerCase();
  // "63 percent", "some experts", "these officials": a number or quantifier before a noun speaks
  const counted = words.length > 1 && ((/^\d[\d,.]*%?$/.test(first) && /^\p{Ll}/u.test(words[1]) && !/^(?:the|a|an)$/.test(words[1])) || QUANTIFIERS.has(first));
  if (!counted && (!/^\p{L}/u.test(phrase) || NOT_SPEAKERS.has(first))) return undefined;
  if (/ly$/.test(last) || NOT_SPEAKERS.has(last) || POSSESSIVE_DETERMINERS.has(last)) return undefined;
  return { start: span.start, end: span.end, text: phrase };
}

/** Irregular past tenses that may follow a subject phrase. */
const PAST_VERBS = new Set(['said', 'told', 'made', 'took', 'gave', 'came', 'went', 'saw', 'spoke', 'wrote', 'won', 'lost', 'led', 'left', 'held', 'sent', 'began', 'became', 'hit', 'put', 'set', 'cut', 'met', 'struck', 'threw', 'drew']);

/** Nouns of sources that report, for "according to" without a comma before it. */
const REPORTING_SOURCE = /\b(?:polls?|surveys?|reports?|stud(?:y|ies)|analys[ie]s|data|figures|count|tally|estimates?|statements?|sources|officials|documents|records|filings?|research|researchers|experts|analysts|police|authorities|spokes(?:man|woman|person))\b/i;

/** Quantifiers and demonstratives that start a speaking noun phrase ("many analysts"), never one alone. */
const QUANTIFIERS = new Set(['some', 'many', 'several', 'all', 'both', 'each', 'few', 'most', 'other', 'these', 'those', 'this', 'such', 'multiple']);

/** Verbs by which studies, polls and footage report a finding: they take a "that" clause or one with an auxiliary. */
const EVIDENTIAL_VERBS = new Set(['show', 'shows', 'showed', 'shown', 'find', 'finds', 'found']);

/** Finite auxiliaries and modals that mark the verb of a reported clause. */
const CLAUSE_AUXILIARIES = new Set([
  'will', 'would', 'should', 'could', 'can', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'has', 'have',
  'had', 'did', 'does', "won't", "wouldn't", "can't", "couldn't", "didn't", "don't", "doesn't", "isn't", "aren't",
  "wasn't", "weren't", "hasn't", "haven't",
]);

/** Words after a reporting verb that begin no reported clause ("said in", "said goodbye", "said so"). */
const NOT_CLAUSE_STARTS = new Set([
  'in', 'on', 'at', 'to', 'of', 'for', 'with', 'by', 'from', 'about', 'after', 'before', 'during', 'so', 'yes',
  'no', 'goodbye', 'thanks', 'nothing', 'something', 'anything', 'what', 'which', 'who', 'whom', 'whose', 'how',
  'why', 'when', 'where', 'whether', 'if', 'as', 'than', 'and', 'or', 'but', 'not', 'only', 'just', 'also',
  'out', 'up', 'off',
]);

/** Words that never head (or start) a speaker phrase found without an entity. */
const NOT_SPEAKERS = new Set([
  'went', 'came', 'now', 'then', 'also', 'up', 'out', 'off', 'back', 'down', 'what', 'who', 'which', 'more',
  'most', 'less', 'very', 'too', 'just', 'here', 'there', 'today', 'yesterday', 'tonight', 'alongside',
  'after', 'before', 'again', 'once', 'it', 'this', 'these', 'those', 'such', 'other', 'others', 'all',
  'both', 'each', 'some', 'any', 'many', 'much', 'few', 'several', 'multiple', 'plans', 'measures', 'words',
  'me', 'him', 'us', 'them',
]);

/** words that end no speaker phrase: "his" of "his remarks" */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'my', 'our', 'your']);

/** The noun phrase ending right before token index `verb` (skipping adverbs/auxiliaries). */
function npBefore(ctx: Ctx, verb: number, floor: number): Span | undefined {
  const toks = ctx.doc.tokens;
  let i = verb - 1;
  while (i >= floor && ADVERBS_BEFORE_VERB.has(lowerAt(i))) i--;
  const end = i;
  if (end < floor || isPunct(toks[end]) && !/^['’]s$/.test(toks[end].text)) return undefined;
  let start = end;
  let hops = 0;
  for (let j = end; j >= floor && end - j < 10; j--) {
    const t = toks[j];
    const w = lowerAt(j);
    if (PRONOUNS.has(w)) {
      if (j === end) start = j;
      break;
    }
    if (PREPOSITIONS.has(w) && hops < 1 && j > floor && j < end && (w === 'for' || w === 'of' || w === 'at')) {
      hops++; // "a spokesman for the Kremlin", "the head of the agency"
      continue;
    }
    if (isPunct(t) && !/^['’]s?$|^[.&-]$/.test(t.text)) break;
    if (STOPS.has(w) || PREPOSITIONS.has(w)) break;
    if (/^\p{Ll}/u.test(t.text) && /(?:ed|ing)$/.test(w) && j !== end && !/^(?:the|a)$/.test(lower(toks[j - 1] ?? t))) break;
    start = j;
  }
  if (PREPOSITIONS.has(lowerAt(start))) start++;
  if (start > end) return undefined;
  // a phrase ending in a function word ("and", "when", "the") names nobody
  const last = lowerAt(end);
  if (STOPS.has(last) || PREPOSITIONS.has(last) || /^(?:the|a|an|this|that|its|his|her|their)$/.test(last)) return undefined;
  return { start: toks[start].start, end: toks[end].end };
}

const CLAUSE_END = /^(?:[.;!?“”"‘]|…)$/;

/** A clause end at token `j`, not the dot of an abbreviation split off before "," or ")" ("R-Ky., said"). */
function endsClause(toks: Token[], j: number): boolean {
  const t = toks[j].text;
  if (!CLAUSE_END.test(t)) return false;
  if (t !== '.') return true;
  const next = toks[j + 1]?.text;
  return next !== ',' && next !== ')';
}

/**
 * The subject of the reporting verb at token `verb`, looking left no further than `floor`:
 * the phrase right before it ("Putin said"), or the phrase before an appositive or relative
 * clause set off by commas ("Jane Doe, 34, a nurse from Ohio, said", "Smith, who …, said").
 */
function subjectOfVerb(ctx: Ctx, verb: number, floor: number): SpeakerRef | undefined {
  const toks = ctx.doc.tokens;
  let k = verb - 1;
  while (k >= floor && ADVERBS_BEFORE_VERB.has(lowerAt(k))) k--;
  if (k < floor) return undefined;
  if (toks[k].text === ',' || toks[k].text === '—' || toks[k].text === ')') {
    const closer = toks[k].text;
    const opener = closer === ')' ? '(' : closer;
    // appositives may chain ("Doe, 34, a nurse, said"): walk back over the commas and take the
    // nearest phrase that names an entity, else the nearest phrase at all; a person the last
    // appositive names first ("the chairman of Migration Watch UK, Sir Andrew Green, said"), and
    // a name in a prepositional phrase last ("Scott Pruitt, the attorney general of Oklahoma, said")
    // (the whole appositive: not "…, who scored his side's only try, said")
    const last = npBefore(ctx, k, floor);
    const lastSpeaker = last && speakerFrom(ctx, last, 'end');
    const [lastFirst] = last ? tokenRange(ctx.doc, last) : [0];
    const wholeAppositive = lastFirst > floor && toks[lastFirst - 1].text === opener;
    if (wholeAppositive && lastSpeaker?.entity && ctx.entityById.get(lastSpeaker.entity)?.type === 'Person' && !governedByPreposition(ctx, lastSpeaker)) return lastSpeaker;
    let fallback: SpeakerRef | undefined;
    let inPhrase: SpeakerRef | undefined;
    let c = k - 1;
    for (; c >= floor && k - c <= 30; c--) {
      const t = toks[c].text;
      // a period inside brackets belongs to an abbreviation: "(R-S.C.)"
      if (endsClause(toks, c) && (t !== '.' || c > floor) && !(opener === '(' && t === '.')) return fallback;
      if (t !== opener || c === floor) continue;
      const np = npBefore(ctx, c, floor);
      const speaker = np && speakerFrom(ctx, np, 'end');
      if (speaker?.entity && governedByPreposition(ctx, speaker)) {
        inPhrase ??= speaker;
        continue;
      }
      if (speaker?.entity) return speaker;
      fallback ??= speaker;
    }
    if (c >= floor) return inPhrase ?? fallback;
    // the appositive runs back to the floor (the quote's end): the phrase starts there
    const np = npAfter(ctx, floor, k);
    const speaker = np && speakerFrom(ctx, np, 'start');
    return speaker?.entity ? speaker : inPhrase ?? fallback ?? speaker;
  }
  // "I laughed and said", "Mrs. Clinton shook her head and said": the subject of the clause the
  // reporting verb is joined to
  if (lowerAt(k) === 'and' && k - 1 >= floor) {
    if (isPastVerb(toks[k - 1].text)) return subjectOfVerb(ctx, k - 1, floor);
    let from = k - 1;
    while (from > floor && !/^[,;:]$/.test(toks[from - 1].text) && !endsClause(toks, from - 1)) from--;
    const np = npAfter(ctx, from, k);
    const m = np && mentionIn(ctx, np.start, np.end);
    if (m && m.start === np.start) return { start: m.start, end: m.end, text: m.text, entity: m.entity };
  }
  let np = npBefore(ctx, verb, floor);
  // "Protesters marching through the streets chanted": the phrase a participle's object ends
  if (np && governedByPreposition(ctx, np)) {
    const [first] = tokenRange(ctx.doc, np);
    if (first - 2 >= floor && /^\p{Ll}+ing$/u.test(toks[first - 2].text)) np = npBefore(ctx, first - 2, floor) ?? np;
  }
  return speakerFromNp(ctx, np);
}

/** A verb in the past tense, by its form: "laughed", "went". */
function isPastVerb(word: string): boolean {
  return PAST_VERBS.has(word) || /^\p{Ll}{3,}ed$/u.test(word);
}

/** Whether the word before the speaker span is a preposition ("of Oklahoma"). */
function governedByPreposition(ctx: Ctx, span: Span, acrossDeterminer = false): boolean {
  let [p] = tokenRange(ctx.doc, span);
  p--;
  // "of the Congressional Black Caucus"
  if (acrossDeterminer && p > 0 && DETERMINERS.has(lowerAt(p))) p--;
  return p >= 0 && PREPOSITIONS.has(lowerAt(p));
}

/** The noun phrase starting at token index `from` ("Putin", "the Russian president", "Mr. Smith"). */
/** one or two role words at token `k` and then a person's name: "doctor Hamish Osborne", "team manager Jo Brand" */
function roleBeforeName(ctx: Ctx, k: number, limit: number): boolean {
  const toks = ctx.doc.tokens;
  for (let j = k; j < Math.min(limit, k + 2); j++) {
    if (!TITLE_HEADS.has(lowerAt(j)) && !TITLE_MODIFIERS.has(lowerAt(j))) return false;
    const next = j + 1 < limit ? toks[j + 1] : undefined;
    if (next && /^\p{Lu}/u.test(next.text)) {
      const m = ctx.mentions[firstMentionAt(ctx.mentions, next.start)];
      return m !== undefined && m.start === next.start && ctx.entityById.get(m.entity)?.type === 'Person';
    }
  }
  return false;
}

function npAfter(ctx: Ctx, from: number, limit: number): Span | undefined {
  const toks = ctx.doc.tokens;
  if (from >= limit || isPunct(toks[from])) return undefined;
  const w0 = lowerAt(from);
  if (PRONOUNS.has(w0) || w0 === 'him' || w0 === 'her' || w0 === 'them') return { start: toks[from].start, end: toks[from].end };
  // no phrase that names anyone opens with "and" or "of"
  if ((STOPS.has(w0) || PREPOSITIONS.has(w0)) && /^\p{Ll}/u.test(toks[from].text)) return undefined;
  let end = from;
  for (let j = from; j < limit && j - from < 8; j++) {
    const t = toks[j];
    const w = lowerAt(j);
    if (isPunct(t) && !/^[.&-]$/.test(t.text)) break;
    if ((STOPS.has(w) || PREPOSITIONS.has(w)) && j > from) break;
    // a lower-case word after a capitalized name ends the phrase ("said Putin on Tuesday"), unless a
    // role word leads to a name ("said Hopman Cup doctor Hamish Osborne")
    if (j > from && /^\p{Ll}/u.test(t.text) && /^\p{Lu}/u.test(toks[j - 1].text) && !/^(?:the|a|an)$/i.test(toks[j - 1].text) && !roleBeforeName(ctx, j, limit)) break;
    if (isPunct(t)) continue; // "&" or "-" inside a name, never a phrase's last token
    end = j;
  }
  return { start: toks[from].start, end: toks[end].end };
}

/** Tokens strictly between two character offsets, as an index range. */
function tokensBetween(doc: Doc, start: number, end: number): [number, number] {
  return tokenRange(doc, { start, end });
}

/** Cue after a direct quote: "…,” he said", "…,” said Putin", "…,” Jane Doe, 34, a nurse, told reporters". */
function cueAfter(ctx: Ctx, q: QuoteMarks, limit: number): Cue | undefined {
  const { doc } = ctx;
  const [a, b] = tokensBetween(doc, q.close + 1, limit);
  const toks = doc.tokens;
  let i = a;
  while (i < b && isPunct(toks[i])) {
    if (/^[“"‘]$/.test(toks[i].text)) return undefined;
    i++;
  }
  // only a cue that follows the quote's own clause: "…” — the crowd cheered" is not one
  if (i > a && /^[.!?]$/.test(toks[i - 1].text) && toks[i - 1].start > q.close) return undefined;
  // nor one in a clause of time, cause or condition after it ("…,” when Clinton blasted him"): the
  // cue, if any, follows that clause's comma ("…” if you took out the self-employed, Mr Milburn told …")
  if (i < b && /^(?:when|while|after|before|because|since|until|if|whereas|although|though)$/.test(lowerAt(i))) {
    while (i < b && toks[i].text !== ',') {
      if (endsClause(toks, i)) return undefined;
      i++;
    }
    if (++i >= b) return undefined;
  }
  // after a quote that ends its own sentence ("… law.” The decision will …, the government has
  // said") a cue follows at once ("….” said Smith", "!” the nominee, Donald Trump, tweeted"): a
  // clause with a verb of its own first is another sentence, unless a relative clause holds it
  const closedSentence = q.close > q.open && /[.!?]['’"”`]*$/.test(doc.text.slice(q.open, q.close));
  let relative = false;
  for (let j = i; j < Math.min(b, i + 30); j++) {
    const t = toks[j];
    if (endsClause(toks, j)) break;
    const w = lowerAt(j);
    if (w === 'who' || w === 'which') relative = true;
    if (closedSentence && !relative && CLAUSE_AUXILIARIES.has(w) && !reportingVerbAfter(j + 1) && !insideName(ctx, t)) return undefined;
    if (w === 'according' && j === i && lower(toks[j + 1] ?? t) === 'to') {
      const np = npAfter(ctx, j + 2, b);
      const speaker = np && speakerFrom(ctx, np, 'start');
      return speaker ? { speaker, cue: { start: t.start, end: toks[j + 1].end, text: doc.text.slice(t.start, toks[j + 1].end) } } : undefined;
    }
    if (!REPORTING_VERBS.has(w)) continue;
    // a noun after a determiner: "one of the states suing the EPA, said"
    if (j > i && DETERMINER_BEFORE_NOUN.has(lowerAt(j - 1))) continue;
    if (/ing$/.test(w) && j > i) continue; // "…,” he said, referring to …" handled by "said"
    // "said" is a verb here only next to its subject: "X said", "said X", "X, a Y, said"
    const cue = { start: t.start, end: t.end, text: t.text };
    let speaker: SpeakerRef | undefined;
    if (j === i) {
      if (BASE_FORMS.has(w)) return undefined;
      const np = npAfter(ctx, j + 1, b);
      if (np) speaker = speakerFrom(ctx, np, 'start');
    } else if (toks[j - 1].text === ',' && PREPOSITIONS.has(lowerAt(i))) {
      // '"seriously interfered" with its work, said the committee': the words after the quote end
      // its clause, and the speaker follows the verb
      const np = npAfter(ctx, j + 1, b);
      if (np) speaker = speakerFrom(ctx, np, 'start');
    } else if (closedSentence && !PREPOSITIONS.has(lowerAt(j + 1)) && complementStart(ctx, j, clauseEndFrom(toks, j, b)) >= 0) {
      // '… her life.” A spokesman later said Mr Galloway had …': the verb reports a clause of its own
      return undefined;
    } else {
      speaker = subjectOfVerb(ctx, j, i);
      // "…,” it added.": the article or document quoted before
      // ("…,” it further wrote.")
      let k = i + 1;
      while (k < j && ADVERBS_BEFORE_VERB.has(lowerAt(k))) k++;
      if (!speaker && k === j && lowerAt(i) === 'it') speaker = { start: toks[i].start, end: toks[i].end, text: toks[i].text };
    }
    if (!speaker) return undefined;
    return { speaker, cue, ...addresseeAfterVerb(ctx, j, b), ...accordingAfter(ctx, j + 1, b) };
  }
  return undefined;
}

/** the first clause end at or after token `from`, else `limit` */
function clauseEndFrom(toks: Token[], from: number, limit: number): number {
  for (let k = from; k < limit; k++) if (endsClause(toks, k)) return k;
  return limit;
}

/** ", according to a transcript" after the cue: the document the words come from is the source. */
function accordingAfter(ctx: Ctx, from: number, limit: number): { speaker?: SpeakerRef } {
  const toks = ctx.doc.tokens;
  for (let j = from; j < Math.min(limit, from + 12); j++) {
    if (CLAUSE_END.test(toks[j].text)) return {};
    if (lowerAt(j) === 'according' && toks[j - 1]?.text === ',' && lower(toks[j + 1] ?? toks[j]) === 'to') {
      const np = npAfter(ctx, j + 2, limit);
      const speaker = np && speakerFrom(ctx, np, 'start');
      return speaker ? { speaker } : {};
    }
  }
  return {};
}

/** "told X" / "assured X": the entity right after an addressee-taking verb. */
function addresseeAfterVerb(ctx: Ctx, verb: number, limit: number): { addressee?: string } {
  // "called on Hamas to honor its promise"
  const callsOn = /^call/.test(lowerAt(verb)) && /^(?:on|upon)$/.test(lowerAt(verb + 1));
  if (!ADDRESSEE_VERBS.has(lowerAt(verb)) && !callsOn) return {};
  const np = npAfter(ctx, verb + (callsOn ? 2 : 1), limit);
  if (!np) return {};
  const m = mentionIn(ctx, np.start, np.end);
  return m ? { addressee: m.entity } : {};
}

/**
 * Cue before a quote in the same sentence: "Putin said: “…”", "According to X, “…”", "X: “…”",
 * or a reporting verb earlier in the sentence of a partial quote ("…, noting that … “…”").
 */
function cueBefore(ctx: Ctx, q: QuoteMarks, floor: number): Cue | undefined {
  const { doc } = ctx;
  const toks = doc.tokens;
  const [a, b] = tokensBetween(doc, floor, q.open);
  if (b <= a) return undefined;
  // "Putin: “…”"
  if (toks[b - 1].text === ':' && b - 2 >= a) {
    const m = mentionIn(ctx, toks[a].start, toks[b - 2].end, toks[b - 2].end);
    const [mStart] = m ? tokenRange(doc, m) : [0];
    // "Putin: “…”", not "He said of Congress: “…”" nor "He told BBC Sport: “…”" (the addressee)
    let before = mStart - 1;
    if (before > a && (lowerAt(before) === 'the' || lowerAt(before) === 'a')) before--;
    const addressed = m !== undefined && before >= a && (ADDRESSEE_VERBS.has(lowerAt(before)) || lowerAt(before) === 'to');
    if (m && m.end === toks[b - 2].end && !addressed && !(mStart > a && PREPOSITIONS.has(lowerAt(mStart - 1)))) {
      return { speaker: { start: m.start, end: m.end, text: m.text, entity: m.entity }, cue: { start: toks[b - 1].start, end: toks[b - 1].end, text: ':' } };
    }
  }
  for (let j = b - 1; j >= a; j--) {
    const t = toks[j];
    if (ctx.insideQuote(t.start)) break;
    const w = lowerAt(j);
    if (w === 'according' && toks[j + 1] && lowerAt(j + 1) === 'to') {
      const np = npAfter(ctx, j + 2, b);
      const speaker = np && speakerFrom(ctx, np, 'start');
      if (speaker) return { speaker, cue: { start: t.start, end: toks[j + 1].end, text: doc.text.slice(t.start, toks[j + 1].end) } };
      continue;
    }
    // "as the prosecutor put it, “…”"
    const putIt = w === 'put' && j + 1 < b && lowerAt(j + 1) === 'it' && lowerAt(j - 2) !== 'to';
    // "called the plan “a disaster”", "dubbed it “a vanity project”": a naming verb a few words before
    const naming = NAMING_VERBS.has(w) && b - j <= 7;
    if (!REPORTING_VERBS.has(w) && !putIt && !naming) continue;
    const cue = { start: t.start, end: t.end, text: t.text };
    // participles report for the main-clause subject ("The president went on …, noting that …")
    const participle = /ing$/.test(w);
    const subj = subjectBefore(ctx, j, a, participle);
    if (subj) return { speaker: subj, cue, ...addresseeAfterVerb(ctx, j, b) };
    if (!participle) {
      const speaker = subjectOfVerb(ctx, j, a);
      if (speaker) return { speaker, cue, ...addresseeAfterVerb(ctx, j, b) };
      // "said Putin: “…”" (not "has been told to prepare a “…”": a passive names no speaker after it)
      const passive = j > a && /^(?:been|be|being|is|are|was|were)$/.test(lowerAt(j - 1));
      const after = passive || lowerAt(j + 1) === 'to' ? undefined : npAfter(ctx, j + 1, b);
      if (after) return { speaker: speakerFrom(ctx, after, 'start'), cue };
    } else {
      const speaker = subjectOfVerb(ctx, j, a);
      if (speaker) return { speaker, cue };
    }
  }
  // "he demurred: “…”", "the crowd chanted, “…”": a clause ending in a colon or comma right
  // before the quote speaks through its subject
  if (/^[:,]$/.test(toks[b - 1].text)) {
    const subj = subjectBefore(ctx, b - 1, a, true);
    if (subj?.entity) return { speaker: subj };
  }
  return undefined;
}

/** The subject mention before token `verb`: the nearest one, or for participles the leftmost. */
function subjectBefore(ctx: Ctx, verb: number, floor: number, leftmost: boolean): SpeakerRef | undefined {
  const { doc } = ctx;
  const toks = doc.tokens;
  const lo = toks[floor].start;
  const hi = toks[verb].start;
  const found: Mention[] = [];
  const ms = ctx.mentions;
  for (let i = firstMentionAt(ms, lo); i < ms.length; i++) {
    const m = ms[i];
    if (m.start >= hi) break;
    if (m.start < lo || ctx.insideQuote(m.start)) continue;
    if (isSubjectMention(doc, m)) found.push(m);
  }
  // "Clinton herself said": the name, not the reflexive
  if (verb - 1 > floor && /^(?:him|her|them|it)sel(?:f|ves)$/.test(lowerAt(verb - 1))) {
    const m = ctx.mentions[firstMentionAt(ms, toks[verb - 1].start) - 1];
    if (m && m.kind === 'name' && m.start >= lo && m.end === toks[verb - 2].end) return { start: m.start, end: m.end, text: m.text, entity: m.entity };
  }
  if (!found.length) {
    // "he"/"she" left unresolved by coreference still names the speaker's place
    const [v] = [verb - 1];
    if (v >= floor && PRONOUNS.has(lowerAt(v))) return { start: toks[v].start, end: toks[v].end, text: toks[v].text };
    return undefined;
  }
  const m = leftmost ? found[0] : found[found.length - 1];
  // the nearest subject must be adjacent-ish to a finite verb: within a few tokens
  if (!leftmost) {
    const [, mEnd] = tokenRange(doc, m);
    if (verb - mEnd > 3) return undefined;
    // "Clinton advisers say": a noun after the name heads the phrase, and speaks
    if (mEnd < verb && verb - mEnd <= 2 && headNounsAfter(ctx, mEnd, verb)) {
      // the phrase with its article: "A Labour spokesman"
      const [mFirst] = tokenRange(doc, m);
      const start = mFirst > floor && /^(?:a|an|the)$/.test(lowerAt(mFirst - 1)) ? toks[mFirst - 1].start : m.start;
      return phraseWithHead(ctx, m, start, toks[verb - 1].end);
    }
  }
  return { start: m.start, end: m.end, text: m.text, entity: m.entity };
}

/** A person or organization named at the sentence's start (after a title) and a colon after it, with a clause of three words or more after that. */
function colonAfterOpeningName(ctx: Ctx, a: number, lastEnd: number): { at: number; speaker: SpeakerRef } | undefined {
  const toks = ctx.doc.tokens;
  const ms = ctx.mentions;
  const m = ms[firstMentionAt(ms, toks[a].start)];
  // a colon right after it, and the name within a title's reach of the sentence's start
  if (!m || m.kind !== 'name' || ctx.doc.text[m.end] !== ':' || m.start - toks[a].start > 40) return undefined;
  if (ctx.tokenInQuote[a] || ctx.entityById.get(m.entity)?.type === 'Place') return undefined;
  const [, after] = tokenRange(ctx.doc, m);
  if (firstTokenWithTitle(ctx, m) !== a || toks[after]?.text !== ':' || lastEnd - after < 4) return undefined;
  // a quotation after the colon is a direct quote's
  if (ctx.tokenInQuote[after + 1] || /^[“"‘«]/.test(toks[after + 1].text)) return undefined;
  // nor is a list of names ("Everton: Martyn, Hibbert, Yobo, …") anything said
  let commas = 0;
  for (let k = after + 1; k < lastEnd; k++) if (toks[k].text === ',') commas++;
  if (commas >= 2 && titleCase(ctx, after + 1, lastEnd)) return undefined;
  return { at: after, speaker: { start: m.start, end: m.end, text: m.text, entity: m.entity } };
}

/** The subject mention (with its title) that opens the sentence starting at token `floor`, before token `verb`. */
function openingSubject(ctx: Ctx, verb: number, floor: number): SpeakerRef | undefined {
  const m = subjectBefore(ctx, verb, floor, true);
  return m?.entity && firstTokenWithTitle(ctx, m) === floor ? m : undefined;
}

/** The index of a mention's first token, or of its title's ("Republican Rep. Lee Zeldin"). */
function firstTokenWithTitle(ctx: Ctx, m: Span): number {
  return tokenRange(ctx.doc, titleBefore(ctx.doc, m) ?? m)[0];
}

/**
 * The speaker a comma sets off from its verb: "a spokesman, Phil Lovas, said" (the name right
 * before the comma) or "Melanie Mitchell, a professor at Yale, said" (the name before the
 * appositive, at the start of the clause).
 */
function appositiveSubject(ctx: Ctx, verb: number, floor: number): SpeakerRef | undefined {
  const toks = ctx.doc.tokens;
  if (verb - 1 <= floor || toks[verb - 1].text !== ',') return undefined;
  /** the name that ends right before token `tok` (or, `through` it, where the token ends) */
  const nameEndingAt = (tok: number, through = false): Mention | undefined => {
    const at = through ? toks[tok].end : toks[tok].start;
    for (let i = firstMentionAt(ctx.mentions, toks[floor].start); i < ctx.mentions.length; i++) {
      const m = ctx.mentions[i];
      if (m.start >= at) break;
      if (m.end === at && m.kind === 'name' && !ctx.insideQuote(m.start)) return m;
    }
    return undefined;
  };
  // "a spokesman, Phil Lovas, said"; not the place or body an apposition names ("…, a professor at Yale, said")
  let m = nameEndingAt(verb - 1);
  if (m && governedByPreposition(ctx, m, true)) m = undefined;
  if (!m) {
    // the comma that opens the appositive, a few words back, with nothing but words in between
    for (let k = verb - 2; k > floor && verb - k <= 16; k--) {
      if (toks[k].text === ',') {
        m = nameEndingAt(k);
        // "Gregory W. Meeks (D-N.Y.), chairman of …": the name before a party designation in brackets
        if (!m && toks[k - 1]?.text === ')') {
          let open = k - 2;
          while (open > floor && k - open <= 8 && toks[open].text !== '(') open--;
          if (toks[open].text === '(' && open > floor) m = nameEndingAt(open) ?? nameEndingAt(open - 1, true);
        }
        if (m) m = personBeforeAffiliation(ctx, m, toks[floor].start) ?? m;
        // the name, with its title ("Republican Rep. Lee Zeldin"), opens its clause: the
        // sentence's start, or a conjunction or comma before it
        const first = m ? firstTokenWithTitle(ctx, m) : -1;
        // (or a few plain words before it: "Conservative economist Aparna Mathur, who …, said")
        const lead = m && first > floor && first - floor <= 3 && toks.slice(floor, first).every((t) => /^\p{L}+$/u.test(t.text) && !insideName(ctx, t));
        if (m && first !== floor && !lead && !/^(?:,|and|but|;)$/.test(lowerAt(first - 1))) m = undefined;
        break;
      }
      if (isPunct(toks[k]) && !/^[.&'’()-]|['’]s$/.test(toks[k].text)) return undefined;
    }
  }
  return m ? { start: m.start, end: m.end, text: m.text, entity: m.entity } : undefined;
}

/** Vocative at the start of a quote: "Mr. Putin, I really ask you …". */
function vocative(ctx: Ctx, q: QuoteMarks): string | undefined {
  const text = ctx.doc.text;
  const head = /^(?:(?:Mr|Mrs|Ms|Dr|Miss|President|Prime Minister|Minister|Senator|Sen|Gov|Governor)\.?\s+)?/.exec(text.slice(q.start, q.start + 40));
  const at = q.start + (head ? head[0].length : 0);
  for (const m of ctx.mentions) {
    if (m.start > at) break;
    if (m.start === at && m.kind === 'name' && /^\s*,/.test(text.slice(m.end, m.end + 2))) return m.entity;
  }
  return undefined;
}

/** words at most of a quotation inside reported speech that leaves it reported speech */
const PARTIAL_QUOTE_WORDS = 4;

const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).length;

function directQuotes(ctx: Ctx): Quote[] {
  const { doc, marks } = ctx;
  const out: Quote[] = [];
  const sentenceAt = (pos: number): number => {
    // first sentence ending after pos (binary search)
    let lo = 0;
    let hi = doc.sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (doc.sentences[mid].end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo >= doc.sentences.length ? doc.sentences.length - 1 : lo;
  };
  let prev: { quote: Quote; paragraph: number } | undefined;
  for (let k = 0; k < marks.length; k++) {
    const q = marks[k];
    // nested quotes stay part of their outer quote
    if (out.length && q.start < out[out.length - 1].end) continue;
    const openSentence = doc.sentences[sentenceAt(q.open)];
    const closeSentence = doc.sentences[sentenceAt(Math.max(q.open, q.end - 1))];
    const next = marks[k + 1];
    const prevMark = marks[k - 1];
    // "…?” Clinton asked." — the segmenter ends the sentence at the mark, so the cue may sit in
    // the next sentence of the paragraph
    const si = sentenceAt(Math.max(q.open, q.end - 1));
    const following = doc.sentences[si + 1];
    const endsSentence = closeSentence.end <= q.close + 1 && following && following.paragraph === closeSentence.paragraph;
    const afterLimit = Math.min(endsSentence ? following.end : closeSentence.end, next && next.open > q.end ? next.open : Infinity);
    const beforeFloor = Math.max(openSentence.start, prevMark && prevMark.close >= 0 && prevMark.close < q.open ? prevMark.close + 1 : 0);
    const textBefore = doc.text.slice(beforeFloor, q.open);
    // "X said, “…,” when asked …": a verb right before the quote wins over one after it
    const verbRightBefore = /([\p{L}]+)\s*[,:]?\s*$/u.exec(textBefore);
    let cue = verbRightBefore && REPORTING_VERBS.has(verbRightBefore[1].toLowerCase()) ? cueBefore(ctx, q, beforeFloor) : undefined;
    if (!cue && q.close >= 0) cue = cueAfter(ctx, q, afterLimit);
    cue ??= cueBefore(ctx, q, beforeFloor);
    const words = wordCount(doc.text.slice(q.start, q.end));
    const partial = !/^\s*$/.test(textBefore) && !/[:,]\s*$/.test(textBefore);
    // short partial quotes without a cue are scare quotes or titles, not speech
    if (words < 3 && !cue) continue;
    // one word is a scare quote, unless a naming verb quotes it ("called them “deplorables”")
    if (partial && words < 2 && !(cue?.cue && NAMING_VERBS.has(cue.cue.text.toLowerCase()))) continue;
    // a title in quotation marks inside a sentence ("told MSNBC’s “Morning Joe”"), unless the
    // sentence is a headline, whose quotations are capitalized like the rest of it
    if (partial && isTitleCased(doc.text.slice(q.start, q.end)) && !isTitleCased(doc.text.slice(openSentence.start, q.open), Infinity)) continue;
    if (!cue && prev && !partial && (prev.paragraph === q.firstParagraph || carriesAcross(doc, prev.quote, q)) && prev.quote.speaker) {
      cue = { speaker: prev.quote.speaker };
    }
    // "Smith said on Monday. “…”" / "…, Smith told the crowd:\n\n“…”": the previous sentence's cue
    if (!cue && !partial && !(prev && prev.paragraph === q.firstParagraph)) {
      const ps = doc.sentences[sentenceAt(q.open) - 1];
      if (ps && (ps.paragraph === openSentence.paragraph || /:\s*$/.test(doc.text.slice(ps.start, ps.end)))) {
        const found = cueBefore(ctx, { ...q, open: ps.end }, ps.start);
        if (found?.speaker) cue = { speaker: found.speaker };
      }
    }
    // "“…” — Jane Doe, 34, of Dallas": a dash and a name after the quote
    if (!cue && q.close >= 0) {
      const dash = /^[\s,]*[—–―-]\s*/.exec(doc.text.slice(q.close + 1, q.close + 6));
      const at = dash ? q.close + 1 + dash[0].length : -1;
      const m = dash && mentionIn(ctx, at, afterLimit);
      if (m && m.start === at) cue = { speaker: { start: m.start, end: m.end, text: m.text, entity: m.entity } };
      else if (dash) {
        // a name the tagger missed: the capitalized words after the dash ("― Ana Lopez")
        const [from, to] = tokensBetween(doc, at, Math.min(afterLimit, doc.paragraphs[q.lastParagraph].end));
        let end = from;
        while (end < to && end - from < 6 && /^\p{Lu}[\p{L}.'’-]*$/u.test(doc.tokens[end].text)) end++;
        if (end > from && end - from <= 5 && doc.tokens[from].start === at) {
          const span = { start: doc.tokens[from].start, end: doc.tokens[end - 1].end };
          cue = { speaker: { ...span, text: doc.text.slice(span.start, span.end) } };
        }
      }
    }
    const quote: Quote = {
      id: '',
      start: q.start,
      end: q.end,
      text: doc.text.slice(q.start, q.end),
      direct: true,
      ...(cue?.speaker ? { speaker: cue.speaker } : {}),
      ...(cue?.cue ? { cue: cue.cue } : {}),
    };
    const addressee = vocative(ctx, q) ?? cue?.addressee;
    if (addressee && addressee !== quote.speaker?.entity) quote.addressee = addressee;
    out.push(quote);
    prev = { quote, paragraph: q.lastParagraph };
  }
  return out;
}

/** A paragraph that is nothing but a quote continues the previous paragraph's speaker. */
function carriesAcross(doc: Doc, prevQuote: Quote, q: QuoteMarks): boolean {
  const para = doc.paragraphs[q.firstParagraph];
  const prevPara = doc.paragraphs[q.firstParagraph - 1];
  if (!para || !prevPara || prevQuote.end < prevPara.start) return false;
  const outside = doc.text.slice(para.start, q.open) + doc.text.slice(q.close >= 0 ? q.close + 1 : q.end, para.end);
  return !/[\p{L}\p{N}]/u.test(outside);
}

/** Reported speech: "X said (that) CLAUSE", "CLAUSE, X said.", "according to X, CLAUSE". */
function indirectQuotes(ctx: Ctx): Quote[] {
  const { doc } = ctx;
  const toks = doc.tokens;
  const out: Quote[] = [];
  for (const s of doc.sentences) {
    const a = s.tokenStart;
    const b = s.tokenEnd;
    let lastEnd = b;
    while (lastEnd > a && isPunct(toks[lastEnd - 1])) lastEnd--;
    if (lastEnd <= a) continue;
    const clauseEnd = toks[lastEnd - 1].end;
    // "Sanders: Clinton email story has moved.", "TRUMP: The deaths …": a name, a colon, what it said
    const colon = colonAfterOpeningName(ctx, a, lastEnd);
    if (colon) pushIndirect(ctx, out, toks[colon.at + 1].start, clauseEnd, colon.speaker, { start: toks[colon.at].start, end: toks[colon.at].end, text: ':' });
    for (let j = a; j < lastEnd; j++) {
      if (ctx.tokenInQuote[j]) continue;
      const t = toks[j];
      const w = lowerAt(j);
      // "according to X, CLAUSE" / "CLAUSE, according to X."
      if (w === 'according' && toks[j + 1] && lowerAt(j + 1) === 'to') {
        const cue = { start: t.start, end: toks[j + 1].end, text: doc.text.slice(t.start, toks[j + 1].end) };
        if (j === a) {
          // "According to a new report by Politico, CLAUSE": the source runs to the first comma
          let comma = j + 2;
          while (comma < lastEnd && comma - j < 20 && toks[comma].text !== ',') comma++;
          if (comma >= lastEnd || toks[comma].text !== ',' || comma === j + 2) continue;
          const source = { start: toks[j + 2].start, end: toks[comma - 1].end };
          pushIndirect(ctx, out, toks[comma + 1]?.start ?? clauseEnd, clauseEnd, speakerFrom(ctx, source, 'start'), cue);
        } else if (j > a + 2 && j + 2 < lastEnd) {
          // "CLAUSE, according to a New York Times/Siena poll.": the source runs to the sentence's
          // end, or to a comma after which the sentence goes on, and has no verb of its own
          let k = j + 2;
          while (k < lastEnd && !CLAUSE_AUXILIARIES.has(lowerAt(k)) && !INDIRECT_VERBS.has(lowerAt(k)) && !/^[,;:—–―(]$/.test(toks[k].text)) k++;
          const comma = /^[,—–―-]$/.test(toks[j - 1].text);
          const source = { start: toks[j + 2].start, end: toks[k - 1].end };
          const speaker = speakerFrom(ctx, source, 'start');
          if (k === lastEnd) {
            // without a comma only a source that reports ("a count by the AP", "the FBI"), not "according to plan"
            const named = speaker?.entity !== undefined && speaker.end === source.end; // "the FBI", not "Trump's plan"
            if (comma || named || REPORTING_SOURCE.test(ctx.doc.text.slice(source.start, source.end))) {
              pushIndirect(ctx, out, s.start, toks[comma ? j - 1 : j].start, speaker, cue);
            }
          } else if (comma && toks[k].text === toks[j - 1].text && k + 3 < lastEnd) {
            // "In addition, according to the department, nearly nine million workers will …": the
            // clause after the source; "At the heart of it, according to Ross, was a decision …": all of it
            const shortLead = j - a <= 5;
            pushIndirect(ctx, out, shortLead ? toks[k + 1].start : s.start, clauseEnd, speaker, cue);
          }
        }
        continue;
      }
      const participle = PARTICIPLE_VERBS.has(w);
      const evidential = EVIDENTIAL_VERBS.has(w);
      if (!participle && !evidential && !INDIRECT_VERBS.has(w) && !DIRECTIVE_VERBS.has(w)) continue;
      if (nounUse(ctx, j, a)) continue;
      // a capital inside a sentence is a name's ("Colorado State University"), not a verb's,
      // unless the whole sentence is in title case ("Trump Says He Never Pledged To …")
      if (j > a && /^\p{Lu}/u.test(t.text) && (insideName(ctx, t) || !titleCase(ctx, a, lastEnd))) continue;
      const cue = { start: t.start, end: t.end, text: t.text };
      // "Clinton attacked Trump, saying he would appoint …": the sentence's subject speaks
      if (participle) {
        if (j - 1 <= a || toks[j - 1].text !== ',') continue;
        const start = complementStart(ctx, j, lastEnd);
        const speaker = openingSubject(ctx, j, a) ?? phraseSpeaker(ctx, npAfter(ctx, a, j));
        if (start > j && speaker) pushIndirect(ctx, out, toks[start].start, clauseEnd, speaker, cue);
        continue;
      }
      if (evidential) {
        if (j > a && lowerAt(j - 1) === 'to') continue; // "expected to find out": no finding reported
        // "A Bloomberg poll shows that …", "one study found Trump would raise taxes"
        const speaker = subjectBefore(ctx, j, a, false) ?? speakerFromNp(ctx, afterReportingVerb(ctx, npBefore(ctx, j, a)));
        const start = lowerAt(j + 1) === 'that' ? j + 2 : clauseWithAuxiliary(ctx, j + 1, lastEnd);
        if (speaker && start > j && start < lastEnd) pushIndirect(ctx, out, toks[start].start, clauseEnd, speaker, cue);
        continue;
      }
      // postposed: "CLAUSE, sources said." / "CLAUSE, said Putin."; not a verb that only directs
      // ("…, further intensifying calls for his release": a noun)
      const directiveOnly = !INDIRECT_VERBS.has(w);
      const comma = directiveOnly ? -1 : findPostposedComma(ctx, a, j, lastEnd);
      if (comma >= 0) {
        const np = j === comma + 1 ? npAfter(ctx, j + 1, lastEnd) : npBefore(ctx, j, comma + 1);
        if (np) pushIndirect(ctx, out, s.start, toks[comma].start, speakerFrom(ctx, np, j === comma + 1 ? 'start' : 'end'), cue);
        continue;
      }
      // preposed: "X said (that) CLAUSE", "X, a professor at Y, said CLAUSE"
      // "Melanie Mitchell, a professor at Yale, said": the name before the apposition, not the one in it
      const subj = (toks[j - 1]?.text === ',' ? appositiveSubject(ctx, j, a) : undefined) ?? subjectBefore(ctx, j, a, false);
      const speaker =
        subj ??
        // "Sen. Bernie Sanders (I-Vt.) said"
        (toks[j - 1]?.text === ')' ? subjectOfVerb(ctx, j, a) : undefined) ??
        speakerFromNp(ctx, npBefore(ctx, j, a)) ??
        // "Trump welcomed Khan's election and said he would …": the subject the sentence opens with
        (j - 1 > a && /^(?:and|but)$/.test(lowerAt(j - 1)) ? openingSubject(ctx, j, a) : undefined);
      if (!speaker) continue;
      // parenthetical: "The museum, Mr. Obama said, would make visitors face uncomfortable truths"
      // reports the whole sentence around it
      const speakerFirst = firstTokenWithTitle(ctx, speaker);
      if (!directiveOnly && toks[j + 1]?.text === ',' && speakerFirst - 1 > a + 1 && toks[speakerFirst - 1].text === ',' && j + 2 < lastEnd) {
        pushIndirect(ctx, out, s.start, clauseEnd, speaker, cue);
        continue;
      }
      const start = complementStart(ctx, j, lastEnd);
      if (start < 0) continue;
      pushIndirect(ctx, out, toks[start].start, clauseEnd, speaker, cue, addresseeAfterVerb(ctx, j, lastEnd).addressee);
    }
  }
  return out;
}

/** Whether the verb-like word at `j` is a noun by the words before it: "a report", "in a June report that …". */
function nounUse(ctx: Ctx, j: number, floor: number): boolean {
  if (j - 1 < floor) return false;
  if (DETERMINER_BEFORE_NOUN.has(lowerAt(j - 1))) return true;
  // a month or a year between: "a June report", "the 2015 report" (not "the FBI warned")
  const between = ctx.doc.tokens[j - 1]?.text ?? '';
  return j - 2 >= floor && (/^\p{Lu}\p{Ll}+$/u.test(between) && monthNumber(between) !== undefined || /^(?:19|20)\d\d$/.test(between)) && DETERMINER_BEFORE_NOUN.has(lowerAt(j - 2));
}

/** The part of a phrase after a reporting verb in it: "said the result" → "the result". */
function afterReportingVerb(ctx: Ctx, np: Span | undefined): Span | undefined {
  if (!np) return undefined;
  const [first, end] = tokenRange(ctx.doc, np);
  for (let k = end - 2; k >= first; k--) if (REPORTING_VERBS.has(lowerAt(k))) return { start: ctx.doc.tokens[k + 1].start, end: np.end };
  return np;
}

/** For "…, NP said [time]." at the end of a sentence: the comma's token index, else -1. */
function findPostposedComma(ctx: Ctx, a: number, verb: number, lastEnd: number): number {
  const toks = ctx.doc.tokens;
  // only a short adverbial may follow the verb ("said Friday", "said in a statement")
  if (lastEnd - verb > 5) return -1;
  // nor a clause with a verb of its own ("Mitchell, a professor at Yale, said the plan would fail")
  for (let k = verb + 1; k < lastEnd; k++) if (isPunct(toks[k]) || INDIRECT_VERBS.has(lowerAt(k)) || CLAUSE_AUXILIARIES.has(lowerAt(k))) return -1;
  for (let k = verb - 1; k > a && verb - k <= 8; k--) {
    if (toks[k].text === ',' || toks[k].text === '—') return k - a >= 3 ? k : -1;
    if (isPunct(toks[k]) && !/^[.&'’-]|['’]s$/.test(toks[k].text)) return -1;
  }
  return -1;
}

/** Where the reported clause after a verb begins: after "that", or at a clause-like start. */
function complementStart(ctx: Ctx, verb: number, lastEnd: number): number {
  const toks = ctx.doc.tokens;
  // a time right after the verb is no part of the clause: "said Thursday his biggest worry …",
  // "said on Tuesday (that) …"
  const at = afterTime(ctx, verb + 1, lastEnd);
  const w0 = at < lastEnd ? lowerAt(at) : '';
  // "said (in a statement on Tuesday) that …", "told reporters that …", "said, however, that …"
  if (w0 === 'that' || w0 === ',' || PREPOSITIONS.has(w0) || /ly$/.test(w0) || ADDRESSEE_VERBS.has(lowerAt(verb))) {
    for (let k = at; k < Math.min(lastEnd, at + 14); k++) {
      const w = lowerAt(k);
      if (w === 'that') return k + 1 < lastEnd ? k + 1 : -1;
      // a comma or a title's quotation marks ("told MSNBC’s “Morning Joe” that …") may come on the way
      // (a reporting verb's noun is no clause: "said in a June report that …")
      if (isPunct(toks[k]) && !/^(?:,|[“”"‘’]|''|``)$/.test(toks[k].text) || (REPORTING_VERBS.has(w) && !nounUse(ctx, k, at))) break;
      // "said after the convention he would not accept …": a prepositional phrase, then the clause
      if (k > at + 1 && PRONOUNS.has(w) && PREPOSITIONS.has(w0) && k + 1 < lastEnd && CLAUSE_AUXILIARIES.has(lowerAt(k + 1))) return k;
      // a clause of its own on the way: "said from day one we want …, and that is what …"
      if (k > at && (PRONOUNS.has(w) || (STOPS.has(w) && (!/^(?:and|or)$/.test(w) || toks[k - 1].text === ',')))) break;
    }
  }
  const next = toks[at];
  if (!next || at >= lastEnd) return -1;
  const w = w0;
  const v = lowerAt(verb);
  // "asked (Ryan) whether Republicans could hold the House": the question, from its wh-word
  if (ASK_FORMS.has(v)) {
    for (let k = at; k < Math.min(lastEnd - 2, at + 4); k++) {
      if (WH_WORDS.has(lowerAt(k))) return k;
      if (isPunct(toks[k])) break;
    }
  }
  // "pledged to push for an amendment", "vowed to fight on": what the speaker undertook
  if (COMMISSIVE_VERBS.has(v) && w0 === 'to' && at + 1 < lastEnd && /^\p{Ll}/u.test(toks[at + 1].text) && !determinerAt(at + 1)) return at;
  // "called on Trump to stop attacking her", "urged the council to act", "told his advisers to
  // find a way": the addressee and what they are to do
  if (DIRECTIVE_VERBS.has(v) || ASK_FORMS.has(v)) {
    const calls = v.startsWith('call');
    // "The report has prompted calls for …": after a verb or determiner "calls" is a noun
    if (v === 'calls' && (verb === 0 || mentionIn(ctx, ctx.doc.sentences[toks[verb].sentence].start, toks[verb - 1].end, toks[verb - 1].end)?.end !== toks[verb - 1].end)) return -1;
    // "the NAACP called for a moratorium on charter schools": what was demanded
    if (calls && w0 === 'for' && at + 1 < lastEnd && !/^\p{Lu}/u.test(toks[at + 1].text) && !isPunct(toks[at + 1])) return at + 1;
    if (calls && w0 !== 'on' && w0 !== 'upon') return -1;
    const np = calls ? at + 1 : at;
    for (let e = np + 1; e < Math.min(lastEnd - 1, np + 7); e++) {
      if (isPunct(toks[e])) break;
      if (lowerAt(e) === 'to' && /^\p{Ll}/u.test(toks[e + 1].text) && !determinerAt(e + 1)) return np;
    }
    if (calls || ASK_FORMS.has(v) || !INDIRECT_VERBS.has(v)) return -1;
  }
  if (ADDRESSEE_VERBS.has(lowerAt(verb))) {
    // "told reporters the plan would fail": the addressee, then a clause with its own verb
    if (PREPOSITIONS.has(w0) || STOPS.has(w0)) return -1; // "promised to reduce …"
    for (let k = at + 1; k < Math.min(lastEnd, at + 5); k++) {
      if (isPunct(toks[k]) && !/^[.&'’-]$/.test(toks[k].text) || STOPS.has(lowerAt(k))) return -1;
      const subject = complementLike(ctx, k, lastEnd) || /^(?:the|a|an|his|her|their|its|this|these|those)$/.test(lowerAt(k));
      if (subject && clauseWithAuxiliary(ctx, k, lastEnd) === k) return k;
    }
    return -1;
  }
  // a clause starts with a subject: pronoun, determiner or name, followed later by a verb
  if (/^(?:he|she|they|it|we|i|there|the|a|an|his|her|their|its|this|these|those|russia|no|some|many|all)$/.test(w) || /^\p{Lu}/u.test(next.text)) {
    if (/^(?:the|a|an)$/.test(w) && lastEnd - at < 4) return -1;
    return at;
  }
  // a condition before the reported clause: "said if he were president, DACA would be …"
  if (w === 'if' && conditionThenClause(ctx, at, lastEnd)) return at;
  // or with a bare noun phrase whose verb an auxiliary or modal marks a few words on ("said local
  // officials should act"); a comma right after the verb ("he said, local officials should") is skipped
  const from = w === ',' && at + 1 < lastEnd ? at + 1 : at;
  return /^\p{Ll}/u.test(toks[from].text) ? clauseWithAuxiliary(ctx, from, lastEnd) : -1;
}

/** a determiner after "to" makes it a preposition ("told reporters to the east …" is no deed) */
const determinerAt = (k: number): boolean => DETERMINERS.has(lowerAt(k)) || POSSESSIVE_DETERMINERS.has(lowerAt(k));
/** words that open a reported question */
const WH_WORDS = new Set(['whether', 'if', 'why', 'how', 'what', 'when', 'who', 'where', 'which']);

/** Token index after a time expression (with "on" before it) starting at token `from`, else `from`. */
function afterTime(ctx: Ctx, from: number, lastEnd: number): number {
  const toks = ctx.doc.tokens;
  const start = from < lastEnd && lowerAt(from) === 'on' ? from + 1 : from;
  if (start >= lastEnd) return from;
  const timex = ctx.timexAt.get(toks[start].start);
  if (!timex) return from;
  let k = start;
  while (k < lastEnd && toks[k].end <= timex.end) k++;
  return k > start && k < lastEnd ? k : from;
}

/** "if" at token `at` opens a condition that a comma closes before a clause with its own verb. */
function conditionThenClause(ctx: Ctx, at: number, lastEnd: number): boolean {
  const toks = ctx.doc.tokens;
  for (let k = at + 2; k < Math.min(lastEnd, at + 15); k++) {
    if (toks[k].text === ',') return clauseWithAuxiliary(ctx, k + 1, lastEnd) >= 0 || complementLike(ctx, k + 1, lastEnd);
    if (isPunct(toks[k])) return false;
  }
  return false;
}

/** A clause beginning at `from` with a pronoun or name subject and a verb-like word right after it. */
function complementLike(ctx: Ctx, from: number, lastEnd: number): boolean {
  if (from + 1 >= lastEnd) return false;
  const w = lowerAt(from);
  return (PRONOUNS.has(w) && w !== 'you' || w === 'there') && /^(?:\p{Ll}|['’](?:s|re|ll|d|ve|m)$)/u.test(ctx.doc.tokens[from + 1].text);
}

/** `from` when a clause starts there: a word that can begin one, and an auxiliary or modal within seven words. */
/** finite verbs of wanting, knowing and holding that open a reported clause without an auxiliary */
const STANCE_VERBS = new Set([
  'want', 'wants', 'wanted', 'need', 'needs', 'needed', 'know', 'knows', 'knew', 'think', 'thinks', 'thought',
  'believe', 'believes', 'believed', 'feel', 'feels', 'felt', 'support', 'supports', 'supported', 'oppose', 'opposes',
  'opposed', 'expect', 'expects', 'expected', 'hope', 'hopes', 'hoped', 'remain', 'remains', 'remained', 'tend',
  'tends', 'tended', 'like', 'likes', 'liked', 'prefer', 'prefers', 'preferred', 'see', 'sees', 'saw',
]);

function clauseWithAuxiliary(ctx: Ctx, from: number, lastEnd: number): number {
  const toks = ctx.doc.tokens;
  if (from >= lastEnd || isPunct(toks[from]) || NOT_CLAUSE_STARTS.has(lowerAt(from))) return -1;
  for (let k = from + 1; k < Math.min(lastEnd, from + 8); k++) {
    if (isPunct(toks[k])) return -1;
    if (CLAUSE_AUXILIARIES.has(lowerAt(k))) return from;
    // "said parents still want neighborhood schools": a bare subject and a verb of stance
    if (STANCE_VERBS.has(lowerAt(k)) && k - from <= 3) return from;
    // "he's", "they'll": a contracted auxiliary after a pronoun
    if (/^['’](?:s|re|ll|d|ve|m)$/.test(lowerAt(k)) && PRONOUNS.has(lowerAt(k - 1))) return from;
  }
  return -1;
}

/** A speaker from a noun phrase, if there is one. */
/** The speaker a noun phrase names: the entity of its head mention, else the phrase ("The New York businessman"). */
function phraseSpeaker(ctx: Ctx, np: Span | undefined): SpeakerRef | undefined {
  if (!np) return undefined;
  // the whole subject: a verb follows it ("The senator has praised", not "The New York| businessman")
  const [first, after] = tokenRange(ctx.doc, np);
  const next = after < ctx.doc.tokens.length ? lowerAt(after) : '';
  if (PREPOSITIONS.has(lowerAt(first)) || STOPS.has(lowerAt(first))) return undefined; // "Despite …"
  if (!CLAUSE_AUXILIARIES.has(next) && !/^\p{Ll}+ed$/u.test(next) && !PAST_VERBS.has(next)) return undefined;
  const speaker = speakerFrom(ctx, np, 'end');
  if (!speaker || !speaker.entity || speaker.end === np.end) return speaker;
  const text = ctx.doc.text.slice(np.start, np.end);
  return /^(?:the|a|an)\s/i.test(text) ? { start: np.start, end: np.end, text } : undefined;
}

const speakerFromNp = (ctx: Ctx, np: Span | undefined): SpeakerRef | undefined => (np ? speakerFrom(ctx, np, 'end') : undefined);

function pushIndirect(ctx: Ctx, out: Quote[], start: number, end: number, speaker: SpeakerRef | undefined, cue: TextSpan, addressee?: string): void {
  const text = ctx.doc.text;
  let s = start;
  let e = end;
  while (s < e && /[\s,]/.test(text[s])) s++;
  while (e > s && /[\s,.;:]/.test(text[e - 1])) e--;
  if (wordCount(text.slice(s, e)) < 3) return;
  // spans that hold a direct quote are already reported as direct quotes; a few quoted words
  // inside reported speech ("said he was “troubled” by it") are a partial quote, part of it
  for (const m of ctx.marks) if (m.open >= s && m.open < e && (m.close < 0 || m.close >= e || wordCount(text.slice(m.start, m.end)) > PARTIAL_QUOTE_WORDS)) return;
  if (ctx.insideQuote(s)) return;
  out.push({
    id: '',
    start: s,
    end: e,
    text: text.slice(s, e),
    direct: false,
    ...(speaker ? { speaker } : {}),
    cue,
    ...(addressee && addressee !== speaker?.entity ? { addressee } : {}),
  });
}

/** Fills doc.quotes. Reads the entity layer with coreference's pronoun/description mentions. */
/** Whether a reporting verb comes at token `k`, after any adverbs ("has previously said"). */
function reportingVerbAfter(k: number): boolean {
  while (k < lowered.length && ADVERBS_BEFORE_VERB.has(lowerAt(k))) k++;
  return k < lowered.length && REPORTING_VERBS.has(lowerAt(k));
}

export function extractQuotes(doc: Doc): Quote[] {
  const marks = findQuoteMarks(doc);
  const mentions = doc.entities.flatMap((e: Entity) => e.mentions).sort((a, b) => a.start - b.start || b.end - a.end);
  const table = tokenTable(doc);
  lowered = table.lows;
  const entityById = new Map(doc.entities.map((e) => [e.id, e]));
  const ctx: Ctx = { doc, mentions, insideQuote: quoteTester(marks), tokenInQuote: tokensInQuotes(table.starts, marks), marks, entityById, timexAt: new Map(doc.timexes.map((t) => [t.start, t])) };
  const direct = directQuotes(ctx);
  const indirect = indirectQuotes(ctx).filter((q) => !direct.some((d) => d.start < q.end && q.start < d.end));
  const all = [...direct, ...indirect].sort((a, b) => a.start - b.start || a.end - b.end);
  // one quote per span: overlapping indirect readings keep the first
  const kept: Quote[] = [];
  for (const q of all) {
    const last = kept[kept.length - 1];
    if (last && !q.direct && q.start < last.end) continue;
    kept.push(q);
  }
  continueSpeakers(ctx, kept);
  kept.forEach((q, i) => (q.id = `QT${i + 1}`));
  return kept;
}

/**
 * "he said" after a quotation that coreference left unresolved (the sentences before it are
 * quoted, so no name is in reach): news goes on quoting the person it last quoted. The speaker is
 * that quote's when it is a person of the pronoun's gender (or of none known), quoted in this
 * paragraph or the one before, with no other person named outside quotation marks in between.
 */
function continueSpeakers(ctx: Ctx, quotes: Quote[]): void {
  const byId = ctx.entityById;
  const paragraphAt = spanLocator(ctx.doc.paragraphs);
  const names = ctx.mentions.filter((m) => m.kind === 'name' && byId.get(m.entity)?.type === 'Person' && !ctx.insideQuote(m.start));
  let last: Quote | undefined;
  for (const q of quotes) {
    const sp = q.speaker;
    const gender = sp && !sp.entity ? ({ he: 'male', she: 'female' } as const)[sp.text.toLowerCase()] : undefined;
    if (sp && gender && last?.speaker?.entity) {
      const person = byId.get(last.speaker.entity);
      const near = paragraphAt(sp.start) - paragraphAt(last.start) <= 1;
      const between = names.some((n) => n.start > last!.end && n.start < sp.start && n.entity !== person?.id);
      if (person?.type === 'Person' && (person.gender ?? gender) === gender && near && !between) sp.entity = person.id;
    }
    // the last quote with any speaker: one whose speaker names no entity ends the run
    if (q.speaker) last = q;
  }
}

export const quoteExtractor: Component = {
  name: 'quotes',
  reads: ['entities', 'tokens', 'sentences', 'paragraphs'],
  writes: ['quotes'],
  run(doc: Doc): void {
    doc.quotes = extractQuotes(doc);
  },
};
