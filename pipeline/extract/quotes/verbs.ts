/** Reporting verbs ("said", "pleaded", "told", …) in every inflection, for quote attribution. */

const BASES = (
  'say tell add plead ask answer reply respond explain note claim insist argue warn state declare ' +
  'announce acknowledge admit confirm deny suggest write tweet post recall remark observe comment ' +
  'continue conclude urge assert contend maintain report predict promise vow pledge stress emphasize ' +
  'emphasise underscore complain concede joke quip shout scream cry whisper mutter boast testify ' +
  'describe caution counter retort demand question wonder agree disagree accuse allege charge indicate ' +
  'reveal disclose recount lament estimate signal hint reiterate repeat mention speculate tout praise ' +
  'criticize criticise blast slam thank apologize apologise beg implore exclaim yell sigh muse opine ' +
  'assure reassure inform brief threaten proclaim affirm advise recommend propose announce counsel ' +
  'elaborate clarify illustrate interject interrupt posit reckon surmise theorize volunteer swear ' +
  'pray lecture preach blog email text message wrote point beam chant bark exhort sing gush fume snap ' +
  'scoff marvel rail read bellow holler growl sneer grumble rant rave'
).split(/\s+/);

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  tell: ['told', 'tells', 'telling', 'tell'],
  write: ['wrote', 'writes', 'writing', 'written', 'write'],
  swear: ['swore', 'swears', 'swearing', 'sworn', 'swear'],
  cry: ['cried', 'cries', 'crying', 'cry'],
  reply: ['replied', 'replies', 'replying', 'reply'],
  testify: ['testified', 'testifies', 'testifying', 'testify'],
  clarify: ['clarified', 'clarifies', 'clarifying', 'clarify'],
  theorize: ['theorized', 'theorizes', 'theorizing', 'theorize'],
  beg: ['begged', 'begs', 'begging', 'beg'],
  quip: ['quipped', 'quips', 'quipping', 'quip'],
  plead: ['pleaded', 'pled', 'pleads', 'pleading', 'plead'],
  blog: ['blogged', 'blogs', 'blogging'],
  text: ['texted', 'texts'],
  message: ['messaged'],
  wrote: ['wrote'],
  read: ['reads', 'read'],
  sing: ['sang', 'sings', 'sung'],
  snap: ['snapped', 'snaps'],
  point: ['points', 'pointed'],
  post: ['posted'],
  continue: ['continued', 'continues'],
  question: ['questioned'],
  charge: ['charged'],
  signal: ['signaled', 'signalled', 'signals'],
};

function inflect(base: string): string[] {
  if (IRREGULAR[base]) return IRREGULAR[base];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const past = base.endsWith('e') ? `${base}d` : `${base}ed`;
  const third = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  return [base, past, third, `${stem}ing`];
}

export const REPORTING_VERBS: ReadonlySet<string> = new Set(BASES.flatMap(inflect));

/** The base forms, which never come before their subject: '"…" answer' is a noun, not '"…," answered Smith'. */
export const BASE_FORMS: ReadonlySet<string> = new Set(BASES.filter((b) => !['read', 'wrote'].includes(b)));

/** Finite forms that introduce reported (indirect) speech: "X said (that) …". */
export const INDIRECT_VERBS: ReadonlySet<string> = new Set(
  (
    'say tell add claim insist argue warn state declare announce acknowledge admit confirm deny suggest ' +
    'write tweet recall note explain predict promise vow pledge stress emphasize emphasise complain ' +
    'concede testify allege indicate reveal disclose reiterate report assert contend believe ' +
    'think estimate agree hint mention speculate assure inform reckon swear ask'
  )
    .split(/\s+/)
    .flatMap(inflect)
    .filter((w) => !/ing$/.test(w) && !['tell', 'write', 'swear', 'agree'].includes(w)),
);

/** Verbs that take the addressee as object: "told reporters", "assured Trufanov". */
export const ADDRESSEE_VERBS: ReadonlySet<string> = new Set(
  ['tell', 'ask', 'urge', 'assure', 'reassure', 'inform', 'brief', 'warn', 'beg', 'implore', 'thank', 'advise', 'promise']
    .flatMap(inflect),
);

/** Participles that report the speech of their sentence's subject: "Clinton attacked Trump, saying he would …". */
export const PARTICIPLE_VERBS: ReadonlySet<string> = new Set(
  'say add claim insist argue warn state declare announce acknowledge admit confirm deny suggest write tweet note explain predict promise vow pledge stress emphasize emphasise complain concede allege indicate reveal reiterate assert contend'
    .split(/\s+/)
    .flatMap(inflect)
    .filter((w) => /ing$/.test(w)),
);

/** Verbs that name or characterize, quoting the words they use: "called the plan “a disaster”",
 * "attacked “the hateful ideology of …”", "likened the rules to “burning the Constitution”". */
export const NAMING_VERBS: ReadonlySet<string> = new Set([
  ...['call', 'brand', 'term', 'nickname', 'christen', 'attack', 'liken', 'denounce', 'condemn', 'hail', 'mock', 'deride', 'decry'].flatMap(inflect),
  'dub', 'dubs', 'dubbed', 'dubbing', 'label', 'labels', 'labeled', 'labelled', 'labeling', 'labelling',
]);

/** Forms of "ask", which reports a question ("asked whether …") or a request ("asked X to …"). */
export const ASK_FORMS: ReadonlySet<string> = new Set(['asked', 'asks', 'ask']);

/** Verbs that tell someone to do something: the addressee and the deed are what was said. */
export const DIRECTIVE_VERBS: ReadonlySet<string> = new Set(['urged', 'urges', 'called', 'calls', 'told', 'tells', 'warned', 'warns', 'implored', 'begged', 'appealed']);

/** Verbs by which a speaker undertakes something: "pledged to", "vowed to". */
export const COMMISSIVE_VERBS: ReadonlySet<string> = new Set(['pledged', 'pledges', 'vowed', 'vows', 'promised', 'promises', 'threatened', 'threatens']);
