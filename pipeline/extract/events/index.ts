import type { Component, Doc, EventParticipant, NewsEvent, Timex } from '../document.ts';
import { DETERMINERS, DocIndex, POSSESSIVE_PRONOUNS, PREPOSITIONS, SUBJECT_PRONOUNS, isCapitalized, type MentionRef } from '../relations/doc-index.ts';
import { PERSON_NOUNS } from '../relations/lexicon.ts';
import { PHRASES, SINGLE, TRIGGER_STARTS, phraseVerbForm, type TriggerForm } from './triggers.ts';

export { EVENT_VOCABULARY, ROLE_VOCABULARY, eventSchemaOrg, type EventTypeTerm, type RoleTerm } from './vocabulary.ts';

/**
 * Typed events from trigger words and shallow syntax. Participants come from the subject before
 * the verb group, the object after it, "by" phrases, possessives and prepositional phrases.
 * Dates are TimeML values of a timex in the trigger's clause; places are Place entities after a
 * locative preposition, or an Organization after "at the" (a venue such as "at the Kremlin" or
 * "at the White House": the organization names its building there).
 * Repeated mentions of one event ("the meeting", "Trufanov's release") merge into the first.
 */

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'get', 'gets', 'got', 'gotten', 'getting']);
const HAVE = new Set(['has', 'have', 'had', 'having']);
const MODALS = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'shall', "'ll", '’ll', 'cannot']);
const NEGATIONS = new Set(['not', 'never', "n't", 'n’t', 'no']);
const ADVERBS = new Set([
  'also', 'later', 'then', 'still', 'finally', 'recently', 'reportedly', 'allegedly', 'subsequently',
  'eventually', 'soon', 'already', 'again', 'just', 'only', 'ever', 'once', 'both', 'first', 'initially',
  'publicly', 'briefly', 'himself', 'herself', 'themselves', 'itself', 'reportedly', 'apparently',
]);
const COORDINATORS = new Set(['and', 'but', 'or']);
const CLAUSE_WORDS = new Set(['while', 'whereas', 'but', 'although', 'though', 'because', 'since', 'unless', 'whether']);
const RELATIVES = new Set(['who', 'whose', 'which', 'where', 'when', 'whom']);
/** verbs that make a following event noun unreal: "secure the release of", "demanded the release" */
const IRREALIS_GOVERNORS = new Set([
  'secure', 'securing', 'demand', 'demanded', 'demanding', 'demands', 'seek', 'sought', 'seeking', 'call', 'called',
  'calling', 'urge', 'urged', 'push', 'pushed', 'pushing', 'plan', 'planned', 'planning', 'threaten', 'threatened',
  'prevent', 'prevented', 'avoid', 'negotiate', 'negotiating', 'negotiated', 'want', 'wanted', 'hope', 'hoped',
  'await', 'awaiting', 'awaited', 'expect', 'expected', 'for', 'possible', 'potential', 'future', 'proposed',
]);
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'to', 'into']);
/** what makes a statement noun one the clause's subject made: "in a statement", "issued a statement" */
const STATEMENT_FRAMES = new Set(['in', 'via', 'through', 'with', 'issued', 'issue', 'issues', 'made', 'make', 'released', 'published', 'posted', 'put']);
/** prepositions that put an event inside an attack ("during the assault") */
const DURING = new Set(['during', 'in', 'amid', 'amidst']);
/** adverbials whose -ing verb takes the main clause's subject ("after traveling back, Montalvo …") */
const ADVERBIAL_ING = new Set(['after', 'before', 'while', 'since', 'upon', 'when']);
/** motion verbs that need a destination to state a trip */
const INTRANSITIVE_MOTION = new Set(['go', 'come', 'return', 'flee', 'arrive', 'fly', 'travel']);
/** verbs of moving someone: the object is moved (patient) */
const CAUSED_MOTION = new Set(['send', 'move', 'transfer', 'evacuate', 'dispatch', 'deploy', 'deport', 'relocate']);
/** what "fire" needs to be an attack */
const WEAPONS = new Set([
  'shell', 'shells', 'rounds', 'rocket', 'rockets', 'missile', 'missiles', 'shots', 'shot', 'artillery', 'mortar',
  'mortars', 'bullets', 'weapons', 'guns', 'salvo', 'salvos', 'projectiles', 'grenades', 'gas', 'warning', 'volley',
]);
/**
 * "attack", "assault" and "shooting" in news are as often words, a team's play or a heart's: an
 * attack needs one of these in its sentence (weapons, casualties, forces, or hackers' tools)
 */
const VIOLENCE_CUES = new Set([
  'kill', 'kills', 'killed', 'killing', 'killings', 'dead', 'death', 'deaths', 'died', 'wounded', 'wounding', 'injured',
  'injuring', 'injuries', 'bomb', 'bombs', 'bomber', 'bombers', 'bombing', 'bombings', 'suicide', 'terror', 'terrorist',
  'terrorists', 'terrorism', 'militant', 'militants', 'militia', 'militias', 'rebels', 'insurgents', 'insurgent', 'troops',
  'soldiers', 'army', 'military', 'police', 'policeman', 'policemen', 'gunman', 'gunmen', 'gun', 'guns', 'gunfire', 'shot',
  'shots', 'rocket', 'rockets', 'missile', 'missiles', 'mortar', 'mortars', 'grenade', 'grenades', 'explosion', 'explosive',
  'explosives', 'blast', 'knife', 'stabbed', 'muggers', 'mugged', 'robbers', 'hostage', 'hostages', 'airstrike', 'airstrikes',
  'weapon', 'weapons', 'armed', 'violence', 'violent', 'victim', 'victims', 'casualties', 'civilians', 'bullets', 'shells',
  'artillery', 'war', 'forces', 'hospital', 'hospitalised', 'hospitalized', 'attackers', 'assailant', 'assailants', 'battered',
  'hackers', 'hacker', 'hacking', 'cyber', 'denial-of-service', 'ddos', 'malware',
]);
/** words of a sports report, where teams "meet" in a match and athletes race at a "meeting" */
const MATCH_CUES = new Set([
  'league', 'premiership', 'cup', 'champions', 'championship', 'championships', 'match', 'derby',
  'tournament', 'semi-final', 'quarter-final', 'final', 'draw', 'indoor', 'athletics', 'prix', 'slam',
]);
const CUED_ATTACK_WORDS = new Set([
  'attack', 'attacks', 'attacked', 'attacking', 'assault', 'assaults', 'assaulted', 'assaulting', 'shooting',
  // "the Brown cash raid", "ministers who had raided the pension fund"
  'raid', 'raids', 'raided', 'raiding',
]);
/** nouns an event noun premodifies without stating an event ("travel ban", "death toll") */
const NOUN_COMPOUND_HEADS = new Set([
  'ban', 'bans', 'restrictions', 'advisory', 'agency', 'agent', 'industry', 'insurance', 'documents', 'penalty',
  'row', 'threat', 'threats', 'sentence', 'certificate', 'toll', 'helicopter', 'helicopters', 'dog', 'dogs', 'squad',
  'warrant', 'warrants', 'record', 'records', 'rate', 'rates', 'plan', 'plans', 'costs', 'expenses', 'policy',
  'law', 'laws', 'bill', 'campaign', 'committee', 'commission', 'officials', 'official', 'results', 'date', 'season',
  'camp', 'camps', 'centre', 'centres', 'center', 'centers', 'facility', 'facilities',
]);
/** plural nouns for groups of people, besides the person nouns of the relation lexicon */
const GROUP_NOUNS = new Set([
  'team', 'delegation', 'pilgrims', 'civilians', 'politicians', 'officials', 'passengers', 'protesters', 'demonstrators', 'militants',
  'fighters', 'troops', 'police', 'officers', 'migrants', 'refugees', 'journalists', 'villagers', 'miners', 'patients',
  'dead', 'ministers', 'lawmakers', 'candidates', 'leaders', 'staff', 'employees', 'fans', 'spectators',
]);
const NUMBER_WORDS = new Set([
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozen', 'dozens',
  'scores', 'hundreds', 'thousands', 'hundred', 'thousand', 'million', 'millions',
]);
/** roles that identify an event when merging repeated mentions */
const CORE_ROLES = new Set(['patient', 'victim', 'guest', 'target', 'host', 'participant']);

