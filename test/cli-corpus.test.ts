/**
 * Corpus-scale behaviour of the CLI: NDJSON from files and stdin, worker threads, the cache that
 * skips unchanged articles, errors.csv, and sharded runs merged back into one dataset.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'pipeline/cli.ts');
const tmp = mkdtempSync(join(tmpdir(), 'news-facts-corpus-'));

function cli(args: string[], input?: string): { status: number; stderr: string } {
  const quiet = args[0] === 'run' ? ['--quiet'] : [];
  const r = spawnSync(TSX, [CLI, ...args, ...quiet], { cwd: ROOT, encoding: 'utf8', input });
  return { status: r.status ?? -1, stderr: r.stderr };
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) visit(p);
      else files.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  visit(dir);
  return files;
}

const STORIES = [
  ['The mayor of Lyon, Grégory Doucet, opened a bridge on Monday.', 'Thousands of people crossed it before noon, officials said.'],
  ['Shares in Siemens rose 4% in Frankfurt on Tuesday after the company raised its forecast.', '“We are confident,” said chief executive Roland Busch.'],
  ['Kenya’s president William Ruto travelled to Nairobi’s airport on Wednesday to meet the delegation.', 'The talks lasted five hours.'],
  ['Heavy rain flooded parts of Valencia in Spain on Thursday.', 'Emergency services said two people were missing.'],
  ['The European Central Bank left interest rates unchanged on Friday.', 'Its president, Christine Lagarde, said inflation was falling.'],
  ['Apple opened its largest store in India in Mumbai on Saturday.', 'Tim Cook, Apple’s chief executive, greeted the first customers.'],
];
const lines = STORIES.map(([a, b], i) =>
  JSON.stringify({ id: `story-${i + 1}`, text: `${a}\n${b}`, headline: a.slice(0, 40), datePublished: `2025-05-0${i + 1}` }),
);
const corpus = `${lines.slice(0, 3).join('\n')}\n{"text": "broken\n${lines.slice(3).join('\n')}\n{"headline": "no text"}\n`;

beforeAll(() => {
  mkdirSync(join(tmp, 'in'));
  writeFileSync(join(tmp, 'in/corpus.ndjson'), corpus);
});

describe('NDJSON input', () => {
  it('reads one article per line, reports a bad line as file:line and goes on', () => {
    const out = join(tmp, 'nd');
    const r = cli(['run', join(tmp, 'in/corpus.ndjson'), '--out', out, '--jobs', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(tmp, 'in/corpus.ndjson')}:4: not valid JSON`);
    expect(r.stderr).toContain(`${join(tmp, 'in/corpus.ndjson')}:8: no "text" string field`);
    const articles = readFileSync(join(out, 'csv/articles.csv'), 'utf8');
    for (let i = 1; i <= 6; i++) expect(articles).toContain(`,story-${i},`);
    const errors = readFileSync(join(out, 'errors.csv'), 'utf8').trim().split('\r\n');
    expect(errors[0]).toBe('source,stage,message');
    expect(errors).toHaveLength(3);
  });

  it('reads NDJSON from standard input with -', () => {
    const out = join(tmp, 'stdin');
    const r = cli(['run', '-', '--out', out, '--jobs', '1'], `${lines.join('\n')}\n`);
    expect(r.status).toBe(0);
    expect(readdirSync(join(out, 'facts'))).toHaveLength(6);
  });
});

describe('HTML input', () => {
  it('takes the main text and the page metadata, and runs no script', () => {
    const out = join(tmp, 'html');
    writeFileSync(
      join(tmp, 'in/page.html'),
      `<!doctype html><html lang="en"><head><title>Bridge opens | Lyon Daily</title>
<meta property="og:site_name" content="Lyon Daily"><meta property="article:published_time" content="2025-05-05T08:00:00+02:00">
<link rel="canonical" href="https://example.org/bridge"><script>document.title = "hacked"</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge opens</h1><p>The mayor of Lyon, Grégory Doucet, opened a new bridge over the Rhône on Monday.</p>
<p>“It links two neighbourhoods that have waited thirty years,” he said at the ceremony.</p>
<p>Thousands of people crossed it before noon, according to the city.</p></article>
<footer>© Lyon Daily</footer></body></html>`,
    );
    expect(cli(['run', join(tmp, 'in/page.html'), '--out', out, '--jobs', '1']).status).toBe(0);
    const [file] = readdirSync(join(out, 'normalized'));
    const article = JSON.parse(readFileSync(join(out, 'normalized', file), 'utf8'));
    expect(article.text.split('\n')[0]).toBe('The mayor of Lyon, Grégory Doucet, opened a new bridge over the Rhône on Monday.');
    expect(article.text).not.toMatch(/Home|©|hacked/);
    expect(article.metadata).toMatchObject({ headline: 'Bridge opens', datePublished: '2025-05-05T08:00:00+02:00', publisher: 'Lyon Daily', url: 'https://example.org/bridge' });
    expect(readFileSync(join(out, 'csv/quotes.csv'), 'utf8')).toContain('It links two neighbourhoods that have waited thirty years,');
  });
});

describe('worker threads and the cache', () => {
  it('gives byte-identical output whatever the number of jobs', () => {
    const one = join(tmp, 'j1');
    const two = join(tmp, 'j2');
    expect(cli(['run', '-', '--out', one, '--jobs', '1'], lines.join('\n')).status).toBe(0);
    expect(cli(['run', '-', '--out', two, '--jobs', '2'], lines.join('\n')).status).toBe(0);
    const a = snapshot(one);
    const b = snapshot(two);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, v] of a) expect(b.get(k), k).toBe(v);
  });

  it('gives the same dataset through the plain-JavaScript command (bin/news-facts.mjs), in workers and in one thread', () => {
    const viaTsx = join(tmp, 'j1');
    const bin = join(ROOT, 'bin/news-facts.mjs');
    for (const jobs of ['1', '2']) {
      const plain = join(tmp, `plain-j${jobs}`);
      const args = ['run', '-', '--out', plain, '--jobs', jobs, '--quiet'];
      // as make runs it, through its #! line (with its Node options), and with node
      const [command, argv] = jobs === '2' ? [bin, args] : [process.execPath, [bin, ...args]];
      const r = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', input: lines.join('\n') });
      expect(r.status, r.stderr).toBe(0);
      const a = snapshot(viaTsx);
      const b = snapshot(plain);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [k, v] of a) expect(b.get(k), k).toBe(v);
    }
  });

  it('skips articles whose content and pipeline version are unchanged', () => {
    const out = join(tmp, 'cache');
    cli(['run', '-', '--out', out, '--jobs', '1'], lines.join('\n'));
    const again = cli(['run', '-', '--out', out, '--jobs', '1'], `${lines.join('\n')}\n${JSON.stringify({ id: 'new', text: 'The Louvre in Paris closed on Sunday because of a strike by its staff.' })}`);
    expect(again.stderr).toContain('extract: 1 written, 6 unchanged, 0 failed');
    // the keys are one file, a line per article; an article whose key no longer matches is redone
    const keysPath = join(out, '.cache', 'extract.keys');
    const keys = readFileSync(keysPath, 'utf8').trim().split('\n');
    expect(keys).toHaveLength(7);
    writeFileSync(keysPath, [`${keys[0].split(' ')[0]} stale`, ...keys.slice(1)].join('\n'));
    const third = cli(['run', '-', '--out', out, '--jobs', '1'], `${lines.join('\n')}\n${JSON.stringify({ id: 'new', text: 'The Louvre in Paris closed on Sunday because of a strike by its staff.' })}`);
    expect(third.stderr).toContain('extract: 1 written, 6 unchanged, 0 failed');
    expect(readFileSync(keysPath, 'utf8').trim().split('\n')).toEqual(keys);
  });
});

const haveParallel = spawnSync('parallel', ['--version']).status === 0;
if (!haveParallel) console.warn('skipping the sharded run: GNU parallel is not installed (Debian package "parallel")');

describe('sharded runs', () => {
  it.skipIf(!haveParallel)('merge(shards) is byte-identical to a single run', () => {
    const single = join(tmp, 'single');
    const shards = join(tmp, 'shards');
    mkdirSync(shards);
    expect(cli(['run', '-', '--out', single, '--jobs', '1'], `${lines.join('\n')}\n`).status).toBe(0);
    // GNU parallel splits stdin into blocks of whole lines, one pipeline run per block
    execFileSync(
      'parallel',
      ['--pipe', '-N2', '--halt', 'now,fail=1', `${TSX} ${CLI} run - --quiet --jobs 1 --out ${shards}/{#}`],
      { cwd: ROOT, input: `${lines.join('\n')}\n`, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    const parts = readdirSync(shards).map((d) => join(shards, d));
    expect(parts).toHaveLength(3);
    const merged = join(tmp, 'merged');
    expect(cli(['merge', ...parts, '--out', merged]).status).toBe(0);
    const a = snapshot(single);
    const b = snapshot(merged);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, v] of a) expect(b.get(k), k).toBe(v);
  }, 180_000);
});
