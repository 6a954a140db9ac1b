/**
 * Every quality evaluation over the gold data in ../shared/data, one after the other:
 * NER (CoNLL-2003 dev, WikiGold), TimeML (TempEval-3 train), quotes (PolNeAR dev), relations and
 * events (GUM news, the project's own annotation), coreference (GUM news), owners of money and percentages (BBC, the
 * project's own annotation).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const data = new URL('../../shared/data/', import.meta.url).pathname;
const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
const runs: [string, string, string[]][] = [
  ['NER, CoNLL-2003 dev', 'eval/ner.ts', [`${data}conll2003/dev.txt`]],
  ['NER, WikiGold', 'eval/ner.ts', [`${data}wikigold/wikigold.conll.txt`]],
  ['TimeML, TempEval-3 train', 'eval/time.ts', [`${data}tempeval3/train`]],
  ['Quotes, PolNeAR dev', 'eval/quotes.ts', [`${data}polnear/dev`]],
  ['Relations and events, GUM news (own gold, eval/gold)', 'eval/events.ts', []],
  ['Who is who: names, pronouns and descriptions, GUM news coreference', 'eval/coref.ts', [`${data}gum/dep_conllu/`]],
  ['Owners of money and percentages, BBC business and politics (own gold, eval/gold)', 'eval/quantities.ts', []],
];
let status = 0;
for (const [title, script, args] of runs) {
  console.log(`\n## ${title}`);
  if (args[0] && !existsSync(args[0])) {
    console.log(`skipped: ${args[0]} not found`);
    continue;
  }
  const r = spawnSync(tsx, [script, ...args], { stdio: 'inherit' });
  if (r.status !== 0) status = 1;
}
process.exitCode = status;
