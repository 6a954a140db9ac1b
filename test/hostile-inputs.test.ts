/**
 * Hostile and broken inputs (issue 8): each is refused with a message naming the file (and line,
 * where there is one) and the cause, or goes through with a warning; the other articles of the
 * corpus go on. Runs the normalize stage in-process on temporary folders.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../pipeline/normalize/encoding.ts';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { runNormalize, type InputOptions } from '../pipeline/normalize/stage.ts';
import type { NormalizedArticle } from '../pipeline/records.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'news-facts-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let folders = 0;

const STORY =
  'The minister said on Friday that the bridge over the river would reopen next month after two years of repairs.\n' +
  'Engineers replaced the cables and the deck, and the council said tolls would stay the same.\n';

/** Writes the files into a new input folder and normalizes it into a new output folder. */
async function normalizeFiles(files: Record<string, string | Uint8Array>, options: InputOptions = {}) {
  const dir = join(tmp, `case-${++folders}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, 'in', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'in', name), content);
  }
  const out = join(dir, 'out');
  const report = await runNormalize([join(dir, 'in')], out, options);
  const articles = existsSync(join(out, 'normalized'))
    ? readdirSync(join(out, 'normalized')).map((f) => JSON.parse(readFileSync(join(out, 'normalized', f), 'utf8')) as NormalizedArticle)
    : [];
  const failure = (name: string): string | undefined =>
    report.failures.find((f) => f.source === join(dir, 'in', name) || f.source.startsWith(`${join(dir, 'in', name)}:`))?.message;
  const where = (name: string): string[] => report.failures.filter((f) => f.source.startsWith(join(dir, 'in', name))).map((f) => f.source.slice(join(dir, 'in').length + 1));
  return { dir, out, report, articles, sources: articles.map((a) => a.source).sort(), failure, where };
}

describe('input folders', () => {
  it('with a symbolic link loop and a dangling link: walked once, the articles found', async () => {
    const dir = join(tmp, 'links');
    mkdirSync(join(dir, 'in/sub'), { recursive: true });
    writeFileSync(join(dir, 'in/sub/good.txt'), STORY);
    symlinkSync('..', join(dir, 'in/sub/loop'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'in/gone.txt'));
    const report = await runNormalize([join(dir, 'in')], join(dir, 'out'));
    expect(report.failures).toEqual([]);
    expect(readdirSync(join(dir, 'out/normalized'))).toHaveLength(1);
  });
});

describe('empty or whitespace-only files', () => {
  it('fail with "empty article" naming the file; the good article goes on', async () => {
    const r = await normalizeFiles({ 'good.txt': STORY, 'empty.txt': '', 'blank.txt': ' \n\t\r\n  \u00a0\n', 'only-front-matter.md': '---\nheadline: Nothing here\n---\n\n' });
    expect(r.failure('empty.txt')).toBe('empty article (the file has no bytes)');
    expect(r.failure('blank.txt')).toBe('empty article (only whitespace or metadata)');
    expect(r.failure('only-front-matter.md')).toBe('empty article (only whitespace or metadata)');
    expect(r.sources).toEqual(['good.txt']);
  });
});

describe('binary files', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  it('are refused as binary (NUL bytes), never read as text', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STORY, 'utf16le')]);
    const r = await normalizeFiles({
      'good.txt': STORY,
      'image.txt': png,
      'nul-in-text.txt': `${STORY}\u0000\u0000${STORY}`,
      'utf16.txt': utf16,
      'page.html': png,
      'records.ndjson': Buffer.concat([Buffer.from(png), Buffer.from('\n{"text": "x"}\n')]),
      'nul-record.ndjson': `${JSON.stringify({ text: `${STORY}\u0000` })}\n`,
    });
    expect(r.failure('image.txt')).toBe('binary data, not text (NUL byte at offset 8)');
    expect(r.failure('nul-in-text.txt')).toBe(`binary data, not text (NUL byte at offset ${Buffer.byteLength(STORY)})`);
    expect(r.failure('utf16.txt')).toMatch(/^UTF-16 text, not UTF-8/);
    expect(r.failure('page.html')).toBe('binary data, not text (NUL byte at offset 8)');
    // a binary NDJSON file is one error for the file, not one per line
    expect(r.where('records.ndjson')).toEqual(['records.ndjson']);
    expect(r.where('nul-record.ndjson')).toEqual(['nul-record.ndjson:1']);
    expect(r.failure('nul-record.ndjson')).toMatch(/^binary data, not text: field "text" has a NUL character at offset \d+$/);
    expect(r.sources).toEqual(['good.txt']);
  });
});

describe('invalid UTF-8', () => {
  // Latin-1 (Windows-1252) bytes as in ../shared/data/bbc/sport/199.txt: £ is 0xa3, curly quotes 0x93/0x94
  const latin1 = Buffer.concat([
    Buffer.from('Chelsea have sacked the striker, a '),
    Buffer.from([0xa3]),
    Buffer.from('15.8m signing, after he failed a drugs test. A statement read: '),
    Buffer.from([0x93]),
    Buffer.from('We want to make clear that the club has a zero tolerance policy towards drugs.'),
    Buffer.from([0x94, 0x0a]),
  ]);
  const offset = latin1.indexOf(0xa3);

  it('fails with the byte offset of the first bad byte, and says how to read Latin-1', async () => {
    const r = await normalizeFiles({ 'good.txt': STORY, 'latin1.txt': latin1 });
    expect(r.failure('latin1.txt')).toBe(`not valid UTF-8 (first bad byte at offset ${offset}); for a Latin-1 file use --encoding latin1 or auto`);
    expect(r.sources).toEqual(['good.txt']);
  });

  it('reads Latin-1 with --encoding latin1 (Windows-1252 quotes included), and with auto after a warning', async () => {
    const latin = await normalizeFiles({ 'latin1.txt': latin1, 'good.txt': STORY }, { encoding: 'latin1' });
    const text = latin.articles.find((a) => a.source === 'latin1.txt')!.text;
    expect(text).toContain('a £15.8m signing');
    expect(text).toContain('read: “We want to make clear');
    const auto = await normalizeFiles({ 'latin1.txt': latin1, 'good.txt': STORY }, { encoding: 'auto' });
    expect(auto.articles.find((a) => a.source === 'latin1.txt')!.text).toBe(text);
    expect(auto.report.warnings).toContain(`${join(auto.dir, 'in/latin1.txt')}: not valid UTF-8 (first bad byte at offset ${offset}); read as Latin-1 (Windows-1252)`);
    // auto leaves valid UTF-8 alone
    expect(auto.articles.find((a) => a.source === 'good.txt')!.text).toBe(STORY.trim());
  });

  const bbc199 = join(ROOT, '../shared/data/bbc/sport/199.txt');
  it.skipIf(!existsSync(bbc199))('reads the BBC corpus file sport/199.txt with --encoding latin1', () => {
    expect(() => normalizeArticle(readFileSync(bbc199), '199.txt')).toThrow(/^not valid UTF-8 \(first bad byte at offset \d+\)/);
    expect(normalizeArticle(readFileSync(bbc199), '199.txt', { encoding: 'latin1' }).article.text).toContain('a £15.8m signing from Parma');
  });

  it('finds the first bad byte exactly where a strict decoder fails (random bytes)', async () => {
    const utf8ish = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xc0, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0x80, 0xbf, 0xa0, 0x90)), { maxLength: 12 });
    fc.assert(
      fc.property(utf8ish, (list) => {
        const bytes = Uint8Array.from(list);
        const bad = firstInvalidUtf8(bytes);
        const decodes = (b: Uint8Array): boolean => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(b);
            return true;
          } catch {
            return false;
          }
        };
        expect(bad === -1).toBe(decodes(bytes));
        if (bad >= 0) {
          expect(decodes(bytes.subarray(0, bad))).toBe(true);
          expect(decodes(bytes.subarray(0, bad + 4))).toBe(false);
        }
      }),
      { seed: 8, numRuns: 3000 },
    );
  });
});

describe('text that is not English', () => {
  const FRENCH =
    'Le gouvernement français a annoncé lundi de nouvelles mesures pour soutenir les agriculteurs touchés par la sécheresse. ' +
    'Le ministre a déclaré que les aides seraient versées avant la fin du mois.\n';
  const RUSSIAN = 'Президент заявил в понедельник, что переговоры продолжатся в ближайшее время, а правительство подготовит новые предложения.\n';
  const LINEUP =
    'Chelsea: Cech, Ferreira, Terry, Gallas, Bridge, Tiago, Makelele, Lampard, Duff, Robben, Drogba.\nSubs: Cudicini, Johnson, Geremi, Kezman, Gudjohnsen.\n' +
    'Arsenal: Lehmann, Lauren, Campbell, Toure, Cole, Ljungberg, Vieira, Fabregas, Pires, Henry, Reyes.\nSubs: Almunia, Senderos, Flamini, Van Persie, Bergkamp.\n';
  const TABLE = 'Team P W D L Pts\nArsenal 20 14 4 2 46\nChelsea 20 15 4 1 49\nEverton 20 12 3 5 39\nMan Utd 20 11 6 3 39\n';

  it('fails with the language franc detects when it is confident', async () => {
    const r = await normalizeFiles({ 'fr.txt': FRENCH, 'ru.txt': RUSSIAN, 'good.txt': STORY });
    expect(r.failure('fr.txt')).toMatch(/^text does not look like English: franc detects French \(ISO 639-3 fra\), and English function words are \d+% of words; only English is supported$/);
    expect(r.failure('ru.txt')).toMatch(/^text does not look like English: franc detects Russian \(ISO 639-3 rus\)/);
    expect(r.sources).toEqual(['good.txt']);
  });

  it('lets short texts and lists of names through with a warning', async () => {
    const r = await normalizeFiles({ 'short.txt': 'Bonjour tout le monde, merci.\n', 'lineup.txt': LINEUP, 'table.txt': TABLE });
    expect(r.report.failures).toEqual([]);
    expect(r.sources).toEqual(['lineup.txt', 'short.txt', 'table.txt']);
    const warning = (name: string): string | undefined => r.report.warnings.find((w) => w.startsWith(join(r.dir, 'in', name)));
    expect(warning('short.txt')).toMatch(/text may not be English \(franc's guess: French \(ISO 639-3 fra\); too short to tell the language\); kept$/);
    expect(warning('lineup.txt')).toMatch(/text may not be English \(.*; reads as a list of names or a table\); kept$/);
  });
});

describe('articles over --max-bytes', () => {
  it('a 50 MB article fails with the limit named; the others go on', async () => {
    const dir = join(tmp, 'big');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.txt'), STORY);
    writeFileSync(join(dir, 'big.txt'), Buffer.alloc(50 * 1024 * 1024, 'All work and no play makes Jack a dull boy. '));
    const report = await runNormalize([dir], join(dir, '.out'));
    expect(report.failures).toEqual([
      {
        source: join(dir, 'big.txt'),
        stage: 'normalize',
        message: 'the article is 52428800 bytes (50 MiB), over the --max-bytes limit of 10485760 bytes (10 MiB); raise --max-bytes to read it',
      },
    ]);
    expect(report.written).toBe(1);
    expect((await runNormalize([join(dir, 'good.txt')], join(dir, '.out2'), { maxBytes: 100 })).failures[0].message).toMatch(/^the article is \d+ bytes, over the --max-bytes limit of 100 bytes/);
  });

  it('never reads a file over the limit: an 8 GB (sparse) article is refused at once', async () => {
    const path = join(tmp, 'huge.txt');
    writeFileSync(path, '');
    truncateSync(path, 8 * 1024 ** 3);
    const started = Date.now();
    expect((await runNormalize([path], join(tmp, 'huge-out'))).failures[0].message).toMatch(/^the article is 8589934592 bytes/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('an NDJSON line over the limit fails as file:line, streamed past in bounded memory (1 GB line, peak RSS measured)', async () => {
    const path = join(tmp, 'huge.ndjson');
    // a sparse 1 GB first line, then a good record (spaces first: NUL bytes in the first block make the file binary)
    writeFileSync(path, Buffer.alloc(2 * 1024 * 1024, ' '));
    truncateSync(path, 1024 ** 3);
    writeFileSync(path, `\n${JSON.stringify({ id: 'after', text: STORY })}\n`, { flag: 'a' });
    const script = join(tmp, 'measure.mts');
    writeFileSync(
      script,
      `import { runNormalize } from ${JSON.stringify(join(ROOT, 'pipeline/normalize/stage.ts'))};
const report = await runNormalize([${JSON.stringify(path)}], ${JSON.stringify(join(tmp, 'huge-nd-out'))});
console.log(JSON.stringify({ failures: report.failures, written: report.written, maxRssMb: process.resourceUsage().maxRSS / 1024 }));`,
    );
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [script], { encoding: 'utf8' });
    const result = JSON.parse(r.stdout) as { failures: { source: string; message: string }[]; written: number; maxRssMb: number };
    expect(result.failures).toEqual([
      { source: `${path}:1`, stage: 'normalize', message: 'the line is 1073741824 bytes (1024 MiB), over the --max-bytes limit of 10485760 bytes (10 MiB); raise --max-bytes to read it' },
    ]);
    expect(result.written).toBe(1);
    // node and tsx alone take ~100 MB; reading the line would take over a gigabyte
    expect(result.maxRssMb).toBeLessThan(400);
  }, 60_000);
});

describe('malformed front matter, NDJSON lines and HTML that is not an article', () => {
  it('fail with file:line and the cause; the rest goes on', async () => {
    const r = await normalizeFiles({
      'good.md': `---\nheadline: Bridge reopens\n---\n${STORY}`,
      'bad-yaml.md': `---\nheadline: Talks\nauthor: [unclosed\ndatePublished: 2025-01-01\n---\n${STORY}`,
      'unclosed.md': `---\nheadline: Talks\n${STORY}`,
      'bad-field.md': `---\nheadline: Talks\n\ndatePublished: last Tuesday\n---\n${STORY}`,
      'aliases.md': `---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n${STORY}`,
      'corpus.ndjson': [
        JSON.stringify({ id: 'one', text: STORY }),
        '{"id": "two", "text": "unterminated',
        '',
        '[1, 2, 3]',
        JSON.stringify({ id: 'four', headline: 'no text' }),
        JSON.stringify({ id: 'five', text: STORY.replace('bridge', 'tunnel') }),
      ].join('\n'),
      'menu.html': '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><script>var x = 1;</script><footer>© Site</footer></body></html>',
      'tagged.md': `---\nheadline: !!js/function "function () { globalThis.__yamlRan = true }"\n---\n${STORY.replace('river', 'harbour')}`,
    });
    expect(r.where('bad-yaml.md')).toEqual(['bad-yaml.md:4']);
    expect(r.failure('bad-yaml.md')).toMatch(/^front matter is not valid YAML: /);
    expect(r.where('unclosed.md')).toEqual(['unclosed.md:1']);
    expect(r.failure('unclosed.md')).toBe('front matter opened with "---" is never closed');
    expect(r.where('bad-field.md')).toEqual(['bad-field.md:4']);
    expect(r.failure('bad-field.md')).toBe('front matter field datePublished "last Tuesday" is not an ISO 8601 date');
    expect(r.failure('aliases.md')).toMatch(/^front matter is not valid YAML: .*alias/i);
    expect(r.where('corpus.ndjson')).toEqual(['corpus.ndjson:2', 'corpus.ndjson:4', 'corpus.ndjson:5']);
    expect(r.report.failures.map((f) => f.message.split(':')[0])).toContain('not valid JSON');
    expect(r.failure('menu.html')).toBe('not an article: the HTML page has no text outside navigation, header, footer, asides and scripts');
    // a YAML tag is not code: the value stays a string and nothing runs
    expect(r.articles.find((a) => a.source === 'tagged.md')?.metadata.headline).toBe('function () { globalThis.__yamlRan = true }');
    expect((globalThis as { __yamlRan?: boolean }).__yamlRan).toBeUndefined();
    expect(r.sources).toEqual(['five', 'good.md', 'one', 'tagged.md']);
  });
});

describe('metadata trying paths or absurd values', () => {
  it('never names a file after input: ids and urls that look like paths stay labels or are refused', async () => {
    const r = await normalizeFiles({
      'corpus.ndjson': [
        JSON.stringify({ id: '../../etc/passwd', text: STORY }),
        JSON.stringify({ url: '../../etc/passwd', text: STORY.replace('river', 'canal') }),
        JSON.stringify({ id: 'x', url: 'file:///etc/passwd', text: STORY.replace('river', 'lake') }),
      ].join('\n'),
    });
    // the id is the article's source, a label; its files are named by the hash of its text
    expect(r.articles.map((a) => a.source)).toEqual(['../../etc/passwd']);
    expect(readdirSync(join(r.out, 'normalized'))).toEqual([`${r.articles[0].article_id}.json`]);
    expect(readdirSync(r.dir).sort()).toEqual(['in', 'out']);
    expect(readdirSync(r.out)).toEqual(['normalized']);
    expect(r.failure('corpus.ndjson')).toBe('NDJSON field url "../../etc/passwd" is not an absolute http(s) URL');
    expect(r.where('corpus.ndjson')).toEqual(['corpus.ndjson:2', 'corpus.ndjson:3']);
  });

  it('refuses absurd front matter and NDJSON values, naming file, line and field', async () => {
    const megabyte = 'x'.repeat(1024 * 1024);
    const r = await normalizeFiles({
      'year.md': `---\ndatePublished: 99999-01-01\n---\n${STORY}`,
      'far-year.md': `---\nheadline: Talks\ndatePublished: 9999-01-01\n---\n${STORY}`,
      'day.md': `---\ndateModified: 2025-02-30\n---\n${STORY}`,
      'link.md': `---\nheadline: Talks\nauthor:\n  - name: Jane Doe\n    url: javascript:alert(1)\n---\n${STORY}`,
      'escape.md': `---\npublisher: "\\e[2J\\e[31mowned"\n---\n${STORY}`,
      'records.ndjson': [JSON.stringify({ id: 'big', headline: megabyte, text: STORY }), JSON.stringify({ id: '\u001b[2Jx', text: STORY })].join('\n'),
    });
    expect(r.where('year.md')).toEqual(['year.md:2']);
    expect(r.failure('year.md')).toBe('front matter field datePublished "99999-01-01" is not an ISO 8601 date');
    expect(r.where('far-year.md')).toEqual(['far-year.md:3']);
    expect(r.failure('far-year.md')).toBe('front matter field datePublished "9999-01-01" has the year 9999, outside 1600–2199');
    expect(r.failure('day.md')).toBe('front matter field dateModified "2025-02-30" is not a calendar date and time');
    expect(r.where('link.md')).toEqual(['link.md:3']);
    expect(r.failure('link.md')).toBe('front matter field author url "javascript:alert(1)" is not an absolute http(s) URL');
    // control characters are refused, and quoted escaped so the message cannot drive the terminal
    expect(r.failure('escape.md')).toBe('front matter field publisher "\\u001b[2J\\u001b[31mowned" contains control characters or lone surrogates');
    expect(r.failure('records.ndjson')).toMatch(/^NDJSON field headline "x{60}…" is 1048576 characters long \(the most is 1000\)$/);
    expect(r.where('records.ndjson')).toEqual(['records.ndjson:1', 'records.ndjson:2']);
    expect(r.articles).toEqual([]);
  });

  it('drops unusable HTML metadata with a warning and keeps the page', async () => {
    const page = `<html><head><title>${'Long title '.repeat(200)}</title>
<meta property="og:url" content="javascript:alert(document.cookie)">
<meta property="article:published_time" content="99999-01-01T00:00:00Z">
<meta name="author" content="Jane\u0007 Doe"></head>
<body><article>${STORY.split('\n').filter(Boolean).map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const r = await normalizeFiles({ 'page.html': page });
    expect(r.report.failures).toEqual([]);
    const [article] = r.articles;
    expect(article.metadata).toEqual({});
    const warnings = r.report.warnings.join('\n');
    expect(warnings).toMatch(/html: headline "(Long title ){5}.*" is 2199 characters long \(the most is 1000\); dropped/);
    expect(warnings).toContain('html: author "Jane\\u0007 Doe" contains control characters or lone surrogates; dropped');
    expect(warnings).toMatch(/og:url "javascript:alert\(document.cookie\)" .*; dropped/);
  });
});

