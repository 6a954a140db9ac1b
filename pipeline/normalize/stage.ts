import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { readJson, listFiles, toJson, walkFiles, writeFileAtomic } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { StageReport } from '../shared/report.ts';
import type { NormalizedArticle } from '../records.ts';
import { formatOf, normalizeArticle } from './index.ts';

export interface InputFile {
  path: string;
  /** path relative to the folder it was found in; for a file argument, its name */
  source: string;
}

/** Every article file in the inputs: files as given, folders walked recursively (sorted). */
export function discoverInputs(inputs: string[], report: StageReport): InputFile[] {
  const found: InputFile[] = [];
  for (const input of inputs) {
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

/**
 * Normalizes every input into out/normalized/. Outputs of inputs that are gone are removed; the
 * earlier output of an input that now fails is kept, so a bad edit loses nothing.
 */
export function runNormalize(inputs: string[], out: string): StageReport {
  const report = new StageReport('normalize');
  const paths = layout(out);
  const files = discoverInputs(inputs, report);
  const current = new Map<string, string>(); // article_id → source
  for (const file of files) {
    try {
      const { article, warnings } = normalizeArticle(readFileSync(file.path), file.source);
      for (const w of warnings) report.warn(`${file.path}: ${w}`);
      const earlier = current.get(article.article_id);
      if (earlier !== undefined) {
        report.warn(`${file.path}: same text as ${earlier}; kept once, as ${earlier}`);
        continue;
      }
      current.set(article.article_id, file.source);
      if (writeFileAtomic(paths.normalized(article.article_id), toJson(article))) report.written++;
      else report.unchanged++;
    } catch (e) {
      report.fail(file.path, (e as Error).message);
    }
  }
  const failedSources = new Set(report.failures.map((f) => files.find((x) => x.path === f.source)?.source));
  for (const path of listFiles(paths.normalizedDir, '.json')) {
    const id = basename(path, '.json');
    if (current.has(id)) continue;
    const old = readJson<NormalizedArticle>(path);
    if (!failedSources.has(old.source)) unlinkSync(path);
  }
  return report;
}
