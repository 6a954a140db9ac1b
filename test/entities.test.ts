import { describe, expect, it } from 'vitest';
import type { Doc, NerLabel } from '../pipeline/extract/document.ts';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import { entityGrouper, titleBefore, tokensMatching } from '../pipeline/extract/entities/index.ts';
import { handNames, seedDocWithNames as seedDoc } from './support/hand-names.ts';

function docWith(text: string, names: [string, NerLabel][]): Doc {
  const doc = prepareDoc('t', text);
  doc.names = handNames(doc, names);
  entityGrouper.run(doc);
  return doc;
}

describe('entityGrouper', () => {
  it('groups the seed article people and organizations', () => {
    const doc = seedDoc();
    entityGrouper.run(doc);
    const people = doc.entities.filter((e) => e.type === 'Person').map((e) => e.name);
    expect(people).toEqual(['Vladimir Putin', 'Alexander Trufanov', 'Vitali Trupanov', 'Yelena', 'Mikhail Bogdanov', 'Maxim Herkin']);
    const putin = doc.entities.find((e) => e.name === 'Vladimir Putin')!;
    expect(putin.aliases).toEqual(['Putin']);
    expect(putin.mentions.every((m) => m.text === 'Putin' || m.text === 'Vladimir Putin')).toBe(true);
    // "President Putin", "Mr. Putin", "Putin’s" all land here, titles trimmed off
    expect(putin.mentions.length).toBe(6);
    const trufanov = doc.entities.find((e) => e.name === 'Alexander Trufanov')!;
    expect(trufanov.mentions.filter((m) => m.text === 'Trufanov').length).toBe(9);
    expect(doc.entities.find((e) => e.name === 'Vitali Trupanov')!.mentions.length).toBe(1);
    for (const org of ['Hamas', 'Kremlin', 'European Union']) {
      expect(doc.entities.find((e) => e.name === org)?.type).toBe('Organization');
    }
    expect(doc.entities.map((e) => e.id)).toEqual(doc.entities.map((_, i) => `E${i + 1}`));
    expect(doc.entities[0].name).toBe('Kremlin');
    expect(putin.gender).toBe('male');
  });

  it('keeps the title as evidence before the trimmed mention', () => {
    const doc = docWith('Russian Deputy Foreign Minister Mikhail Bogdanov spoke. Then Mr. Smith left.', [
      ['Deputy Foreign Minister Mikhail Bogdanov', 'PER'], ['Mr. Smith', 'PER'],
    ]);
    const [bogdanov, smith] = doc.entities;
    expect(bogdanov.mentions[0].text).toBe('Mikhail Bogdanov');
    expect(titleBefore(doc, bogdanov.mentions[0])?.text).toBe('Russian Deputy Foreign Minister');
    expect(smith.name).toBe('Smith');
    expect(smith.gender).toBe('male');
  });

  it('does not merge people who share a surname but not a first name', () => {
    const doc = docWith('Hillary Clinton met Bill Clinton. Later Clinton spoke, and Mrs. Clinton left.', [
      ['Hillary Clinton', 'PER'], ['Bill Clinton', 'PER'], ['Mrs. Clinton', 'PER'], ['Clinton', 'PER'],
    ]);
    expect(doc.entities.map((e) => e.name)).toEqual(['Hillary Clinton', 'Bill Clinton']);
    expect(doc.entities.reduce((n, e) => n + e.mentions.length, 0)).toBe(4);
  });

  it('treats names one letter apart as different people', () => {
    const doc = docWith('Alexander Trufanov and Vitali Trupanov. Trufanov smiled.', [
      ['Alexander Trufanov', 'PER'], ['Vitali Trupanov', 'PER'], ['Trufanov', 'PER'],
    ]);
    expect(doc.entities[0].mentions.map((m) => m.text)).toEqual(['Alexander Trufanov', 'Trufanov']);
    expect(doc.entities[1].mentions.length).toBe(1);
  });

  it('handles possessives, a later full name, "the", and stated acronyms', () => {
    const doc = docWith(
      'Putin’s aides met the European Union (EU) envoy. Vladimir Putin said the EU was wrong. The Kremlin agreed with Kremlin aides.',
      [['Putin’s', 'PER'], ['Vladimir Putin', 'PER'], ['European Union', 'ORG'], ['EU', 'ORG'], ['The Kremlin', 'ORG'], ['Kremlin', 'LOC']],
    );
    const [putin, eu, kremlin] = doc.entities;
    expect(putin.name).toBe('Vladimir Putin');
    expect(putin.mentions[0]).toMatchObject({ start: 0, end: 5, text: 'Putin', kind: 'name' });
    expect(eu.name).toBe('European Union');
    expect(eu.aliases).toEqual(['EU']);
    expect(eu.mentions.length).toBe(3);
    expect(kremlin.mentions.map((m) => m.text)).toEqual(['Kremlin', 'Kremlin']);
    expect(kremlin.type).toBe('Organization');
    expect(doc.entities.length).toBe(3);
  });

  it('ignores MISC names and takes gender from later pronouns', () => {
    const doc = docWith('Jo Ruiz, a Spanish doctor, arrived. She said she was tired.', [['Jo Ruiz', 'PER'], ['Spanish', 'MISC']]);
    expect(doc.entities.length).toBe(1);
    expect(doc.entities[0].gender).toBe('female');
  });
});

