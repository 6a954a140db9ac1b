import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import { headlineOf } from './tables.ts';
import { articleIri, entityIri, SCHEMA_CONTEXT } from './iri.ts';

/** Properties Google's Article structured-data guidance recommends, as the input can supply them. */
export function missingRecommended(article: NormalizedArticle): string[] {
  const m = article.metadata;
  const missing: string[] = [];
  if (!m.headline) missing.push('headline (the first sentence stands in)');
  if (!m.datePublished) missing.push('datePublished');
  if (!m.dateModified) missing.push('dateModified');
  if (!m.author?.length) missing.push('author');
  else if (m.author.some((a) => !a.url)) missing.push('author.url');
  if (!m.image) missing.push('image');
  if (!m.publisher) missing.push('publisher');
  return missing;
}

/**
 * The schema.org NewsArticle record of an article: its metadata, body and the entities it
 * mentions; `about` holds the entities the article is mostly about (mentioned at least half as
 * often as the most-mentioned one). Every node has an IRI under the article's.
 */
export function newsArticle(article: NormalizedArticle, facts: ArticleFacts): Record<string, unknown> {
  const m = article.metadata;
  const iri = articleIri(article.article_id);
  const counts = facts.entities.map((e) => e.mentions.length);
  const top = Math.max(0, ...counts);
  const ref = (e: ArticleFacts['entities'][number]): Record<string, unknown> => ({ '@id': entityIri(article.article_id, e.id), '@type': e.type, name: e.name });
  return {
    '@context': SCHEMA_CONTEXT,
    '@id': iri,
    '@type': 'NewsArticle',
    identifier: article.article_id,
    headline: headlineOf(article),
    ...(m.description ? { description: m.description } : {}),
    ...(m.datePublished ? { datePublished: m.datePublished } : {}),
    ...(m.dateModified ? { dateModified: m.dateModified } : {}),
    ...(m.author
      ? { author: m.author.map((a, i) => ({ '@id': `${iri}:author:${i + 1}`, '@type': 'Person', name: a.name, ...(a.url ? { url: a.url } : {}) })) }
      : {}),
    ...(m.publisher ? { publisher: { '@id': `${iri}:publisher`, '@type': 'Organization', name: m.publisher } } : {}),
    ...(m.url ? { url: m.url } : {}),
    ...(m.image ? { image: m.image } : {}),
    inLanguage: article.language,
    wordCount: article.word_count,
    articleBody: article.text,
    about: facts.entities.filter((e) => top > 0 && e.mentions.length * 2 >= top).map(ref),
    mentions: facts.entities.map(ref),
  };
}
