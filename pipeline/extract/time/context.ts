/**
 * Per-document context the timex resolver needs: which sentence an offset is in, the grammatical
 * tense around it, and whether it sits inside a direct quotation.
 */
import type { Doc, Span } from '../document.ts';
import { findQuoteMarks, quoteTester } from '../quotes/marks.ts';
import { weekdayNumber } from './lexicon.ts';

export type Tense = 'past' | 'present' | 'future';

const FUTURE_WORDS = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'would', 'must', 'should', 'scheduled', 'slated', 'upcoming']);
/** Past forms that look forward when followed by "to" ("expected to join in April"). */
const INTENT_WORDS = new Set(['expected', 'supposed', 'planned', 'scheduled', 'set', 'slated', 'due', 'hoped', 'intended', 'aimed', 'agreed', 'decided', 'promised', 'vowed', 'pledged', 'threatened', 'prepared', 'wanted', 'expects', 'plans', 'hopes', 'intends', 'aims', 'wants', 'is', 'are', 'was', 'were',
  // base forms, after "did not", "to" or a modal: "they did not plan to remove him on Thursday"
  'expect', 'plan', 'hope', 'intend', 'aim', 'want', 'agree', 'decide', 'promise', 'vow', 'pledge', 'threaten', 'prepare',
  // "were planning to drive around the airport on Monday"
  'expecting', 'planning', 'hoping', 'intending', 'aiming', 'wanting', 'preparing', 'threatening', 'about']);
/** words before a gerund that tell of something done before ("after missing a test on 12 August") */
const AFTER_WORDS = new Set(['after', 'despite', 'since']);
/** tokens that open another clause, where such a gerund's reach ends */
const CLAUSE_OPENERS = new Set([',', ';', ':', 'when', 'where', 'while', 'as', 'and', 'but', 'because', 'which', 'who', 'that', 'before', 'until', 'if']);
/** modals before "have" that make a future perfect ("would have" looks back) */
const FUTURE_MODALS = new Set(['will', "'ll", '’ll', 'shall']);
/** Auxiliaries that make a following -ed word a participle, not a past tense ("must be returned"). */
const PARTICIPLE_AUX = new Set(['be', 'been', 'being', 'is', 'are', 'am', "'s", 'get', 'gets', 'got', 'has', 'have', 'had', 'was', 'were']);
/** words whose "'s" is "is" or "has" */
const CONTRACTING_WORDS = new Set(['it', 'he', 'she', 'that', 'there', 'here', 'what', 'who', 'where', 'how', 'this', 'everything', 'nothing', 'everyone', 'nobody', 'someone']);
/** time words whose possessive qualifies a noun ("July's summit"), not a verb */
const TIME_NOUNS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'spring', 'summer', 'autumn', 'fall', 'winter', 'weekend', 'week',
  'month', 'year', 'season', 'quarter', 'today', 'yesterday', 'tomorrow', 'tonight', 'night', 'morning', 'afternoon', 'evening', 'day',
]);
const PRESENT_WORDS = new Set(['is', 'are', 'am', "'s", 'says', 'does', 'do', 'remains', 'continues']);
const PAST_WORDS = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'has', 'have', "'ve", 'went', 'came', 'took', 'gave', 'made',
  'met', 'saw', 'got', 'began', 'left', 'held', 'won', 'lost', 'fell', 'rose', 'found', 'thought', 'knew',
  'became', 'sent', 'spent', 'paid', 'sold', 'bought', 'led', 'ran', 'brought', 'felt', 'kept', 'struck',
  'fought', 'wrote', 'spoke', 'broke', 'chose', 'drove', 'flew', 'grew', 'stood', 'sat', 'fled', 'shot',
  'slid', 'sank', 'meant', 'heard', 'taught', 'caught', 'built', 'dealt', 'hung', 'swore', 'wore', 'beat',
  'sought', 'drew', 'threw', 'withdrew', 'overthrew', 'froze', 'rode', 'rang', 'stole', 'woke', 'shook', 'forgot', 'arose',
  'hid', 'bled', 'sped', 'wept', 'slept', 'swept', 'lent', 'dug', 'stuck', 'spun', 'swung', 'understood', 'mistook',
  'oversaw', 'overcame', 'upheld', 'withheld', 'laid', 'ate', 'drank', 'forbade', 'overtook', 'undertook', 'rebuilt',
  'retook', 'rewrote', 'fed', 'tore', 'blew', 'sang', 'swam',
  // -ed forms too short for the -ed test below
  'died', 'used', 'owed', 'sued', 'tied', 'lied', 'eyed', 'axed',
  'ago', 'earlier', 'yesterday', 'last',
]);
/** Words ending in -ed that are not past-tense verbs. */
const NOT_ED = new Set(['indeed', 'hundred', 'proceed', 'exceed', 'succeed', 'speed', 'breed', 'bleed', 'greed', 'creed', 'need', 'feed', 'seed', 'embed', 'shed', 'bred']);