describe('entityGrouper: acronyms the text does not state', () => {
  it('joins an acronym to the one organization or place with those initials', () => {
    const doc = docWith('GM pays Fiat. General Motors said GM had agreed. J&J bought Guidant; Johnson & Johnson paid cash.', [
      ['GM', 'ORG'], ['Fiat', 'ORG'], ['General Motors', 'ORG'], ['J&J', 'ORG'], ['Guidant', 'ORG'], ['Johnson & Johnson', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.mentions.length])).toEqual([['General Motors', 3], ['Fiat', 1], ['Johnson & Johnson', 2], ['Guidant', 1]]);
  });

  it('leaves an acronym alone when two names of the article share its initials', () => {
    const doc = docWith('GM rose. General Motors and Granada Media both gained.', [['GM', 'ORG'], ['General Motors', 'ORG'], ['Granada Media', 'ORG']]);
    expect(doc.entities.map((e) => e.name)).toEqual(['GM', 'General Motors', 'Granada Media']);
  });
});

describe('entityGrouper: football clubs', () => {
  it('joins a club\'s short forms to the one club of the article that they fit, as an organization', () => {
    const doc = docWith('Man City beat Leeds. Manchester City and Leeds United met. City won; Leeds lost.', [
      ['Man City', 'LOC'], ['Manchester City', 'ORG'], ['Leeds United', 'ORG'], ['Leeds', 'ORG'], ['City', 'LOC'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.type, e.mentions.length])).toEqual([['Manchester City', 'Organization', 3], ['Leeds United', 'Organization', 3]]);
  });

  it('leaves a town read as a place, a form two clubs fit, and places named like clubs', () => {
    const doc = docWith('Manchester United and Manchester City drew in Manchester. Manchester was wet. New York City is big.', [
      ['Manchester United', 'ORG'], ['Manchester City', 'ORG'], ['Manchester', 'LOC'], ['New York City', 'LOC'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.type])).toEqual([['Manchester United', 'Organization'], ['Manchester City', 'Organization'], ['Manchester', 'Place'], ['New York City', 'Place']]);
  });
});

describe('entityGrouper: a party\'s name with "Party" and in the singular', () => {
  it('joins "Labour" to "the Labour Party" and "Lib Dem" to "Lib Dems", and no other organizations', () => {
    const doc = docWith('Labour won. The Labour Party is glad. A Lib Dem chairman said the Lib Dems lost. Labor Union voted.', [
      ['Labour', 'ORG'], ['Labour Party', 'ORG'], ['Lib Dem', 'ORG'], ['Lib Dems', 'ORG'], ['Labor Union', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.mentions.length])).toEqual([['Labour Party', 2], ['Lib Dems', 2], ['Labor Union', 1]]);
  });

  it('joins a name with its words cut short and a party\'s nickname to the full name', () => {
    const doc = docWith('The Liberal Democrats and the Conservatives met. The Lib Dems and the Tories agreed.', [
      ['Liberal Democrats', 'ORG'], ['Conservatives', 'ORG'], ['Lib Dems', 'ORG'], ['Tories', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.aliases.join('|')])).toEqual([['Liberal Democrats', 'Lib Dems'], ['Conservatives', 'Tories']]);
  });
});

