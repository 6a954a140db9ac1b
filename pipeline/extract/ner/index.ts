/**
 * Named-entity tagger component: fills doc.names with PER/ORG/LOC/MISC mentions.
 * See MODEL.md for the model, its training data and its scores.
 */
import { readFileSync } from 'node:fs';
import type { Component, Doc, NameMention, NerLabel } from '../document.ts';
import { spansFromBilou, type GoldSpan } from './conll.ts';
import { deserializeModel, type LoadedModel } from './model.ts';
import { tagDocument } from './tagger.ts';
import { acronymKey, acronymOf, FEMALE_FIRST_NAMES, firstNameGender, isFirstName, MALE_FIRST_NAMES, looksLikeAcronym, METONYM_ORGANIZATIONS, ORGANIZATION_HEADS, TITLE_WORDS } from '../entities/lexicon.ts';
import { HOLIDAY_NAMES } from '../time/lexicon.ts';
import { COUNTRY_NAMES, isGroupWord } from '../relations/demonyms.ts';
import knownOrganizations from './model/organizations.json' with { type: 'json' };

const MODEL_URL = new URL('./model/ner.model.json.gz', import.meta.url);

let cached: LoadedModel | undefined;

/**
 * The model, read on first use and kept for the life of the process. `path` (evaluation of
 * another model file) replaces the cached model.
 */
export function loadNerModel(path?: string): LoadedModel {
  if (path !== undefined) cached = deserializeModel(readFileSync(path));
  cached ??= deserializeModel(readFileSync(MODEL_URL));
  return cached;
}

/** Tags the document's tokens, sentence by sentence, and returns the name mentions. */
export function findNames(doc: Doc): NameMention[] {
  const model = loadNerModel();
  const sentences: string[][] = [];
  for (const s of doc.sentences) {
    const words: string[] = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) words.push(doc.tokens[i].text);
    sentences.push(words);
  }
  const { tags, probs } = tagDocument(model, { sentences });
  const names: NameMention[] = [];
  doc.sentences.forEach((s, si) => {
    for (const span of nameSpans(sentences[si], tags[si])) {
      const first = doc.tokens[s.tokenStart + span.start];
      const last = doc.tokens[s.tokenStart + span.end - 1];
      let confidence = 1;
      for (let i = span.start; i < span.end; i++) confidence = Math.min(confidence, probs[si][i]);
      names.push({
        start: first.start,
        end: last.end,
        text: doc.text.slice(first.start, last.end),
        label: span.type as NerLabel,
        tokenStart: first.index,
        tokenEnd: last.index + 1,
        confidence: Math.round(confidence * 1000) / 1000,
      });
    }
  });
  return withoutCurrencyPrefixes(doc.text, withoutPartyDesignations(doc.text, withAcronymsOfNames(doc, names)));
}

