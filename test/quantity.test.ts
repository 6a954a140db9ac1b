import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import { quantityTagger } from '../pipeline/extract/quantity/index.ts';
import { referenceDater, timexTagger } from '../pipeline/extract/time/index.ts';
import type { Doc, Entity, Quantity } from '../pipeline/extract/document.ts';

/** A Person entity whose name mentions are every occurrence of the given surface forms. */
function person(doc: Doc, id: string, ...forms: string[]): Entity {
  const mentions = forms.flatMap((f) => {
    const out = [];
    for (let i = doc.text.indexOf(f); i >= 0; i = doc.text.indexOf(f, i + 1)) {
      out.push({ start: i, end: i + f.length, text: f, kind: 'name' as const, entity: id });
    }
    return out;
  }).sort((a, b) => a.start - b.start);
  return { id, type: 'Person', name: forms[0], aliases: forms.slice(1), mentions };
}

function run(text: string, people: string[][] = []): Doc {
  const doc = prepareDoc('q', text);
  doc.entities = people.map((forms, i) => person(doc, `E${i + 1}`, ...forms));
  quantityTagger.run(doc);
  return doc;
}

function find(doc: Doc, text: string): Quantity {
  const q = doc.quantities.find((x) => x.text === text);
  if (!q) throw new Error(`no quantity "${text}" in ${JSON.stringify(doc.quantities.map((x) => x.text))}`);
  return q;
}

