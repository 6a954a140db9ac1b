import type { TableSpec } from './tables.ts';
import { sha256 } from '../normalize/index.ts';
import pkg from '../../package.json' with { type: 'json' };

export interface PackagedTable {
  spec: TableSpec;
  csv: string;
}

/** Frictionless (v1) tabular data package describing csv/, with hashes of the files it lists. */
export function dataPackage(tables: PackagedTable[]): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'news-facts',
    title: 'Facts extracted from news articles by news-facts',
    description:
      'People, organizations, places, dates, quantities, quotes, relations and events found in news articles, ' +
      'each citing its evidence as code-point offsets into the normalized article text.',
    version: pkg.version,
    licenses: [{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    sources: [{ title: 'news-facts pipeline', path: 'https://github.com/news-facts/news-facts' }],
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
          ...(c.required || c.enum ? { constraints: { ...(c.required ? { required: true } : {}), ...(c.enum ? { enum: c.enum } : {}) } } : {}),
        })),
        primaryKey: spec.primaryKey,
        ...(spec.foreignKeys ? { foreignKeys: spec.foreignKeys } : {}),
        missingValues: [''],
      },
    })),
  };
}
