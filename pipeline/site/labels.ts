import { EVENT_VOCABULARY, ROLE_VOCABULARY } from '../extract/events/vocabulary.ts';
import { RELATION_VOCABULARY } from '../extract/relations/vocabulary.ts';

/** Entity types in display order, with the CSS class that colours them. */
export const ENTITY_TYPES = [
  { type: 'Person', css: 'person', plural: 'People' },
  { type: 'Organization', css: 'org', plural: 'Organizations' },
  { type: 'Place', css: 'place', plural: 'Places' },
] as const;

export function typeClass(type: string): string {
  return ENTITY_TYPES.find((t) => t.type === type)?.css ?? 'other';
}

export function eventLabel(type: string): string {
  return EVENT_VOCABULARY.find((t) => t.type === type)?.label ?? type;
}

export function roleLabel(role: string): string {
  return ROLE_VOCABULARY.find((r) => r.role === role)?.label ?? role;
}

export function predicateLabel(predicate: string): string {
  return RELATION_VOCABULARY.find((r) => r.term === predicate)?.label ?? predicate;
}

/** 12345 → "12,345", by hand so the output does not depend on the machine's locale data. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** At most `max` code points of text (never half a surrogate pair), cut at a space when one is near, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > cut.length * 0.7 ? cut.slice(0, space) : cut}…`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MODS: Record<string, string> = { START: 'early', MID: 'mid', END: 'late', APPROX: 'about', BEFORE: 'before', AFTER: 'after' };

/** A calendar TimeML value: a year, a month or a day, optionally with a time. */
const CALENDAR = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?(?:T.*)?$/;

export function isCalendarValue(value: string | undefined): value is string {
  return !!value && CALENDAR.test(value);
}

const PARTS_OF_DAY: Record<string, string> = { MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const REFS: Record<string, string> = { PAST_REF: 'the past', PRESENT_REF: 'now', FUTURE_REF: 'the future' };
const UNITS: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', MIN: 'minute', DE: 'decade', CE: 'century' };

/** A TimeML value that is not a calendar date, in words; undefined when it has no simple reading. */
function readableOther(value: string): string | undefined {
  if (REFS[value]) return REFS[value];
  const decade = /^(\d{3})X$/.exec(value);
  if (decade) return `the ${decade[1]}0s`;
  const century = /^(\d{2})XX$/.exec(value);
  if (century) return `the ${century[1]}00s`;
  const duration = /^P(T?)(\d+(?:\.\d+)?|X)(Y|M|W|D|H|DE|CE)$/.exec(value);
  if (!duration) return undefined;
  const [, time, amount, code] = duration;
  const unit = UNITS[time && code === 'M' ? 'MIN' : code];
  if (amount === 'X') return `some ${unit}s`;
  return `${amount} ${unit}${amount === '1' ? '' : 's'}`;
}

/**
 * A TimeML value as a reader would say it ("7 October 2023", "early February 2025", "498 days",
 * "the past"), written out by hand rather than with Intl so the output never depends on the ICU
 * data of the machine. A value with no simple reading is returned as it is.
 */
export function readableDate(value: string, mod?: string): string {
  const m = CALENDAR.exec(value);
  const modifier = mod && MODS[mod] ? `${MODS[mod]} ` : '';
  if (!m) {
    const other = readableOther(value);
    return other ? `${modifier}${modifier ? other.replace(/^the /, '') : other}` : value;
  }
  const [, year, month, day] = m;
  const date = day ? `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}` : month ? `${MONTHS[Number(month) - 1]} ${year}` : year;
  const clock = value.includes('T') ? value.slice(value.indexOf('T') + 1) : '';
  const time = clock ? ` ${PARTS_OF_DAY[clock] ?? clock}` : '';
  return `${modifier}${date}${time}`;
}

/** The month (YYYY-MM) or, for a year-only value, the year a calendar value falls in. */
export function timelinePeriod(value: string): string {
  return /^\d{4}-\d{2}/.test(value) ? value.slice(0, 7) : value.slice(0, 4);
}
