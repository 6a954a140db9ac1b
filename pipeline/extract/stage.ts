import { existsSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { listFiles, readJson, toJson, writeFileAtomic } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { StageReport } from '../shared/report.ts';
import type { NormalizedArticle } from '../records.ts';
import { extractFacts } from './index.ts';

/**
 * Extracts facts for the given normalized files (all of out/normalized when no arguments are
 * given; arguments that are not .json files are ignored), in this process. Facts whose normalized
 * article is gone are removed.
 */
export function runExtract(out: string, only: string[] = []): StageReport {
  const report = new StageReport('extract');
  const paths = layout(out);
  const normalized = only.length ? only.filter((p) => p.endsWith('.json')) : listFiles(paths.normalizedDir, '.json');
  for (const path of normalized) {
    const id = basename(path, '.json');
    if (!existsSync(path)) continue;
    let article: NormalizedArticle | undefined;
    try {
      article = readJson<NormalizedArticle>(path);
      const facts = extractFacts(article);
      if (writeFileAtomic(paths.facts(id), toJson(facts))) report.written++;
      else report.unchanged++;
    } catch (e) {
      // stale facts of an article that now fails must not flow downstream
      if (existsSync(paths.facts(id))) unlinkSync(paths.facts(id));
      report.fail(article?.source ?? path, process.env.NEWS_FACTS_DEBUG ? String((e as Error).stack) : (e as Error).message);
    }
  }
  for (const path of listFiles(paths.factsDir, '.json')) {
    if (!existsSync(paths.normalized(basename(path, '.json')))) unlinkSync(path);
  }
  return report;
}
