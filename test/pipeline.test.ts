import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleFacts } from '../pipeline/records.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'pipeline/cli.ts');

function run(args: string[]): { status: number; stderr: string } {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status ?? -1, stderr: r.stderr };
}

/** Every file under dir (relative path → bytes), skipping make's stamps. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name.startsWith('.')) continue; // make's stamps and the extract cache are not part of the dataset
      if (statSync(p).isDirectory()) visit(p);
      else files.set(relative(dir, p), readFileSync(p));
    }
  };
  visit(dir);
  return files;
}

const tmp = mkdtempSync(join(tmpdir(), 'news-facts-'));
const inputs = join(tmp, 'in');
const outA = join(tmp, 'a');
const outB = join(tmp, 'b');
const outSeeds = join(tmp, 'seeds-out');
let runA: { status: number; stderr: string };

beforeAll(() => {
  mkdirSync(join(inputs, 'nested'), { recursive: true });
  copyFileSync(join(ROOT, 'seeds/000_9da3eb84e0b5e84d.txt'), join(inputs, 'seed.txt'));
  writeFileSync(
    join(inputs, 'nested/talks.md'),
    '---\nheadline: Talks resume in Doha\ndatePublished: 2025-04-18\nauthor: Jane Doe\n---\n' +
      'Negotiators from Israel and Hamas met again in Doha on Thursday, officials said.\n\n' +
      '“We are hopeful,” said Majed al-Ansari, a spokesman for the Qatari foreign ministry.\n',
  );
  writeFileSync(join(inputs, 'empty.txt'), '');
  writeFileSync(join(inputs, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]));
  writeFileSync(join(inputs, 'broken.md'), '---\nheadline: [unclosed\n---\nSome English text that is here for the test.\n');
  runA = run(['run', inputs, '--out', outA]);
  run(['run', inputs, '--out', outB]);
  run(['run', join(ROOT, 'seeds'), '--out', outSeeds]);
  run(['site', '--out', outSeeds]);
}, 300_000);

describe('cli run', () => {
  it('exits non-zero and names each bad file with its cause', () => {
    expect(runA.status).toBe(1);
    expect(runA.stderr).toContain(`${join(inputs, 'empty.txt')}: empty article (the file has no bytes) [normalize]`);
    expect(runA.stderr).toMatch(/latin1\.txt: not valid UTF-8 \(first bad byte at offset 3\)/);
    expect(runA.stderr).toMatch(/broken\.md:2: front matter is not valid YAML/);
  });

  it('still writes complete, valid output for the good articles', () => {
    const articles = readFileSync(join(outA, 'csv/articles.csv'), 'utf8').trim().split('\r\n');
    expect(articles).toHaveLength(3); // header + seed + talks
    expect(articles.map((l) => l.split(',')[1])).toEqual(['source', expect.any(String), expect.any(String)]);
    expect(articles.join('\n')).toContain(',nested/talks.md,Talks resume in Doha,2025-04-18,en,');
    const validation = JSON.parse(readFileSync(join(outA, 'validation.json'), 'utf8'));
    expect(validation.valid).toHaveLength(2);
    expect(validation.violations).toEqual([]);
    for (const v of validation.valid) {
      for (const dir of ['normalized', 'facts']) expect(existsSync(join(outA, dir, `${v.article_id}.json`))).toBe(true);
      for (const dir of ['jsonld', 'newsarticle']) expect(existsSync(join(outA, dir, `${v.article_id}.jsonld`))).toBe(true);
    }
  });

  it('is deterministic: two runs give byte-identical output', () => {
    const a = snapshot(outA);
    const b = snapshot(outB);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, v] of a) expect(v.equals(b.get(k)!), k).toBe(true);
  });

  it('the published out/ is the current output for seeds/ (run `make` and commit when this fails)', () => {
    const fresh = snapshot(outSeeds);
    const published = snapshot(join(ROOT, 'out'));
    expect([...published.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [k, v] of fresh) expect(v.equals(published.get(k)!), `out/${k} is stale`).toBe(true);
  });

  it('stage commands run one stage each over the same folder', () => {
    const out = join(tmp, 'staged');
    expect(run(['normalize', join(inputs, 'nested'), '--out', out]).status).toBe(0);
    expect(readdirSync(join(out, 'normalized'))).toHaveLength(1);
    expect(existsSync(join(out, 'facts'))).toBe(false);
    expect(run(['export', '--out', out]).status).toBe(1); // nothing validated yet
    expect(run(['extract', '--out', out]).status).toBe(0);
    expect(run(['validate', '--out', out]).status).toBe(0);
    expect(run(['export', '--out', out]).status).toBe(0);
    expect(readFileSync(join(out, 'csv/quotes.csv'), 'utf8')).toContain('We are hopeful,');
  });

  it('validate fails, naming file, pointer and rule, when a facts file is tampered with; export then leaves the article out', () => {
    const out = join(tmp, 'tampered');
    run(['run', join(inputs, 'nested'), '--out', out]);
    const [factsFile] = readdirSync(join(out, 'facts'));
    const path = join(out, 'facts', factsFile);
    const facts = JSON.parse(readFileSync(path, 'utf8')) as ArticleFacts;
    facts.entities[0].mentions[0].text = 'Tampered';
    writeFileSync(path, JSON.stringify(facts));
    const v = run(['validate', '--out', out]);
    expect(v.status).toBe(1);
    expect(v.stderr).toContain(`facts/${factsFile}#/entities/0/mentions/0: cited text "Tampered"`);
    expect(v.stderr).toContain('[text-equals-slice]');
    expect(run(['export', '--out', out]).status).toBe(0);
    expect(readFileSync(join(out, 'csv/articles.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1);
    expect(readdirSync(join(out, 'jsonld'))).toEqual([]);
  });
});

describe('make', () => {
  it('does no work the second time and redoes only the changed article', () => {
    const seeds = join(tmp, 'make-seeds');
    const out = join(tmp, 'make-out');
    mkdirSync(seeds);
    copyFileSync(join(inputs, 'nested/talks.md'), join(seeds, 'talks.md'));
    writeFileSync(join(seeds, 'other.txt'), 'The mayor of Lyon opened a new bridge on Monday. Thousands of people came.\n');
    const make = (): string =>
      execFileSync('make', ['--no-print-directory', `SEEDS=${seeds}`, `OUT=${out}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const first = spawnSync('make', ['--no-print-directory', `SEEDS=${seeds}`, `OUT=${out}`], { cwd: ROOT, encoding: 'utf8' });
    expect(first.stderr).toContain('extract: 2 written');
    expect(make()).not.toMatch(/written/);
    const second = spawnSync('make', ['--no-print-directory', `SEEDS=${seeds}`, `OUT=${out}`], { cwd: ROOT, encoding: 'utf8' });
    expect(second.stderr).toBe('');
    writeFileSync(join(seeds, 'other.txt'), 'The mayor of Lyon opened a new bridge on Tuesday. Thousands of people came.\n');
    const third = spawnSync('make', ['--no-print-directory', `SEEDS=${seeds}`, `OUT=${out}`], { cwd: ROOT, encoding: 'utf8' });
    expect(third.stderr).toContain('normalize: 1 written, 1 unchanged');
    expect(third.stderr).toContain('extract: 1 written, 0 unchanged');
    expect(readdirSync(join(out, 'facts'))).toHaveLength(2); // the old version's facts are gone
  }, 120_000);
});
