/**
 * Temporal layer: the reference date an article's relative expressions are resolved against, and
 * TimeML TIMEX3-style temporal expressions (type, value, mod) with character spans.
 */
import type { Component, Doc, NameMention, ReferenceDate, Timex, TimexMod } from '../document.ts';
import { TimeContext, type Tense } from './context.ts';
import { addDays, fmtDate, isValidDate, parseValue, type Ymd } from './dates.ts';
import { MONTH_RE, WEEKDAY_RE, YEAR_RE, DAY_RE, monthNumber } from './lexicon.ts';
import { RULES, type Kind, type ResolveCtx, type Rule } from './rules.ts';
import { AnchoredRules } from './triggers.ts';

export { durationValue } from './rules.ts';

// ---------------------------------------------------------------- reference date

const FULL_DATE_RULES = RULES.filter((r) => r.name === 'iso' || r.name === 'month-day-year' || r.name === 'day-month-year');
const MONTH_YEAR_RULE = RULES.find((r) => r.name === 'month-year') as Rule;

/** "MOSCOW, April 16 (Reuters) -", "LONDON 1996-08-30", "WASHINGTON, Texas, 16 April 2025 —". */
const DATELINE_RE = new RegExp(
  String.raw`^\s*[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][\w.'’ -]{1,30}?)?\s*,?\s+` +
    String.raw`(?:(${MONTH_RE})\s+(${DAY_RE})(?:,?\s+(${YEAR_RE}))?|(\d{4})-(\d{2})-(\d{2})|(${DAY_RE})\s+(${MONTH_RE})(?:,?\s+(${YEAR_RE}))?)` +
    String.raw`\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—:]|\n|$)`,
);

const FUTURE_SENTENCE_RE = /\b(?:will|would|shall|scheduled|planned|due\s+to|set\s+to|next|upcoming)\b/i;

function fromMetadata(doc: Doc): ReferenceDate | undefined {
  const raw = doc.metadata.datePublished;
  if (!raw) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (iso) return { value: iso.slice(1, 4).join('-'), source: 'metadata' };
  const t = Date.parse(raw);
  if (Number.isNaN(t)) return undefined;
  return { value: new Date(t).toISOString().slice(0, 10), source: 'metadata' };
}

interface DateMention {
  date: Ymd;
  start: number;
  end: number;
}

