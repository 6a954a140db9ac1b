import { TABLES, type Column, type TableSpec } from './tables.ts';
import { PROJECT_NAMESPACE } from './namespace.ts';

/**
 * CSV on the Web (W3C CSVW) metadata for csv/: how each row and column becomes RDF, so a CSVW
 * processor turns the tables into the same graph as the JSON-LD (same node IRIs, schema.org
 * properties where they exist, the project vocabulary otherwise).
 */

const ARTICLE = 'urn:news-facts:{article_id}';
const ENTITY = (column: string): string => `urn:news-facts:{article_id}:{${column}}`;

interface ColumnRdf {
  propertyUrl?: string;
  valueUrl?: string;
  separator?: string;
  suppressOutput?: boolean;
}

interface TableRdf {
  aboutUrl: string;
  /** rdf:type of each row's node */
  type?: string;
  columns: Record<string, ColumnRdf>;
}

const isPartOf: ColumnRdf = { propertyUrl: 'schema:isPartOf', valueUrl: ARTICLE };
const entityRef = (column: string, propertyUrl: string): ColumnRdf => ({ propertyUrl, valueUrl: ENTITY(column) });

export const TABLE_RDF: Record<string, TableRdf> = {
  articles: {
    aboutUrl: ARTICLE,
    type: 'schema:NewsArticle',
    columns: {
      article_id: { propertyUrl: 'schema:identifier' },
      headline: { propertyUrl: 'schema:headline' },
      date_published: { propertyUrl: 'schema:datePublished' },
      language: { propertyUrl: 'schema:inLanguage' },
      word_count: { propertyUrl: 'schema:wordCount' },
      sha256: { propertyUrl: 'schema:sha256' },
      date_modified: { propertyUrl: 'schema:dateModified' },
      url: { propertyUrl: 'schema:url', valueUrl: '{+url}' },
      author: { propertyUrl: 'schema:author', separator: '|' },
      publisher: { propertyUrl: 'schema:publisher' },
    },
  },
  entities: {
    aboutUrl: ENTITY('entity_id'),
    columns: {
      article_id: { propertyUrl: 'schema:subjectOf', valueUrl: ARTICLE },
      entity_id: { propertyUrl: 'schema:identifier' },
      type: { propertyUrl: 'rdf:type', valueUrl: 'https://schema.org/{type}' },
      name: { propertyUrl: 'schema:name' },
      aliases: { propertyUrl: 'schema:alternateName', separator: '|' },
      gender: { propertyUrl: 'schema:gender' },
      corpus_entity_id: { propertyUrl: 'nf:corpusEntity', valueUrl: 'urn:news-facts:corpus:{corpus_entity_id}' },
    },
  },
  corpus_entities: {
    aboutUrl: 'urn:news-facts:corpus:{corpus_entity_id}',
    columns: {
      corpus_entity_id: { propertyUrl: 'schema:identifier' },
      type: { propertyUrl: 'rdf:type', valueUrl: 'https://schema.org/{type}' },
      name: { propertyUrl: 'schema:name' },
      aliases: { propertyUrl: 'schema:alternateName', separator: '|' },
    },
  },
  mentions: {
    aboutUrl: 'urn:news-facts:{article_id}:{entity_id}:mention:{start}',
    type: 'oa:SpecificResource',
    columns: {
      article_id: { propertyUrl: 'oa:hasSource', valueUrl: ARTICLE },
      entity_id: entityRef('entity_id', 'nf:mentionOf'),
    },
  },
  dates: {
    aboutUrl: ENTITY('timex_id'),
    type: 'nf:TemporalExpression',
    columns: { article_id: isPartOf, timex_id: { propertyUrl: 'schema:identifier' }, text: { propertyUrl: 'schema:text' }, type: { propertyUrl: 'nf:timexType' }, value: { propertyUrl: 'nf:timexValue' }, mod: { propertyUrl: 'nf:timexMod' } },
  },
  quantities: {
    aboutUrl: ENTITY('quantity_id'),
    type: 'schema:QuantitativeValue',
    columns: {
      article_id: isPartOf,
      quantity_id: { propertyUrl: 'schema:identifier' },
      text: { propertyUrl: 'schema:description' },
      value: { propertyUrl: 'schema:value' },
      unit: { propertyUrl: 'schema:unitText' },
      entity_id: entityRef('entity_id', 'nf:describes'),
      kind: { propertyUrl: 'nf:quantityKind' },
    },
  },
  quotes: {
    aboutUrl: ENTITY('quote_id'),
    type: 'schema:Quotation',
    columns: {
      article_id: isPartOf,
      quote_id: { propertyUrl: 'schema:identifier' },
      text: { propertyUrl: 'schema:text' },
      speaker_entity_id: entityRef('speaker_entity_id', 'schema:spokenByCharacter'),
      addressee_entity_id: entityRef('addressee_entity_id', 'nf:addressee'),
    },
  },
  relations: {
    aboutUrl: ENTITY('relation_id'),
    type: 'rdf:Statement',
    columns: {
      article_id: isPartOf,
      subject_entity_id: entityRef('subject_entity_id', 'rdf:subject'),
      object_entity_id: entityRef('object_entity_id', 'rdf:object'),
      object_value: { propertyUrl: 'rdf:object' },
      relation_id: { propertyUrl: 'schema:identifier' },
    },
  },
  events: {
    aboutUrl: ENTITY('event_id'),
    type: 'schema:Event',
    columns: {
      article_id: isPartOf,
      event_id: { propertyUrl: 'schema:identifier' },
      type: { propertyUrl: 'rdf:type', valueUrl: `${PROJECT_NAMESPACE}{type}` },
      trigger: { propertyUrl: 'schema:name' },
      text: { propertyUrl: 'schema:description' },
      place_entity_id: entityRef('place_entity_id', 'schema:location'),
      timex_id: entityRef('timex_id', 'nf:timex'),
    },
  },
  event_participants: {
    aboutUrl: ENTITY('event_id'),
    columns: {
      article_id: { suppressOutput: true },
      event_id: { suppressOutput: true },
      role: { suppressOutput: true },
      // the role names the property: the event's nf:agent, nf:host, … is the entity
      entity_id: { propertyUrl: `${PROJECT_NAMESPACE}{role}`, valueUrl: ENTITY('entity_id') },
    },
  },
};

