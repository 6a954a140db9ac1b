import type { ArticleBundle, Column, TableSpec } from './tables.ts';
import { sha256 } from '../normalize/index.ts';
import { createdFromInputs } from './dataset.ts';
import type { License } from './licenses.ts';
import pkg from '../../package.json' with { type: 'json' };

function constraintsOf(c: Column): { constraints?: Record<string, unknown> } {
  const constraints = {
    ...(c.required ? { required: true } : {}),
    ...(c.enum ? { enum: c.enum } : {}),
    ...(c.pattern ? { pattern: c.pattern } : {}),
    ...(c.minimum !== undefined ? { minimum: c.minimum } : {}),
  };
  return Object.keys(constraints).length ? { constraints } : {};
}

export interface PackagedTable {
  spec: TableSpec;
  csv: string;
}

/** Frictionless (v1) tabular data package describing csv/, with hashes of the files it lists. */
export function dataPackage(tables: PackagedTable[], bundles: ArticleBundle[], license: License): Record<string, unknown> {
  const created = createdFromInputs(bundles);
  return {
    profile: 'tabular-data-package',
    name: 'news-facts',
    title: 'Facts extracted from news articles by news-facts',
    description:
      'People, organizations, places, dates, quantities, quotes, relations and events found in news articles, ' +
      'each citing its evidence as code-point offsets into the normalized article text.',
    version: pkg.version,
    licenses: [license],
    sources: [
      { title: 'news-facts pipeline', path: 'https://github.com/news-facts/news-facts' },
      ...bundles.filter((b) => b.article.metadata.url).map((b) => ({ title: b.article.metadata.headline ?? b.article.source, path: b.article.metadata.url! })),
    ],
    ...(created ? { created } : {}),
    keywords: ['news', 'named entities', 'quotations', 'events', 'TimeML'],
    resources: tables.map(({ spec, csv }) => ({
      name: spec.name,
      path: `csv/${spec.name}.csv`,
      profile: 'tabular-data-resource',
      description: spec.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: Buffer.byteLength(csv, 'utf8'),
      hash: `sha256:${sha256(csv)}`,
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: spec.columns.map((c) => ({
          name: c.name,
          type: c.type,
          description: c.description,
          ...(c.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
          ...constraintsOf(c),
        })),
        primaryKey: spec.primaryKey,
        ...(spec.foreignKeys ? { foreignKeys: spec.foreignKeys } : {}),
        missingValues: [''],
      },
    })),
  };
}
