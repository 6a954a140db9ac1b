/**
 * HTML input: the article's main text and its metadata from one saved web page.
 *
 * Main text: Mozilla Readability over a linkedom DOM, flattened to one paragraph per line. When
 * Readability finds nothing, the page body minus page chrome (nav, header, footer, aside, scripts…)
 * is used instead, with a warning.
 *
 * Safety: linkedom builds a DOM from the string and never runs scripts or loads anything; Readability
 * only reads and rearranges that DOM; JSON-LD is read with JSON.parse and its @context is never
 * resolved. Image, iframe and link URLs stay strings. Nothing here touches the network.
 *
 * Metadata precedence, field by field: the first source with a usable value wins; a value that cannot
 * be used (a date that is not a date, a relative URL with no canonical URL to resolve it against) is
 * dropped with a warning and the next source is tried.
 *   1. JSON-LD: the first node typed Article or a subtype (NewsArticle, ReportageNewsArticle,
 *      BlogPosting, …), found at the top level, in arrays, in @graph or as mainEntity; {"@id"}
 *      references are followed within the page.
 *   2. OpenGraph and article: meta (og:title, og:url, og:image, og:description, og:site_name,
 *      og:locale, article:published_time, article:modified_time, article:author), then twitter: meta.
 *   3. Plain meta (author, description, date, pubdate, dc.*, dcterms.*), itemprop dates, <html lang>.
 *   4. <title> (a " | Site" suffix or "Site | " prefix naming the site is cut) and <link rel=canonical>.
 * Dates become ISO 8601; URLs become absolute http(s) URLs, relative ones resolved against the page's
 * <base href>, else its canonical URL (link rel=canonical, og:url, JSON-LD url, in that order);
 * inLanguage becomes a BCP 47 tag (en, en-GB).
 */

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleMetadata, Author } from '../extract/document.ts';

export interface HtmlArticle {
  /** main text, one paragraph per line; feed to normalizeText(body, 'txt') */
  body: string;
  metadata: ArticleMetadata;
  warnings: string[];
}

type TextField = 'headline' | 'datePublished' | 'dateModified' | 'publisher' | 'url' | 'inLanguage' | 'image' | 'description';

interface Candidate {
  /** where the value came from, for warnings */
  source: string;
  value: string;
}

interface AuthorCandidate {
  source: string;
  authors: Author[];
}

/** Every value the page offers for each field, in precedence order. */
interface Candidates {
  fields: Record<TextField, Candidate[]>;
  authors: AuthorCandidate[];
  /** <link rel=canonical> href, kept apart because it is also the base for relative URLs */
  canonical?: string;
  baseHref?: string;
}