/** lower_snake → lowerCamel */
const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The property a column maps to: its declared one, else the project term named after it. */
export function columnProperty(table: string, column: Column): string {
  return TABLE_RDF[table]?.columns[column.name]?.propertyUrl ?? `nf:${camel(column.name)}`;
}

/** Project terms (without the nf: prefix) the CSVW mapping uses, with the column that defines each. */
export function csvwProjectTerms(): Map<string, Column> {
  const terms = new Map<string, Column>();
  for (const t of TABLES) {
    for (const c of t.columns) {
      const rdf = TABLE_RDF[t.name]?.columns[c.name];
      if (rdf?.suppressOutput) continue;
      const p = columnProperty(t.name, c);
      if (p.startsWith('nf:') && !terms.has(p.slice(3))) terms.set(p.slice(3), c);
    }
  }
  return terms;
}

/**
 * CSVW metadata may not declare prefixes, and its built-in `schema:` is http://schema.org/, so
 * every IRI is written out in full.
 */
const PREFIXES: Record<string, string> = {
  schema: 'https://schema.org/',
  nf: PROJECT_NAMESPACE,
  oa: 'http://www.w3.org/ns/oa#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
};
export function expandIri(term: string): string {
  const m = /^([a-z]+):(.*)$/.exec(term);
  return m && PREFIXES[m[1]] ? PREFIXES[m[1]] + m[2] : term;
}

const DATATYPES: Record<Column['type'], string> = {
  string: 'string',
  integer: 'integer',
  number: 'double',
  boolean: 'boolean',
  date: 'date',
};

function tableMetadata(spec: TableSpec): Record<string, unknown> {
  const rdf = TABLE_RDF[spec.name];
  const columns: Record<string, unknown>[] = spec.columns.map((c) => {
    const r = rdf.columns[c.name] ?? {};
    return {
      name: c.name,
      titles: c.name,
      'dc:description': c.description,
      datatype: c.type === 'boolean' ? { base: 'boolean', format: 'true|false' } : DATATYPES[c.type],
      ...(c.required ? { required: true } : {}),
      ...(r.suppressOutput ? { suppressOutput: true } : { propertyUrl: expandIri(columnProperty(spec.name, c)) }),
      ...(r.valueUrl ? { valueUrl: r.valueUrl } : {}),
      ...(r.separator ? { separator: r.separator } : {}),
    };
  });
  if (rdf.type) columns.push({ name: 'rdf_type', virtual: true, propertyUrl: expandIri('rdf:type'), valueUrl: expandIri(rdf.type) });
  return {
    url: `${spec.name}.csv`,
    'dc:title': spec.name,
    'dc:description': spec.description,
    tableSchema: {
      aboutUrl: rdf.aboutUrl,
      columns,
      primaryKey: spec.primaryKey,
      ...(spec.foreignKeys
        ? {
            foreignKeys: spec.foreignKeys.map((fk) => ({
              columnReference: fk.fields,
              reference: { resource: `${fk.reference.resource}.csv`, columnReference: fk.reference.fields },
            })),
          }
        : {}),
    },
  };
}

/** csv/csv-metadata.json: the CSVW table group of every CSV table (found by processors by its name). */
export function csvwMetadata(): Record<string, unknown> {
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    'dc:title': 'news-facts tables',
    dialect: { encoding: 'utf-8', lineTerminators: ['\r\n'], header: true, doubleQuote: true },
    tables: TABLES.map(tableMetadata),
  };
}
