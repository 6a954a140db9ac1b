import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { validateFacts, validateNormalized, schemaFiles } from '../pipeline/validate/index.ts';
import type { ArticleFacts } from '../pipeline/records.ts';

const text = 'Angela Merkel met Emmanuel Macron in Paris on Monday. “We agree,” she said.';
const article = normalizeArticle(new TextEncoder().encode(text), 'merkel.txt').article;
const at = (s: string, from = 0): { start: number; end: number; text: string } => {
  const start = text.indexOf(s, from);
  return { start, end: start + s.length, text: s };
};

function validFacts(): ArticleFacts {
  return {
    article_id: article.article_id,
    source: 'merkel.txt',
    entities: [
      { id: 'E1', type: 'Person', name: 'Angela Merkel', aliases: [], mentions: [{ ...at('Angela Merkel'), kind: 'name' }, { ...at('she'), kind: 'pronoun' }] },
      { id: 'E2', type: 'Person', name: 'Emmanuel Macron', aliases: [], mentions: [{ ...at('Emmanuel Macron'), kind: 'name' }] },
      { id: 'E3', type: 'Place', name: 'Paris', aliases: [], mentions: [{ ...at('Paris'), kind: 'name' }] },
    ],
    dates: [{ id: 'T1', ...at('Monday'), type: 'DATE', value: 'XXXX-WXX-1' }],
    quantities: [],
    quotes: [{ id: 'QT1', ...at('We agree,'), direct: true, speaker: { ...at('she'), entity_id: 'E1' }, cue: at('said') }],
    relations: [],
    events: [
      {
        id: 'V1', ...at('Angela Merkel met Emmanuel Macron in Paris on Monday'), type: 'Meeting', trigger: at('met'),
        timex_id: 'T1', date_value: 'XXXX-WXX-1', place_entity_id: 'E3',
        participants: [{ entity_id: 'E1', role: 'participant' }, { entity_id: 'E2', role: 'participant' }],
      },
    ],
  };
}

describe('schemas', () => {
  it('ships a 2020-12 schema per record shape', () => {
    expect(schemaFiles()).toEqual(['article-facts.schema.json', 'normalized-article.schema.json']);
  });
});

describe('validateNormalized', () => {
  it('passes a normalized article', () => {
    expect(validateNormalized('n.json', article)).toEqual([]);
  });
  it('reports schema errors with the JSON pointer and rule', () => {
    const bad = { ...article, word_count: -1, extra: 1 };
    const v = validateNormalized('n.json', bad);
    expect(v.map((x) => `${x.pointer} ${x.rule}`)).toEqual(expect.arrayContaining(['/word_count schema:minimum', '/ schema:additionalProperties']));
  });
  it('reports an id that is not derived from the text, and spans outside the text', () => {
    const bad = { ...article, text: `${article.text} More.`, sentences: [{ start: 0, end: 999, paragraph: 0 }] };
    const rules = validateNormalized('n.json', bad).map((x) => x.rule);
    expect(rules).toEqual(expect.arrayContaining(['hash-matches-text', 'id-from-content', 'span-inside-text']));
  });
});

describe('validateFacts', () => {
  it('passes a consistent facts record', () => {
    expect(validateFacts('f.json', validFacts(), article)).toEqual([]);
  });
  it('catches cited text that differs from the slice', () => {
    const f = validFacts();
    f.entities[2].mentions[0].text = 'Pariz';
    const v = validateFacts('f.json', f, article);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ file: 'f.json', pointer: '/entities/2/mentions/0', rule: 'text-equals-slice' });
  });
  it('catches dangling and duplicate ids', () => {
    const f = validFacts();
    f.quotes[0].speaker!.entity_id = 'E9';
    f.events[0].timex_id = 'T7';
    f.entities[1].id = 'E1';
    const rules = validateFacts('f.json', f, article).map((x) => `${x.pointer} ${x.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining(['/quotes/0/speaker/entity_id id-resolves', '/events/0/timex_id id-resolves', '/entities/1/id unique-id']),
    );
  });
  it('catches a span past the end of the text and a trigger outside its event', () => {
    const f = validFacts();
    f.dates[0] = { ...f.dates[0], start: 70, end: 500 };
    f.events[0].trigger = at('said');
    const rules = validateFacts('f.json', f, article).map((x) => x.rule);
    expect(rules).toEqual(expect.arrayContaining(['span-inside-text', 'trigger-in-event']));
  });
  it('rejects a record of the wrong shape by schema, naming the field', () => {
    const f = validFacts() as unknown as Record<string, unknown>;
    (f.entities as { type: string }[])[0].type = 'Human';
    const v = validateFacts('f.json', f, article);
    expect(v[0].pointer).toBe('/entities/0/type');
    expect(v[0].rule).toMatch(/^schema:/);
  });
});
