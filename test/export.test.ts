import { existsSync, readFileSync } from 'node:fs';
import { Ajv, type AnySchema } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { extractFacts } from '../pipeline/extract/index.ts';
import { tableCsv } from '../pipeline/export/csv.ts';
import { dataPackage } from '../pipeline/export/datapackage.ts';
import { licenseFor } from '../pipeline/export/licenses.ts';
import { factsJsonLd } from '../pipeline/export/jsonld.ts';
import { expandSafely } from './support/jsonld.ts';
import { byCodePoint } from '../pipeline/shared/order.ts';
import { newsArticle } from '../pipeline/export/newsarticle.ts';
import { MissingProperties } from '../pipeline/export/stage.ts';
import { TABLES, type ArticleTable } from '../pipeline/export/tables.ts';
import { corpusEntities } from '../pipeline/export/corpus.ts';
import { DatasetSummary, summaryEntry } from '../pipeline/export/dataset.ts';
import { sha256 } from '../pipeline/shared/files.ts';
import { eventSchemaType, projectTerms } from '../pipeline/export/vocabulary.ts';
import { PROJECT_NAMESPACE } from '../pipeline/export/namespace.ts';
import { Parser } from 'n3';

const VOCAB = new URL('../../shared/data/vocab/', import.meta.url).pathname;
const haveVocab = existsSync(`${VOCAB}schemaorg-current-https.jsonld`);
if (!haveVocab) console.warn(`skipping vocabulary checks: ${VOCAB} not found (../shared/data is absent)`);

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const md =
  '---\nheadline: Mayor opens bridge\ndatePublished: 2025-05-02\nauthor: [Ann Lee]\npublisher: Lyon Daily\n---\n' +
  'Mayor Grégory Doucet of Lyon opened the bridge on Friday, "a gift to the city, and to us all," he said.\n\n' +
  'About 3,000 people, including 105 children, attended.\n';
const { article } = normalizeArticle(enc(md), 'bridge.md');
const facts = extractFacts(article);
const seed = normalizeArticle(readFileSync(new URL('../seeds/000_9da3eb84e0b5e84d.txt', import.meta.url)), 'seed.txt').article;
const seedFacts = extractFacts(seed);
const context = { corpus: corpusEntities([]) };
const articleTables = TABLES.filter((t): t is ArticleTable => t.scope === 'article');

describe('CSV tables', () => {
  it('write the contract columns first, in order, and quote per RFC 4180', () => {
    const contract: Record<string, string> = {
      articles: 'article_id,source,headline,date_published,language,word_count,sha256',
      entities: 'article_id,entity_id,type,name,aliases,mention_count',
      mentions: 'article_id,entity_id,start,end,text,kind',
      dates: 'article_id,timex_id,type,text,start,end,value',
      quantities: 'article_id,quantity_id,text,start,end,value,unit,entity_id',
      quotes: 'article_id,quote_id,text,start,end,speaker_entity_id,speaker_name,speaker_start,speaker_end,addressee_entity_id,direct',
      relations: 'article_id,subject_entity_id,predicate,object_entity_id,object_value,start,end',
      events: 'article_id,event_id,type,trigger,start,end,date_value,place_entity_id',
      event_participants: 'article_id,event_id,entity_id,role',
    };
    expect(TABLES.map((t) => t.name)).toEqual([...Object.keys(contract), 'corpus_entities']);
    for (const t of articleTables) {
      const header = tableCsv(t, [], context).split('\r\n')[0];
      expect(header.startsWith(contract[t.name]), t.name).toBe(true);
    }
    const quotes = tableCsv(articleTables.find((t) => t.name === 'quotes')!, [{ article, facts }], context);
    expect(quotes).toContain(',"a gift to the city, and to us all,",');
    expect(quotes.endsWith('\r\n')).toBe(true);
    expect(quotes).toMatch(/,true(,[^,\r\n]*)?\r\n/);
  });
});

