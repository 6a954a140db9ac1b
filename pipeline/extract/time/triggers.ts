/**
 * Anchored rule matching. Scanning the whole text once per rule cost most of the tagger's time,
 * so each rule names the words a match must contain (its triggers) and how many words before
 * the trigger a match can start. The text is split into words once; each rule's sticky regex is
 * then tried only at the word starts just before its triggers. Every match the global scan would
 * find contains a trigger, so the candidates are the same, in the same leftmost-first order.
 */
import { MONTHS, WEEKDAYS } from './lexicon.ts';
import type { Rule } from './rules.ts';

/** Trigger that stands for any run of digits. */
const DIGITS = '#';

const MONTH_WORDS = Object.keys(MONTHS);
const WEEKDAY_WORDS = Object.keys(WEEKDAYS).filter((w) => w.endsWith('day'));
const UNIT_WORDS = [
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'night', 'nights', 'week', 'weeks',
  'weekend', 'weekends', 'fortnight', 'fortnights', 'month', 'months', 'quarter', 'quarters', 'year', 'years',
  'decade', 'decades', 'century', 'centuries', 'millennium', 'millennia',
];
const PARTS = ['morning', 'mornings', 'afternoon', 'afternoons', 'evening', 'evenings', 'night', 'nights'];
const SEASON_WORDS = ['spring', 'springs', 'summer', 'summers', 'fall', 'falls', 'autumn', 'autumns', 'winter', 'winters'];
const DECADE_WORDS = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];

