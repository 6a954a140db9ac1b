/**
 * Event types and participant roles the event extractor writes, as data (exported with the
 * dataset's vocabulary). Types map to a schema.org Event subtype where one fits; schema.org has no
 * subtypes for most news events, so their superclass is schema:Event and the project term
 * ("nf:Attack") carries the meaning.
 *
 * Alignment with the two standard news-event inventories, so the data can be compared with systems
 * trained on them: `ace` is the ACE 2005 type.subtype (LDC, "ACE (Automatic Content Extraction)
 * English Annotation Guidelines for Events" v5.4.3), `cameo` the CAMEO root or sub code (Schrodt,
 * "CAMEO Conflict and Mediation Event Observations Codebook" v1.1b3). null means the inventory has no
 * equivalent, and the `alignment` note says why or how loose the match is.
 */

export interface EventTypeTerm {
  type: string;
  label: string;
  comment: string;
  /** the schema.org class the type specializes */
  schemaOrg: string;
  /** lemmas of the verbs and nouns (and phrases) that trigger it */
  triggers: readonly string[];
  /** roles its participants take, from ROLE_VOCABULARY */
  roles: readonly string[];
  /** ACE 2005 event type.subtype, or null when ACE has none */
  ace: string | null;
  /** CAMEO event code (root "19" or sub-code "0431"), or null when CAMEO has none */
  cameo: string | null;
  /** how close the alignment is, where it is not exact */
  alignment?: string;
}

export interface RoleTerm {
  role: string;
  label: string;
  comment: string;
}

const EVENT = 'https://schema.org/Event';

