/**
 * Trigger lexicon: surface forms of the verbs and nouns that state an event, with the grammatical
 * facts the participant rules need (can the form be a past participle? is it an -ing form?).
 */

export type TriggerPos = 'verb' | 'noun';

export interface TriggerForm {
  type: string;
  lemma: string;
  pos: TriggerPos;
  /** the form can be a past participle (passive: "was freed") */
  participle: boolean;
  /** the form is only a participle ("taken", "slain"): without an auxiliary it is a reduced relative */
  participleOnly: boolean;
  ing: boolean;
  /** for meet/receive/host: how subject and object map to roles */
  meeting?: 'symmetric' | 'host';
}

/** Two-part triggers: a verb and the words after it, optionally with the object in between. */
export interface PhraseTrigger {
  type: string;
  lemma: string;
  rest: readonly string[];
  /** "took him hostage", "left his father … dead": a gap holding the object */
  gap: boolean;
  /** the gap holds only a determiner and modifiers ("issued an order", "exchanged artillery fire") */
  modifiersOnly?: boolean;
}

export const SINGLE = new Map<string, TriggerForm[]>();
export const PHRASES = new Map<string, PhraseTrigger[]>();
/** surface form → lemma and participle facts, for every verb a phrase can start with */
const PHRASE_VERBS = new Map<string, { lemma: string; participle: boolean; participleOnly: boolean; ing: boolean }>();

function regular(base: string): [string, string, string, string] {
  const s = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const past = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  const ing = base.endsWith('e') && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return [s, past, past, ing];
}

function add(form: string, t: TriggerForm): void {
  const list = SINGLE.get(form) ?? [];
  list.push(t);
  SINGLE.set(form, list);
}

/** forms: [3rd singular, past, past participle, -ing]; regular inflection when omitted */
function verb(type: string, base: string, forms?: [string, string, string, string], meeting?: TriggerForm['meeting']): void {
  const [s, past, pp, ing] = forms ?? regular(base);
  const mk = (participle: boolean, participleOnly: boolean, isIng: boolean): TriggerForm => ({
    type, lemma: base, pos: 'verb', participle, participleOnly, ing: isIng, ...(meeting ? { meeting } : {}),
  });
  add(base, mk(false, false, false));
  add(s, mk(false, false, false));
  if (past === pp) add(past, mk(true, false, false));
  else {
    add(past, mk(false, false, false));
    add(pp, mk(true, true, false));
  }
  add(ing, mk(false, false, true));
}

/** a verb registered without its base and -s forms, which are mostly nouns */
function pastOnly(type: string, base: string): void {
  const [, past, , ing] = regular(base);
  add(past, { type, lemma: base, pos: 'verb', participle: true, participleOnly: false, ing: false });
  add(ing, { type, lemma: base, pos: 'verb', participle: false, participleOnly: false, ing: true });
}

function noun(type: string, lemma: string, ...forms: string[]): void {
  for (const f of forms) add(f, { type, lemma, pos: 'noun', participle: false, participleOnly: false, ing: false });
}

function phraseVerb(base: string, forms?: [string, string, string, string]): void {
  const [s, past, pp, ing] = forms ?? regular(base);
  PHRASE_VERBS.set(base, { lemma: base, participle: false, participleOnly: false, ing: false });
  PHRASE_VERBS.set(s, { lemma: base, participle: false, participleOnly: false, ing: false });
  PHRASE_VERBS.set(past, { lemma: base, participle: past === pp, participleOnly: false, ing: false });
  PHRASE_VERBS.set(pp, { lemma: base, participle: true, participleOnly: past !== pp, ing: false });
  PHRASE_VERBS.set(ing, { lemma: base, participle: false, participleOnly: false, ing: true });
}

function phrase(type: string, lemma: string, rest: string[], gap = false, modifiersOnly = false): void {
  const list = PHRASES.get(lemma) ?? [];
  list.push({ type, lemma, rest, gap, ...(modifiersOnly ? { modifiersOnly } : {}) });
  PHRASES.set(lemma, list);
}

export function phraseVerbForm(word: string): { lemma: string; participle: boolean; participleOnly: boolean; ing: boolean } | undefined {
  return PHRASE_VERBS.get(word);
}

