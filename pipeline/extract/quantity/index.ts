/**
 * Quantities: ages, durations, counts, money, percentages and measures, with numeric values and,
 * for ages and durations, the person they describe; for money and percentages, the entity they are
 * a figure of (owner.ts).
 */
import type { Component, Doc, Mention, Quantity, QuantityKind } from '../document.ts';
import { NUMBER, parseNumber } from '../time/numbers.ts';
import { durationValue } from '../time/index.ts';
import { QuantityOwners } from './owner.ts';

interface Candidate {
  start: number;
  end: number;
  kind: QuantityKind;
  value: number;
  unit: string;
  timexValue?: string;
  /** lower wins among overlapping candidates of equal length */
  priority: number;
  /** how to find the entity */
  link?: 'after' | 'before' | 'subject';
}

const SCALE = String.raw`(?:\s*(?:hundred|thousand|million|billion|trillion|bn|mn|m|k)\b)?`;
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12,
};

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD', us$: 'USD', c$: 'CAD', a$: 'AUD', hk$: 'HKD', nz$: 'NZD', s$: 'SGD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₪': 'ILS',
};
/** the dollars of "5 million Canadian dollars" */
const DOLLARS: Record<string, string> = { US: 'USD', 'U.S.': 'USD', Canadian: 'CAD', Australian: 'AUD', 'Hong Kong': 'HKD', 'New Zealand': 'NZD', Singapore: 'SGD' };
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', euro: 'EUR', pound: 'GBP', sterling: 'GBP', yen: 'JPY', yuan: 'CNY', renminbi: 'CNY', ruble: 'RUB',
  rouble: 'RUB', shekel: 'ILS', rupee: 'INR', franc: 'CHF', peso: 'MXN', won: 'KRW', lira: 'TRY', hryvnia: 'UAH',
  reais: 'BRL', rand: 'ZAR', naira: 'NGN', baht: 'THB', rupiah: 'IDR', ringgit: 'MYR',
};

const AGE_HYPHEN_RE = new RegExp(String.raw`\b(${NUMBER})[-‑\s](year|month|week|day)s?[-‑\s]old\b`, 'gi');
const AGE_WORDS_RE = /\b(?:aged|age)\s+(\d{1,3})\b|\b(\d{1,3})\s+years?\s+old\b/gi;
/**
 * "Maxim Herkin, 35," and "Maxim Herkin (35)": a bare number set off right after a name. What
 * precedes is checked in code (see candidates): a lookbehind here would be tried at every position.
 */
const AGE_APPOSITION_RE = /\s*,\s+(\d{1,3})(?=\s*[,;)])(?!,\d{3}\b)/g;
const AGE_PAREN_RE = /\s+\((\d{1,3})\)/g;
/** a number with thousands separators, not the comma after it: "£44,914, despite" */
const DIGITS = String.raw`\d(?:[\d,]*\d)?(?:\.\d+)?`;
const MONEY_SYMBOL_RE = new RegExp(String.raw`(US\$|C\$|A\$|HK\$|NZ\$|S\$|[$€£¥₹₽₪])\s?(${DIGITS})(${SCALE})`, 'gi');
const MONEY_WORD_RE = new RegExp(String.raw`\b(${NUMBER})(${SCALE})\s+(?:(US|U\.S\.|Canadian|Australian|Hong\s+Kong|New\s+Zealand|Singapore|Swiss)\s+)?(dollars?|euros?|pounds?|sterling|yen|yuan|renminbi|rubles?|roubles?|shekels?|rupees?|francs?|pesos?|won|lira|hryvnias?|reais|rand|naira|baht|rupiah|ringgit)\b`, 'gi');
/** "Australian dollars 648m", "rupees 4.7bn": the currency before the number (with a scale, so not "pounds 5") */
const MONEY_WORD_FIRST_RE = new RegExp(String.raw`\b(?:(US|U\.S\.|Canadian|Australian|Hong\s+Kong|New\s+Zealand|Singapore)\s+)?(dollars|euros|pounds|yen|yuan|rupees|roubles|rubles)\s+(${DIGITS})(\s*(?:million|billion|trillion|bn|mn|m)\b)`, 'gi');
/** "1218 pence", "50p" */
const PENCE_RE = new RegExp(String.raw`\b(${DIGITS})\s?(?:pence|p)\b(?![.'’]?\w)`, 'g');
/** "12 to 18", "2-3", "between 10 and 15": a range before the unit; the quantity's value is its lower bound. */
const RANGE = String.raw`(?:(?:between\s+)?(${NUMBER})\s*(?:to|[-–]|and)\s*)?`;
const PERCENT_RE = new RegExp(String.raw`\b${RANGE}(${NUMBER})\s*(%|percent\b|per\s+cent\b|percentage\s+points?\b)`, 'gi');
const DURATION_RE = new RegExp(String.raw`\b${RANGE}(${NUMBER})[\s-]+(?:(?:more|additional|full|straight|consecutive|long)\s+)?(seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century)\b(?![-‑\s]old)(?!\s+(?:ago|earlier|later|before|after)\b)`, 'gi');
const MEASURE_RE = new RegExp(String.raw`\b(${NUMBER})(${SCALE})[\s-]*(km|kilometers?|kilometres?|miles?|meters?|metres?|feet|foot|kg|kilograms?|tons?|tonnes?|pounds|lbs?|barrels?|acres?|hectares?|square\s+(?:miles|kilometers|kilometres|meters|metres|feet))\b`, 'gi');
/** Counts: a number, up to two modifiers, then a plural noun ("105 children", "three Israeli soldiers"). */
const COUNT_RE = new RegExp(String.raw`\b(${NUMBER}|tens\s+of\s+thousands|hundreds\s+of\s+thousands|hundreds|thousands|millions|dozens|scores)(${SCALE})\s+(?:of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?)?((?:\p{L}[\p{L}-]*\s+){0,2}?)(people|children|men|women|police|personnel|staff|dead|wounded|injured|killed|[\p{Ll}-]+s)\b`, 'giu');

