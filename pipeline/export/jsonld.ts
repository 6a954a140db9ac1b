import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import { codePointSlicer } from '../shared/offsets.ts';
import { headlineOf, type ExportContext } from './tables.ts';
import { articleIri, entityIri, factIri } from './iri.ts';
import { PROJECT_NAMESPACE } from './namespace.ts';
import { SCHEMA_ORG_PREDICATES } from './vocabulary.ts';

/**
 * The local context: schema.org by default; `nf:` for the project vocabulary
 * (schemas/vocab.jsonld); W3C Web Annotation (`oa:`) for evidence; PROV-O for provenance.
 */
export const FACTS_CONTEXT = {
  '@vocab': 'https://schema.org/',
  nf: PROJECT_NAMESPACE,
  oa: 'http://www.w3.org/ns/oa#',
  prov: 'http://www.w3.org/ns/prov#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const propertyOf = (predicate: string): string => (SCHEMA_ORG_PREDICATES.has(predicate) ? predicate : `nf:${predicate}`);
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** code points of context kept on each side in a TextQuoteSelector */
const QUOTE_CONTEXT = 32;

type Node = Record<string, unknown>;

/** Appends a value to a multi-valued property. */
function add(node: Node, key: string, value: unknown): void {
  const prev = node[key];
  node[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
}

/**
 * Evidence as a W3C Web Annotation specific resource: the article, selected by position (code
 * points, as everywhere in the dataset) and by quote with its surrounding text. Every node has an
 * IRI, so the graph has no blank nodes and canonicalizes cheaply.
 */
function evidenceOf(slice: (start: number, end: number) => string, article: string, iri: string, s: { start: number; end: number }): Node {
  return {
    '@id': iri.includes(':mention:') ? iri : `${iri}:evidence`,
    '@type': 'oa:SpecificResource',
    'oa:hasSource': { '@id': article },
    'oa:hasSelector': [
      { '@id': `${iri}:evidence:position`, '@type': 'oa:TextPositionSelector', 'oa:start': s.start, 'oa:end': s.end },
      {
        '@id': `${iri}:evidence:quote`,
        '@type': 'oa:TextQuoteSelector',
        'oa:exact': slice(s.start, s.end),
        'oa:prefix': slice(Math.max(0, s.start - QUOTE_CONTEXT), s.start),
        'oa:suffix': slice(s.end, s.end + QUOTE_CONTEXT),
      },
    ],
  };
}

/**
 * The facts of one article as a JSON-LD graph: the article, its entities with their relations as
 * properties (and as reified statements carrying the evidence), dates, quantities, quotes
 * (schema:Quotation) and events, each fact with its evidence.
 */
export function factsJsonLd(
  article: NormalizedArticle,
  facts: ArticleFacts,
  eventSchemaType: (type: string) => string,
  context?: ExportContext,
): Node {
  const aid = article.article_id;
  const art = articleIri(aid);
  const slice = codePointSlicer(article.text);
  const evidence = (iri: string, s: { start: number; end: number }): Node => evidenceOf(slice, art, iri, s);
  const ent = (id: string): Node => ({ '@id': entityIri(aid, id) });
  const corpusOf = (id: string): string | undefined => context?.corpus.link.get(`${aid}:${id}`);

  const entities: Node[] = facts.entities.map((e) => {
    const iri = entityIri(aid, e.id);
    const node: Node = {
      '@id': iri,
      '@type': e.type,
      identifier: e.id,
      name: e.name,
      ...(e.aliases.length ? { alternateName: e.aliases } : {}),
      ...(e.gender ? { gender: e.gender === 'male' ? 'Male' : 'Female' } : {}),
      'nf:mentionCount': e.mentions.length,
      ...(corpusOf(e.id) ? { 'nf:corpusEntity': { '@id': `urn:news-facts:corpus:${corpusOf(e.id)}` } } : {}),
      // mention IRIs match csv/csv-metadata.json: the entity, then where the mention starts
      'nf:evidence': e.mentions.map((m) => evidence(`${iri}:mention:${m.start}`, m)),
    };
    for (const r of facts.relations.filter((x) => x.subject_entity_id === e.id)) {
      add(node, propertyOf(r.predicate), r.object_entity_id ? ent(r.object_entity_id) : r.object_value);
    }
    return node;
  });
  // each relation once more as an rdf:Statement, which is where its evidence can live
  const statements: Node[] = facts.relations.map((r) => {
    const iri = factIri(aid, r.id);
    return {
      '@id': iri,
      '@type': 'rdf:Statement',
      'rdf:subject': ent(r.subject_entity_id),
      'rdf:predicate': { '@id': SCHEMA_ORG_PREDICATES.has(r.predicate) ? `https://schema.org/${r.predicate}` : `${PROJECT_NAMESPACE}${r.predicate}` },
      'rdf:object': r.object_entity_id ? ent(r.object_entity_id) : r.object_value,
      'nf:evidence': evidence(iri, r),
    };
  });
  const dates: Node[] = facts.dates.map((t) => {
    const iri = factIri(aid, t.id);
    return {
      '@id': iri,
      '@type': 'nf:TemporalExpression',
      text: t.text,
      'nf:timexType': t.type,
      'nf:timexValue': t.value,
      ...(t.mod ? { 'nf:timexMod': t.mod } : {}),
      'nf:evidence': evidence(iri, t),
    };
  });
  const quantities: Node[] = facts.quantities.map((q) => {
    const iri = factIri(aid, q.id);
    return {
      '@id': iri,
      '@type': 'QuantitativeValue',
      value: q.value,
      unitText: q.unit,
      description: q.text,
      'nf:quantityKind': q.kind,
      ...(q.entity_id ? { 'nf:describes': ent(q.entity_id) } : {}),
      'nf:evidence': evidence(iri, q),
    };
  });
  const quotes: Node[] = facts.quotes.map((q) => {
    const iri = factIri(aid, q.id);
    return {
      '@id': iri,
      '@type': 'Quotation',
      text: q.text,
      isPartOf: { '@id': art },
      ...(q.speaker?.entity_id ? { spokenByCharacter: ent(q.speaker.entity_id), creator: ent(q.speaker.entity_id) } : {}),
      ...(q.addressee_entity_id ? { 'nf:addressee': ent(q.addressee_entity_id) } : {}),
      'nf:direct': q.direct,
      'nf:evidence': evidence(iri, q),
    };
  });
  const events: Node[] = facts.events.map((e) => {
    const iri = factIri(aid, e.id);
    const node: Node = {
      '@id': iri,
      '@type': [eventSchemaType(e.type), `nf:${e.type}`],
      name: e.trigger.text,
      description: e.text,
      ...(e.date_value && ISO_DATE.test(e.date_value) ? { startDate: e.date_value } : {}),
      ...(e.date_value ? { 'nf:timexValue': e.date_value } : {}),
      ...(e.place_entity_id ? { location: ent(e.place_entity_id) } : {}),
      'nf:evidence': evidence(iri, e),
    };
    for (const p of e.participants) add(node, `nf:${p.role}`, ent(p.entity_id));
    return node;
  });
  return {
    '@context': FACTS_CONTEXT,
    '@graph': [
      {
        '@id': art,
        '@type': 'NewsArticle',
        identifier: aid,
        headline: headlineOf(article),
        ...(article.metadata.datePublished ? { datePublished: article.metadata.datePublished } : {}),
        mentions: facts.entities.map((e) => ent(e.id)),
      },
      ...entities,
      ...statements,
      ...dates,
      ...quantities,
      ...quotes,
      ...events,
    ],
  };
}
