import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { normalizeText, countWords } from '../pipeline/normalize/text.ts';
import { paragraphSpans, sentenceSpans } from '../pipeline/normalize/segment.ts';
import { detectLanguage } from '../pipeline/normalize/language.ts';
import { splitFrontMatter } from '../pipeline/normalize/frontmatter.ts';
import { OffsetMap, codePointSlice, codePointSlicer } from '../pipeline/shared/offsets.ts';
import { INLINE_ABBREVIATIONS, TITLE_ABBREVIATIONS } from '../pipeline/shared/abbreviations.ts';
import { tokenizeSpan } from '../pipeline/extract/tokenize.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const sentencesOf = (text: string): string[] => sentenceSpans(text, paragraphSpans(text)).map((s) => text.slice(s.start, s.end));

describe('normalizeText', () => {
  it('folds line endings and spaces, keeps typographic quotes and dashes, applies NFC', () => {
    const raw = 'He said \u201cno\u201d \u2014  twice.\r\n\r\nCafe\u0301\u00a0\tnoir\u200b.\r\n';
    expect(normalizeText(raw, 'txt')).toBe('He said \u201cno\u201d \u2014 twice.\nCaf\u00e9 noir.');
  });
  it('joins wrapped Markdown lines into one paragraph and strips heading marks', () => {
    expect(normalizeText('# Title\n\nOne line\nwrapped here.\n\nSecond.', 'md')).toBe('Title\nOne line wrapped here.\nSecond.');
  });
  it('counts words with inner hyphens and apostrophes as one', () => {
    expect(countWords('The 29-year-old’s case, it’s done.')).toBe(5);
  });
});

describe('sentence segmentation', () => {
  it('does not break after a title abbreviation or an initial', () => {
    expect(sentencesOf('Mr. Putin met Dr. J. Smith in Moscow. They talked.')).toEqual([
      'Mr. Putin met Dr. J. Smith in Moscow.',
      'They talked.',
    ]);
  });
  it('never breaks inside a quotation, and keeps the closing mark with its sentence', () => {
    expect(sentencesOf('“We will win. We must,” he said. Then he left.')).toEqual([
      '“We will win. We must,” he said.',
      'Then he left.',
    ]);
    expect(sentencesOf('He wrote: "It is over. Go home." Nobody did.')).toEqual([
      'He wrote: "It is over. Go home."',
      'Nobody did.',
    ]);
  });
  it('reads typewriter quotation marks of two characters, ``…\'\' and \'\'…\'\'', () => {
    expect(sentencesOf("She took it in stride. ''I felt tired. But not unsafe,'' she said. ``We won. Twice,'' he said. Then he left.")).toEqual([
      'She took it in stride.',
      "''I felt tired. But not unsafe,'' she said.",
      "``We won. Twice,'' he said.",
      'Then he left.',
    ]);
  });
  it('ends a sentence after U.S. only when a sentence starter follows', () => {
    expect(sentencesOf('He flew to the U.S. The trip was short.')).toHaveLength(2);
    expect(sentencesOf('The U.S. Senate voted.')).toHaveLength(1);
  });
});

describe('language', () => {
  it('accepts English and rejects other languages', () => {
    expect(detectLanguage('The president said on Monday that the talks with the rebels would go on.').english).toBe(true);
    expect(detectLanguage('Le président a déclaré lundi que les négociations avec les rebelles se poursuivraient sans délai.').english).toBe(false);
    expect(detectLanguage('Президент заявил в понедельник, что переговоры продолжатся в ближайшее время.').english).toBe(false);
  });
});

describe('front matter', () => {
  it('reads contract fields and reports unknown ones', () => {
    const fm = splitFrontMatter('---\nheadline: Talks\ndatePublished: 2025-04-17\nauthor:\n  - A. Writer\ncolour: red\n---\nBody text.\n');
    expect(fm.metadata).toEqual({ headline: 'Talks', datePublished: '2025-04-17', author: [{ name: 'A. Writer' }] });
    expect(fm.ignored).toEqual(['colour']);
    expect(fm.body).toBe('Body text.\n');
  });
  it('fails with the cause on broken YAML or an unclosed block', () => {
    expect(() => splitFrontMatter('---\nheadline: [oops\n---\nText')).toThrow(/not valid YAML/);
    expect(() => splitFrontMatter('---\nheadline: x\nText without end')).toThrow(/never closed/);
  });
});

