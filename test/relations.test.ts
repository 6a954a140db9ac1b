import { describe, expect, it } from 'vitest';
import type { Doc } from '../pipeline/extract/document.ts';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import { COUNTRIES, RELATION_VOCABULARY, extractRelations, relationExtractor } from '../pipeline/extract/relations/index.ts';

import { addEntity, addMention, seedDoc } from './support/layers.ts';

/** A document with the given persons/organizations/places marked wherever they occur. */
function docWith(text: string, people: (string | [string, string[]] | [string, string[], 'male' | 'female'])[], orgs: string[] = [], places: string[] = []): Doc {
  const doc = prepareDoc('t', text);
  for (const p of people) {
    if (typeof p === 'string') addEntity(doc, 'Person', p);
    else addEntity(doc, 'Person', p[0], p[1], p[2]);
  }
  for (const o of orgs) addEntity(doc, 'Organization', o);
  for (const pl of places) addEntity(doc, 'Place', pl);
  return doc;
}

type Triple = [string, string, string];

/** relations as [subject name, predicate, object name or value] */
function triples(doc: Doc): Triple[] {
  const name = (id: string): string => doc.entities.find((e) => e.id === id)?.name ?? id;
  return extractRelations(doc).map((r) => [name(r.subject), r.predicate, r.objectEntity ? name(r.objectEntity) : (r.objectValue ?? '')]);
}

