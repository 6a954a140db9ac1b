import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { listFiles, readJson, toJson, writeFileAtomic } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { StageReport } from '../shared/report.ts';
import { sha256 } from '../normalize/index.ts';
import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import type { ValidationReport } from '../validate/stage.ts';
import { tableCsv } from './csv.ts';
import { dataPackage } from './datapackage.ts';
import { expandSafely, factsJsonLd } from './jsonld.ts';
import { newsArticle } from './newsarticle.ts';
import { TABLES, type ArticleBundle } from './tables.ts';
import { eventSchemaType } from './vocabulary.ts';

/** Loads the articles validation passed, refusing any whose files changed since validation. */
function validatedBundles(out: string, report: StageReport): ArticleBundle[] {
  const paths = layout(out);
  if (!existsSync(paths.validation)) {
    report.fail(paths.validation, 'no validation report: run the validate stage first');
    return [];
  }
  const validation = readJson<ValidationReport>(paths.validation);
  const bundles: ArticleBundle[] = [];
  for (const v of validation.valid) {
    const normBytes = readFileSync(paths.normalized(v.article_id));
    const factsBytes = readFileSync(paths.facts(v.article_id));
    if (sha256(normBytes) !== v.normalized_sha256 || sha256(factsBytes) !== v.facts_sha256) {
      report.fail(paths.facts(v.article_id), 'changed since it was validated: run the validate stage again');
      continue;
    }
    bundles.push({
      article: JSON.parse(normBytes.toString('utf8')) as NormalizedArticle,
      facts: JSON.parse(factsBytes.toString('utf8')) as ArticleFacts,
    });
  }
  return bundles.sort((a, b) => a.article.article_id.localeCompare(b.article.article_id));
}

function write(report: StageReport, path: string, content: string): void {
  if (writeFileAtomic(path, content)) report.written++;
  else report.unchanged++;
}

/** Writes the CSV tables, JSON-LD and NewsArticle records and the data package of the validated articles. */
export async function runExport(out: string): Promise<StageReport> {
  const report = new StageReport('export');
  const paths = layout(out);
  const bundles = validatedBundles(out, report);
  const exported: ArticleBundle[] = [];
  for (const bundle of bundles) {
    const { article, facts } = bundle;
    try {
      const graph = factsJsonLd(article, facts, eventSchemaType);
      const record = newsArticle(article, facts);
      await expandSafely(graph);
      await expandSafely(record);
      write(report, paths.jsonld(article.article_id), toJson(graph));
      write(report, paths.newsarticle(article.article_id), toJson(record));
      exported.push(bundle);
    } catch (e) {
      report.fail(article.source, `JSON-LD: ${(e as Error).message}`);
    }
  }
  const ids = new Set(exported.map((b) => b.article.article_id));
  for (const dir of [paths.jsonldDir, paths.newsarticleDir]) {
    for (const path of listFiles(dir, '.jsonld')) if (!ids.has(basename(path, '.jsonld'))) unlinkSync(path);
  }
  const tables = TABLES.map((spec) => ({ spec, csv: tableCsv(spec, exported) }));
  for (const t of tables) write(report, paths.csv(t.spec.name), t.csv);
  write(report, paths.datapackage, toJson(dataPackage(tables)));
  return report;
}
