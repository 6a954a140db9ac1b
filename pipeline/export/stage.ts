import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listFiles, readJson, sourceNamedIn, toJson, writeFileAtomic, sha256 } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { collectGarbage, HeapBound, releaseBytes } from '../shared/memory.ts';
import { runInWorkers } from '../shared/pool.ts';
import { Progress } from '../shared/progress.ts';
import { StageReport } from '../shared/report.ts';
import { StreamedFile } from '../shared/streamed.ts';
import type { ArticleFacts } from '../records.ts';
import type { ValidationReport } from '../validate/stage.ts';
import { CorpusEntityIndex } from './corpus.ts';
import { CsvTableWriter, encodeCsvRows } from './csv.ts';
import { csvwMetadata } from './csvw.ts';
import { dataPackage } from './datapackage.ts';
import { DatasetSummary, datasetDescription, writeSha256sums, type DistributionFile } from './dataset.ts';
import { DEFAULT_LICENSE, licenseFor } from './licenses.ts';
import { TABLES, type ExportContext } from './tables.ts';
import { entityRefs, type ExportOutcome, type ExportWorkerContext } from './worker.ts';
import { ValidatedArticles, type ExportTask } from './articles.ts';

/** the module that handles a batch of articles in a worker thread (see shared/pool.ts) */
export const EXPORT_HANDLER = new URL('./worker.ts', import.meta.url);

export interface ExportOptions {
  /** SPDX-style licence id of the data (see licenses.ts) */
  license?: string;
  /** guard CSV cells against spreadsheet formula injection (see excel-safe.ts) */
  excelSafe?: boolean;
  /** threads exporting articles (see shared/pool.ts); default: the cores */
  jobs?: number;
  quiet?: boolean;
}

/** The articles validation passed, in id order. */
function validatedArticles(out: string, report: StageReport): ValidatedArticles {
  const paths = layout(out);
  if (!existsSync(paths.validation)) {
    report.fail(paths.validation, 'no validation report: run the validate stage first');
    return new ValidatedArticles([]);
  }
  return new ValidatedArticles(readJson<ValidationReport>(paths.validation).valid);
}

/** sources named in a warning about articles that lack the same properties; the rest are counted */
const NAMED_SOURCES = 3;

/**
 * The articles whose NewsArticle records lack recommended properties, grouped by what they lack:
 * one warning per group, not one per article (a corpus without metadata would give thousands).
 */
export class MissingProperties {
  private readonly groups = new Map<string, { count: number; sources: string[] }>();

  add(missing: string[], source: string): void {
    if (!missing.length) return;
    const key = missing.join(', ');
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { count: 0, sources: [] }));
    group.count++;
    if (group.sources.length < NAMED_SOURCES) group.sources.push(source);
  }

  warnings(): string[] {
    return [...this.groups].map(([missing, { count, sources }]) => {
      const named = count > sources.length ? `${sources.join(', ')} and ${count - sources.length} more` : sources.join(', ');
      const what = count === 1 ? 'NewsArticle lacks' : `${count} articles' NewsArticle records lack`;
      return `${named}: ${what} ${missing} (recommended for Google's Article structured data)`;
    });
  }
}

function write(report: StageReport, path: string, content: string): void {
  if (writeFileAtomic(path, content)) report.written++;
  else report.unchanged++;
}

/**
 * Writes, for the validated articles: JSON-LD and NewsArticle records, canonical N-Quads of them
 * all, the CSV tables with their CSVW metadata, the Frictionless data package, the schema.org
 * Dataset description with its provenance, and SHA256SUMS of every file in the output folder.
 * Articles are exported in worker threads (see shared/pool.ts) and stream into the shared files in
 * article order. Held for the whole corpus: the name keys that link entities across articles, the
 * corpus entities, and per article its id, the hashes SHA256SUMS lists (ValidatedArticles) and its
 * input for the Dataset description: ~0.5 KB an article (after the articles' stream over BBC ×10,
 * 14,100 articles, the heap held 14 MB against 8 MB for BBC; 42 MB when each article kept its task
 * object, its SHA256SUMS lines in a Map and its own warning, and each corpus entity a Map and a Set).
 */