describe('data package', () => {
  const csvs = articleTables.map((spec) => ({ spec, csv: tableCsv(spec, [{ article, facts }], context) }));
  const tables = csvs.map(({ spec, csv }) => ({ spec, file: { bytes: Buffer.byteLength(csv), sha256: sha256(csv) } }));
  const summary = new DatasetSummary();
  summary.add(summaryEntry({ article, facts }));
  const pkg = dataPackage(tables, summary, licenseFor('CC-BY-4.0')) as { resources: { name: string; schema: { fields: { name: string }[] }; hash: string }[] };

  it('describes every table with its fields in CSV order and a hash of the file', () => {
    for (const [i, r] of pkg.resources.entries()) {
      expect(r.schema.fields.map((f) => f.name).join(',')).toBe(csvs[i].csv.split('\r\n')[0]);
      expect(r.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });

  it.skipIf(!haveVocab)('is valid against the Frictionless v1 tabular-data-package and v2 profiles', () => {
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateSchema: false }));
    ajv.addFormat('textarea', true);
    for (const profile of ['frictionless/v1/tabular-data-package.json', 'frictionless/v2/datapackage.json']) {
      const schema = JSON.parse(readFileSync(`${VOCAB}${profile}`, 'utf8')) as Record<string, unknown>;
      delete schema.$schema;
      const validate = ajv.compile(schema as AnySchema);
      expect(validate(pkg), `${profile}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });
});

describe('JSON-LD', () => {
  it('expands in safe mode and refuses to fetch remote contexts', async () => {
    const expanded = await expandSafely(factsJsonLd(seed, seedFacts, eventSchemaType));
    expect(JSON.stringify(expanded)).toContain('https://schema.org/spokenByCharacter');
    const failure: unknown = await expandSafely({ '@context': 'https://schema.org', name: 'x' }).catch((e: unknown) => e);
    expect((failure as { details?: { cause?: Error } }).details?.cause?.message).toMatch(/^refusing to fetch https:\/\/schema.org/);
  });

  it('puts relations on the entities and quotes as schema:Quotation with their speaker', () => {
    const graph = (factsJsonLd(seed, seedFacts, eventSchemaType)['@graph'] as Record<string, unknown>[]);
    const putin = graph.find((n) => n.name === 'Vladimir Putin')!;
    expect(putin['@type']).toBe('Person');
    expect(putin.jobTitle).toBe('President');
    const quotes = graph.filter((n) => n['@type'] === 'Quotation');
    expect(quotes.filter((q) => q['nf:direct'] === true)).toHaveLength(7);
    expect(quotes.every((q) => (q.isPartOf as { '@id': string })['@id'] === `urn:news-facts:${seed.article_id}`)).toBe(true);
  });

  it.skipIf(!haveVocab)('uses only terms of schema.org, the project vocabulary, Web Annotation, PROV-O and RDF reification', async () => {
    const schemaOrg = JSON.parse(readFileSync(`${VOCAB}schemaorg-current-https.jsonld`, 'utf8')) as { '@graph': { '@id': string }[] };
    const known = new Set(schemaOrg['@graph'].map((n) => n['@id'].replace(/^schema:/, 'https://schema.org/')));
    for (const ttl of ['oa.ttl', 'prov-o.ttl']) {
      for (const q of new Parser().parse(readFileSync(`${VOCAB}${ttl}`, 'utf8'))) known.add(q.subject.value);
    }
    for (const t of ['Statement', 'subject', 'predicate', 'object', 'type']) known.add(`http://www.w3.org/1999/02/22-rdf-syntax-ns#${t}`);
    const project = new Set([...projectTerms()].map((t) => `${PROJECT_NAMESPACE}${t}`));
    const used = new Set<string>();
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(visit);
      if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '@type') (x as string[]).forEach((t) => used.add(t));
          else if (!k.startsWith('@')) used.add(k);
          visit(x);
        }
      }
    };
    for (const doc of [factsJsonLd(seed, seedFacts, eventSchemaType), newsArticle(seed, seedFacts), factsJsonLd(article, facts, eventSchemaType)]) {
      visit(await expandSafely(doc));
    }
    const unknown = [...used].filter((t) => !known.has(t) && !project.has(t));
    expect(unknown).toEqual([]);
    expect(used.has('https://schema.org/Quotation')).toBe(true);
  });
});

describe('NewsArticle record', () => {
  it('carries the front matter, body and entity references', () => {
    const r = newsArticle(article, facts);
    expect(r).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Mayor opens bridge',
      datePublished: '2025-05-02',
      author: [{ '@type': 'Person', name: 'Ann Lee' }],
      publisher: { '@type': 'Organization', name: 'Lyon Daily' },
      inLanguage: 'en',
      wordCount: article.word_count,
      articleBody: article.text,
    });
    expect((r.mentions as unknown[]).length).toBe(facts.entities.length);
  });
  it('takes the first sentence as headline when there is no front matter', () => {
    expect(newsArticle(seed, seedFacts).headline).toMatch(/^In a rare and emotionally charged meeting at the Kremlin,.*Gaza\.$/);
    expect(newsArticle(seed, seedFacts).datePublished).toBeUndefined();
  });
  it('warns once per set of lacking properties, naming three articles and counting the rest', () => {
    const lacking = new MissingProperties();
    for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']) lacking.add(['datePublished', 'author'], name);
    lacking.add(['image'], 'f.md');
    lacking.add([], 'g.md');
    expect(lacking.warnings()).toEqual([
      "a.txt, b.txt, c.txt and 2 more: 5 articles' NewsArticle records lack datePublished, author (recommended for Google's Article structured data)",
      "f.md: NewsArticle lacks image (recommended for Google's Article structured data)",
    ]);
  });
});

describe('code-point order', () => {
  it('sorts characters above U+FFFF after every BMP character, as RDFC-1.0 requires', () => {
    const words = ['\uffff', '😀', 'a', '\ue000', 'ab', ''];
    const byPoints = [...words].sort((x, y) => {
      const a = Array.from(x).map((c) => c.codePointAt(0)!);
      const b = Array.from(y).map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
      return a.length - b.length;
    });
    expect([...words].sort(byCodePoint)).toEqual(byPoints);
    expect([...words].sort()).not.toEqual(byPoints); // plain UTF-16 order differs
  });
});