export const EVENT_VOCABULARY: readonly EventTypeTerm[] = [
  {
    type: 'Meeting',
    label: 'meeting',
    comment: 'People or organizations meet in person ("met with", "received X", "a meeting between"). A later "the meeting" with no new participants or date is the same event.',
    schemaOrg: EVENT,
    triggers: ['meet', 'receive', 'host', 'meeting', 'summit'],
    roles: ['host', 'guest', 'participant'],
    ace: 'Contact.Meet',
    cameo: '04',
    alignment: 'CAMEO root 04 (Consult): 043 "host a visit" when one side receives the other, 044 "meet at a third location" otherwise. Negotiation is separate (046).',
  },
  {
    type: 'Attack',
    label: 'attack',
    comment: 'An attack, assault, bombing, raid, shelling or invasion; "fire" only with a weapon or target ("fired shells at", "fired on").',
    schemaOrg: EVENT,
    triggers: ['attack', 'assault', 'bomb', 'shell', 'raid', 'invade', 'ambush', 'stab', 'fire … at', 'exchange … fire', 'open fire', 'bombing', 'airstrike', 'invasion', 'massacre', 'shooting', 'gunfire'],
    roles: ['agent', 'target'],
    ace: 'Conflict.Attack',
    cameo: '19',
    alignment: 'CAMEO 19 (Fight) covers armed attacks: 190 use conventional force, 193 small arms, 194 artillery and tanks, 195 aerial weapons. Cyber attacks are reported as Attack too; neither inventory has a subtype for them.',
  },
  {
    type: 'Death',
    label: 'death',
    comment: 'A person dies or is killed ("killed", "died", "left X dead", "found dead", "shot dead", "committed suicide"). Victims the text does not name count when a number or person noun stands for them ("killing 107", "345 pilgrims were killed").',
    schemaOrg: EVENT,
    triggers: ['die', 'kill', 'murder', 'slay', 'death', 'killing', 'suicide', 'leave … dead', 'find … dead', 'shoot dead', 'commit suicide'],
    roles: ['victim', 'agent'],
    ace: 'Life.Die',
    cameo: '1823',
    alignment: 'CAMEO 1823 "kill by physical assault" only for killings with an agent; deaths by accident or illness have no CAMEO code (CAMEO codes interactions between actors).',
  },
  {
    type: 'Abduction',
    label: 'abduction / hostage-taking',
    comment: 'A person is abducted, kidnapped or taken hostage or captive.',
    schemaOrg: EVENT,
    triggers: ['abduct', 'kidnap', 'take hostage', 'take captive', 'take prisoner', 'hold hostage', 'abduction', 'kidnapping'],
    roles: ['patient', 'agent'],
    ace: null,
    cameo: '181',
    alignment: 'CAMEO 181 "abduct, hijack, or take hostage". ACE has no abduction subtype (the nearest, Justice.Arrest-Jail, needs a legal authority).',
  },
  {
    type: 'Release',
    label: 'release',
    comment: 'A captive, hostage or prisoner is freed or released. Requires a person released: "a video released by Hamas" is no event.',
    schemaOrg: EVENT,
    triggers: ['free', 'release', 'set free', 'freeing'],
    roles: ['patient', 'agent'],
    ace: 'Justice.Release-Parole',
    cameo: '0841',
    alignment: 'CAMEO 0841 "return, release person(s)". ACE Release-Parole is for legal custody; hostages freed by their captors fit CAMEO better.',
  },
  {
    type: 'Arrest',
    label: 'arrest',
    comment: 'A person is arrested, detained or imprisoned.',
    schemaOrg: EVENT,
    triggers: ['arrest', 'detain', 'imprison', 'jail', 'take into custody', 'detention', 'imprisonment'],
    roles: ['patient', 'agent'],
    ace: 'Justice.Arrest-Jail',
    cameo: '173',
    alignment: 'CAMEO 173 "arrest, detain, or charge with legal action"; imprisonment ("imprisoned her") is ACE Arrest-Jail too.',
  },
  {
    type: 'Statement',
    label: 'statement',
    comment: 'A public announcement, statement, appeal, request, demand, order or warning: announce, declare, urge, call on/for, appeal, ask or order X to, demand, request, warn, condemn, pledge, vow, speak out, issue a statement/order, and the nouns statement, announcement, appeal, warning. A statement noun\'s agent is its possessor or the clause subject ("Whitmore told LA Weekly in a statement"). Ordinary "said" is the quote layer\'s job.',
    schemaOrg: EVENT,
    triggers: ['announce', 'declare', 'urge', 'call on', 'call for', 'appeal', 'ask … to', 'order … to', 'demand', 'request', 'warn', 'condemn', 'pledge', 'vow', 'speak out', 'issue … statement', 'announcement', 'statement', 'declaration', 'warning', 'plea', 'ultimatum'],
    roles: ['agent', 'addressee'],
    ace: null,
    cameo: '01',
    alignment: 'CAMEO 01 (Make public statement); appeals ("urge", "call on", "asked X to") are CAMEO 02 (Appeal), demands 10 (Demand), warnings 13 (Threaten) — one project type, the trigger tells them apart. ACE has no statement event.',
  },
  {
    type: 'Negotiation',
    label: 'negotiation',
    comment: 'Parties negotiate or hold talks.',
    schemaOrg: EVENT,
    triggers: ['negotiate', 'negotiation', 'talks'],
    roles: ['participant'],
    ace: null,
    cameo: '046',
    alignment: 'CAMEO 046 "engage in negotiation". ACE has no negotiation event (Contact.Meet is the nearest).',
  },
  {
    type: 'Ceasefire',
    label: 'ceasefire',
    comment: 'A ceasefire or truce; recorded when the text gives its parties or its date.',
    schemaOrg: EVENT,
    triggers: ['ceasefire', 'cease-fire', 'truce', 'armistice'],
    roles: ['participant'],
    ace: null,
    cameo: '0871',
    alignment: 'CAMEO 0871 "declare ceasefire" (under 087, de-escalate military engagement). ACE has none.',
  },
  {
    type: 'Election',
    label: 'election',
    comment: 'An election, or a person being elected.',
    schemaOrg: EVENT,
    triggers: ['elect', 're-elect', 'election', 're-election'],
    roles: ['patient', 'agent'],
    ace: 'Personnel.Elect',
    cameo: null,
    alignment: 'CAMEO codes no elections (they are not interactions between actors).',
  },
  {
    type: 'Resignation',
    label: 'resignation',
    comment: 'A person resigns or steps down (also unnamed people: "veteran politicians stepped down").',
    schemaOrg: EVENT,
    triggers: ['resign', 'step down', 'resignation'],
    roles: ['agent'],
    ace: 'Personnel.End-Position',
    cameo: null,
    alignment: 'ACE End-Position also covers firings and retirements. CAMEO has no resignation code (0874 "retreat or surrender militarily" is unrelated).',
  },
  {
    type: 'Appointment',
    label: 'appointment',
    comment: 'A person is appointed or nominated to a post.',
    schemaOrg: EVENT,
    triggers: ['appoint', 'nominate', 'appointment', 'nomination'],
    roles: ['patient', 'agent'],
    ace: 'Personnel.Start-Position',
    cameo: null,
    alignment: 'ACE Start-Position also covers hirings. CAMEO has none.',
  },
  {
    type: 'Travel',
    label: 'travel / visit',
    comment: 'A person travels to or visits a place, or is moved there (sent, transferred, evacuated, deported); the destination is the event place. Motion verbs (go, come, return, flee, travel, arrive) need a destination right after them, and a bare -ing form ("Muslims traveling to the U.S.") describes rather than reports.',
    schemaOrg: EVENT,
    triggers: ['visit', 'travel', 'fly', 'arrive', 'go to', 'come to', 'return', 'flee', 'send', 'move', 'transfer', 'evacuate', 'dispatch', 'deploy', 'deport', 'relocate', 'trip', 'journey', 'evacuation', 'deportation'],
    roles: ['agent', 'patient', 'participant'],
    ace: 'Movement.Transport',
    cameo: '042',
    alignment: 'ACE Movement.Transport covers any movement of people, including being sent, moved or evacuated. CAMEO 042 "make a visit" / 043 "host a visit" match visits only; travel without a host has no CAMEO code.',
  },
];

export const ROLE_VOCABULARY: readonly RoleTerm[] = [
  { role: 'agent', label: 'agent', comment: 'Who does it: the attacker, abductor, releasing party ("freed by Hamas"), arresting authority, speaker, traveller, the one who resigns or appoints. The subject of an active trigger or the "by" phrase of a passive one.' },
  { role: 'patient', label: 'patient', comment: 'Who undergoes it: the person abducted, released, arrested, elected, appointed, or moved (sent, transferred, evacuated). The object of an active trigger or the subject of a passive one.' },
  { role: 'victim', label: 'victim', comment: 'The person who dies in a Death event.' },
  { role: 'target', label: 'target', comment: 'Who or what is attacked ("assault on Israel").' },
  { role: 'host', label: 'host', comment: 'In a Meeting, the one who receives or hosts ("Putin received X").' },
  { role: 'guest', label: 'guest', comment: 'In a Meeting, the one received or hosted.' },
  { role: 'participant', label: 'participant', comment: 'Takes part without a more specific role ("met with", "talks between").' },
  { role: 'addressee', label: 'addressee', comment: 'Whom a Statement is addressed to ("urged the Kremlin", "called on Hamas").' },
];

/** schema.org class of an event type (schema:Event when the type is unknown). */
export function eventSchemaOrg(type: string): string {
  return EVENT_VOCABULARY.find((t) => t.type === type)?.schemaOrg ?? EVENT;
}
