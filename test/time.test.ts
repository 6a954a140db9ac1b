import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDoc } from '../pipeline/extract/prepare.ts';
import { referenceDater, timexTagger } from '../pipeline/extract/time/index.ts';
import { RULES } from '../pipeline/extract/time/rules.ts';
import { AnchoredRules } from '../pipeline/extract/time/triggers.ts';
import { COMPONENTS } from '../pipeline/extract/index.ts';
import type { ArticleMetadata, Doc, Timex } from '../pipeline/extract/document.ts';

function run(text: string, metadata: ArticleMetadata = {}): Doc {
  const doc = prepareDoc('t', text, metadata);
  referenceDater.run(doc);
  timexTagger.run(doc);
  return doc;
}

function find(doc: Doc, text: string, nth = 0): Timex {
  const all = doc.timexes.filter((t) => t.text === text);
  const t = all[nth];
  if (!t) throw new Error(`no timex "${text}" in ${JSON.stringify(doc.timexes.map((x) => x.text))}`);
  return t;
}

// 2025-04-16 is a Wednesday.
const PUB = { datePublished: '2025-04-16T10:00:00Z' };

describe('referenceDater', () => {
  it('prefers metadata', () => {
    const doc = run('LONDON, March 3 (Reuters) - Prices rose on March 2, 2020.', PUB);
    expect(doc.referenceDate).toEqual({ value: '2025-04-16', source: 'metadata' });
  });

  it('reads a Reuters-style dateline, taking the year from the text', () => {
    const doc = run('MOSCOW, April 16 (Reuters) - The talks, first planned on March 1, 2025, went ahead.');
    expect(doc.referenceDate?.value).toBe('2025-04-16');
    expect(doc.referenceDate?.source).toBe('dateline');
  });

  it('reads an ISO dateline', () => {
    const doc = run('LONDON 1996-08-30\n\nShares fell on Friday.');
    expect(doc.referenceDate).toMatchObject({ value: '1996-08-30', source: 'dateline' });
    // Friday before Friday 1996-08-30 in a past-tense sentence is that same day.
    expect(find(doc, 'Friday').value).toBe('1996-08-30');
  });

  it('infers the latest stated date, ignoring forward-looking ones', () => {
    const text = 'The deal was signed on 3 March 2024. Talks began on January 5, 2024. The court will rule on June 1, 2030.';
    const doc = run(text);
    expect(doc.referenceDate?.value).toBe('2024-03-03');
    expect(doc.referenceDate?.source).toBe('inferred');
    const ev = doc.referenceDate?.evidence;
    expect(ev && text.slice(ev.start, ev.end)).toBe('3 March 2024');
  });
});

