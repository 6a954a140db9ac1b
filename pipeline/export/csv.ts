import { stringify } from 'csv-stringify/sync';
import type { ArticleBundle, TableSpec } from './tables.ts';

/** One CSV table over all articles: RFC 4180 (CRLF, quotes where needed), header row, UTF-8. */
export function tableCsv(spec: TableSpec, bundles: ArticleBundle[]): string {
  const rows = bundles.flatMap((b) => spec.rows(b));
  return stringify(rows, {
    header: true,
    columns: spec.columns.map((c) => c.name),
    record_delimiter: 'windows',
    cast: { boolean: (v) => (v ? 'true' : 'false'), number: (v) => String(v) },
  });
}
