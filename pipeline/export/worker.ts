import { readFileSync } from 'node:fs';
import { toJson, writeFileAtomic, sha256 } from '../shared/files.ts';
import { OutputError } from '../shared/errors.ts';
import { layout, type Layout } from '../shared/layout.ts';
import { ownedUtf8 } from '../shared/memory.ts';
import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import type { ExportTask } from './articles.ts';
import { CorpusLinker, type ArticleEntityRef } from './corpus.ts';
import { encodeCsvRows } from './csv.ts';
import { summaryEntry, type SummaryEntry } from './dataset.ts';
import { factsJsonLd } from './jsonld.ts';
import { articleNQuads } from './nquads.ts';
import { articleIri } from './iri.ts';
import { missingRecommended, newsArticle } from './newsarticle.ts';
import { TABLES, type ArticleBundle, type ArticleTable, type ExportContext } from './tables.ts';
import { eventSchemaType } from './vocabulary.ts';

/**
 * The export of one article, mostly in worker threads (see shared/pool.ts): it writes the
 * article's own JSON-LD and NewsArticle files and hands back its N-Quads and CSV rows as text, which
 * the export stage appends to the corpus-wide files in article order.
 */

/** What every task of an export shares. */
export interface ExportWorkerContext {
  /** the output folder */
  out: string;
  /** pass 1's links between entity name keys (CorpusEntityIndex.links) */
  corpusLinks: [string, string][];
  excelSafe: boolean;
}

export type ExportOutcome =
  | { ok: false; source: string; message: string }
  | {
      ok: true;
      source: string;
      /** the JSON-LD and NewsArticle files written (the others were unchanged) */
      written: number;
      /** SHA-256 of the JSON-LD and NewsArticle files, for SHA256SUMS without reading them back */
      jsonldSha256: string;
      newsarticleSha256: string;
      /**
       * The article's N-Quads and CSV rows per article table (in TABLES order), as UTF-8: the
       * export stage only appends them, so the worker encodes them and the main thread's heap
       * never holds them as strings (they are ~50 times the article's text).
       */
      nquads: Uint8Array;
      csv: Uint8Array[];
      /** the article's entities with their corpus entity ids, for the corpus entity table */
      entities: { ref: ArticleEntityRef; corpusEntityId: string }[];
      summary: SummaryEntry;
      /** the recommended NewsArticle properties the input lacks (see newsarticle.ts) */
      missingRecommended: string[];
    };

const ARTICLE_TABLES = TABLES.filter((t): t is ArticleTable => t.scope === 'article');

/** The entities of an article as the corpus entity index sees them. */
export function entityRefs(articleId: string, facts: ArticleFacts): ArticleEntityRef[] {
  return facts.entities.map((e) => ({ article_id: articleId, entity_id: e.id, type: e.type, name: e.name, aliases: e.aliases, mention_count: e.mentions.length }));
}

/** Reads one validated article, checking that its files are still the ones validated. */
function loadBundle(task: ExportTask, paths: Layout): ArticleBundle {
  const normBytes = readFileSync(paths.normalized(task.article_id));
  const factsBytes = readFileSync(paths.facts(task.article_id));
  if (sha256(normBytes) !== task.normalized_sha256 || sha256(factsBytes) !== task.facts_sha256) {
    throw new Error('changed since it was validated: run the validate stage again');
  }
  return {
    article: JSON.parse(normBytes.toString('utf8')) as NormalizedArticle,
    facts: JSON.parse(factsBytes.toString('utf8')) as ArticleFacts,
  };
}

function exportArticle(task: ExportTask, paths: Layout, linker: CorpusLinker, excelSafe: boolean): ExportOutcome {
  let source = paths.facts(task.article_id);
  try {
    const bundle = loadBundle(task, paths);
    const { article, facts } = bundle;
    source = article.source;
    const entities = entityRefs(article.article_id, facts).map((ref) => ({ ref, corpusEntityId: linker.idOf(ref) }));
    // an article's rows and graph need only its own entities' corpus ids
    const link = new Map(entities.map((e) => [`${e.ref.article_id}:${e.ref.entity_id}`, e.corpusEntityId]));
    const context: ExportContext = { corpus: { entities: [], link } };
    const graph = factsJsonLd(article, facts, eventSchemaType, context);
    const record = newsArticle(article, facts);
    // a term jsonld.js safe mode would drop fails the article
    const nquads = articleNQuads(articleIri(article.article_id), [graph, record]);
    const csv = ARTICLE_TABLES.map((spec) => encodeCsvRows(spec, spec.rows(bundle, context), { excelSafe }));
    // encoded once, for the file and for its hash
    const jsonld = Buffer.from(toJson(graph), 'utf8');
    const newsarticle = Buffer.from(toJson(record), 'utf8');
    const written = Number(writeFileAtomic(paths.jsonld(task.article_id), jsonld)) + Number(writeFileAtomic(paths.newsarticle(task.article_id), newsarticle));
    return {
      ok: true,
      source,
      written,
      jsonldSha256: sha256(jsonld),
      newsarticleSha256: sha256(newsarticle),
      nquads: ownedUtf8(nquads),
      csv: csv.map(ownedUtf8),
      entities,
      summary: summaryEntry(bundle),
      missingRecommended: missingRecommended(article),
    };
  } catch (e) {
    // a failed write stops the whole export (see shared/output.ts); anything else fails the article
    if (e instanceof OutputError) throw e;
    return { ok: false, source, message: `export: ${(e as Error).message}` };
  }
}

/** one linker per export, built at its first batch */
const linkers = new WeakMap<ExportWorkerContext, CorpusLinker>();

/** The batch handler (see shared/pool.ts): exports a batch of articles. */
export default function exportBatch(tasks: ExportTask[], context: ExportWorkerContext): ExportOutcome[] {
  let linker = linkers.get(context);
  if (!linker) linkers.set(context, (linker = new CorpusLinker(context.corpusLinks)));
  const paths = layout(context.out);
  return tasks.map((t) => exportArticle(t, paths, linker, context.excelSafe));
}
