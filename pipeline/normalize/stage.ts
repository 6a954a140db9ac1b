import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { readJson, listFiles, toJson, walkFiles, writeFileAtomic } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { StageReport } from '../shared/report.ts';
import type { NormalizedArticle } from '../records.ts';
import { formatOf, normalizeArticle, normalizeRecord, type NormalizeResult } from './index.ts';

export interface InputFile {
  /** a path, or "-" for standard input (read as NDJSON) */
  path: string;
  /** path relative to the folder it was found in; for a file argument, its name */
  source: string;
}

/** Every article file in the inputs: files as given, folders walked recursively (sorted), "-" for stdin. */
export function discoverInputs(inputs: string[], report: StageReport): InputFile[] {
  const found: InputFile[] = [];
  for (const input of inputs) {
    if (input === '-') {
      found.push({ path: '-', source: '-' });
      continue;
    }
    if (!existsSync(input)) {
      report.fail(input, 'no such file or folder');
      continue;
    }
    if (statSync(input).isDirectory()) {
      for (const rel of walkFiles(input, (name) => formatOf(name) !== null)) {
        found.push({ path: `${input.replace(/\/+$/, '')}/${rel}`, source: rel });
      }
    } else {
      found.push({ path: input, source: basename(input) });
    }
  }
  return found;
}

/** The articles of one input: one for an article file, one per non-empty line for NDJSON. */
function* articlesOf(file: InputFile): Generator<{ where: string; result: () => NormalizeResult }> {
  if (file.path !== '-' && formatOf(file.path) !== 'ndjson') {
    yield { where: file.path, result: () => normalizeArticle(readFileSync(file.path), file.source) };
    return;
  }
  const lines = readFileSync(file.path === '-' ? 0 : file.path, 'utf8').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    // a record's source names its line, so errors and outputs point back to it
    yield { where: `${file.path}:${i + 1}`, result: () => normalizeRecord(lines[i], `${file.source}:${i + 1}`) };
  }
}

/**
 * Normalizes every input into out/normalized/. Outputs of inputs that are gone are removed; the
 * earlier output of an input that now fails is kept, so a bad edit loses nothing.
 */
export function runNormalize(inputs: string[], out: string): StageReport {
  const report = new StageReport('normalize');
  const paths = layout(out);
  const files = discoverInputs(inputs, report);
  const current = new Map<string, string>(); // article_id → source
  const failedSources = new Set<string>();
  for (const file of files) {
    for (const { where, result } of articlesOf(file)) {
      try {
        const { article, warnings } = result();
        for (const w of warnings) report.warn(`${where}: ${w}`);
        const earlier = current.get(article.article_id);
        if (earlier !== undefined) {
          report.warn(`${where}: same text as ${earlier}; kept once, as ${earlier}`);
          continue;
        }
        current.set(article.article_id, article.source);
        if (writeFileAtomic(paths.normalized(article.article_id), toJson(article))) report.written++;
        else report.unchanged++;
      } catch (e) {
        report.fail(where, (e as Error).message);
        failedSources.add(where === file.path ? file.source : `${file.source}:${where.slice(file.path.length + 1)}`);
      }
    }
  }
  for (const path of listFiles(paths.normalizedDir, '.json')) {
    const id = basename(path, '.json');
    if (current.has(id)) continue;
    const old = readJson<NormalizedArticle>(path);
    if (!failedSources.has(old.source)) unlinkSync(path);
  }
  return report;
}
