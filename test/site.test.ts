/**
 * The static site's renderer without a browser: escaping, nesting of overlapping spans, code-point
 * offsets, the page's structure and policy, the corpus aggregates, and the stage's files.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ArticleFacts, NormalizedArticle } from '../pipeline/records.ts';
import { renderArticlePage } from '../pipeline/site/article.ts';
import { html, jsonForScript, safeHttpUrl } from '../pipeline/site/html.ts';
import { formatCount, readableDate, shorten } from '../pipeline/site/labels.ts';
import { factMarks } from '../pipeline/site/marks.ts';
import { renderAnnotatedText, type Mark } from '../pipeline/site/spans.ts';
import { runSite } from '../pipeline/site/stage.ts';
import { CorpusSummary, Leaders } from '../pipeline/site/summary.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** A mark with just an id, for structure tests. */
const mark = (start: number, end: number, id: string, rank = 0): Mark => ({ start, end, rank, id, attrs: { class: id } });

/** Code-point offsets of the first occurrence of `part` in `text`. */
function cpSpan(text: string, part: string): { start: number; end: number } {
  const start = Array.from(text.slice(0, text.indexOf(part))).length;
  return { start, end: start + Array.from(part).length };
}

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const hostile = '"><script>alert(1)</script>&\'';
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;</p>',
    );
  });

  it('keeps nested markup as it is and joins lists; leaves out absent values', () => {
    const items = ['a<b', 'c'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}${undefined}${false}${null}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('writes JSON for a script element that no string can close, and that parses back the same', () => {
    const value = { headline: '</script><script>alert(1)</script><!-- & \u2028' };
    const json = jsonForScript(value).value;
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('links only http(s) URLs', () => {
    expect(safeHttpUrl('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<script>')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});

describe('renderAnnotatedText', () => {
  it('nests a mention inside a quote', () => {
    const text = 'He said “Putin left.”';
    const quote = cpSpan(text, 'Putin left.');
    const putin = cpSpan(text, 'Putin');
    const out = renderAnnotatedText(text, [], [mark(putin.start, putin.end, 'm', 2), mark(quote.start, quote.end, 'q', 0)]).value;
    expect(out).toBe('<p>He said “<span id="q" class="q"><span id="m" class="m">Putin</span> left.</span>”</p>\n');
  });

  it('puts the lower rank outside when two marks cover the same words', () => {
    const out = renderAnnotatedText('498 days', [], [mark(0, 8, 'quantity', 4), mark(0, 8, 'date', 3)]).value;
    expect(out).toBe('<p><span id="date" class="date"><span id="quantity" class="quantity">498 days</span></span></p>\n');
  });

  it('splits a mark that crosses another into properly nested pieces; only the first keeps the id', () => {
    const out = renderAnnotatedText('abcdefghij', [], [mark(0, 5, 'a'), mark(3, 8, 'b')]).value;
    expect(out).toBe('<p><span id="a" class="a">abc<span id="b" class="b">de</span></span><span class="b">fgh</span>ij</p>\n');
  });

  it('converts code-point offsets to UTF-16: astral characters before and inside marks', () => {
    const text = '🎉🎉 Putin met 👋 Trump 𝒳.';
    const putin = cpSpan(text, 'Putin');
    const trump = cpSpan(text, 'Trump');
    expect(putin).toEqual({ start: 3, end: 8 });
    const wave = cpSpan(text, '👋 Trump 𝒳');
    const out = renderAnnotatedText(text, [], [mark(putin.start, putin.end, 'p'), mark(trump.start, trump.end, 't', 1), mark(wave.start, wave.end, 'w'), mark(0, 1, 'e')]).value;
    expect(out).toBe('<p><span id="e" class="e">🎉</span>🎉 <span id="p" class="p">Putin</span> met <span id="w" class="w">👋 <span id="t" class="t">Trump</span> 𝒳</span>.</p>\n');
  });

  it('renders paragraphs as <p> and splits a mark at a paragraph break', () => {
    const out = renderAnnotatedText('one two\nthree four', [{ start: 0, end: 7 }, { start: 8, end: 18 }], [mark(4, 13, 'x')]).value;
    expect(out).toBe('<p>one <span id="x" class="x">two</span></p>\n<p><span class="x">three</span> four</p>\n');
  });

  it('escapes the text around and inside marks', () => {
    const out = renderAnnotatedText('<b>Tom & "Jerry"</b>', [], [mark(3, 6, 'm')]).value;
    expect(out).toBe('<p>&lt;b&gt;<span id="m" class="m">Tom</span> &amp; &quot;Jerry&quot;&lt;/b&gt;</p>\n');
  });

  it('refuses a mark outside the text and skips an empty one', () => {
    expect(() => renderAnnotatedText('short', [], [mark(2, 9, 'x')])).toThrow(/outside the text/);
    expect(renderAnnotatedText('short', [], [mark(2, 2, 'x')]).value).toBe('<p>short</p>\n');
  });
});

/** A small hand-made article whose text and metadata try to inject markup and script. */
function hostileArticle(): { article: NormalizedArticle; facts: ArticleFacts; newsArticle: Record<string, unknown> } {
  const text = '😀 <img src=x onerror=alert(1)> Mr. O\'Brien said “</script><script>alert(2)</script> is fine,” on 3 May 2025.\nEvil "Corp" & co. agreed.';
  const obrien = cpSpan(text, 'O\'Brien');
  const quote = cpSpan(text, '</script><script>alert(2)</script> is fine,');
  const corp = cpSpan(text, 'Evil "Corp"');
  const date = cpSpan(text, '3 May 2025');
  const firstLine = Array.from(text.split('\n')[0]).length;
  const article: NormalizedArticle = {
    article_id: '0123456789abcdef', source: 'evil<script>.md', sha256: 'a'.repeat(64), input_sha256: 'b'.repeat(64), language: 'en', word_count: 17,
    metadata: { headline: '</title><script>alert(3)</script>', url: 'javascript:alert(4)' as string, author: [{ name: '<i>Eve</i>', url: 'https://example.org/eve' }] },
    text,
    paragraphs: [{ start: 0, end: firstLine }, { start: firstLine + 1, end: Array.from(text).length }],
    sentences: [],
  };
  const facts: ArticleFacts = {
    article_id: article.article_id, source: article.source,
    entities: [
      { id: 'E1', type: 'Person', name: 'O\'Brien <b>', aliases: ['<O\'B>'], mentions: [{ ...obrien, text: 'O\'Brien', kind: 'name' }] },
      { id: 'E2', type: 'Organization', name: 'Evil "Corp"', aliases: [], mentions: [{ ...corp, text: 'Evil "Corp"', kind: 'name' }] },
    ],
    dates: [{ id: 'T1', ...date, text: '3 May 2025', type: 'DATE', value: '2025-05-03' }],
    quantities: [],
    quotes: [{ id: 'QT1', ...quote, text: '</script><script>alert(2)</script> is fine,', direct: true, speaker: { ...obrien, text: 'O\'Brien', entity_id: 'E1' }, addressee_entity_id: 'E2' }],
    relations: [{ id: 'R1', ...obrien, text: 'O\'Brien', subject_entity_id: 'E1', predicate: 'jobTitle', object_value: '<script>chief</script>' }],
    events: [],
  };
  const newsArticle = { '@context': { '@vocab': 'https://schema.org/' }, '@type': 'NewsArticle', headline: article.metadata.headline, articleBody: text };
  return { article, facts, newsArticle };
}

describe('renderArticlePage', () => {
  const input = hostileArticle();
  const page = renderArticlePage(input);
  const { document } = parseHTML(page);

  it('lets no input text become markup', () => {
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(document.querySelectorAll('i, b')).toHaveLength(0);
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/ld+json', null]);
    expect(scripts[1].textContent).not.toContain('alert');
    expect(document.querySelector('title')!.textContent).toBe('</title><script>alert(3)</script> · news-facts');
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
    expect(document.querySelector('a[href="https://example.org/eve"]')!.textContent).toBe('<i>Eve</i>');
  });

  it('shows the article text exactly, paragraph by paragraph, with each fact around its own words', () => {
    const paragraphs = [...document.querySelectorAll('#article-text p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(input.article.text.split('\n'));
    const mention = document.querySelector('[data-mark="E1-1"]')!;
    expect(mention.textContent).toBe('O\'Brien');
    expect(mention.getAttribute('title')).toBe('O\'Brien <b> (E1) · Person · name');
    expect(mention.getAttribute('class')).toBe('hl hl-mention hl-person hl-name');
    expect(document.getElementById('t-QT1')!.textContent).toBe(input.facts.quotes[0].text);
    expect(document.getElementById('t-T1')!.textContent).toBe('3 May 2025');
  });

  it('embeds the NewsArticle record as JSON-LD, unchanged', () => {
    const ld = document.querySelector('script[type="application/ld+json"]')!;
    expect(JSON.parse(ld.textContent!)).toEqual(input.newsArticle);
  });

  it('allows exactly its own inline script and style by hash, and nothing from elsewhere', () => {
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const script = document.querySelector('script:not([type])')!.textContent!;
    const style = document.querySelector('style')!.textContent!;
    expect(csp).toBe(`default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; base-uri 'none'; form-action 'none'`);
  });

  it('lists quotes with speaker and addressee as entity buttons, and relations under their subject', () => {
    const quote = document.querySelector('ul.quotes-direct li[data-quote="QT1"]')!;
    expect(quote.querySelector('blockquote')!.textContent).toBe(`“${input.facts.quotes[0].text}”`);
    expect(quote.querySelector('.speaker button')!.getAttribute('data-entity')).toBe('E1');
    expect(quote.querySelector('.addressee button')!.textContent).toBe('Evil "Corp"');
    const entity = document.querySelector('#entities button[data-entity="E1"]')!.closest('li')!;
    expect(entity.textContent).toContain('job title: <script>chief</script>');
    expect(entity.textContent).toContain('also: “<O\'B>”');
  });

  it('has landmarks, one h1, and buttons for everything clickable', () => {
    for (const sel of ['header', 'nav', 'main', 'aside', 'footer']) expect(document.querySelectorAll(sel).length, sel).toBeGreaterThan(0);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    for (const b of document.querySelectorAll('button')) expect(b.getAttribute('type')).toBe('button');
  });
});

describe('factMarks', () => {
  it('gives every mention, date, quantity, quote and event trigger a mark with its kind', () => {
    const { facts } = hostileArticle();
    const classes = factMarks(facts).map((m) => m.attrs.class);
    expect(classes).toEqual(['hl hl-quote', 'hl hl-mention hl-person hl-name', 'hl hl-mention hl-org hl-name', 'hl hl-date']);
  });
});

describe('labels', () => {
  it('reads TimeML values as words', () => {
    expect(readableDate('2023-10-07')).toBe('7 October 2023');
    expect(readableDate('2025-02', 'START')).toBe('early February 2025');
    expect(readableDate('2025')).toBe('2025');
    expect(readableDate('2025-04-16TMO')).toBe('16 April 2025 morning');
    expect(readableDate('199X', 'END')).toBe('late 1990s');
    expect(readableDate('P498D')).toBe('498 days');
    expect(readableDate('PXY')).toBe('some years');
    expect(readableDate('PAST_REF')).toBe('the past');
    expect(readableDate('2025-W07')).toBe('2025-W07');
    expect(readableDate('2025-13')).toBe('2025-13');
  });

  it('shortens by code points, at a word, and formats counts without locale data', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('one two three four five', 16)).toBe('one two three…');
    expect(shorten('😀'.repeat(10), 4)).toBe('😀😀😀…');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
  });
});

describe('CorpusSummary', () => {
  it('Leaders keeps the first n in order, whatever order they come in', () => {
    const top = new Leaders<number>(3, (a, b) => a - b);
    for (const n of [5, 1, 9, 3, 7, 2, 8]) top.add(n);
    expect(top.list).toEqual([1, 2, 3]);
  });

  it('keeps the most mentioned entities per type (bounded) and only their articles', () => {
    const s = new CorpusSummary();
    for (let i = 0; i < 30; i++) {
      s.addCorpusEntity({ corpus_entity_id: `C${i}`, type: 'Person', name: `P${i}`, aliases: i === 29 ? 'Pee|P' : '', article_count: String(1 + (i % 3)), mention_count: String(i) });
    }
    s.addCorpusEntity({ corpus_entity_id: 'CX', type: 'Place', name: 'X', aliases: '', article_count: '1', mention_count: '1' });
    const people = s.topEntities('Person');
    expect(people).toHaveLength(10);
    expect(people.slice(0, 3).map((e) => e.corpus_entity_id)).toEqual(['C29', 'C26', 'C23']); // 3 articles each, most mentions first
    expect(people[0].aliases).toEqual(['Pee', 'P']);
    expect(s.types.get('Person')!.corpus).toBe(30);
    for (let a = 0; a < 8; a++) s.addEntityRow({ article_id: `a${a}`, corpus_entity_id: 'C29', mention_count: String(a) });
    s.addEntityRow({ article_id: 'a0', corpus_entity_id: 'C0', mention_count: '5' }); // not a top entity
    expect(s.articlesOf('C29')).toEqual(['a7', 'a6', 'a5', 'a4', 'a3']);
    expect(s.articlesOf('C0')).toEqual([]);
  });

  it('counts facts by kind and type, and dated events by month', () => {
    const { article, facts } = hostileArticle();
    const s = new CorpusSummary();
    s.addArticle(article, { ...facts, events: [{ id: 'V1', start: 0, end: 2, text: '😀 ', type: 'Meeting', trigger: { start: 0, end: 1, text: '😀' }, date_value: '2025-05-03', participants: [{ entity_id: 'E1', role: 'host' }] }] }, 'H');
    expect(s.totals).toMatchObject({ words: 17, entities: 2, mentions: 2, dates: 1, quotes: 1, reported: 0, relations: 1, events: 1 });
    expect(s.types.get('Organization')).toEqual({ corpus: 0, entities: 1, mentions: 1 });
    expect(s.periods.get('2025-05')!.first.list[0]).toMatchObject({ event_id: 'V1', participants: ['O\'Brien <b>'] });
  });
});

/** Every file under dir except site/ (relative path → bytes). */
function datasetFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (relative(dir, p) !== 'site') visit(p);
      } else files.set(relative(dir, p), readFileSync(p));
    }
  };
  visit(dir);
  return files;
}

describe('runSite', () => {
  it('writes a page per exported article and the index, byte-identical when run again, touching nothing else', async () => {
    const out = mkdtempSync(join(tmpdir(), 'news-facts-site-'));
    cpSync(join(ROOT, 'out'), out, { recursive: true, filter: (src) => !src.includes('/.') && !src.endsWith('/site') });
    const before = datasetFiles(out);
    const ids = readdirSync(join(out, 'newsarticle')).map((n) => n.replace('.jsonld', ''));
    const first = await runSite(out);
    expect(first.failures).toEqual([]);
    const pages = readdirSync(join(out, 'site')).sort();
    expect(pages).toEqual(['index.html', ...ids.map((id) => `${id}.html`)].sort());
    const bytes = pages.map((p) => readFileSync(join(out, 'site', p)));

    writeFileSync(join(out, 'site/0000000000000000.html'), 'a page of an article no longer in the dataset');
    writeFileSync(join(out, 'site/notes.html'), 'not a page this stage writes');
    const second = await runSite(out);
    expect([second.written, second.unchanged]).toEqual([0, pages.length]);
    expect(existsSync(join(out, 'site/0000000000000000.html'))).toBe(false);
    expect(existsSync(join(out, 'site/notes.html'))).toBe(true);
    pages.forEach((p, i) => expect(readFileSync(join(out, 'site', p)).equals(bytes[i]), p).toBe(true));

    const after = datasetFiles(out);
    before.forEach((b, k) => expect(after.get(k)?.equals(b), k).toBe(true));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('fails with a message when the dataset has not been exported', async () => {
    const out = mkdtempSync(join(tmpdir(), 'news-facts-site-empty-'));
    const report = await runSite(out);
    expect(report.failures).toEqual([{ source: join(out, 'csv/corpus_entities.csv'), stage: 'site', message: 'no exported dataset: run the export stage first' }]);
    expect(existsSync(join(out, 'site'))).toBe(false);
  });
});
