import { describe, expect, it } from 'vitest';
import type { Doc, NerLabel, Quote } from '../pipeline/extract/document.ts';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import { entityGrouper } from '../pipeline/extract/entities/index.ts';
import { handNames, seedDocWithNames as seedDoc } from './support/hand-names.ts';
import { corefResolver } from '../pipeline/extract/coref/index.ts';
import { quoteExtractor } from '../pipeline/extract/quotes/index.ts';
import { referenceDater, timexTagger } from '../pipeline/extract/time/index.ts';
import { findQuoteMarks } from '../pipeline/extract/quotes/marks.ts';

function run(text: string, names: [string, NerLabel][] = []): Doc {
  const doc = prepareDoc('t', text);
  doc.names = handNames(doc, names);
  entityGrouper.run(doc);
  corefResolver.run(doc);
  quoteExtractor.run(doc);
  return doc;
}

const entityName = (doc: Doc, id: string | undefined): string | undefined => doc.entities.find((e) => e.id === id)?.name;
const summary = (doc: Doc, q: Quote): [string, string | undefined, string | undefined] => [
  q.text.slice(0, 20),
  q.speaker?.text,
  entityName(doc, q.speaker?.entity),
];

describe('quoteExtractor', () => {
  it('attributes the seven seed quotes', () => {
    const doc = seedDoc();
    entityGrouper.run(doc);
    corefResolver.run(doc);
    quoteExtractor.run(doc);
    const direct = doc.quotes.filter((q) => q.direct);
    expect(direct.map((q) => summary(doc, q))).toEqual([
      ['For me, when they ar', 'he', 'Alexander Trufanov'],
      ['It will be very hard', 'he', 'Alexander Trufanov'],
      ['Mr. Putin, I really ', 'he', 'Alexander Trufanov'],
      ['We will be working o', 'he', 'Vladimir Putin'],
      ['stable, many-year re', 'The president', 'Vladimir Putin'],
      ['I think it’s necessa', 'Putin', 'Vladimir Putin'],
      ['They responded to ou', 'Putin', 'Vladimir Putin'],
    ]);
    expect(entityName(doc, direct[2].addressee)).toBe('Vladimir Putin');
    expect(direct[2].cue?.text).toBe('pleaded');
    // content excludes the marks
    expect(direct[0].text.startsWith('For me')).toBe(true);
    expect(doc.text[direct[0].start - 1]).toBe('“');
    expect(doc.quotes.map((q) => q.id)).toEqual(doc.quotes.map((_, i) => `QT${i + 1}`));
    // reported speech: "assured Trufanov that Russia would maintain its diplomatic efforts"
    const indirect = doc.quotes.find((q) => !q.direct && q.text.startsWith('Russia would maintain'));
    expect(indirect && entityName(doc, indirect.speaker?.entity)).toBe('Vladimir Putin');
    expect(indirect && entityName(doc, indirect.addressee)).toBe('Alexander Trufanov');
  });

  it('handles quotes split by a cue, a cue before the quote, and a colon after a name', () => {
    const doc = run(
      '“We are ready,” said Jane Doe, the mayor. “The city will cope.”\n\nJohn Roe added: “Nobody is leaving town.”\n\nRoe: “Nothing else matters now.”',
      [['Jane Doe', 'PER'], ['John Roe', 'PER'], ['Roe', 'PER']],
    );
    expect(doc.quotes.map((q) => summary(doc, q))).toEqual([
      ['We are ready,', 'Jane Doe', 'Jane Doe'],
      ['The city will cope.', 'Jane Doe', 'Jane Doe'],
      ['Nobody is leaving to', 'John Roe', 'John Roe'],
      ['Nothing else matters', 'Roe', 'John Roe'],
    ]);
    expect(doc.quotes[1].cue).toBeUndefined();
    expect(doc.quotes[2].cue?.text).toBe('added');
    expect(doc.quotes[3].cue?.text).toBe(':');
  });

  it("reads two apostrophes or two backticks as a double quotation mark (''…'', ``…'')", () => {
    const text = "''This isn't tax reform,'' said Douglas Holtz-Eakin. Exiles will ``proceed with all their resources,'' Castro's sister said.\n\n''It goes on\n\n''and on,'' she added.";
    const doc = run(text, [['Douglas Holtz-Eakin', 'PER']]);
    const marks = findQuoteMarks(doc);
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(["This isn't tax reform,", 'proceed with all their resources,', "It goes on\n\n''and on,"]);
    // the closing mark's last character, so that what follows starts after it
    expect(text[marks[0].close]).toBe("'");
    expect(text.slice(marks[0].close + 1, marks[0].close + 6)).toBe(' said');
    const direct = doc.quotes.filter((q) => q.direct);
    expect(direct[0].speaker?.text).toBe('Douglas Holtz-Eakin');
  });

  it('takes the person a role word joins to a team or company as the speaker after the verb', () => {
    const doc = run('“We gave Gordon a chance,” said Ireland coach Eddie O’Sullivan.', [['Ireland', 'LOC'], ['Eddie O’Sullivan', 'PER']]);
    expect(summary(doc, doc.quotes[0])).toEqual(['We gave Gordon a cha', 'Eddie O’Sullivan', 'Eddie O’Sullivan']);
  });

  it('reads reported speech after a speaker set off by commas, and a clause without "that" or a pronoun', () => {
    const doc = run(
      'Melanie Mitchell, a professor at Yale, said the plan would fail. A spokesman, Phil Lovas, said he cannot comment on the letter. Johnson said local election officials should reach out to the government. He said in a speech on Monday.',
      [['Melanie Mitchell', 'PER'], ['Phil Lovas', 'PER'], ['Johnson', 'PER']],
    );
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text])).toEqual([
      ['the plan would fail', 'Melanie Mitchell'],
      ['he cannot comment on the letter', 'Phil Lovas'],
      ['local election officials should reach out to the government', 'Johnson'],
    ]);
  });

  it('reads what people say, think or believe, past negations and auxiliaries to the speaker', () => {
    const doc = run("Critics say the plan will fail. I don't think Hugh had any option. We can't believe the vote was lost.", [['Hugh', 'PER']]);
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text, q.cue?.text])).toEqual([
      ['the plan will fail', 'Critics', 'say'],
      ['Hugh had any option', 'I', 'think'],
      ['the vote was lost', 'We', 'believe'],
    ]);
  });

  it('reads "according to" whatever the source phrase holds', () => {
    const doc = run(
      'According to a new report by Politico, party insiders are trying to mobilize voters. Clinton and Trump are virtually tied heading into the debate, according to a new Washington Post/ABC News poll.',
      [['Politico', 'ORG'], ['Clinton', 'PER'], ['Trump', 'PER'], ['Washington Post', 'ORG'], ['ABC News', 'ORG']],
    );
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text])).toEqual([
      ['party insiders are trying to mobilize voters', 'Politico'],
      ['Clinton and Trump are virtually tied heading into the debate', 'Washington Post'],
    ]);
  });

  it('reads counted speakers, parenthetical attributions and clauses whose verb comes late', () => {
    const doc = run(
      'Some experts said the wording of the policy was too vague. But 63 percent said the debate mattered to their vote. The museum, Obama said, would make visitors face uncomfortable truths. Trump said praise from Russian President Vladimir Putin would not affect his policy.',
      [['Obama', 'PER'], ['Trump', 'PER'], ['Vladimir Putin', 'PER']],
    );
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text])).toEqual([
      ['the wording of the policy was too vague', 'Some experts'],
      ['the debate mattered to their vote', '63 percent'],
      ['The museum, Obama said, would make visitors face uncomfortable truths', 'Obama'],
      ['praise from Russian President Vladimir Putin would not affect his policy', 'Trump'],
    ]);
  });

  it('reads a parenthetical attribution whose speaker has an honorific, no reporting verb in "a June report", and a clause after a phrase', () => {
    const doc = run(
      'The museum, Mr. Obama said, would make visitors face uncomfortable truths. The agency said in a June report that the middle fifth paid 8.9 percent. Trump said after the convention he would not accept it.',
      [['Obama', 'PER'], ['Trump', 'PER']],
    );
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text, q.cue?.text])).toEqual([
      ['The museum, Mr. Obama said, would make visitors face uncomfortable truths', 'Obama', 'said'],
      ['the middle fifth paid 8.9 percent', 'The agency', 'said'],
      ['he would not accept it', 'Trump', 'said'],
    ]);
  });

  it('looks for a cue after a quote past a clause of time or condition, never inside one', () => {
    const doc = run(
      'The spot ends with footage of Donald Trump saying during the debate last week, “That makes me smart,” when Hillary Clinton blasted him. ' +
        'Income had “risen by 20%” if you took out the self-employed, Alan Milburn told the BBC.',
      [['Donald Trump', 'PER'], ['Hillary Clinton', 'PER'], ['Alan Milburn', 'PER']],
    );
    expect(doc.quotes.filter((q) => q.direct).map((q) => [q.text, entityName(doc, q.speaker?.entity)])).toEqual([
      ['That makes me smart,', 'Donald Trump'],
      ['risen by 20%', 'Alan Milburn'],
    ]);
  });

  it('takes the name before an apposition as the speaker, not a body or place named inside it', () => {
    const doc = run(
      'Melanie Mitchell, a professor at Yale, said the plan would fail. Gregory W. Meeks (D-N.Y.), chairman of the Congressional Black Caucus PAC, said members will help him. Conservative economist Aparna Mathur, who studies labor issues at the American Enterprise Institute, said the statement was vague.',
      [['Melanie Mitchell', 'PER'], ['Yale', 'ORG'], ['Gregory W. Meeks', 'PER'], ['Congressional Black Caucus PAC', 'ORG'], ['Aparna Mathur', 'PER'], ['American Enterprise Institute', 'ORG']],
    );
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text])).toEqual([
      ['the plan would fail', 'Melanie Mitchell'],
      ['members will help him', 'Gregory W. Meeks'],
      ['the statement was vague', 'Aparna Mathur'],
    ]);
  });

  it('reads what studies, polls and figures show or found, when a clause follows', () => {
    const doc = run(
      'A Bloomberg poll shows that wealthy voters have left the party. One study found Trump would raise taxes on millions of families. Police found the body of a man in the river. Both are expected to find out on Wednesday if they will be banned.',
      [['Bloomberg', 'ORG'], ['Trump', 'PER']],
    );
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text, entityName(doc, q.speaker?.entity), q.cue?.text])).toEqual([
      ['wealthy voters have left the party', 'A Bloomberg poll', 'Bloomberg', 'shows'],
      ['Trump would raise taxes on millions of families', 'One study', undefined, 'found'],
    ]);
  });

  it('keeps a partial quote of a few words inside reported speech, and a longer one as a direct quote', () => {
    const doc = run(
      'On Wednesday, Trump told a crowd in Cleveland that he was “troubled” by the situation in Tulsa. Clinton said the plan was “a disaster for working families and for the country” in her speech.',
      [['Trump', 'PER'], ['Cleveland', 'LOC'], ['Tulsa', 'LOC'], ['Clinton', 'PER']],
    );
    expect(doc.quotes.map((q) => [q.direct, q.text, q.speaker?.text])).toEqual([
      [false, 'he was “troubled” by the situation in Tulsa', 'Trump'],
      [true, 'a disaster for working families and for the country', 'Clinton'],
    ]);
  });

  it('gives "he said" out of coreference’s reach the person quoted just before, unless someone else is named between', () => {
    const story = (between: string): string =>
      `“We are pleased,” said John Smith.${between} The club finished fifth. The season ended in May. Fans were unhappy.\n\n“It was hard,” he said.`;
    const doc = run(story(''), [['John Smith', 'PER']]);
    expect(doc.quotes.map((q) => [q.speaker?.text, entityName(doc, q.speaker?.entity)])).toEqual([
      ['John Smith', 'John Smith'],
      ['he', 'John Smith'],
    ]);
    const other = run(story(' Tom Jones disagreed.'), [['John Smith', 'PER'], ['Tom Jones', 'PER']]);
    expect(other.quotes.map((q) => [q.speaker?.text, entityName(other, q.speaker?.entity)])).toEqual([
      ['John Smith', 'John Smith'],
      ['he', undefined],
    ]);
  });

  it('joins quotes that run over paragraphs and keeps nested quotes inside', () => {
    const text = '“The first part goes on,\n\n“and the second says ‘enough is enough’ to them,” the minister told reporters.';
    const doc = prepareDoc('t', text);
    const marks = findQuoteMarks(doc);
    expect(marks.length).toBe(1);
    expect(text.slice(marks[0].start, marks[0].end)).toBe('The first part goes on,\n\n“and the second says ‘enough is enough’ to them,');
    const done = run(text);
    expect(done.quotes.length).toBe(1);
    expect(done.quotes[0].speaker?.text).toBe('the minister');
  });

  it('takes the one who told X, not X, as the speaker of "told X: “…”"', () => {
    const doc = run('Jane Doe told BBC Sport: “We will appeal.”\n\nA source told the BBC: “It is over.”', [
      ['Jane Doe', 'PER'], ['BBC Sport', 'ORG'], ['BBC', 'ORG'],
    ]);
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text, entityName(doc, q.addressee)])).toEqual([
      ['We will appeal.', 'Jane Doe', 'BBC Sport'],
      ['It is over.', 'A source', 'BBC'],
    ]);
  });

  it('takes the addressee from "told X" and reports indirect speech', () => {
    const doc = run('Jane Doe told Reuters that the plant would close next year. The union would fight it, Doe said.', [
      ['Jane Doe', 'PER'], ['Reuters', 'ORG'], ['Doe', 'PER'],
    ]);
    expect(doc.quotes.map((q) => [q.text, q.direct, q.speaker?.text, entityName(doc, q.addressee)])).toEqual([
      ['the plant would close next year', false, 'Jane Doe', 'Reuters'],
      ['The union would fight it', false, 'Doe', undefined],
    ]);
  });

  it('finds the speaker before an appositive, a verb right before the quote, and a source named by "according to"', () => {
    const doc = run(
      '“We will win this,” Jane Doe, 34, a nurse from Ohio, told reporters.\n\nJohn Roe had said, “We will see,” when asked about it.\n\n“It is over now,” Roe said, according to a transcript.',
      [['Jane Doe', 'PER'], ['Ohio', 'LOC'], ['John Roe', 'PER'], ['Roe', 'PER']],
    );
    expect(doc.quotes.filter((q) => q.direct).map((q) => [q.text, q.speaker?.text, q.cue?.text])).toEqual([
      ['We will win this,', 'Jane Doe', 'told'],
      ['We will see,', 'John Roe', 'said'],
      ['It is over now,', 'a transcript', 'said'],
    ]);
    expect(entityName(doc, doc.quotes[0].speaker?.entity)).toBe('Jane Doe');
  });

  it('closes a quote typed with mismatched marks and caches the marks per document', () => {
    const text = '"We are done here,” Roe said. “Nothing else to add,“ he said.';
    const doc = prepareDoc('t', text);
    const marks = findQuoteMarks(doc);
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(['We are done here,', 'Nothing else to add,']);
    expect(findQuoteMarks(doc)).toBe(marks);
    const done = run(text, [['Roe', 'PER']]);
    expect(done.quotes.map((q) => q.speaker?.text)).toEqual(['Roe', 'he']);
    expect(done.quotes.map((q) => entityName(done, q.speaker?.entity))).toEqual(['Roe', 'Roe']);
  });

  it('gives no speaker rather than a phrase that names nobody', () => {
    const doc = run('The crowd grew restless.\n\n“Go home now,” came the reply, famously.');
    expect(doc.quotes.filter((q) => q.direct).map((q) => q.speaker)).toEqual([undefined]);
  });

  it('takes the person before "of" an organization as the speaker, past a relative clause', () => {
    const doc = run('Tom Brown of Vote Now, which aims to raise turnout, said the result again showed voters were angry.', [['Tom Brown', 'PER'], ['Vote Now', 'ORG']]);
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text, q.cue?.text])).toEqual([['the result again showed voters were angry', 'Tom Brown', 'said']]);
  });

  it('takes no cue from a next sentence whose verb reports a clause of its own', () => {
    const doc = run('Tom Brown was there. “I am prepared to do anything.” A spokesman later said Mr Brown had friends there. “We will win.” A spokesman said.', [['Tom Brown', 'PER'], ['Brown', 'PER']]);
    expect(doc.quotes.filter((q) => q.direct).map((q) => [q.text.slice(0, 12), q.speaker?.text])).toEqual([['I am prepare', undefined], ['We will win.', 'A spokesman']]);
  });

  it('takes the person a role word leads to after a name that is no entity ("said Hopman Cup doctor Hamish Osborne")', () => {
    const doc = run('“He has to rest,” said Hopman Cup doctor Hamish Osborne. “We won,” said Putin on Tuesday.', [['Hamish Osborne', 'PER'], ['Putin', 'PER']]);
    expect(doc.quotes.map((q) => q.speaker?.text)).toEqual(['Hamish Osborne', 'Putin']);
  });

  it('takes no verb in its base form, nor a phrase opening with "and", as a cue after a quote', () => {
    const doc = run('The spokesman said there was “no yes or no” answer and the area was unclear.');
    expect(doc.quotes.filter((q) => q.direct).map((q) => [q.text, q.speaker?.text, q.cue?.text])).toEqual([['no yes or no', 'The spokesman', 'said']]);
  });

  it('takes the speaker after the verb when the words after a quote end its clause', () => {
    const doc = run('The unit had “seriously interfered” with its work, said the Home Affairs Committee.', [['Home Affairs Committee', 'ORG']]);
    expect(doc.quotes.map((q) => summary(doc, q))).toEqual([['seriously interfered', 'Home Affairs Committee', 'Home Affairs Committee']]);
  });

  it('skips scare quotes and takes "according to" sources', () => {
    const doc = run('The so-called “deal” collapsed. According to police, the suspect fled on foot.');
    expect(doc.quotes.map((q) => [q.text, q.direct, q.speaker?.text, q.cue?.text])).toEqual([
      ['the suspect fled on foot', false, 'police', 'According to'],
    ]);
  });

  it('takes the speaker from a quotation dash, even a name the tagger missed', () => {
    const doc = run('“I am worried about the schools in this town.” ― Ana Lopez\n“We deserve better than this plan.” ― Carl Smith.\n“Nobody asked us about it.” — Jo Reyes', [['Carl Smith', 'PER']]);
    expect(doc.quotes.filter((q) => q.direct).map((q) => summary(doc, q))).toEqual([
      ['I am worried about t', 'Ana Lopez', undefined],
      ['We deserve better th', 'Carl Smith', 'Carl Smith'],
      ['Nobody asked us abou', 'Jo Reyes', undefined],
    ]);
  });

  it('reads past an abbreviation dot and a modifier before the speaker name', () => {
    const doc = run(
      '“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.\n\n“The rationales are wrong,” said 9/11 widow Terry Strada.\n\n“Sales rose all year,” it added.',
      [['Mitch McConnell', 'PER'], ['Terry Strada', 'PER']],
    );
    expect(doc.quotes.filter((q) => q.direct).map((q) => summary(doc, q))).toEqual([
      ['The veto will be ove', 'Mitch McConnell', 'Mitch McConnell'],
      ['The rationales are w', 'Terry Strada', 'Terry Strada'],
      ['Sales rose all year,', 'it', undefined],
    ]);
  });

  it('reads reported speech after a time, an addressee, a condition, a parenthesis, "of" a place, "and" and a participle', () => {
    const doc = prepareDoc(
      't',
      'Rep. Tom Cole of Oklahoma, an ally of the leadership, said Thursday his biggest worry is the budget. ' +
        'Ann Lee told reporters the plan would fail. ' +
        'Bo Tan said if he were mayor, the city would build more housing. ' +
        'Sen. Jo Ray (D-Md.) said she will release her records. ' +
        'Kim Ode thanked the crowd and said it was great to be home. ' +
        'Al Ruiz attacked the bill, saying it would raise taxes on families. ' +
        'Max Roe told him the truth about the war.',
      { datePublished: '2016-05-06' },
    );
    doc.names = handNames(doc, [['Tom Cole', 'PER'], ['Oklahoma', 'LOC'], ['Ann Lee', 'PER'], ['Bo Tan', 'PER'], ['Jo Ray', 'PER'], ['Kim Ode', 'PER'], ['Al Ruiz', 'PER'], ['Max Roe', 'PER']]);
    entityGrouper.run(doc);
    referenceDater.run(doc);
    timexTagger.run(doc);
    corefResolver.run(doc);
    quoteExtractor.run(doc);
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text, q.cue?.text])).toEqual([
      ['his biggest worry is the budget', 'Tom Cole', 'said'],
      ['the plan would fail', 'Ann Lee', 'told'],
      ['if he were mayor, the city would build more housing', 'Bo Tan', 'said'],
      ['she will release her records', 'Jo Ray', 'said'],
      ['it was great to be home', 'Kim Ode', 'said'],
      ['it would raise taxes on families', 'Al Ruiz', 'saying'],
    ]);
  });

  it('takes "according to" in mid-sentence and, for a source that reports, without a comma', () => {
    const doc = run(
      'In addition, according to the department, nine million more workers will be protected. ' +
        'Clinton leads Sanders by 271 delegates according to a count by the news agency. ' +
        'The project went according to plan. The project went according to Trump’s plan.',
      [['Trump', 'PER']],
    );
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text])).toEqual([
      ['nine million more workers will be protected', 'the department'],
      ['Clinton leads Sanders by 271 delegates', 'a count by the news agency'],
    ]);
  });

  it('takes the noun a name modifies as the speaker, keeping the entity of one who speaks for it', () => {
    const doc = run(
      'Clinton advisers say any effort to push him out could backfire. A Labour spokesman said the timing was not affected by the row. ' +
        'Sanders: Clinton email story has moved on. Everton: Martyn, Hibbert, Yobo, Stubbs, Naysmith. ' +
        'Trump Says He Never Pledged To Kill Anyone. New York State Comptroller Alan Hevesi said no formal agreement had been made.',
      [['Clinton', 'PER'], ['Labour', 'ORG'], ['Sanders', 'PER'], ['Everton', 'ORG'], ['Trump', 'PER'], ['New York', 'LOC'], ['Alan Hevesi', 'PER']],
    );
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text, entityName(doc, q.speaker?.entity), q.cue?.text])).toEqual([
      ['any effort to push him out could backfire', 'Clinton advisers', undefined, 'say'],
      ['the timing was not affected by the row', 'A Labour spokesman', 'Labour', 'said'],
      ['Clinton email story has moved on', 'Sanders', 'Sanders', ':'],
      ['He Never Pledged To Kill Anyone', 'Trump', 'Trump', 'Says'],
      ['no formal agreement had been made', 'Alan Hevesi', 'Alan Hevesi', 'said'],
    ]);
  });

  it('skips a title in quotation marks inside a sentence, but not a quotation in a headline', () => {
    const doc = run(
      'Sanders told MSNBC’s “Morning Joe” that the plan would fail. She sang “A Change Is Gonna Come” twice. Warren Hammers Wells Fargo Chief: ‘You Should Be Investigated’',
      [['Sanders', 'PER'], ['MSNBC', 'ORG'], ['Warren', 'PER'], ['Wells Fargo', 'ORG']],
    );
    expect(doc.quotes.map((q) => [q.text, q.direct])).toEqual([
      ['the plan would fail', false],
      ['You Should Be Investigated', true],
    ]);
  });

  it('finds the subject before a bracketed party designation and a clause with a bare subject', () => {
    const doc = run('Rep. Trey Gowdy (R-S.C.) said the claim smacked of hypocrisy. Megan Hester said parents still want neighborhood schools.', [['Trey Gowdy', 'PER'], ['Megan Hester', 'PER']]);
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text])).toEqual([
      ['the claim smacked of hypocrisy', 'Trey Gowdy'],
      ['parents still want neighborhood schools', 'Megan Hester'],
    ]);
  });

  it('reports a question after "asked" from its wh-word, and nothing for "asked to"', () => {
    const doc = run('Jake Tapper asked whether Republicans would hold the House. He was asked to leave.', [['Jake Tapper', 'PER']]);
    expect(doc.quotes.map((q) => [q.text, q.direct, q.speaker?.text])).toEqual([['whether Republicans would hold the House', false, 'Jake Tapper']]);
  });

  it('reports what a speaker told someone to do or undertook to do, and not "called X Y" or "was asked to"', () => {
    const doc = run(
      'Jennifer Palmieri called on Trump to stop attacking her. Hillary Clinton pledged to push for an amendment. The FBI warned state officials to boost security. He called the plan a failure. He was asked to leave. ' +
        'The NAACP called for a moratorium on charter schools. The report has prompted calls for all salt to be iodised. ' +
        'The army has been told to prepare a “quasi-state of war”. ' +
        'The video was released in April, further intensifying calls for his release.',
      [['Jennifer Palmieri', 'PER'], ['Trump', 'PER'], ['Hillary Clinton', 'PER'], ['FBI', 'ORG'], ['NAACP', 'ORG']],
    );
    expect(entityName(doc, doc.quotes[0].addressee)).toBe('Trump');
    expect(doc.quotes.map((q) => [q.text, q.speaker?.text, q.cue?.text])).toEqual([
      ['Trump to stop attacking her', 'Jennifer Palmieri', 'called'],
      ['to push for an amendment', 'Hillary Clinton', 'pledged'],
      ['state officials to boost security', 'FBI', 'warned'],
      ['a moratorium on charter schools', 'NAACP', 'called'],
      // a passive names no speaker after its verb
      ['quasi-state of war', undefined, undefined],
    ]);
  });

  it('attributes words quoted after a naming or characterizing verb to its subject ("called the plan “a disaster”", "attacked “…”")', () => {
    const doc = run(
      'Senator John Smith called the plan “a disaster” on Monday. The mayor dubbed the scheme “a vanity project”. The talks were “a disaster”, we hear. ' +
        'Hillary Clinton called half of his supporters “deplorables”. The “reform” failed. ' +
        'In a speech, Donald Trump attacked “the hateful ideology of radical Islam.” Laurence Tribe likened the rules to “burning the Constitution”.',
      [['John Smith', 'PER'], ['Hillary Clinton', 'PER'], ['Donald Trump', 'PER'], ['Laurence Tribe', 'PER']],
    );
    expect(doc.quotes.filter((q) => q.direct).map((q) => [q.text, q.speaker?.text])).toEqual([
      ['a disaster', 'John Smith'],
      ['a vanity project', 'The mayor'],
      ['deplorables', 'Hillary Clinton'],
      ['the hateful ideology of radical Islam.', 'Donald Trump'],
      ['burning the Constitution', 'Laurence Tribe'],
    ]);
  });

  it('reads a reporting verb after a determiner as a noun, and finds subjects past adverbs, participles and "and"', () => {
    const doc = run(
      '“It is an invasion,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA, said. ' +
        '“His fortunes have grown,” it further wrote. Protesters marching through the streets chanted “What curfew?” ' +
        'When she asked, I laughed and said, “I do not believe in the devil.” The plant’s facilities “have survived intact”, the report said. ' +
        'Asked about a cabinet post on Monday, Hillary Clinton shook her head and said, “No, never again.” ' +
        'As one analyst put it, “there was no basis for a prosecution.”',
      [['Scott Pruitt', 'PER'], ['Oklahoma', 'LOC'], ['EPA', 'ORG'], ['Hillary Clinton', 'PER']],
    );
    expect(doc.quotes.filter((q) => q.direct).map((q) => [q.text.slice(0, 16), q.speaker?.text])).toEqual([
      ['It is an invasio', 'Scott Pruitt'],
      ['His fortunes hav', 'it'],
      ['What curfew?', 'Protesters'],
      ['I do not believe', 'I'],
      ['have survived in', 'the report'],
      ['No, never again.', 'Hillary Clinton'],
      ['there was no bas', 'one analyst'],
    ]);
  });

  it('takes no cue for a quote that ends its sentence from the next sentence, which has a verb of its own', () => {
    const doc = run(
      '“This makes a mockery of the law,” said Gordon Lishman. “Older people will mount legal challenges.” ' +
        'The decision will have no impact on pensions, the government has said. “We will appeal.” Will Estrada, the chairman of the party in the county, said.',
      [['Gordon Lishman', 'PER'], ['Will Estrada', 'PER']],
    );
    expect(doc.quotes.filter((q) => q.direct).map((q) => [q.text.slice(0, 16), q.speaker?.text])).toEqual([
      ['This makes a moc', 'Gordon Lishman'],
      ['Older people wil', 'Gordon Lishman'],
      ['We will appeal.', 'Will Estrada'],
    ]);
  });

  it('passes over a legislator\'s party and state after the speaker ("Jeffries (D-N.Y.) said", "McConnell, R-Ky., said")', () => {
    const doc = run(
      'Rep. Hakeem Jeffries (D-N.Y.) reacted to the news, saying: “The killer should be in prison.” ' +
        'Mitch McConnell, R-Ky., delivered a blunt message: “It is time to quit attacking people.”',
      [['Hakeem Jeffries', 'PER'], ['Mitch McConnell', 'PER']],
    );
    expect(doc.quotes.filter((q) => q.direct).map((q) => entityName(doc, q.speaker?.entity))).toEqual(['Hakeem Jeffries', 'Mitch McConnell']);
  });
});