// ---------------------------------------------------------------- DOM loading

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function loadDocument(html: string): Document {
  const src = html.replace(/^\ufeff/, '');
  let { document } = parseHTML(src);
  // linkedom makes the first element the root; a fragment or a page without <html> needs a wrapper
  if (document.documentElement?.tagName.toLowerCase() !== 'html') {
    ({ document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${src.replace(/^\s*<!doctype[^>]*>/i, '')}</body></html>`));
  }
  const root = document.documentElement;
  let body = document.body;
  if (!body) {
    body = document.createElement('body');
    root.appendChild(body);
  }
  // without an explicit <body>, linkedom leaves content as siblings of an empty body: move it in
  let before = true;
  for (const child of Array.from(root.childNodes)) {
    if (child === body) before = false;
    else if (child !== document.head) {
      if (before) body.insertBefore(child, body.firstChild);
      else body.appendChild(child);
    }
  }
  return document;
}

const tagOf = (el: Element): string => el.tagName.toLowerCase();

function isHidden(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(el.getAttribute('style') ?? '')
  );
}

// ---------------------------------------------------------------- main text

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Never article text. figcaption: captions mix description with photo credits ("Photo: AP"). */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed',
  'video', 'audio', 'picture', 'img', 'select', 'button', 'textarea', 'input', 'figcaption',
]);

/** Page chrome skipped inside Readability's result too: it sometimes keeps a nav or a related-links aside. */
const CHROME_IN_ARTICLE = new Set(['nav', 'aside', 'footer']);
/** Page chrome dropped from the whole body on the fallback path. */
const CHROME_IN_BODY = new Set(['nav', 'aside', 'footer', 'header', 'form']);

/** Whole lines that are page furniture wherever they appear. */
const BOILERPLATE =
  /^(?:advertisements?|advert|skip advertisement|(?:story|article) continues below(?: this)? advertisement|continue reading(?: the main story)?|scroll to continue with content|sponsored(?: content)?|read more|share this article|by:?)$/i;

interface Line {
  text: string;
  /** inside a <blockquote>: a candidate pull quote */
  quoted: boolean;
}

function linkHeavy(el: Element): boolean {
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + (a.textContent ?? '').replace(/\s+/g, '').length, 0);
  return total === 0 || linked / total >= 0.5;
}

/** Flattens block-level text to lines: one per block, inline content joined, <br> ends a line. */
function blockLines(root: Element, chrome: ReadonlySet<string>): Line[] {
  const lines: Line[] = [];
  let buf = '';
  let quoteDepth = 0;
  const flush = (): void => {
    // the same spaces normalizeText folds, so a line of body is already a normalized paragraph
    const text = buf.replace(/[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim();
    if (/[^\s\u200b-\u200d\u2060\ufeff]/.test(text)) lines.push({ text, quoted: quoteDepth > 0 });
    buf = '';
  };
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      buf += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = tagOf(el);
    if (SKIP.has(tag) || chrome.has(tag) || isHidden(el)) return;
    // an article's own <header> holds its standfirst; a header made of links is the site's
    if (tag === 'header' && linkHeavy(el)) return;
    if (tag === 'br') {
      // a line break the reader sees; joining across it would glue an address or a verse into one sentence
      flush();
      return;
    }
    if (tag === 'pre') {
      flush();
      for (const line of (el.textContent ?? '').split('\n')) {
        buf = line;
        flush();
      }
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (tag === 'blockquote') quoteDepth++;
    for (const child of Array.from(el.childNodes)) visit(child);
    if (tag === 'blockquote') quoteDepth--;
    if (block) flush();
  };
  visit(root);
  flush();
  return lines;
}

const core = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Drops furniture lines and pull quotes (a quoted block repeating words found in another paragraph). */
function cleanLines(lines: Line[]): string[] {
  const kept = lines.filter((l) => !BOILERPLATE.test(l.text.replace(/[\s.:…]+$/, '')));
  const plain = kept.filter((l) => !l.quoted).map((l) => core(l.text));
  return kept
    .filter((l) => {
      if (!l.quoted) return true;
      const c = core(l.text);
      // short quoted lines ("Yes.") repeat by chance; only longer ones are judged as pull quotes
      return c.length < 20 || !plain.some((p) => p.includes(c));
    })
    .map((l) => l.text);
}

/**
 * Removes what Readability would misjudge: pull quotes (duplicates of body text) and bylines. Readability
 * drops a byline itself only when the page metadata names no author, so with metadata it stays as a line.
 */
function pruneBeforeExtraction(document: Document): void {
  for (const el of Array.from(document.querySelectorAll('[class], [id], [rel], [itemprop]'))) {
    if (!el.isConnected) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (/pull-?quote/i.test(names)) {
      el.remove();
      continue;
    }
    const byline =
      /(?:^|\s)author(?:\s|$)/i.test(el.getAttribute('rel') ?? '') ||
      /author/i.test(el.getAttribute('itemprop') ?? '') ||
      /byline|author|writtenby|p-author/i.test(names);
    // short: a byline, not an author biography; outside running text, so a linked name in a sentence stays
    const inSentence = tagOf(el) !== 'p' && el.parentElement?.closest('p') != null;
    if (byline && !inSentence && (el.textContent ?? '').trim().length < 100 && tagOf(el) !== 'body' && tagOf(el) !== 'html') {
      el.remove();
    }
  }
}

function mainText(html: string, document: Document, headline: string | undefined, warnings: string[]): string {
  pruneBeforeExtraction(document);
  let lines: string[] = [];
  try {
    // serializer returns the content element itself: no HTML string round trip
    const article = new Readability<Element>(document, { serializer: (node) => node as Element }).parse();
    if (article?.content) lines = cleanLines(blockLines(article.content, CHROME_IN_ARTICLE));
    // the headline is metadata; Readability drops the heading repeating it only when its own title guess matches
    if (headline && lines.length && core(lines[0]) === core(headline)) lines.shift();
  } catch (e) {
    warnings.push(`html: Readability failed (${(e as Error).message}); using the page body`);
  }
  if (lines.length) return lines.join('\n');
  // the last resort keeps headings, headline included: a page may be nothing but its headline
  // Readability has rearranged the first DOM; parse again for the fallback
  const fresh = loadDocument(html);
  pruneBeforeExtraction(fresh);
  lines = cleanLines(blockLines(fresh.body, CHROME_IN_BODY));
  warnings.push(
    lines.length
      ? 'html: Readability found no main article text; used the page body without navigation, header, footer and asides'
      : 'html: the page has no visible text outside navigation, header, footer and asides',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------- value cleaning

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** RFC 2822 zone names; other names ("BST", "IST") are ambiguous, so their time is dropped and the date kept. */
const ZONES: Record<string, string> = {
  Z: 'Z', UT: 'Z', UTC: 'Z', GMT: 'Z',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};

const pad = (n: number): string => String(n).padStart(2, '0');

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return i < 0 ? null : i + 1;
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function zoneOf(raw: string | undefined): string | null | undefined {
  if (!raw) return '';
  const upper = raw.toUpperCase();
  if (upper in ZONES) return ZONES[upper];
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  if (m) return Number(m[2]) <= 14 && Number(m[3] ?? 0) < 60 ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : null;
  return undefined; // a zone name we do not know
}

function timeOf(h: number, min: number, sec: string | undefined, frac: string | undefined, zone: string): string | null {
  if (h > 23 || min > 59 || (sec !== undefined && Number(sec) > 60)) return null;
  return `T${pad(h)}:${pad(min)}${sec !== undefined ? `:${sec}${frac ?? ''}` : ''}${zone}`;
}

/**
 * ISO 8601 for the date forms pages use: ISO with a space or lowercase separators, compact 20240305,
 * RFC 2822 ("Tue, 05 Mar 2024 09:30:00 GMT"), "March 5, 2024 2:30 PM EST", "5 March 2024", Unix seconds.
 * Never Date.parse: it reads zone-less strings in the machine's local zone. Null when not a date.
 */
export function toIsoDate(raw: string): string | null {
  const s = collapse(raw);
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
    if (!validDay(y, mo, d)) return null;
    return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : m[2] ? `${m[1]}-${m[2]}` : m[1];
  }
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s);
  if (m) {
    if (!validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
    const zone = zoneOf(m[8]);
    if (zone == null) return null;
    const time = timeOf(Number(m[4]), Number(m[5]), m[6], m[7], zone);
    return time && `${m[1]}-${m[2]}-${m[3]}${time}`;
  }
  if (/^\d{10}$/.test(s)) return new Date(Number(s) * 1000).toISOString().replace('.000Z', 'Z');
  // textual forms: an optional weekday, then "5 March 2024" or "March 5, 2024", then an optional time
  const TIME = String.raw`(?:,?\s+(?:at\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(?:\s*([A-Z]{1,5}|[+-]\d{2}:?\d{2}))?)?`;
  const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
  let y: number, mo: number | null, d: number;
  let t: (string | undefined)[];
  if ((m = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]+\\.?),?\\s+(\\d{4})${TIME}$`, 'i').exec(s))) {
    [d, mo, y, t] = [Number(m[1]), monthOf(m[2]), Number(m[3]), m.slice(4)];
  } else if ((m = new RegExp(`^${WEEKDAY}([a-z]+\\.?)\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`, 'i').exec(s))) {
    [mo, d, y, t] = [monthOf(m[1]), Number(m[2]), Number(m[3]), m.slice(4)];
  } else return null;
  if (mo === null || !validDay(y, mo, d)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  const [hh, mm, ss, ampm, zoneRaw] = t;
  if (hh === undefined) return date;
  let h = Number(hh);
  if (ampm) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (/^p/i.test(ampm) ? 12 : 0);
  }
  const zone = zoneOf(zoneRaw);
  if (zone === null) return null;
  if (zone === undefined) return date; // unknown zone name: the time is not reliable, the date is
  const time = timeOf(h, Number(mm), ss, undefined, zone);
  return time && date + time;
}

/** An absolute http(s) URL, resolving a relative one against base; null when that cannot be done. */
function toAbsoluteUrl(raw: string, base: string | undefined): string | null {
  const s = raw.trim();
  if (!s) return null;
  try {
    const url = new URL(s, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A BCP 47 tag with conventional casing (en, en-GB, zh-Hant); en_US (og:locale) is accepted. */
function toLanguage(raw: string): string | null {
  const s = raw.trim().replace(/_/g, '-');
  if (/^english$/i.test(s)) return 'en';
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(s)) return null;
  return s
    .split('-')
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part.length === 4 ? part[0].toUpperCase() + part.slice(1).toLowerCase() : part.toLowerCase()))
    .join('-');
}

// ---------------------------------------------------------------- JSON-LD

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
  'ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting',
  'Report', 'TechArticle', 'ScholarlyArticle', 'AdvertiserContentArticle',
]);

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Local type names: "NewsArticle", "schema:NewsArticle" and "https://schema.org/NewsArticle" alike. */
function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, ''));
}

