import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import { OffsetMap } from '../shared/offsets.ts';
import { byCodePoint } from '../shared/order.ts';
import type { Component, Doc, TextSpan } from './document.ts';
import { prepareDoc } from './prepare.ts';
import { nerTagger } from './ner/index.ts';
import { entityGrouper } from './entities/index.ts';
import { referenceDater, timexTagger } from './time/index.ts';
import { quantityTagger } from './quantity/index.ts';
import { corefResolver } from './coref/index.ts';
import { quoteExtractor } from './quotes/index.ts';
import { relationExtractor } from './relations/index.ts';
import { eventExtractor } from './events/index.ts';

/**
 * The extractors, in the order they run. Each adds one layer of the document and reads only
 * layers written before it (checked by a test).
 */
export const COMPONENTS: readonly Component[] = [
  nerTagger,
  entityGrouper,
  referenceDater,
  timexTagger,
  corefResolver,
  quantityTagger,
  quoteExtractor,
  relationExtractor,
  eventExtractor,
];

/** Runs every component over a normalized article. */
export function analyze(article: NormalizedArticle): Doc {
  const map = new OffsetMap(article.text);
  const doc = prepareDoc(article.article_id, article.text, article.metadata, {
    paragraphs: article.paragraphs.map((s) => map.spanFromCodePoints(s)),
    sentences: article.sentences.map((s) => map.spanFromCodePoints({ start: s.start, end: s.end })),
  });
  for (const component of COMPONENTS) component.run(doc);
  return doc;
}

/** The facts record of an analyzed document, with offsets converted to code points. */
export function factsOf(doc: Doc, source: string): ArticleFacts {
  const map = new OffsetMap(doc.text);
  const span = (s: TextSpan): { start: number; end: number; text: string } => {
    const c = map.span(s);
    return { start: c.start, end: c.end, text: doc.text.slice(s.start, s.end) };
  };
  const byStart = <T extends { start: number; end: number }>(a: T, b: T): number => a.start - b.start || a.end - b.end;
  const facts: ArticleFacts = {
    article_id: doc.id,
    source,
    entities: doc.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      ...(e.gender ? { gender: e.gender } : {}),
      mentions: [...e.mentions].sort(byStart).map((m) => ({ ...span(m), kind: m.kind })),
    })),
    dates: doc.timexes.map((t) => ({
      id: t.id,
      ...span(t),
      type: t.type,
      value: t.value,
      ...(t.mod ? { mod: t.mod } : {}),
    })),
    quantities: doc.quantities.map((q) => ({
      id: q.id,
      ...span(q),
      kind: q.kind,
      value: q.value,
      unit: q.unit,
      ...(q.timexValue ? { timex_value: q.timexValue } : {}),
      ...(q.entity ? { entity_id: q.entity } : {}),
    })),
    quotes: doc.quotes.map((q) => ({
      id: q.id,
      ...span(q),
      direct: q.direct,
      ...(q.speaker
        ? { speaker: { ...span(q.speaker), ...(q.speaker.entity ? { entity_id: q.speaker.entity } : {}) } }
        : {}),
      ...(q.cue ? { cue: span(q.cue) } : {}),
      ...(q.addressee ? { addressee_entity_id: q.addressee } : {}),
    })),
    relations: [...doc.relations]
      .sort((a, b) => byStart(a, b) || byCodePoint(a.subject, b.subject) || byCodePoint(a.predicate, b.predicate))
      .map((r, i) => ({
        id: `R${i + 1}`,
        ...span(r),
        subject_entity_id: r.subject,
        predicate: r.predicate,
        ...(r.objectEntity ? { object_entity_id: r.objectEntity } : {}),
        ...(r.objectValue ? { object_value: r.objectValue } : {}),
      })),
    events: doc.events.map((e) => ({
      id: e.id,
      ...span(e),
      type: e.type,
      trigger: span(e.trigger),
      ...(e.timex ? { timex_id: e.timex } : {}),
      ...(e.dateValue ? { date_value: e.dateValue } : {}),
      ...(e.place ? { place_entity_id: e.place } : {}),
      participants: e.participants.map((p) => ({ entity_id: p.entity, role: p.role })),
    })),
  };
  if (doc.referenceDate) {
    const r = doc.referenceDate;
    const ev = r.evidence ? map.span(r.evidence) : undefined;
    facts.reference_date = { value: r.value, source: r.source, ...(ev ? { start: ev.start, end: ev.end } : {}) };
  }
  return facts;
}

export function extractFacts(article: NormalizedArticle): ArticleFacts {
  return factsOf(analyze(article), article.source);
}
