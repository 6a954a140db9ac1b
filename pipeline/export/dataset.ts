import { readdirSync, readFileSync } from 'node:fs';
import { sha256 } from '../normalize/index.ts';
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
 * When the data was created, taken from the inputs so that output stays deterministic: the latest
 * dateModified / datePublished / reference date of the articles, as an ISO date-time.
 */
export function createdFromInputs(bundles: ArticleBundle[]): string | undefined {
  const dates = bundles
    .map(({ article, facts }) => article.metadata.dateModified ?? article.metadata.datePublished ?? facts.reference_date?.value)
    .filter((d): d is string => d !== undefined && /^\d{4}-\d{2}-\d{2}/.test(d))
    .sort();
  const last = dates.at(-1);
  if (!last) return undefined;
  return last.length === 10 ? `${last}T00:00:00Z` : last;
}

/** The span of calendar dates the facts talk about, as an ISO 8601 interval. */
export function temporalCoverage(bundles: ArticleBundle[]): string | undefined {
  const values = bundles
    .flatMap((b) => b.facts.dates.filter((d) => d.type === 'DATE' && FULL_DATE.test(d.value)).map((d) => d.value))
    .sort();
  if (!values.length) return undefined;
  return values[0] === values.at(-1) ? values[0] : `${values[0]}/${values.at(-1)}`;
}

export interface DistributionFile {
  path: string;
  encodingFormat: string;
  content: string;
  description: string;
}

export function datasetIri(bundles: ArticleBundle[]): string {
  return `urn:news-facts:dataset:${sha256(bundles.map((b) => b.article.article_id).join('\n')).slice(0, 16)}`;
}

export function datasetDescription(
  bundles: ArticleBundle[],
  tables: TableSpec[],
  files: DistributionFile[],
  license: License,
): Record<string, unknown> {
  const iri = datasetIri(bundles);
  const activity = `${iri}:activity`;
  const created = createdFromInputs(bundles);
  const coverage = temporalCoverage(bundles);
  const software = `urn:news-facts:software:${pkg.version}`;
  return {
    '@context': FACTS_CONTEXT,
    '@graph': [
      {
        '@id': iri,
        '@type': 'Dataset',
        name: 'Facts extracted from news articles by news-facts',
        description:
          `People, organizations, places, dates, quantities, quotes, relations and events found in ${bundles.length} ` +
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
          contentSize: `${Buffer.byteLength(f.content, 'utf8')} B`,
          sha256: sha256(f.content),
        })),
        'prov:wasGeneratedBy': { '@id': activity },
      },
      {
        '@id': activity,
        '@type': 'prov:Activity',
        name: `news-facts ${pkg.version} run over ${bundles.length} article(s)`,
        ...(created ? { 'prov:endedAtTime': { '@value': created, '@type': 'xsd:dateTime' } } : {}),
        'prov:wasAssociatedWith': { '@id': software },
        'prov:used': [
          ...bundles.map((b) => ({ '@id': `urn:news-facts:input:${b.article.input_sha256}` })),
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
      ...bundles.map((b) => ({
        '@id': `urn:news-facts:input:${b.article.input_sha256}`,
        '@type': ['prov:Entity', 'MediaObject'],
        name: b.article.source,
        sha256: b.article.input_sha256,
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

/** SHA256SUMS in the format `sha256sum -c` reads: "<hex>  <path>", sorted by path. */
export function sha256sums(files: Map<string, Buffer>): string {
  return [...files.keys()]
    .sort()
    .map((path) => `${sha256(files.get(path)!)}  ${path}\n`)
    .join('');
}
