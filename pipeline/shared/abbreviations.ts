/**
 * Abbreviations written with a final period, lower-cased, without it: one list for the sentence
 * splitter (normalize/segment.ts) and the tokenizer (extract/tokenize.ts), which must agree on
 * where "Mr." or "Inc." is a word and not the end of a sentence.
 */

/** Titles and signs before a name or number ("Mr. Putin", "Gen. Gerasimov", "No. 10"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt',
  'cpl', 'adm', 'cmdr', 'maj', 'jr', 'sr', 'rev', 'hon', 'mt', 'ft', 'no', 'nos', 'vs', 'v', 'pres',
  'supt', 'insp', 'det', 'atty', 'messrs', 'mme', 'mlle', 'fr', 'sec', 'amb', 'brig', 'cdr', 'gens',
]);

/** Abbreviations that usually continue the sentence: months, company suffixes, Latin. */
export const INLINE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'e.g', 'i.e', 'approx', 'est', 'fig', 'al', 'etc', 'inc', 'corp', 'co', 'ltd', 'bros', 'dept', 'univ',
]);