describe('timexTagger', () => {
  it('normalizes full and partial dates', () => {
    const doc = run('The plant opened on 2025-04-10, closed in February 2025 and was sold in 2023.', PUB);
    expect(find(doc, '2025-04-10')).toMatchObject({ type: 'DATE', value: '2025-04-10' });
    expect(find(doc, 'February 2025').value).toBe('2025-02');
    expect(find(doc, '2023').value).toBe('2023');
    expect(doc.timexes.map((t) => t.id)).toEqual(['T1', 'T2', 'T3']);
  });

  it('handles decades, centuries, seasons, quarters and weeks', () => {
    const doc = run('In the 1990s and the 20th century sales grew. Profit fell in the third quarter of 2024 and last week. The summer of 2013 was hot.', PUB);
    expect(find(doc, 'the 1990s').value).toBe('199X');
    expect(find(doc, 'the 20th century').value).toBe('19XX');
    expect(find(doc, 'the third quarter of 2024').value).toBe('2024-Q3');
    expect(find(doc, 'last week').value).toBe('2025-W15');
    expect(find(doc, 'The summer of 2013').value).toBe('2013-SU');
  });

  it('reads "early 90s" as a decade and leaves "in his 90s" and "a year-on-year rise"', () => {
    const doc = run('In the 1980s and early 90s crime rose. He is in his 90s. A year-on-year rise of 4% followed.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value, t.mod])).toEqual([
      ['the 1980s', '198X', undefined],
      ['early 90s', '199X', 'START'],
    ]);
  });

  it('reads "the fall" as autumn after a preposition of time, and as a decline elsewhere', () => {
    const doc = run('Weak exports were blamed for the fall, and the fall in prices hurt. Elections are due in the fall.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([['the fall', '2025-FA']]);
    expect(doc.timexes[0].start).toBe(doc.text.indexOf('in the fall') + 3);
  });

  it('resolves weekdays by tense', () => {
    const doc = run('The minister resigned on Friday. She will travel to Paris on Friday.', PUB);
    expect(find(doc, 'Friday', 0).value).toBe('2025-04-11');
    expect(find(doc, 'Friday', 1).value).toBe('2025-04-18');
  });

  it('reads "until midnight on Sunday" forward, and "starting at noon Saturday" in a past narrative back', () => {
    const doc = run('The offer is open until midnight on Sunday. The strike, starting at noon Saturday, lasted a week.', PUB);
    expect(doc.timexes.filter((t) => t.type === 'TIME').map((t) => [t.text, t.value])).toEqual([
      ['midnight on Sunday', '2025-04-20T24:00'],
      ['noon Saturday', '2025-04-12T12:00'],
    ]);
  });

  it('reads "have until Friday" as a deadline ahead, and "the ban will last 10 years" without the verb', () => {
    const doc = run('Ministers have until Friday to respond. The ban will last 10 years, as it did over the last 10 years.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['Friday', '2025-04-18'],
      ['10 years', 'P10Y'],
      ['the last 10 years', 'P10Y'],
    ]);
  });

  it('reads short and irregular past forms as the past ("died", "used", "withdrew")', () => {
    const doc = run('He died on 3 June. Police used tear gas on 9 August. The rebels withdrew in July.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['3 June', '2024-06-03'],
      ['9 August', '2024-08-09'],
      ['July', '2024-07'],
    ]);
  });

  it('reads a timetable\'s present tense forward ("the summit runs through Friday"), a past one back', () => {
    const doc = run('The summit runs through Friday and the court resumes on Monday. The talks ended Friday. The festival opens in March.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['Friday', '2025-04-18'],
      ['Monday', '2025-04-21'],
      ['Friday', '2025-04-11'],
      ['March', '2026-03'],
    ]);
  });

  it('resolves relative expressions against the reference date', () => {
    const doc = run('He arrived yesterday, two years ago he left, and next month he returns. Tomorrow is a holiday.', PUB);
    expect(find(doc, 'yesterday').value).toBe('2025-04-15');
    expect(find(doc, 'two years ago').value).toBe('2023');
    expect(find(doc, 'next month').value).toBe('2025-05');
    expect(find(doc, 'Tomorrow').value).toBe('2025-04-17');
  });

  it('tags durations with TimeML values', () => {
    const doc = run('She was held for 498 days, after three years abroad and a five-hour flight over the past three years.', PUB);
    expect(find(doc, '498 days')).toMatchObject({ type: 'DURATION', value: 'P498D' });
    expect(find(doc, 'five-hour').value).toBe('PT5H');
    expect(find(doc, 'the past three years')).toMatchObject({ type: 'DURATION', value: 'P3Y' });
    expect(find(doc, 'three years').value).toBe('P3Y');
  });

  it('gives a length in two units, or with a half, one value in the smaller units', () => {
    const doc = run(
      'She won in one minute, 46.68 seconds. He served three years and five months, then talks ran two hours 15 minutes ' +
        'and 2 weeks and 3 days. The vote took a minute and a half, trading 1.5 minutes, the count a day and a half. ' +
        'Three days and a night passed.',
      PUB,
    );
    expect(find(doc, 'one minute, 46.68 seconds').value).toBe('PT1M46.68S');
    expect(find(doc, 'three years and five months').value).toBe('P3Y5M');
    expect(find(doc, 'two hours 15 minutes').value).toBe('PT2H15M');
    expect(find(doc, '2 weeks and 3 days').value).toBe('P17D');
    expect(find(doc, 'a minute and a half').value).toBe('PT1M30S');
    // a minute's smaller unit is the second, not the month's day
    expect(find(doc, '1.5 minutes').value).toBe('PT1M30S');
    expect(find(doc, 'a day and a half').value).toBe('P1DT12H');
    // a night is no smaller unit of a day: two lengths
    expect(find(doc, 'Three days').value).toBe('P3D');
    expect(find(doc, 'a night').value).toBe('P1D');
  });

  it('dates the days around Easter by the computus', () => {
    const doc = run('Shops closed on Good Friday and reopened after Easter Monday 2024. Easter 2005 fell in March, and so did Easter 2008. Easter eggs sold out in Easter week 2000.', PUB);
    expect(find(doc, 'Good Friday').value).toBe('2025-04-18');
    expect(find(doc, 'Easter Monday 2024').value).toBe('2024-04-01');
    expect(find(doc, 'Easter 2005').value).toBe('2005-03-27');
    expect(find(doc, 'Easter 2008').value).toBe('2008-03-23');
    expect(find(doc, 'Easter week 2000').value).toBe('2000-W16');
    expect(doc.timexes.some((t) => t.text.startsWith('Easter eggs') || t.text === 'Easter')).toBe(false);
  });

  it('dates the shopping days after Thanksgiving and the days before Easter, and no named day by its weekday', () => {
    const doc = run('Shoppers flocked on Black Friday and Cyber Monday 2024. Ash Wednesday 2024 and Palm Sunday 2024 came early. On Super Tuesday, Smith won; Bloody Sunday was remembered.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['Black Friday', '2024-11-29'],
      ['Cyber Monday 2024', '2024-12-02'],
      ['Ash Wednesday 2024', '2024-02-14'],
      ['Palm Sunday 2024', '2024-03-24'],
    ]);
  });

  it('dates the September 11 attacks to 2001 in any year, and no other September 11', () => {
    const doc = run('Since the 11 September attacks and 9/11 itself, security rose. The talks were held on September 11. It was dated 9/11/2024.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['the 11 September', '2001-09-11'],
      ['9/11', '2001-09-11'],
      ['September 11', '2024-09-11'],
      ['9/11/2024', '2024-09-11'],
    ]);
  });

  it('tags sets', () => {
    const doc = run('The council meets every Monday and publishes a report weekly. The lake freezes each winter, but a fall in prices is no season.', PUB);
    expect(find(doc, 'every Monday')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-1' });
    expect(find(doc, 'weekly')).toMatchObject({ type: 'SET', value: 'P1W' });
    expect(find(doc, 'each winter')).toMatchObject({ type: 'SET', value: 'XXXX-WI' });
    expect(doc.timexes.some((t) => t.text.includes('fall'))).toBe(false);
  });

  it('tags present, past and future references, but not "now" in a quotation', () => {
    const doc = run('Prices are currently high. The firm recently hired staff. “I am happy now,” she said of the future.', PUB);
    expect(find(doc, 'currently').value).toBe('PRESENT_REF');
    expect(find(doc, 'recently').value).toBe('PAST_REF');
    expect(find(doc, 'the future').value).toBe('FUTURE_REF');
    expect(doc.timexes.some((t) => t.text === 'now')).toBe(false);
  });

  it('includes modifiers in the span and sets mod', () => {
    const doc = run('Growth slowed in the late 1990s, picked up in early 2001 and lasted about two years.', PUB);
    expect(find(doc, 'the late 1990s')).toMatchObject({ value: '199X', mod: 'END' });
    expect(find(doc, 'early 2001')).toMatchObject({ value: '2001', mod: 'START' });
    expect(find(doc, 'about two years')).toMatchObject({ value: 'P2Y', mod: 'APPROX' });
  });

  it('gives a bare month the year that keeps a past narrative in the past', () => {
    const doc = run('The rebels attacked in October. Elections will be held in March.', PUB);
    expect(find(doc, 'October').value).toBe('2024-10');
    expect(find(doc, 'March').value).toBe('2026-03');
  });

  it('gives a bare month-day the year of an earlier full mention', () => {
    const doc = run('The war began on October 7, 2023. Since October 7 many have fled.', PUB);
    expect(find(doc, 'October 7').value).toBe('2023-10-07');
  });
});

