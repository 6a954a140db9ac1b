import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File, walkFilesSorted, sha256 } from '../shared/files.ts';
import { StreamedFile } from '../shared/streamed.ts';
import type { ArticleBundle, TableSpec } from './tables.ts';
import type { License } from './licenses.ts';
import { FACTS_CONTEXT } from './jsonld.ts';
import pkg from '../../package.json' with { type: 'json' };

/**
 * The dataset-level records: a schema.org Dataset description fit for Google Dataset Search, with
 * the PROV-O activity that made it, and the checksums of every file.
 */

const PROJECT = 'urn:news-facts:project';
const MODEL_DIR = new URL('../extract/ner/model/', import.meta.url);
const FULL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface ModelFile {
  name: string;
  sha256: string;
}

/** The shipped model files and their hashes: the model version recorded in the provenance. */
export function modelFiles(): ModelFile[] {
  return readdirSync(MODEL_DIR)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((name) => ({ name, sha256: sha256(readFileSync(new URL(name, MODEL_DIR))) }));
}

/**
 * What the dataset-level records need to know about the articles, gathered one article at a time
 * so a corpus never has to sit in memory.
 */
/** What the dataset description needs of one article (computed where the article is read). */
export interface SummaryEntry {
  article_id: string;
  /** the latest date the article gives: dateModified, datePublished, else the reference date */
  latest?: string;
  /** the earliest and latest calendar dates its facts talk about */
  coverageMin?: string;
  coverageMax?: string;
  input: { source: string; sha256: string };
  source?: { title: string; path: string };
}

export function summaryEntry({ article, facts }: ArticleBundle): SummaryEntry {
  const entry: SummaryEntry = { article_id: article.article_id, input: { source: article.source, sha256: article.input_sha256 } };
  const date = article.metadata.dateModified ?? article.metadata.datePublished ?? facts.reference_date?.value;
  if (date && /^\d{4}-\d{2}-\d{2}/.test(date)) entry.latest = date;
  for (const d of facts.dates) {
    if (d.type !== 'DATE' || !FULL_DATE.test(d.value)) continue;
    if (!entry.coverageMin || d.value < entry.coverageMin) entry.coverageMin = d.value;
    if (!entry.coverageMax || d.value > entry.coverageMax) entry.coverageMax = d.value;
  }
  if (article.metadata.url) entry.source = { title: article.metadata.headline ?? article.source, path: article.metadata.url };
  return entry;
}

export class DatasetSummary {
  articleCount = 0;
  private readonly ids = createHash('sha256');
  private latest?: string;
  private coverageMin?: string;
  private coverageMax?: string;
  readonly inputs: { source: string; sha256: string }[] = [];
  readonly sources: { title: string; path: string }[] = [];

  /** Articles must be added in article-id order (the dataset IRI hashes that sequence). */
  add(entry: SummaryEntry): void {
    this.articleCount++;
    this.ids.update(`${entry.article_id}\n`);
    if (entry.latest && (!this.latest || entry.latest > this.latest)) this.latest = entry.latest;
    if (entry.coverageMin && (!this.coverageMin || entry.coverageMin < this.coverageMin)) this.coverageMin = entry.coverageMin;
    if (entry.coverageMax && (!this.coverageMax || entry.coverageMax > this.coverageMax)) this.coverageMax = entry.coverageMax;
    this.inputs.push(entry.input);
    if (entry.source) this.sources.push(entry.source);
  }

  /** When the data was created, from the inputs (never the clock, so output stays deterministic). */
  get created(): string | undefined {
    if (!this.latest) return undefined;
    return this.latest.length === 10 ? `${this.latest}T00:00:00Z` : this.latest;
  }

  /** The span of calendar dates the facts talk about, as an ISO 8601 interval. */
  get temporalCoverage(): string | undefined {
    if (!this.coverageMin || !this.coverageMax) return undefined;
    return this.coverageMin === this.coverageMax ? this.coverageMin : `${this.coverageMin}/${this.coverageMax}`;
  }

  get iri(): string {
    return `urn:news-facts:dataset:${this.ids.copy().digest('hex').slice(0, 16)}`;
  }
}

export interface DistributionFile {
  path: string;
  encodingFormat: string;
  description: string;
  bytes: number;
  sha256: string;
}

