import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { ArticleMetadata } from '../extract/document.ts';
import { LineError } from '../shared/errors.ts';
import { FieldError, metadataFields } from './metadata.ts';

export interface FrontMatter {
  metadata: ArticleMetadata;
  body: string;
  /** fields present but not understood, reported as warnings */
  ignored: string[];
}

/**
 * Splits YAML front matter ("---" … "---") from a Markdown body. Throws a LineError with the cause
 * and the line of the file on bad YAML or a bad field value. YAML is read as data only (the core
 * schema: no custom tags, no code), with the yaml package's cap on alias expansion.
 */
export function splitFrontMatter(src: string): FrontMatter {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(src);
  if (!m) {
    if (/^---[ \t]*\r?\n/.test(src)) throw new LineError('front matter opened with "---" is never closed', 1);
    return { metadata: {}, body: src, ignored: [] };
  }
  // the YAML starts on line 2 of the file
  const lines = new LineCounter();
  const lineAt = (offset: number): number => lines.linePos(offset).line + 1;
  const doc = parseDocument(m[1], { schema: 'core', prettyErrors: false, lineCounter: lines, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) throw new LineError(`front matter is not valid YAML: ${yamlError.message.split('\n')[0]}`, lineAt(yamlError.pos[0]));
  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (e) {
    throw new LineError(`front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`, 2);
  }
  if (typeof data !== 'object' || Array.isArray(data)) throw new LineError('front matter must be a YAML mapping of field: value', 2);
  try {
    return { ...metadataFields(data as Record<string, unknown>, 'front matter'), body: src.slice(m[0].length) };
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === e.field) : undefined;
    const at = pair && isScalar(pair.key) && pair.key.range ? lineAt(pair.key.range[0]) : 2;
    throw new LineError(e.message, at);
  }
}