/**
 * Words without which a pattern cannot match: a text that lacks them is not scanned with it, since
 * the patterns open with a long alternation of numbers tried at every word.
 */
const PERCENT_WORD = /%|percent|per\s+cent/i;
const CURRENCY_WORD = /\s(?:dollar|euro|pound|sterling|yen|yuan|renminbi|ruble|rouble|shekel|rupee|franc|peso|won|lira|hryvnia|reais|rand|naira|baht|rupiah|ringgit)/i;
const OLD_WORD = /old/i;
const PENCE_WORD = /\dp\b|\d\s?pence/;

const NO_MATCHES: RegExpExecArray[] = [];
const matchesWhere = (text: string, re: RegExp, required: RegExp): Iterable<RegExpExecArray> =>
  required.test(text) ? text.matchAll(re) : NO_MATCHES;

/**
 * Counted nouns that are a firm's or a country's own figures ("Ford will cut 3,000 jobs", "Toyota
 * sold 9m cars"): such counts are linked to their owner like money. Not people in the news ("105
 * children"), whom no entity owns.
 */
const HELD_COUNTS = new Set([
  'jobs', 'staff', 'employees', 'workers', 'stores', 'shops', 'branches', 'outlets', 'restaurants', 'factories',
  'subscribers', 'customers', 'vehicles', 'cars', 'shares', 'flights',
]);

const VAGUE_COUNTS: Record<string, number> = {
  dozens: 24, scores: 40, hundreds: 100, thousands: 1000, millions: 1e6, 'tens of thousands': 10000, 'hundreds of thousands': 100000,
};

/** Plural-looking words that are not counted nouns. */
const NOT_COUNT_NOUNS = new Set(['seconds', 'minutes', 'hours', 'days', 'nights', 'weeks', 'months', 'years', 'decades', 'centuries', 'was', 'has', 'its', 'as', 'us', 'yes', 'less', 'percents', 'times', 'ways', 'series', 'news', 'always', 'perhaps', 'whereas']);

/** The lower bound of "low to high" (or the number itself when there is no range). */
function lowerBound(low: string | undefined, high: string): number | undefined {
  const hi = parseNumber(high);
  const lo = low === undefined ? undefined : parseNumber(low);
  return lo !== undefined && hi !== undefined ? Math.min(lo, hi) : hi;
}

function scaled(n: number | undefined, scale: string | undefined): number | undefined {
  if (n === undefined) return undefined;
  const s = scale?.trim().toLowerCase();
  return s ? n * (SCALES[s] ?? 1) : n;
}

function singular(unit: string): string {
  const u = unit.toLowerCase();
  if (u === 'centuries') return 'century';
  return u.endsWith('s') ? u.slice(0, -1) : u;
}

