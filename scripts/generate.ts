/**
 * Writes the generated files from their single sources of truth: schemas/ from the record
 * definitions (pipeline/records.ts) and the project vocabulary (pipeline/export/vocabulary.ts),
 * the README data dictionary from the table specs, and the NER's list of well-known
 * organizations from compromise's lexicon (pipeline/extract/ner/organizations-build.ts). With --check, writes nothing and exits
 * non-zero when any of them is stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS, schemaDocument } from '../pipeline/records.ts';
import { FACTS_CONTEXT } from '../pipeline/export/jsonld.ts';
import { vocabularyDocument } from '../pipeline/export/vocabulary.ts';
import { toJson, writeFileAtomic } from '../pipeline/shared/files.ts';
import { withDictionary } from '../pipeline/export/dictionary.ts';
import { organizationList } from '../pipeline/extract/ner/organizations-build.ts';

const root = new URL('../', import.meta.url).pathname;
const files: Record<string, string> = {
  ...Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [`schemas/${name}`, toJson(schemaDocument(schema))])),
  'schemas/context.jsonld': toJson({ '@context': FACTS_CONTEXT }),
  'schemas/vocab.jsonld': toJson(vocabularyDocument()),
  'README.md': withDictionary(readFileSync(join(root, 'README.md'), 'utf8')),
  'pipeline/extract/ner/model/organizations.json': `${JSON.stringify(organizationList(), null, 0).replace(/","/g, '",\n"')}\n`,
};

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const [name, content] of Object.entries(files)) {
  const path = join(root, name);
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) stale.push(name);
  } else if (writeFileAtomic(path, content)) {
    process.stderr.write(`wrote ${name}\n`);
  }
}
if (stale.length) {
  process.stderr.write(`generated files are stale (${stale.join(', ')}): run \`make schemas\` and commit the result\n`);
  process.exitCode = 1;
}