describe('entityGrouper: a firm named by the first words of its name', () => {
  it('joins "Federated" to "Federated Department Stores", but not two firms sharing a word, nor a firm\'s event', () => {
    const doc = docWith(
      'Federated Department Stores bought May. Federated paid. Deutsche Bank and Deutsche Boerse met; Deutsche said no. Google Science Fair winners thanked Google.',
      [
        ['Federated Department Stores', 'ORG'], ['May', 'ORG'], ['Federated', 'ORG'], ['Deutsche Bank', 'ORG'], ['Deutsche Boerse', 'ORG'],
        ['Deutsche', 'ORG'], ['Google Science Fair', 'ORG'], ['Google', 'ORG'],
      ],
    );
    expect(doc.entities.map((e) => [e.name, e.mentions.length])).toEqual([
      ['Federated Department Stores', 2], ['May', 1], ['Deutsche Bank', 1], ['Deutsche Boerse', 1], ['Deutsche', 1], ['Google Science Fair', 1], ['Google', 1],
    ]);
  });
});

describe('entityGrouper: organizations named after people', () => {
  it('types a "person" whose last word is an organization\'s head noun as an organization', () => {
    const doc = docWith('The Andy Warhol Foundation gave prints. Andy Warhol died in 1987. The Simon Wiesenthal Center objected.', [
      ['Andy Warhol Foundation', 'PER'], ['Andy Warhol', 'PER'], ['Simon Wiesenthal Center', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.type])).toEqual([
      ['Andy Warhol Foundation', 'Organization'], ['Andy Warhol', 'Person'], ['Simon Wiesenthal Center', 'Organization'],
    ]);
  });
});

describe('entityGrouper: a surname the tagger typed as an organization', () => {
  it('joins it to the one person named with that surname', () => {
    const doc = docWith('Andy Warhol took Polaroids. Warhol liked the flash, and Warhol sold prints.', [
      ['Andy Warhol', 'PER'], ['Warhol', 'ORG'], ['Warhol', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.type, e.mentions.length])).toEqual([['Andy Warhol', 'Person', 3]]);
  });

  it('leaves well-known organizations, firms the text treats as firms, and firms named far more than the person', () => {
    const dell = docWith('Michael Dell spoke. Dell cut prices.', [['Michael Dell', 'PER'], ['Dell', 'ORG']]);
    expect(dell.entities.map((e) => e.type)).toEqual(['Person', 'Organization']);
    const cue = docWith('Jane Brill spoke. Brill\'s profits rose.', [['Jane Brill', 'PER'], ['Brill', 'ORG']]);
    expect(cue.entities.map((e) => e.type)).toEqual(['Person', 'Organization']);
    const ford = docWith('Bill Ford spoke. Ford cut jobs. Ford sold cars. Ford rose. Ford fell.', [['Bill Ford', 'PER'], ['Ford', 'ORG'], ['Ford', 'ORG'], ['Ford', 'ORG'], ['Ford', 'ORG']]);
    expect(ford.entities.map((e) => e.type)).toEqual(['Person', 'Organization']);
  });
});

describe('entityGrouper: gender from first names', () => {
  it('reads a first name on one gender\'s list only, the common ones first, and leaves names on both lists alone', () => {
    const doc = docWith('Kristen Wilkins, Yvette Cooper, Thomas Sam and Robin Cook met Julie Couillard.', [
      ['Kristen Wilkins', 'PER'], ['Yvette Cooper', 'PER'], ['Thomas Sam', 'PER'], ['Robin Cook', 'PER'], ['Julie Couillard', 'PER'],
    ]);
    const gender = Object.fromEntries(doc.entities.map((e) => [e.name, e.gender]));
    expect(gender).toEqual({ 'Kristen Wilkins': 'female', 'Yvette Cooper': 'female', 'Thomas Sam': 'male', 'Robin Cook': undefined, 'Julie Couillard': 'female' });
  });
});