/** Per rule: trigger words (lower case) and the most words a match may start before its trigger. */
const TRIGGERS: Record<string, { words: string[]; back: number }> = {
  iso: { words: [DIGITS], back: 0 },
  'slash-date': { words: [DIGITS], back: 0 },
  'nine-eleven': { words: [DIGITS], back: 0 },
  'clock-part-of-day': { words: [DIGITS], back: 0 },
  'month-day-year': { words: MONTH_WORDS, back: 1 },
  'day-month-year': { words: MONTH_WORDS, back: 4 },
  'week-of': { words: MONTH_WORDS, back: 3 },
  'month-day': { words: MONTH_WORDS, back: 1 },
  'conjoined-day': { words: [DIGITS], back: 0 },
  'day-range-first': { words: [DIGITS], back: 0 },
  'day-month': { words: MONTH_WORDS, back: 5 },
  'month-year': { words: MONTH_WORDS, back: 0 },
  month: { words: MONTH_WORDS, back: 1 },
  year: { words: [DIGITS], back: 0 },
  'year-words': { words: ['thousand'], back: 4 },
  decade: { words: [DIGITS, ...DECADE_WORDS], back: 0 },
  century: { words: ['century'], back: 3 },
  season: { words: SEASON_WORDS.filter((w) => !w.endsWith('s')), back: 1 },
  'month-range-quarter': { words: MONTH_WORDS, back: 0 },
  quarter: { words: ['quarter', 'half', 'q'], back: 6 },
  'half-of-year': { words: ['half', 'quarters'], back: 2 },
  'relative-quarter': { words: ['quarter'], back: 4 },
  'year-earlier': { words: ['year'], back: 1 },
  'day-word': { words: ['today', 'tonight', 'yesterday', 'tomorrow'], back: 3 },
  'mid-part-of-day': { words: ['mid', 'midmorning', 'midafternoon', 'midevening'], back: 0 },
  'part-of-day': { words: ['morning', 'afternoon', 'evening', 'night', 'overnight'], back: 2 },
  weekday: { words: WEEKDAY_WORDS, back: 1 },
  'relative-unit': { words: ['week', 'month', 'year', 'weekend', 'decade', 'century'], back: 3 },
  'the-weekend': { words: ['weekend'], back: 1 },
  ago: { words: UNIT_WORDS, back: 8 },
  duration: { words: UNIT_WORDS, back: 8 },
  'compound-duration': { words: ['year', 'years', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes'], back: 8 },
  'units-ahead': { words: ['years', 'months', 'weeks', 'days'], back: 0 },
  'part-of-period': { words: ['end', 'start', 'beginning', 'middle'], back: 1 },
  'bare-units': { words: ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades', 'centuries', 'quarters'], back: 2 },
  set: { words: [...UNIT_WORDS, ...PARTS, ...SEASON_WORDS, ...WEEKDAY_WORDS, ...MONTH_WORDS], back: 6 },
  'plural-weekday': { words: [...WEEKDAY_WORDS.map((w) => `${w}s`), 'weekends'], back: 0 },
  'frequency-adverb': { words: ['daily', 'weekly', 'fortnightly', 'monthly', 'yearly', 'annually', 'hourly', 'nightly', 'biweekly', 'semiannually', 'quarterly'], back: 0 },
  'present-ref': { words: ['now', 'currently', 'nowadays', 'presently', 'present', 'days', 'current'], back: 2 },
  'past-ref': { words: ['recently', 'lately', 'past', 'recent'], back: 1 },
  'future-ref': { words: ['future', 'someday', 'soon', 'term', 'date'], back: 3 },
  clock: { words: [DIGITS, 'noon', 'midnight', 'midday'], back: 0 },
  'clock-24h': { words: [DIGITS], back: 0 },
  'clock-gmt': { words: ['gmt', 'utc'], back: 1 },
  'the-year': { words: ['year'], back: 3 },
  'year-end': { words: ['end'], back: 3 },
  'latest-period': { words: ['period'], back: 3 },
  'year-period': { words: ['period', 'quarter'], back: 1 },
  'period-code': { words: ['h', 'fy'], back: 1 },
  'ordinal-day': { words: [DIGITS], back: 1 },
  'anaphoric-day': { words: ['day', 'morning', 'afternoon', 'evening', 'night'], back: 3 },
  'spoken-year': { words: ['nineteen', 'thousand'], back: 1 },
  anaphoric: { words: ['day', 'week', 'month', 'year', 'quarter'], back: 3 },
  holiday: { words: ['christmas', 'year', 'thanksgiving', 'independence', 'halloween', 'valentine', 'labor', 'memorial', 'veterans', 'election', 'boxing', 'easter', 'friday', 'monday', 'sunday', 'thursday', 'wednesday'], back: 1 },
};

interface Anchored {
  rule: Rule;
  sticky: RegExp;
  back: number;
}

export interface RuleMatch {
  rule: Rule;
  order: number;
  match: RegExpExecArray;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** a hash is kept to 30 bits: V8 stores such integers unboxed, in a Set too */
const SMALL_INT = 0x3fffffff;

/** A hash of a word in lower case (ASCII letters), as matchAll computes it while scanning. */
function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + (word.charCodeAt(i) | 0x20)) | 0;
  return h & SMALL_INT;
}

export class AnchoredRules {
  private readonly anchored: Anchored[];
  /** trigger word → indices into `anchored` */
  private readonly byWord = new Map<string, number[]>();
  /** length of the longest trigger word: longer words need no lookup */
  private readonly longestWord: number;
  /** wordHash of every trigger word: a word whose hash is not here needs no lookup (nor lower-casing) */
  private readonly wordHashes: Set<number>;

  constructor(rules: Rule[]) {
    this.anchored = rules.map((rule, i) => {
      const t = TRIGGERS[rule.name];
      if (!t) throw new Error(`timex rule ${rule.name} has no triggers`);
      for (const w of new Set(t.words)) {
        const list = this.byWord.get(w) ?? [];
        list.push(i);
        this.byWord.set(w, list);
      }
      return { rule, sticky: new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'y'), back: t.back };
    });
    this.longestWord = Math.max(...[...this.byWord.keys()].map((w) => w.length));
    this.wordHashes = new Set([...this.byWord.keys()].map(wordHash));
  }

  /** All matches of every rule in `text`, as a global scan per rule would find them. */
  matchAll(text: string): RuleMatch[] {
    // Word starts, and per rule the word indices of its triggers (in text order).
    const starts: number[] = [];
    const hits: number[][] = this.anchored.map(() => []);
    // words are runs of ASCII letters or of digits, scanned by hand: no match object per word, and
    // a letter word's hash (see wordHash) computed on the way, so most words need no string at all
    const n = text.length;
    const digitRules = this.byWord.get(DIGITS);
    for (let i = 0; i < n; ) {
      const c = text.charCodeAt(i);
      let end = i + 1;
      if (isDigit(c)) {
        while (end < n && isDigit(text.charCodeAt(end))) end++;
        if (digitRules) for (const r of digitRules) hits[r].push(starts.length);
      } else if (isAsciiLetter(c)) {
        let h = c | 0x20;
        for (let d = text.charCodeAt(end); end < n && isAsciiLetter(d); d = text.charCodeAt(++end)) h = (Math.imul(h, 31) + (d | 0x20)) | 0;
        if (end - i <= this.longestWord && this.wordHashes.has(h & SMALL_INT)) {
          const rules = this.byWord.get(text.slice(i, end).toLowerCase());
          if (rules) for (const r of rules) hits[r].push(starts.length);
        }
      } else {
        i++;
        continue;
      }
      starts.push(i);
      i = end;
    }
    const out: RuleMatch[] = [];
    this.anchored.forEach((a, order) => {
      let resume = 0;
      // word starts up to here failed (or lie inside a match): the windows of nearby triggers overlap
      let failedThrough = -1;
      for (const wi of hits[order]) {
        for (let s = Math.max(0, wi - a.back, failedThrough + 1); s <= wi; s++) {
          let pos = starts[s];
          // "’90s": a match may open with the apostrophe before the word.
          const prev = text.charCodeAt(pos - 1);
          if (prev === 39 || prev === 0x2019) pos--;
          const hit = pos < resume ? null : (this.tryAt(a, text, pos) ?? (pos !== starts[s] ? this.tryAt(a, text, starts[s]) : null));
          if (hit) {
            out.push({ rule: a.rule, order, match: hit });
            resume = hit.index + hit[0].length;
            break;
          }
          failedThrough = s;
        }
      }
    });
    return out;
  }

  private tryAt(a: Anchored, text: string, pos: number): RegExpExecArray | null {
    a.sticky.lastIndex = pos;
    const m = a.sticky.exec(text);
    return m && m[0].length > 0 ? m : null;
  }
}
