import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import { headlineOf } from './tables.ts';
import { articleIri, entityIri, SCHEMA_CONTEXT } from './iri.ts';

/**
 * The schema.org NewsArticle record of an article: its metadata, body and the entities it
 * mentions; `about` holds the entities the article is mostly about (mentioned at least half as
 * often as the most-mentioned one).
 */
export function newsArticle(article: NormalizedArticle, facts: ArticleFacts): Record<string, unknown> {
  const m = article.metadata;
  const counts = facts.entities.map((e) => e.mentions.length);
  const top = Math.max(0, ...counts);
  const ref = (e: ArticleFacts['entities'][number]): Record<string, unknown> => ({ '@id': entityIri(article.article_id, e.id), '@type': e.type, name: e.name });
  return {
    '@context': SCHEMA_CONTEXT,
    '@id': articleIri(article.article_id),
    '@type': 'NewsArticle',
    identifier: article.article_id,
    headline: headlineOf(article),
    ...(m.description ? { description: m.description } : {}),
    ...(m.datePublished ? { datePublished: m.datePublished } : {}),
    ...(m.dateModified ? { dateModified: m.dateModified } : {}),
    ...(m.author ? { author: m.author.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(m.publisher ? { publisher: { '@type': 'Organization', name: m.publisher } } : {}),
    ...(m.url ? { url: m.url } : {}),
    ...(m.image ? { image: m.image } : {}),
    inLanguage: article.language,
    wordCount: article.word_count,
    articleBody: article.text,
    about: facts.entities.filter((e) => top > 0 && e.mentions.length * 2 >= top).map(ref),
    mentions: facts.entities.map(ref),
  };
}