function fullDates(doc: Doc): DateMention[] {
  const out: DateMention[] = [];
  for (const rule of FULL_DATE_RULES) {
    for (const m of doc.text.matchAll(rule.re)) {
      if (rule.accept && !rule.accept(m, doc.text)) continue;
      const r = rule.resolve(m, { prev: [], prevSentence: [], sentence: 0, inQuote: false, text: doc.text, start: m.index });
      const p = parseValue(r?.value);
      if (p && p.d) out.push({ date: p, start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function sentenceText(doc: Doc, offset: number): string {
  const s = doc.sentences.find((x) => x.start <= offset && offset < x.end);
  return s ? doc.text.slice(s.start, s.end) : '';
}

function fromDateline(doc: Doc): ReferenceDate | undefined {
  const head = doc.text.slice(0, 200);
  const m = DATELINE_RE.exec(head);
  if (!m) return undefined;
  let y: number | undefined;
  let mo: number;
  let d: number;
  if (m[4]) [y, mo, d] = [Number(m[4]), Number(m[5]), Number(m[6])];
  else if (m[1]) [y, mo, d] = [m[3] ? Number(m[3]) : undefined, monthNumber(m[1]) ?? 0, parseInt(m[2], 10)];
  else [y, mo, d] = [m[9] ? Number(m[9]) : undefined, monthNumber(m[8]) ?? 0, parseInt(m[7], 10)];
  // A dateline without a year takes the latest year the article states in full.
  if (y === undefined) {
    const years = fullDates(doc).map((x) => x.date.y);
    if (years.length) y = Math.max(...years);
  }
  const start = m.index + m[0].search(/\S/);
  const evidence = { start, end: m.index + m[0].replace(/[\s\-–—:]+$/, '').length };
  if (y === undefined) return isValidDate(2000, mo, d) ? { value: `XXXX-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, source: 'dateline', evidence } : undefined;
  return isValidDate(y, mo, d) ? { value: fmtDate({ y, m: mo, d }), source: 'dateline', evidence } : undefined;
}

/**
 * The latest fully specified date the article states, skipping dates in forward-looking sentences
 * ("the trial will open on June 3, 2026") when any other is available: news reports what happened
 * up to the day of writing.
 */
function inferred(doc: Doc): ReferenceDate | undefined {
  let dates = fullDates(doc);
  const past = dates.filter((x) => !FUTURE_SENTENCE_RE.test(sentenceText(doc, x.start)));
  if (past.length) dates = past;
  let best: DateMention | undefined;
  for (const x of dates) {
    const b = best?.date;
    if (!b || x.date.y > b.y || (x.date.y === b.y && (x.date.m > b.m || (x.date.m === b.m && x.date.d > b.d)))) best = x;
  }
  if (best) return { value: fmtDate(best.date), source: 'inferred', evidence: { start: best.start, end: best.end } };
  // Only months: the latest month stated with its year.
  let bestMonth: { v: string; start: number; end: number } | undefined;
  for (const m of doc.text.matchAll(MONTH_YEAR_RULE.re)) {
    if (MONTH_YEAR_RULE.accept && !MONTH_YEAR_RULE.accept(m, doc.text)) continue;
    const r = MONTH_YEAR_RULE.resolve(m, { prev: [], prevSentence: [], sentence: 0, inQuote: false, text: doc.text, start: m.index });
    if (r && /^\d{4}-\d{2}$/.test(r.value) && (!bestMonth || r.value > bestMonth.v)) bestMonth = { v: r.value, start: m.index, end: m.index + m[0].length };
  }
  return bestMonth ? { value: bestMonth.v, source: 'inferred', evidence: { start: bestMonth.start, end: bestMonth.end } } : undefined;
}

/** Sets doc.referenceDate from metadata, else a dateline, else the dates the text states. */
export const referenceDater: Component = {
  name: 'referenceDate',
  reads: ['text', 'metadata', 'sentences'],
  writes: ['referenceDate'],
  run(doc: Doc): void {
    doc.referenceDate = fromMetadata(doc) ?? fromDateline(doc) ?? inferred(doc);
  },
};

// ---------------------------------------------------------------- timex tagger

/** Modifiers and determiners that may precede an expression, tried right-to-left. */
const ADJ_MOD_RE = /\b(early|late|mid|earlier|later)(?:\s+|-)$/i;
const NOUN_MOD_RE = /\b(?:the\s+)?(?:very\s+)?(end|beginning|start|middle|close|dawn|turn|first\s+half|second\s+half|latter\s+part|early\s+part)\s+of\s+(?:the\s+)?$/i;
const APPROX_RE = /\b(about|around|approximately|roughly|some|nearly|almost|more\s+than|over|less\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|just\s+over|just\s+under|well\s+over|fewer\s+than|as\s+many\s+as|as\s+long\s+as)\s+$/i;
const DUR_QUAL_RE = /\b(?:(?:the|these|those|its|their)\s+)?(?:past|last|next|first|coming|previous|following|final|latest|recent|initial|remaining|ensuing|preceding|same|entire|whole|full|other)\s+$/i;
const FISCAL_RE = /\bfiscal(?:\s+year)?\s+$/i;
const LAST_VERB_RE = /\b(?:will|would|could|can|may|might|must|should|shall|to|not|did|does|do|'ll|’ll)\s+last\s+$/i;
const THE_RE = /\bthe\s+$/i;

const MOD_OF: Record<string, TimexMod> = {
  early: 'START', beginning: 'START', start: 'START', dawn: 'START', 'first half': 'START', 'early part': 'START',
  late: 'END', end: 'END', close: 'END', 'second half': 'END', 'latter part': 'END',
  mid: 'MID', middle: 'MID',
  about: 'APPROX', around: 'APPROX', approximately: 'APPROX', roughly: 'APPROX', some: 'APPROX',
  nearly: 'LESS_THAN', almost: 'LESS_THAN', 'less than': 'LESS_THAN', under: 'LESS_THAN', 'just under': 'LESS_THAN',
  'fewer than': 'LESS_THAN',
  'more than': 'MORE_THAN', over: 'MORE_THAN', 'just over': 'MORE_THAN', 'well over': 'MORE_THAN',
  'at least': 'EQUAL_OR_MORE', 'no less than': 'EQUAL_OR_MORE', 'as many as': 'EQUAL_OR_LESS', 'as long as': 'EQUAL_OR_LESS',
  'at most': 'EQUAL_OR_LESS', 'up to': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS',
};

const DATE_APPROX = new Set(['about', 'around', 'approximately', 'roughly']);

interface Candidate {
  start: number;
  end: number;
  rule: Rule;
  order: number;
  match: RegExpExecArray;
  sentence: number;
}

interface Extension {
  start: number;
  mod?: TimexMod;
}

/** Widens a resolved expression leftwards over its modifiers ("the late 1990s", "about two years ago"). */
function extendLeft(text: string, start: number, end: number, floor: number, kind: Kind, takesThe: boolean, isDate: boolean, coarse: boolean): Extension {
  let s = start;
  let mod: TimexMod | undefined;
  let qualified = false;
  for (let step = 0; step < 4; step++) {
    const window = text.slice(Math.max(floor, s - 48), s);
    let m: RegExpExecArray | null;
    if (isDate && (kind === 'date' || kind === 'time') && (m = ADJ_MOD_RE.exec(window))) {
      const w = m[1].toLowerCase();
      // "earlier this month" is one expression; "earlier Friday" is an adverb and a date.
      if ((w === 'earlier' || w === 'later') && !/^(?:this|last|next|that|in)\b/i.test(text.slice(s, s + 5))) break;
      mod ??= MOD_OF[w];
      s -= m[0].length;
      continue;
    }
    if (isDate && (kind === 'date' || kind === 'time') && (m = NOUN_MOD_RE.exec(window))) {
      mod ??= MOD_OF[m[1].toLowerCase().replace(/\s+/g, ' ')];
      s -= m[0].length;
      continue;
    }
    // "over the past three years": the determiner closes the expression.
    const determined = /^(?:the|these|those|its|their)\b/i.test(text.slice(s, s + 6));
    if (!determined && (kind === 'duration' || kind === 'ago' || kind === 'time' || kind === 'date') && (m = APPROX_RE.exec(window))) {
      const w = m[1].toLowerCase().replace(/\s+/g, ' ');
      // Dates take "about/around" only when coarse ("around 1990") or clock times ("around 7:15 p.m.").
      const ok = kind === 'duration' || kind === 'ago' ? true : DATE_APPROX.has(w) && (kind === 'time' || coarse);
      if (ok) {
        mod ??= MOD_OF[w];
        s -= m[0].length;
        continue;
      }
    }
    // "the ban will last 10 years": the verb, not "the last 10 years"
    if (kind === 'duration' && !qualified && (m = DUR_QUAL_RE.exec(window)) && !LAST_VERB_RE.test(window)) {
      qualified = true;
      s -= m[0].length;
      continue;
    }
    if (kind === 'date' && (m = FISCAL_RE.exec(window))) {
      s -= m[0].length;
      continue;
    }
    // "the two-week trip": the article belongs to the noun the adjective modifies, unless the
    // expression holds that noun ("the July-September quarter").
    const adjectival = /^[\w'’]+[-‑]\w+$/.test(text.slice(start, end));
    if ((takesThe || qualified) && !adjectival && (m = THE_RE.exec(window))) {
      s -= m[0].length;
    }
    break;
  }
  return { start: s, mod };
}

/**
 * "occurred at about 10:35 a.m. (0735 GMT) Friday", "on Saturday 12 February at 2005 GMT": a clock
 * time with no day of its own, which took the reference date, takes the day named in its sentence
 * instead (the nearest, if several; one after it only when close and not past a comma).
 */
function dateClockTimes(text: string, timexes: Timex[], sentenceOf: readonly number[], refDay: string): void {
  for (let i = 0; i < timexes.length; i++) {
    const t = timexes[i];
    // clock times only ("Friday morning", "this morning" name their day), and not with a year in them
    if (t.type !== 'TIME' || !t.value.startsWith(`${refDay}T`) || !/T\d/.test(t.value) || /\d{4}(?!\s*(?:GMT|UTC))/.test(t.text)) continue;
    let day: string | undefined;
    let distance = Infinity;
    for (let j = 0; j < timexes.length; j++) {
      const d = timexes[j];
      // a day, or a part of one ("at 11pm on Saturday night")
      const dayOf = /^\d{4}-\d{2}-\d{2}(?=$|T[A-Z]{2}$)/.exec(d.value);
      if (sentenceOf[j] !== sentenceOf[i] || (d.type !== 'DATE' && d.type !== 'TIME') || !dayOf) continue;
      // a day after the time, past a comma or far on, dates another clause ("at 2100GMT, close to the record set on 10 November")
      if (d.start > t.end && (d.start - t.end > 40 || text.slice(t.end, d.start).includes(','))) continue;
      const gap = Math.abs(d.start - t.start);
      if (gap < distance) [day, distance] = [dayOf[0], gap];
    }
    if (day && day !== refDay) t.value = day + t.value.slice(refDay.length);
  }
}

const MERGE_GAP_RE = /^\s*,?\s*(?:on\s+)?$/i;

/** "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "11pm on Saturday night": a clock time followed by its
 * day (or the part of it the time falls in) is one TIME. */
function mergeTimes(doc: Doc, timexes: Timex[]): Timex[] {
  const out: Timex[] = [];
  for (let i = 0; i < timexes.length; i++) {
    const t = timexes[i];
    const next = timexes[i + 1];
    const clock = /T(\d{2}:\d{2})$/.exec(t.value);
    const day = next && /^\d{4}-\d{2}-\d{2}(?=$|T[A-Z]{2}$)/.exec(next.value);
    if (t.type === 'TIME' && clock && day && MERGE_GAP_RE.test(doc.text.slice(t.end, next.start))) {
      out.push({ ...t, end: next.end, text: doc.text.slice(t.start, next.end), value: `${day[0]}T${clock[1]}` });
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** what follows the day that names the attacks on the United States: "the September 11 (terrorist) attacks" */
const ATTACKS_AFTER_RE = /^\s+(?:terror(?:ist)?\s+)?attacks?\b/i;

/**
 * "9/11", "the 11 September attacks", "the September 11 terrorist attacks" name one day, 2001-09-11,
 * in whatever year the article was written, as every reader takes them.
 */
function datedAttacks(text: string, timexes: Timex[]): void {
  for (const t of timexes) {
    if (t.type !== 'DATE' || !/^(?:\d{4}|XXXX)-09-11$/.test(t.value) || /\d{4}/.test(t.text)) continue;
    if (t.text === '9/11' || ATTACKS_AFTER_RE.test(text.slice(t.end, t.end + 30))) t.value = '2001-09-11';
  }
}

/** "from March until May", "between June 3 and July 2": the words joining the two ends of a range */
const RANGE_JOIN_RE = /^\s*(?:to|until|till|through|thru|and|[-–])\s*$/i;
const RANGE_OPEN_RE = /\b(?:from|between)\s+(?:(?:early|late|mid)[\s-]+)?$/i;
const WEEKDAY_WORD_RE = new RegExp(String.raw`\b${WEEKDAY_RE}\b`, 'i');
const MONTH_WORD_RE = new RegExp(String.raw`\b${MONTH_RE}`, 'i');

/**
 * A range runs forwards: "the ban lasted from March until May", read in March, is March to May of
 * last year, though March alone would be this March. When the start of a range, its year not
 * written, falls after its end, it takes the year that puts it before the end.
 */
function orderRanges(text: string, timexes: Timex[]): void {
  for (let i = 0; i + 1 < timexes.length; i++) {
    const [a, b] = [timexes[i], timexes[i + 1]];
    if (!RANGE_JOIN_RE.test(text.slice(a.end, b.start)) || !RANGE_OPEN_RE.test(text.slice(Math.max(0, a.start - 20), a.start))) continue;
    const m = /^(\d{4})(-\d{2}(?:-\d{2})?)$/.exec(a.value);
    if (!m || /\d{4}/.test(a.text) || !/^\d{4}-\d{2}/.test(b.value) || a.value <= b.value) continue;
    // "from Monday to Friday": a weekday's date moves back by weeks, not years
    const weekday = WEEKDAY_WORD_RE.test(a.text);
    const day = weekday && !MONTH_WORD_RE.test(a.text) ? parseValue(a.value) : undefined;
    if (weekday && !day?.d) continue; // "Thursday, March 7" a year earlier is no Thursday
    if (day) {
      let earlier = day as Ymd;
      while (fmtDate(earlier) > b.value) earlier = addDays(earlier, -7);
      a.value = fmtDate(earlier);
      continue;
    }
    const earlier = `${Number(m[1]) - 1}${m[2]}`;
    if (earlier <= b.value) a.value = earlier;
  }
}

const ANCHORED = new AnchoredRules(RULES);

/** a word that names newspapers and programmes as often as times: the Sunday Telegraph, China Daily */
const TITLE_WORD = /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Daily|Weekly|Monthly|Quarterly|Yearly|Annual)$/;

/** the word after a weekday in a newspaper's name */
const NEWSPAPER_AFTER = /^ (?:Times|Telegraph|Mirror|Express|People|Post|Herald|Mail|Independent|Tribune|Observer|Sport|Star|Business Post|Journal)\b/;

/**
 * Whether the expression at [start, end) is a word of a longer organization or person name that
 * the tagger found: "Sunday" before another word of "the Sunday Telegraph", "Daily" ending "China
 * Daily". A weekday that ends a name, or that punctuation follows, is kept: that is usually the
 * tagger running a name on into a date ("the New York Stock Exchange Friday, Crossland").
 */
function partOfTitle(names: readonly NameMention[], text: string, start: number, end: number): boolean {
  if (!TITLE_WORD.test(text.slice(start, end))) return false;
  // newspapers the tagger missed: "the Sunday Telegraph", "the Mail on Sunday"
  if (NEWSPAPER_AFTER.test(text.slice(end, end + 14)) || /\bMail on $/.test(text.slice(Math.max(0, start - 8), start))) return true;
  for (const n of names) {
    if (n.start > start) return false;
    if (n.end < end || n.end - n.start <= end - start || (n.label !== 'ORG' && n.label !== 'PER')) continue;
    if (n.end === end) return !/day$/.test(text.slice(start, end));
    return /^ [A-Z]/.test(text.slice(end, end + 2));
  }
  return false;
}

/** Finds TimeML temporal expressions and normalizes them against doc.referenceDate. */
export function tagTimexes(doc: Doc): Timex[] {
  const text = doc.text;
  const ctx = new TimeContext(doc);
  const cands: Candidate[] = [];
  for (const { rule, order, match: m } of ANCHORED.matchAll(text)) {
    if (rule.accept && !rule.accept(m, text)) continue;
    const start = m.index;
    const end = start + m[0].length;
    const sentence = ctx.sentenceAt(start);
    if (sentence < 0 || ctx.sentenceAt(end - 1) !== sentence) continue;
    if (partOfTitle(doc.names, text, start, end)) continue;
    cands.push({ start, end, rule, order, match: m, sentence });
  }
  // Longest expression wins; among equals the earlier rule.
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const chosen: Candidate[] = [];
  for (const c of cands) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);

  const ref = parseValue(doc.referenceDate?.value);
  const fullRef = ref && ref.m && ref.d ? (ref as Ymd) : undefined;
  const out: Timex[] = [];
  const prevSentence: number[] = [];
  for (const c of chosen) {
    // Tense is looked up only by the rules that need it: it is the costly part of the context.
    let tense: Tense | undefined | null = null;
    const rc: ResolveCtx = {
      ref: fullRef,
      get tense() {
        if (tense === null) tense = ctx.tenseAt(c);
        return tense;
      },
      prev: out,
      sentence: c.sentence,
      prevSentence,
      inQuote: ctx.inQuote(c.start),
      text,
      start: c.start,
    };
    const r = c.rule.resolve(c.match, rc);
    if (!r) continue;
    const floor = Math.max(doc.sentences[c.sentence].start, out.length ? out[out.length - 1].end : 0);
    const isDate = r.type === 'DATE' || r.type === 'TIME';
    const coarse = /^\d{3}[\dX]$|T\d/.test(r.value) || r.type === 'TIME';
    const ext = extendLeft(text, c.start, c.end, floor, c.rule.kind, !!c.rule.takesThe, isDate, coarse);
    const t: Timex = { id: '', start: ext.start, end: c.end, text: text.slice(ext.start, c.end), type: r.type, value: r.value };
    const mod = r.mod ?? ext.mod;
    if (mod) t.mod = mod;
    out.push(t);
    prevSentence.push(c.sentence);
  }
  if (fullRef) dateClockTimes(text, out, prevSentence, fmtDate(fullRef));
  orderRanges(text, out);
  datedAttacks(text, out);
  const merged = mergeTimes(doc, out);
  merged.forEach((t, i) => (t.id = `T${i + 1}`));
  return merged;
}

export const timexTagger: Component = {
  name: 'timex',
  reads: ['text', 'sentences', 'tokens', 'names', 'referenceDate'],
  writes: ['timexes'],
  run(doc: Doc): void {
    doc.timexes = tagTimexes(doc);
  },
};
