import { join } from 'node:path';

/** Paths of the output folder (see CONTRACT.md). */
export const layout = (out: string) => ({
  normalizedDir: join(out, 'normalized'),
  normalized: (id: string) => join(out, 'normalized', `${id}.json`),
  factsDir: join(out, 'facts'),
  facts: (id: string) => join(out, 'facts', `${id}.json`),
  csvDir: join(out, 'csv'),
  csv: (table: string) => join(out, 'csv', `${table}.csv`),
  jsonldDir: join(out, 'jsonld'),
  jsonld: (id: string) => join(out, 'jsonld', `${id}.jsonld`),
  newsarticleDir: join(out, 'newsarticle'),
  newsarticle: (id: string) => join(out, 'newsarticle', `${id}.jsonld`),
  datapackage: join(out, 'datapackage.json'),
  validation: join(out, 'validation.json'),
});

export type Layout = ReturnType<typeof layout>;