describe('timexTagger: TimeBank conventions', () => {
  it('reads a bare weekday as past unless a deadline points forward', () => {
    const doc = run('Shares closed higher Thursday. The offer runs until Friday and talks start as soon as Monday.', PUB);
    expect(find(doc, 'Thursday').value).toBe('2025-04-10');
    expect(find(doc, 'Friday').value).toBe('2025-04-18');
    expect(find(doc, 'Monday').value).toBe('2025-04-21');
  });

  it('reads the tense from verbs, not from un-…-ed adjectives ("untouched"), but "unveiled" is a verb', () => {
    const doc = run('Qantas will double its flights by August in the search for markets untouched by the crisis.', PUB);
    expect(find(doc, 'August').value).toBe('2025-08');
    const past = run('The company unveiled the plan in August.', PUB);
    expect(find(past, 'August').value).toBe('2024-08');
  });

  it('keeps a deadline forward through a clock time before the day ("until 9 a.m. Tuesday")', () => {
    const doc = run('Officials gave the families until 9 a.m. Tuesday to answer. They met at 4 p.m. Tuesday.', PUB);
    expect(find(doc, '9 a.m. Tuesday')).toMatchObject({ type: 'TIME', value: '2025-04-22T09:00' });
    expect(find(doc, '4 p.m. Tuesday')).toMatchObject({ type: 'TIME', value: '2025-04-15T16:00' });
  });

  it('reads four digits before GMT as a time of day, never a year, and skips one restated in brackets', () => {
    const doc = run('The match kicks off at 1945 GMT. The blast came at 3:30 p.m. local time (2030 GMT).', PUB);
    expect(find(doc, '1945 GMT')).toMatchObject({ type: 'TIME', value: '2025-04-16T19:45' });
    expect(doc.timexes.map((t) => t.text)).toEqual(['1945 GMT', '3:30 p.m.']);
  });

  it('reads "until" in a past narrative back, unless a deadline was given or moved', () => {
    const doc = run('Sales rose until August. The regulator extended the offer until August 20. He was given until 9 a.m. Tuesday to answer.', PUB);
    expect(find(doc, 'August').value).toBe('2024-08');
    expect(find(doc, 'August 20').value).toBe('2025-08-20');
    expect(find(doc, '9 a.m. Tuesday').value).toBe('2025-04-22T09:00');
  });

  it('reads a date after "takes effect" or "comes into force" forward, and after "took effect" back', () => {
    const doc = run('The law takes effect on Jan. 1. The ban comes into force in February. The tax took effect on March 1.', PUB);
    expect(find(doc, 'Jan. 1').value).toBe('2026-01-01');
    expect(find(doc, 'February').value).toBe('2026-02');
    expect(find(doc, 'March 1').value).toBe('2025-03-01');
  });

  it('gives a clock time without a day the day named in its sentence', () => {
    const doc = run('The blast occurred at about 10:35 a.m. (0735 GMT) Friday. Talks resume at 9 a.m.', PUB);
    expect(find(doc, 'about 10:35 a.m.')).toMatchObject({ type: 'TIME', value: '2025-04-11T10:35' });
    expect(find(doc, '9 a.m.')).toMatchObject({ type: 'TIME', value: '2025-04-16T09:00' });
  });

  it('dates a GMT clock time by the day before it in its sentence, not by a day in a later clause', () => {
    const doc = run('It will be shown on BBC2 on Saturday 12 April at 2005 GMT. The dollar stood at $1.29 at 2100GMT, close to the record set on 10 April.', PUB);
    expect(find(doc, '2005 GMT')).toMatchObject({ type: 'TIME', value: '2025-04-12T20:05' });
    expect(find(doc, '2100GMT')).toMatchObject({ type: 'TIME', value: '2025-04-16T21:00' });
  });

  it('reads "the year" as the year its sentence named, and "the year before" as the one before it', () => {
    const doc = run('GDP grew 3.1% in 2004 after accelerating late in the year. Sales were $3bn in 2003, up from $2bn the year before. Profits rose for the year.', PUB);
    expect(find(doc, 'the year').value).toBe('2004');
    expect(find(doc, 'the year', 1).value).toBe('2002');
    expect(find(doc, 'the year', 2).value).toBe('2025');
  });

  it('leaves a match\'s quarters alone', () => {
    const doc = run(
      'Ireland led 18-12 as the game entered the final quarter. The first quarter was marked by tactical kicking in the match.\n\n' +
        'Elsewhere the brewer, which owns pubs across the north of England and in Scotland, said demand for its lagers had held up well over the winter. Profits rose in the final quarter.',
      PUB,
    );
    const quarters = doc.timexes.filter((t) => /quarter/.test(t.text));
    expect(quarters.map((t) => t.start)).toEqual([doc.text.indexOf('the final quarter.', 100)]);
  });

  it('takes a quarter that has not begun for last year\'s unless the text looks ahead', () => {
    const doc = run('Growth of 0.1% in the third quarter is still too weak. Sales will rise in the fourth quarter.', { datePublished: '2025-03-16' });
    expect(find(doc, 'the third quarter').value).toBe('2024-Q3');
    expect(find(doc, 'the fourth quarter').value).toBe('2025-Q4');
  });

  it('reads "than expected in January" as a comparison, not an expectation ahead', () => {
    const doc = run('The US created fewer jobs than expected in January. A ruling is expected in November.', { datePublished: '2025-03-16' });
    expect(find(doc, 'January').value).toBe('2025-01');
    expect(find(doc, 'November').value).toBe('2025-11');
  });

  it('reads no tense into "as expected": the clause\'s own verb decides', () => {
    const doc = run('Voters must have registered by Friday to vote in the election if it is held, as expected, on 5 May.', { datePublished: '2025-03-16' });
    expect(find(doc, '5 May').value).toBe('2025-05-05');
    const past = run('The vote was held, as expected, on 5 May.', { datePublished: '2025-03-16' });
    expect(find(past, '5 May').value).toBe('2024-05-05');
  });

  it('reads "the year 2050" as one date and leaves a holiday inside another name alone', () => {
    const doc = run('In the year 2050, more people will be over 65. He spoke on Holocaust Memorial Day and on Memorial Day.', PUB);
    expect(find(doc, 'the year 2050')).toMatchObject({ type: 'DATE', value: '2050' });
    expect(doc.timexes.filter((t) => t.text === 'Memorial Day')).toHaveLength(1);
    expect(doc.timexes.map((t) => t.text)).not.toContain('the year');
  });

  it('reads a date in the tense of its own clause, not of the verb after a comma', () => {
    const doc = run('The talks, which are supposed to conclude by August, invited the party back.', PUB);
    expect(find(doc, 'August').value).toBe('2025-08');
    const past = run('He resigned in August, months before the vote.', PUB);
    expect(find(past, 'August').value).toBe('2024-08');
  });

  it('gives "Friday night" its day and part of the day, and keeps it when the sentence names another day', () => {
    const doc = run('The rebels attacked on Friday night.', PUB);
    expect(find(doc, 'Friday night')).toMatchObject({ type: 'TIME', value: '2025-04-11TNI' });
    // a clock time takes the day its sentence names; "Friday morning" has its own
    const other = run('On Thursday he flew in, and after meeting police Friday morning he left at 10 a.m.', { datePublished: '2025-04-18' });
    expect(find(other, 'Friday morning').value).toBe('2025-04-18TMO');
  });

  it('tags adjectival vague durations as TimeBank does ("several-year" → PXY), also in quotes', () => {
    const doc = run('“We have many-year relations with them,” he said after a several-year delay.', PUB);
    expect(find(doc, 'many-year')).toMatchObject({ type: 'DURATION', value: 'PXY' });
    expect(find(doc, 'several-year')).toMatchObject({ type: 'DURATION', value: 'PXY' });
  });

  it('gives a range its lower bound', () => {
    const doc = run('Shipments resume within two to three weeks.', PUB);
    expect(find(doc, 'two to three weeks')).toMatchObject({ type: 'DURATION', value: 'P2W' });
  });

  it('keeps the reported quarter through year-ago comparisons', () => {
    const doc = run(
      'Profit rose in the first quarter. Sales were $5 million, up from $4 million a year ago. ' +
        'A year earlier, net income was $2 million. In the 2024 period, costs fell.',
      PUB,
    );
    expect(find(doc, 'the first quarter').value).toBe('2025-Q1');
    expect(find(doc, 'a year ago').value).toBe('2024-Q1');
    // not 2023-Q1: the comparison before it is not the quarter under report
    expect(find(doc, 'A year earlier').value).toBe('2024-Q1');
    expect(find(doc, 'the 2024 period').value).toBe('2024-Q1');
  });

  it('reads the quarter a closing date ends, unless the text has named the (maybe fiscal) quarter', () => {
    const at = (text: string, date: string): string | undefined => find(run(text, { datePublished: date }), 'the quarter').value;
    expect(at('Sales rose in the quarter ended Sept. 30 to $747 million.', '1989-10-26')).toBe('1989-Q3');
    // a fiscal quarter to July 31 is mostly May to July
    expect(at('In the quarter ended July 31, Jayark had a loss.', '1989-10-30')).toBe('1989-Q2');
    expect(at('Profit fell in the quarter ended Dec. 31.', '2005-02-10')).toBe('2004-Q4');
    expect(at('Profit fell in the quarter ended Jan. 31.', '2005-03-01')).toBe('2004-Q4');
    // Sun's fiscal first quarter ends in September
    expect(at('Sun posted a loss for its fiscal first quarter. Sales for the quarter ended Sept. 29 rose.', '1989-10-26')).toBe('1989-Q1');
  });

  it('skips adjectives and rates, tags "soon" and counted frequencies', () => {
    const doc = run('Future earnings may soon rise, as soon as rates fall. They pay $5 a year and meet twice a year.', PUB);
    expect(doc.timexes.some((t) => /future/i.test(t.text))).toBe(false);
    expect(find(doc, 'soon')).toMatchObject({ type: 'DATE', value: 'FUTURE_REF' });
    expect(doc.timexes.filter((t) => t.text === 'soon')).toHaveLength(1);
    expect(find(doc, 'a year')).toMatchObject({ type: 'SET', value: 'P1Y' });
    expect(doc.timexes.filter((t) => t.text === 'a year')).toHaveLength(1);
  });

  it('reads a sentence-opening "Now," as a discourse marker, other "now"s as the present', () => {
    const doc = run('The talks failed in May. Now, he says, they will resume. Prices are now higher. "Now, look," she said.', PUB);
    expect(doc.timexes.filter((t) => /^now$/i.test(t.text)).map((t) => doc.text.slice(0, t.start).length)).toEqual([
      doc.text.indexOf('now higher'),
    ]);
    expect(find(doc, 'now')).toMatchObject({ type: 'DATE', value: 'PRESENT_REF' });
  });

  it('reads a month with a relative or spoken year as one date', () => {
    const doc = run('In June last year the talks failed. We saw it in the winter of nineteen ninety-four and in January nineteen ninety-seven.', PUB);
    expect(find(doc, 'June last year')).toMatchObject({ type: 'DATE', value: '2024-06' });
    expect(doc.timexes.some((t) => t.text === 'last year')).toBe(false);
    expect(find(doc, 'the winter of nineteen ninety-four').value).toBe('1994-WI');
    expect(find(doc, 'January nineteen ninety-seven').value).toBe('1997-01');
  });

  it('leaves titles, rates and index levels untagged', () => {
    const doc = run(
      'Baker spoke on ABC\'s "This Week" and on CBS\'s "60 Minutes." It was high noon for Poland. This is VOA Today. ' +
        'Sales should rise 8.5% annually. The index closed at 2082.1 points. He was soon released. The rally is held annually.',
      PUB,
    );
    expect(doc.timexes.map((t) => t.text)).toEqual(['annually']);
    expect(find(doc, 'annually')).toMatchObject({ type: 'SET', value: 'P1Y' });
  });

  it('tags vague and event-anchored stretches of time as durations', () => {
    const doc = run('Prices rose in recent years. Three days later they fell, for a couple of years.', PUB);
    expect(find(doc, 'recent years')).toMatchObject({ type: 'DURATION', value: 'PXY' });
    expect(find(doc, 'Three days later')).toMatchObject({ type: 'DURATION', value: 'P3D' });
    expect(find(doc, 'a couple of years')).toMatchObject({ type: 'DURATION', value: 'P2Y' });
  });

  it('counts "the following month" from the last date named', () => {
    const doc = run('The bid came in March 2019. The following month, the company put itself up for sale.', PUB);
    expect(find(doc, 'The following month').value).toBe('2019-04');
  });

  it('finds with anchored rules exactly what a global scan of every rule finds', () => {
    const text =
      'On Monday, Oct. 26, 1998 and the 16th of April 2025, in the late \'90s and the 1980s, 12 to 18 months, ' +
      'two and a half years ago, 3 p.m. EST Tuesday, Q3 and last year\'s fourth quarter, 1990-08-15, 4/5/99, ' +
      'the day before yesterday, every other week, twice a year, the end of the year, New Year\'s Eve 2020, ' +
      'the year two thousand, nineteen ninety-four, the 21st century, right now, the near future, the 1988 period, soon, previously, ' +
      'the last half of 1989, the first two quarters of 1990, mid-afternoon yesterday, the week of March 6, April 24 and 25, Election Day, the quarter a year ago.';
    const global = new Set<string>();
    for (const r of RULES) {
      r.re.lastIndex = 0;
      for (let m = r.re.exec(text); m; m = r.re.exec(text)) global.add(`${r.name}@${m.index}:${m[0]}`);
    }
    const anchored = new AnchoredRules(RULES).matchAll(text).map((x) => `${x.rule.name}@${x.match.index}:${x.match[0]}`);
    expect(global.size).toBeGreaterThan(30);
    expect(new Set(anchored)).toEqual(global);
  });
});