/** JSON.parse with the repairs pages need: comment/CDATA wrappers, a trailing semicolon, raw newlines in strings. */
function parseJsonLd(text: string): unknown {
  const src = text
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/)\s*/, '')
    .replace(/\s*(?:-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/)$/, '')
    .replace(/;\s*$/, '');
  try {
    return JSON.parse(src);
  } catch {
    // control characters are invalid inside JSON strings and harmless between tokens
    return JSON.parse(src.replace(/\p{Cc}+/gu, ' '));
  }
}

interface JsonLd {
  article?: JsonObject;
  byId: Map<string, JsonObject>;
}

function readJsonLd(document: Document, warnings: string[]): JsonLd {
  const candidates: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  // index every node with an @id and content, at any depth, so references resolve
  const index = (v: unknown, depth: number): void => {
    if (depth > 20) return;
    if (Array.isArray(v)) for (const x of v) index(x, depth + 1);
    else if (isObject(v)) {
      if (typeof v['@id'] === 'string' && Object.keys(v).length > 1 && !byId.has(v['@id'])) byId.set(v['@id'], v);
      for (const x of Object.values(v)) index(x, depth + 1);
    }
  };
  // article candidates only where the page puts its main entity, not in nested lists of related stories
  const collect = (v: unknown, depth: number): void => {
    if (depth > 5) return;
    if (Array.isArray(v)) for (const x of v) collect(x, depth + 1);
    else if (isObject(v)) {
      candidates.push(v);
      if (v['@graph'] !== undefined) collect(v['@graph'], depth + 1);
      if (v.mainEntity !== undefined) collect(v.mainEntity, depth + 1);
    }
  };
  let n = 0;
  for (const script of Array.from(document.querySelectorAll('script[type]'))) {
    if (!/^\s*application\/ld\+json\s*(?:;|$)/i.test(script.getAttribute('type') ?? '')) continue;
    n++;
    let data: unknown;
    try {
      data = parseJsonLd(script.textContent ?? '');
    } catch (e) {
      warnings.push(`html: JSON-LD block ${n} is not valid JSON (${(e as Error).message}); ignored`);
      continue;
    }
    index(data, 0);
    collect(data, 0);
  }
  const article = candidates.find((c) => typesOf(c).some((t) => ARTICLE_TYPES.has(t)));
  return { article, byId };
}

