import jsonld from 'jsonld';

/** A document loader that serves nothing: every context is embedded, and nothing is fetched. */
async function offlineDocumentLoader(url: string): Promise<never> {
  throw new Error(`refusing to fetch ${url}: news-facts documents use embedded contexts only`);
}

const OFFLINE = { safe: true, documentLoader: offlineDocumentLoader as never };

/**
 * Expands a document in jsonld.js safe mode, which fails on any term or value that expansion
 * would drop; returns the expanded form.
 */
export async function expandSafely(doc: object): Promise<object[]> {
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, OFFLINE as jsonld.Options.Expand)) as object[];
}