describe('normalizeArticle', () => {
  const body = 'The minister said on Friday that the bridge would reopen. It has been closed for a month.\n';
  it('derives the id from the normalized text, so formatting noise does not change it', () => {
    const a = normalizeArticle(enc(body), 'a.txt').article;
    const b = normalizeArticle(enc(`  ${body.replace(/ /g, '  ')}\r\n\r\n`), 'b.txt').article;
    expect(a.article_id).toBe(b.article_id);
    expect(a.article_id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.sha256.startsWith(a.article_id)).toBe(true);
    expect(a.input_sha256).not.toBe(b.input_sha256);
    expect(a.sentences).toHaveLength(2);
    expect(a.word_count).toBe(17);
  });
  it('takes a short first line set off by a blank line as a plain-text article\'s headline, and keeps it in the text', () => {
    const titled = normalizeArticle(enc(`Bridge to reopen after a month\n\n${body}`), 't.txt').article;
    expect(titled.metadata.headline).toBe('Bridge to reopen after a month');
    expect(titled.text.startsWith('Bridge to reopen after a month\n')).toBe(true);
    // a sentence, a dateline, a byline, a lone paragraph: no headline
    for (const text of [`The bridge will reopen.\n\n${body}`, `LONDON (Reuters) - Bridge news\n\n${body}`, `By Jane Smith\n\n${body}`, 'Bridge to reopen after a month']) {
      expect(normalizeArticle(enc(text), 'u.txt').article.metadata.headline).toBeUndefined();
    }
  });
  it('gives code-point offsets when the text has characters outside the BMP', () => {
    const text = 'Fans cheered 🎉 loudly in the stadium. The team won the cup.';
    const a = normalizeArticle(enc(text), 'emoji.txt').article;
    const second = a.sentences[1];
    expect(codePointSlice(a.text, second.start, second.end)).toBe('The team won the cup.');
    expect(second.start).toBe(text.indexOf('The team') - 1);
  });
  it('rejects empty, non-UTF-8, non-English and badly dated input with the cause', () => {
    expect(() => normalizeArticle(new Uint8Array(), 'e.txt')).toThrow('empty article');
    expect(() => normalizeArticle(Uint8Array.from([0x41, 0x42, 0xff, 0x43]), 'b.txt')).toThrow(/not valid UTF-8 \(first bad byte at offset 2\)/);
    expect(() => normalizeArticle(enc('Die Regierung hat am Montag beschlossen, dass die Steuern nicht erhöht werden und die Verhandlungen mit den Gewerkschaften in der nächsten Woche weitergehen.'), 'de.txt')).toThrow(/not look like English/);
    expect(() => normalizeArticle(enc(`---\ndatePublished: last Tuesday\n---\n${body}`), 'd.md')).toThrow(/datePublished "last Tuesday" is not an ISO 8601 date/);
    expect(() => normalizeArticle(enc('   \n\n  '), 'w.txt')).toThrow(/empty article/);
  });
});

describe('OffsetMap', () => {
  it('maps UTF-16 offsets to code points and back', () => {
    const text = 'a😀b𝒳c';
    const map = new OffsetMap(text);
    expect(map.identity).toBe(false);
    expect(map.codePoint(text.indexOf('b'))).toBe(2);
    expect(map.codePoint(text.indexOf('c'))).toBe(4);
    expect(map.utf16(4)).toBe(text.indexOf('c'));
    expect(map.span({ start: 1, end: 3 })).toEqual({ start: 1, end: 2 });
  });

  it('cuts every code-point slice of a text as the plain definition does, past its end too', () => {
    for (const text of ['a😀b𝒳c', 'plain text', '😀', '']) {
      const slice = codePointSlicer(text);
      const n = Array.from(text).length;
      for (let start = 0; start <= n + 2; start++) {
        for (let end = start; end <= n + 2; end++) expect(slice(start, end), `${text} [${start}, ${end})`).toBe(codePointSlice(text, start, end));
      }
    }
  });
});

describe('abbreviations shared by the sentence splitter and the tokenizer', () => {
  it('keeps each title abbreviation one token and inside its sentence before a name', () => {
    for (const abbr of TITLE_ABBREVIATIONS) {
      if (abbr === 'no' || abbr === 'nos' || abbr === 'v') continue; // decided by what follows (tokenize.ts)
      const word = abbr[0].toUpperCase() + abbr.slice(1);
      const text = `They met ${word}. Smith in town.`;
      expect(sentenceSpans(text, [{ start: 0, end: text.length }]), word).toHaveLength(1);
      expect(tokenizeSpan(text, { start: 0, end: text.length }).map((t) => t.text), word).toContain(`${word}.`);
    }
  });

  it('keeps each inline abbreviation one token', () => {
    for (const abbr of INLINE_ABBREVIATIONS) {
      if (abbr.includes('.')) continue;
      const text = `See the ${abbr}. list here.`;
      expect(sentenceSpans(text, [{ start: 0, end: text.length }]), abbr).toHaveLength(1);
      expect(tokenizeSpan(text, { start: 0, end: text.length }).map((t) => t.text), abbr).toContain(`${abbr}.`);
    }
  });
});
