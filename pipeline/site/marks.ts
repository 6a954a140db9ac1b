import type { ArticleFacts, EntityRecord } from '../records.ts';
import { eventLabel, readableDate, typeClass } from './labels.ts';
import type { Mark } from './spans.ts';

type Facts = Pick<ArticleFacts, 'entities' | 'dates' | 'quantities' | 'quotes' | 'events'>;

/** Quotes are outermost, then event triggers, then mentions; a quantity sits inside a date with the same words. */
const RANK = { quote: 0, event: 1, mention: 2, date: 3, quantity: 4 } as const;

/** The key of an entity's i-th mention (0-based), shared by every element of a split mention. */
export function mentionKey(entityId: string, index: number): string {
  return `${entityId}-${index + 1}`;
}

/** The id of the text element where a fact is highlighted, for in-page links. */
export function textAnchor(factId: string): string {
  return `t-${factId}`;
}

export function entityLabel(e: EntityRecord | undefined, id: string | undefined): string | undefined {
  if (!id) return undefined;
  return e ? `${e.name} (${e.id})` : id;
}

/** The speaker of a quote: the entity's name when resolved, else the attributing words. */
export function speakerName(quote: Facts['quotes'][number], entities: Map<string, EntityRecord>): string | undefined {
  const id = quote.speaker?.entity_id;
  return (id && entities.get(id)?.name) || quote.speaker?.text;
}

/**
 * Every mention, date, quantity, quote and event trigger of the article as a highlight mark: its
 * colour class, the entity it belongs to (for click-to-highlight) and a title that names the fact
 * and its id on hover.
 */
export function factMarks(facts: Facts): Mark[] {
  const entities = new Map(facts.entities.map((e) => [e.id, e]));
  const marks: Mark[] = [];
  for (const q of facts.quotes) {
    const speaker = speakerName(q, entities);
    const addressee = entityLabel(entities.get(q.addressee_entity_id ?? ''), q.addressee_entity_id);
    const who = [speaker ? `said by ${speaker}${q.speaker?.entity_id ? ` (${q.speaker.entity_id})` : ''}` : 'speaker unknown', addressee && `to ${addressee}`];
    marks.push({
      start: q.start, end: q.end, rank: RANK.quote, id: textAnchor(q.id),
      attrs: { class: `hl hl-quote${q.direct ? '' : ' hl-reported'}`, title: `${q.direct ? 'Quote' : 'Reported speech'} ${q.id} · ${who.filter(Boolean).join(' ')}` },
    });
  }
  for (const v of facts.events) {
    const date = v.date_value ? ` · ${readableDate(v.date_value)}` : '';
    marks.push({
      start: v.trigger.start, end: v.trigger.end, rank: RANK.event, id: textAnchor(v.id),
      attrs: { class: 'hl hl-event', title: `Event ${v.id} · ${eventLabel(v.type)}${date}` },
    });
  }
  for (const e of facts.entities) {
    e.mentions.forEach((m, i) => {
      const key = mentionKey(e.id, i);
      marks.push({
        start: m.start, end: m.end, rank: RANK.mention, id: textAnchor(key),
        attrs: {
          class: `hl hl-mention hl-${typeClass(e.type)} hl-${m.kind}`,
          'data-entity': e.id,
          'data-mark': key,
          title: `${e.name} (${e.id}) · ${e.type} · ${m.kind}`,
        },
      });
    });
  }
  for (const t of facts.dates) {
    const readable = readableDate(t.value, t.mod);
    marks.push({
      start: t.start, end: t.end, rank: RANK.date, id: textAnchor(t.id),
      attrs: { class: 'hl hl-date', title: `Date ${t.id} · ${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ''}${readable !== t.value ? ` (${readable})` : ''}` },
    });
  }
  for (const q of facts.quantities) {
    const of = q.entity_id ? ` · of ${entityLabel(entities.get(q.entity_id), q.entity_id)}` : '';
    marks.push({
      start: q.start, end: q.end, rank: RANK.quantity, id: textAnchor(q.id),
      attrs: { class: 'hl hl-quantity', title: `Quantity ${q.id} · ${q.kind}: ${q.value} ${q.unit}${of}` },
    });
  }
  return marks;
}
