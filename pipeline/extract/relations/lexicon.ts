/**
 * Word lists for role phrases (titles, kinship). General English news usage, lower-cased.
 */

/** Nouns that head a job title or office ("President", "spokesman", "chief executive"). */
export const TITLE_HEADS = new Set([
  'president', 'vice-president', 'president-elect', 'minister', 'secretary', 'undersecretary',
  'under-secretary', 'chancellor', 'premier', 'governor', 'mayor', 'senator', 'congressman',
  'congresswoman', 'representative', 'lawmaker', 'legislator', 'mp', 'ambassador', 'envoy', 'consul',
  'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chairperson', 'chair',
  'ceo', 'cfo', 'coo', 'cto', 'founder', 'co-founder', 'director', 'director-general', 'executive',
  'officer', 'commander', 'commander-in-chief', 'general', 'admiral', 'colonel', 'lieutenant',
  'captain', 'sergeant', 'brigadier', 'marshal', 'king', 'queen', 'prince', 'princess', 'emperor',
  'empress', 'sultan', 'emir', 'pope', 'cardinal', 'archbishop', 'bishop', 'rabbi', 'imam',
  'ayatollah', 'judge', 'justice', 'prosecutor', 'attorney', 'leader', 'chief', 'head', 'coach',
  'manager', 'adviser', 'advisor', 'aide', 'negotiator', 'mediator', 'diplomat', 'speaker',
  'commissioner', 'inspector', 'superintendent', 'sheriff', 'detective', 'constable', 'professor',
  'economist', 'analyst', 'correspondent', 'reporter', 'journalist', 'editor', 'columnist', 'author',
  'official', 'deputy', 'premier', 'president', 'treasurer', 'comptroller', 'auditor', 'dean',
  'rector', 'principal', 'researcher', 'scientist', 'spokesmen', 'counsel',
  // occupations: schema.org jobTitle covers them ("actor Jason Beghe", "science fiction writer L. Ron Hubbard")
  'writer', 'actor', 'actress', 'musician', 'singer', 'songwriter', 'artist', 'painter', 'poet', 'novelist',
  'filmmaker', 'producer', 'composer', 'photographer', 'architect', 'lawyer', 'physician', 'surgeon', 'engineer',
  'teacher', 'comedian', 'rapper', 'designer', 'entrepreneur', 'investor', 'banker', 'blogger', 'historian',
  'philosopher', 'astronaut', 'chef', 'footballer', 'striker', 'goalkeeper', 'midfielder', 'cyclist', 'swimmer',
  'investigator', 'pastor', 'priest', 'minister', 'broadcaster', 'presenter', 'anchor', 'commentator', 'critic',
  'defender', 'winger', 'full-back', 'fly-half', 'scrum-half', 'lock', 'flanker', 'prop', 'hooker', 'batsman', 'bowler',
  'wicketkeeper', 'runner', 'sprinter', 'hurdler', 'boxer', 'golfer', 'jockey', 'gymnast', 'skier', 'rower', 'doctor', 'nurse',
]);

/** Words that modify a title head ("Deputy Foreign Minister", "chief executive"). */
export const TITLE_MODIFIERS = new Set([
  'deputy', 'vice', 'acting', 'interim', 'prime', 'foreign', 'defense', 'defence', 'interior',
  'finance', 'economy', 'economic', 'trade', 'health', 'education', 'energy', 'state', 'first',
  'chief', 'executive', 'senior', 'general', 'supreme', 'grand', 'crown', 'assistant', 'associate',
  'national', 'security', 'principal', 'managing', 'lead', 'opposition', 'party', 'minority',
  'majority', 'house', 'senate', 'top', 'military', 'army', 'police', 'district', 'attorney',
  'affairs', 'press', 'presidential', 'federal', 'regional', 'provincial', 'foreign-policy',
  'political', 'communications', 'operating', 'financial', 'technology', 'justice', 'labor', 'labour',
  'agriculture', 'culture', 'transport', 'environment', 'home', 'treasury', 'intelligence', 'staff',
  'special', 'government', 'shadow', 'court', 'high',
]);

/** Honorifics: not job titles; a title run stops at them ("Mr. Putin"). */
export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'mx.', 'madam']);

/** Words that end a title run: the person was formerly in office. */
export const FORMER = new Set(['former', 'ex', 'ex-', 'then', 'late', 'onetime', 'one-time']);