/** Replaces a bare {"@id": …} reference with the node it names, when the page has it. */
function deref(v: unknown, byId: Map<string, JsonObject>): unknown {
  if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId.get(v['@id']) ?? v;
  return v;
}

// JSON-LD strings are raw text, yet some pages HTML-escape them ("R&amp;D"); entity references are
// decoded with the DOM ("<" escaped first, so nothing is parsed as markup).
function decodeEntities(s: string, document: Document): string {
  if (!/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(s)) return s;
  const el = document.createElement('div');
  el.innerHTML = s.replace(/</g, '&lt;');
  return el.textContent ?? s;
}

function jsonText(v: unknown, document: Document): string | undefined {
  if (typeof v === 'string') return collapse(decodeEntities(v, document)) || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = jsonText(x, document);
      if (t) return t;
    }
    return undefined;
  }
  if (isObject(v) && '@value' in v) return jsonText(v['@value'], document);
  return undefined;
}

function jsonAuthors(v: unknown, ld: JsonLd, document: Document): Author[] {
  const out: Author[] = [];
  for (const raw of Array.isArray(v) ? v : [v]) {
    const a = deref(raw, ld.byId);
    if (typeof a === 'string') {
      const name = jsonText(a, document);
      if (name) out.push({ name });
    } else if (isObject(a)) {
      const name = jsonText(a.name, document);
      const url = jsonText(a.url, document);
      if (name) out.push(url ? { name, url } : { name });
    }
  }
  return out;
}