/** roles whose organization is named before them ("Spurs manager", "Chelsea chairman") */
const ROLE_NOUNS = new Set(['manager', 'chairman', 'boss', 'coach', 'captain', 'chief', 'leader', 'president', 'director', 'owner', 'head', 'executive']);
/** the people who act for a body or country named before them ("met SEC officials", "urged US leaders") */
const PEOPLE_OF = new Set(['officials', 'executives', 'bosses', 'leaders', 'representatives', 'ministers', 'negotiators', 'diplomats']);

function isAdverb(w: string): boolean {
  return ADVERBS.has(w) || (w.length > 4 && w.endsWith('ly') && !['early', 'only', 'family', 'italy', 'ally', 'rally', 'july'].includes(w));
}

interface Candidate {
  type: string;
  lemma: string;
  pos: 'verb' | 'noun';
  /** trigger token range */
  start: number;
  end: number;
  sentence: number;
  participants: (EventParticipant & { ref?: MentionRef })[];
  timex?: Timex;
  place?: MentionRef;
  definite: boolean;
  /** first token the date/place search may look at (after a reduced relative's trigger) */
  scopeStart?: number;
  /** first token of the evidence span when it starts before trigger and participants */
  extentStart?: number;
  /** the event this candidate was merged into */
  event?: Draft;
  /** the number or noun of people the text does not name ("107" in "107 killed", "politicians") */
  unnamed?: string;
  /** an -ing verb form: progressive after "be", an adverbial after "after"/"before", else a bare participle */
  ing?: boolean;
  progressive?: boolean;
  adverbial?: boolean;
}

interface Draft {
  type: string;
  sentence: number;
  trigger: { start: number; end: number };
  span: { start: number; end: number };
  participants: EventParticipant[];
  timex?: Timex;
  place?: string;
  /** see Candidate.unnamed */
  unnamed?: string;
}

class Analyzer {
  readonly ix: DocIndex;
  /** clause id of each token, in the sentences that have a trigger word (segmented on demand) */
  readonly clause: Int32Array;
  private nextClause = 0;
  /** timex covering a token */
  readonly timexAt: (Timex | undefined)[];

  constructor(readonly doc: Doc) {
    this.ix = DocIndex.of(doc);
    this.clause = new Int32Array(doc.tokens.length);
    this.timexAt = new Array<Timex | undefined>(doc.tokens.length);
    for (const t of doc.timexes) {
      const first = Math.max(0, this.ix.tokenAt(t.start));
      // a "date" inside a name is part of the name ("LA Weekly", "Sunday Times")
      if (this.ix.mentionAt(first)?.mention.kind === 'name') continue;
      for (let i = first; i < doc.tokens.length && doc.tokens[i].start < t.end; i++) this.timexAt[i] = t;
    }
  }

