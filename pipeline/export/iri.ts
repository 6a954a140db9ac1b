/** Identifiers of the dataset's nodes: URNs built from the content-derived article id. */
export const articleIri = (articleId: string): string => `urn:news-facts:${articleId}`;
export const entityIri = (articleId: string, entityId: string): string => `urn:news-facts:${articleId}:${entityId}`;
export const factIri = entityIri;

/** schema.org as the default vocabulary, embedded so nothing is fetched to read it. */
export const SCHEMA_CONTEXT = { '@vocab': 'https://schema.org/' } as const;
