import { RELATION_VOCABULARY } from '../extract/relations/vocabulary.ts';
import { EVENT_VOCABULARY, ROLE_VOCABULARY, eventSchemaOrg } from '../extract/events/vocabulary.ts';
import { PROJECT_NAMESPACE } from './namespace.ts';
import { csvwProjectTerms } from './csvw.ts';
import { byCodePoint } from '../shared/order.ts';

/**
 * The project vocabulary (schemas/vocab.jsonld): every `nf:` term the JSON-LD output uses, with a
 * label and a comment, built from the extractors' own vocabularies plus the terms of the export.
 */

interface Term {
  id: string;
  kind: 'Class' | 'Property';
  label: string;
  comment: string;
  subClassOf?: string;
  subPropertyOf?: string;
  equivalent?: string;
}

/** Terms the JSON-LD export itself introduces. */
const EXPORT_TERMS: Term[] = [
  { id: 'TemporalExpression', kind: 'Class', label: 'temporal expression', comment: 'A date, time, duration or set as written in the article, with its TimeML type and value.' },
  { id: 'evidence', kind: 'Property', label: 'evidence', comment: 'Where the fact is stated: an oa:SpecificResource of the article with a TextPositionSelector (code-point offsets) and a TextQuoteSelector.' },
  { id: 'mentionOf', kind: 'Property', label: 'mention of', comment: 'The entity a mention (an oa:SpecificResource of the article) refers to.' },
  { id: 'corpusEntity', kind: 'Property', label: 'corpus entity', comment: 'The same entity across the articles of the dataset (corpus_entities.csv): urn:news-facts:corpus:<corpus_entity_id>.' },
  { id: 'timex', kind: 'Property', label: 'dated by', comment: 'The temporal expression that dates an event.' },
  { id: 'timexType', kind: 'Property', label: 'TimeML type', comment: 'DATE, TIME, DURATION or SET.' },
  { id: 'timexValue', kind: 'Property', label: 'TimeML value', comment: 'The TimeML value (ISO 8601 based: 2025-04-16, 199X, P498D, PRESENT_REF, …).' },
  { id: 'timexMod', kind: 'Property', label: 'TimeML modifier', comment: 'START, MID, END, APPROX, … ("early February" is 2025-02 with START).' },
  { id: 'mentionCount', kind: 'Property', label: 'mention count', comment: 'How often the entity is mentioned in the article (names, pronouns, descriptions).' },
  { id: 'quantityKind', kind: 'Property', label: 'quantity kind', comment: 'age, duration, count, money, percent or measure.' },
  { id: 'describes', kind: 'Property', label: 'describes', comment: 'The entity a quantity describes (the person whose age it is).' },
  { id: 'direct', kind: 'Property', label: 'direct quote', comment: 'true for words in quotation marks, false for reported speech.' },
  { id: 'addressee', kind: 'Property', label: 'addressee', comment: 'The entity a quote or statement is addressed to.' },
];

function terms(): Term[] {
  const out: Term[] = [...EXPORT_TERMS];
  for (const r of RELATION_VOCABULARY) {
    if (r.schemaOrg) continue;
    out.push({ id: r.term, kind: 'Property', label: r.label, comment: r.comment });
  }
  for (const e of EVENT_VOCABULARY) {
    out.push({ id: e.type, kind: 'Class', label: e.label, comment: `${e.comment} Triggers: ${e.triggers.join(', ')}.`, subClassOf: e.schemaOrg });
  }
  for (const [id, column] of csvwProjectTerms()) {
    if (out.some((t) => t.id === id)) continue;
    out.push({ id, kind: 'Property', label: column.name.replace(/_/g, ' '), comment: `CSV column ${column.name}: ${column.description}.` });
  }
  for (const r of ROLE_VOCABULARY) {
    if (out.some((t) => t.id === r.role)) continue;
    out.push({ id: r.role, kind: 'Property', label: r.label, comment: `Event participant role: ${r.comment}` });
  }
  return out.sort((a, b) => byCodePoint(a.id, b.id));
}

/** Relation predicates that are schema.org properties (used as such in JSON-LD). */
export const SCHEMA_ORG_PREDICATES: ReadonlySet<string> = new Set(
  RELATION_VOCABULARY.filter((r) => r.schemaOrg).map((r) => r.term),
);

/** The schema.org class name for an event type. */
export function eventSchemaType(type: string): string {
  return eventSchemaOrg(type).replace('https://schema.org/', '');
}

/** The vocabulary as a JSON-LD document (RDFS). */
export function vocabularyDocument(): Record<string, unknown> {
  return {
    '@context': {
      rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      owl: 'http://www.w3.org/2002/07/owl#',
      nf: PROJECT_NAMESPACE,
      'rdfs:subClassOf': { '@type': '@id' },
      'rdfs:subPropertyOf': { '@type': '@id' },
    },
    '@id': PROJECT_NAMESPACE.replace(/#$/, ''),
    '@type': 'owl:Ontology',
    'rdfs:label': 'news-facts vocabulary',
    'rdfs:comment': 'Terms of the news-facts datasets that schema.org does not provide.',
    '@graph': terms().map((t) => ({
      '@id': `nf:${t.id}`,
      '@type': t.kind === 'Class' ? 'rdfs:Class' : 'rdf:Property',
      'rdfs:label': t.label,
      'rdfs:comment': t.comment,
      ...(t.subClassOf ? { 'rdfs:subClassOf': t.subClassOf } : {}),
      ...(t.subPropertyOf ? { 'rdfs:subPropertyOf': t.subPropertyOf } : {}),
    })),
  };
}

/** Every nf: term defined, for checking that the output uses no undefined term. */
export function projectTerms(): Set<string> {
  return new Set(terms().map((t) => t.id));
}