describe('a corpus run over all of them (command line)', () => {
  it('reports each bad input as error: file[:line]: cause, lists it in errors.csv, and exports the good articles', async () => {
    const dir = join(tmp, 'corpus-run');
    const files: Record<string, string | Uint8Array> = {
      'good.txt': STORY,
      'good.md': `---\nheadline: Tunnel opens\n---\n${STORY.replace(/bridge/g, 'tunnel')}`,
      'empty.txt': '',
      'binary.txt': Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
      'latin1.txt': Buffer.from('Caf\xe9 owners said the rent had doubled.\n', 'latin1'),
      'french.txt':
        'Le gouvernement français a annoncé lundi de nouvelles mesures pour soutenir les agriculteurs touchés par la sécheresse. ' +
        'Le ministre a déclaré que les aides seraient versées avant la fin du mois.\n',
      'big.txt': STORY.repeat(10),
      'broken.md': `---\nheadline: [unclosed\n---\n${STORY}`,
      'corpus.ndjson': `${JSON.stringify({ id: 'n1', text: STORY.replace(/river/g, 'canal') })}\n{"id": "n2", "text": \n`,
      'menu.html': '<html><body><nav><a href="/">Home</a></nav></body></html>',
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, 'in'), { recursive: true });
      writeFileSync(join(dir, 'in', name), content);
    }
    const out = join(dir, 'out');
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'pipeline/cli.ts'), 'run', join(dir, 'in'), '--out', out, '--max-bytes', '1K', '--jobs', '1', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: ')).map((l) => l.slice(`error: ${join(dir, 'in')}/`.length));
    expect(errors).toEqual([
      `big.txt: the article is ${Buffer.byteLength(STORY) * 10} bytes, over the --max-bytes limit of 1024 bytes; raise --max-bytes to read it [normalize]`,
      'binary.txt: binary data, not text (NUL byte at offset 7) [normalize]',
      'broken.md:2: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] [normalize]',
      expect.stringMatching(/^corpus\.ndjson:2: not valid JSON: .* \[normalize\]$/),
      'empty.txt: empty article (the file has no bytes) [normalize]',
      expect.stringMatching(/^french\.txt: text does not look like English: franc detects French \(ISO 639-3 fra\), .* \[normalize\]$/),
      'latin1.txt: not valid UTF-8 (first bad byte at offset 3); for a Latin-1 file use --encoding latin1 or auto [normalize]',
      'menu.html: not an article: the HTML page has no text outside navigation, header, footer, asides and scripts [normalize]',
    ]);
    expect(readFileSync(join(out, 'errors.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1 + errors.length);
    const articles = readFileSync(join(out, 'csv/articles.csv'), 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(',')[1]).sort();
    expect(articles).toEqual(['good.md', 'good.txt', 'n1']);
  }, 60_000);
});

