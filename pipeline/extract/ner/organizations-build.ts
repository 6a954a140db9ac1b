/**
 * The list of well-known organizations (model/organizations.json) that the tagger's spans are
 * checked against (`knownOrganization` in index.ts): the organizations and sports teams of
 * compromise's English lexicon (npm `compromise`, MIT, © Spencer Kelly), lower case, minus the
 * entries that are not organizations' whole names or are as often something else. Written by
 * `make organizations` (scripts/generate.ts), checked by `make test`. See MODEL.md.
 */
import nlp from 'compromise';

/**
 * Left out: abbreviations of words ("inc", "dept"), groups of people and beliefs ("brexiteers",
 * "scientology"), competitions and stock indexes (CoNLL's MISC), public programmes, people's
 * surnames that are as often a person ("ford", "disney", "sears", "baxter"), and names that are
 * also common words or places ("visa", "avon", "westfield", "prudential").
 */
const LEFT_OUT = new Set([
  'co', 'inc', 'ltd', 'dept', 'univ', 'assn', 'amt', 'jsa', 'bni', 'ghq', 'mitas', 'lexis', 'altair',
  'roman empire', 'eurosceptics', 'brexiteers', 'scientology',
  'premier league', 'dow jones', 'medicaid', 'medicare', 'notre dame',
  'ford', 'disney', 'ayer', 'baxter', 'sears',
  'visa', 'orange julius', 'westfield', 'prudential', 'avon', 'mobil',
]);

const KINDS = new Set(['Organization', 'SportsTeam']);

export function organizationList(): string[] {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const out: string[] = [];
  for (const [word, tags] of Object.entries(lexicon)) {
    if ((Array.isArray(tags) ? tags : [tags]).some((t) => KINDS.has(t)) && !LEFT_OUT.has(word)) out.push(word);
  }
  return out.sort();
}