  /**
   * Clause ids: a new clause starts at a subordinating or contrasting conjunction, a semicolon,
   * "after/before + -ing", or a comma-bounded relative clause (", who … ,"), after which the outer
   * clause resumes; quotations are clauses of their own.
   */
  private segmentClauses(si: number): void {
    const s = this.doc.sentences[si];
    let current = this.nextClause++;
    const stack: number[] = [];
    let inRelative = false;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const w = this.ix.lower(i);
      const following = this.ix.lower(i + 1);
      if (w === ',' && RELATIVES.has(following) && !inRelative) {
        stack.push(current);
        current = this.nextClause++;
        inRelative = true;
      } else if ((w === 'who' || w === 'whose') && !inRelative && i > s.tokenStart && this.ix.word(i - 1) !== ',' && this.commaAhead(i, s.tokenEnd)) {
        // "Sir Anthony Meyer, the Tory MP who challenged Margaret Thatcher in 1989, has died": a
        // relative clause inside an apposition, closed by the apposition's comma
        stack.push(current);
        current = this.nextClause++;
        inRelative = true;
      } else if (w === ',' && inRelative && stack.length) {
        this.clause[i] = current;
        current = stack.pop() as number;
        inRelative = false;
        continue;
      } else if (w === '“' || (w === '"' && !stack.length)) {
        stack.push(current);
        current = this.nextClause++;
      } else if ((w === '”' || w === '"') && stack.length) {
        this.clause[i] = current;
        current = stack.pop() as number;
        continue;
      } else if (CLAUSE_WORDS.has(w) || w === ';' || this.infinitive(i) || this.complementizer(i) || ((w === 'after' || w === 'before') && following.endsWith('ing')) || (w === 'when' && this.ix.word(i - 1) === ',')) {
        current = this.nextClause++;
        inRelative = false;
        stack.length = 0;
      }
      this.clause[i] = current;
    }
  }

  /** whether a comma comes after token i in its sentence, outside quotation marks */
  private commaAhead(i: number, sentenceEnd: number): boolean {
    for (let k = i + 1; k < sentenceEnd; k++) {
      const w = this.ix.word(k);
      if (w === ',') return true;
      if (/^[“”"]$/.test(w)) return false;
    }
    return false;
  }

  /** "that" before a determiner, pronoun or name opens a complement clause ("theorized that a … attack") */
  private complementizer(i: number): boolean {
    if (this.ix.lower(i) !== 'that' || this.ix.mentionEndingAt(i - 1)) return false;
    const next = this.ix.lower(i + 1);
    return DETERMINERS.has(next) || SUBJECT_PRONOUNS.has(next) || (this.ix.mentionStartingAt(i + 1) !== undefined && !this.ix.isPossessive(this.ix.mentionStartingAt(i + 1) as MentionRef));
  }

  /** "to" opening an infinitive clause ("called on Hamas to honor …"), not "to Israel", "to the Kremlin" */
  private infinitive(i: number): boolean {
    if (this.ix.lower(i) !== 'to') return false;
    const next = this.ix.word(i + 1);
    const lower = next.toLowerCase();
    return /^\p{Ll}+$/u.test(next) && !DETERMINERS.has(lower) && !POSSESSIVE_PRONOUNS.has(lower) && !/^\d/.test(next) && !this.ix.mentionAt(i + 1);
  }

  sentenceOf(i: number): { start: number; end: number } {
    const s = this.doc.sentences[this.ix.tokens[i].sentence];
    return { start: s.tokenStart, end: s.tokenEnd };
  }

  /** Event triggers of one sentence. */
  triggers(si: number): Candidate[] {
    const s = this.doc.sentences[si];
    const out: Candidate[] = [];
    // most sentences have no trigger word: clauses are segmented only for those that do
    let first = s.tokenStart;
    while (first < s.tokenEnd && !TRIGGER_STARTS.has(this.ix.lower(first))) first++;
    if (first >= s.tokenEnd) return out;
    this.segmentClauses(si);
    // the scan resumes at the first trigger word: nothing before it can start a trigger
    for (let i = first; i < s.tokenEnd; i++) {
      const w = this.ix.lower(i);
      if (!TRIGGER_STARTS.has(w)) continue;
      const phrase = this.phraseAt(i, s.tokenEnd);
      if (phrase) {
        out.push(phrase);
        continue;
      }
      const forms = SINGLE.get(w);
      if (!forms) continue;
      // a proper-noun use ("Operation Release", "Summit Street") is no event
      if (isCapitalized(this.ix.word(i)) && i > s.tokenStart) continue;
      const form = this.choose(forms, i);
      if (!this.licensed(form, i, s.tokenEnd)) continue;
      // a verb-only form after a determiner or possessive is a noun use ("a move", "his return")
      if (form.pos === 'verb' && (DETERMINERS.has(this.ix.lower(i - 1)) || POSSESSIVE_PRONOUNS.has(this.ix.lower(i - 1)) || this.ix.isPossessiveClitic(i - 1))) continue;
      const base: Candidate = {
        type: form.type, lemma: form.lemma, pos: form.pos, start: i, end: i + 1, sentence: si,
        participants: [], definite: false,
      };
      if (form.pos === 'verb') {
        if (this.verbParticipants(base, form)) out.push(base);
      } else if (this.nounParticipants(base)) out.push(base);
    }
    return out;
  }

  /**
   * Lexical conditions some triggers need: "fire" an attack only with a weapon or target ("fired
   * shells at"), "attack" only with violence near (see violent), "ask"/"order" a request only with
   * what is asked ("asked X to …"), "send" travel only to somewhere, "meet" no match between teams,
   * an event noun not as a modifier ("travel ban", "death toll").
   */
  private licensed(form: TriggerForm, i: number, sentenceEnd: number): boolean {
    const ahead = (n: number, ok: (w: string) => boolean): boolean => {
      for (let k = i + 1; k < Math.min(sentenceEnd, i + 1 + n); k++) {
        const w = this.ix.lower(k);
        if (ok(w)) return true;
        if (w === '.' || w === ';') return false;
      }
      return false;
    };
    if (form.type === 'Attack' && CUED_ATTACK_WORDS.has(this.ix.lower(i)) && !this.violent(i)) return false;
    if (form.type === 'Meeting' && /^meet/.test(this.ix.lower(i)) && this.sentenceHas(i, MATCH_CUES)) return false;
    // "sent troops to", "was sent home"; not "sent Mr Bush his congratulations", "was sent off", "sent Southwell streaking"
    if (form.lemma === 'send') return this.ix.lower(i + 1) !== 'off' && ahead(6, (w) => ['to', 'into', 'back', 'home', 'abroad', 'overseas', 'there'].includes(w));
    if (form.pos === 'noun') return !NOUN_COMPOUND_HEADS.has(this.ix.lower(i + 1));
    // "fired the coach", "fired Liverpool into the last 16": a named object is sacked or driven, not shot at
    if (form.lemma === 'fire') return this.ix.mentionStartingAt(i + 1) === undefined && ahead(4, (w) => WEAPONS.has(w) || w === 'at' || w === 'on' || w === 'into');
    if (form.lemma === 'ask' || form.lemma === 'order') {
      return this.ix.lower(i - 1) !== 'in' && ahead(10, (w) => w === 'to' || w === 'for' || w === 'not');
    }
    return true;
  }

  /**
   * Whether the attack word at i is physical: a word of violence in its sentence, or a date that
   * names one ("the 11 September attacks", "9/11"); never a heart's.
   */
  private violent(i: number): boolean {
    const before = [this.ix.lower(i - 1), this.ix.lower(i - 2)];
    if (before[0] === 'heart') return false;
    if (before.some((w) => w === 'september' || w === 'sept.' || w === '9/11')) return true;
    return this.sentenceHas(i, VIOLENCE_CUES);
  }

  /** whether the sentence of token i has one of the words */
  private sentenceHas(i: number, words: ReadonlySet<string>): boolean {
    const s = this.doc.sentences[this.ix.tokens[i].sentence];
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (words.has(this.ix.lower(k))) return true;
    return false;
  }

  /** noun or verb reading of an ambiguous form ("attack", "release", "meeting") */
  private choose(forms: TriggerForm[], i: number): TriggerForm {
    const nounForm = forms.find((f) => f.pos === 'noun');
    const verbForm = forms.find((f) => f.pos === 'verb');
    if (!nounForm || !verbForm) return (nounForm ?? verbForm) as TriggerForm;
    if (verbForm.participle) return verbForm;
    let j = i - 1;
    while (j >= 0 && isAdverb(this.ix.lower(j))) j--;
    const prev = this.ix.lower(j);
    const next = this.ix.lower(i + 1);
    const objectNext = verbForm.ing && prev !== 'the' && (/^\d/.test(next) || DETERMINERS.has(next) || (this.ix.mentionStartingAt(i + 1) !== undefined && !this.ix.isPossessive(this.ix.mentionStartingAt(i + 1) as MentionRef)));
    const verbal = objectNext || BE.has(prev) || HAVE.has(prev) || MODALS.has(prev) || prev === 'to' || RELATIVES.has(prev) || SUBJECT_PRONOUNS.has(prev) || NEGATIONS.has(prev);
    return verbal ? verbForm : nounForm;
  }

  /** multi-word triggers: "taken hostage", "left his father … dead", "called on" */
  private phraseAt(i: number, sentenceEnd: number): Candidate | undefined {
    const vf = phraseVerbForm(this.ix.lower(i));
    if (!vf) return undefined;
    for (const p of PHRASES.get(vf.lemma) ?? []) {
      const matchAt = (k: number): boolean => p.rest.every((r, n) => this.ix.lower(k + n) === r);
      let restAt = -1;
      if (matchAt(i + 1)) restAt = i + 1;
      else if (p.gap) {
        for (let k = i + 2; k < Math.min(sentenceEnd, i + 9); k++) {
          if (this.ix.lower(k) === '.' || this.ix.lower(k) === ';') break;
          if (matchAt(k)) {
            restAt = k;
            break;
          }
        }
      }
      if (restAt < 0) continue;
      const si = this.ix.tokens[i].sentence;
      const form: TriggerForm = { type: p.type, lemma: p.lemma, pos: 'verb', participle: vf.participle, participleOnly: vf.participleOnly, ing: vf.ing };
      const c: Candidate = { type: p.type, lemma: vf.lemma, pos: 'verb', start: i, end: restAt + p.rest.length, sentence: si, participants: [], definite: false };
      if (restAt > i + 1 && p.modifiersOnly) {
        // "issued an order", "exchanged artillery fire": no entity in the gap
        let plain = true;
        for (let k = i + 1; k < restAt; k++) if (this.ix.mentionAt(k) || /^[,.;:“”"()]$/.test(this.ix.word(k))) plain = false;
        if (!plain || restAt > i + 4) continue;
      } else if (restAt > i + 1) {
        // the gap holds the object: "took him hostage", "left his father, Vitali Trupanov, dead"
        const object = this.firstMention(i + 1, restAt, true);
        if (!object) continue;
        const objectRole = p.type === 'Death' ? 'victim' : 'patient';
        c.participants.push({ entity: object.entity.id, role: objectRole, ref: object });
        if (p.type === 'Death' && vf.lemma !== 'shoot') {
          // "left X dead": the state word is the trigger; the subject is at most a cause
          c.start = restAt;
          c.end = restAt + 1;
          c.extentStart = this.clauseStart(i, this.sentenceOf(i).start);
          const subject = this.subjectOf(i, si);
          if (subject.length && subject[0].entity.type !== 'Place') c.participants.push({ entity: subject[0].entity.id, role: 'agent', ref: subject[0] });
          return this.finishVerb(c) ? c : undefined;
        }
        if (!this.verbParticipants(c, form, true)) continue;
        return c;
      }
      if (!this.verbParticipants(c, form)) continue;
      return c;
    }
    return undefined;
  }

  /** first non-possessive entity mention in [from, to) */
  private firstMention(from: number, to: number, persons = false): MentionRef | undefined {
    for (let k = from; k < to; k++) {
      const m = this.ix.mentionAt(k);
      if (!m || this.ix.isPossessive(m)) continue;
      if (persons && m.entity.type !== 'Person') continue;
      return m;
    }
    return undefined;
  }

  /**
   * Verb group before the trigger: auxiliaries, modals, negation, and coordination
   * ("were taken captive but later released" shares "were").
   */
  private verbGroup(start: number, sentenceStart: number): { groupStart: number; be: boolean; irrealis: boolean; coordinated: boolean } {
    let j = start - 1;
    let be = false;
    let irrealis = false;
    let groupStart = start;
    for (; j >= sentenceStart; j--) {
      const w = this.ix.lower(j);
      if (isAdverb(w)) continue;
      if (BE.has(w)) be = true;
      else if (HAVE.has(w)) {
        // perfect: no change of voice
      } else if (MODALS.has(w) || NEGATIONS.has(w) || w === 'to') irrealis = true;
      else break;
      groupStart = j;
    }
    let coordinated = false;
    if (groupStart === start && COORDINATORS.has(this.ix.lower(j))) {
      // share the auxiliary of the first conjunct
      coordinated = true;
      for (let k = j - 1; k >= Math.max(sentenceStart, j - 8); k--) {
        const w = this.ix.lower(k);
        if (this.ix.mentionAt(k) || w === ';') break;
        if (BE.has(w)) {
          be = true;
          groupStart = k;
          break;
        }
        if (MODALS.has(w) || w === 'to') irrealis = true;
      }
      if (groupStart === start) groupStart = j;
    }
    return { groupStart, be, irrealis, coordinated };
  }

  /**
   * Subject mentions before token `before`: the nearest entity mention not governed by a
   * preposition and not possessive, skipping parentheticals (", whose family …,", ", 35,");
   * "who" takes its antecedent. Coordinated subjects ("Putin and Xi") are all returned.
   */
  subjectOf(before: number, si: number): MentionRef[] {
    const s = this.doc.sentences[si];
    // content words between a candidate and the verb: "A Hamas attack on X killed" has "attack",
    // so Hamas is a premodifier, not the subject; "Yelena, grandmother, and partner were" is a list
    let words = 0;
    let separators = 0;
    let longest = 0;
    for (let j = before - 1; j >= s.tokenStart; j--) {
      const w = this.ix.lower(j);
      if (w === ',' || w === 'and' || w === 'or') {
        // "…, and the final word went to Italy": a phrase of its own right before the verb is its subject
        if (separators === 0 && words >= 2) return [];
        separators++;
        words = 0;
      } else if (/^\p{L}/u.test(w) && !this.ix.mentionAt(j) && !this.timexAt[j] && !isAdverb(w) && !PREPOSITIONS.has(w) && !DETERMINERS.has(w)) {
        words++;
        longest = Math.max(longest, words);
      }
      if (w === 'who' || w === 'which' || (w === 'that' && this.ix.mentionEndingAt(j - 1))) return this.antecedent(j);
      if (CLAUSE_WORDS.has(w) || w === ';' || w === ':' || w === '“' || w === '”' || w === 'that' || (w === 'when' && this.ix.word(j - 1) === ',')) return [];
      if (w === ',') {
        const open = this.parentheticalStart(j, s.tokenStart);
        if (open >= 0) j = open;
        continue;
      }
      const m = this.ix.mentionAt(j);
      if (!m) continue;
      if (this.ix.isPossessive(m) || this.ix.afterPreposition(m)) {
        j = m.tokenStart;
        continue;
      }
      if (longest > 2 || (longest > 0 && separators === 0)) return [];
      const subjects = [m];
      let k = m.tokenStart - 1;
      while (k > s.tokenStart && (this.ix.lower(k) === 'and' || this.ix.lower(k) === ',')) {
        const prev = this.ix.mentionEndingAt(k - 1);
        if (!prev || this.ix.isPossessive(prev)) break;
        subjects.unshift(prev);
        k = prev.tokenStart - 1;
      }
      return subjects;
    }
    return [];
  }

  /** for a comma closing a parenthetical (", whose …,", ", 35,", ", a Russian man,", ", the Tory MP who …,"), the index of its opening comma */
  private parentheticalStart(close: number, sentenceStart: number): number {
    for (let k = close - 1; k >= sentenceStart; k--) {
      const w = this.ix.lower(k);
      if (w === ',') {
        const first = this.ix.lower(k + 1);
        if (RELATIVES.has(first) || /^\d+$/.test(first) || first === 'a' || first === 'an' || PREPOSITIONS.has(first)) return k;
        // an apposition to the name before it: "Sir Anthony Meyer, the Tory MP who challenged …,"
        if (first === 'the' && this.ix.mentionEndingAt(k - 1)) return k;
        return -1;
      }
    }
    return -1;
  }

  private antecedent(relative: number): MentionRef[] {
    let k = relative - 1;
    if (this.ix.word(k) === ',') k--;
    if (/^\d+$/.test(this.ix.word(k)) && this.ix.word(k - 1) === ',') k -= 2;
    const m = this.ix.mentionEndingAt(k);
    return m ? [m] : [];
  }

  /** "her" as an object ("imprisoned her for", "moved her to") rather than a possessive ("her passport") */
  private objectHer(m: MentionRef): boolean {
    if (m.mention.text.toLowerCase() !== 'her') return false;
    const next = this.ix.lower(m.tokenEnd);
    return !/^\p{L}/u.test(next) || PREPOSITIONS.has(next) || COORDINATORS.has(next) || next === 'to' || DETERMINERS.has(next) || isAdverb(next);
  }

  /** direct object: the first mention after the trigger, before any preposition or clause break */
  /** a lower-case word that can head a noun phrase: not a function word, verb form, adverb or time */
  private nounAt(k: number): boolean {
    const w = this.ix.word(k);
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(w) || this.timexAt[k] || isAdverb(w) || /(?:ed|ing)$/.test(w)) return false;
    if (PREPOSITIONS.has(w) || CLAUSE_WORDS.has(w) || DETERMINERS.has(w) || SUBJECT_PRONOUNS.has(w) || POSSESSIVE_PRONOUNS.has(w)) return false;
    return !/^(?:and|or|as|if|but|who|which|not|never|him|them|us|me)$/.test(w);
  }

  private objectOf(after: number, sentenceEnd: number, allowWith: boolean): MentionRef[] {
    for (let k = after; k < Math.min(sentenceEnd, after + 6); k++) {
      const w = this.ix.lower(k);
      const m = this.ix.mentionStartingAt(k);
      // "appoints new Japan boss": a name before a noun only qualifies the object, unless it is the
      // organization of a role ("resigns as Spurs manager") or the body its officials act for
      const next = m ? this.ix.lower(m.tokenEnd) : '';
      const role = (m?.entity.type === 'Organization' && ROLE_NOUNS.has(next)) || PEOPLE_OF.has(next);
      if (m && m.mention.kind === 'name' && !this.ix.isPossessive(m) && !role && this.nounAt(m.tokenEnd)) return [];
      if (m && (!this.ix.isPossessive(m) || this.objectHer(m))) {
        const out = [m];
        let q = m.tokenEnd;
        while ((this.ix.lower(q) === 'and' || this.ix.lower(q) === ',') && this.ix.mentionStartingAt(q + 1)) {
          let nextRef = this.ix.mentionStartingAt(q + 1) as MentionRef;
          // "Michael Tien, DAB's Ben Chan": the possessor is a modifier of the next name
          if (this.ix.isPossessive(nextRef)) {
            const owned = this.ix.mentionStartingAt(nextRef.tokenEnd + 1);
            if (!owned) break;
            nextRef = owned;
          }
          out.push(nextRef);
          q = nextRef.tokenEnd;
        }
        return out;
      }
      if (m) {
        k = m.tokenEnd - 1;
        continue;
      }
      if (allowWith && w === 'with') continue;
      if (w === 'on' && k === after) continue; // "called on Hamas"
      if (PREPOSITIONS.has(w) || CLAUSE_WORDS.has(w) || /^[,.;:“”"()]$/.test(w) || w === 'to') return [];
    }
    return [];
  }

  /** agent of a passive: "freed by Hamas" */
  private byAgent(after: number, sentenceEnd: number): MentionRef | undefined {
    for (let k = after; k < Math.min(sentenceEnd, after + 5); k++) {
      const w = this.ix.lower(k);
      if (w === 'by') {
        let q = k + 1;
        while (DETERMINERS.has(this.ix.lower(q))) q++;
        return this.ix.mentionStartingAt(q);
      }
      if (/^[,.;:]$/.test(w) || CLAUSE_WORDS.has(w)) return undefined;
    }
    return undefined;
  }

  /** Participants of a verb trigger; false when it states no event (irrealis, no patient). */
  private verbParticipants(c: Candidate, form: TriggerForm, objectGiven = false): boolean {
    const { start: ss, end: se } = this.sentenceOf(c.start);
    const g = this.verbGroup(c.start, ss);
    if (g.irrealis) return false;
    const passive = form.participle && !form.ing && (g.be || this.reducedRelative(c, form, se));
    const add = (refs: MentionRef[], role: string): void => {
      for (const ref of refs) c.participants.push({ entity: ref.entity.id, role, ref });
    };
    const by = passive ? this.byAgent(c.end, se) : undefined;
    c.ing = form.ing;
    c.progressive = form.ing && g.be;
    let subject: MentionRef[];
    if (passive && !g.be) {
      subject = this.reducedRelativeHead(c.start, ss);
      c.scopeStart = c.start;
    } else if (form.ing && ADVERBIAL_ING.has(this.ix.lower(g.groupStart - 1))) {
      subject = this.mainSubjectAfter(c.end, se);
      c.adverbial = true;
    } else subject = this.subjectOf(g.groupStart, c.sentence);
    const object = passive || objectGiven ? [] : this.objectOf(c.end, se, c.type === 'Meeting' || c.type === 'Negotiation');
    switch (c.type) {
      case 'Meeting': {
        const personObject = object.filter((o) => o.entity.type === 'Person');
        if (form.meeting === 'host') {
          if (passive) {
            add(subject, 'guest');
            if (by) add([by], 'host');
          } else {
            if (!personObject.length) return false;
            add(subject, 'host');
            add(personObject, 'guest');
          }
        } else {
          add(subject, 'participant');
          add(object, 'participant');
          if (by) add([by], 'participant');
        }
        break;
      }
      case 'Attack':
        // "the Church of Scientology's website is being attacked": the owner stands for its property
        add(passive ? (subject.length ? subject : this.possessorBefore(g.groupStart, ss)) : object, 'target');
        if (passive) {
          if (by) add([by], 'agent');
        } else add(subject, 'agent');
        break;
      case 'Death':
        if (c.lemma === 'die' || c.lemma === 'commit') add(subject, 'victim');
        else {
          add(passive ? subject : object, 'victim');
          if (passive) {
            if (by) add([by], 'agent');
          } else add(subject, 'agent');
        }
        if (!c.participants.some((p) => p.role === 'victim')) {
          // unnamed victims: "killing 107", "345 pilgrims have been killed"
          const before = this.unnamedPeople(Math.max(this.clauseStart(g.groupStart, ss), g.groupStart - 6), g.groupStart, true, true);
          const after = passive || c.lemma === 'die' ? undefined : this.unnamedPeople(c.end, Math.min(se, c.end + 5), true);
          c.unnamed = before ?? after;
          if (!c.unnamed) return false;
        }
        break;
      case 'Travel':
        if (CAUSED_MOTION.has(c.lemma)) {
          // "sent her to the ship", "was transferred to the Freewinds", "evacuated 80 people"
          if (passive) {
            add(subject, 'patient');
            if (by) add([by], 'agent');
          } else {
            add(subject, 'agent');
            add(object.filter((o) => o.entity.type !== 'Place'), 'patient');
          }
        } else {
          add(subject, 'agent');
          add(object.filter((o) => o.entity.type !== 'Place'), 'participant');
        }
        // "visited Kyiv": the destination is the place
        c.place = object.find((o) => o.entity.type === 'Place');
        break;
      case 'Statement':
        // "the FDA has been asked": the subject is addressed, the speaker is the by-phrase if any
        if (passive) {
          add(subject, 'addressee');
          if (by) add([by], 'agent');
        } else {
          add(subject, 'agent');
          // "The company warned it could go under": the speaker itself is no addressee
          add(object.filter((o) => !subject.some((sub) => sub.entity === o.entity)), 'addressee');
        }
        break;
      case 'Negotiation':
      case 'Resignation':
        add(subject, c.type === 'Negotiation' ? 'participant' : 'agent');
        add(object.filter((o) => o.entity.type !== 'Place'), 'participant');
        // "veteran politicians stepped down"
        if (!subject.length && c.type === 'Resignation') c.unnamed = this.unnamedPeople(Math.max(ss, g.groupStart - 4), g.groupStart, false, true);
        break;
      default:
        // Abduction, Release, Arrest, Election, Appointment: agent acts on patient
        if (passive) {
          add(subject, 'patient');
          if (by) add([by], 'agent');
        } else {
          add(subject, 'agent');
          add(object, 'patient');
        }
    }
    return this.finishVerb(c);
  }

  /** "After traveling back from Florida, Montalvo walked …": the first name after the adverbial's comma */
  private mainSubjectAfter(from: number, sentenceEnd: number): MentionRef[] {
    for (let k = from; k < sentenceEnd; k++) {
      if (this.ix.word(k) !== ',') continue;
      const m = this.ix.mentionStartingAt(k + 1);
      return m && !this.ix.isPossessive(m) ? [m] : [];
    }
    return [];
  }

  /** people named only by a number or a person noun: "killing 107", "345 pilgrims were killed", "veteran politicians stepped down" */
  private unnamedPeople(from: number, to: number, numbers: boolean, backward = false): string | undefined {
    const n = to - Math.max(0, from);
    for (let step = 0; step < n; step++) {
      // nearest the verb first: "At least 107 killed" reads 107 before the preposition
      const k = backward ? to - 1 - step : from + step;
      const w = this.ix.lower(k);
      if (PREPOSITIONS.has(w) && w !== 'of') return undefined;
      if (/^[,.;:“”"()]$/.test(w) || this.ix.mentionAt(k)) return undefined;
      if (PERSON_NOUNS.has(w) || GROUP_NOUNS.has(w)) return w;
      if (numbers && (/^\d[\d,.]*$/.test(w) || NUMBER_WORDS.has(w))) return w;
    }
    return undefined;
  }

  /** reduced relative: "a man recently freed by Hamas", "taken hostage" without an auxiliary */
  private reducedRelative(c: Candidate, form: TriggerForm, sentenceEnd: number): boolean {
    let j = c.start - 1;
    while (j >= 0 && isAdverb(this.ix.lower(j))) j--;
    if (this.ix.mentionEndingAt(j) && !this.ix.isPossessive(this.ix.mentionEndingAt(j) as MentionRef)) return false;
    if (form.participleOnly) return true;
    for (let k = c.end; k < Math.min(sentenceEnd, c.end + 4); k++) if (this.ix.lower(k) === 'by') return true;
    return false;
  }

  /** what a reduced relative modifies: a mention, or the person an apposition describes */
  private reducedRelativeHead(start: number, sentenceStart: number): MentionRef[] {
    let j = start - 1;
    while (j >= sentenceStart && isAdverb(this.ix.lower(j))) j--;
    if (this.ix.word(j) === ',') j--;
    const direct = this.ix.mentionEndingAt(j);
    if (direct) return [direct];
    if (!PERSON_NOUNS.has(this.ix.lower(j))) return [];
    // "Alexander Trufanov, a Russian-Israeli man recently freed": back to the apposition's comma
    for (let k = j - 1; k >= Math.max(sentenceStart, j - 6); k--) {
      if (this.ix.word(k) === ',') {
        const anchor = this.ix.mentionEndingAt(k - 1);
        return anchor?.entity.type === 'Person' ? [anchor] : [];
      }
      if (this.ix.mentionAt(k)) return [];
    }
    return [];
  }

  /** someone who travels: a named subject, a pronoun, or people ("the team", "officials"); not "air travel" */
  private mover(c: Candidate): boolean {
    if (c.participants.length || c.adverbial) return true;
    const ss = this.sentenceOf(c.start).start;
    let j = c.start - 1;
    while (j >= ss && (isAdverb(this.ix.lower(j)) || BE.has(this.ix.lower(j)) || HAVE.has(this.ix.lower(j)))) j--;
    return SUBJECT_PRONOUNS.has(this.ix.lower(j)) || this.unnamedPeople(Math.max(ss, j - 2), j + 1, false, true) !== undefined;
  }

  /** "went to Florida", "arrived in Washington", "fled back from Syria": the place right after a motion verb */
  private destinationAfter(c: Candidate): boolean {
    for (let k = c.end; k < Math.min(this.ix.tokens.length, c.end + 4); k++) {
      const w = this.ix.lower(k);
      if (isAdverb(w) || w === 'back' || w === 'home') continue;
      if (!['to', 'into', 'in', 'at', 'from', 'for'].includes(w)) return false;
      let q = k + 1;
      while (DETERMINERS.has(this.ix.lower(q))) q++;
      const m = this.ix.mentionStartingAt(q);
      if (m?.entity.type !== 'Place' && !(m?.entity.type === 'Organization' && q > k + 1)) return false;
      c.place = m;
      return true;
    }
    return false;
  }

  /** the owner in "X's website is …" before a verb group, for metonymic targets */
  private possessorBefore(groupStart: number, sentenceStart: number): MentionRef[] {
    for (let k = groupStart - 1; k >= Math.max(sentenceStart + 1, groupStart - 3); k--) {
      if (!this.ix.isPossessiveClitic(k)) continue;
      const owner = this.ix.mentionEndingAt(k - 1);
      return owner ? [owner] : [];
    }
    return [];
  }

  /** date, place, and whether the verb event has what its type needs */
  private finishVerb(c: Candidate): boolean {
    this.attachDatePlace(c);
    if (this.habitual(c)) return false;
    const roles = new Set(c.participants.map((p) => p.role));
    if (c.unnamed) return true;
    if (c.type === 'Travel') {
      // motion verbs need a destination ("went to Florida"); visits and caused motion a person moved
      if (INTRANSITIVE_MOTION.has(c.lemma)) return this.destinationAfter(c) && !(c.ing && !c.progressive && !c.adverbial) && this.mover(c);
      // "sent Fiat shares down", "a move": only moving a person is travel
      if (CAUSED_MOTION.has(c.lemma)) return c.participants.some((p) => p.role === 'patient' && p.ref?.entity.type === 'Person');
      return c.place !== undefined || c.participants.length > 0;
    }
    switch (c.type) {
      case 'Release':
      case 'Abduction':
      case 'Arrest':
      case 'Appointment':
      case 'Election':
        return roles.has('patient');
      case 'Death':
        return roles.has('victim');
      case 'Statement':
      case 'Resignation':
        return roles.has('agent');
      default:
        return c.participants.length > 0;
    }
  }

  /** Participants of an event noun: possessor, prenominal names, "X-led", of/by/on/with phrases. */
  private nounParticipants(c: Candidate): boolean {
    const { start: ss, end: se } = this.sentenceOf(c.start);
    const add = (ref: MentionRef | undefined, role: string): void => {
      if (ref && !c.participants.some((p) => p.entity === ref.entity.id)) c.participants.push({ entity: ref.entity.id, role, ref });
    };
    const undergoer = c.type === 'Death' ? 'victim' : ['Release', 'Abduction', 'Arrest', 'Election', 'Appointment'].includes(c.type) ? 'patient' : c.type === 'Attack' ? 'target' : 'participant';
    const doer = ['Attack', 'Statement', 'Travel', 'Resignation'].includes(c.type) ? 'agent' : undergoer === 'participant' ? 'participant' : 'agent';
    // premodifiers back to the determiner: "the brutal Hamas-led assault", "Trufanov's release"
    let j = c.start - 1;
    for (; j >= Math.max(ss, c.start - 6); j--) {
      const w = this.ix.lower(j);
      if (DETERMINERS.has(w)) {
        c.definite = w !== 'a' && w !== 'an';
        break;
      }
      if (POSSESSIVE_PRONOUNS.has(w)) {
        // "his release": the pronoun's entity when coreference resolved it
        const m = this.ix.mentionAt(j);
        if (m) add(m, ['Attack', 'Statement', 'Travel', 'Resignation'].includes(c.type) ? 'agent' : undergoer);
        c.definite = true;
        break;
      }
      if (this.ix.isPossessiveClitic(j)) {
        const owner = this.ix.mentionEndingAt(j - 1);
        if (owner) add(owner, ['Attack', 'Statement', 'Travel', 'Resignation'].includes(c.type) ? 'agent' : undergoer);
        c.definite = true;
        break;
      }
      if (PREPOSITIONS.has(w) || /^[,.;:“”"()]$/.test(w) || BE.has(w) || HAVE.has(w)) break;
      if (IRREALIS_GOVERNORS.has(w)) return false;
      const m = this.ix.mentionAt(j);
      if (m && m.entity.type !== 'Place') add(m, doer);
      else if (m && c.type === 'Attack') add(m, 'target');
      else if (!m && /-(?:led|backed|linked|sponsored)$/.test(w)) {
        // "Hamas-led": the tagger may not have split the compound
        const e = this.ix.entityNamed(this.ix.word(j).replace(/-[^-]+$/, ''));
        if (e) c.participants.push({ entity: e.id, role: 'agent' });
      }
    }
    if (j >= ss && IRREALIS_GOVERNORS.has(this.ix.lower(j - 1))) return false;
    // evidence starts at the noun phrase ("the brutal Hamas-led assault")
    if (c.participants.length) c.extentStart = Math.max(ss, j >= ss && (DETERMINERS.has(this.ix.lower(j)) || POSSESSIVE_PRONOUNS.has(this.ix.lower(j))) ? j : j + 1);
    // post-modifiers: "release of the captives", "assault on Israel", "meeting with Putin", "attack by Hamas"
    for (let k = c.end; k < Math.min(se, c.end + 8); k++) {
      const w = this.ix.lower(k);
      let q = k + 1;
      while (DETERMINERS.has(this.ix.lower(q))) q++;
      const m = this.ix.mentionStartingAt(q);
      if (w === 'of' && m) add(m, undergoer);
      else if (w === 'by' && m) add(m, 'agent');
      else if ((w === 'on' || w === 'against') && m && c.type === 'Attack' && !this.timexAt[q]) add(m, 'target');
      else if ((w === 'with' || w === 'between') && m && (c.type === 'Meeting' || c.type === 'Negotiation' || c.type === 'Ceasefire')) {
        add(m, 'participant');
        const second = this.ix.lower(m.tokenEnd) === 'and' ? this.ix.mentionStartingAt(m.tokenEnd + 1) : undefined;
        add(second, 'participant');
      } else if (w === 'to' && m && c.type === 'Statement') add(m, 'addressee');
      else if (/^[,.;:“”"()]$/.test(w) || CLAUSE_WORDS.has(w) || BE.has(w)) break;
      if (m && m.tokenEnd > k + 1) k = m.tokenEnd - 1;
    }
    if (c.type === 'Statement' && !c.participants.some((p) => p.role === 'agent')) {
      const agent = this.statementAgent(c, ss, se);
      if (agent) c.participants.unshift({ entity: agent.entity.id, role: 'agent', ref: agent });
    }
    this.attachDatePlace(c);
    return !this.habitual(c);
  }

  /**
   * Who makes a statement named by a noun: the clause subject before it ("Whitmore told LA Weekly
   * in a statement"), else the subject after a fronted adverbial ("In a statement to the ABC, the
   * Church denied …", "Discussing his concern in a public statement, Malaysia's Prime Minister, Najib Razak said").
   */
  private statementAgent(c: Candidate, ss: number, se: number): MentionRef | undefined {
    // only a statement made ("in a statement", "issued a statement"), not one talked about
    // ("X welcomed the statement")
    let d = c.start - 1;
    while (d > ss && !DETERMINERS.has(this.ix.lower(d)) && !PREPOSITIONS.has(this.ix.lower(d)) && c.start - d < 4) d--;
    if (DETERMINERS.has(this.ix.lower(d))) d--;
    if (!STATEMENT_FRAMES.has(this.ix.lower(d))) return undefined;
    const speaker = (m: MentionRef | undefined): boolean =>
      m !== undefined && m.entity.type !== 'Place' && !this.ix.isPossessive(m) && !this.ix.afterPreposition(m);
    for (let k = this.clauseStart(c.start, ss); k < c.start; k++) {
      const m = this.ix.mentionStartingAt(k);
      if (speaker(m)) return m;
      if (m) k = m.tokenEnd - 1;
    }
    let comma = c.end;
    while (comma < se && this.ix.word(comma) !== ',') comma++;
    for (let k = comma + 1; k < Math.min(se, comma + 9); k++) {
      const m = this.ix.mentionStartingAt(k);
      if (speaker(m)) return m;
      if (m) k = m.tokenEnd - 1;
    }
    return undefined;
  }

  /** the timex is within the noun phrase's reach: "the October 7 attack", "elections … held on March 17" */
  dateNear(c: Candidate): boolean {
    if (!c.timex) return false;
    const t = this.ix.tokenAt(c.timex.start);
    return t >= c.start - 4 && t <= c.end + 5;
  }

  /** a SET timex in the trigger's clause ("each year") makes the event habitual, not an event */
  private habitual(c: Candidate): boolean {
    const { start: ss, end: se } = this.sentenceOf(c.start);
    const clause = this.clause[c.start];
    for (let k = ss; k < se; k++) if (this.timexAt[k]?.type === 'SET' && this.clause[k] === clause) return true;
    return false;
  }

  /** timex and place in the trigger's clause (nearest to the trigger) */
  private attachDatePlace(c: Candidate): void {
    const { start: ss, end: se } = this.sentenceOf(c.start);
    const clause = this.clause[c.start];
    let best: Timex | undefined;
    let bestDistance = Infinity;
    const from = c.scopeStart ?? ss;
    for (let k = from; k < se; k++) {
      const t = this.timexAt[k];
      // only calendar values date an event; "recently" (PAST_REF) or "days later" do not
      if (!t || this.clause[k] !== clause || (t.type !== 'DATE' && t.type !== 'TIME') || !/^[\dX]{2}/.test(t.value)) continue;
      const d = k < c.start ? (c.start - k) * 1.5 : k - c.end; // prefer a date after the trigger
      if (d < bestDistance) {
        bestDistance = d;
        best = t;
      }
    }
    if (!best && this.ix.lower(ss) !== 'when') {
      // "in early February, when X called on Y": the when-clause is dated by what precedes it
      const first = this.clauseStart(c.start, ss);
      if (this.ix.lower(first) === 'when' && this.ix.word(first - 1) === ',') best = this.timexAt[first - 2];
    }
    if (best) c.timex = best;
    if (c.place) return;
    for (let k = from; k < se; k++) {
      if (this.clause[k] !== clause || !LOCATIVE.has(this.ix.lower(k))) continue;
      const venue = this.ix.lower(k) === 'at' && this.ix.lower(k + 1) === 'the';
      let q = k + 1;
      while (DETERMINERS.has(this.ix.lower(q))) q++;
      const m = this.ix.mentionStartingAt(q);
      if (!m || c.participants.some((p) => p.entity === m.entity.id)) continue;
      if (m.entity.type === 'Place' || (venue && m.entity.type === 'Organization')) {
        if (this.ix.lower(k) === 'to' && c.type !== 'Travel') continue;
        if (!c.place || Math.abs(q - c.start) < Math.abs(c.place.tokenStart - c.start)) c.place = m;
      }
    }
  }

  clauseStart(i: number, sentenceStart: number): number {
    let k = i;
    while (k > sentenceStart && this.clause[k - 1] === this.clause[i]) k--;
    return k;
  }
}

function datesCompatible(a?: Timex, b?: Timex): boolean {
  if (!a || !b) return true;
  if (a.value === b.value) return true;
  // "October 7" (XXXX-10-07) and "October 7, 2023"
  const pa = a.value.split('-');
  const pb = b.value.split('-');
  return pa.length === pb.length && pa.every((x, n) => x === pb[n] || /^X+$/.test(x) || /^X+$/.test(pb[n]));
}

/** Can candidate c be a repeated mention of draft d? */
function sameEvent(c: Candidate, d: Draft): boolean {
  if (c.type !== d.type || !datesCompatible(c.timex, d.timex)) return false;
  // a speech verb in another sentence is a statement of its own ("said, “We urge …” … Rathke also
  // asked"), except the lead's restating the headline's ("FAO warns …" … "the FAO has warned"); a
  // statement noun names one told before ("his public appeal")
  if (c.type === 'Statement' && c.pos === 'verb' && c.sentence !== d.sentence && !(d.sentence === 0 && c.sentence === 1)) return false;
  // the same people somewhere else: another trip, another attack
  if (c.place && d.place && c.place.entity.id !== d.place) return false;
  const core = c.participants.filter((p) => CORE_ROLES.has(p.role) || p.role === 'agent');
  if (!core.length) return true;
  const shared = core.filter((p) => d.participants.some((q) => q.entity === p.entity));
  if (!shared.length) return false;
  // a different entity in a role the draft already fills is another event ("Putin met Xi")
  return core.every((p) => d.participants.some((q) => q.entity === p.entity) || !d.participants.some((q) => q.role === p.role));
}

export function extractEvents(doc: Doc): NewsEvent[] {
  const a = new Analyzer(doc);
  const drafts: Draft[] = [];
  const spanOf = (c: Candidate): { start: number; end: number } => {
    const tokens = doc.tokens;
    let start = tokens[c.extentStart ?? c.start].start;
    let end = tokens[c.end - 1].end;
    const sentence = doc.sentences[c.sentence];
    const within = (s: { start: number; end: number }): boolean => s.start >= sentence.start && s.end <= sentence.end;
    for (const s of [...c.participants.map((p) => p.ref?.mention), c.timex, c.place?.mention]) {
      if (!s || !within(s)) continue;
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
    return { start, end };
  };
  const toDraft = (c: Candidate): Draft => ({
    type: c.type,
    sentence: c.sentence,
    trigger: { start: doc.tokens[c.start].start, end: doc.tokens[c.end - 1].end },
    span: spanOf(c),
    participants: c.participants.map(({ entity, role }) => ({ entity, role })),
    ...(c.timex ? { timex: c.timex } : {}),
    ...(c.place ? { place: c.place.entity.id } : {}),
    ...(c.unnamed ? { unnamed: c.unnamed } : {}),
  });
  const mergeInto = (d: Draft, c: Candidate): void => {
    for (const p of c.participants) {
      if (!d.participants.some((q) => q.entity === p.entity)) d.participants.push({ entity: p.entity, role: p.role });
    }
    if (!d.timex && c.timex) d.timex = c.timex;
    if (!d.place && c.place) d.place = c.place.entity.id;
    if (c.sentence === d.sentence) {
      // the same sentence restates it ("a meeting at the Kremlin … received X"): widen the evidence
      const span = spanOf(c);
      d.span = { start: Math.min(d.span.start, span.start), end: Math.max(d.span.end, span.end) };
    }
    c.event = d;
  };
  for (let si = 0; si < doc.sentences.length; si++) {
    const candidates = a.triggers(si);
    // within a sentence, a bare event noun joins a verb trigger of the same type ("a meeting … received X")
    // a verb event with unnamed participants ("107 killed") or only a destination is full too,
    // but with nobody to compare it stays its own event
    const named = (c: Candidate): boolean => c.participants.length > 0;
    const full = candidates.filter((c) => named(c) || c.unnamed || (c.type === 'Travel' && c.place));
    const bare = candidates.filter((c) => !full.includes(c));
    for (const c of full) {
      // unnamed people are compared by their number or noun: the headline's "107 killed" and the lead's "killing 107"
      const earlier = named(c)
        ? [...drafts].reverse().find((d) => sameEvent(c, d))
        : c.unnamed
          ? drafts.find((d) => d.type === c.type && d.unnamed === c.unnamed && datesCompatible(c.timex, d.timex))
          : undefined;
      if (earlier) mergeInto(earlier, c);
      else {
        const d = toDraft(c);
        drafts.push(d);
        c.event = d;
      }
    }
    for (const c of bare) {
      const sibling = full.find((f) => f.type === c.type && f.event && datesCompatible(c.timex, f.event.timex));
      if (sibling?.event) {
        mergeInto(sibling.event, c);
        continue;
      }
      // "the meeting": the latest event of its type, unless it brings a conflicting date
      const antecedent = c.definite ? [...drafts].reverse().find((d) => d.type === c.type) : undefined;
      if (antecedent && datesCompatible(c.timex, antecedent.timex)) mergeInto(antecedent, c);
      else if (c.timex && a.dateNear(c)) {
        const d = toDraft(c);
        drafts.push(d);
        c.event = d;
      }
    }
    // "The attack left his father … dead": a death or abduction caused by a dated event inherits its date
    for (const c of full) {
      const d = c.event;
      if (!d || d.timex || !['Death', 'Abduction', 'Release'].includes(d.type)) continue;
      const cause = candidates.find((o) => o !== c && o.event?.timex && o.event.type === 'Attack' && a.clause[o.start] === a.clause[c.start]);
      if (cause?.event?.timex) d.timex = cause.event.timex;
    }
    // "taken hostage during the brutal Hamas-led assault": the attackers took the hostage
    for (const c of full) {
      const d = c.event;
      if (!d || d.type !== 'Abduction' || d.participants.some((p) => p.role === 'agent')) continue;
      const cause = candidates.find((o) => o.type === 'Attack' && o.start > c.start && a.clause[o.start] === a.clause[c.start] && DURING.has(doc.tokens[(o.extentStart ?? o.start) - 1]?.text.toLowerCase() ?? ''));
      const agent = cause?.event?.participants.find((p) => p.role === 'agent');
      if (agent) d.participants.push({ entity: agent.entity, role: 'agent' });
    }
  }
  drafts.sort((x, y) => x.trigger.start - y.trigger.start || x.trigger.end - y.trigger.end);
  return drafts.map((d, n) => {
    const ev: NewsEvent = {
      id: `V${n + 1}`,
      ...d.span,
      text: doc.text.slice(d.span.start, d.span.end),
      type: d.type,
      trigger: { ...d.trigger, text: doc.text.slice(d.trigger.start, d.trigger.end) },
      participants: d.participants,
    };
    if (d.timex) {
      ev.timex = d.timex.id;
      ev.dateValue = d.timex.value;
    }
    if (d.place) ev.place = d.place;
    return ev;
  });
}

export const eventExtractor: Component = {
  name: 'events',
  reads: ['tokens', 'entities', 'timexes'],
  writes: ['events'],
  run(doc: Doc): void {
    doc.events = extractEvents(doc);
  },
};
