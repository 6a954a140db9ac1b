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

/** A CSV table written a batch of rows at a time (see StreamedFile); optionally excel-safe (see excel-safe.ts). */
export class CsvTableWriter {
  private readonly file: StreamedFile;
  private readonly prepare: (rows: Cell[][]) => Cell[][];

  constructor(
    path: string,
    readonly spec: TableSpec,
    options: { excelSafe?: boolean } = {},
  ) {
    this.prepare = options.excelSafe ? excelSafeRows(spec.columns) : (rows) => rows;
    this.file = new StreamedFile(path);
    this.file.add(csvText([], spec.columns.map((c) => c.name)));
  }

  add(rows: Cell[][]): void {
    if (rows.length) this.file.add(csvText(this.prepare(rows)));
  }

  finish(): WrittenFile & { changed: boolean } {
    return this.file.finish();
  }

  abort(): void {
    this.file.abort();
  }
}