describe('relations on the seed article', () => {
  const doc = seedDoc();
  relationExtractor.run(doc);
  const name = (id?: string): string | undefined => doc.entities.find((e) => e.id === id)?.name;
  const got = doc.relations.map((r) => [name(r.subject), r.predicate, r.objectEntity ? name(r.objectEntity) : r.objectValue]);

  it('finds titles and nationalities from pre-name role phrases', () => {
    expect(got).toContainEqual(['Vladimir Putin', 'jobTitle', 'President']);
    expect(got).toContainEqual(['Vladimir Putin', 'nationality', 'Russia']);
    expect(got).toContainEqual(['Mikhail Bogdanov', 'jobTitle', 'Deputy Foreign Minister']);
    expect(got).toContainEqual(['Mikhail Bogdanov', 'nationality', 'Russia']);
  });

  it('reads both countries of a hyphenated demonym in an apposition', () => {
    expect(got).toContainEqual(['Alexander Trufanov', 'nationality', 'Russia']);
    expect(got).toContainEqual(['Alexander Trufanov', 'nationality', 'Israel']);
    const r = doc.relations.find((x) => name(x.subject) === 'Alexander Trufanov' && name(x.objectEntity) === 'Israel');
    expect(r?.text).toBe('Alexander Trufanov, a Russian-Israeli man');
  });

  it('resolves "his" to the previous sentence\'s subject for family relations, with inverses', () => {
    expect(got).toContainEqual(['Alexander Trufanov', 'parent', 'Vitali Trupanov']);
    expect(got).toContainEqual(['Vitali Trupanov', 'children', 'Alexander Trufanov']);
    expect(got).toContainEqual(['Alexander Trufanov', 'parent', 'Yelena']);
    expect(got).toContainEqual(['Yelena', 'children', 'Alexander Trufanov']);
    expect(got).not.toContainEqual(['Vitali Trupanov', 'parent', 'Yelena']);
    const r = doc.relations.find((x) => x.predicate === 'parent' && name(x.objectEntity) === 'Vitali Trupanov');
    expect(r?.text).toBe('his father, Vitali Trupanov');
  });

  it('takes ages from the quantity layer', () => {
    expect(got).toContainEqual(['Alexander Trufanov', 'age', '29']);
    expect(got).toContainEqual(['Maxim Herkin', 'age', '35']);
  });

  it('gives every relation evidence that matches the text and no duplicates', () => {
    for (const r of doc.relations) expect(doc.text.slice(r.start, r.end)).toBe(r.text);
    const keys = doc.relations.map((r) => `${r.subject}|${r.predicate}|${r.objectEntity ?? r.objectValue}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(got.filter((t) => t[0] === 'Vladimir Putin' && t[1] === 'jobTitle')).toHaveLength(1);
  });
});

describe('relation patterns', () => {
  it('apposition with an organization possessive: jobTitle and worksFor', () => {
    const doc = docWith('Tim Cook, Apple\'s chief executive, said on Monday that sales rose.', ['Tim Cook'], ['Apple']);
    expect(triples(doc)).toEqual([
      ['Tim Cook', 'jobTitle', 'chief executive'],
      ['Tim Cook', 'worksFor', 'Apple'],
    ]);
  });

  it('"X, a spokesman for Y" and prenominal organizations', () => {
    const doc = docWith('"No," said Dmitry Peskov, a spokesman for the Kremlin. Hamas leader Yahya Sinwar was silent.', ['Dmitry Peskov', 'Yahya Sinwar'], ['Kremlin', 'Hamas']);
    const t = triples(doc);
    expect(t).toContainEqual(['Dmitry Peskov', 'jobTitle', 'spokesman']);
    expect(t).toContainEqual(['Dmitry Peskov', 'worksFor', 'Kremlin']);
    expect(t).toContainEqual(['Yahya Sinwar', 'jobTitle', 'leader']);
    expect(t).toContainEqual(['Yahya Sinwar', 'memberOf', 'Hamas']);
  });

  it('reads sport roles: positions as titles, "international" as a nationality only', () => {
    const doc = docWith('Irish international Jolene Byrne was second. Arsenal defender Ashley Cole is hurt. Kenyan runner Paul Tergat won.', ['Jolene Byrne', 'Ashley Cole', 'Paul Tergat'], ['Arsenal']);
    expect(triples(doc)).toEqual([
      ['Jolene Byrne', 'nationality', 'Ireland'],
      ['Ashley Cole', 'jobTitle', 'defender'],
      ['Ashley Cole', 'worksFor', 'Arsenal'],
      ['Paul Tergat', 'jobTitle', 'runner'],
      ['Paul Tergat', 'nationality', 'Kenya'],
    ]);
  });

  it('takes a nationality from a description the entity layer resolved ("The Kenyan was unsure")', () => {
    const doc = docWith('Susan Chepkemei is fit. The Kenyan was unsure.', ['Susan Chepkemei']);
    addMention(doc, doc.entities[0], 'The Kenyan was', 'The Kenyan', 'description');
    expect(triples(doc)).toEqual([['Susan Chepkemei', 'nationality', 'Kenya']]);
  });

  it('keeps "shadow" in an opposition spokesman\'s title', () => {
    const doc = docWith('Tory shadow chancellor Oliver Letwin spoke.', ['Oliver Letwin']);
    expect(triples(doc)).toEqual([['Oliver Letwin', 'jobTitle', 'shadow chancellor']]);
  });

  it('keeps an age\'s evidence inside its sentence', () => {
    const doc = docWith('Bell dies aged 44\n\nCharlie Bell, a former chief, has died.', [['Charlie Bell', ['Charlie Bell', 'Bell']]]);
    const at = doc.text.indexOf('44');
    doc.quantities = [{ id: 'Q1', start: at - 5, end: at + 2, text: 'aged 44', kind: 'age', value: 44, unit: 'year', entity: 'E1' }];
    expect(extractRelations(doc).filter((r) => r.predicate === 'age').map((r) => r.text)).toEqual(['aged 44']);
  });

  it('uses the country name when the article has no Place entity for it', () => {
    const doc = docWith('French President Emmanuel Macron arrived.', ['Emmanuel Macron']);
    expect(triples(doc)).toEqual([
      ['Emmanuel Macron', 'jobTitle', 'President'],
      ['Emmanuel Macron', 'nationality', 'France'],
    ]);
  });

  it('keeps "Secretary of State" whole and reads a country name before a title', () => {
    const doc = docWith('U.S. Secretary of State Marco Rubio spoke.', ['Marco Rubio'], [], ['U.S.']);
    const t = triples(doc);
    expect(t).toContainEqual(['Marco Rubio', 'jobTitle', 'Secretary of State']);
    expect(t).toContainEqual(['Marco Rubio', 'nationality', 'U.S.']);
  });

  it('skips honorifics and former offices, and does not read a sentence-initial word as a title', () => {
    const doc = docWith('Yesterday Mr. Smith met former President Barack Obama.', ['Smith', 'Barack Obama']);
    expect(triples(doc)).toEqual([]);
  });

  it('reads "ex-" as a former office, whole portfolios and courts, no rank of birth and no verb "head" as a title', () => {
    const doc = docWith(
      'Ex-health secretary Alan Milburn spoke. Constitutional affairs spokesman David Heath agreed. Deputy High Court Judge Richard Mawrey ruled. ' +
        'Foreign Minister Prince Saud arrived. Terry was free to powerfully head Lampard away.',
      ['Alan Milburn', 'David Heath', 'Richard Mawrey', 'Saud', 'Lampard'],
    );
    expect(triples(doc)).toEqual([
      ['David Heath', 'jobTitle', 'Constitutional affairs spokesman'],
      ['Richard Mawrey', 'jobTitle', 'Deputy High Court Judge'],
      ['Saud', 'jobTitle', 'Foreign Minister'],
    ]);
  });

  it('makes the spokesman or leader a party puts before a name its member, and a firm\'s chief its employee', () => {
    const doc = docWith('Lib Dem home affairs spokesman Mark Oaten and Acme chief executive Jo Bloggs met.', ['Mark Oaten', 'Jo Bloggs'], ['Lib Dem', 'Acme']);
    expect(triples(doc).filter((t) => t[1] === 'memberOf' || t[1] === 'worksFor')).toEqual([
      ['Mark Oaten', 'memberOf', 'Lib Dem'],
      ['Jo Bloggs', 'worksFor', 'Acme'],
    ]);
  });

  it('"Russian-born" is not a nationality', () => {
    const doc = docWith('The Russian-born singer Anna Netrebko sang.', ['Anna Netrebko']);
    expect(triples(doc).filter((t) => t[1] === 'nationality')).toEqual([]);
  });

  it('family: spouse, children and siblings, with a coreference pronoun mention', () => {
    const doc = docWith('Ukraine\'s leader spoke. Olena Zelenska said her husband, Volodymyr Zelensky, was tired. Her daughter Oleksandra and her brother Ivan came too.', [['Olena Zelenska', ['Olena Zelenska'], 'female'], 'Volodymyr Zelensky', 'Oleksandra', 'Ivan']);
    const t = triples(doc);
    expect(t).toContainEqual(['Olena Zelenska', 'spouse', 'Volodymyr Zelensky']);
    expect(t).toContainEqual(['Volodymyr Zelensky', 'spouse', 'Olena Zelenska']);
    expect(t).toContainEqual(['Olena Zelenska', 'children', 'Oleksandra']);
    expect(t).toContainEqual(['Oleksandra', 'parent', 'Olena Zelenska']);
    expect(t).toContainEqual(['Olena Zelenska', 'sibling', 'Ivan']);
  });

  it('follows a pronoun mention added by coreference', () => {
    const doc = docWith('Putin met Xi. Later his daughter Maria spoke.', [['Vladimir Putin', ['Putin']], ['Xi Jinping', ['Xi']], 'Maria']);
    const xi = doc.entities[1];
    addMention(doc, xi, 'his daughter', 'his', 'pronoun');
    expect(triples(doc)).toContainEqual(['Xi Jinping', 'children', 'Maria']);
  });

  it('"Y, the mother of X" and "X\'s son Y"', () => {
    const doc = docWith('Yelena, the mother of Alexander, wept. Putin\'s son Ivan did not.', ['Yelena', 'Alexander', ['Putin', ['Putin']], 'Ivan']);
    const t = triples(doc);
    expect(t).toContainEqual(['Alexander', 'parent', 'Yelena']);
    expect(t).toContainEqual(['Putin', 'children', 'Ivan']);
  });

  it('jobTitle and nationality from a coreferent description mention', () => {
    const doc = docWith('Putin arrived. The Russian president smiled.', [['Vladimir Putin', ['Putin']]], [], ['Russia']);
    addMention(doc, doc.entities[0], 'The Russian president', 'The Russian president', 'description');
    const t = triples(doc);
    expect(t).toContainEqual(['Vladimir Putin', 'jobTitle', 'president']);
    expect(t).toContainEqual(['Vladimir Putin', 'nationality', 'Russia']);
  });
});

describe('relation patterns added for the GUM evaluation', () => {
  it('a role phrase closed by a comma before the name: "Malaysia\'s Prime Minister, Najib Razak"', () => {
    const doc = docWith('Malaysia\'s Prime Minister, Najib Razak said they were in contact.', ['Najib Razak'], [], ['Malaysia']);
    expect(triples(doc)).toEqual([
      ['Najib Razak', 'jobTitle', 'Prime Minister'],
      ['Najib Razak', 'nationality', 'Malaysia'],
    ]);
    expect(extractRelations(doc)[0].text).toBe('Malaysia\'s Prime Minister, Najib Razak');
  });

  it('"a Scientology attorney, Kendrick Moxon" and an unnamed owner ("the Afghan team\'s coach, X")', () => {
    const doc = docWith('He was put through to a Scientology attorney, Kendrick Moxon. According to the Afghan team\'s coach, Alireza Mehraban, they scored.', ['Kendrick Moxon', 'Alireza Mehraban'], ['Scientology']);
    const t = triples(doc);
    expect(t).toContainEqual(['Kendrick Moxon', 'jobTitle', 'attorney']);
    expect(t).toContainEqual(['Kendrick Moxon', 'worksFor', 'Scientology']);
    expect(t).toContainEqual(['Alireza Mehraban', 'jobTitle', 'coach']);
    // "Afghan" describes the team, not the coach
    expect(t.filter((x) => x[1] === 'nationality')).toEqual([]);
  });

  it('does not read a list or a clause after the comma as an apposition', () => {
    const doc = docWith('He met the presidents, Putin and Xi. According to Rathbun, a detective for the Sheriff\'s Office was provided with material.', [['Vladimir Putin', ['Putin']], ['Xi Jinping', ['Xi']], 'Rathbun'], ['Sheriff\'s Office']);
    expect(triples(doc)).toEqual([]);
  });

  it('"X of Y": memberOf for parties, worksFor for news media, affiliation otherwise; "from" only for parties', () => {
    const doc = docWith(
      'Lee Cheuk-yan of the Labour Party lost. Matthew Ingram of The Globe and Mail wrote. John Smith of Acme Corp spoke. Labour Party\'s Ann Wu won. Alvin Yeung from the Civic Party won. They removed a video featuring Tom Cruise from YouTube.',
      ['Lee Cheuk-yan', 'Matthew Ingram', 'John Smith', 'Ann Wu', 'Alvin Yeung', 'Tom Cruise'],
      ['Labour Party', 'The Globe and Mail', 'Acme Corp', 'Civic Party', 'YouTube'],
    );
    expect(triples(doc)).toEqual([
      ['Lee Cheuk-yan', 'memberOf', 'Labour Party'],
      ['Matthew Ingram', 'worksFor', 'The Globe and Mail'],
      ['John Smith', 'affiliation', 'Acme Corp'],
      ['Ann Wu', 'memberOf', 'Labour Party'],
      ['Alvin Yeung', 'memberOf', 'Civic Party'],
    ]);
  });

  it('takes the body a person stands for in an election for a party, whatever its name', () => {
    const doc = docWith(
      'The candidates elected were DAB\'s Ben Chan and Frederick Fung of ADPL. Acme Corp\'s Ann Wu spoke.',
      ['Ben Chan', 'Frederick Fung', 'Ann Wu'],
      ['DAB', 'ADPL', 'Acme Corp'],
    );
    expect(triples(doc)).toEqual([
      ['Ben Chan', 'memberOf', 'DAB'],
      ['Frederick Fung', 'memberOf', 'ADPL'],
      ['Ann Wu', 'affiliation', 'Acme Corp'],
    ]);
  });

  it('occupations as job titles, "editor at large at", and no title from a first name ("Dean Kamen")', () => {
    const doc = docWith('Helped by actor Jason Beghe and Khaled Al-Maeena, editor at large at the Saudi Gazette. It was founded by Dean Kamen.', ['Jason Beghe', 'Khaled Al-Maeena', ['Dean Kamen', ['Kamen']]], ['Saudi Gazette']);
    expect(triples(doc)).toEqual([
      ['Jason Beghe', 'jobTitle', 'actor'],
      ['Khaled Al-Maeena', 'jobTitle', 'editor'],
      ['Khaled Al-Maeena', 'worksFor', 'Saudi Gazette'],
    ]);
  });
});

describe('relation vocabulary', () => {
  it('defines every predicate the extractor can write, with schema.org IRIs or none', () => {
    const terms = new Set(RELATION_VOCABULARY.map((t) => t.term));
    for (const p of ['jobTitle', 'nationality', 'parent', 'children', 'spouse', 'sibling', 'relatedTo', 'memberOf', 'worksFor', 'affiliation', 'age']) {
      expect(terms.has(p)).toBe(true);
    }
    for (const t of RELATION_VOCABULARY) {
      expect(t.schemaOrg === null || t.schemaOrg.startsWith('https://schema.org/')).toBe(true);
      if (t.inverse) expect(terms.has(t.inverse)).toBe(true);
    }
  });

  it('has a demonym table with unique demonyms', () => {
    const seen = new Map<string, string>();
    for (const [country, demonyms] of COUNTRIES) {
      for (const d of demonyms) {
        const prev = seen.get(d.toLowerCase());
        expect(prev === undefined || prev === country, `${d}: ${prev} / ${country}`).toBe(true);
        seen.set(d.toLowerCase(), country);
      }
    }
    expect(seen.get('israeli')).toBe('Israel');
  });
});
