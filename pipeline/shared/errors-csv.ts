import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { writeFileAtomic } from './files.ts';
import type { Failure, StageReport } from './report.ts';

const COLUMNS = ['source', 'stage', 'message'] as const;

export function readErrors(path: string): Failure[] {
  if (!existsSync(path)) return [];
  return parse(readFileSync(path, 'utf8'), { columns: true, record_delimiter: ['\r\n', '\n'] }) as Failure[];
}

/** Writes failures sorted, or removes the file when there are none. */
export function writeErrors(path: string, failures: Failure[]): void {
  const key = (f: Failure): string => `${f.source}\u0000${f.stage}\u0000${f.message}`;
  const rows = [...new Map(failures.map((f) => [key(f), f])).values()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  if (!rows.length) {
    if (existsSync(path)) unlinkSync(path);
    return;
  }
  writeFileAtomic(path, stringify(rows, { header: true, columns: [...COLUMNS], record_delimiter: 'windows' }));
}

/**
 * out/errors.csv lists the articles that failed (source, stage, message): each stage replaces its
 * own rows, so the file is right whether the stages run together (`run`) or one by one (`make`).
 */
export function recordFailures(out: string, reports: StageReport[]): void {
  const path = join(out, 'errors.csv');
  const stages = new Set(reports.map((r) => r.stage));
  writeErrors(path, [...readErrors(path).filter((f) => !stages.has(f.stage)), ...reports.flatMap((r) => r.failures)]);
}
