import { describe, expect, it } from 'vitest';
import type { Doc, NerLabel } from '../pipeline/extract/document.ts';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import { entityGrouper } from '../pipeline/extract/entities/index.ts';
import { handNames, seedDocWithNames as seedDoc } from './support/hand-names.ts';
import { corefResolver } from '../pipeline/extract/coref/index.ts';

function run(text: string, names: [string, NerLabel][]): Doc {
  const doc = prepareDoc('t', text);
  doc.names = handNames(doc, names);
  entityGrouper.run(doc);
  corefResolver.run(doc);
  return doc;
}

const added = (doc: Doc, name: string): string[] =>
  doc.entities.find((e) => e.name === name)!.mentions.filter((m) => m.kind !== 'name').map((m) => `${m.kind}:${m.text}@${m.start}`);

describe('corefResolver', () => {
  it('resolves the seed pronouns and descriptions', () => {
    const doc = seedDoc();
    entityGrouper.run(doc);
    corefResolver.run(doc);
    const putin = added(doc, 'Vladimir Putin');
    expect(putin.filter((m) => m.startsWith('description:'))).toEqual([
      `description:the Russian president@${doc.text.indexOf('the Russian president')}`,
      `description:The president@${doc.text.indexOf('The president')}`,
    ]);
    // “We will be working on this, definitely,” he said.
    const heSaid = doc.text.indexOf('he said. The president');
    expect(putin).toContain(`pronoun:he@${heSaid}`);
    const trufanov = added(doc, 'Alexander Trufanov');
    expect(trufanov).toContain(`pronoun:he@${doc.text.indexOf('he said, referring')}`);
    expect(trufanov).toContain(`pronoun:he@${doc.text.indexOf('he pleaded')}`);
    // nothing inside quotation marks is resolved ("what you did for me")
    for (const e of doc.entities) for (const m of e.mentions) if (m.kind === 'pronoun') expect(m.text).not.toMatch(/^(?:they|you|me)$/i);
    expect(doc.entities.find((e) => e.name === 'Vitali Trupanov')!.mentions.length).toBe(1);
  });

  it('agrees in gender and prefers the subject', () => {
    const doc = run('Mr. Brown met Mrs. Lee in Paris. She told him that her plan was ready.', [
      ['Mr. Brown', 'PER'], ['Mrs. Lee', 'PER'], ['Paris', 'LOC'],
    ]);
    expect(added(doc, 'Lee')).toEqual([`pronoun:She@${doc.text.indexOf('She')}`, `pronoun:her@${doc.text.indexOf('her plan')}`]);
    expect(added(doc, 'Brown')).toEqual([`pronoun:him@${doc.text.indexOf('him')}`]);
  });

  it('leaves a pronoun unresolved when two people compete without a subject', () => {
    const doc = run('A photo of Tom Hanks beside John Smith appeared. In it, he smiled.', [
      ['Tom Hanks', 'PER'], ['John Smith', 'PER'],
    ]);
    expect(doc.entities.flatMap((e) => e.mentions).filter((m) => m.kind === 'pronoun')).toEqual([]);
  });

  it('resolves "it" after a reporting verb to the organization or place that is its subject', () => {
    const doc = run(
      'North Korea stated it would attack the loudspeakers. Acme Corp said that it would appeal. Bob Hale told Acme Corp it was wrong. Acme Corp said it was time to act. North Korea said it would continue to fire.',
      [['North Korea', 'LOC'], ['Acme Corp', 'ORG'], ['Bob Hale', 'PER']],
    );
    expect(added(doc, 'North Korea')).toEqual([`pronoun:it@${doc.text.indexOf('it would attack')}`, `pronoun:it@${doc.text.indexOf('it would continue')}`]);
    // not the object of someone else's verb, nor the "it" of "it was time to"
    expect(added(doc, 'Acme Corp')).toEqual([`pronoun:it@${doc.text.indexOf('it would appeal')}`]);
  });

  it('does not take antecedents from inside a quotation', () => {
    const doc = run('Anna Berg spoke first. “Mr. Olsen, I thank you,” she said.', [['Anna Berg', 'PER'], ['Mr. Olsen', 'PER']]);
    expect(added(doc, 'Anna Berg')).toEqual([`pronoun:she@${doc.text.indexOf('she said')}`]);
  });

  it('resolves "it" before a reporting verb to the organization it speaks for, and no other "it"', () => {
    const doc = run(
      'Acme Corp cut 500 jobs on Monday. It said demand had fallen. “It is hard,” it has warned. It is raining.',
      [['Acme Corp', 'ORG']],
    );
    const said = doc.text.indexOf('It said');
    const warned = doc.text.indexOf('it has warned');
    expect(added(doc, 'Acme Corp')).toEqual([`pronoun:It@${said}`, `pronoun:it@${warned}`]);
    // two organizations, neither the subject: no one to speak for
    const two = run('Shares in Acme Corp and Bolt Ltd fell. It said little.', [['Acme Corp', 'ORG'], ['Bolt Ltd', 'ORG']]);
    expect([...added(two, 'Acme Corp'), ...added(two, 'Bolt Ltd')]).toEqual([]);
    // an unnamed body in between may be the one speaking
    const body = run('Acme Corp owes $1bn in taxes. The government seized a unit, which it says is idle.', [['Acme Corp', 'ORG']]);
    expect(added(body, 'Acme Corp')).toEqual([]);
  });

  it('resolves a possessive in an opening phrase to the subject named right after it', () => {
    const doc = run('Anna Berg met Kathryn Waters. In her opening remarks, Waters thanked the donors. In an interview with her, Anna Berg smiled.', [
      ['Anna Berg', 'PER'], ['Kathryn Waters', 'PER'], ['Waters', 'PER'],
    ]);
    expect(added(doc, 'Kathryn Waters')).toContain(`pronoun:her@${doc.text.indexOf('her opening')}`);
    // "with her," is no possessive: not the subject after the comma
    expect(added(doc, 'Anna Berg')).toEqual([]);
  });

  it('resolves "the country" as a subject to the country the article named most', () => {
    const doc = run('Germany beat Italy. Germany will host the tournament. The country spent $2bn on stadiums. Critics blamed the country.', [['Germany', 'LOC'], ['Italy', 'LOC']]);
    expect(added(doc, 'Germany')).toEqual([`description:The country@${doc.text.indexOf('The country')}`]);
  });

  it('resolves a nationality standing for a person to the one person the sentence before names as its subject', () => {
    const doc = run('Susan Chepkemei is fit. The Kenyan was unsure at first. The French are happy. Tom Smith and Ann Lee met. The Briton said more.', [
      ['Susan Chepkemei', 'PER'], ['Tom Smith', 'PER'], ['Ann Lee', 'PER'],
    ]);
    expect(added(doc, 'Susan Chepkemei')).toEqual([`description:The Kenyan@${doc.text.indexOf('The Kenyan')}`]);
    expect(added(doc, 'Tom Smith')).toEqual([]);
    expect(added(doc, 'Ann Lee')).toEqual([]);
  });

  it('reads "the firm" before a relative or participle clause as a subject', () => {
    const doc = run('Acme Corp cut 500 jobs. Acme Corp shares fell. The firm, which is to receive £5m, said it was glad. The firm, reporting its results, said more.', [['Acme Corp', 'ORG']]);
    expect(added(doc, 'Acme Corp').filter((m) => m.startsWith('description'))).toEqual([
      `description:The firm@${doc.text.indexOf('The firm')}`,
      `description:The firm@${doc.text.lastIndexOf('The firm')}`,
    ]);
  });

  it('breaks a tie for "the firm" in favour of the organization the first sentence names first, and only that one', () => {
    const lead = run('Acme Corp saw profits fall. Sales of Zorbex fell. The firm is confident.', [['Acme Corp', 'ORG'], ['Zorbex', 'ORG']]);
    expect(added(lead, 'Acme Corp')).toEqual([`description:The firm@${lead.text.indexOf('The firm')}`]);
    const later = run('Profits fell. Sales fell. Acme Corp and Bolt Ltd cut prices. The firm is confident.', [['Acme Corp', 'ORG'], ['Bolt Ltd', 'ORG']]);
    expect(added(later, 'Acme Corp')).toEqual([]);
  });

  it('resolves "the company" as a subject to the organization the article named most, or to the one it renames', () => {
    const doc = run(
      'Acme Corp cut 500 jobs. Acme Corp shares fell after Bolt Ltd raised prices. The company said demand was weak. Investors sold the company short.',
      [['Acme Corp', 'ORG'], ['Bolt Ltd', 'ORG']],
    );
    const said = doc.text.indexOf('The company said');
    // the object "the company" is left alone
    expect(added(doc, 'Acme Corp')).toEqual([`description:The company@${said}`]);
    const renamed = run('Acme Corp cut jobs. Acme Corp will sell a unit to Bolt Ltd, the company that bid first.', [['Acme Corp', 'ORG'], ['Bolt Ltd', 'ORG']]);
    expect(added(renamed, 'Bolt Ltd')).toEqual([`description:the company@${renamed.text.indexOf('the company')}`]);
    // agencies and charities too; a comma that closes an opening phrase renames nothing
    const agency = run(
      'The Open Society Institute gave $5m. The Open Society Institute is in New York. In a statement to Acme Corp, the organisation said more would follow.',
      [['Open Society Institute', 'ORG'], ['Acme Corp', 'ORG']],
    );
    expect(added(agency, 'Acme Corp')).toEqual([]);
    expect(added(agency, 'Open Society Institute')).toEqual([`description:the organisation@${agency.text.indexOf('the organisation')}`]);
  });

  it('keeps an organization a description stood for in view for three sentences, where a name keeps it for two', () => {
    const text = 'Acme Corp cut jobs. Prices rose. The firm is confident. Its boss spoke. Trade was slow. He said the company had grown. Rain fell. Snow fell. Hail fell. The company said no.';
    const doc = run(text, [['Acme Corp', 'ORG']]);
    expect(added(doc, 'Acme Corp')).toEqual([`description:The firm@${text.indexOf('The firm')}`, `description:the company@${text.indexOf('the company')}`]);
  });

  it('resolves "shares in the retailer", but not the company a body opening the sentence holds shares in', () => {
    const text = 'Acme Corp cut jobs. Shares in the retailer rose 5%. The media giant owns 82% of the shares in the company.';
    const doc = run(text, [['Acme Corp', 'ORG']]);
    expect(added(doc, 'Acme Corp')).toEqual([`description:the retailer@${text.indexOf('the retailer')}`]);
  });

  it('resolves age and role descriptions from what the text said earlier', () => {
    const doc = run(
      'French Prime Minister Jean Castex met 35-year-old Lukas Meyer. The 35-year-old thanked the prime minister. The German chancellor was absent.',
      [['Jean Castex', 'PER'], ['Lukas Meyer', 'PER']],
    );
    expect(added(doc, 'Lukas Meyer')).toEqual([`description:The 35-year-old@${doc.text.indexOf('The 35')}`]);
    expect(added(doc, 'Jean Castex')).toEqual([`description:the prime minister@${doc.text.indexOf('the prime')}`]);
  });

  it('resolves an age given for the first time to the protagonist the sentence before names', () => {
    const doc = run(
      'Paula Radcliffe will run the London Marathon. The 31-year-old won the race in 2002. The 40-year-old course was changed.',
      [['Paula Radcliffe', 'PER']],
    );
    // "course" is no person; the second age describes a thing
    expect(added(doc, 'Paula Radcliffe')).toEqual([`description:The 31-year-old@${doc.text.indexOf('The 31')}`]);
  });

  it('resolves a first-time age after a sentence that opens with "he" or "she" to the protagonist of that gender', () => {
    const names: [string, NerLabel][] = [['Nick Pearce', 'PER'], ['Pearce', 'PER'], ['Jane Roe', 'PER']];
    const he = run('Nick Pearce is the new director. Mr Pearce was an adviser. He then ran a commission. The 39-year-old was educated in London.', names);
    const descriptions = (doc: Doc, name: string): string[] => added(doc, name).filter((m) => m.startsWith('description:'));
    expect(descriptions(he, 'Nick Pearce')).toEqual([`description:The 39-year-old@${he.text.indexOf('The 39')}`]);
    // "she" is not the man the article names most
    const she = run('Nick Pearce is the new director. Mr Pearce was an adviser. She then ran a commission. The 39-year-old was educated in London.', names);
    expect(descriptions(she, 'Nick Pearce')).toEqual([]);
  });

  it('leaves a first-time age alone when the person before is not its sentence’s subject or not the protagonist', () => {
    const object = run('The club wants to sign Fernando Morientes and his agent. The 28-year-old is keen.', [['Fernando Morientes', 'PER']]);
    const descriptions = (doc: Doc, name: string): string[] => added(doc, name).filter((m) => m.startsWith('description:'));
    expect(descriptions(object, 'Fernando Morientes')).toEqual([]);
    const coach = run(
      'Sarah Claxton won in Madrid. Claxton is in form. Coach Tony Lester has helped her. The 25-year-old is confident.',
      [['Sarah Claxton', 'PER'], ['Claxton', 'PER'], ['Tony Lester', 'PER']],
    );
    expect(descriptions(coach, 'Tony Lester')).toEqual([]);
    const quoted = run('Roger Federer won. “Peter Lundgren will stay.” The 23-year-old could meet Safin.', [['Roger Federer', 'PER'], ['Peter Lundgren', 'PER']]);
    expect(descriptions(quoted, 'Peter Lundgren')).toEqual([]);
  });

  it('gives an age description the name in apposition to it, not the person of the sentence before', () => {
    const doc = run('Maxim Herkin said the water rose fast. The 29-year-old driver, Ana Lopez, lost her home.', [['Maxim Herkin', 'PER'], ['Ana Lopez', 'PER']]);
    expect(added(doc, 'Ana Lopez')).toContain(`description:The 29-year-old driver@${doc.text.indexOf('The 29')}`);
    expect(added(doc, 'Maxim Herkin')).toEqual([]);
  });
});
