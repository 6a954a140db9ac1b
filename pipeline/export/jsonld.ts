import jsonld from 'jsonld';
import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import { headlineOf } from './tables.ts';
import { articleIri, entityIri, factIri } from './iri.ts';

import { PROJECT_NAMESPACE } from './namespace.ts';
import { SCHEMA_ORG_PREDICATES } from './vocabulary.ts';

/** The local context: schema.org by default, `nf:` for the project vocabulary (schemas/vocab.jsonld). */
export const FACTS_CONTEXT = {
  '@vocab': 'https://schema.org/',
  nf: PROJECT_NAMESPACE,
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const propertyOf = (predicate: string): string => (SCHEMA_ORG_PREDICATES.has(predicate) ? predicate : `nf:${predicate}`);
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

type Node = Record<string, unknown>;

function evidence(s: { start: number; end: number }): Node {
  return { 'nf:start': s.start, 'nf:end': s.end };
}

/**
 * The facts of one article as a JSON-LD graph: the article, its entities with their relations as
 * properties, dates, quantities, quotes (schema:Quotation) and events.
 */
export function factsJsonLd(
  article: NormalizedArticle,
  facts: ArticleFacts,
  eventSchemaType: (type: string) => string,
): Node {
  const aid = article.article_id;
  const ent = (id: string): Node => ({ '@id': entityIri(aid, id) });
  const entities: Node[] = facts.entities.map((e) => {
    const node: Node = {
      '@id': entityIri(aid, e.id),
      '@type': e.type,
      identifier: e.id,
      name: e.name,
      ...(e.aliases.length ? { alternateName: e.aliases } : {}),
      ...(e.gender ? { gender: e.gender === 'male' ? 'Male' : 'Female' } : {}),
      'nf:mentionCount': e.mentions.length,
    };
    for (const r of facts.relations.filter((x) => x.subject_entity_id === e.id)) {
      const key = propertyOf(r.predicate);
      const value = r.object_entity_id ? ent(r.object_entity_id) : r.object_value;
      const prev = node[key];
      node[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
    }
    return node;
  });
  const dates: Node[] = facts.dates.map((t) => ({
    '@id': factIri(aid, t.id),
    '@type': 'nf:TemporalExpression',
    text: t.text,
    'nf:timexType': t.type,
    'nf:timexValue': t.value,
    ...(t.mod ? { 'nf:timexMod': t.mod } : {}),
    ...evidence(t),
  }));
  const quantities: Node[] = facts.quantities.map((q) => ({
    '@id': factIri(aid, q.id),
    '@type': 'QuantitativeValue',
    value: q.value,
    unitText: q.unit,
    description: q.text,
    'nf:quantityKind': q.kind,
    ...(q.entity_id ? { 'nf:describes': ent(q.entity_id) } : {}),
    ...evidence(q),
  }));
  const quotes: Node[] = facts.quotes.map((q) => ({
    '@id': factIri(aid, q.id),
    '@type': 'Quotation',
    text: q.text,
    isPartOf: { '@id': articleIri(aid) },
    ...(q.speaker?.entity_id ? { spokenByCharacter: ent(q.speaker.entity_id), creator: ent(q.speaker.entity_id) } : {}),
    ...(q.addressee_entity_id ? { 'nf:addressee': ent(q.addressee_entity_id) } : {}),
    'nf:direct': q.direct,
    ...evidence(q),
  }));
  const events: Node[] = facts.events.map((e) => {
    const node: Node = {
      '@id': factIri(aid, e.id),
      '@type': [eventSchemaType(e.type), `nf:${e.type}`],
      name: e.trigger.text,
      description: e.text,
      ...(e.date_value && ISO_DATE.test(e.date_value) ? { startDate: e.date_value } : {}),
      ...(e.date_value ? { 'nf:timexValue': e.date_value } : {}),
      ...(e.place_entity_id ? { location: ent(e.place_entity_id) } : {}),
      ...evidence(e),
    };
    for (const p of e.participants) {
      const key = `nf:${p.role}`;
      const prev = node[key];
      node[key] = prev === undefined ? ent(p.entity_id) : [...(Array.isArray(prev) ? prev : [prev]), ent(p.entity_id)];
    }
    return node;
  });
  return {
    '@context': FACTS_CONTEXT,
    '@graph': [
      {
        '@id': articleIri(aid),
        '@type': 'NewsArticle',
        identifier: aid,
        headline: headlineOf(article),
        ...(article.metadata.datePublished ? { datePublished: article.metadata.datePublished } : {}),
        mentions: facts.entities.map((e) => ent(e.id)),
      },
      ...entities,
      ...dates,
      ...quantities,
      ...quotes,
      ...events,
    ],
  };
}

/** A document loader that serves nothing: every context is embedded, and nothing is fetched. */
export async function offlineDocumentLoader(url: string): Promise<never> {
  throw new Error(`refusing to fetch ${url}: news-facts documents use embedded contexts only`);
}

/**
 * Expands a document in jsonld.js safe mode, which fails on any term or value that expansion
 * would drop; returns the expanded form.
 */
export async function expandSafely(doc: object): Promise<object[]> {
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, {
    safe: true,
    documentLoader: offlineDocumentLoader as never,
  } as jsonld.Options.Expand)) as object[];
}
