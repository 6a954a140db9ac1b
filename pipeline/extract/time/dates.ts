/** Calendar arithmetic on plain year/month/day triples (UTC, proleptic Gregorian). */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function fmtDate(r: Ymd): string {
  return `${pad(r.y, 4)}-${pad(r.m)}-${pad(r.d)}`;
}

export function fmtMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** Parses the date part of a TimeML/ISO value; month/day are 0 when absent. */
export function parseValue(v: string | undefined): { y: number; m: number; d: number } | undefined {
  const m = v ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(v) : null;
  if (!m) return undefined;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : 0, d: m[3] ? Number(m[3]) : 0 };
}

function toUtc(r: Ymd): number {
  return Date.UTC(r.y, r.m - 1, r.d);
}

function fromUtc(t: number): Ymd {
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(r: Ymd, n: number): Ymd {
  return fromUtc(toUtc(r) + n * 86400000);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(r: Ymd): number {
  const w = new Date(toUtc(r)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(r: Ymd): { y: number; w: number } {
  const thursday = addDays(r, 4 - isoWeekday(r));
  const jan1 = Date.UTC(thursday.y, 0, 1);
  const w = Math.floor((toUtc(thursday) - jan1) / 86400000 / 7) + 1;
  return { y: thursday.y, w };
}

export function fmtWeek(r: Ymd): string {
  const { y, w } = isoWeek(r);
  return `${pad(y, 4)}-W${pad(w)}`;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** n-th (1-based) ISO weekday of a month, or the last one when n = -1. */
export function nthWeekday(y: number, m: number, weekday: number, n: number): Ymd {
  if (n > 0) {
    const first = isoWeekday({ y, m, d: 1 });
    return { y, m, d: 1 + ((weekday - first + 7) % 7) + (n - 1) * 7 };
  }
  const lastDay = daysInMonth(y, m);
  const last = isoWeekday({ y, m, d: lastDay });
  return { y, m, d: lastDay - ((last - weekday + 7) % 7) };
}