describe('timexTagger: general coverage', () => {
  it('takes a year after a "post-"/"mid-" prefix whatever noun follows ("post-1959 politics")', () => {
    const doc = run('The post-1959 politics split families.', PUB);
    expect(find(doc, '1959')).toMatchObject({ type: 'DATE', value: '1959' });
  });

  it('reads "the past twenty years" as one duration, not "the past" and a count', () => {
    const doc = run('Rights were violated for the past twenty years. In the past a man ruled.', PUB);
    expect(find(doc, 'the past twenty years')).toMatchObject({ type: 'DURATION', value: 'P20Y' });
    expect(find(doc, 'the past')).toMatchObject({ value: 'PAST_REF' });
  });

  it('dates the halves of a named year', () => {
    const doc = run('Earnings fell in the last half of 1989 and will recover in the first two quarters of 1990.', PUB);
    expect(find(doc, 'the last half of 1989').value).toBe('1989-H2');
    expect(find(doc, 'the first two quarters of 1990').value).toBe('1990-H1');
  });

  it('tags "mid-afternoon" as a part of the day, with the day word that follows', () => {
    const doc = run('In London at mid-afternoon yesterday, shares were up. By mid afternoon, sources said so.', PUB);
    expect(find(doc, 'mid-afternoon yesterday')).toMatchObject({ type: 'TIME', value: '2025-04-15TAF', mod: 'MID' });
    expect(find(doc, 'mid afternoon')).toMatchObject({ type: 'TIME', value: '2025-04-16TAF' });
  });

  it('gives "the week of March 6" the week of that day', () => {
    const doc = run('The case will be heard the week of May 5, a lawyer said.', PUB);
    expect(find(doc, 'the week of May 5')).toMatchObject({ type: 'DATE', value: '2025-W19' });
  });

  it('dates the second day of "April 24 and 25" in the first one\'s month', () => {
    const doc = run('The summit will be held on April 24 and 25. On June 5 or 6 people came.', PUB);
    expect(find(doc, '25').value).toBe('2025-04-25');
    expect(doc.timexes.some((t) => t.text === '6')).toBe(false);
  });

  it('reads "last Oct. 23" as a day, the latest such before the reference', () => {
    const doc = run('He was shot to death last Oct. 23 at his home. The vote comes next March 3.', PUB);
    expect(find(doc, 'Oct. 23').value).toBe('2024-10-23');
    expect(find(doc, 'March 3').value).toBe('2026-03-03');
  });

  it('does not copy the year of an earlier month mention that the tense contradicts', () => {
    const doc = run('The loan must be repaid by February. Since the fund bought the firm in February, it has sold assets.', { datePublished: '2025-10-30' });
    expect(find(doc, 'February', 0).value).toBe('2026-02');
    expect(find(doc, 'February', 1).value).toBe('2025-02');
  });

  it('tags a month in the possessive ("December\'s figures"), not "May\'s"', () => {
    const doc = run("After a revision to December's figures, the economy grew. Theresa May's party lost.", { datePublished: '2025-02-06' });
    expect(find(doc, 'December').value).toBe('2024-12');
    expect(doc.timexes.some((t) => t.text === 'May')).toBe(false);
  });

  it('reads "the quarter a year ago" as one expression, the reported quarter a year back', () => {
    const doc = run('Net rose in the third quarter. For the quarter a year ago, it earned less.', { datePublished: '1989-10-26' });
    expect(find(doc, 'the quarter a year ago').value).toBe('1988-Q3');
  });

  it('dates U.S. Election Day', () => {
    const doc = run('It will be a theme of the campaign until Election Day.', { datePublished: '1998-10-26' });
    expect(find(doc, 'Election Day').value).toBe('1998-11-03');
  });
});

