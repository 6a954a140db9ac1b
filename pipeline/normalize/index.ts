import { createHash } from 'node:crypto';
import type { NormalizedArticle } from '../records.ts';
import type { ArticleMetadata } from '../extract/document.ts';
import { OffsetMap } from '../shared/offsets.ts';
import { metadataFields, splitFrontMatter } from './frontmatter.ts';
import { htmlToArticle } from './html.ts';
import { detectLanguage } from './language.ts';
import { paragraphSpans, sentenceSpans } from './segment.ts';
import { countWords, normalizeText, type InputFormat } from './text.ts';

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Input formats by file name: article files, and NDJSON files of one article per line. */
export type FileFormat = 'txt' | 'md' | 'html' | 'ndjson';

export function formatOf(path: string): FileFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  return null;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // find the first bad byte for the message
    let offset = 0;
    for (let n = 1; n <= bytes.length; n++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n));
        offset = n;
      } catch {
        if (n - offset > 4) break;
      }
    }
    throw new Error(`not valid UTF-8 (first bad byte at offset ${offset})`);
  }
}

function checkMetadata(metadata: ArticleMetadata): void {
  for (const key of ['datePublished', 'dateModified'] as const) {
    const v = metadata[key];
    if (v !== undefined && !ISO_DATE.test(v)) throw new Error(`metadata ${key} "${v}" is not an ISO 8601 date`);
  }
  const urls: [string, string | undefined][] = [['url', metadata.url], ...(metadata.author ?? []).map((a): [string, string | undefined] => ['author url', a.url])];
  for (const [field, url] of urls) {
    if (url !== undefined && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(url)) throw new Error(`metadata ${field} "${url}" is not an absolute URL`);
  }
}

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

/** Normalizes one article file's bytes (.txt, .md, .html). Throws an Error whose message is the cause. */
export function normalizeArticle(bytes: Uint8Array, source: string): NormalizeResult {
  const format = formatOf(source);
  if (!format || format === 'ndjson') throw new Error('unsupported file type (expected .txt, .md or .html)');
  if (bytes.length === 0) throw new Error('empty file');
  const raw = decodeUtf8(bytes).replace(/^\ufeff/, '');
  let article: RawArticle;
  if (format === 'md') {
    const fm = splitFrontMatter(raw);
    article = { body: fm.body, layout: 'md', metadata: fm.metadata, warnings: fm.ignored.map((f) => `front matter field "${f}" is not a contract field; ignored`) };
  } else if (format === 'html') {
    const page = htmlToArticle(raw);
    article = { body: page.body, layout: 'txt', metadata: page.metadata, warnings: page.warnings };
  } else {
    article = { body: raw, layout: 'txt', metadata: {}, warnings: [] };
  }
  return finish(article, source, sha256(bytes));
}

/**
 * Normalizes one NDJSON line: an object with `text` (paragraphs separated by line breaks), the
 * contract's metadata fields, and optionally `id`. Its source is `id`, else `url`, else the
 * fallback (file:line). Throws an Error whose message is the cause.
 */
export function normalizeRecord(line: string, source: string): NormalizeResult {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new Error('not a JSON object');
  const { text, id, ...fields } = record as Record<string, unknown>;
  if (typeof text !== 'string') throw new Error('no "text" string field');
  const { metadata, ignored } = metadataFields(fields, 'NDJSON');
  const warnings = ignored.length ? [`fields ${ignored.map((f) => `"${f}"`).join(', ')} are not contract fields; ignored`] : [];
  // the record's own id (else its url) names it, so a record keeps its name in any shard of a corpus
  const name = typeof id === 'string' || typeof id === 'number' ? String(id) : (metadata.url ?? source);
  return finish({ body: text, layout: 'txt', metadata, warnings }, name, sha256(line));
}

function finish(raw: RawArticle, source: string, inputSha256: string): NormalizeResult {
  const { metadata, warnings } = raw;
  checkMetadata(metadata);
  const text = normalizeText(raw.body, raw.layout);
  if (!text) throw new Error('no article text (only whitespace or metadata)');
  const lang = detectLanguage(text);
  if (lang.language !== 'en') {
    throw new Error(
      `text does not look like English (English function words ${(lang.englishShare * 100).toFixed(0)}% of words, ` +
        `non-Latin letters ${(lang.nonLatinShare * 100).toFixed(0)}%); only English is supported`,
    );
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
    word_count: countWords(text),
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
