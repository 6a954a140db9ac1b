import { parse } from 'yaml';
import type { ArticleMetadata, Author } from '../extract/document.ts';

/** The schema.org properties the contract allows in front matter. */
const FIELDS = ['headline', 'datePublished', 'dateModified', 'author', 'publisher', 'url', 'inLanguage', 'image', 'description'] as const;

export interface FrontMatter {
  metadata: ArticleMetadata;
  body: string;
  /** fields present but not understood, reported as warnings */
  ignored: string[];
}

/** Splits YAML front matter ("---" … "---") from a Markdown body. Throws with the cause on bad YAML. */
export function splitFrontMatter(src: string): FrontMatter {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(src);
  if (!m) {
    if (/^---[ \t]*\r?\n/.test(src)) throw new Error('front matter opened with "---" is never closed');
    return { metadata: {}, body: src, ignored: [] };
  }
  let data: unknown;
  try {
    data = parse(m[1], { schema: 'core', prettyErrors: true });
  } catch (e) {
    throw new Error(`front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('front matter must be a YAML mapping of field: value');
  return { ...metadataFields(data as Record<string, unknown>, 'front matter'), body: src.slice(m[0].length) };
}

/**
 * The contract's schema.org fields of a record (front matter, an NDJSON line), checked for shape;
 * other fields are returned as ignored. `where` names the record kind in error messages.
 */
export function metadataFields(record: Record<string, unknown>, where: string): { metadata: ArticleMetadata; ignored: string[] } {
  const metadata: ArticleMetadata = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      ignored.push(key);
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    if (key === 'author') {
      const list = Array.isArray(value) ? value : [value];
      metadata.author = list.map((a): Author => {
        if (typeof a === 'string' || typeof a === 'number') return { name: String(a).trim() };
        const { name, url } = (a ?? {}) as { name?: unknown; url?: unknown };
        if (typeof name === 'string' && (url === undefined || typeof url === 'string')) {
          return url ? { name: name.trim(), url: url.trim() } : { name: name.trim() };
        }
        throw new Error(`${where} field "author" must be a name, a {name, url} mapping, or a list of them`);
      });
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${where} field "${key}" must be a single value`);
    }
    (metadata as Record<string, string>)[key] = String(value).trim();
  }
  return { metadata, ignored };
}