export function datasetDescription(
  summary: DatasetSummary,
  tables: TableSpec[],
  files: DistributionFile[],
  license: License,
): Record<string, unknown> {
  const iri = summary.iri;
  const activity = `${iri}:activity`;
  const created = summary.created;
  const coverage = summary.temporalCoverage;
  const software = `urn:news-facts:software:${pkg.version}`;
  return {
    '@context': FACTS_CONTEXT,
    '@graph': [
      {
        '@id': iri,
        '@type': 'Dataset',
        name: 'Facts extracted from news articles by news-facts',
        description:
          `People, organizations, places, dates, quantities, quotes, relations and events found in ${summary.articleCount} ` +
          'English news article(s), each fact citing its evidence as Unicode code-point offsets into the normalized article text.',
        license: license.path,
        isAccessibleForFree: true,
        creator: { '@id': PROJECT, '@type': 'Organization', name: 'news-facts', url: 'https://github.com/news-facts/news-facts' },
        version: pkg.version,
        ...(created ? { dateCreated: created } : {}),
        ...(coverage ? { temporalCoverage: coverage } : {}),
        keywords: ['news', 'named entities', 'quotations', 'events', 'TimeML', 'open data'],
        variableMeasured: tables.flatMap((t) =>
          t.columns.map((c) => ({
            '@id': `${iri}:variable:${t.name}.${c.name}`,
            '@type': 'PropertyValue',
            name: `${t.name}.${c.name}`,
            description: c.description,
          })),
        ),
        distribution: files.map((f) => ({
          '@id': `${iri}:file:${f.path}`,
          '@type': 'DataDownload',
          name: f.path,
          description: f.description,
          contentUrl: f.path,
          encodingFormat: f.encodingFormat,
          contentSize: `${f.bytes} B`,
          sha256: f.sha256,
        })),
        'prov:wasGeneratedBy': { '@id': activity },
      },
      {
        '@id': activity,
        '@type': 'prov:Activity',
        name: `news-facts ${pkg.version} run over ${summary.articleCount} article(s)`,
        ...(created ? { 'prov:endedAtTime': { '@value': created, '@type': 'xsd:dateTime' } } : {}),
        'prov:wasAssociatedWith': { '@id': software },
        'prov:used': [
          ...summary.inputs.map((i) => ({ '@id': `urn:news-facts:input:${i.sha256}` })),
          ...modelFiles().map((m) => ({ '@id': `urn:news-facts:model:${m.sha256}` })),
        ],
        'prov:generated': { '@id': iri },
      },
      {
        '@id': software,
        '@type': ['prov:SoftwareAgent', 'SoftwareApplication'],
        name: 'news-facts',
        softwareVersion: pkg.version,
        url: 'https://github.com/news-facts/news-facts',
      },
      ...summary.inputs.map((i) => ({
        '@id': `urn:news-facts:input:${i.sha256}`,
        '@type': ['prov:Entity', 'MediaObject'],
        name: i.source,
        sha256: i.sha256,
      })),
      ...modelFiles().map((m) => ({
        '@id': `urn:news-facts:model:${m.sha256}`,
        '@type': ['prov:Entity', 'MediaObject'],
        name: `named-entity model ${m.name}`,
        sha256: m.sha256,
      })),
    ],
  };
}

/**
 * Writes SHA256SUMS of every file in the output folder, in the format `sha256sum -c` reads
 * ("<hex>  <path>", sorted by path), line by line: a corpus's list is never held. The run's
 * errors.csv is a log, not data, and is left out, as is the HTML site, a view of the data rebuilt
 * after export. `known` gives hashes already computed while writing or checking files (by path
 * relative to `out`); the other files are read. Returns whether the file changed.
 */
export function writeSha256sums(out: string, known: (rel: string) => string | undefined): boolean {
  const file = new StreamedFile(join(out, 'SHA256SUMS'));
  try {
    for (const rel of walkFilesSorted(out, (name) => name !== 'SHA256SUMS' && name !== 'errors.csv' && !name.includes('.tmp-'))) {
      if (!rel.startsWith('site/')) file.add(`${known(rel) ?? sha256File(join(out, rel))}  ${rel}\n`);
    }
  } catch (e) {
    file.abort();
    throw e;
  }
  return file.finish().changed;
}
