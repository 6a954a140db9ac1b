/**
 * The document object every extractor component reads and extends.
 *
 * Offsets here are UTF-16 code-unit offsets into `doc.text` (what JavaScript string
 * indexing and RegExp use), end exclusive. They are converted to the contract's
 * code-point offsets once, when the facts record is written (see shared/offsets.ts).
 */

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export interface Token extends TextSpan {
  /** position in doc.tokens */
  index: number;
  /** position in doc.sentences */
  sentence: number;
}

export interface Sentence extends Span {
  paragraph: number;
  /** [tokenStart, tokenEnd) into doc.tokens */
  tokenStart: number;
  tokenEnd: number;
}

export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A name found by the tagger, before mentions are grouped into entities. */
export interface NameMention extends TextSpan {
  label: NerLabel;
  /** [tokenStart, tokenEnd) into doc.tokens */
  tokenStart: number;
  tokenEnd: number;
  /** tagger confidence in [0, 1] when the tagger provides one */
  confidence?: number;
}

export type EntityType = 'Person' | 'Organization' | 'Place';
export type MentionKind = 'name' | 'pronoun' | 'description';

export interface Mention extends TextSpan {
  kind: MentionKind;
  /** id of the entity this mention refers to */
  entity: string;
}

export interface Entity {
  /** stable within the article: E1, E2, … in order of first mention */
  id: string;
  type: EntityType;
  /** canonical name: the fullest name form, titles stripped */
  name: string;
  /** every other surface form of the entity's name mentions */
  aliases: string[];
  /** all mentions, in text order (names, then pronouns/descriptions added by coreference) */
  mentions: Mention[];
  /** grammatical gender when the text reveals it; used by coreference */
  gender?: 'male' | 'female';
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type TimexMod =
  | 'START' | 'MID' | 'END' | 'APPROX'
  | 'BEFORE' | 'AFTER' | 'ON_OR_BEFORE' | 'ON_OR_AFTER'
  | 'LESS_THAN' | 'MORE_THAN' | 'EQUAL_OR_LESS' | 'EQUAL_OR_MORE';

export interface Timex extends TextSpan {
  /** T1, T2, … in text order */
  id: string;
  type: TimexType;
  /** TimeML value: 2025-04-16, 2025-02, 199X, P498D, PRESENT_REF, XXXX-10-07 … */
  value: string;
  mod?: TimexMod;
}

export interface ReferenceDate {
  /** ISO date YYYY-MM-DD (or a coarser TimeML value when only that is known) */
  value: string;
  /** where it came from */
  source: 'metadata' | 'dateline' | 'inferred';
  /** the evidence when taken from the text */
  evidence?: Span;
}

export type QuantityKind = 'age' | 'duration' | 'count' | 'money' | 'percent' | 'measure';

export interface Quantity extends TextSpan {
  /** Q1, Q2, … in text order */
  id: string;
  kind: QuantityKind;
  /** numeric value (for a duration: in `unit`s, e.g. 498 with unit "day") */
  value: number;
  /** unit: "year" for ages, "day"/"year"/… for durations, ISO 4217 code for money, "percent", or the counted noun */
  unit: string;
  /** TimeML duration value for durations (P498D) */
  timexValue?: string;
  /** entity the quantity describes, when the text makes that clear */
  entity?: string;
}

export interface SpeakerRef extends TextSpan {
  /** the resolved entity, when the speaker is a known entity */
  entity?: string;
}

export interface Quote extends TextSpan {
  /** QT1, QT2, … in text order */
  id: string;
  /** true for words in quotation marks, false for reported speech */
  direct: boolean;
  /** the attributing mention near the quote ("he", "Putin") */
  speaker?: SpeakerRef;
  /** the reporting verb or cue ("said", "according to", ":") */
  cue?: TextSpan;
  /** entity addressed ("Mr. Putin, I ask you…", "told Reuters") */
  addressee?: string;
}

export interface Relation extends TextSpan {
  subject: string;
  /** schema.org property (jobTitle, nationality, parent, children, spouse, memberOf, worksFor, …) or project term */
  predicate: string;
  objectEntity?: string;
  objectValue?: string;
}

export interface EventParticipant {
  entity: string;
  /** agent, patient, … from the documented role vocabulary */
  role: string;
}

export interface NewsEvent extends TextSpan {
  /** V1, V2, … in text order */
  id: string;
  /** from the documented event vocabulary (Meeting, Attack, Death, Abduction, Release, Arrest, Statement, …) */
  type: string;
  trigger: TextSpan;
  timex?: string;
  dateValue?: string;
  place?: string;
  participants: EventParticipant[];
}

export interface Author {
  name: string;
  url?: string;
}

export interface ArticleMetadata {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  author?: Author[];
  publisher?: string;
  url?: string;
  inLanguage?: string;
  image?: string;
  description?: string;
}

export interface Doc {
  id: string;
  /** normalized article text */
  text: string;
  metadata: ArticleMetadata;
  paragraphs: Span[];
  sentences: Sentence[];
  tokens: Token[];
  /** NER layer */
  names: NameMention[];
  /** entity layer (names grouped; coreference adds pronoun/description mentions) */
  entities: Entity[];
  referenceDate?: ReferenceDate;
  timexes: Timex[];
  quantities: Quantity[];
  quotes: Quote[];
  relations: Relation[];
  events: NewsEvent[];
}

/** An extractor: adds one layer to the document, reading earlier layers. */
export interface Component {
  name: string;
  /** layers this component reads, for documentation and ordering checks */
  reads: readonly (keyof Doc)[];
  /** the layer this component writes */
  writes: readonly (keyof Doc)[];
  run(doc: Doc): void;
}

export function emptyDoc(id: string, text: string, metadata: ArticleMetadata = {}): Doc {
  return {
    id,
    text,
    metadata,
    paragraphs: [],
    sentences: [],
    tokens: [],
    names: [],
    entities: [],
    timexes: [],
    quantities: [],
    quotes: [],
    relations: [],
    events: [],
  };
}

export function slice(doc: Pick<Doc, 'text'>, span: Span): string {
  return doc.text.slice(span.start, span.end);
}