describe('seed article', () => {
  const p = path.join(import.meta.dirname, '..', 'seeds', '000_9da3eb84e0b5e84d.txt');
  const doc = prepareDoc('seed', fs.readFileSync(p, 'utf8').trim().split('\n').join('\n\n'));
  referenceDater.run(doc);
  timexTagger.run(doc);

  it('infers the reference date from the text', () => {
    expect(doc.referenceDate).toMatchObject({ value: '2025-04-16', source: 'inferred' });
    const ev = doc.referenceDate?.evidence;
    expect(ev && doc.text.slice(ev.start, ev.end)).toBe('April 16, 2025');
  });

  it('normalizes the dates', () => {
    expect(find(doc, 'April 16, 2025').value).toBe('2025-04-16');
    expect(find(doc, 'October 7, 2023').value).toBe('2023-10-07');
    expect(find(doc, 'November 2023').value).toBe('2023-11');
    expect(find(doc, 'February 15, 2025').value).toBe('2025-02-15');
    expect(find(doc, 'early February')).toMatchObject({ value: '2025-02', mod: 'START' });
    expect(find(doc, 'October 7')).toMatchObject({ value: '2023-10-07' });
    expect(doc.timexes.find((t) => /late 1990s$/.test(t.text))).toMatchObject({ value: '199X', mod: 'END' });
    expect(find(doc, 'early April')).toMatchObject({ value: '2025-04', mod: 'START' });
    expect(find(doc, '498 days')).toMatchObject({ type: 'DURATION', value: 'P498D' });
  });

  it('skips "now" inside the quotation', () => {
    const at = doc.text.indexOf('happy like I am now');
    expect(at).toBeGreaterThan(0);
    expect(doc.timexes.some((t) => t.start >= at && t.start < at + 20)).toBe(false);
  });

  it('numbers timexes in text order', () => {
    doc.timexes.forEach((t, i) => {
      expect(t.id).toBe(`T${i + 1}`);
      if (i) expect(t.start).toBeGreaterThanOrEqual(doc.timexes[i - 1].end);
      expect(doc.text.slice(t.start, t.end)).toBe(t.text);
    });
  });
});

