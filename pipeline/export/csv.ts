import { stringify } from 'csv-stringify/sync';
import { StreamedFile } from '../shared/streamed.ts';
import { excelSafeRows } from './excel-safe.ts';
import type { ArticleBundle, ArticleTable, Cell, ExportContext, TableSpec } from './tables.ts';

/** RFC 4180: CRLF record ends, quotes where needed; booleans as true/false. */
function csvText(rows: Cell[][], columns?: string[]): string {
  return stringify(rows, {
    ...(columns ? { header: true, columns } : {}),
    record_delimiter: 'windows',
    cast: { boolean: (v) => (v ? 'true' : 'false'), number: (v) => String(v) },
  });
}

/** One whole CSV table (header row, then the rows of every bundle). */
export function tableCsv(spec: ArticleTable, bundles: ArticleBundle[], context: ExportContext): string {
  return csvText(
    bundles.flatMap((b) => spec.rows(b, context)),
    spec.columns.map((c) => c.name),
  );
}

export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/**
 * Rows of a table as CSV text without the header, optionally excel-safe (see excel-safe.ts): what
 * each article adds to a table, encoded where the article is read.
 */
export function encodeCsvRows(spec: TableSpec, rows: Cell[][], options: { excelSafe?: boolean } = {}): string {
  if (!rows.length) return '';
  return csvText(options.excelSafe ? excelSafeRows(spec.columns)(rows) : rows);
}

/** A CSV table written a chunk of encoded rows (encodeCsvRows) at a time (see StreamedFile). */
export class CsvTableWriter {
  private readonly file: StreamedFile;

  constructor(
    path: string,
    readonly spec: TableSpec,
  ) {
    this.file = new StreamedFile(path);
    this.file.add(csvText([], spec.columns.map((c) => c.name)));
  }

  add(encodedRows: string | Uint8Array): void {
    this.file.add(encodedRows);
  }

  finish(): WrittenFile & { changed: boolean } {
    return this.file.finish();
  }

  abort(): void {
    this.file.abort();
  }
}
