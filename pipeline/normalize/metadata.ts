/**
 * Metadata values from the input (front matter, NDJSON fields, HTML tags) are checked before they
 * are kept. They are labels and links only: no file name or id is ever made from them (files are
 * named by article_id, a hash of the text). Absurd values — a headline of a megabyte, the year
 * 99999, 2025-02-30, a `javascript:` or relative link, control characters — are refused, naming
 * the field: front matter and NDJSON fail the article (the input says something wrong), HTML
 * drops the value with a warning (pages are messy, and the next source may have a good one).
 */
import type { ArticleMetadata, Author } from '../extract/document.ts';

/** The schema.org properties the contract allows in front matter and NDJSON records. */
export const FIELDS = ['headline', 'datePublished', 'dateModified', 'author', 'publisher', 'url', 'inLanguage', 'image', 'description'] as const;

/** Longest accepted value per field, in UTF-16 units: far above real values, far below harm. */
const MAX_LENGTH: Record<string, number> = {
  headline: 1000,
  description: 10_000,
  publisher: 500,
  author: 500,
  url: 2048,
  'author url': 2048,
  image: 2048,
  inLanguage: 35,
  datePublished: 40,
  dateModified: 40,
};
const MAX_AUTHORS = 100;
/** Plausible publication years: the first printed newspapers are from the 1600s. */
const FIRST_YEAR = 1600;
const LAST_YEAR = 2199;

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?)?)?$/;
// control characters other than tab and line breaks, and surrogate halves without their partner
const CONTROL = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

/** A value as quoted in a message: escaped (no terminal control sequences) and cut short. */
export function show(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

function dateProblem(value: string): string | null {
  const m = ISO_DATE.exec(value);
  if (!m) return 'is not an ISO 8601 date';
  const [, y, mo, d, h, mi, s, zh, zm] = m.map((x) => (x === undefined ? undefined : Number(x)));
  if (y! < FIRST_YEAR || y! > LAST_YEAR) return `has the year ${y}, outside ${FIRST_YEAR}–${LAST_YEAR}`;
  const daysInMonth = mo === undefined ? 31 : new Date(Date.UTC(y!, mo, 0)).getUTCDate();
  const bad =
    (mo !== undefined && (mo < 1 || mo > 12)) ||
    (d !== undefined && (d < 1 || d > daysInMonth)) ||
    (h !== undefined && h > 23) ||
    (mi !== undefined && mi > 59) ||
    (s !== undefined && s > 60) ||
    (zh !== undefined && (zh > 14 || zm! > 59));
  return bad ? 'is not a calendar date and time' : null;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Why a value cannot be kept for this field (`author url` for an author's link), or null. */
export function valueProblem(field: string, value: string): string | null {
  const max = MAX_LENGTH[field];
  if (max !== undefined && value.length > max) return `is ${value.length} characters long (the most is ${max})`;
  if (CONTROL.test(value)) return 'contains control characters or lone surrogates';
  switch (field) {
    case 'datePublished':
    case 'dateModified':
      return dateProblem(value);
    case 'url':
    case 'author url':
    case 'image':
      return isHttpUrl(value) ? null : 'is not an absolute http(s) URL';
    case 'inLanguage':
      return /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(value) ? null : 'is not a BCP 47 language tag';
    default:
      return null;
  }
}

/** A metadata field that cannot be used; `field` lets front matter point at its line. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldError';
  }
}

function checked(field: string, value: string, where: string): string {
  const problem = valueProblem(field, value);
  if (problem) throw new FieldError(field.split(' ')[0], `${where} field ${field} ${show(value)} ${problem}`);
  return value;
}

function authorsOf(value: unknown, where: string): Author[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_AUTHORS) throw new FieldError('author', `${where} field "author" lists ${list.length} authors (the most is ${MAX_AUTHORS})`);
  const authors: Author[] = [];
  for (const a of list) {
    if (typeof a === 'string' || typeof a === 'number') {
      const name = String(a).trim();
      if (name) authors.push({ name: checked('author', name, where) });
      continue;
    }
    const { name, url } = (a ?? {}) as { name?: unknown; url?: unknown };
    if (typeof name !== 'string' || (url !== undefined && url !== null && typeof url !== 'string')) {
      throw new FieldError('author', `${where} field "author" must be a name, a {name, url} mapping, or a list of them`);
    }
    if (!name.trim()) continue;
    const author: Author = { name: checked('author', name.trim(), where) };
    if (typeof url === 'string' && url.trim()) author.url = checked('author url', url.trim(), where);
    authors.push(author);
  }
  return authors;
}

/**
 * The contract's schema.org fields of a record (front matter, an NDJSON line), checked for shape
 * and value; other fields are returned as ignored. `where` names the record kind in messages.
 * Throws a FieldError naming the field.
 */
export function metadataFields(record: Record<string, unknown>, where: string): { metadata: ArticleMetadata; ignored: string[] } {
  const metadata: ArticleMetadata = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      ignored.push(key);
      continue;
    }
    if (value === null || value === undefined) continue;
    if (key === 'author') {
      const authors = authorsOf(value, where);
      if (authors.length) metadata.author = authors;
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new FieldError(key, `${where} field "${key}" must be a single value`);
    }
    const text = String(value).trim();
    if (text) (metadata as Record<string, string>)[key] = checked(key, text, where);
  }
  return { metadata, ignored };
}

/** HTML metadata: each unusable value is dropped with a warning instead of failing the page. */
export function dropUnusable(metadata: ArticleMetadata, warnings: string[]): ArticleMetadata {
  const kept: ArticleMetadata = {};
  for (const [key, value] of Object.entries(metadata) as [keyof ArticleMetadata, unknown][]) {
    if (key === 'author') {
      const authors: Author[] = [];
      for (const a of value as Author[]) {
        const nameProblem = valueProblem('author', a.name);
        if (nameProblem) {
          warnings.push(`html: author ${show(a.name)} ${nameProblem}; dropped`);
          continue;
        }
        const urlProblem = a.url === undefined ? null : valueProblem('author url', a.url);
        if (urlProblem) warnings.push(`html: author url ${show(a.url!)} ${urlProblem}; dropped`);
        authors.push(urlProblem ? { name: a.name } : a);
      }
      if (authors.length) kept.author = authors.slice(0, MAX_AUTHORS);
      continue;
    }
    const problem = valueProblem(key, value as string);
    if (problem) warnings.push(`html: ${key} ${show(value as string)} ${problem}; dropped`);
    else (kept as Record<string, unknown>)[key] = value;
  }
  return kept;
}

/** A list of field names for a warning: escaped, and at most ten of them. */
export function fieldList(names: string[]): string {
  const shown = names.slice(0, 10).map(show).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}
