import { existsSync, mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listFiles, readJson, toJson, writeFileAtomic } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { OutputError } from '../shared/errors.ts';
import { StageReport } from '../shared/report.ts';
import { StreamedFile } from '../shared/streamed.ts';
import { sha256 } from '../normalize/index.ts';
import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import type { ValidationReport } from '../validate/stage.ts';
import { CorpusEntityIndex, type ArticleEntityRef } from './corpus.ts';
import { CsvTableWriter } from './csv.ts';
import { csvwMetadata } from './csvw.ts';
import { dataPackage } from './datapackage.ts';
import { DatasetSummary, datasetDescription, sha256sumsOf, type DistributionFile } from './dataset.ts';
import { factsJsonLd } from './jsonld.ts';
import { articleNQuads } from './nquads.ts';
import { articleIri } from './iri.ts';
import { DEFAULT_LICENSE, licenseFor } from './licenses.ts';
import { missingRecommended, newsArticle } from './newsarticle.ts';
import { TABLES, type ArticleBundle, type ExportContext } from './tables.ts';
import { eventSchemaType } from './vocabulary.ts';
export interface ExportOptions {
  /** SPDX-style licence id of the data (see licenses.ts) */
  license?: string;
  /** guard CSV cells against spreadsheet formula injection (see excel-safe.ts) */
  excelSafe?: boolean;
}

interface ValidatedArticle {
  article_id: string;
  normalized: string;
  facts: string;
}

/** The articles validation passed, in id order; those whose files changed since are refused. */
function validatedArticles(out: string, report: StageReport): ValidatedArticle[] {
  const paths = layout(out);
  if (!existsSync(paths.validation)) {
    report.fail(paths.validation, 'no validation report: run the validate stage first');
    return [];
  }
  return readJson<ValidationReport>(paths.validation)
    .valid.map((v) => ({ ...v, normalized: paths.normalized(v.article_id), facts: paths.facts(v.article_id) }))
    .sort((a, b) => (a.article_id < b.article_id ? -1 : 1));
}

/** The entities of an article as the corpus entity index sees them. */
function entityRefs(articleId: string, facts: ArticleFacts): ArticleEntityRef[] {
  return facts.entities.map((e) => ({ article_id: articleId, entity_id: e.id, type: e.type, name: e.name, aliases: e.aliases, mention_count: e.mentions.length }));
}

/** Reads one validated article, checking that its files are still the ones validated. */
function loadBundle(v: ValidatedArticle, hashes: ValidationReport['valid'][number]): ArticleBundle {
  const normBytes = readFileSync(v.normalized);
  const factsBytes = readFileSync(v.facts);
  if (sha256(normBytes) !== hashes.normalized_sha256 || sha256(factsBytes) !== hashes.facts_sha256) {
    throw new Error('changed since it was validated: run the validate stage again');
  }
  return {
    article: JSON.parse(normBytes.toString('utf8')) as NormalizedArticle,
    facts: JSON.parse(factsBytes.toString('utf8')) as ArticleFacts,
  };
}

function write(report: StageReport, path: string, content: string): void {
  if (writeFileAtomic(path, content)) report.written++;
  else report.unchanged++;
}

/**
 * Writes, for the validated articles: JSON-LD and NewsArticle records, canonical N-Quads of them
 * all, the CSV tables with their CSVW metadata, the Frictionless data package, the schema.org
 * Dataset description with its provenance, and SHA256SUMS of every file in the output folder.
 * Articles stream through one at a time; only the name keys that link entities across articles and
 * the corpus entities are held for the whole corpus.
 */
