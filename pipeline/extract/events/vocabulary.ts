/**
 * Event types and participant roles the event extractor writes, as data (exported with the
 * dataset's vocabulary). Types map to a schema.org Event subtype where one fits; schema.org has no
 * subtypes for most news events, so their superclass is schema:Event and the project term
 * ("nf:Attack") carries the meaning.
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
  },
  {
    type: 'Attack',
    label: 'attack',
    comment: 'A violent attack, assault, bombing, raid or invasion.',
    schemaOrg: EVENT,
    triggers: ['attack', 'assault', 'bomb', 'shell', 'raid', 'invade', 'ambush', 'stab', 'bombing', 'airstrike', 'invasion', 'massacre', 'shooting'],
    roles: ['agent', 'target'],
  },
  {
    type: 'Death',
    label: 'death',
    comment: 'A person dies or is killed ("killed", "died", "left X dead", "found dead", "shot dead").',
    schemaOrg: EVENT,
    triggers: ['die', 'kill', 'murder', 'slay', 'death', 'killing', 'leave … dead', 'find … dead', 'shoot dead'],
    roles: ['victim', 'agent'],
  },
  {
    type: 'Abduction',
    label: 'abduction / hostage-taking',
    comment: 'A person is abducted, kidnapped or taken hostage or captive.',
    schemaOrg: EVENT,
    triggers: ['abduct', 'kidnap', 'take hostage', 'take captive', 'take prisoner', 'hold hostage', 'abduction', 'kidnapping'],
    roles: ['patient', 'agent'],
  },
  {
    type: 'Release',
    label: 'release',
    comment: 'A captive, hostage or prisoner is freed or released. Requires a person released: "a video released by Hamas" is no event.',
    schemaOrg: EVENT,
    triggers: ['free', 'release', 'set free', 'freeing'],
    roles: ['patient', 'agent'],
  },
  {
    type: 'Arrest',
    label: 'arrest',
    comment: 'A person is arrested or detained.',
    schemaOrg: EVENT,
    triggers: ['arrest', 'detain', 'take into custody', 'detention'],
    roles: ['patient', 'agent'],
  },
  {
    type: 'Statement',
    label: 'statement',
    comment: 'A public announcement or appeal; only strong cues (announce, declare, urge, call on, pledge, vow). Ordinary "said" is the quote layer\'s job.',
    schemaOrg: EVENT,
    triggers: ['announce', 'declare', 'urge', 'call on', 'pledge', 'vow', 'announcement'],
    roles: ['agent', 'addressee'],
  },
  {
    type: 'Negotiation',
    label: 'negotiation',
    comment: 'Parties negotiate or hold talks.',
    schemaOrg: EVENT,
    triggers: ['negotiate', 'negotiation', 'talks'],
    roles: ['participant'],
  },
  {
    type: 'Ceasefire',
    label: 'ceasefire',
    comment: 'A ceasefire or truce; recorded when the text gives its parties or its date.',
    schemaOrg: EVENT,
    triggers: ['ceasefire', 'cease-fire', 'truce', 'armistice'],
    roles: ['participant'],
  },
  {
    type: 'Election',
    label: 'election',
    comment: 'An election, or a person being elected.',
    schemaOrg: EVENT,
    triggers: ['elect', 're-elect', 'election', 're-election'],
    roles: ['patient', 'agent'],
  },
  {
    type: 'Resignation',
    label: 'resignation',
    comment: 'A person resigns or steps down.',
    schemaOrg: EVENT,
    triggers: ['resign', 'step down', 'resignation'],
    roles: ['agent'],
  },
  {
    type: 'Appointment',
    label: 'appointment',
    comment: 'A person is appointed or nominated to a post.',
    schemaOrg: EVENT,
    triggers: ['appoint', 'nominate', 'appointment', 'nomination'],
    roles: ['patient', 'agent'],
  },
  {
    type: 'Travel',
    label: 'travel / visit',
    comment: 'A person travels to or visits a place; the destination is the event place.',
    schemaOrg: EVENT,
    triggers: ['visit', 'travel', 'fly', 'arrive', 'trip'],
    roles: ['agent', 'participant'],
  },
];

export const ROLE_VOCABULARY: readonly RoleTerm[] = [
  { role: 'agent', label: 'agent', comment: 'Who does it: the attacker, abductor, releasing party ("freed by Hamas"), arresting authority, speaker, traveller, the one who resigns or appoints. The subject of an active trigger or the "by" phrase of a passive one.' },
  { role: 'patient', label: 'patient', comment: 'Who undergoes it: the person abducted, released, arrested, elected or appointed. The object of an active trigger or the subject of a passive one.' },
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
