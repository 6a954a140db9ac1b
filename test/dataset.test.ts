/**
 * The exported dataset checked the way its users will load it: DuckDB over the CSVs with the
 * declared types, an RDF parser over the N-Quads, the Frictionless profiles, CSVW templates,
 * and sha256sum over every file.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Ajv, type AnySchema } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { Parser, Store, DataFactory } from 'n3';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNormalize } from '../pipeline/normalize/stage.ts';
import { runExtract } from '../pipeline/extract/stage.ts';
import { runValidate } from '../pipeline/validate/stage.ts';
import { runExport } from '../pipeline/export/stage.ts';
import type { StageReport } from '../pipeline/shared/report.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const VOCAB = join(ROOT, '../shared/data/vocab/');
const haveVocab = existsSync(join(VOCAB, 'frictionless'));
if (!haveVocab) console.warn(`skipping Frictionless profile checks: ${VOCAB} not found (../shared/data is absent)`);
const SCHEMA = 'https://schema.org/';
const out = mkdtempSync(join(tmpdir(), 'news-facts-dataset-'));
const interop = <T>(m: unknown): T => ((m as { default?: unknown }).default ?? m) as T;
let exportReport: StageReport;

beforeAll(async () => {
  const inputs = join(out, '..', `${out.split('/').pop()}-in`);
  mkdirSync(inputs, { recursive: true });
  copyFileSync(join(ROOT, 'seeds/000_9da3eb84e0b5e84d.txt'), join(inputs, 'seed.txt'));
  writeFileSync(
    join(inputs, 'talks.md'),
    '---\nheadline: Talks resume in Doha\ndatePublished: 2025-04-18T09:30:00Z\ndateModified: 2025-04-18T11:00:00Z\n' +
      'author:\n  - name: Jane Doe\n    url: https://example.org/jane\npublisher: Example News\nimage: https://example.org/doha.jpg\n' +
      'url: https://example.org/talks\n---\n' +
      'Negotiators from Israel and Hamas met again in Doha on Thursday, officials said.\n\n' +
      '“We are hopeful,” said Majed al-Ansari, a spokesman for the Qatari foreign ministry.\n',
  );
  await runNormalize([inputs], out);
  await runExtract(out, { jobs: 1 });
  runValidate(out);
  exportReport = await runExport(out, { license: 'CC0-1.0' });
}, 120_000);

describe('files and checksums', () => {
  it('writes every file the contract and the dataset standards ask for, all covered by SHA256SUMS', () => {
    for (const f of ['datapackage.json', 'dataset.jsonld', 'dataset.nq', 'SHA256SUMS', 'csv/csv-metadata.json', 'validation.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const listed = readFileSync(join(out, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split('  ')[1]);
    expect(listed).toEqual(expect.arrayContaining(['csv/quotes.csv', 'dataset.nq', 'datapackage.json', 'validation.json']));
    expect(listed.some((l) => l.startsWith('facts/'))).toBe(true);
    expect(execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' })).not.toMatch(/FAILED/);
  });

  it('warns about the recommended NewsArticle properties the input lacks', () => {
    expect(exportReport.warnings).toEqual([
      "seed.txt: NewsArticle lacks headline (the first sentence stands in), datePublished, dateModified, author, image, publisher (recommended for Google's Article structured data)",
    ]);
    const records = readFileSync(join(out, 'SHA256SUMS'), 'utf8').match(/newsarticle\/[0-9a-f]+\.jsonld/g)!;
    const talks = records.map((r) => JSON.parse(readFileSync(join(out, r), 'utf8'))).find((r) => r.headline === 'Talks resume in Doha');
    expect(talks).toMatchObject({
      datePublished: '2025-04-18T09:30:00Z',
      dateModified: '2025-04-18T11:00:00Z',
      author: [{ '@type': 'Person', name: 'Jane Doe', url: 'https://example.org/jane' }],
      publisher: { '@type': 'Organization', name: 'Example News' },
      image: 'https://example.org/doha.jpg',
    });
  });
});

describe('Frictionless data package', () => {
  const pkg = (): Record<string, unknown> => JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));

  it('carries the chosen licence, a created date from the inputs, and keys', () => {
    const p = pkg() as { licenses: { name: string }[]; created: string; resources: { name: string; schema: { foreignKeys?: unknown[] } }[] };
    expect(p.licenses[0].name).toBe('CC0-1.0');
    expect(p.created).toBe('2025-04-18T11:00:00Z'); // the latest dateModified, not the wall clock
    expect(p.resources.find((r) => r.name === 'mentions')!.schema.foreignKeys).toHaveLength(2);
  });

  it.skipIf(!haveVocab)('is valid against the v1 tabular-data-package profile (draft-04) and the v2 profile (draft-07)', () => {
    const addFormats = interop<(a: Ajv) => Ajv>(addFormatsModule);
    const AjvDraft04 = interop<typeof Ajv>(AjvDraft04Module);
    const v1 = addFormats(new AjvDraft04({ strict: false, allErrors: true }));
    const v2 = addFormats(new Ajv({ strict: false, allErrors: true }));
    for (const ajv of [v1, v2]) ajv.addFormat('textarea', true);
    const load = (p: string): AnySchema => JSON.parse(readFileSync(join(VOCAB, 'frictionless', p), 'utf8')) as AnySchema;
    const schema2 = load('v2/datapackage.json') as Record<string, unknown>;
    delete schema2.$schema; // the v2 profile names draft-07's meta-schema URL, which ajv knows under another id
    for (const [ajv, schema] of [[v1, load('v1/tabular-data-package.json')], [v2, schema2]] as const) {
      const validate = ajv.compile(schema);
      expect(validate(pkg()), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(validate({ ...pkg(), resources: [] })).toBe(false); // the profile can fail
    }
  });
});

describe('CSV tables in DuckDB', () => {
  it('load with the declared types and join entities, mentions and quotes', async () => {
    const p = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
      resources: { name: string; path: string; schema: { fields: { name: string; type: string }[] } }[];
    };
    const duck: Record<string, string> = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN' };
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    for (const r of p.resources) {
      const columns = r.schema.fields.map((f) => `'${f.name}': '${duck[f.type]}'`).join(', ');
      await con.run(`CREATE TABLE ${r.name} AS SELECT * FROM read_csv('${join(out, r.path)}', header = true, columns = {${columns}})`);
    }
    const rows = await con.runAndReadAll(`
      SELECT e.name, count(DISTINCT q.quote_id) AS quotes, count(DISTINCT m.start) AS mentions
      FROM quotes q
      JOIN entities e ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity_id
      JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.entity_id
      WHERE q.direct
      GROUP BY e.name ORDER BY e.name`);
    const result = rows.getRowObjectsJS() as { name: string; quotes: bigint; mentions: bigint }[];
    const byName = Object.fromEntries(result.map((r) => [r.name, Number(r.quotes)]));
    expect(byName['Vladimir Putin']).toBe(4);
    expect(byName['Alexander Trufanov']).toBe(3);
    const types = await con.runAndReadAll(`SELECT typeof(start) AS t, typeof(direct) AS d FROM quotes LIMIT 1`);
    expect(types.getRowObjectsJS()[0]).toEqual({ t: 'BIGINT', d: 'BOOLEAN' });
  });
});

describe('RDF', () => {
  const quads = (): Store => new Store(new Parser({ format: 'N-Quads' }).parse(readFileSync(join(out, 'dataset.nq'), 'utf8')));
  const { namedNode, literal } = DataFactory;

  it('N-Quads parse, and a quote leads to its speaker and to its evidence', () => {
    const store = quads();
    const quote = store.getSubjects(namedNode(`${SCHEMA}text`), literal('We will be working on this, definitely,'), null);
    expect(quote).toHaveLength(1);
    const [speaker] = store.getObjects(quote[0], namedNode(`${SCHEMA}spokenByCharacter`), null);
    expect(store.getObjects(speaker, namedNode(`${SCHEMA}name`), null).map((o) => o.value)).toEqual(['Vladimir Putin']);
    const [evidence] = store.getObjects(quote[0], namedNode('https://news-facts.org/vocab#evidence'), null);
    const selectors = store.getObjects(evidence, namedNode('http://www.w3.org/ns/oa#hasSelector'), null);
    const exact = selectors.flatMap((s) => store.getObjects(s, namedNode('http://www.w3.org/ns/oa#exact'), null)).map((o) => o.value);
    expect(exact).toEqual(['We will be working on this, definitely,']);
  });

  it('equals what the RDFC-1.0 algorithm (jsonld.canonize) gives for each article', async () => {
    const nq = readFileSync(join(out, 'dataset.nq'), 'utf8');
    for (const file of readFileSync(join(out, 'SHA256SUMS'), 'utf8').match(/jsonld\/[0-9a-f]+\.jsonld/g)!) {
      const id = file.slice(7, 23);
      const docs = [file, `newsarticle/${id}.jsonld`].map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')) as object);
      const canonical = new Set<string>();
      for (const doc of docs) {
        const options = { algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true } as unknown as jsonld.Options.Normalize;
        const c = (await jsonld.canonize(doc as jsonld.JsonLdDocument, options)) as unknown as string;
        for (const line of c.split('\n')) if (line) canonical.add(line);
      }
      const ours = nq.split('\n').filter((l) => l.startsWith(`<urn:news-facts:${id}`));
      expect(ours.sort()).toEqual([...canonical].sort());
    }
  });

  it('is canonical: sorted by code point, no duplicates, no blank nodes, and stable', () => {
    const text = readFileSync(join(out, 'dataset.nq'), 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.some((l) => l.includes('_:'))).toBe(false);
    const sorted = [...lines].sort((a, b) => {
      const x = Array.from(a);
      const y = Array.from(b);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
      return x.length - y.length;
    });
    expect(lines).toEqual(sorted);
  });

  it('the Dataset description names its distribution, licence, coverage and provenance', () => {
    const d = JSON.parse(readFileSync(join(out, 'dataset.jsonld'), 'utf8')) as { '@graph': Record<string, unknown>[] };
    const dataset = d['@graph'].find((n) => n['@type'] === 'Dataset')!;
    expect(dataset.license).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(dataset.temporalCoverage).toBe('2023-10-07/2025-04-17'); // "on Thursday" before Friday 2025-04-18
    const files = (dataset.distribution as { contentUrl: string; encodingFormat: string }[]).map((f) => `${f.contentUrl} ${f.encodingFormat}`);
    expect(files).toEqual(expect.arrayContaining(['csv/quotes.csv text/csv', 'dataset.nq application/n-quads']));
    const activity = d['@graph'].find((n) => n['@type'] === 'prov:Activity')!;
    const used = (activity['prov:used'] as { '@id': string }[]).map((u) => u['@id']);
    const seedHash = execFileSync('sha256sum', [join(ROOT, 'seeds/000_9da3eb84e0b5e84d.txt')], { encoding: 'utf8' }).split(' ')[0];
    expect(used).toContain(`urn:news-facts:input:${seedHash}`);
    expect(used.some((u) => u.startsWith('urn:news-facts:model:'))).toBe(true);
  });
});

describe('CSVW metadata', () => {
  /** URI template expansion for the {col} and {+col} forms the metadata uses (RFC 6570 level 2). */
  const expand = (template: string, row: Record<string, string>): string =>
    template.replace(/\{(\+?)([a-z_]+)\}/g, (_, plus: string, col: string) => (plus ? row[col] : encodeURIComponent(row[col])));

  it('describes every CSV column in order and maps quotes to the same triples as the N-Quads', () => {
    const meta = JSON.parse(readFileSync(join(out, 'csv/csv-metadata.json'), 'utf8')) as {
      tables: { url: string; tableSchema: { aboutUrl: string; columns: { name: string; virtual?: boolean; propertyUrl?: string; valueUrl?: string }[] } }[];
    };
    for (const t of meta.tables) {
      const header = readFileSync(join(out, 'csv', t.url), 'utf8').split('\r\n')[0];
      expect(t.tableSchema.columns.filter((c) => !c.virtual).map((c) => c.name).join(','), t.url).toBe(header);
      for (const c of t.tableSchema.columns) if (c.propertyUrl) expect(c.propertyUrl, `${t.url} ${c.name}`).toMatch(/^(https?|urn):/);
    }
    const quotes = meta.tables.find((t) => t.url === 'quotes.csv')!.tableSchema;
    const speakerCol = quotes.columns.find((c) => c.name === 'speaker_entity_id')!;
    const rows = parseCsv(readFileSync(join(out, 'csv/quotes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const store = new Store(new Parser({ format: 'N-Quads' }).parse(readFileSync(join(out, 'dataset.nq'), 'utf8')));
    const withSpeaker = rows.filter((r) => r.speaker_entity_id);
    expect(withSpeaker.length).toBeGreaterThan(5);
    for (const row of withSpeaker) {
      const s = DataFactory.namedNode(expand(quotes.aboutUrl, row));
      const o = DataFactory.namedNode(expand(speakerCol.valueUrl!, row));
      expect(store.has(DataFactory.quad(s, DataFactory.namedNode(speakerCol.propertyUrl!), o)), `${row.quote_id}`).toBe(true);
    }
  });
});