/** Verbs among the un-…-ed words, which are otherwise adjectives. */
const UN_VERBS = new Set([
  'unveiled', 'unleashed', 'uncovered', 'undermined', 'unlocked', 'united', 'unified', 'unloaded', 'unearthed',
  'unraveled', 'unravelled', 'unfolded', 'unsealed', 'unpacked', 'untied', 'unblocked',
]);

/**
 * Verbs of a timetable in the present tense, which news uses for what is to come: "the summit runs
 * through Friday", "the law takes effect on Jan. 1". Only the -s forms: "meet", "open" are also the
 * base forms a past narrative uses ("did not meet on Friday").
 */
const SCHEDULE_WORDS = new Set([
  'begins', 'starts', 'opens', 'ends', 'closes', 'runs', 'resumes', 'expires', 'kicks', 'takes', 'arrives', 'leaves',
  'departs', 'meets', 'visits', 'heads', 'travels', 'returns', 'launches', 'hosts', 'faces', 'plays', 'convenes', 'reconvenes',
]);

/** Words of expectation that look forward to the time they introduce ("a ruling is expected on 6 January"). */
const EXPECT_WORDS = new Set(['expected', 'expecting', 'due']);
const EXPECT_NEXT = new Set(['on', 'in', 'at', 'by', 'around', 'before', 'early', 'later', 'within']);

function wordTense(lower: string, next: string | undefined, prev: string | undefined, prev2?: string): Tense | undefined {
  // "had been scheduled to expire at midnight Friday", "had planned to": a plan told of as past
  const pluperfect = prev === 'had' || (prev === 'been' && prev2 === 'had');
  if (FUTURE_WORDS.has(lower)) return pluperfect && /ed$/.test(lower) ? 'past' : 'future';
  // "was expected on Friday" tells of an expectation past: the auxiliary decides
  // ("fewer jobs than expected in January", "as expected on Friday" compare with a forecast)
  if (EXPECT_WORDS.has(lower) && next !== undefined && EXPECT_NEXT.has(next) && !/^(?:was|were|had|been|than|as)$/.test(prev ?? '')) return 'future';
  // "due to start", not the cause in "closed due to mechanical problems"
  if (next === 'to' && INTENT_WORDS.has(lower) && (lower !== 'due' || (prev !== undefined && PARTICIPLE_AUX.has(prev)))) return pluperfect ? 'past' : 'future';
  if (lower === 'going' && next === 'to') return 'future';
  if (lower === 'tomorrow' || lower === 'next') return 'future';
  // "will have": the modal before carries the tense
  if ((lower === 'have' || lower === "'ve") && prev !== undefined && FUTURE_MODALS.has(prev)) return undefined;
  if (PAST_WORDS.has(lower)) {
    // A participle after an auxiliary ("will be held") takes the auxiliary's tense.
    if (prev !== undefined && PARTICIPLE_AUX.has(prev) && !PARTICIPLE_AUX.has(lower)) return undefined;
    return 'past';
  }
  // "'s" is "is" after a pronoun ("it's", "there's"). After a time word ("July's summit", "this
  // weekend's game") it keeps the tense of farther verbs off the time, which then takes its nearest
  // occurrence; after another noun it is a possessive without tense ("BP's refinery")
  if (PRESENT_WORDS.has(lower) && (lower !== "'s" || (prev !== undefined && (CONTRACTING_WORDS.has(prev) || TIME_NOUNS.has(prev))))) return 'present';
  // "the court resumes on Monday", but not "he meets" after "when" or "as" in a past narrative's clause
  if (SCHEDULE_WORDS.has(lower) && prev !== 'when' && prev !== 'as') return 'future';
  // "untouched", "unexpected", "unnamed": adjectives, not verbs (but "unveiled" is one)
  if (lower.length >= 5 && lower.endsWith('ed') && /^[a-z]+$/.test(lower) && !NOT_ED.has(lower) && (!lower.startsWith('un') || UN_VERBS.has(lower))) {
    // The auxiliary before a participle already carries the tense; "as expected", "as planned"
    // are asides without one.
    return prev !== undefined && (PARTICIPLE_AUX.has(prev) || prev === 'as') ? undefined : 'past';
  }
  return undefined;
}

