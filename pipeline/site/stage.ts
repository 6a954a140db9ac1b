import { createReadStream, existsSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse';
import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import { OutputError } from '../shared/errors.ts';
import { listFiles, readJson, writeFileAtomic } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { StageReport } from '../shared/report.ts';
import { pageHeadline, renderArticlePage, type ArticleInput } from './article.ts';
import { renderIndexPage } from './index-page.ts';
import { CorpusSummary, type CsvRow } from './summary.ts';

/** The site folder inside an output folder. */
export const siteDir = (out: string): string => join(out, 'site');

/** A page file this stage writes for an article (any other file in site/ is left alone). */
const ARTICLE_PAGE = /^[0-9a-f]{16}\.html$/;

/** The rows of a CSV file with a header, one at a time. */
async function* csvRows(path: string): AsyncGenerator<CsvRow> {
  yield* createReadStream(path).pipe(parse({ columns: true })) as AsyncIterable<CsvRow>;
}

/**
 * Writes the static site for the exported articles: site/<article_id>.html per article and
 * site/index.html for the dataset. Articles stream through one at a time (only the index's small
 * aggregates are kept), the CSV tables are read row by row, and pages of articles no longer in the
 * dataset are removed. Nothing here reads the clock, so the same dataset gives the same bytes.
 */
export async function runSite(out: string): Promise<StageReport> {
  const report = new StageReport('site');
  const paths = layout(out);
  const dir = siteDir(out);
  const tables = [paths.csv('corpus_entities'), paths.csv('entities')];
  const missing = tables.find((t) => !existsSync(t));
  if (missing) {
    report.fail(missing, 'no exported dataset: run the export stage first');
    return report;
  }
  const write = (path: string, content: string): void => {
    if (writeFileAtomic(path, content)) report.written++;
    else report.unchanged++;
  };

  const summary = new CorpusSummary();
  const pages = new Set<string>();
  // the articles export wrote (it removes the records of articles no longer valid)
  for (const record of listFiles(paths.newsarticleDir, '.jsonld')) {
    const id = basename(record, '.jsonld');
    let input: ArticleInput | undefined;
    try {
      input = {
        article: readJson<NormalizedArticle>(paths.normalized(id)),
        facts: readJson<ArticleFacts>(paths.facts(id)),
        newsArticle: readJson<Record<string, unknown>>(record),
      };
      write(join(dir, `${id}.html`), renderArticlePage(input));
      summary.addArticle(input.article, input.facts, pageHeadline(input));
      pages.add(`${id}.html`);
    } catch (e) {
      if (e instanceof OutputError) throw e; // the output folder's fault, not the article's: stop
      report.fail(input?.article.source ?? record, `site: ${(e as Error).message}`);
    }
  }
  for await (const row of csvRows(paths.csv('corpus_entities'))) summary.addCorpusEntity(row);
  for await (const row of csvRows(paths.csv('entities'))) summary.addEntityRow(row);
  write(join(dir, 'index.html'), renderIndexPage(summary));

  for (const path of listFiles(dir, '.html')) {
    const name = basename(path);
    if (ARTICLE_PAGE.test(name) && !pages.has(name)) unlinkSync(path);
  }
  return report;
}
