import { sha256 } from '../shared/files.ts';
import type { NormalizedArticle } from '../records.ts';
import type { ArticleMetadata } from '../extract/document.ts';
import { OffsetMap } from '../shared/offsets.ts';
import { decodeText, type Encoding } from './encoding.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { htmlToArticle } from './html.ts';
import { detectLanguage, languageName } from './language.ts';
import { dropUnusable, fieldList, metadataFields, show } from './metadata.ts';
import { paragraphSpans, sentenceSpans } from './segment.ts';
import { countWords, normalizeText, type InputFormat } from './text.ts';
import { formatOf } from './format.ts';

export interface NormalizeResult {
  article: NormalizedArticle;
  warnings: string[];
}

/** An input's article body and metadata, before cleaning. */
interface RawArticle {
  body: string;
  /** how paragraphs are written in body: one per line (txt), or blank-line separated (md) */
  layout: InputFormat;
  metadata: ArticleMetadata;
  warnings: string[];
}

export interface NormalizeOptions {
  /** how file bytes are decoded (see encoding.ts); default utf-8 */
  encoding?: Encoding;
}

/**
 * Normalizes one article file's bytes (.txt, .md, .html). Throws an Error whose message is the
 * cause; a LineError when the cause is at a known line (front matter).
 */
export function normalizeArticle(bytes: Uint8Array, source: string, options: NormalizeOptions = {}): NormalizeResult {
  const format = formatOf(source);
  if (!format || format === 'ndjson') throw new Error('unsupported file type (expected .txt, .md or .html)');
  if (bytes.length === 0) throw new Error('empty article (the file has no bytes)');
  const decoded = decodeText(bytes, options.encoding ?? 'utf-8');
  const raw = decoded.text.replace(/^\ufeff/, '');
  const warnings = decoded.warning ? [decoded.warning] : [];
  let article: RawArticle;
  if (format === 'md') {
    const fm = splitFrontMatter(raw);
    if (fm.ignored.length) warnings.push(`front matter fields ${fieldList(fm.ignored)} are not contract fields; ignored`);
    article = { body: fm.body, layout: 'md', metadata: fm.metadata, warnings };
  } else if (format === 'html') {
    const page = htmlToArticle(raw);
    warnings.push(...page.warnings);
    if (!page.body.trim()) throw new Error('not an article: the HTML page has no text outside navigation, header, footer, asides and scripts');
    article = { body: page.body, layout: 'txt', metadata: dropUnusable(page.metadata, warnings), warnings };
  } else {
    const headline = titleLine(raw);
    article = { body: raw, layout: 'txt', metadata: headline ? { headline } : {}, warnings };
  }
  return finish(article, source, sha256(bytes));
}

/** a dateline or byline opening a text, which is no title: "LONDON (Reuters) -", "By Jane Smith" */
const NOT_TITLE = /^(?:[Bb][Yy]\s|[A-Z][A-Z .'-]+(?:,[^-–—(]{0,30})?\s*(?:\(|[-–—]\s))/;

/**
 * The headline of a plain-text article that opens with one, as saved news stories often do ("Ad
 * sales boost Time Warner profit", a blank line, then the story): a first line of 2 to 25 words,
 * set off by a blank line, that does not end a sentence, before more text. The line stays in the
 * text; only the metadata gains it.
 */
export function titleLine(raw: string): string | undefined {
  const m = /^\s*([^\n]+?)[ \t]*\r?\n[ \t]*\r?\n\s*\S/.exec(raw);
  if (!m) return undefined;
  const line = m[1].trim();
  const words = line.split(/\s+/).length;
  if (words < 2 || words > 25 || /[.,;:!]["”’')]*$/.test(line) || NOT_TITLE.test(line)) return undefined;
  return line;
}

/**
 * Normalizes one NDJSON line (its bytes, or text): an object with `text` (paragraphs separated by
 * line breaks), the contract's metadata fields, and optionally `id`. Its source is `id`, else
 * `url`, else the fallback (file:line). Throws an Error whose message is the cause.
 */
export function normalizeRecord(line: Uint8Array | string, source: string, options: NormalizeOptions = {}): NormalizeResult {
  const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
  const decoded = decodeText(bytes, options.encoding ?? 'utf-8');
  let record: unknown;
  try {
    record = JSON.parse(decoded.text);
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new Error('not a JSON object');
  const { text, id, ...fields } = record as Record<string, unknown>;
  if (typeof text !== 'string') throw new Error('no "text" string field');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new Error(`binary data, not text: field "text" has a NUL character at offset ${nul}`);
  const { metadata, ignored } = metadataFields(fields, 'NDJSON');
  const warnings = decoded.warning ? [decoded.warning] : [];
  if (ignored.length) warnings.push(`fields ${fieldList(ignored)} are not contract fields; ignored`);
  // the record's own id (else its url) names it, so a record keeps its name in any shard of a corpus
  const name = id === undefined || id === null || id === '' ? (metadata.url ?? source) : recordId(id);
  return finish({ body: text, layout: 'txt', metadata, warnings }, name, sha256(bytes));
}

/** An NDJSON `id`: a label for the article (its `source`), never a file name, so only its form is checked. */
function recordId(id: unknown): string {
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error('NDJSON field id must be a string or a number');
  const name = String(id);
  if (!name.trim() || name.length > 500 || /\p{Cc}|\p{Cs}/u.test(name)) {
    throw new Error(`NDJSON field id ${show(name)} must be 1 to 500 characters without control characters`);
  }
  return name;
}

// a surrogate half without its partner (a cut emoji in JSON "\ud83d") is no character at all
const LONE_SURROGATE = /\p{Cs}/gu;

function finish(raw: RawArticle, source: string, inputSha256: string): NormalizeResult {
  const { metadata, warnings } = raw;
  const body = raw.body.replace(LONE_SURROGATE, '\ufffd');
  if (body !== raw.body) warnings.push('text has lone UTF-16 surrogates (a cut emoji?); each replaced with U+FFFD');
  const text = normalizeText(body, raw.layout);
  if (!text) throw new Error('empty article (only whitespace or metadata)');
  const wordCount = countWords(text);
  if (wordCount === 0) throw new Error('empty article (no words: only symbols, marks or punctuation)');
  const lang = detectLanguage(text);
  if (!lang.english) {
    const guess = lang.detected ? `${languageName(lang.detected)} (ISO 639-3 ${lang.detected})` : 'no language';
    if (lang.confident) {
      throw new Error(
        `text does not look like English: franc detects ${guess}, and English function words are ` +
          `${(lang.englishShare * 100).toFixed(0)}% of words; only English is supported`,
      );
    }
    warnings.push(`text may not be English (franc's guess: ${guess}; ${lang.doubt}); kept`);
  }
  if (metadata.inLanguage && !/^en\b/i.test(metadata.inLanguage)) {
    throw new Error(`metadata inLanguage "${metadata.inLanguage}" is not English; only English is supported`);
  }
  const paragraphs = paragraphSpans(text);
  const sentences = sentenceSpans(text, paragraphs);
  const map = new OffsetMap(text);
  let p = 0;
  const digest = sha256(text);
  const article: NormalizedArticle = {
    article_id: digest.slice(0, 16),
    source,
    sha256: digest,
    input_sha256: inputSha256,
    language: 'en',
    word_count: wordCount,
    metadata,
    text,
    paragraphs: paragraphs.map((s) => map.span(s)),
    sentences: sentences.map((s) => {
      while (p < paragraphs.length - 1 && paragraphs[p].end <= s.start) p++;
      return { ...map.span(s), paragraph: p };
    }),
  };
  return { article, warnings };
}