describe('entityGrouper: what names no one', () => {
  it('drops a person name that is only a title, but keeps surnames that are titles elsewhere', () => {
    const doc = docWith('He shared an office with the newly elected MP for Sedgefield. A Labour minister agreed. Mr Major and Ms White spoke.', [
      ['MP', 'PER'], ['Labour minister', 'PER'], ['Major', 'PER'], ['White', 'PER'],
    ]);
    expect(doc.entities.map((e) => e.name)).toEqual(['Major', 'White']);
  });
});

describe('entityGrouper: one-word people that are organizations', () => {
  it('retypes a name used as an organization ("Chelsea boss"), and joins one-word namesakes by majority', () => {
    const doc = docWith(
      'Chelsea boss Jose Mourinho praised Chelsea. Yukos said Yukos would appeal, and Yukos shares fell. Gudjohnsen scored; Gudjohnsen and Gudjohnsen celebrated.',
      [['Chelsea', 'PER'], ['Jose Mourinho', 'PER'], ['Yukos', 'PER'], ['Gudjohnsen', 'PER']],
    );
    // the tagger's labels, one per occurrence in the hand-made layer; one Yukos and one Gudjohnsen otherwise
    doc.names.find((n) => n.text === 'Yukos')!.label = 'ORG';
    doc.names.find((n) => n.text === 'Gudjohnsen')!.label = 'LOC';
    entityGrouper.run(doc);
    expect(doc.entities.map((e) => [e.name, e.type, e.mentions.length])).toEqual([
      ['Chelsea', 'Organization', 2],
      ['Jose Mourinho', 'Person', 1],
      ['Yukos', 'Organization', 3],
      ['Gudjohnsen', 'Person', 3],
    ]);
  });

  it('retypes a person the text treats as a firm, unless it titles the person or gives a known first name', () => {
    const doc = docWith(
      "Monsanto's profits rose. Winn-Dixie, which owes $15m, shut. Investors bought shares in Aer Lingus. " +
        "Budget airline Jetstar grew. Mr Grant's shares fell. Brown's staff left. Rover's chief, Grant, said it was late.",
      [['Monsanto', 'PER'], ['Winn-Dixie', 'PER'], ['Aer Lingus', 'PER'], ['Jetstar', 'PER'], ['Grant', 'PER'], ['Brown', 'PER'], ['Rover', 'PER']],
    );
    expect(doc.entities.map((e) => [e.name, e.type])).toEqual([
      ['Monsanto', 'Organization'],
      ['Winn-Dixie', 'Organization'],
      ['Aer Lingus', 'Organization'],
      ['Jetstar', 'Organization'],
      // "Mr Grant" is a person whatever his shares; "staff" is no firm's only
      ['Grant', 'Person'],
      ['Brown', 'Person'],
      ['Rover', 'Person'],
    ]);
  });

  it('retypes a team named before its striker or as "the X team", not a manager before his players', () => {
    const doc = docWith("Drogba, Chelsea's £24m striker, is hurt. Velimir Zajec's players stood firm. The Arsenal team won.", [
      ['Drogba', 'PER'], ['Chelsea', 'PER'], ['Velimir Zajec', 'PER'], ['Arsenal', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.type])).toEqual([['Drogba', 'Person'], ['Chelsea', 'Organization'], ['Velimir Zajec', 'Person'], ['Arsenal', 'Organization']]);
  });

  it('retypes a one-word "person" with a plural verb or a team\'s standing before it, not a pair of people', () => {
    const doc = docWith('Chelsea were looking like leaders. Holders Lazio won. She and sister Venus are strong. Champions Mike and Bob Bryan won.', [
      ['Chelsea', 'PER'], ['Lazio', 'PER'], ['Venus', 'PER'], ['Mike', 'PER'], ['Bob Bryan', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.type])).toEqual([['Chelsea', 'Organization'], ['Lazio', 'Organization'], ['Venus', 'Person'], ['Mike', 'Person'], ['Bob Bryan', 'Person']]);
  });

  it('retypes a given name the text calls a relative ("their child, Gloria") as a person', () => {
    const doc = docWith('They were charged over the death of their child, Gloria. His daughter Victoria spoke. Victoria is in Australia.', [
      ['Gloria', 'LOC'], ['Victoria', 'LOC'], ['Australia', 'LOC'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.type])).toEqual([['Gloria', 'Person'], ['Victoria', 'Person'], ['Australia', 'Place']]);
  });

  it('retypes a "place" the text calls a firm, but not a country', () => {
    const doc = docWith('Miner Highland Gold said it regretted the move. The oil giant Shell agreed. The giant US deficit grew.', [
      ['Highland Gold', 'LOC'], ['Shell', 'LOC'], ['US', 'LOC'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.type])).toEqual([['Highland Gold', 'Organization'], ['Shell', 'Organization'], ['US', 'Place']]);
  });

  it('retypes a "place" named as a body, not the Soviet Union or the West Bank', () => {
    const doc = docWith('The United States Navy and Brent Council met in the West Bank, once near the Soviet Union.', [
      ['United States Navy', 'LOC'], ['Brent Council', 'LOC'], ['West Bank', 'LOC'], ['Soviet Union', 'LOC'],
    ]);
    expect(doc.entities.map((e) => e.type)).toEqual(['Organization', 'Organization', 'Place', 'Place']);
  });

  it('retypes a brand named before its sales, its chief or the word "brand"', () => {
    const doc = docWith('Solid Chrysler sales rose. Mercedes chief executive Eckhard Cordes spoke. The Smart brand lost money. John Smith sales rose.', [
      ['Chrysler', 'PER'], ['Mercedes', 'PER'], ['Eckhard Cordes', 'PER'], ['Smart', 'PER'], ['John Smith', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.type])).toEqual([
      ['Chrysler', 'Organization'], ['Mercedes', 'Organization'], ['Eckhard Cordes', 'Person'], ['Smart', 'Organization'], ['John Smith', 'Person'],
    ]);
  });

  it('joins a name of several words read as a person and as an organization into the organization', () => {
    const doc = docWith('Aer Lingus cut fares. Aer Lingus staff struck. Aer Lingus said no. Willie Walsh runs Willie Walsh Ltd.', [
      ['Aer Lingus', 'PER'],
      ['Willie Walsh', 'PER'],
    ]);
    doc.names.find((n) => n.text === 'Aer Lingus')!.label = 'ORG';
    entityGrouper.run(doc);
    expect(doc.entities.filter((e) => e.name === 'Aer Lingus').map((e) => [e.type, e.mentions.length])).toEqual([['Organization', 3]]);
  });
});