/** whether `word` occurs in `text` as a whole word */
const wholeWordIn = (text: string, word: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/\./g, '\\.')}(?![\\p{L}\\p{N}])`, 'u').test(text);

/**
 * "GM" in an article that names "General Motors": an all-caps word outside every span that spells
 * the initials of an organization or place the tagger found in the document is that name's
 * acronym. The tagger, trained on Reuters text whose headlines are in capitals, reads many such
 * words by their lower-case form ("gm", "ge" are on its word list) and leaves them out.
 */
export function withAcronymsOfNames(doc: Doc, names: NameMention[]): NameMention[] {
  const labelOf = new Map<string, NerLabel | null>(); // null: names of two labels share the initials
  for (const n of names) {
    if ((n.label !== 'ORG' && n.label !== 'LOC') || n.tokenEnd - n.tokenStart < 2) continue;
    const acr = acronymOf(doc.tokens.slice(n.tokenStart, n.tokenEnd).map((t) => t.text));
    if (acr && acr.length <= 6) labelOf.set(acr, labelOf.has(acr) && labelOf.get(acr) !== n.label ? null : n.label);
  }
  if (labelOf.size === 0) return names;
  const covered = new Uint8Array(doc.tokens.length);
  for (const n of names) covered.fill(1, n.tokenStart, n.tokenEnd);
  const capitalized = (i: number): boolean => i >= 0 && i < doc.tokens.length && /^\p{Lu}/u.test(doc.tokens[i].text);
  const added: NameMention[] = [];
  for (const s of doc.sentences) {
    let headline: boolean | undefined;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const c = doc.tokens[i].text.charCodeAt(0);
      if (covered[i] || c < 65 || c > 90) continue;
      // the tokenizer splits "J&J" in three
      let end = i + 1;
      while (end < s.tokenEnd && doc.tokens[end].start === doc.tokens[end - 1].end && /^[\p{Lu}&.]+$/u.test(doc.tokens[end].text)) end++;
      const start = doc.tokens[i].start;
      const text = doc.text.slice(start, doc.tokens[end - 1].end);
      if (text.length > 8 || !looksLikeAcronym(text) || covered.subarray(i, end).includes(1)) continue;
      const label = labelOf.get(acronymKey(text));
      // not part of a longer name ("the U.S. Open", "IAAF Grand Prix"), nor a word in capitals ("( IN )")
      if (!label || capitalized(end) || (i > s.tokenStart && capitalized(i - 1)) || wholeWordIn(doc.text, text.toLowerCase())) continue;
      // a headline in capitals has no acronyms to tell apart
      headline ??= !/\p{Ll}/u.test(doc.text.slice(doc.tokens[s.tokenStart].start, doc.tokens[s.tokenEnd - 1].end));
      if (headline) break;
      added.push({ start, end: doc.tokens[end - 1].end, text, label, tokenStart: i, tokenEnd: end });
      i = end - 1;
    }
  }
  return added.length === 0 ? names : [...names, ...added].sort((a, b) => a.start - b.start);
}

/** "US$25,000", "HK$3m": the letters before a dollar sign name a currency, not a place */
export function withoutCurrencyPrefixes(text: string, names: NameMention[]): NameMention[] {
  return names.some((n) => text[n.end] === '$') ? names.filter((n) => !(text[n.end] === '$' && /^[A-Z]{1,3}$/.test(n.text))) : names;
}

/**
 * A US legislator's party and state, "(D-N.Y.)", ", R-Ky.,", "(I-Vt.)", names no entity of its
 * own: the tagger, which never saw them in Reuters text, made organizations of "D-N" and "Y." and
 * a place of "R-Ky".
 */
export const PARTY_DESIGNATION = String.raw`[DRI]-(?:[A-Z]\.[A-Z]\.|[A-Z][a-z]{0,5}\.?|[A-Z]{2})`;
const PARTY_DESIGNATION_RE = new RegExp(String.raw`(?<![\p{L}\p{N}-])${PARTY_DESIGNATION}(?=[\s,;)]|$)`, 'gu');

export function withoutPartyDesignations(text: string, names: NameMention[]): NameMention[] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(PARTY_DESIGNATION_RE)) spans.push([m.index, m.index + m[0].length]);
  if (!spans.length) return names;
  return names.filter((n) => !spans.some(([s, e]) => n.start < e && s < n.end));
}

const isCapitalized = (w: string): boolean => /^\p{Lu}/u.test(w);
/** a word as the lexicons list it: lower case, without an abbreviation's period */
const lexiconForm = (w: string): string => w.toLowerCase().replace(/\.$/, '');

/**
 * The tagger's spans of one sentence, with titles and honorifics taken out of people's names, and
 * without holidays, party adjectives and competitions, also where a split leaves one ("Tory" of
 * "Tory MP Peter Luff").
 */
function nameSpans(words: string[], tags: Uint8Array): GoldSpan[] {
  const spans = withJoinedOrganizations(words, withSeatsOfPower(words, withUntaggedFirms(words, withKnownOrganizations(words, spansFromBilou(tags)))));
  // each span through every rule in turn, without an array per rule: this runs for every sentence
  const out: GoldSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    let span = withHyphenatedGivenName(words, spans[i], spans[i + 1]);
    span = countryAbbreviationAsPlace(words, span);
    span = demonymAsMisc(words, span);
    span = camelCaseOrganization(words, span);
    span = knownOrganization(words, span);
    if (isEventName(words, span)) span = { ...span, type: 'MISC' };
    for (const cut of cutAtLowerCase(words, span).flatMap((c) => splitAtCommas(words, c))) {
      for (const titled of splitTitledName(words, withoutTrailingTitle(words, cut))) {
        for (const t of stripHonorific(words, titled)) {
          if (!isHoliday(words, t) && !isPartyAdjective(words, t) && !isCompetition(words, t) && !isCommonAcronym(words, t)) out.push(t);
        }
      }
    }
  }
  return out;
}

/**
 * An organization's head noun that a phrase with "for", "of" or "on" completes ("Commission for …",
 * "Bank of …"); not a firm's legal form, after which "of" gives its seat ("… Inc of St. Petersburg").
 */
const isJoiningHead = (w: string): boolean => {
  const lower = w.toLowerCase();
  return lower === 'bank' || lower === 'office' || (ORGANIZATION_HEADS.has(lower) && !LEGAL_FORMS.has(lower));
};
const LEGAL_FORMS = new Set(['corp', 'inc', 'ltd', 'plc', 'llc', 'corporation', 'company', 'group']);

/**
 * "Commission for Racial Equality", "Royal Bank of Scotland", "Office for National Statistics": a
 * name ending in an organization's head noun, then "for", "of" or "on" and a name that is no
 * person, is one organization. The tagger, which stops at lower-case words, often splits them in two.
 */
export function withJoinedOrganizations(words: string[], spans: GoldSpan[]): GoldSpan[] {
  if (spans.length < 2) return spans;
  const out: GoldSpan[] = [];
  for (const b of spans) {
    const a = out[out.length - 1];
    // a place after a long name is where it is ("the Evergreen Aviation & Space Museum of McMinnville")
    const joins = a && b.start === a.end + 1 && b.type !== 'PER' && (b.type !== 'LOC' || a.end - a.start <= 2) && /^(?:for|of|on)$/.test(words[a.end]) && isJoiningHead(words[a.end - 1]);
    if (joins) out[out.length - 1] = { start: a.start, end: b.end, type: 'ORG' };
    else out.push(b);
  }
  return out;
}

/** a Cantonese or Korean given name after the family name: "Kwok-kin", "Jong-un", "Chun-ying" —
 * two short syllables, not an English compound ("Kong-based", "Cup-winning") */
const HYPHENATED_GIVEN_NAME_RE = /^\p{Lu}\p{Ll}{1,5}-(?!(?:based|listed|led|run|born|owned|style|like|made|wide|era|area|type|class)$)\p{Ll}{1,5}$/u;

/**
 * "Wong Kwok-kin of the FTU": a one-word person followed by a hyphenated given name is the family
 * name of a Chinese or Korean name written family name first. The tagger, which saw few such names
 * in Reuters text, sometimes stops after the family name, and the entity layer then takes every
 * "Wong" of the article for one person.
 */
export function withHyphenatedGivenName(words: string[], span: GoldSpan, next: GoldSpan | undefined): GoldSpan {
  // "Kwok Wai-keung" typed as an organization: a short family name and a hyphenated given name
  if (span.type !== 'PER' && span.end - span.start === 2 && /^\p{Lu}\p{Ll}{1,5}$/u.test(words[span.start]) && HYPHENATED_GIVEN_NAME_RE.test(words[span.start + 1])) {
    return { ...span, type: 'PER' };
  }
  if (span.type !== 'PER' || span.end - span.start !== 1 || span.end >= words.length) return span;
  if (next && next.start === span.end) return span;
  return HYPHENATED_GIVEN_NAME_RE.test(words[span.end]) ? { ...span, end: span.end + 1 } : span;
}

/** first words of the names of battles, sieges, wars and treaties: "Battle of Gettysburg" */
const EVENT_HEADS = new Set(['Battle', 'Siege', 'War', 'Treaty', 'Massacre']);

/**
 * "the Battle of Antietam", "the Treaty of Versailles": an event's or treaty's name, CoNLL's MISC,
 * which the tagger, reading the place after "of", typed ORG or LOC.
 */
export function isEventName(words: string[], span: GoldSpan): boolean {
  return span.end - span.start > 2 && EVENT_HEADS.has(words[span.start]) && words[span.start + 1] === 'of';
}

/** last words of the names of competitions and sports events ("World Cup", "US Open", "Athens Olympics") */
const COMPETITION_WORDS = new Set(['Cup', 'Championship', 'Championships', 'Olympics', 'Open', 'Trophy', 'Masters', 'Classic', 'Series', 'Prix', 'Rally', 'Premiership']);

/**
 * A span naming a competition is an event, CoNLL's MISC, not an organization or a place: in the
 * training text every name ending in "Cup" (86), "Open" (67) or "Olympics" (10) is MISC, yet the
 * tagger, reading the words before, made 16 organizations of "Athens Olympics" over BBC.
 */
export function isCompetition(words: string[], span: GoldSpan): boolean {
  return COMPETITION_WORDS.has(words[span.end - 1]);
}

/**
 * Acronyms of common nouns, which name no one: offices and honours ("MP", "QC", "OBE"), things and
 * measures ("PC", "SUV", "GDP", "GMT"), diseases ("HIV", "TB"). The tagger reads them by their
 * shape, that of "BBC" and "IMF": over BBC it made 29 people, organizations and places of "MP".
 */
const COMMON_ACRONYMS = new Set([
  'MP', 'MPs', 'MEP', 'MEPs', 'MSP', 'MSPs', 'AM', 'AMs', 'QC', 'PM', 'CEO', 'CEOs', 'CFO', 'COO', 'MBE', 'OBE', 'CBE',
  'PC', 'PCs', 'TV', 'TVs', 'CD', 'CDs', 'DVD', 'DVDs', 'VHS', 'LCD', 'SUV', 'SUVs', 'ATM', 'ATMs', 'SMS', 'GSM', 'MP3',
  'PDF', 'USB', 'HDTV', 'ISP', 'ISPs', 'ICT', 'IT', 'ID', 'DNA', 'MRI', 'WMD', 'LNG', 'LPG', 'UFO', 'NGO', 'NGOs',
  'IPO', 'IPOs', 'AGM', 'EGM', 'PR', 'CFD', 'CFDs', 'PFI', 'VAT', 'GDP', 'GNP', 'CPI', 'RPI', 'PPI', 'FDI', 'EPS',
  'GMT', 'BST', 'EST', 'HIV', 'AIDS', 'SARS', 'TB', 'AWOL', 'ASBO', 'ASBOs', 'GCSE', 'GCSEs', 'WWII', 'WWI',
]);

/** A span that is only a common noun's acronym. */
export function isCommonAcronym(words: string[], span: GoldSpan): boolean {
  return span.end - span.start === 1 && COMMON_ACRONYMS.has(words[span.start]);
}

/** words for a party's or faction's members and views ("Tory MPs", "a Blairite"), as CoNLL's MISC */
const PARTY_ADJECTIVES = new Set(['tory', 'whig', 'labourite', 'blairite', 'brownite', 'thatcherite', 'corbynite']);

/**
 * A span that is only a party adjective is not a person: the tagger, which never saw "Tory" in
 * its training text, took it for the first name and made 44 people of it over BBC.
 */
export function isPartyAdjective(words: string[], span: GoldSpan): boolean {
  return span.end - span.start === 1 && PARTY_ADJECTIVES.has(words[span.start].toLowerCase());
}

/** lower-case words that stand inside names: "Bank of England", "Friends of the Earth", "bin Laden" */
const NAME_INNER_WORDS = new Set([
  'of', 'the', 'and', 'for', 'on', 'in', 'at', 'de', 'del', 'della', 'der', 'den', 'des', 'di', 'da', 'do', 'dos', 'das',
  'du', 'la', 'le', 'les', 'van', 'von', 'y', 'e', 'bin', 'ibn', 'al', 'el', 'upon', 'sur', 'am', 'an', 'und', '&', "'s", '’s',
]);
/** words a name may end with, in lower case: "Sinn Fein's" no, but "Queen's" yes — only the clitic */
const NAME_FINAL_LOWER = new Set(["'s", '’s']);

/**
 * A name does not run on into lower-case words: the tagger, from the context, sometimes carries a
 * name over into the verb phrase after it ("Bank remains concerned about the long-term" for "the
 * Bank remains concerned about the long-term risks"). The span is cut before the first lower-case
 * word that cannot stand inside a name (particles, "of", "and" can; "al-Qaeda", "eBay" are not
 * plain lower-case words), and loses the connecting words and the punctuation left at its end.
 */
export function cutAtLowerCase(words: string[], span: GoldSpan): GoldSpan[] {
  let end = span.end;
  for (let i = span.start + 1; i < span.end; i++) {
    const w = words[i];
    if (/^\p{Ll}+$/u.test(w) && !NAME_INNER_WORDS.has(w)) {
      end = i;
      break;
    }
  }
  while (end > span.start + 1 && /^\p{Ll}/u.test(words[end - 1]) && !NAME_FINAL_LOWER.has(words[end - 1]) && NAME_INNER_WORDS.has(words[end - 1])) end--;
  // nor over the sentence's final stop ("a Liberal Democrat.")
  while (end > span.start + 1 && /^[.,;:!?]$/.test(words[end - 1])) end--;
  if (end === span.end) return [span];
  return [{ ...span, end }];
}

/**
 * A name does not run over a comma: "Fathi Bin Shatwan, Libya's oil minister" and lists ("RJ
 * Reynolds Tobacco, Lorillard Tobacco", "Moody, Back, Corry") came out as one span. Each part keeps
 * the span's type, except a country (LOC) and a person's name with a known first name (PER).
 * Brackets stay: CoNLL's clubs are "Mladost ( L )".
 */
export function splitAtCommas(words: string[], span: GoldSpan): GoldSpan[] {
  const isBreak = (w: string): boolean => w === ',' || w === ';';
  if (!words.slice(span.start, span.end).some(isBreak)) return [span];
  const out: GoldSpan[] = [];
  let from = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i < span.end && !isBreak(words[i])) continue;
    if (i > from) out.push({ start: from, end: i, type: partType(words, from, i, span.type) });
    from = i + 1;
  }
  return out;
}

/** the type of a part of a span split at a comma: a country is LOC, a name with a known first name PER */
function partType(words: string[], start: number, end: number, type: string): string {
  if (end - start === 1 && COUNTRY_NAMES.has(words[start].toLowerCase())) return 'LOC';
  if (end - start > 1 && firstNameGender(lexiconForm(words[start])) !== undefined) return 'PER';
  return type;
}

/** lower-cased names of well-known organizations and teams (organizations-build.ts) */
const KNOWN_ORGANIZATIONS: ReadonlySet<string> = new Set(knownOrganizations);

/** the known names by their first word, as token sequences ("coca cola" → ["coca", "cola"]) */
const KNOWN_BY_FIRST_WORD: ReadonlyMap<string, string[][]> = (() => {
  const out = new Map<string, string[][]>();
  for (const name of KNOWN_ORGANIZATIONS) {
    const words = name.split(' ');
    const list = out.get(words[0]) ?? [];
    list.push(words);
    out.set(words[0], list);
  }
  for (const list of out.values()) list.sort((a, b) => b.length - a.length);
  return out;
})();

/** last words of newspapers' names, capitalized */
const NEWSPAPER_WORDS = new Set(['Gazette', 'Times', 'Post', 'Herald', 'Journal', 'Tribune', 'Telegraph', 'Chronicle', 'Observer', 'Guardian', 'Inquirer', 'Courier', 'Dispatch', 'Examiner', 'News']);

/** parties' nicknames: the party itself, not its members' adjective ("Tory", CoNLL's MISC) */
const PARTY_NICKNAMES = new Set(['Tories', 'GOP']);

/** newspapers named by one word after "the" */
const ONE_WORD_PAPERS = new Set(['Times', 'Guardian', 'Observer', 'Telegraph', 'Independent', 'Mirror', 'Sun', 'Mail', 'Express', 'Herald', 'Scotsman', 'Economist', 'Star']);

/** newspapers' words that are also surnames ("Jim Courier", "Emily Post") */
const SURNAME_LIKE_PAPERS = new Set(['Post', 'Courier', 'Herald', 'Guardian', 'Observer']);

/** Whether a lower-cased name is one of the well-known organizations. */
export const isKnownOrganization = (lower: string): boolean => KNOWN_ORGANIZATIONS.has(lower);

/** the known names without spaces: "walmart", "cocacola", "ebay" */
const KNOWN_COMPACT: ReadonlySet<string> = new Set([...KNOWN_ORGANIZATIONS].map((name) => name.replace(/ /g, '')));

/**
 * One token that is a known name written with a hyphen or period, or in camel case: "Wal-Mart",
 * "Coca-Cola", "eBay".
 */
const isKnownAsOneWord = (w: string): boolean =>
  (w.includes('-') || w.includes('.') || hasInnerCapital(w)) && KNOWN_COMPACT.has(w.toLowerCase().replace(/[-.]/g, ''));

/** whether an ASCII capital follows the first letter: a cheap filter before the regular expressions, run on every token */
function hasInnerCapital(w: string): boolean {
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/**
 * A span that is exactly a well-known organization's name is an organization: the tagger, trained
 * on 1996 Reuters text, reads "Google" as MISC, "Twitter" as a person and "Toyota" as a place in
 * a third of their mentions over BBC. Hyphens and periods count as spaces ("Coca-Cola"), or as
 * nothing in one word ("Wal-Mart" for Walmart).
 */
export function knownOrganization(words: string[], span: GoldSpan): GoldSpan {
  if (span.type === 'ORG') return span;
  // "the Saudi Gazette", "the Jerusalem Post": a place or person's name before a newspaper's word
  // (not "Jim Courier": a person's first name before it)
  const last = words[span.end - 1];
  if ((span.type === 'LOC' || span.type === 'PER') && span.end - span.start > 1 && NEWSPAPER_WORDS.has(last) && !(span.type === 'PER' && SURNAME_LIKE_PAPERS.has(last) && isFirstName(lexiconForm(words[span.start])))) {
    return { ...span, type: 'ORG' };
  }
  // "the Tories", "the GOP": a party's nickname, which the tagger read as MISC like "Tory"
  if (span.end - span.start === 1 && PARTY_NICKNAMES.has(words[span.start])) return { ...span, type: 'ORG' };
  // "the Observer", "the Mail": a newspaper's one word after "the" (not "Jim Courier", "Emily Post")
  if (span.end - span.start === 1 && span.start > 0 && /^the$/i.test(words[span.start - 1]) && ONE_WORD_PAPERS.has(words[span.start])) return { ...span, type: 'ORG' };
  // "Wikinews", "Euronews": one word ending in "news" is a news service
  if (span.end - span.start === 1 && /^\p{Lu}\p{L}+news$/u.test(words[span.start])) return { ...span, type: 'ORG' };
  if (span.end - span.start === 1 && isKnownAsOneWord(words[span.start])) return { ...span, type: 'ORG' };
  // most spans fail on their first word, before any string is built
  const first = words[span.start].toLowerCase();
  const dash = first.search(/[-.]/);
  if (!KNOWN_BY_FIRST_WORD.has(dash > 0 ? first.slice(0, dash) : first)) return span;
  const key = words.slice(span.start, span.end).join(' ').toLowerCase().replace(/[-.]/g, ' ').replace(/\s+/g, ' ').trim();
  return KNOWN_ORGANIZATIONS.has(key) ? { ...span, type: 'ORG' } : span;
}

/**
 * One word of two or more capitalized parts, "GlaxoSmithKline", "DaimlerChrysler", "WorldCom": a
 * firm's name (not "McDonald", "MacArthur", "DeLay", nor "PhD", "MoD").
 */
const CAMEL_CASE_NAME_RE = /^(?!(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von)\p{Lu})(?:\p{Lu}\p{Ll}+){2,}$/u;
const isCamelCaseName = (w: string): boolean => w.length > 3 && hasInnerCapital(w) && CAMEL_CASE_NAME_RE.test(w);

/**
 * A one-word name in camel case is an organization: the tagger made a person of "DaimlerChrysler"
 * in 15 of its 18 mentions over BBC.
 */
export function camelCaseOrganization(words: string[], span: GoldSpan): GoldSpan {
  return span.type === 'PER' && span.end - span.start === 1 && isCamelCaseName(words[span.start]) ? { ...span, type: 'ORG' } : span;
}

/**
 * "Google said on Monday it would appeal": a well-known organization's name, every word
 * capitalized (or one word in camel case: "eBay", "GlaxoSmithKline"), that the tagger left outside any span (at a sentence's start it has no capital to go
 * by) becomes an ORG span. Spans stay in order.
 */
export function withKnownOrganizations(words: string[], spans: GoldSpan[]): GoldSpan[] {
  let out: GoldSpan[] | undefined;
  let next = 0; // index of the first span that ends after token i
  for (let i = 0; i < words.length; i++) {
    while (next < spans.length && spans[next].end <= i) next++;
    if (next < spans.length && spans[next].start <= i) continue;
    const w = words[i];
    // a capital first: cheap for ASCII, the Unicode test only for other letters
    const c = w.charCodeAt(0);
    const capital = (c >= 65 && c <= 90) || (c >= 128 && /^\p{Lu}/u.test(w));
    if (!capital && (c < 97 || c > 122)) continue;
    if (isKnownAsOneWord(w) || (capital && isCamelCaseName(w))) {
      out ??= spans.slice();
      out.push({ start: i, end: i + 1, type: 'ORG' });
      continue;
    }
    if (!capital) continue;
    const candidates = KNOWN_BY_FIRST_WORD.get(w.toLowerCase());
    if (!candidates) continue;
    const limit = next < spans.length ? spans[next].start : words.length;
    const match = candidates.find((name) => i + name.length <= limit && name.every((nw, k) => /^\p{Lu}|^\d/u.test(words[i + k]) && words[i + k].toLowerCase() === nw));
    if (!match) continue;
    out ??= spans.slice();
    out.push({ start: i, end: i + match.length, type: 'ORG' });
    i += match.length - 1;
  }
  return out ? out.sort((a, b) => a.start - b.start) : spans;
}

/** last words that make a run of capitalized words a firm's name: "May Department Stores", "Acme Widgets Inc" */
const FIRM_SUFFIXES = new Set(['Inc', 'Inc.', 'Corp', 'Corp.', 'Ltd', 'Ltd.', 'plc', 'PLC', 'LLC', 'Holdings', 'Airlines', 'Stores', 'Industries', 'Bancorp', 'AG', 'GmbH']);
const RUN_DETERMINERS = new Set(['The', 'A', 'An']);

/**
 * "rival May Department Stores": capitalized words the tagger left outside any name, ending in a
 * firm's legal form or kind ("Inc", "Holdings", "Stores"), are an organization. The tagger reads
 * "May" as a month and the rest as ordinary capitalized words.
 */
export function withUntaggedFirms(words: string[], spans: GoldSpan[]): GoldSpan[] {
  let out: GoldSpan[] | undefined;
  let next = 0;
  for (let i = 0; i < words.length; i++) {
    if (!FIRM_SUFFIXES.has(words[i])) continue;
    while (next < spans.length && spans[next].end <= i) next++;
    if (next < spans.length && spans[next].start <= i) continue;
    const floor = next > 0 ? spans[next - 1].end : 0;
    let start = i;
    while (start > floor && /^(?:\p{Lu}|\d)/u.test(words[start - 1])) start--;
    if (start < i && RUN_DETERMINERS.has(words[start])) start++;
    if (start === i) continue;
    out ??= spans.slice();
    out.push({ start, end: i + 1, type: 'ORG' });
  }
  return out ? out.sort((a, b) => a.start - b.start) : spans;
}

/**
 * A word for a nationality, a place's people or a religious or ethnic group standing alone ("the
 * Dane", "a Scot", "the 25-year-old Dubliner", "Welsh", "Muslims") is CoNLL's MISC, never a person,
 * organization or place: the tagger made people of "Scot" and "Dane" over BBC, and places of
 * "Muslims" and "Rohingya" in GUM.
 */
export function demonymAsMisc(words: string[], span: GoldSpan): GoldSpan {
  if (span.type === 'MISC' || span.end - span.start !== 1) return span;
  const lower = words[span.start].toLowerCase();
  return isGroupWord(lower) ? { ...span, type: 'MISC' } : span;
}

/** seats of power named by two or three words, as token sequences ("downing street") */
const SEATS_OF_POWER: readonly string[][] = [...METONYM_ORGANIZATIONS].filter((n) => n.includes(' ')).map((n) => n.split(' '));

/**
 * "Downing Street said …": a seat of power named by several capitalized words that the tagger left
 * outside any span (15 of BBC's 55 "Downing Street") is a LOC span, which the entity layer reads as
 * the government seated there.
 */
export function withSeatsOfPower(words: string[], spans: GoldSpan[]): GoldSpan[] {
  let out: GoldSpan[] | undefined;
  for (let i = 0; i + 1 < words.length; i++) {
    // ASCII capitals first: this runs on every token
    const c = words[i].charCodeAt(0);
    const d = words[i + 1].charCodeAt(0);
    if (c < 65 || c > 90 || d < 65 || d > 90) continue;
    const seat = SEATS_OF_POWER.find((n) => i + n.length <= words.length && n.every((w, k) => words[i + k].toLowerCase() === w && /^\p{Lu}/u.test(words[i + k])));
    if (!seat || (out ?? spans).some((sp) => sp.start < i + seat.length && i < sp.end)) continue;
    out ??= spans.slice();
    out.push({ start: i, end: i + seat.length, type: 'LOC' });
  }
  return out ? out.sort((a, b) => a.start - b.start) : spans;
}

/** abbreviations of countries as news writes them, with and without periods */
const COUNTRY_ABBREVIATIONS = new Set(['US', 'U.S.', 'USA', 'U.S.A.', 'UK', 'U.K.']);

/**
 * A span that is a country's abbreviation and nothing more is the country, a place: British
 * writing's "US" (no periods) is rare in the Reuters training text, so the tagger read it by its
 * shape, that of acronyms like "EU" and "UN", and typed it ORG.
 */
export function countryAbbreviationAsPlace(words: string[], span: GoldSpan): GoldSpan {
  return span.end - span.start === 1 && COUNTRY_ABBREVIATIONS.has(words[span.start]) ? { ...span, type: 'LOC' } : span;
}

/**
 * A span that is a holiday's name and nothing more ("Christmas", "New Year's Day") names a day, not
 * a person, organization or place; the dates layer has it. "Christmas Island" stays.
 */
export function isHoliday(words: string[], span: GoldSpan): boolean {
  const name = words.slice(span.start, span.end).join(' ').toLowerCase().replace(/’/g, "'").replace(/ (?='s\b)/g, '');
  return HOLIDAY_NAMES.has(name);
}

/**
 * A span that runs from a title into a person's name is split there: "Trade and Industry
 * Secretary Patricia Hewitt" → "Trade and Industry" (the tagger's type) + "Patricia Hewitt"
 * (PER); "Liberal Democrat spokeswoman for women Sandra Gidley" likewise; "Secretary of State
 * Madeleine Albright" (PER) loses its title. Reuters text, the training data, seldom puts titles
 * before names, so the tagger runs them into one span, mostly typed ORG. Only when the name after
 * the title starts with a known first name.
 */
export function splitTitledName(words: string[], span: GoldSpan): GoldSpan[] {
  let k = -1;
  for (let i = span.end - 2; i >= span.start; i--) {
    if (TITLE_WORDS.has(lexiconForm(words[i]))) {
      k = i;
      break;
    }
  }
  if (k < 0) return splitTrailingPerson(words, span);
  // the person: from a known first name after the title ("of State", "for women" between them) to
  // the end of the span, capitalized, at most three words
  let given = -1;
  for (let j = k + 1; j < span.end && given < 0; j++) {
    const w = lexiconForm(words[j]);
    if (firstNameGender(w)) given = j;
  }
  if (given < 0 || span.end - given > 3) return [span];
  for (let j = given; j < span.end; j++) if (!isCapitalized(words[j])) return [span];
  // what precedes the title, when it is a name of its own ("Trade and Industry", "Liberal Democrat")
  let headEnd = k;
  while (headEnd > span.start && !isCapitalized(words[headEnd - 1])) headEnd--;
  // without one, only a span already typed PER loses its title: "Queen Elizabeth Hospital" and
  // "Prince William Sound" stay whole
  if (headEnd === span.start && span.type !== 'PER') return [span];
  const out: GoldSpan[] = [];
  // the head names who the person serves ("Tory MP Peter Luff"), never a person itself
  if (headEnd > span.start) out.push({ start: span.start, end: headEnd, type: span.type === 'PER' ? 'ORG' : span.type });
  out.push({ start: given, end: span.end, type: 'PER' });
  return out;
}

/** job titles that end an organization's span without being part of its name */
const TRAILING_TITLES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'administrator', 'director', 'ambassador', 'ceo']);

/**
 * "Jeff Rathke, the State Department Spokesperson, said": a job title capitalized after an
 * organization's name is the person's, not the name's; the span ends before it.
 */
export function withoutTrailingTitle(words: string[], span: GoldSpan): GoldSpan {
  if (span.type !== 'ORG' && span.type !== 'MISC') return span;
  let end = span.end;
  while (end - span.start > 1 && TRAILING_TITLES.has(lexiconForm(words[end - 1]))) end--;
  return end === span.end ? span : { ...span, end };
}

/** last words of organizations' names that a person's name never ends with ("Red Rose Army") */
const BODY_WORDS: ReadonlySet<string> = new Set([...ORGANIZATION_HEADS, 'army', 'navy', 'force', 'forces', 'club', 'united', 'city']);

/**
 * "NASA Bill Ingalls", "Treasury Paul Boateng": an organization's name run on
 * into a person's, with no title between. The last two or three words are a person when the first
 * of them is a common first name (the short lists of entities/lexicon.ts: Moby's long ones hold
 * "York", "Park" and "Diego") and they all are capitalized; what comes before keeps the tagger's type.
 */
export function splitTrailingPerson(words: string[], span: GoldSpan): GoldSpan[] {
  if (span.type === 'PER' || span.type === 'LOC' || BODY_WORDS.has(lexiconForm(words[span.end - 1]))) return [span];
  for (const given of [span.end - 2, span.end - 3]) {
    if (given <= span.start || !isCapitalized(words[given - 1])) continue;
    // "J Walter Thompson", "CB Richard Ellis": firms named after their founders
    if (given - span.start === 1 && words[span.start].length <= 2) continue;
    const first = lexiconForm(words[given]);
    if (!MALE_FIRST_NAMES.has(first) && !FEMALE_FIRST_NAMES.has(first)) continue;
    let capitalized = true;
    for (let j = given; j < span.end; j++) if (!isCapitalized(words[j])) capitalized = false;
    if (!capitalized) continue;
    return [{ start: span.start, end: given, type: span.type }, { start: given, end: span.end, type: 'PER' }];
  }
  return [span];
}

/** The honorifics (entities/lexicon.ts HONORIFICS) that stand only before a person's name: not
 * "Lord", "Lady", "Sir" or "Miss", which also begin the names of places, teams and titles. */
const PERSON_HONORIFICS = new Set(['mr', 'mrs', 'ms', 'mx', 'messrs', 'mme', 'mlle', 'dr', 'prof']);

/**
 * An honorific is not part of the name, and the name after it is a person's: "Mr McConnell",
 * written without the period in British style, came out of the tagger as one ORG span, or as
 * "Mr" (ORG) beside "McConnell" (PER). A span of the honorific alone is dropped.
 */
export function stripHonorific(words: string[], span: GoldSpan): GoldSpan[] {
  const first = words[span.start];
  if (!isCapitalized(first) || !PERSON_HONORIFICS.has(lexiconForm(first))) return [span];
  return span.end - span.start > 1 ? [{ start: span.start + 1, end: span.end, type: 'PER' }] : [];
}

export const nerTagger: Component = {
  name: 'ner',
  reads: ['tokens', 'sentences'],
  writes: ['names'],
  run(doc: Doc): void {
    doc.names = findNames(doc);
  },
};