/** Heads meaning membership rather than employment ("Hamas leader", "a member of the party"). */
export const MEMBER_HEADS = new Set(['member', 'members', 'leader', 'militant', 'fighter', 'activist', 'supporter', 'lawmaker', 'legislator', 'mp', 'senator', 'commander']);

/** Person nouns that carry no job title but can bear a nationality ("a Russian-Israeli man"). */
export const PERSON_NOUNS = new Set([
  'man', 'men', 'woman', 'women', 'boy', 'boys', 'girl', 'girls', 'hostage', 'hostages', 'captive',
  'captives', 'citizen', 'citizens', 'national', 'nationals', 'resident', 'residents', 'native',
  'teenager', 'teen', 'student', 'students', 'prisoner', 'prisoners', 'detainee', 'detainees',
  'victim', 'victims', 'survivor', 'survivors', 'soldier', 'soldiers', 'tourist', 'tourists',
  'businessman', 'businesswoman', 'billionaire', 'tycoon', 'oligarch', 'dissident', 'dual',
  'father', 'mother', 'veteran', 'mercenary', 'volunteer', 'player', 'athlete', 'worker', 'workers',
  'member', 'members', 'people', 'person', 'child', 'children', 'couple', 'family', 'pilot',
  // sport: "Irish international Jolene Byrne", "Olympic champion …"
  'international', 'champion', 'star', 'youngster',
]);

/** Kinship noun → relation from the possessor's point of view, and its inverse. */
export const KINSHIP: ReadonlyMap<string, { predicate: string; inverse: string }> = new Map(
  ([
    [['father', 'mother', 'parent', 'dad', 'mom', 'mum', 'stepfather', 'stepmother'], 'parent', 'children'],
    [['son', 'daughter', 'child', 'stepson', 'stepdaughter'], 'children', 'parent'],
    [['wife', 'husband', 'spouse', 'widow', 'widower'], 'spouse', 'spouse'],
    [['brother', 'sister', 'sibling', 'half-brother', 'half-sister', 'twin'], 'sibling', 'sibling'],
    [
      ['grandfather', 'grandmother', 'grandson', 'granddaughter', 'grandchild', 'uncle', 'aunt', 'cousin', 'nephew', 'niece', 'father-in-law', 'mother-in-law', 'son-in-law', 'daughter-in-law', 'brother-in-law', 'sister-in-law'],
      'relatedTo',
      'relatedTo',
    ],
  ] as const).flatMap(([words, predicate, inverse]) => words.map((w) => [w, { predicate, inverse }] as const)),
);

/** Words allowed between a possessive and a kinship noun ("his late father", "her elder sister"). */
export const KIN_MODIFIERS = new Set(['late', 'elder', 'older', 'younger', 'eldest', 'oldest', 'youngest', 'twin', 'estranged', 'beloved', 'only', 'adult', 'teenage', 'baby', 'infant', 'adoptive', 'biological', 'own']);

/** Title words that are also common first names: a one-word name right after them may be a split full name. */
export const AMBIGUOUS_TITLES = new Set(['dean', 'marshal', 'earl', 'duke', 'prince', 'king', 'bishop', 'judge', 'major', 'general']);

/** Words in an organization's name that make it a membership body ("Labour Party", "Civic Passion" is not caught). */
export const MEMBERSHIP_BODIES = new Set([
  'party', 'league', 'front', 'movement', 'alliance', 'coalition', 'caucus', 'bloc', 'club', 'team', 'union',
  'association', 'federation', 'brigade', 'brigades', 'militia', 'army', 'guard', 'church', 'congress',
]);

/** A political party's name: "… Party", or a party named without the word ("Labour", "Lib Dems", "UKIP"). */
export const PARTY_NAME_RE = /\bparty$|^(?:labour|conservatives?|tory|tories|lib(?:eral)? dems?|liberal democrats?|liberals|ukip|snp|plaid cymru|bnp|greens|republicans?|democrats|likud|fidesz|sinn f[eé]in)$/i;

/** Words in an organization's name that make it a news medium ("The Globe and Mail", "LA Weekly"). */
export const NEWS_MEDIA = new Set([
  'times', 'post', 'mail', 'news', 'journal', 'gazette', 'herald', 'telegraph', 'guardian', 'tribune', 'television',
  'tv', 'radio', 'agency', 'press', 'magazine', 'weekly', 'daily', 'reuters', 'bbc', 'cnn', 'broadcasting', 'globe',
  'chronicle', 'observer', 'independent', 'economist', 'wire', 'afp', 'ap', 'yonhap', 'xinhua', 'tass', 'interfax',
]);