describe('quantityTagger', () => {
  it('links a hyphenated age to the person after it', () => {
    const doc = run('Police questioned 41-year-old Maria Lopez and her brother.', [['Maria Lopez']]);
    expect(find(doc, '41-year-old')).toMatchObject({ kind: 'age', value: 41, unit: 'year', entity: 'E1' });
  });

  it('links an age in an appositive noun phrase to the person before it', () => {
    const doc = run('The show featured Irfan Hanif, a 25-year-old doctor from Bolton.', [['Irfan Hanif']]);
    expect(find(doc, '25-year-old')).toMatchObject({ kind: 'age', value: 25, entity: 'E1' });
  });

  it('links an age to the person coreference made of its description', () => {
    const doc = prepareDoc('q', 'Tim Henman has retired. The 30-year-old made his debut in 1993.');
    const henman = person(doc, 'E1', 'Tim Henman');
    const at = doc.text.indexOf('The 30-year-old');
    henman.mentions.push({ start: at, end: at + 'The 30-year-old'.length, text: 'The 30-year-old', kind: 'description', entity: 'E1' });
    doc.entities = [henman];
    quantityTagger.run(doc);
    expect(find(doc, '30-year-old')).toMatchObject({ kind: 'age', value: 30, entity: 'E1' });
  });

  it('links an appositive age to the person before it', () => {
    const doc = run('The driver, Tom Baker, 52, was unhurt.', [['Tom Baker']]);
    expect(find(doc, '52')).toMatchObject({ kind: 'age', value: 52, entity: 'E1' });
  });

  it('does not read a list of numbers as ages', () => {
    const doc = run('The scores were 3, 4, and 5.');
    expect(doc.quantities.some((q) => q.kind === 'age')).toBe(false);
  });

  it('gives an age no person a verb separates from it, and reads no seed or thousands as an age', () => {
    const doc = run('The 25-year-old shocked Pete Sampras in the final. At the Department for Work and Pensions, 30,000 jobs are to go.', [['Pete Sampras']]);
    expect(find(doc, '25-year-old').entity).toBeUndefined();
    // a pronoun after the verb is most often the subject's own
    const own = prepareDoc('q', 'Kelly Sotherton took bronze. The 28-year-old won her first medal.');
    const sotherton = person(own, 'E1', 'Kelly Sotherton');
    const her = own.text.indexOf('her first');
    sotherton.mentions.push({ start: her, end: her + 3, text: 'her', kind: 'pronoun', entity: 'E1' });
    own.entities = [sotherton];
    quantityTagger.run(own);
    expect(find(own, '28-year-old').entity).toBe('E1');
    expect(find(doc, '30,000 jobs')).toMatchObject({ kind: 'count', value: 30000 });
    const seeds = prepareDoc('q', 'Seeds in brackets: Samoa (7), Fiji (3) and Canada.');
    seeds.entities = [
      { ...person(seeds, 'E1', 'Samoa'), type: 'Place' },
      { ...person(seeds, 'E2', 'Fiji'), type: 'Place' },
    ];
    quantityTagger.run(seeds);
    expect(seeds.quantities.filter((q) => q.kind === 'age')).toEqual([]);
  });

  it('tags durations with a TimeML value and the person the clause is about', () => {
    const doc = run('Anna Berg spent 120 days in hospital, her doctor said.', [['Anna Berg']]);
    expect(find(doc, '120 days')).toMatchObject({ kind: 'duration', value: 120, unit: 'day', timexValue: 'P120D', entity: 'E1' });
  });

  it('does not link a duration across a quotation', () => {
    const doc = run('Anna Berg said: "we waited 20 years for this."', [['Anna Berg']]);
    const q = find(doc, '20 years');
    expect(q.timexValue).toBe('P20Y');
    expect(q.entity).toBeUndefined();
  });

  it('tags money with ISO currency codes and scales', () => {
    const doc = run('The firm paid $5 million for the site and €2.5 billion for the bank, plus 300 pounds in fees.');
    expect(find(doc, '$5 million')).toMatchObject({ kind: 'money', value: 5_000_000, unit: 'USD' });
    expect(find(doc, '€2.5 billion')).toMatchObject({ value: 2_500_000_000, unit: 'EUR' });
    expect(find(doc, '300 pounds')).toMatchObject({ kind: 'money', value: 300, unit: 'GBP' });
  });

  it('tags percentages', () => {
    const doc = run('Turnout rose 12.5% while support fell twelve percent.');
    expect(find(doc, '12.5%')).toMatchObject({ kind: 'percent', value: 12.5, unit: 'percent' });
    expect(find(doc, 'twelve percent')).toMatchObject({ kind: 'percent', value: 12 });
  });

  it('tags counts with the counted noun', () => {
    const doc = run('The storm displaced 105 children and left hundreds of families homeless; thousands dead.');
    expect(find(doc, '105 children')).toMatchObject({ kind: 'count', value: 105, unit: 'children' });
    expect(find(doc, 'hundreds of families')).toMatchObject({ kind: 'count', unit: 'families' });
    expect(find(doc, 'thousands dead')).toMatchObject({ kind: 'count', unit: 'dead' });
  });

  it('reads ranges by their lower bound and keeps them one quantity', () => {
    const doc = run('The work takes 12 to 18 months; between 10 and 15 percent voted.');
    expect(find(doc, '12 to 18 months')).toMatchObject({ kind: 'duration', value: 12, unit: 'month', timexValue: 'P12M' });
    expect(find(doc, 'between 10 and 15 percent')).toMatchObject({ kind: 'percent', value: 10 });
  });

  it('reads abbreviated scales, decimals and "half a million"', () => {
    const doc = run('It cost $1.2bn, or £5m a year; rates rose 3.5% and half a million people left.');
    expect(find(doc, '$1.2bn')).toMatchObject({ kind: 'money', value: 1_200_000_000, unit: 'USD' });
    expect(find(doc, '£5m')).toMatchObject({ kind: 'money', value: 5_000_000, unit: 'GBP' });
    expect(find(doc, '3.5%')).toMatchObject({ kind: 'percent', value: 3.5 });
    expect(find(doc, 'half a million people')).toMatchObject({ kind: 'count', value: 500_000, unit: 'people' });
  });

  it('does not count time units', () => {
    const doc = run('Three years later the plant closed.');
    expect(doc.quantities.some((q) => q.kind === 'count')).toBe(false);
  });

  it('numbers quantities in text order', () => {
    const doc = run('Two men paid $40 for 3 tickets.');
    expect(doc.quantities.map((q) => q.id)).toEqual(doc.quantities.map((_q, i) => `Q${i + 1}`));
    expect(doc.quantities.map((q) => q.text)).toEqual(['Two men', '$40', '3 tickets']);
  });
});

