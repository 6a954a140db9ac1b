import { closeSync, existsSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listFiles, readJson, toJson, walkFiles, writeFileAtomic } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { StageReport } from '../shared/report.ts';
import { sha256 } from '../normalize/index.ts';
import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import type { ValidationReport } from '../validate/stage.ts';
import { tableCsv } from './csv.ts';
import { csvwMetadata } from './csvw.ts';
import { dataPackage } from './datapackage.ts';
import { datasetDescription, sha256sums, type DistributionFile } from './dataset.ts';
import { articleNQuads, expandSafely, factsJsonLd } from './jsonld.ts';
import { articleIri } from './iri.ts';
import { DEFAULT_LICENSE, licenseFor } from './licenses.ts';
import { missingRecommended, newsArticle } from './newsarticle.ts';
import { TABLES, type ArticleBundle } from './tables.ts';
import { eventSchemaType } from './vocabulary.ts';

export interface ExportOptions {
  /** SPDX-style licence id of the data (see licenses.ts) */
  license?: string;
}

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
  return bundles.sort((a, b) => (a.article.article_id < b.article.article_id ? -1 : 1));
}

function write(report: StageReport, path: string, content: string): void {
  if (writeFileAtomic(path, content)) report.written++;
  else report.unchanged++;
}

/**
 * Writes, for the validated articles: JSON-LD and NewsArticle records, canonical N-Quads of them
 * all, the CSV tables with their CSVW metadata, the Frictionless data package, the schema.org
 * Dataset description with its provenance, and SHA256SUMS of every file in the output folder.
 */
export async function runExport(out: string, options: ExportOptions = {}): Promise<StageReport> {
  const report = new StageReport('export');
  const paths = layout(out);
  const license = licenseFor(options.license ?? DEFAULT_LICENSE);
  const bundles = validatedBundles(out, report);

  // The canonical N-Quads stream into a temporary file, one article block at a time.
  const nqPath = join(out, 'dataset.nq');
  const nqTmp = `${nqPath}.tmp-${process.pid}`;
  const nqFile = openSync(nqTmp, 'w');
  const exported: ArticleBundle[] = [];
  try {
    for (const bundle of bundles) {
      const { article, facts } = bundle;
      try {
        const graph = factsJsonLd(article, facts, eventSchemaType);
        const record = newsArticle(article, facts);
        await expandSafely(graph);
        await expandSafely(record);
        const nquads = await articleNQuads(articleIri(article.article_id), [graph, record]);
        write(report, paths.jsonld(article.article_id), toJson(graph));
        write(report, paths.newsarticle(article.article_id), toJson(record));
        writeSync(nqFile, nquads);
        exported.push(bundle);
        const missing = missingRecommended(article);
        if (missing.length) report.warn(`${article.source}: NewsArticle lacks ${missing.join(', ')} (recommended for Google's Article structured data)`);
      } catch (e) {
        report.fail(article.source, `JSON-LD: ${(e as Error).message}`);
      }
    }
  } finally {
    closeSync(nqFile);
  }
  const nquadsContent = readFileSync(nqTmp);
  if (existsSync(nqPath) && readFileSync(nqPath).equals(nquadsContent)) {
    unlinkSync(nqTmp);
    report.unchanged++;
  } else {
    renameSync(nqTmp, nqPath);
    report.written++;
  }

  const ids = new Set(exported.map((b) => b.article.article_id));
  for (const dir of [paths.jsonldDir, paths.newsarticleDir]) {
    for (const path of listFiles(dir, '.jsonld')) if (!ids.has(basename(path, '.jsonld'))) unlinkSync(path);
  }

  const tables = TABLES.map((spec) => ({ spec, csv: tableCsv(spec, exported) }));
  for (const t of tables) write(report, paths.csv(t.spec.name), t.csv);
  const csvw = toJson(csvwMetadata());
  write(report, join(paths.csvDir, 'csv-metadata.json'), csvw);
  const datapackage = toJson(dataPackage(tables, exported, license));
  write(report, paths.datapackage, datapackage);

  const distribution: DistributionFile[] = [
    ...tables.map((t) => ({ path: `csv/${t.spec.name}.csv`, encodingFormat: 'text/csv', content: t.csv, description: t.spec.description })),
    { path: 'csv/csv-metadata.json', encodingFormat: 'application/csvm+json', content: csvw, description: 'CSVW metadata: how the CSV tables map to RDF' },
    { path: 'datapackage.json', encodingFormat: 'application/json', content: datapackage, description: 'Frictionless tabular data package describing the CSV tables' },
    { path: 'dataset.nq', encodingFormat: 'application/n-quads', content: nquadsContent.toString('utf8'), description: "every article's facts and NewsArticle record as canonical N-Quads (RDFC-1.0)" },
  ];
  write(report, join(out, 'dataset.jsonld'), toJson(datasetDescription(exported, TABLES, distribution, license)));

  // checksums of everything in the output folder, read back from disk
  const files = new Map<string, Buffer>();
  for (const rel of walkFiles(out, (name) => name !== 'SHA256SUMS' && !name.includes('.tmp-'))) files.set(rel, readFileSync(join(out, rel)));
  write(report, join(out, 'SHA256SUMS'), sha256sums(files));
  return report;
}