describe('timexTagger after the NER layer', () => {
  const analyzed = (text: string): Doc => {
    const doc = prepareDoc('t', text, PUB);
    for (const component of COMPONENTS.slice(0, COMPONENTS.indexOf(timexTagger) + 1)) component.run(doc);
    return doc;
  };

  it('skips a weekday or frequency word inside a newspaper name, but not a date after a name', () => {
    const doc = analyzed(
      'Mr Howard told the Sunday Times on Monday that he would run. A poll in the Daily Telegraph agreed, as did China Daily. ' +
        'On the New York Stock Exchange Friday, Crossland closed at $5.25.',
    );
    expect(doc.names.some((n) => doc.text.slice(n.start, n.end) === 'Sunday Times')).toBe(true);
    expect(doc.timexes.map((t) => t.text)).toEqual(['Monday', 'Friday']);
  });

  it('skips a weekday in a newspaper name the tagger missed', () => {
    const doc = analyzed('The book, by Sunday Telegraph journalist Robert Peston, cites the Mail on Sunday. It came out on Sunday.');
    expect(doc.timexes.map((t) => t.text)).toEqual(['Sunday']);
    expect(doc.timexes[0].start).toBe(doc.text.lastIndexOf('Sunday'));
  });
});

describe('timexTagger: expectations look forward', () => {
  it('reads a date that is expected or due as the next one, unless the expectation is past', () => {
    const doc = run('A ruling is expected on 6 January. The vote is due in February. The verdict was expected on 9 January.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['6 January', '2026-01-06'],
      ['February', '2026-02'],
      ['9 January', '2025-01-09'],
    ]);
  });
});

describe('timexTagger: halves', () => {
  it('reads a bare half in a match report as part of the match, not of the year', () => {
    const doc = run('Smith scored a first-half try and Jones kicked a penalty early in the second half.', PUB);
    expect(doc.timexes).toEqual([]);
  });

  it('keeps a half of the year, with or without a match word nearby', () => {
    const doc = run('Sales rose in the first half. The club played well but lost money in the second half of the fiscal year.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['the first half', '2025-H1'],
      ['the second half of the fiscal year', '2025-H2'],
    ]);
  });
});

describe('timexTagger: day-month and fractions', () => {
  it('reads "5 May" as a date whatever word follows', () => {
    const doc = run('The firm will close on 5 May as planned. Only 5 may attend.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([['5 May', '2025-05-05']]);
  });

  it('leaves a hyphenated number of quarters untagged: a fraction or an adjective', () => {
    const doc = run('He bought a three-quarter stake after a four-quarter test, and waited three quarters.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([['three quarters', 'P3Q']]);
  });
});

describe('timexTagger: modern news forms', () => {
  it('reads ET/PT/BST after a clock time, "this past weekend", and a quarter or half "of last year"', () => {
    const doc = run(
      'Polls close at 8 p.m. ET on Tuesday. This past weekend, protesters marched. Profit rose in the fourth quarter of last year ' +
        'and will fall in the first half of next year. This coming week is busy.',
      PUB,
    );
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['8 p.m. ET on Tuesday', 'TIME', '2025-04-15T20:00'],
      ['This past weekend', 'DATE', '2025-W15-WE'],
      ['the fourth quarter of last year', 'DATE', '2024-Q4'],
      ['the first half of next year', 'DATE', '2026-H1'],
      ['This coming week', 'DATE', '2025-W17'],
    ]);
  });
});