describe('seed article', () => {
  const p = path.join(import.meta.dirname, '..', 'seeds', '000_9da3eb84e0b5e84d.txt');
  const doc = prepareDoc('seed', fs.readFileSync(p, 'utf8').trim().split('\n').join('\n\n'));
  doc.entities = [
    person(doc, 'E1', 'Vladimir Putin', 'Putin'),
    person(doc, 'E2', 'Alexander Trufanov', 'Trufanov'),
    person(doc, 'E3', 'Maxim Herkin', 'Herkin'),
  ];
  quantityTagger.run(doc);

  it('finds ages, the captivity duration and the death toll', () => {
    expect(find(doc, '29-year-old')).toMatchObject({ kind: 'age', value: 29, entity: 'E2' });
    expect(find(doc, '35')).toMatchObject({ kind: 'age', value: 35, entity: 'E3' });
    expect(find(doc, '498 days')).toMatchObject({ kind: 'duration', value: 498, unit: 'day', timexValue: 'P498D', entity: 'E2' });
    expect(find(doc, 'thousands dead')).toMatchObject({ kind: 'count' });
  });
});

describe('counts that are not counts', () => {
  it('skips names, dates, singular nouns in s and numbers without a noun', () => {
    const text =
      'England lost three Six Nations games. The 19 February meets went ahead. ' +
      'Sales fell in the two previous quarters. Records date from 1642 - lists of names. Police arrested 105 protesters.';
    const doc = prepareDoc('q', text, { datePublished: '2005-03-01' });
    referenceDater.run(doc);
    timexTagger.run(doc);
    quantityTagger.run(doc);
    expect(doc.quantities.filter((q) => q.kind === 'count').map((q) => q.text)).toEqual(['105 protesters']);
  });
});

describe('money in words', () => {
  it('reads the dollars of a named country and more currencies', () => {
    const doc = run('It paid 5 million Canadian dollars, 86.7bn Swiss francs, 2bn reais and 6.8bn rand.');
    expect(doc.quantities.map((q) => [q.text, q.kind, q.value, q.unit])).toEqual([
      ['5 million Canadian dollars', 'money', 5e6, 'CAD'],
      ['86.7bn Swiss francs', 'money', 86.7e9, 'CHF'],
      ['2bn reais', 'money', 2e9, 'BRL'],
      ['6.8bn rand', 'money', 6.8e9, 'ZAR'],
    ]);
  });
});

describe('money in other forms', () => {
  it('reads a currency before its number and pence', () => {
    const doc = run('It made Australian dollars 648m last year; shares ended at 1218 pence, and duty rose 1.92p.');
    expect(doc.quantities.map((q) => [q.text, q.value, q.unit])).toEqual([
      ['Australian dollars 648m', 648e6, 'AUD'],
      ['1218 pence', 12.18, 'GBP'],
      ['1.92p', 0.0192, 'GBP'],
    ]);
  });
});

/** Entities of the given types whose name mentions are every occurrence of their forms. */
function withEntities(text: string, entities: [Entity['type'], ...string[]][]): Doc {
  const doc = prepareDoc('q', text);
  doc.entities = entities.map(([type, ...forms], i) => ({ ...person(doc, `E${i + 1}`, ...forms), type }));
  quantityTagger.run(doc);
  return doc;
}