export async function runExport(out: string, options: ExportOptions = {}): Promise<StageReport> {
  const report = new StageReport('export');
  const paths = layout(out);
  const license = licenseFor(options.license ?? DEFAULT_LICENSE);
  const articles = validatedArticles(out, report);

  // Pass 1: the name keys that link entities across articles, for the corpus entity index.
  const corpus = new CorpusEntityIndex();
  for (let i = 0; i < articles.length; i++) {
    const id = articles.idAt(i);
    for (const e of entityRefs(id, readJson<ArticleFacts>(paths.facts(id)))) corpus.link(e);
  }

  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  // With one job this thread exports every article next, and the facts it just read are garbage
  // that would size its heap (see collectGarbage). (With two, collecting here cost the export ~10%
  // more CPU over BBC ×10: this thread, which only gathers their output, then made 138 full
  // collections instead of 11.)
  if (jobs === 1) collectGarbage();

  // Pass 2: every article once, in worker threads; its N-Quads and rows stream into the shared files in article order.
  mkdirSync(paths.csvDir, { recursive: true });
  const writers = TABLES.map((spec) => new CsvTableWriter(paths.csv(spec.name), spec));
  const nquads = new StreamedFile(join(out, 'dataset.nq'));
  const summary = new DatasetSummary();
  const lacking = new MissingProperties();
  try {
    const context: ExportWorkerContext = { out, corpusLinks: corpus.links(), excelSafe: Boolean(options.excelSafe) };
    const articleWriters = writers.filter((w) => w.spec.scope === 'article');
    const progress = new Progress('export', articles.length, !options.quiet && Boolean(process.stderr.isTTY));
    // gathering two or more workers' output, this thread's heap grew far past what was live (see
    // HeapBound); with one job the whole pipeline over BBC ×10 peaked at ~190–213 MB without it
    const heapBound = jobs > 1 ? new HeapBound() : undefined;
    await runInWorkers<ExportTask, ExportOutcome, ExportWorkerContext>(EXPORT_HANDLER, articles.tasks(), {
      jobs,
      context,
      // exporting holds nothing per article after it: one job needs no worker of its own
      oneJobInThread: true,
      crashed: (task, message) => ({ ok: false, source: sourceNamedIn(paths.normalized(task.article_id)), message: `export: ${message}` }),
      consume: (o, i) => {
        progress.tick();
        if (!o.ok) {
          report.fail(o.source, o.message);
          return;
        }
        report.written += o.written;
        report.unchanged += 2 - o.written;
        nquads.add(o.nquads);
        o.csv.forEach((text, t) => articleWriters[t].add(text));
        // written (copied): their memory need not wait for a full collection
        releaseBytes(o.nquads);
        o.csv.forEach(releaseBytes);
        for (const e of o.entities) corpus.count(e.ref, e.corpusEntityId);
        summary.add(o.summary);
        articles.markExported(i, o.jsonldSha256, o.newsarticleSha256);
        lacking.add(o.missingRecommended, o.source);
        heapBound?.check();
      },
    });
    progress.end();
    for (const w of lacking.warnings()) report.warn(w);
    collectGarbage();
    const corpusContext: ExportContext = { corpus: { entities: corpus.entities(), link: new Map() } };
    for (const w of writers) if (w.spec.scope === 'corpus') w.add(encodeCsvRows(w.spec, w.spec.rows(corpusContext), { excelSafe: options.excelSafe }));
  } catch (e) {
    for (const w of writers) w.abort();
    nquads.abort();
    throw e;
  }
  // The steps from here each build something the size of the corpus (the corpus entity table just
  // written, the list of stale files, the Dataset description with every input, SHA256SUMS) and
  // drop it: each is collected before the next, or their garbage would add up (over BBC ×20 with
  // two jobs the heap grew from 76 to 199 MB in these steps, and the export's peak RSS to 316 MB).
  collectGarbage();
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
    for (const path of listFiles(dir, '.jsonld')) if (!articles.isExported(basename(path, '.jsonld'))) unlinkSync(path);
  }

  collectGarbage();
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

  collectGarbage();
  // hashes computed while the files were written or checked need not be computed again
  const known = new Map([['dataset.nq', nq.sha256], ...tables.map((t): [string, string] => [`csv/${t.spec.name}.csv`, t.file.sha256])]);
  if (writeSha256sums(out, (rel) => known.get(rel) ?? articles.hashOf(rel))) report.written++;
  else report.unchanged++;
  return report;
}
