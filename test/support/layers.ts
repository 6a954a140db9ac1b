/**
 * Hand-built entity, date and quantity layers for testing the components that read them
 * (relations, events) without running the tagger and resolvers before them.
 */
import fs from 'node:fs';
import type { Doc, Entity, EntityType, MentionKind, QuantityKind, TimexType } from '../../pipeline/extract/document.ts';
import { prepareDoc } from '../../pipeline/extract/prepare.ts';

/** every occurrence of `surface` as whole words, skipping spans already taken */
export function occurrences(doc: Doc, surface: string): { start: number; end: number }[] {
  const esc = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'gu');
  return [...doc.text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + surface.length }));
}

export function addEntity(doc: Doc, type: EntityType, name: string, surfaces: string[] = [name], gender?: 'male' | 'female'): Entity {
  const e: Entity = { id: `E${doc.entities.length + 1}`, type, name, aliases: surfaces.filter((s) => s !== name), mentions: [], ...(gender ? { gender } : {}) };
  const taken = doc.entities.flatMap((x) => x.mentions);
  for (const s of [...surfaces].sort((a, b) => b.length - a.length)) {
    for (const o of occurrences(doc, s)) {
      if ([...taken, ...e.mentions].some((m) => m.start < o.end && o.start < m.end)) continue;
      e.mentions.push({ ...o, text: s, kind: 'name', entity: e.id });
    }
  }
  e.mentions.sort((a, b) => a.start - b.start);
  doc.entities.push(e);
  return e;
}

export function addMention(doc: Doc, entity: Entity, context: string, surface: string, kind: MentionKind): void {
  const at = doc.text.indexOf(context);
  if (at < 0) throw new Error(`no ${context}`);
  const start = at + context.indexOf(surface);
  entity.mentions.push({ start, end: start + surface.length, text: surface, kind, entity: entity.id });
  entity.mentions.sort((a, b) => a.start - b.start);
}

export function addTimex(doc: Doc, context: string, surface: string, value: string, type: TimexType = 'DATE'): void {
  const at = doc.text.indexOf(context);
  if (at < 0) throw new Error(`no ${context}`);
  const start = at + context.indexOf(surface);
  doc.timexes.push({ id: '', start, end: start + surface.length, text: surface, type, value });
  doc.timexes.sort((a, b) => a.start - b.start);
  doc.timexes.forEach((t, i) => (t.id = `T${i + 1}`));
}

export function addQuantity(doc: Doc, context: string, surface: string, kind: QuantityKind, value: number, unit: string, entity?: Entity): void {
  const start = doc.text.indexOf(context) + context.indexOf(surface);
  doc.quantities.push({ id: `Q${doc.quantities.length + 1}`, start, end: start + surface.length, text: surface, kind, value, unit, ...(entity ? { entity: entity.id } : {}) });
}

export function seedDoc(): Doc {
  const p = new URL('../../seeds/000_9da3eb84e0b5e84d.txt', import.meta.url);
  const doc = prepareDoc('seed', fs.readFileSync(p, 'utf8').trim().split('\n').join('\n\n'));
  addEntity(doc, 'Organization', 'Kremlin');
  addEntity(doc, 'Person', 'Vladimir Putin', ['Vladimir Putin', 'Putin'], 'male');
  addEntity(doc, 'Person', 'Alexander Trufanov', ['Alexander Trufanov', 'Trufanov'], 'male');
  addEntity(doc, 'Organization', 'Hamas');
  addEntity(doc, 'Place', 'Gaza');
  addEntity(doc, 'Place', 'Moscow');
  addEntity(doc, 'Place', 'Russia');
  addEntity(doc, 'Place', 'Israel');
  addEntity(doc, 'Person', 'Vitali Trupanov', ['Vitali Trupanov'], 'male');
  addEntity(doc, 'Person', 'Yelena', ['Yelena'], 'female');
  addEntity(doc, 'Person', 'Mikhail Bogdanov', ['Mikhail Bogdanov'], 'male');
  addEntity(doc, 'Place', 'United States');
  addEntity(doc, 'Organization', 'European Union');
  addEntity(doc, 'Person', 'Maxim Herkin', ['Maxim Herkin', 'Herkin'], 'male');
  addEntity(doc, 'Place', 'Egypt');
  addEntity(doc, 'Place', 'Qatar');
  addTimex(doc, 'held on April 16, 2025', 'April 16, 2025', '2025-04-16');
  addTimex(doc, 'in the late 1990s', 'the late 1990s', '199X');
  addTimex(doc, 'on October 7, 2023', 'October 7, 2023', '2023-10-07');
  addTimex(doc, 'in November 2023', 'November 2023', '2023-11');
  addTimex(doc, 'on February 15, 2025', 'February 15, 2025', '2025-02-15');
  addTimex(doc, 'in early February', 'early February', '2025-02');
  addTimex(doc, 'the October 7 music', 'October 7', '2023-10-07');
  addTimex(doc, 'in early April', 'early April', '2025-04');
  addTimex(doc, 'enduring 498 days', '498 days', 'P498D', 'DURATION');
  const trufanov = doc.entities.find((e) => e.name === 'Alexander Trufanov') as Entity;
  const herkin = doc.entities.find((e) => e.name === 'Maxim Herkin') as Entity;
  addQuantity(doc, '29-year-old', '29', 'age', 29, 'year', trufanov);
  addQuantity(doc, 'Herkin, 35', '35', 'age', 35, 'year', herkin);
  return doc;
}