describe('timexTagger: habits and ranges', () => {
  it('reads plural weekdays and "on weekends" as SETs, not a band\'s name', () => {
    const doc = run('Shops close on weekends. He works Tuesday nights and the museum is closed Mondays. The Sundays played a gig.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['weekends', 'SET', 'XXXX-WXX-WE'],
      ['Tuesday nights', 'SET', 'XXXX-WXX-2TNI'],
      ['Mondays', 'SET', 'XXXX-WXX-1'],
    ]);
  });

  it('reads a 24-hour clock time after a preposition of time, not a score or a race time', () => {
    const doc = run(
      'Kick-off is at 19:45. The meeting starts at 09.00 GMT. They won 2:1 at home. He finished at 2:05:30. Sales rose to 12.25 million from 10.30 million.',
      PUB,
    );
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['19:45', 'TIME', '2025-04-16T19:45'],
      ['09.00 GMT', 'TIME', '2025-04-16T09:00'],
    ]);
  });

  it('keeps a range in order: "from March until May" in a past narrative read in March is last year\'s', () => {
    const doc = run('The ban lasted from March until May. From November to February sales fell.', { datePublished: '2025-03-10' });
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['March', '2024-03'],
      ['May', '2024-05'],
      ['November', '2024-11'],
      ['February', '2025-02'],
    ]);
  });

  it('reads a clock time with the part of the day that sets its half ("at 4 in the morning", "at 9 o\'clock at night")', () => {
    const doc = run('They left at 4 in the morning and returned at 9 o\'clock at night. The vote was at 3 in the afternoon.', { datePublished: '2025-03-12' });
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['4 in the morning', 'TIME', '2025-03-12T04:00'],
      ["9 o'clock at night", 'TIME', '2025-03-12T21:00'],
      ['3 in the afternoon', 'TIME', '2025-03-12T15:00'],
    ]);
  });

  it('gives a clock time the day, or part of a day, named right after it', () => {
    // read on Wednesday 2025-03-12
    const doc = run('The shooting happened at about 11pm on Saturday night.', { datePublished: '2025-03-12' });
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([['about 11pm on Saturday night', 'TIME', '2025-03-08T23:00']]);
  });

  it('reads a weekday that something "is on" or "is at" ahead, and one after "is in" as told', () => {
    const doc = run('The vote is on Thursday. The meeting is at 14:30 on Friday. He is in hospital after the attack on Saturday.', { datePublished: '2025-03-12' });
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['Thursday', '2025-03-13'],
      ['14:30 on Friday', '2025-03-14T14:30'],
      ['Saturday', '2025-03-08'],
    ]);
  });

  it('moves the start of a weekday range back by weeks, never by a year', () => {
    // read on Wednesday 2025-03-12: Friday is 2025-03-07, so Monday is the 3rd, not a date of 2024
    const doc = run('The office was open from Monday to Friday.', { datePublished: '2025-03-12' });
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['Monday', '2025-03-03'],
      ['Friday', '2025-03-07'],
    ]);
  });
});

describe('timexTagger: an unspecified later time', () => {
  it('reads "at a later date" as FUTURE_REF, and leaves "a later flight"', () => {
    const doc = run('The shares will be sold at a later date. He was moved to a later flight.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([['a later date', 'FUTURE_REF']]);
  });
});

describe('timexTagger: a quarter named by its months', () => {
  it('reads "the October-to-December quarter" as a calendar quarter, last year\'s when it has not begun', () => {
    const doc = run(
      'Profit fell in the October-to-December quarter, after the July-September period, and sales in the January to March quarter rose. ' +
        'Trade in the April-July period grew.',
      PUB,
    );
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['the October-to-December quarter', 'DATE', '2024-Q4'],
      ['the July-September period', 'DATE', '2024-Q3'],
      ['the January to March quarter', 'DATE', '2025-Q1'],
      // other spans of months are two months, the span's end taking the year
      ['April', 'DATE', '2024-04'],
      ['July', 'DATE', '2024-07'],
    ]);
  });

  it('reads "April-July" as two months in one year, "November-February" across the new year', () => {
    const doc = run('Exports rose in November-February. The tour is planned for June-July, and a May-based firm runs it.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['November', '2024-11'],
      ['February', '2025-02'],
      ['June', '2025-06'],
      ['July', '2025-07'],
    ]);
  });
});

describe('timexTagger: "March", "May" and "August" as months', () => {
  it('takes them before an event of the month and after "come", and leaves a name', () => {
    const doc = run('Growth slowed in the March survey. Come August, the squad was injured. The May government fell. August Wilson wrote plays.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['March', '2025-03'],
      ['August', '2024-08'],
    ]);
  });
});

describe('timexTagger: a periodical named by how often it comes out', () => {
  it('leaves "the Communist Party daily Granma" and "told the daily", and reads "published daily" as a SET', () => {
    const doc = run(
      'The Communist Party daily Granma said so. He told the French daily. The Daily Telegraph agreed. It is published daily, and the daily tally rose.',
      PUB,
    );
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['daily', 'SET', 'P1D'],
      ['daily', 'SET', 'P1D'],
    ]);
    expect(doc.timexes[0].start).toBe(doc.text.indexOf('published daily') + 'published '.length);
  });
});

describe('timexTagger: parts of a month or week, stretches ahead', () => {
  it('reads "the end of the month" as the month with mod END, and vague stretches as durations', () => {
    const doc = run(
      'Troops will arrive by the end of the month. The population will halve by the middle of the century, and output double by the end of the decade. ' +
        'Prices may fall in the weeks ahead after several quarters of losses.',
      PUB,
    );
    expect(doc.timexes.map((t) => [t.text, t.type, t.value, t.mod])).toEqual([
      ['the end of the month', 'DATE', '2025-04', 'END'],
      ['the middle of the century', 'DATE', '20XX', 'MID'],
      ['the end of the decade', 'DATE', '202X', 'END'],
      ['the weeks ahead', 'DURATION', 'PXW', undefined],
      ['several quarters', 'DURATION', 'PXQ', undefined],
    ]);
  });
});

describe('timexTagger: report shorthand and day-first slashes', () => {
  it('reads "H1 2023", "2022 H2", "FY2023" and "FY24", and "15/11/2023" day first', () => {
    const doc = run('Sales in H1 2023 and 2022 H2 fell. In FY2023 profit rose, and FY24 looks good. The ruling, dated 15/11/2023, stands.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['H1 2023', '2023-H1'],
      ['2022 H2', '2022-H2'],
      ['FY2023', '2023'],
      ['FY24', '2024'],
      ['15/11/2023', '2023-11-15'],
    ]);
  });

  it('takes a year before a verb in -s for a year after "fiscal year" or "in", and a count otherwise', () => {
    const doc = run('The budget for fiscal year 2024 begins soon. In 2022 prices fell. The firm has 2000 employees.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['fiscal year 2024', '2024'],
      ['soon', 'FUTURE_REF'],
      ['2022', '2022'],
    ]);
  });
});

