/**
 * The direct N-Quads writer checked against jsonld.js: for real articles and for documents built to
 * reach every escape, datatype and refusal, the quads must be exactly those jsonld.canonize gives
 * (RDFC-1.0, safe mode), in code-point order.
 */
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../pipeline/normalize/index.ts';
import { extractFacts } from '../pipeline/extract/index.ts';
import { corpusEntities } from '../pipeline/export/corpus.ts';
import { factsJsonLd } from '../pipeline/export/jsonld.ts';
import { newsArticle } from '../pipeline/export/newsarticle.ts';
import { articleNQuads } from '../pipeline/export/nquads.ts';
import { articleIri } from '../pipeline/export/iri.ts';
import { PROJECT_NAMESPACE } from '../pipeline/export/namespace.ts';
import { eventSchemaType } from '../pipeline/export/vocabulary.ts';

const codePointOrder = (a: string, b: string): number => {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
};

/** What jsonld.js gives for the documents: the union of their canonical quads, in code-point order. */
async function canonical(docs: object[]): Promise<string[]> {
  const lines = new Set<string>();
  for (const doc of docs) {
    const options = { algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true } as unknown as jsonld.Options.Normalize;
    const nq = (await jsonld.canonize(doc as jsonld.JsonLdDocument, options)) as unknown as string;
    for (const line of nq.split('\n')) if (line) lines.add(line);
  }
  return [...lines].sort(codePointOrder);
}

const ours = (iri: string, docs: object[]): string[] => articleNQuads(iri, docs).split('\n').filter(Boolean);

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const ARTICLES: [string, Uint8Array][] = [
  ['seed.txt', readFileSync(new URL('../seeds/000_9da3eb84e0b5e84d.txt', import.meta.url))],
  [
    'market.md',
    enc(
      '---\nheadline: "Markets \\"wobble\\" after rate call"\ndatePublished: 2025-03-07\nauthor:\n  - name: Jane O\'Neil\n    url: https://example.org/jane?x=1&y=2\n' +
        'publisher: Example News\nimage: https://example.org/a.jpg\ndescription: Rates, "hopes" and a back\\slash\n---\n' +
        'Shares fell 2.5% to $3.5 million on Friday, said Anna Schmidt, 54, of the Bank of England in London.\n\n' +
        '"We are watching closely 😀," she said. The firm\'s chief executive, John Smith, was born in Paris.\n',
    ),
  ],
  [
    'talks.txt',
    enc(
      'Negotiators from Israel and Hamas met again in Doha on Thursday, officials said.\n' +
        '“We are hopeful,” said Majed al-Ansari, a spokesman for the Qatari foreign ministry, adding that 1,200 people had been freed in 2023.\n' +
        'Vladimir Putin met Ursula von der Leyen of the European Union (EU) in Moscow for 3½ hours.\n',
    ),
  ],
];

describe('N-Quads writer', () => {
  it('gives exactly the canonical quads of jsonld.js for real articles', async () => {
    for (const [name, bytes] of ARTICLES) {
      const { article } = normalizeArticle(bytes, name);
      const facts = extractFacts(article);
      const refs = facts.entities.map((e) => ({
        article_id: article.article_id, entity_id: e.id, type: e.type, name: e.name, aliases: e.aliases, mention_count: e.mentions.length,
      }));
      const docs = [factsJsonLd(article, facts, eventSchemaType, { corpus: corpusEntities(refs) }), newsArticle(article, facts)];
      expect(ours(articleIri(article.article_id), docs), name).toEqual(await canonical(docs));
    }
  }, 60_000);

  it('escapes, types and orders literals and IRIs as jsonld.js does', async () => {
    const docs = [
      {
        '@context': { '@vocab': 'https://schema.org/', nf: PROJECT_NAMESPACE, xsd: 'http://www.w3.org/2001/XMLSchema#' },
        '@graph': [
          {
            '@id': 'urn:news-facts:t',
            '@type': ['Thing', 'nf:Odd'],
            name: ['tab\there "quoted" back\\slash', 'controls \u0000 \u0001 \u001f \u007f \b \f \r\n', 'astral 😀 and private-use \ue000 and \uffff', 'x😀', 'x\ue000', 'x\uffff'],
            value: [1, -2, 1.5, 0.1, 1e21, 2.5e-7, 1e-7, 123456789012, -0],
            'nf:flag': [true, false],
            dateCreated: { '@value': '2025-01-01T00:00:00Z', '@type': 'xsd:dateTime' },
            'nf:plain': { '@value': 'typed as string', '@type': 'xsd:string' },
            'https://example.org/direct': { '@id': 'urn:news-facts:t:{odd|iri^`}' },
            about: { '@id': 'urn:news-facts:t:child', '@type': 'Thing', name: 'child', 'nf:count': 3 },
            mentions: [{ '@id': 'urn:news-facts:t:child' }, { '@id': 'urn:news-facts:elsewhere' }],
            nothing: null,
            none: [],
          },
        ],
      },
      { '@context': { '@vocab': 'https://schema.org/' }, '@id': 'urn:news-facts:t', '@type': 'Thing', name: 'child' },
    ];
    expect(ours('urn:news-facts:t', docs)).toEqual(await canonical(docs));
  });

  it('refuses what would need blank nodes, relative IRIs or quads outside the article', async () => {
    const context = { '@vocab': 'https://schema.org/' };
    const blank = { '@context': context, '@id': 'urn:news-facts:t', about: { name: 'no id' } };
    const relative = { '@context': context, '@id': 'relative', name: 'x' };
    const onlyId = { '@context': context, '@graph': [{ '@id': 'urn:news-facts:t' }] };
    expect(() => ours('urn:news-facts:t', [blank])).toThrow(/blank node/);
    expect(() => ours('urn:news-facts:t', [relative])).toThrow(/not an absolute IRI/);
    await expect(canonical([relative])).rejects.toThrow(/Safe mode/);
    expect(() => ours('urn:news-facts:t', [onlyId])).toThrow(/nothing but an @id/);
    await expect(canonical([onlyId])).rejects.toThrow(/Safe mode/);
    expect(() => ours('urn:news-facts:u', [{ '@context': context, '@id': 'urn:news-facts:t', name: 'x' }])).toThrow(/outside the article/);
  });
});
