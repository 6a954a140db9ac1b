import { createHash } from 'node:crypto';
import type { NormalizedArticle } from '../records.ts';
import type { ArticleMetadata } from '../extract/document.ts';
import { OffsetMap } from '../shared/offsets.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { detectLanguage } from './language.ts';
import { paragraphSpans, sentenceSpans } from './segment.ts';
import { countWords, normalizeText, type InputFormat } from './text.ts';

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function formatOf(path: string): InputFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
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
    if (v !== undefined && !ISO_DATE.test(v)) throw new Error(`front matter ${key} "${v}" is not an ISO 8601 date`);
  }
  const urls: [string, string | undefined][] = [['url', metadata.url], ...(metadata.author ?? []).map((a): [string, string | undefined] => ['author url', a.url])];
  for (const [field, url] of urls) {
    if (url !== undefined && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(url)) throw new Error(`front matter ${field} "${url}" is not an absolute URL`);
  }
}

export interface NormalizeResult {
  article: NormalizedArticle;
  warnings: string[];
}

/** Normalizes one input file's bytes. Throws an Error whose message is the cause. */
export function normalizeArticle(bytes: Uint8Array, source: string): NormalizeResult {
  const format = formatOf(source);
  if (!format) throw new Error('unsupported file type (expected .txt or .md)');
  if (bytes.length === 0) throw new Error('empty file');
  const raw = decodeUtf8(bytes);
  const warnings: string[] = [];
  let metadata: ArticleMetadata = {};
  let body = raw.replace(/^\ufeff/, '');
  if (format === 'md') {
    const fm = splitFrontMatter(body);
    metadata = fm.metadata;
    body = fm.body;
    for (const f of fm.ignored) warnings.push(`front matter field "${f}" is not a contract field; ignored`);
    checkMetadata(metadata);
  }
  const text = normalizeText(body, format);
  if (!text) throw new Error('no article text (only whitespace or front matter)');
  const lang = detectLanguage(text);
  if (lang.language !== 'en') {
    throw new Error(
      `text does not look like English (English function words ${(lang.englishShare * 100).toFixed(0)}% of words, ` +
        `non-Latin letters ${(lang.nonLatinShare * 100).toFixed(0)}%); only English is supported`,
    );
  }
  if (metadata.inLanguage && !/^en\b/i.test(metadata.inLanguage)) {
    throw new Error(`front matter inLanguage "${metadata.inLanguage}" is not English; only English is supported`);
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
    input_sha256: sha256(bytes),
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