/** An image as a URL string: a string, an ImageObject ({url} or {contentUrl}), a reference, or a list. */
function jsonImage(v: unknown, ld: JsonLd, document: Document): string | undefined {
  for (const raw of Array.isArray(v) ? v : [v]) {
    const img = deref(raw, ld.byId);
    const url = typeof img === 'string' ? jsonText(img, document) : isObject(img) ? (jsonText(img.url, document) ?? jsonText(img.contentUrl, document)) : undefined;
    if (url) return url;
  }
  return undefined;
}

function jsonPageUrl(node: JsonObject, ld: JsonLd, document: Document): string | undefined {
  const direct = jsonText(node.url, document);
  if (direct) return direct;
  const page = deref(node.mainEntityOfPage, ld.byId);
  if (typeof page === 'string') return jsonText(page, document);
  if (isObject(page)) {
    const url = jsonText(page.url, document);
    if (url) return url;
    // an unresolved {"@id"} is the page itself when it is a web address; a "#webpage" fragment is a node name
    const id = jsonText(page['@id'], document);
    if (id && /^https?:/i.test(id)) return id.replace(/#.*$/, '');
  }
  return undefined;
}

function jsonName(v: unknown, ld: JsonLd, document: Document): string | undefined {
  for (const raw of Array.isArray(v) ? v : [v]) {
    const x = deref(raw, ld.byId);
    const name = typeof x === 'string' ? jsonText(x, document) : isObject(x) ? jsonText(x.name, document) : undefined;
    if (name) return name;
  }
  return undefined;
}

// ---------------------------------------------------------------- candidates

function emptyCandidates(): Candidates {
  return {
    fields: { headline: [], datePublished: [], dateModified: [], publisher: [], url: [], inLanguage: [], image: [], description: [] },
    authors: [],
  };
}

function gatherCandidates(document: Document, warnings: string[]): Candidates {
  const c = emptyCandidates();
  const add = (field: TextField, source: string, value: string | null | undefined): void => {
    const v = value == null ? '' : collapse(value);
    if (v) c.fields[field].push({ source, value: v });
  };

  // 1. JSON-LD
  const ld = readJsonLd(document, warnings);
  const node = ld.article;
  if (node) {
    const src = `JSON-LD ${typesOf(node).find((t) => ARTICLE_TYPES.has(t))}`;
    add('headline', `${src} headline`, jsonText(node.headline, document) ?? jsonText(node.name, document));
    add('datePublished', `${src} datePublished`, jsonText(node.datePublished, document));
    add('dateModified', `${src} dateModified`, jsonText(node.dateModified, document));
    add('publisher', `${src} publisher`, jsonName(node.publisher, ld, document));
    add('url', `${src} url`, jsonPageUrl(node, ld, document));
    add('image', `${src} image`, jsonImage(node.image, ld, document));
    add('description', `${src} description`, jsonText(node.description, document));
    add('inLanguage', `${src} inLanguage`, jsonText(node.inLanguage, document) ?? (isObject(node.inLanguage) ? (jsonText(node.inLanguage.alternateName, document) ?? jsonText(node.inLanguage.name, document)) : undefined));
    const authors = jsonAuthors(node.author, ld, document);
    if (authors.length) c.authors.push({ source: `${src} author`, authors });
  }

  // meta by key: property= (OpenGraph), name=, itemprop=, http-equiv=; several tags may share a key
  const meta = new Map<string, string[]>();
  for (const el of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = el.getAttribute('content') ?? '';
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key) meta.set(key, [...(meta.get(key) ?? []), content]);
    }
  }
  const fromMeta = (field: TextField, keys: string[]): void => {
    for (const k of keys) for (const v of meta.get(k) ?? []) add(field, `meta ${k}`, v);
  };
  const metaAuthors = (keys: string[]): void => {
    for (const k of keys) {
      // article:author is usually a profile URL, which names no one
      const authors = (meta.get(k) ?? [])
        .map((v) => collapse(v).replace(/^by\s+/i, ''))
        .filter((v) => v && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v))
        .map((name): Author => ({ name }));
      if (authors.length) c.authors.push({ source: `meta ${k}`, authors });
    }
  };

  // 2. OpenGraph, article:, twitter:
  fromMeta('headline', ['og:title', 'twitter:title']);
  fromMeta('url', ['og:url']);
  fromMeta('image', ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']);
  fromMeta('description', ['og:description', 'twitter:description']);
  fromMeta('publisher', ['og:site_name']);
  fromMeta('datePublished', ['article:published_time']);
  fromMeta('dateModified', ['article:modified_time', 'og:updated_time']);
  fromMeta('inLanguage', ['og:locale']);
  metaAuthors(['article:author']);

  // 3. plain meta, itemprop, <html lang>
  fromMeta('headline', ['dc.title']);
  fromMeta('description', ['description', 'dc.description']);
  fromMeta('publisher', ['dc.publisher']);
  fromMeta('datePublished', ['datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'publication_date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'dcterms.created']);
  fromMeta('dateModified', ['datemodified', 'dcterms.modified', 'last-modified']);
  for (const prop of ['datePublished', 'dateModified'] as const) {
    for (const el of Array.from(document.querySelectorAll(`[itemprop="${prop}"][datetime]`))) add(prop, `itemprop ${prop}`, el.getAttribute('datetime'));
  }
  fromMeta('inLanguage', ['content-language', 'dc.language']);
  add('inLanguage', '<html lang>', document.documentElement.getAttribute('lang'));
  metaAuthors(['author', 'dc.creator']);

  // 4. <title>, <link rel=canonical>; an SVG <title> is an image label, not the page's
  const title = Array.from(document.querySelectorAll('title')).find((el) => !el.closest('svg'));
  if (title) {
    const sites = c.fields.publisher.map((p) => p.value.toLowerCase());
    add('headline', '<title>', stripSiteName(collapse(title.textContent ?? ''), sites));
  }
  for (const el of Array.from(document.querySelectorAll('link[rel][href]'))) {
    if (/(?:^|\s)canonical(?:\s|$)/i.test(el.getAttribute('rel') ?? '')) {
      c.canonical = el.getAttribute('href')?.trim();
      break;
    }
  }
  if (c.canonical) add('url', '<link rel=canonical>', c.canonical);
  c.baseHref = document.querySelector('base[href]')?.getAttribute('href')?.trim();
  return c;
}