describe('timexTagger: a range of days before one month', () => {
  it('gives the first day of "from 7 to 9 October", "5 and 6 May" and "2-3 December" the month after them', () => {
    const doc = run('Fighting raged from 7 to 9 October. The talks, held on 25 and 26 January, failed. A rally will be held on the weekend of 2-3 May. They won 2-1 in March.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['7', '2024-10-07'],
      ['9 October', '2024-10-09'],
      ['25', '2025-01-25'],
      ['26 January', '2025-01-26'],
      ['2', '2025-05-02'],
      ['3 May', '2025-05-03'],
      ['March', '2025-03'],
    ]);
  });
});

describe('timexTagger: a day of the month by its ordinal', () => {
  it('reads "on the 20th" in the reference month, the month before in the past tense, and leaves "the 20th floor"', () => {
    const doc = run('Flights resume on the 20th. The strike began on the 28th, and ended on the 3rd. He lives on the 20th floor. They meet fortnightly.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['the 20th', '2025-04-20'],
      ['the 28th', '2025-03-28'],
      ['the 3rd', '2025-04-03'],
      ['fortnightly', 'P2W'],
    ]);
  });
});

describe('timexTagger: a day next to the last date named', () => {
  it('reads "the previous day", "that evening" and "the next morning" from the date before them, and leaves them without one', () => {
    const doc = run('The next day was calm. On 3 March the army moved in. The previous day, he had resigned. That evening he flew home. The next morning, talks resumed.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['3 March', 'DATE', '2025-03-03'],
      ['The previous day', 'DATE', '2025-03-02'],
      ['That evening', 'TIME', '2025-03-02TEV'],
      ['The next morning', 'DATE', '2025-03-03'],
    ]);
  });
});

describe('timexTagger: a twelve-month period', () => {
  it('reads "the year to March" and "the year ended June 30" as P1Y, and "for the year" as the current year', () => {
    const doc = run('Prices rose 3% in the year to March. Profit for the year ended June 30 rose. For the year, sales fell.', PUB);
    expect(doc.timexes.filter((t) => t.text === 'the year').map((t) => [t.type, t.value])).toEqual([
      ['DURATION', 'P1Y'],
      ['DURATION', 'P1Y'],
      ['DATE', '2025'],
    ]);
  });
});

describe('timexTagger: the end of the year', () => {
  it('reads "by year\'s end" and "by year end" as "the end of the year", and "year-end" as its last day', () => {
    const doc = run('The plant should be ready by year\'s end, and the sale should close by year end. The index has risen 4% since year-end.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.value, t.mod])).toEqual([
      ["year's end", '2025', 'END'],
      ['year end', '2025', 'END'],
      ['year-end', '2024-12-31', undefined],
    ]);
  });
});

describe('timexTagger: evenings, intentions and "one day"', () => {
  it('gives a weekday evening, afternoon, morning or night its part of the day, as the guidelines do', () => {
    const doc = run('The talks ended Monday evening. Police left on Tuesday afternoon. Fans gathered Sunday night. They met Monday morning.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['Monday evening', 'TIME', '2025-04-14TEV'],
      ['Tuesday afternoon', 'TIME', '2025-04-15TAF'],
      ['Sunday night', 'TIME', '2025-04-13TNI'],
      ['Monday morning', 'TIME', '2025-04-14TMO'],
    ]);
  });

  it('reads a weekday after an intention in the base or -ing form forward ("did not plan to", "were planning to")', () => {
    const doc = run('They did not plan to remove him on Thursday. Protesters were planning to march on Saturday. They marched on Saturday.', PUB);
    expect(doc.timexes.map((t) => t.value)).toEqual(['2025-04-17', '2025-04-19', '2025-04-12']);
  });

  it('reads "one day" after a modal as the future, and as a duration elsewhere', () => {
    const doc = run('Islam will one day be the largest religion here. The strike lasted one day.', PUB);
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['one day', 'DATE', 'FUTURE_REF'],
      ['one day', 'DURATION', 'P1D'],
    ]);
  });

  it('reads the tense around a date past possessives, causes, future perfects and "after …ing" phrases', () => {
    const at = { datePublished: '2005-03-16' };
    const values = (text: string): string[] => run(text, at).timexes.map((t) => t.value);
    // a possessive has no tense; a time word's possessive keeps the time to its nearest occurrence
    expect(values('The results will be published on the ministry\'s website on 9 February.')).toEqual(['2006-02-09']);
    expect(values('July\'s summit in Scotland - chaired by Blair - will use the report.')).toEqual(['2005-07']);
    // "due to" a cause looks nowhere; "is due to" looks ahead
    expect(values('A refinery was closed due to fire, while on Tuesday output was cut.')).toEqual(['2005-03-15']);
    expect(values('The plant is due to open on Tuesday.')).toEqual(['2005-03-22']);
    // "will have" is a future, "would have" looks back
    expect(values('Investors will have no chance to remove the board until May.')).toEqual(['2005-05']);
    expect(values('They would have been available in December.')).toEqual(['2004-12']);
    // "after …ing" tells of what was done before, for the times in its own phrase
    expect(values('They withdrew from last summer\'s Olympics after missing a test on 12 August.')).toEqual(['2004-SU', '2004-08-12']);
    expect(values('Stevens will win his third cap on Sunday after coming on twice.')).toEqual(['2005-03-20']);
    expect(values('He hopes to win a trophy since arriving from Spain when they play Chelsea on Sunday.')).toEqual(['2005-03-20']);
    // a plan in the pluperfect is told of as past
    expect(values('The offer had been due to expire Friday evening.')).toEqual(['2005-03-11TEV']);
    expect(values('The offer had been scheduled to expire on Friday.')).toEqual(['2005-03-11']);
    expect(values('The offer is scheduled to expire on Friday.')).toEqual(['2005-03-18']);
  });
});
