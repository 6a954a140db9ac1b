import { describe, expect, it } from 'vitest';
import { CorpusEntityIndex, CorpusLinker, corpusEntities, nameKey, type ArticleEntityRef } from '../pipeline/export/corpus.ts';

const ref = (article_id: string, entity_id: string, type: string, name: string, aliases: string[] = []): ArticleEntityRef => ({
  article_id, entity_id, type, name, aliases, mention_count: 2,
});

describe('corpus entities', () => {
  const refs = [
    ref('a1', 'E1', 'Person', 'Vladimir Putin', ['Putin']),
    ref('a2', 'E3', 'Person', 'Vladimir Putin'),
    ref('a1', 'E2', 'Person', 'John Smith', ['Smith']),
    ref('a2', 'E1', 'Person', 'Smith'),
    ref('a3', 'E1', 'Person', 'Smith'),
    ref('a1', 'E4', 'Organization', 'European Union', ['EU']),
    ref('a3', 'E2', 'Organization', 'EU'),
    ref('a2', 'E2', 'Organization', 'the Kremlin'),
    ref('a3', 'E3', 'Organization', 'Kremlin'),
    ref('a3', 'E4', 'Place', 'Georgia'),
    ref('a2', 'E4', 'Person', 'Georgia'),
    ref('a1', 'E9', 'Organization', 'X'),
    ref('a2', 'E9', 'Organization', 'X'),
  ];
  const { entities, link } = corpusEntities(refs);
  const of = (a: string, e: string): string => link.get(`${a}:${e}`)!;

  it('gives the same ids through a CorpusLinker in another thread as through the index', () => {
    const index = new CorpusEntityIndex();
    for (const e of refs) index.link(e);
    // what a worker thread receives: the links, copied as structured clone copies them
    const linker = new CorpusLinker(structuredClone(index.links()));
    for (const e of refs) expect(linker.idOf(e), `${e.article_id}:${e.entity_id}`).toBe(of(e.article_id, e.entity_id));
    expect(linker.idOf(ref('a1', 'E4', 'Organization', 'EU'))).toBe(of('a1', 'E4'));
  });

  it('merges people on the same full name, never on a lone surname', () => {
    expect(of('a1', 'E1')).toBe(of('a2', 'E3'));
    expect(of('a2', 'E1')).not.toBe(of('a1', 'E2'));
    expect(of('a2', 'E1')).not.toBe(of('a3', 'E1'));
  });

  it('merges organizations on a shared surface form, and never across types', () => {
    expect(of('a1', 'E4')).toBe(of('a3', 'E2'));
    expect(of('a2', 'E2')).toBe(of('a3', 'E3'));
    expect(of('a3', 'E4')).not.toBe(of('a2', 'E4'));
    const eu = entities.find((e) => e.corpus_entity_id === of('a1', 'E4'))!;
    expect(eu).toMatchObject({ name: 'European Union', aliases: ['EU'], article_count: 2, mention_count: 4 });
  });

  it('keeps names too short to match on as entities of their own article', () => {
    expect(of('a1', 'E9')).toBeDefined();
    expect(of('a1', 'E9')).not.toBe(of('a2', 'E9'));
  });

  it('gives ids that do not depend on input order', () => {
    const again = corpusEntities([...refs].reverse());
    expect(again.entities).toEqual(entities);
    expect(of('a1', 'E1')).toMatch(/^C[0-9a-f]{12}$/);
  });

  it('folds case, "the" and possessives in name keys', () => {
    expect(nameKey('The  Kremlin’s')).toBe('kremlin');
  });
});
