/** Calendar vocabulary and the regex pieces built from it (compiled once, at module load). */

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
};

export const SEASONS: Record<string, string> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};

/** Order of seasons in a calendar year, for "last winter" arithmetic. */
export const SEASON_INDEX: Record<string, number> = { WI: 0, SP: 1, SU: 2, FA: 3 };

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

/**
 * Holidays and festivals, lower case, apostrophes straight: days the calendar names, never people,
 * organizations or places. The tagger, trained on Reuters, takes "Christmas" for a place.
 */
export const HOLIDAY_NAMES = new Set([
  'christmas', 'christmas eve', 'christmas day', 'boxing day', 'new year', "new year's", "new year's eve", "new year's day",
  'easter', 'easter sunday', 'easter monday', 'good friday', 'lent', 'whitsun', 'pentecost', 'advent',
  'thanksgiving', 'thanksgiving day', 'halloween', "valentine's day", 'independence day', 'labor day', 'labour day',
  'memorial day', 'veterans day', 'ramadan', 'eid', 'eid al-fitr', 'eid al-adha', 'diwali', 'hanukkah', 'passover',
  'yom kippur', 'rosh hashanah',
]);

export const PARTS_OF_DAY: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI',
};

/** Month names; abbreviations take an optional period. "May" is vetted separately (modal verb). */
export const MONTH_RE = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)`;
export const WEEKDAY_RE = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
export const YEAR_RE = String.raw`(?:1[6-9]\d\d|20\d\d)`;
export const DAY_RE = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;

/** TimeML duration unit letter and the multiplier into it. */
export const UNITS: Record<string, { unit: string; mult: number; time?: boolean }> = {
  second: { unit: 'S', mult: 1, time: true },
  minute: { unit: 'M', mult: 1, time: true },
  hour: { unit: 'H', mult: 1, time: true },
  day: { unit: 'D', mult: 1 },
  night: { unit: 'D', mult: 1 },
  week: { unit: 'W', mult: 1 },
  weekend: { unit: 'WE', mult: 1 },
  fortnight: { unit: 'W', mult: 2 },
  month: { unit: 'M', mult: 1 },
  quarter: { unit: 'Q', mult: 1 },
  year: { unit: 'Y', mult: 1 },
  decade: { unit: 'Y', mult: 10 },
  century: { unit: 'Y', mult: 100 },
  centurie: { unit: 'Y', mult: 100 },
  millennium: { unit: 'Y', mult: 1000 },
};

/** Unit words (singular or plural), longest first. */
export const UNIT_RE = String.raw`(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millennium|millennia)`;

export function unitKey(word: string): string {
  const w = word.toLowerCase();
  if (w === 'centuries') return 'century';
  if (w === 'millennia') return 'millennium';
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

export function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

export function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS[word.toLowerCase().replace(/\.$/, '').replace(/s$/, '')];
}