describe('normalizing in worker threads', () => {
  it('writes the same files, failures and warnings in input order with one job or two, the first of two same texts kept', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 90; i++) files[`a${String(i).padStart(3, '0')}.txt`] = `${STORY}Story number ${i}.\n`;
    // the same text twice (the first in walk order wins: '-' sorts before '.'), an empty file, and NDJSON with a bad line
    files['a010-copy.txt'] = files['a010.txt'];
    files['a050.txt'] = '';
    files['z.ndjson'] = Array.from({ length: 80 }, (_, i) => (i === 7 ? '{not json' : JSON.stringify({ id: `line-${i}`, text: `${STORY}Line ${i}.` }))).join('\n');
    const runs = [];
    for (const jobs of [1, 2]) {
      const r = await normalizeFiles(files, { jobs });
      const folder = join(r.out, 'normalized');
      runs.push({
        files: Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), 'utf8')])),
        failures: r.report.failures.map((f) => [f.source.slice(r.dir.length), f.message]),
        warnings: r.report.warnings.map((w) => w.slice(r.dir.length)),
      });
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(Object.keys(runs[0].files)).toHaveLength(89 + 79);
    expect(runs[0].failures).toEqual([
      ['/in/a050.txt', 'empty article (the file has no bytes)'],
      [expect.stringMatching(/^\/in\/z\.ndjson:8$/), expect.stringMatching(/^not valid JSON/)],
    ]);
    expect(runs[0].warnings.filter((w) => w.includes('same text'))).toEqual(['/in/a010.txt: same text as a010-copy.txt; kept once, as a010-copy.txt']);
  }, 60_000);
});