function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matchesWhere(text, AGE_HYPHEN_RE, OLD_WORD)) {
    const v = parseNumber(m[1]);
    if (v !== undefined && v <= 130) out.push({ start: m.index, end: m.index + m[0].length, kind: 'age', value: v, unit: m[2].toLowerCase(), priority: 0, link: 'after' });
  }
  for (const m of text.matchAll(AGE_WORDS_RE)) {
    const v = Number(m[1] ?? m[2]);
    if (v <= 130) out.push({ start: m.index, end: m.index + m[0].length, kind: 'age', value: v, unit: 'year', priority: 0, link: 'subject' });
  }
  for (const [re, after] of [[AGE_APPOSITION_RE, /[\p{L}.)]$/u], [AGE_PAREN_RE, /\p{Lu}[\p{L}.'’-]+$/u]] as const) {
    for (const m of text.matchAll(re)) {
      const v = Number(m[1]);
      const preceding = text.slice(Math.max(0, m.index - 30), m.index);
      if (!after.test(preceding)) continue;
      // Only after a name: "Maxim Herkin, 35," — not in lists of numbers or amounts.
      if (!/\p{Lu}[\p{L}.'’-]*\)?$/u.test(preceding)) continue;
      const start = m.index + m[0].indexOf(m[1]);
      if (v >= 1 && v <= 120) out.push({ start, end: start + m[1].length, kind: 'age', value: v, unit: 'year', priority: 1, link: 'before' });
    }
  }
  for (const m of text.matchAll(MONEY_SYMBOL_RE)) {
    const v = scaled(Number(m[2].replace(/,/g, '')), m[3]);
    const cur = CURRENCY_SYMBOLS[m[1].toLowerCase()];
    if (v !== undefined && cur) out.push({ start: m.index, end: m.index + m[0].length, kind: 'money', value: v, unit: cur, priority: 0 });
  }
  for (const m of matchesWhere(text, MONEY_WORD_RE, CURRENCY_WORD)) {
    const v = scaled(parseNumber(m[1]), m[2]);
    const word = m[4].toLowerCase();
    const cur = (/^dollar/.test(word) && m[3] ? DOLLARS[m[3].replace(/\s+/g, ' ')] : undefined) ?? CURRENCY_WORDS[singular(word)] ?? CURRENCY_WORDS[word];
    if (v !== undefined && cur) out.push({ start: m.index, end: m.index + m[0].length, kind: 'money', value: v, unit: cur, priority: 0 });
  }
  for (const m of matchesWhere(text, MONEY_WORD_FIRST_RE, CURRENCY_WORD)) {
    const v = scaled(Number(m[3].replace(/,/g, '')), m[4]);
    const word = m[2].toLowerCase();
    const cur = (word === 'dollars' && m[1] ? DOLLARS[m[1].replace(/\s+/g, ' ')] : undefined) ?? CURRENCY_WORDS[singular(word)];
    if (v !== undefined && cur) out.push({ start: m.index, end: m.index + m[0].length, kind: 'money', value: v, unit: cur, priority: 0 });
  }
  for (const m of matchesWhere(text, PENCE_RE, PENCE_WORD)) {
    const v = Number(m[1].replace(/,/g, ''));
    if (Number.isFinite(v)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'money', value: v / 100, unit: 'GBP', priority: 0 });
  }
  for (const m of matchesWhere(text, PERCENT_RE, PERCENT_WORD)) {
    const v = lowerBound(m[1], m[2]);
    const unit = /point/i.test(m[3]) ? 'percentage point' : 'percent';
    if (v !== undefined) out.push({ start: m.index, end: m.index + m[0].length, kind: 'percent', value: v, unit, priority: 0 });
  }
  for (const m of text.matchAll(DURATION_RE)) {
    const raw = m[2].toLowerCase();
    if (!m[1] && (raw === 'a' || raw === 'an')) continue;
    const v = lowerBound(m[1], m[2]);
    if (v === undefined) continue;
    const unit = singular(m[3]);
    out.push({
      start: m.index, end: m.index + m[0].length, kind: 'duration', value: v, unit: unit === 'night' ? 'day' : unit,
      // A range takes its lower bound, as the timex tagger (and TimeBank) do: "two to three weeks" → P2W.
      timexValue: durationValue(v, unit), priority: 1, link: 'subject',
    });
  }
  for (const m of text.matchAll(MEASURE_RE)) {
    const v = scaled(parseNumber(m[1]), m[2]);
    if (v !== undefined && !/^an?$/i.test(m[1])) out.push({ start: m.index, end: m.index + m[0].length, kind: 'measure', value: v, unit: m[3].toLowerCase(), priority: 2 });
  }
  for (const m of text.matchAll(COUNT_RE)) {
    const numRaw = m[1].toLowerCase().replace(/\s+/g, ' ');
    if (numRaw === 'a' || numRaw === 'an' || numRaw === 'one') continue;
    const noun = m[4];
    if (NOT_COUNT_NOUNS.has(noun.toLowerCase()) || m[0].includes('\n')) continue;
    // the end of a model number: "Boeing 737-800 planes"
    if (/[\p{L}\p{N}]-$/u.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    // singular nouns and adjectives that end in s ("boss", "crisis", "bonus", "two previous quarters"), but "the jobless",
    // "800,000 Tutsis"
    if (/^\p{Ll}/u.test(noun) && /(?:[^l]ss|us|is)$/.test(noun)) continue;
    // Modifiers between number and noun must look like adjectives or names, not verbs or clauses.
    const mods = m[3].trim();
    if (mods && /\b(?:and|or|but|of|to|in|on|at|by|for|with|from|that|which|who|was|were|is|are|have|had)\b/i.test(mods)) continue;
    // a capitalized number inside a sentence starts a name: "the Six Nations", "the Three Gorges Dam", "three Six Nations games"
    const capitalNumber = (w: string): boolean => /^\p{Lu}/u.test(w) && parseNumber(w.toLowerCase()) !== undefined;
    if (capitalNumber(m[1]) && !/(?:^|[.!?:"“‘\n]\s*)$/.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    if (/^\p{Lu}/u.test(noun) && mods.split(/\s+/).some(capitalNumber)) continue;
    const v = VAGUE_COUNTS[numRaw] ?? scaled(parseNumber(m[1]), m[2]);
    if (v === undefined) continue;
    // "1990 employees" is a count, but a year followed by a noun ("2023 elections") is not.
    if (/^(?:1[89]|20)\d\d$/.test(m[1])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'count', value: v, unit: noun.toLowerCase(), priority: 3 });
  }
  return out;
}

function hasQuoteBetween(text: string, a: number, b: number): boolean {
  return /["“”]/.test(text.slice(Math.min(a, b), Math.max(a, b)));
}

/** Person mentions, in text order. */
function personMentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  for (const e of doc.entities) if (e.type === 'Person') out.push(...e.mentions);
  return out.sort((a, b) => a.start - b.start);
}

function sentenceOf(doc: Doc, offset: number): { start: number; end: number } | undefined {
  const s = doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid].end <= offset) lo = mid + 1;
    else if (s[mid].start > offset) hi = mid - 1;
    else return s[mid];
  }
  return undefined;
}

/** Whether a place or organization is named right before `at` (", " or " (" between). */
function namedBefore(doc: Doc, at: number): boolean {
  return doc.entities.some((e) => e.type !== 'Person' && e.mentions.some((m) => m.end <= at && /^\s*[,(]\s*$/.test(doc.text.slice(m.end, at))));
}

/** verbs that end the noun phrase an age opens: "The 25-year-old shocked Pete Sampras" */
const CLAUSE_VERBS = new Set(['beat', 'won', 'lost', 'met', 'left', 'said', 'told', 'became', 'made', 'took', 'had', 'has', 'have', 'was', 'is', 'will', 'would', 'can', 'could', 'hit', 'saw', 'joined', 'faces', 'plays']);

/** Whether the words between an age and a name hold a verb (a past form in -ed, or a common verb). */
function verbBetween(gap: string): boolean {
  return gap.split(/\s+/).some((w) => CLAUSE_VERBS.has(w) || /^\p{Ll}{3,}ed$/u.test(w));
}

function linkEntity(doc: Doc, persons: Mention[], c: Candidate): string | undefined {
  const sent = sentenceOf(doc, c.start);
  if (!sent) return undefined;
  const text = doc.text;
  // "The 31-year-old has a minor injury": coreference made the description a mention of someone
  const within = persons.find((p) => p.start <= c.start && p.end >= c.end);
  if (within) return within.entity;
  if (c.link === 'after') {
    // "29-year-old Alexander Trufanov", "a 29-year-old Russian man": the next person mention, close by.
    const m = persons.find((p) => p.start >= c.end && p.start < sent.end && p.start - c.end <= 40);
    // not a name a verb separates from it, which is another person ("The 25-year-old shocked Pete
    // Sampras"); a pronoun there is most often the subject's own ("The 28-year-old won her first medal")
    if (m && !hasQuoteBetween(text, c.end, m.start) && !(m.kind === 'name' && verbBetween(text.slice(c.end, m.start)))) return m.entity;
    // "Irfan Hanif, a 25-year-old doctor": the person the appositive follows
    const before = persons.find((p) => p.end <= c.start && /^,\s+(?:a|an)\s+$/.test(text.slice(p.end, c.start)));
    return before?.entity;
  }
  if (c.link === 'before') {
    // "Maxim Herkin, 35,": the person mention ending right before the comma.
    const m = persons.find((p) => p.end <= c.start && /^\s*[,(]\s*$/.test(text.slice(p.end, c.start)));
    return m?.entity;
  }
  // Durations and "N years old": the nearest person mention before it in the sentence, not across a quote.
  let best: Mention | undefined;
  for (const p of persons) {
    if (p.end > c.start) break;
    if (p.start >= sent.start) best = p;
  }
  return best && !hasQuoteBetween(text, best.end, c.start) ? best.entity : undefined;
}

/**
 * Whether a money amount or percentage gives another value of the one before it, and so has its
 * owner: a conversion in brackets ("$1.13bn (£600m)", and each after it: "($214.6bn; £114.5bn)"),
 * or the other end of a change or range ("fell 2.2% to 55.57 pence", "from $639m", "between 3% and 3.5%").
 */
function sameFigure(text: string, prev: Quantity, c: Candidate): boolean {
  if (prev.kind !== 'money' && prev.kind !== 'percent') return false;
  const between = text.slice(prev.end, c.start);
  if (/^\s+(?:to|from|and)\s+$/.test(between)) return true;
  if (!/^\s*[(;,/]\s*$/.test(between)) return false;
  // inside brackets opened at or before the previous value and closed after this one
  const from = Math.max(0, prev.start - 2);
  const open = text.lastIndexOf('(', c.start);
  return open >= from && !text.slice(open, c.start).includes(')') && text.indexOf(')', open) >= c.end;
}

/** Finds quantities in doc.text and links them to the entities they describe: ages and durations to people, money and percentages to their owners. */
export function tagQuantities(doc: Doc): Quantity[] {
  // the number of a count is never part of a date: "the 19 February meets"
  const inDate = (c: Candidate): boolean => {
    const numberEnd = c.start + /^\S+/.exec(doc.text.slice(c.start, c.end))![0].length;
    return doc.timexes.some((t) => t.start < numberEnd && c.start < t.end);
  };
  // nor is its noun an organization ("30 Airbus A320s") or the surname of a person's name ("number eight Ryan Jones"; the
  // tagger's "Labour MPs" is no person)
  const nounInName = (c: Candidate): boolean => {
    const nounStart = c.end - c.unit.length;
    if (/^\p{Lu}\p{Lu}/u.test(doc.text.slice(nounStart, c.end))) return false;
    return doc.names.some(
      (n) =>
        (n.label === 'ORG' && n.start === nounStart && n.end === c.end) ||
        (n.label === 'PER' && n.start < nounStart && n.end >= c.end && n.start >= c.start),
    );
  };
  const cands = candidates(doc.text).filter((c) => c.kind !== 'count' || (!inDate(c) && !nounInName(c)));
  cands.sort((a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(doc.text.length);
  const chosen: Candidate[] = [];
  for (const c of cands) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  const persons = personMentions(doc);
  let owners: QuantityOwners | undefined;
  const out: Quantity[] = [];
  for (const c of chosen) {
    const q: Quantity = { id: `Q${out.length + 1}`, start: c.start, end: c.end, text: doc.text.slice(c.start, c.end), kind: c.kind, value: c.value, unit: c.unit };
    if (c.timexValue) q.timexValue = c.timexValue;
    let entity: string | undefined;
    if (c.link) {
      entity = linkEntity(doc, persons, c);
      // a number in brackets after a place's or organization's name is no age: "Samoa (7)", a seed
      if (!entity && c.link === 'before' && doc.text[c.start - 1] === '(' && namedBefore(doc, c.start)) continue;
    }
    else if (c.kind === 'money' || c.kind === 'percent' || (c.kind === 'count' && HELD_COUNTS.has(c.unit))) {
      const prev = out[out.length - 1];
      entity = prev && sameFigure(doc.text, prev, c) ? prev.entity : (owners ??= new QuantityOwners(doc)).ownerOf(q);
    }
    if (entity) q.entity = entity;
    out.push(q);
  }
  return out;
}

export const quantityTagger: Component = {
  name: 'quantity',
  reads: ['text', 'tokens', 'sentences', 'names', 'entities', 'timexes'],
  writes: ['quantities'],
  run(doc: Doc): void {
    doc.quantities = tagQuantities(doc);
  },
};