describe('owners of money and percentages', () => {
  const owner = (doc: Doc, text: string): string | undefined => {
    const id = find(doc, text).entity;
    return id && doc.entities.find((e) => e.id === id)?.name;
  };

  it('takes the subject, the possessor or the complement of a figure noun', () => {
    const doc = withEntities(
      'Shares in drinks firm Allied Domecq rose 4%, while Pernod shares slipped 1.2%. Quarterly profits at TimeWarner jumped 76% to $1.13bn (£600m). ' +
        "Germany's economy grew 1.6%. Yahoo earned $187m.",
      [['Organization', 'Allied Domecq'], ['Organization', 'Pernod'], ['Organization', 'TimeWarner'], ['Place', 'Germany'], ['Organization', 'Yahoo']],
    );
    expect(['4%', '1.2%', '76%', '$1.13bn', '£600m', '1.6%', '$187m'].map((t) => owner(doc, t))).toEqual([
      'Allied Domecq', 'Pernod', 'TimeWarner', 'TimeWarner', 'TimeWarner', 'Germany', 'Yahoo',
    ]);
  });

  it('passes over appositions and takes the antecedent of a relative clause', () => {
    const doc = withEntities(
      'In terms of market value, Pernod - at 7.5bn euros ($9.7bn) - is about 9% smaller than Allied Domecq, which has a capitalisation of £5.7bn ($10.7bn; 8.2bn euros).',
      [['Organization', 'Pernod'], ['Organization', 'Allied Domecq']],
    );
    expect(['7.5bn euros', '$9.7bn', '9%', '£5.7bn', '$10.7bn', '8.2bn euros'].map((t) => owner(doc, t))).toEqual([
      'Pernod', 'Pernod', 'Pernod', 'Allied Domecq', 'Allied Domecq', 'Allied Domecq',
    ]);
  });

  it("gives a reporter its own figures, not the market's", () => {
    const doc = withEntities('Halifax said prices rose 15.1% in 2004. TimeWarner said fourth quarter sales rose 2% to $11.1bn.', [
      ['Organization', 'Halifax'], ['Organization', 'TimeWarner'],
    ]);
    expect([owner(doc, '15.1%'), owner(doc, '2%'), owner(doc, '$11.1bn')]).toEqual([undefined, 'TimeWarner', 'TimeWarner']);
  });

  it('gives a figure after "with" the name that opens its short clause', () => {
    const doc = withEntities(
      'In 2003, the US was ahead with 20.5% and China came second with 19.2%. Investors in Japan bought shares with 5% of their savings.',
      [['Place', 'US'], ['Place', 'China'], ['Place', 'Japan']],
    );
    expect(['20.5%', '19.2%', '5%'].map((t) => owner(doc, t))).toEqual(['US', 'China', undefined]);
  });

  it('leaves figures of several and of unnamed subjects without an owner, and gives a percentage to what it is for', () => {
    const doc = withEntities(
      'China accounted for 20.1% of trade, compared with 18.6% for the US. US crude prices have soared to $53. ' +
        'Delta, Continental and American Airlines all fell by more than 7%. When WorldCom collapsed, shareholders lost about $180bn.',
      [['Place', 'China'], ['Place', 'US'], ['Organization', 'Delta'], ['Organization', 'Continental'], ['Organization', 'American Airlines'], ['Organization', 'WorldCom']],
    );
    // "18.6% for the US" is the US's own share, as the guidelines have it
    expect(['20.1%', '18.6%', '$53', '7%', '$180bn'].map((t) => owner(doc, t))).toEqual(['China', 'US', undefined, undefined, undefined]);
  });

  it('gives the other values of one figure its owner, and finds owners in phrases before the figure', () => {
    const doc = withEntities(
      'In London, Corus fell 2.2% to 55.57 pence, with ThyssenKrupp dropping 1.7% to 16.87 euros. ' +
        "Mr Brown surprised experts by forecasting UK growth at between 3% and 3.5%. Fiat's shares on the Milan stock exchange rose 4.5%.",
      [['Place', 'London'], ['Organization', 'Corus'], ['Organization', 'ThyssenKrupp'], ['Person', 'Brown'], ['Place', 'UK'], ['Organization', 'Fiat'], ['Place', 'Milan']],
    );
    expect(['2.2%', '55.57 pence', '1.7%', '16.87 euros', '3%', '3.5%', '4.5%'].map((t) => owner(doc, t))).toEqual([
      'Corus', 'Corus', 'ThyssenKrupp', 'ThyssenKrupp', 'UK', 'UK', 'Fiat',
    ]);
  });

  it('reads "the firm" and an unresolved "it" as the firm the text is about', () => {
    const doc = withEntities(
      'Umbro said Umbro would grow. The firm, which is to receive a payment of £24.5m, is upbeat. ' +
        'Nippon Steel shares slid after it agreed to pay 72% more for iron ore.',
      [['Organization', 'Umbro'], ['Organization', 'Nippon Steel']],
    );
    expect([owner(doc, '£24.5m'), owner(doc, '72%')]).toEqual(['Umbro', 'Nippon Steel']);
  });

  it('reads "the government" and "the country" as the country the sentence before or the article names', () => {
    const doc = withEntities(
      'Nigeria grows cocoa. Nigeria will cut taxes. The government will pump 154m naira into subsidies. Ghana exports cocoa too. ' +
        'The country saw more than $1.2bn of exports. The government wants Aguas Argentinas to invest 400m pesos.',
      [['Place', 'Nigeria'], ['Place', 'Ghana'], ['Organization', 'Aguas Argentinas']],
    );
    expect([owner(doc, '154m naira'), owner(doc, '$1.2bn'), owner(doc, '400m pesos')]).toEqual(['Nigeria', 'Ghana', 'Aguas Argentinas']);
    // no country stands out: two named as often
    const even = withEntities('France and Germany met. France and Germany agreed. The government will spend $5bn.', [['Place', 'France'], ['Place', 'Germany']]);
    expect(owner(even, '$5bn')).toBeUndefined();
  });

  it('reads a sentence-opening "It" that acts as the firm, not one that is a copula', () => {
    const doc = withEntities(
      'Monsanto agreed to pay $1m to the Department of Justice, Monsanto said. It is also paying $500,000 to the regulator. ' +
        'It was made up of $250m in cash.',
      [['Organization', 'Monsanto'], ['Organization', 'Department of Justice']],
    );
    expect([owner(doc, '$1m'), owner(doc, '$500,000'), owner(doc, '$250m')]).toEqual(['Monsanto', 'Monsanto', undefined]);
  });

  it('gives a party its poll share, but no one the share of those polled', () => {
    const doc = withEntities('Labour leads with the Liberal Democrats on 19%. Some 32% said Mr Blair was good and 38% disagreed.', [
      ['Organization', 'Labour'], ['Organization', 'Liberal Democrats'], ['Person', 'Blair'],
    ]);
    expect(['19%', '32%', '38%'].map((t) => owner(doc, t))).toEqual(['Liberal Democrats', undefined, undefined]);
  });

  it("links counts of a firm's own jobs, staff or customers, not of people in the news", () => {
    const doc = withEntities(
      'Mittal Steel could cut up to 45,000 jobs. Mittal Steel employs 50,000 staff in Kazakhstan. Mittal Steel police arrested 105 protesters.',
      [['Organization', 'Mittal Steel'], ['Place', 'Kazakhstan']],
    );
    expect(['45,000 jobs', '50,000 staff', '105 protesters'].map((t) => owner(doc, t))).toEqual(['Mittal Steel', 'Mittal Steel', undefined]);
  });

  it('finds the actor of a controlled verb, a country of its demonym and a place after the figure', () => {
    const doc = withEntities(
      'The SEC had accused Titan of illegally paying $2.1m to an agent. The South African economy grew by 3.2%. ' +
        'The average house price was £192,713 in England; £139,544 in Wales.',
      [['Organization', 'SEC'], ['Organization', 'Titan'], ['Place', 'South Africa'], ['Place', 'England'], ['Place', 'Wales']],
    );
    expect(['$2.1m', '3.2%', '£192,713', '£139,544'].map((t) => owner(doc, t))).toEqual(['Titan', 'South Africa', 'England', 'Wales']);
  });

  it('gives a figure whose clause has a subject that is no entity to the place the sentence opens with', () => {
    const doc = withEntities('In Sri Lanka, some observers have said that as much as 1% of growth may be lost. Elsewhere the dollar fell 2%.', [['Place', 'Sri Lanka']]);
    expect(['1%', '2%'].map((t) => owner(doc, t))).toEqual(['Sri Lanka', undefined]);
  });

  it('passes over an opening "According to …," phrase to the main clause\'s subject', () => {
    const doc = withEntities('According to a document filed with the regulator, Nasdaq Stock Market plans to raise $100m.', [['Organization', 'Nasdaq Stock Market']]);
    expect(owner(doc, '$100m')).toBe('Nasdaq Stock Market');
  });
});