export async function runExport(out: string, options: ExportOptions = {}): Promise<StageReport> {
  const report = new StageReport('export');
  const paths = layout(out);
  const license = licenseFor(options.license ?? DEFAULT_LICENSE);
  const validation = existsSync(paths.validation) ? readJson<ValidationReport>(paths.validation) : undefined;
  const hashesOf = new Map((validation?.valid ?? []).map((v) => [v.article_id, v]));
  const articles = validatedArticles(out, report);

  // Pass 1: the name keys that link entities across articles, for the corpus entity index.
  const corpus = new CorpusEntityIndex();
  for (const v of articles) {
    for (const e of entityRefs(v.article_id, readJson<ArticleFacts>(v.facts))) corpus.link(e);
  }

  // Pass 2: every article once, streaming into the tables and the N-Quads.
  mkdirSync(paths.csvDir, { recursive: true });
  const writers = TABLES.map((spec) => new CsvTableWriter(paths.csv(spec.name), spec, { excelSafe: options.excelSafe }));
  const nquads = new StreamedFile(join(out, 'dataset.nq'));
  const summary = new DatasetSummary();
  const exported = new Set<string>();
  try {
    for (const v of articles) {
      let bundle: ArticleBundle | undefined;
      try {
        bundle = loadBundle(v, hashesOf.get(v.article_id)!);
        const { article, facts } = bundle;
        // an article's rows and graph need only its own entities' corpus ids
        const link = new Map(entityRefs(article.article_id, facts).map((e) => [`${e.article_id}:${e.entity_id}`, corpus.add(e)]));
        const context: ExportContext = { corpus: { entities: [], link } };
        const graph = factsJsonLd(article, facts, eventSchemaType, context);
        const record = newsArticle(article, facts);
        // a term jsonld.js safe mode would drop fails the article
        const quads = articleNQuads(articleIri(article.article_id), [graph, record]);
        write(report, paths.jsonld(article.article_id), toJson(graph));
        write(report, paths.newsarticle(article.article_id), toJson(record));
        nquads.add(quads);
        for (const w of writers) if (w.spec.scope === 'article') w.add(w.spec.rows(bundle, context));
        summary.add(bundle);
        exported.add(article.article_id);
        const missing = missingRecommended(article);
        if (missing.length) report.warn(`${article.source}: NewsArticle lacks ${missing.join(', ')} (recommended for Google's Article structured data)`);
      } catch (e) {
        if (e instanceof OutputError) throw e;
        report.fail(bundle?.article.source ?? v.facts, `export: ${(e as Error).message}`);
      }
    }
    const corpusContext: ExportContext = { corpus: { entities: corpus.entities(), link: new Map() } };
    for (const w of writers) if (w.spec.scope === 'corpus') w.add(w.spec.rows(corpusContext));
  } catch (e) {
    for (const w of writers) w.abort();
    nquads.abort();
    throw e;
  }
  const tables = writers.map((w) => {
    const file = w.finish();
    if (file.changed) report.written++;
    else report.unchanged++;
    return { spec: w.spec, file };
  });
  const nq = nquads.finish();
  if (nq.changed) report.written++;
  else report.unchanged++;

  for (const dir of [paths.jsonldDir, paths.newsarticleDir]) {
    for (const path of listFiles(dir, '.jsonld')) if (!exported.has(basename(path, '.jsonld'))) unlinkSync(path);
  }

  const csvw = toJson(csvwMetadata());
  write(report, join(paths.csvDir, 'csv-metadata.json'), csvw);
  const datapackage = toJson(dataPackage(tables, summary, license));
  write(report, paths.datapackage, datapackage);
  const described = (path: string, encodingFormat: string, description: string, content: string): DistributionFile => ({
    path, encodingFormat, description, bytes: Buffer.byteLength(content, 'utf8'), sha256: sha256(content),
  });
  const distribution: DistributionFile[] = [
    ...tables.map((t) => ({ path: `csv/${t.spec.name}.csv`, encodingFormat: 'text/csv', description: t.spec.description, ...t.file })),
    described('csv/csv-metadata.json', 'application/csvm+json', 'CSVW metadata: how the CSV tables map to RDF', csvw),
    described('datapackage.json', 'application/json', 'Frictionless tabular data package describing the CSV tables', datapackage),
    { path: 'dataset.nq', encodingFormat: 'application/n-quads', description: "every article's facts and NewsArticle record as canonical N-Quads (RDFC-1.0)", ...nq },
  ];
  write(report, join(out, 'dataset.jsonld'), toJson(datasetDescription(summary, TABLES, distribution, license)));

  // hashes computed while the files were written or checked need not be computed again
  const known = new Map<string, string>([['dataset.nq', nq.sha256], ...tables.map((t): [string, string] => [`csv/${t.spec.name}.csv`, t.file.sha256])]);
  for (const id of exported) {
    const v = hashesOf.get(id)!;
    known.set(`normalized/${id}.json`, v.normalized_sha256);
    known.set(`facts/${id}.json`, v.facts_sha256);
  }
  write(report, join(out, 'SHA256SUMS'), sha256sumsOf(out, known));
  return report;
}