/** what "is on" or "is at" a time names: a weekday, a clock time, noon or midnight */
const scheduledTime = (word: string): boolean => (/^\p{Lu}\p{Ll}+day$/u.test(word) && weekdayNumber(word) !== undefined) || /^(?:\d{1,2}(?:[:.]\d\d)?(?:[ap]m)?|noon|midday|midnight)$/.test(word);

export class TimeContext {
  readonly doc: Doc;
  /** tense markers per sentence, [tokenIndex, tense, for times after it only][], computed on first use */
  private readonly markers: ([number, Tense, boolean][] | undefined)[];
  private quoteTest: ((pos: number) => boolean) | undefined;

  constructor(doc: Doc) {
    this.doc = doc;
    this.markers = new Array(doc.sentences.length);
  }

  private sentenceMarkers(si: number): [number, Tense, boolean][] {
    let out = this.markers[si];
    if (out) return out;
    out = [];
    const toks = this.doc.tokens;
    const sent = this.doc.sentences[si];
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const t = toks[i];
      const first = t.text.charCodeAt(0);
      // Capitalized words mid-sentence are names ("Ted", "Reed"), not verbs.
      if (first >= 65 && first <= 90 && i > sent.tokenStart && t.text.length > 1 && t.text !== 'I') continue;
      const next = i + 1 < sent.tokenEnd ? toks[i + 1].text.toLowerCase() : undefined;
      const prev = i > sent.tokenStart ? toks[i - 1].text.toLowerCase() : undefined;
      const lower = t.text.toLowerCase();
      // "after fracturing his thumb … on Saturday", "despite winning the title on Saturday": what was
      // done before, for the times that follow it (not "will win his cap on Sunday after coming on")
      if (prev !== undefined && AFTER_WORDS.has(prev) && lower.length > 5 && lower.endsWith('ing')) {
        out.push([i, 'past', true]);
        continue;
      }
      const prev2 = i > sent.tokenStart + 1 ? toks[i - 2].text.toLowerCase() : undefined;
      // "the meeting is on Thursday", "talks are at 14:30 on Friday": a time set, still to come
      if ((lower === 'is' || lower === 'are') && (next === 'on' || next === 'at') && i + 2 < sent.tokenEnd && scheduledTime(toks[i + 2].text)) {
        out.push([i, 'future', false]);
        continue;
      }
      const tense = wordTense(lower, next, prev, prev2);
      if (tense) out.push([i, tense, false]);
    }
    this.markers[si] = out;
    return out;
  }

  sentenceAt(offset: number): number {
    const s = this.doc.sentences;
    let lo = 0;
    let hi = s.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return s[lo].start <= offset && offset < s[lo].end ? lo : -1;
  }

  tokenAt(offset: number): number {
    const t = this.doc.tokens;
    let lo = 0;
    let hi = t.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (t[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Tense of the verb nearest to the span within its sentence: ties go to the verb before it, and a
   * verb after it beyond a comma or other clause break counts as eight tokens farther.
   */
  tenseAt(span: Span): Tense | undefined {
    const si = this.sentenceAt(span.start);
    if (si < 0) return undefined;
    const from = this.tokenAt(span.start);
    const to = this.tokenAt(Math.max(span.start, span.end - 1));
    let best: Tense | undefined;
    let bestDist = Infinity;
    for (const [i, tense, forwardOnly] of this.sentenceMarkers(si)) {
      if ((i >= from && i <= to) || (forwardOnly && (i > to || this.clauseOpensBetween(i, from)))) continue;
      let d = i < from ? from - i : i - to + 0.5;
      // such a verb usually belongs to the next clause ("to conclude by May, invited the party")
      if (i > to && this.clauseBreakBetween(to, i)) d += 8;
      if (d < bestDist) {
        bestDist = d;
        best = tense;
      }
    }
    return best;
  }

  /** a comma or a word that opens another clause between two tokens ("since arriving … when they play") */
  private clauseOpensBetween(from: number, to: number): boolean {
    const toks = this.doc.tokens;
    for (let k = from + 1; k < to; k++) if (CLAUSE_OPENERS.has(toks[k].text.toLowerCase())) return true;
    return false;
  }

  private clauseBreakBetween(from: number, to: number): boolean {
    const toks = this.doc.tokens;
    for (let k = from + 1; k < to; k++) {
      const t = toks[k].text;
      if (t === ',' || t === ';' || t === ':' || t === '--' || t === '—' || t === '(') return true;
    }
    return false;
  }

  /** Inside a direct quotation, by the quote component's own reading of the quotation marks. */
  inQuote(offset: number): boolean {
    this.quoteTest ??= quoteTester(findQuoteMarks(this.doc));
    return this.quoteTest(offset);
  }
}