/** "Headline | Site" → "Headline" when Site is the site's name; likewise "Site - Headline". */
function stripSiteName(title: string, sites: string[]): string {
  const seps = Array.from(title.matchAll(/\s+[|\-–—·:»]\s+/g));
  if (!sites.length || !seps.length) return title;
  const last = seps[seps.length - 1];
  if (sites.includes(title.slice(last.index + last[0].length).toLowerCase())) return title.slice(0, last.index);
  const first = seps[0];
  if (sites.includes(title.slice(0, first.index).toLowerCase())) return title.slice(first.index + first[0].length);
  return title;
}

// ---------------------------------------------------------------- merge

function merge(c: Candidates, warnings: string[]): ArticleMetadata {
  const metadata: ArticleMetadata = {};
  // the base for relative URLs: what the page declares, else the first absolute canonical address
  const base = [c.baseHref, c.canonical, ...c.fields.url.map((u) => u.value)]
    .map((u) => (u ? toAbsoluteUrl(u, undefined) : null))
    .find((u): u is string => u !== null) ?? undefined;
  const pick = (field: TextField, clean: (v: string) => string | null, why: string): void => {
    for (const cand of c.fields[field]) {
      const v = clean(cand.value);
      if (v) {
        metadata[field] = v;
        return;
      }
      warnings.push(`html: ${cand.source} "${cand.value}" ${why}; dropped`);
    }
  };
  const urlWhy = base ? 'is not an http(s) URL' : 'is not an absolute http(s) URL and the page has no canonical URL';
  if (c.fields.headline.length) metadata.headline = c.fields.headline[0].value; // any non-empty text will do
  pick('datePublished', toIsoDate, 'is not a date');
  pick('dateModified', toIsoDate, 'is not a date');
  if (c.fields.publisher.length) metadata.publisher = c.fields.publisher[0].value; // any non-empty text will do
  pick('url', (v) => toAbsoluteUrl(v, base), urlWhy);
  pick('image', (v) => toAbsoluteUrl(v, base), urlWhy);
  if (c.fields.description.length) metadata.description = c.fields.description[0].value; // any non-empty text will do
  pick('inLanguage', toLanguage, 'is not a BCP 47 language tag');
  for (const cand of c.authors) {
    const seen = new Set<string>();
    const authors: Author[] = [];
    for (const a of cand.authors) {
      const name = a.name.replace(/^by\s+/i, '');
      if (!name || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      let url: string | null = null;
      if (a.url) {
        url = toAbsoluteUrl(a.url, base);
        if (!url) warnings.push(`html: ${cand.source} url "${a.url}" ${urlWhy}; dropped`);
      }
      authors.push(url ? { name, url } : { name });
    }
    if (authors.length) {
      metadata.author = authors;
      break;
    }
  }
  return metadata;
}

// ---------------------------------------------------------------- entry point

/** Main text and metadata of one HTML page. Pure: no scripts run, nothing is fetched. */
export function htmlToArticle(html: string): HtmlArticle {
  const warnings: string[] = [];
  const document = loadDocument(html);
  // metadata first: Readability rearranges the DOM and removes the JSON-LD scripts
  const metadata = merge(gatherCandidates(document, warnings), warnings);
  const body = mainText(html, document, metadata.headline, warnings);
  return { body, metadata, warnings };
}
