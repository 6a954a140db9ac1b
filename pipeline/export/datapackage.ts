import type { Column, TableSpec } from './tables.ts';
import type { DatasetSummary } from './dataset.ts';
import type { WrittenFile } from './csv.ts';
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
  file: WrittenFile;
}

/** Frictionless (v1) tabular data package describing csv/, with hashes of the files it lists. */
export function dataPackage(tables: PackagedTable[], summary: DatasetSummary, license: License): Record<string, unknown> {
  const created = summary.created;
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
      ...summary.sources,
    ],
    ...(created ? { created } : {}),
    keywords: ['news', 'named entities', 'quotations', 'events', 'TimeML'],
    resources: tables.map(({ spec, file }) => ({
      name: spec.name,
      path: `csv/${spec.name}.csv`,
      profile: 'tabular-data-resource',
      description: spec.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: file.bytes,
      hash: `sha256:${file.sha256}`,
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
