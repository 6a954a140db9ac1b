/**
 * The seed article end to end through normalize and every extractor, asserted by value.
 * The extractors hold no seed-specific rules; these are the facts any careful reader finds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { extractFacts } from '../pipeline/extract/index.ts';
import { validateFacts, validateNormalized } from '../pipeline/validate/index.ts';

const SEED = new URL('../seeds/000_9da3eb84e0b5e84d.txt', import.meta.url);
const { article } = normalizeArticle(readFileSync(SEED), '000_9da3eb84e0b5e84d.txt');
const facts = extractFacts(article);
const entity = (name: string) => facts.entities.find((e) => e.name === name);
const idOf = (name: string): string => {
  const e = entity(name);
  if (!e) throw new Error(`no entity named ${name}; have ${facts.entities.map((x) => x.name).join(', ')}`);
  return e.id;
};

describe('seed article', () => {
  it('normalizes to one line per paragraph and validates', () => {
    expect(article.paragraphs).toHaveLength(12);
    expect(article.text.split('\n')).toHaveLength(12);
    expect(validateNormalized('n', article)).toEqual([]);
    expect(validateFacts('f', facts, article)).toEqual([]);
  });

  it('finds the six people, each one entity with all its name mentions and no titles inside names', () => {
    const people = facts.entities.filter((e) => e.type === 'Person').map((e) => e.name).sort();
    expect(people).toEqual(['Alexander Trufanov', 'Maxim Herkin', 'Mikhail Bogdanov', 'Vitali Trupanov', 'Vladimir Putin', 'Yelena']);
    const putin = entity('Vladimir Putin')!;
    const names = putin.mentions.filter((m) => m.kind === 'name').map((m) => m.text);
    // "Vladimir Putin", "Putin" (×4 incl. "President Putin", "Mr. Putin", "Putin’s")
    expect(names).toEqual(['Vladimir Putin', 'Putin', 'Putin', 'Putin', 'Putin', 'Putin']);
    expect(putin.aliases).toEqual(['Putin']);
    for (const e of facts.entities) {
      for (const m of e.mentions.filter((x) => x.kind === 'name')) expect(m.text).not.toMatch(/^(President|Mr\.|Deputy|Russian)\b/);
    }
    // the son is not merged with his father, whose surname differs by one letter
    expect(entity('Alexander Trufanov')!.mentions.filter((m) => m.text === 'Trupanov')).toEqual([]);
    expect(entity('Vitali Trupanov')!.mentions.map((m) => m.text)).toEqual(['Vitali Trupanov']);
  });

  it('resolves "the Russian president" and "The president" to Putin', () => {
    const descriptions = entity('Vladimir Putin')!.mentions.filter((m) => m.kind === 'description').map((m) => m.text.toLowerCase());
    expect(descriptions).toEqual(expect.arrayContaining(['the russian president', 'the president']));
  });

  it('types organizations and places', () => {
    const ofType = (t: string): string[] => facts.entities.filter((e) => e.type === t).map((e) => e.name);
    expect(ofType('Organization')).toEqual(expect.arrayContaining(['Hamas', 'Kremlin', 'European Union']));
    expect(ofType('Place')).toEqual(expect.arrayContaining(['Gaza', 'Israel', 'Russia', 'Moscow', 'Egypt', 'Qatar', 'United States']));
    expect(entity('Kremlin')!.mentions.length).toBeGreaterThanOrEqual(5);
  });

  it('normalizes every date to its TimeML value, against a reference date inferred from the text', () => {
    expect(facts.reference_date).toMatchObject({ value: '2025-04-16', source: 'inferred' });
    /** the date covering `text`, found where `anchor` (which starts with text) occurs */
    const date = (text: string, anchor = text) => {
      const start = article.text.indexOf(anchor);
      return facts.dates.find((d) => d.start <= start && d.end >= start + text.length);
    };
    expect(date('April 16, 2025')).toMatchObject({ type: 'DATE', value: '2025-04-16' });
    expect(date('October 7, 2023')).toMatchObject({ type: 'DATE', value: '2023-10-07' });
    expect(date('November 2023')).toMatchObject({ type: 'DATE', value: '2023-11' });
    expect(date('February 15, 2025')).toMatchObject({ type: 'DATE', value: '2025-02-15' });
    expect(date('early February')).toMatchObject({ type: 'DATE', value: '2025-02', mod: 'START' });
    expect(date('late 1990s')).toMatchObject({ type: 'DATE', value: '199X', mod: 'END' });
    expect(date('early April')).toMatchObject({ type: 'DATE', value: '2025-04', mod: 'START' });
    // the festival's bare "October 7" takes the year of the attack dated earlier, not 2025
    expect(date('October 7', 'October 7 music')).toMatchObject({ type: 'DATE', value: '2023-10-07' });
    expect(date('498 days')).toMatchObject({ type: 'DURATION', value: 'P498D' });
    // "now" inside a quote is the speaker's present, not a date of the article
    expect(date('now', 'now,”')).toBeUndefined();
  });

  it('ties ages and the captivity duration to their people', () => {
    const q = (text: string) => facts.quantities.find((x) => x.text.includes(text));
    expect(q('29-year-old')).toMatchObject({ kind: 'age', value: 29, unit: 'year', entity_id: idOf('Alexander Trufanov') });
    expect(facts.quantities.find((x) => x.kind === 'age' && x.value === 35)).toMatchObject({ entity_id: idOf('Maxim Herkin') });
    expect(q('498 days')).toMatchObject({ kind: 'duration', value: 498, unit: 'day', timex_value: 'P498D', entity_id: idOf('Alexander Trufanov') });
  });

  it('finds the seven direct quotes, each with its speaker entity', () => {
    const direct = facts.quotes.filter((q) => q.direct);
    const trufanov = idOf('Alexander Trufanov');
    const putin = idOf('Vladimir Putin');
    expect(direct.map((q) => [q.text.slice(0, 24), q.speaker?.entity_id])).toEqual([
      ['For me, when they are th', trufanov],
      ['It will be very hard for', trufanov],
      ['Mr. Putin, I really ask ', trufanov],
      ['We will be working on th', putin],
      ['stable, many-year relati', putin],
      ['I think it’s necessary t', putin],
      ['They responded to our re', putin],
    ]);
    expect(direct[2].addressee_entity_id).toBe(putin);
    // the attributing mention is the nearby "he" / "Putin", not the name far away
    expect(direct[0].speaker?.text).toBe('he');
    expect(direct[5].speaker?.text).toBe('Putin');
  });

  it('extracts job titles, nationalities and family relations with evidence', () => {
    const rel = (subject: string, predicate: string) =>
      facts.relations.filter((r) => r.subject_entity_id === idOf(subject) && r.predicate === predicate);
    const nameOf = (id?: string): string | undefined => facts.entities.find((e) => e.id === id)?.name;
    expect(rel('Vladimir Putin', 'jobTitle').map((r) => r.object_value)).toContain('President');
    expect(rel('Mikhail Bogdanov', 'jobTitle').map((r) => r.object_value)).toContain('Deputy Foreign Minister');
    expect(rel('Alexander Trufanov', 'nationality').map((r) => nameOf(r.object_entity_id)).sort()).toEqual(['Israel', 'Russia']);
    expect(rel('Alexander Trufanov', 'parent').map((r) => nameOf(r.object_entity_id)).sort()).toEqual(['Vitali Trupanov', 'Yelena']);
    expect(rel('Vitali Trupanov', 'children').map((r) => nameOf(r.object_entity_id))).toEqual(['Alexander Trufanov']);
  });

  it('extracts the meeting, the attack, the abductions and the releases with dates and participants', () => {
    const ev = (type: string) => facts.events.filter((e) => e.type === type);
    const meeting = ev('Meeting')[0];
    expect(meeting.participants).toEqual(
      expect.arrayContaining([
        { entity_id: idOf('Vladimir Putin'), role: 'host' },
        { entity_id: idOf('Alexander Trufanov'), role: 'guest' },
      ]),
    );
    expect(ev('Meeting').map((e) => e.date_value)).toContain('2025-04-16');
    expect(ev('Attack').map((e) => e.date_value)).toContain('2023-10-07');
    const abducted = ev('Abduction').flatMap((e) => e.participants.filter((p) => p.role === 'patient').map((p) => p.entity_id));
    expect(abducted).toEqual(expect.arrayContaining([idOf('Alexander Trufanov'), idOf('Maxim Herkin')]));
    expect(ev('Death').flatMap((e) => e.participants.map((p) => p.entity_id))).toContain(idOf('Vitali Trupanov'));
    expect(ev('Release').map((e) => e.date_value)).toContain('2025-02-15');
  });
});