describe('tokensMatching', () => {
  it('returns whole-word tokens only, in text order', () => {
    const doc = prepareDoc('t', 'She said the hero told him. Then he left, and Shelby heard HER.');
    expect(tokensMatching(doc, /\b(?:he|him|she|her)\b/gi).map((t) => [t.text, t.index])).toEqual([
      ['She', 0],
      ['him', 5],
      ['he', 8],
      ['HER', 14],
    ]);
  });
});


describe('entityGrouper: occurrences the tagger missed', () => {
  const firstOnly = (text: string, names: [string, NerLabel][]): Doc => {
    const doc = prepareDoc('t', text);
    // the tagger found each name once only
    doc.names = handNames(doc, names).filter((n, i, all) => all.findIndex((m) => m.text === n.text) === i);
    entityGrouper.run(doc);
    return doc;
  };

  it('adds the other occurrences of a tagged name as its mentions', () => {
    const doc = firstOnly('S&N will buy a stake. Analysts said S&N paid too much. Kingfisher beer is big. Kingfisher has 29% of the market.', [
      ['S&N', 'ORG'], ['Kingfisher', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.mentions.map((m) => m.start)])).toEqual([
      ['S&N', [0, 36]],
      ['Kingfisher', [55, 79]],
    ]);
  });

  it('not for a one-word name also written in lower case, a month, or a word of a longer name', () => {
    const doc = firstOnly('The Bank raised rates. The Bank and a bank. May said no in May. United won, and United States troops left.', [
      ['Bank', 'ORG'], ['May', 'PER'], ['United', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.name, e.mentions.length])).toEqual([
      ['Bank', 1],
      ['May', 1],
      ['United', 1],
    ]);
  });
});