// Meeting
verb('Meeting', 'meet', ['meets', 'met', 'met', 'meeting'], 'symmetric');
verb('Meeting', 'receive', undefined, 'host');
verb('Meeting', 'host', undefined, 'host');
noun('Meeting', 'meeting', 'meeting', 'meetings', 'summit', 'summits');
// Attack
verb('Attack', 'attack');
verb('Attack', 'assault');
verb('Attack', 'bomb');
verb('Attack', 'shell', ['shells', 'shelled', 'shelled', 'shelling']);
verb('Attack', 'raid');
verb('Attack', 'invade');
verb('Attack', 'ambush');
verb('Attack', 'stab', ['stabs', 'stabbed', 'stabbed', 'stabbing']);
// "fired shells at", "fired on": needs a weapon or a target preposition (checked by the extractor)
verb('Attack', 'fire');
noun('Attack', 'attack', 'attack', 'attacks', 'assault', 'assaults', 'bombing', 'bombings', 'airstrike', 'airstrikes', 'raid', 'raids', 'invasion', 'massacre', 'shooting', 'shelling', 'gunfire');
phraseVerb('exchange');
phraseVerb('open');
phrase('Attack', 'exchange', ['fire'], true, true);
phrase('Attack', 'open', ['fire']);
// Death
verb('Death', 'die', ['dies', 'died', 'died', 'dying']);
verb('Death', 'kill');
verb('Death', 'murder');
verb('Death', 'slay', ['slays', 'slew', 'slain', 'slaying']);
noun('Death', 'death', 'death', 'deaths', 'killing', 'killings', 'murder', 'murders', 'suicide');
phraseVerb('commit', ['commits', 'committed', 'committed', 'committing']);
phrase('Death', 'commit', ['suicide']);
phraseVerb('leave', ['leaves', 'left', 'left', 'leaving']);
phraseVerb('find', ['finds', 'found', 'found', 'finding']);
phraseVerb('shoot', ['shoots', 'shot', 'shot', 'shooting']);
phrase('Death', 'leave', ['dead'], true);
phrase('Death', 'find', ['dead'], true);
phrase('Death', 'shoot', ['dead'], true);
// Abduction
verb('Abduction', 'abduct');
verb('Abduction', 'kidnap', ['kidnaps', 'kidnapped', 'kidnapped', 'kidnapping']);
noun('Abduction', 'abduction', 'abduction', 'abductions', 'kidnapping', 'kidnappings');
phraseVerb('take', ['takes', 'took', 'taken', 'taking']);
phraseVerb('hold', ['holds', 'held', 'held', 'holding']);
for (const w of ['hostage', 'captive', 'prisoner']) phrase('Abduction', 'take', [w], true);
for (const w of ['hostage', 'captive']) phrase('Abduction', 'hold', [w], true);
// Release
verb('Release', 'free', ['frees', 'freed', 'freed', 'freeing']);
verb('Release', 'release');
noun('Release', 'release', 'release', 'releases');
phraseVerb('set', ['sets', 'set', 'set', 'setting']);
phrase('Release', 'set', ['free'], true);
// Arrest
verb('Arrest', 'arrest');
verb('Arrest', 'detain');
verb('Arrest', 'imprison');
verb('Arrest', 'jail');
noun('Arrest', 'arrest', 'arrest', 'arrests', 'detention', 'imprisonment');
phrase('Arrest', 'take', ['into', 'custody'], true);
// Statement
verb('Statement', 'announce');
verb('Statement', 'declare');
verb('Statement', 'urge');
verb('Statement', 'pledge');
verb('Statement', 'vow');
verb('Statement', 'appeal');
verb('Statement', 'warn');
verb('Statement', 'condemn');
// their base forms are mostly nouns in news ("demand for oil", "a court order"): past and -ing forms only
pastOnly('Statement', 'demand');
pastOnly('Statement', 'request');
// requests and orders: only with a following "to"/"for"/"not" (checked by the extractor)
pastOnly('Statement', 'ask');
pastOnly('Statement', 'order');
noun('Statement', 'announcement', 'announcement', 'announcements', 'statement', 'statements', 'declaration', 'appeal', 'appeals', 'warning', 'plea', 'ultimatum');
phraseVerb('call');
phraseVerb('issue');
phraseVerb('speak', ['speaks', 'spoke', 'spoken', 'speaking']);
phrase('Statement', 'call', ['on']);
phrase('Statement', 'call', ['for']);
phrase('Statement', 'speak', ['out']);
for (const w of ['order', 'orders', 'statement', 'warning', 'appeal', 'ultimatum', 'decree']) phrase('Statement', 'issue', [w], true, true);
// Negotiation
verb('Negotiation', 'negotiate');
noun('Negotiation', 'negotiation', 'negotiation', 'negotiations', 'talks');
// Ceasefire
noun('Ceasefire', 'ceasefire', 'ceasefire', 'cease-fire', 'truce', 'armistice');
// Election
verb('Election', 'elect');
verb('Election', 're-elect');
noun('Election', 'election', 'election', 'elections', 're-election');
// Resignation
verb('Resignation', 'resign');
noun('Resignation', 'resignation', 'resignation');
phraseVerb('step', ['steps', 'stepped', 'stepped', 'stepping']);
phrase('Resignation', 'step', ['down']);
// Appointment
verb('Appointment', 'appoint');
verb('Appointment', 'nominate');
noun('Appointment', 'appointment', 'appointment', 'nomination');
// Travel
verb('Travel', 'visit');
verb('Travel', 'travel', ['travels', 'traveled', 'traveled', 'traveling']);
verb('Travel', 'travel', ['travels', 'travelled', 'travelled', 'travelling']);
verb('Travel', 'fly', ['flies', 'flew', 'flown', 'flying']);
verb('Travel', 'arrive');
// motion verbs: the extractor requires a destination or a moved person
verb('Travel', 'go', ['goes', 'went', 'gone', 'going']);
verb('Travel', 'come', ['comes', 'came', 'come', 'coming']);
verb('Travel', 'return');
verb('Travel', 'flee', ['flees', 'fled', 'fled', 'fleeing']);
verb('Travel', 'send', ['sends', 'sent', 'sent', 'sending']);
verb('Travel', 'move');
verb('Travel', 'transfer', ['transfers', 'transferred', 'transferred', 'transferring']);
verb('Travel', 'evacuate');
verb('Travel', 'dispatch');
verb('Travel', 'deploy');
verb('Travel', 'deport');
verb('Travel', 'relocate');
noun('Travel', 'visit', 'visit', 'visits', 'trip', 'trips', 'journey', 'evacuation', 'deportation');

/** every word that can start a trigger: one set lookup rules out most tokens */
export const TRIGGER_STARTS: ReadonlySet<string> = new Set([...SINGLE.keys(), ...PHRASE_VERBS.keys()]);
