import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import type { CorpusIndex } from './corpus.ts';
import { codePointSlicer } from '../shared/offsets.ts';

/**
 * The CSV tables: columns, types and descriptions in one place. The CSV writer, the Frictionless
 * Table Schemas and the README data dictionary are all generated from these specs.
 */

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface Column {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  /** closed set of values */
  enum?: string[];
  /** regular expression every value matches (XML Schema dialect, as Frictionless uses) */
  pattern?: string;
  minimum?: number;
}

export interface ArticleBundle {
  article: NormalizedArticle;
  facts: ArticleFacts;
}

export type Cell = string | number | boolean | undefined;

/** What rows may need beyond their own article: the corpus-level entity index. */
export interface ExportContext {
  corpus: CorpusIndex;
}

interface TableBase {
  name: string;
  description: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

/** A table with rows from each article. */
export interface ArticleTable extends TableBase {
  scope: 'article';
  rows(bundle: ArticleBundle, context: ExportContext): Cell[][];
}

/** A table with rows about the whole corpus. */
export interface CorpusTable extends TableBase {
  scope: 'corpus';
  rows(context: ExportContext): Cell[][];
}

export type TableSpec = ArticleTable | CorpusTable;

const articleId: Column = { name: 'article_id', type: 'string', required: true, pattern: '[0-9a-f]{16}', description: 'the article (SHA-256 prefix of its normalized text)' };
const toArticle = { fields: ['article_id'], reference: { resource: 'articles', fields: ['article_id'] } };
const toEntity = (field: string): { fields: string[]; reference: { resource: string; fields: string[] } } => ({
  fields: ['article_id', field],
  reference: { resource: 'entities', fields: ['article_id', 'entity_id'] },
});
const offsetCols = (what: string): Column[] => [
  { name: 'start', type: 'integer', required: true, minimum: 0, description: `code-point offset where the ${what} starts in the normalized text` },
  { name: 'end', type: 'integer', required: true, minimum: 0, description: `code-point offset where the ${what} ends (exclusive)` },
];

/** The headline: front matter, else the first sentence of the text. */
export function headlineOf(article: NormalizedArticle): string {
  if (article.metadata.headline) return article.metadata.headline;
  const first = article.sentences[0];
  return first ? codePointSlicer(article.text)(first.start, first.end) : '';
}

export const TABLES: TableSpec[] = [
  {
    scope: 'article',
    name: 'articles',
    description: 'One row per article.',
    primaryKey: ['article_id'],
    columns: [
      articleId,
      { name: 'source', type: 'string', required: true, description: 'input path relative to the folder it was found in' },
      { name: 'headline', type: 'string', description: 'headline from front matter, else the first sentence' },
      { name: 'date_published', type: 'string', description: 'datePublished from front matter (ISO 8601), empty when not given' },
      { name: 'language', type: 'string', required: true, description: 'language of the text (BCP 47), always en' },
      { name: 'word_count', type: 'integer', required: true, description: 'words in the normalized text' },
      { name: 'sha256', type: 'string', required: true, pattern: '[0-9a-f]{64}', description: 'SHA-256 of the normalized text (UTF-8)' },
      { name: 'date_modified', type: 'string', description: 'dateModified from front matter' },
      { name: 'url', type: 'string', description: 'url from front matter' },
      { name: 'author', type: 'string', description: 'authors from front matter, |-separated' },
      { name: 'publisher', type: 'string', description: 'publisher from front matter' },
      { name: 'reference_date', type: 'string', description: 'the date relative expressions were resolved against' },
      { name: 'reference_date_source', type: 'string', enum: ['metadata', 'dateline', 'inferred'], description: 'where the reference date came from: metadata, dateline or inferred from the text' },
      { name: 'input_sha256', type: 'string', required: true, pattern: '[0-9a-f]{64}', description: 'SHA-256 of the input file bytes' },
    ],
    rows: ({ article: a, facts: f }) => [
      [
        a.article_id, a.source, headlineOf(a), a.metadata.datePublished, a.language, a.word_count, a.sha256,
        a.metadata.dateModified, a.metadata.url, a.metadata.author?.map((x) => x.name).join('|'), a.metadata.publisher,
        f.reference_date?.value, f.reference_date?.source, a.input_sha256,
      ],
    ],
  },
  {
    scope: 'article',
    name: 'entities',
    description: 'People, organizations and places, one row per entity per article.',
    primaryKey: ['article_id', 'entity_id'],
    foreignKeys: [toArticle, { fields: ['corpus_entity_id'], reference: { resource: 'corpus_entities', fields: ['corpus_entity_id'] } }],
    columns: [
      articleId,
      { name: 'entity_id', type: 'string', required: true, description: 'entity id, unique within the article (E1, E2, … by first mention)' },
      { name: 'type', type: 'string', required: true, enum: ['Person', 'Organization', 'Place'], description: 'schema.org type: Person, Organization or Place' },
      { name: 'name', type: 'string', required: true, description: 'canonical name: the fullest name form in the article, titles stripped' },
      { name: 'aliases', type: 'string', description: 'every other surface form of the name, |-separated' },
      { name: 'mention_count', type: 'integer', required: true, description: 'mentions of the entity, names, pronouns and descriptions' },
      { name: 'gender', type: 'string', description: 'male or female when the text shows it (honorific or pronoun), else empty' },
      { name: 'corpus_entity_id', type: 'string', required: true, description: 'the same entity across articles (corpus_entities.csv)' },
    ],
    rows: ({ facts }, { corpus }) =>
      facts.entities.map((e) => [
        facts.article_id, e.id, e.type, e.name, e.aliases.join('|'), e.mentions.length, e.gender,
        corpus.link.get(`${facts.article_id}:${e.id}`),
      ]),
  },
  {
    scope: 'article',
    name: 'mentions',
    description: 'Every mention of every entity, with its evidence span.',
    primaryKey: ['article_id', 'start', 'end'],
    foreignKeys: [toArticle, toEntity('entity_id')],
    columns: [
      articleId,
      { name: 'entity_id', type: 'string', required: true, description: 'the entity mentioned' },
      ...offsetCols('mention'),
      { name: 'text', type: 'string', required: true, description: 'the mention as written' },
      { name: 'kind', type: 'string', required: true, enum: ['name', 'pronoun', 'description'], description: 'name, pronoun or description' },
    ],
    rows: ({ facts }) =>
      facts.entities
        .flatMap((e) => e.mentions.map((m) => ({ e, m })))
        .sort((x, y) => x.m.start - y.m.start || x.m.end - y.m.end)
        .map(({ e, m }) => [facts.article_id, e.id, m.start, m.end, m.text, m.kind]),
  },
  {
    scope: 'article',
    name: 'dates',
    description: 'Temporal expressions with TimeML types and values.',
    primaryKey: ['article_id', 'timex_id'],
    foreignKeys: [toArticle],
    columns: [
      articleId,
      { name: 'timex_id', type: 'string', required: true, description: 'temporal expression id (T1, T2, …)' },
      { name: 'type', type: 'string', required: true, enum: ['DATE', 'TIME', 'DURATION', 'SET'], description: 'TimeML type: DATE, TIME, DURATION or SET' },
      { name: 'text', type: 'string', required: true, description: 'the expression as written' },
      ...offsetCols('expression'),
      { name: 'value', type: 'string', required: true, description: 'TimeML value (2025-04-16, 2025-02, 199X, P498D, PRESENT_REF, …)' },
      { name: 'mod', type: 'string', description: 'TimeML modifier: START, MID, END, APPROX, …' },
    ],
    rows: ({ facts }) => facts.dates.map((t) => [facts.article_id, t.id, t.type, t.text, t.start, t.end, t.value, t.mod]),
  },
  {
    scope: 'article',
    name: 'quantities',
    description: 'Ages, durations, counts, money and percentages.',
    primaryKey: ['article_id', 'quantity_id'],
    foreignKeys: [toArticle, toEntity('entity_id')],
    columns: [
      articleId,
      { name: 'quantity_id', type: 'string', required: true, description: 'quantity id (Q1, Q2, …)' },
      { name: 'text', type: 'string', required: true, description: 'the quantity as written' },
      ...offsetCols('quantity'),
      { name: 'value', type: 'number', required: true, description: 'numeric value, in units of unit' },
      { name: 'unit', type: 'string', required: true, description: 'unit: year (ages), day/week/… (durations), ISO 4217 code (money), percent, or the counted noun' },
      { name: 'entity_id', type: 'string', description: "the entity the quantity describes, when the text makes that clear: an age's person, the owner of a money amount, percentage or count of jobs, staff, customers … (\"Pernod shares slipped 1.2%\")" },
      { name: 'kind', type: 'string', required: true, enum: ['age', 'duration', 'count', 'money', 'percent', 'measure'], description: 'age, duration, count, money, percent or measure' },
      { name: 'timex_value', type: 'string', description: 'TimeML duration value for durations (P498D)' },
    ],
    rows: ({ facts }) =>
      facts.quantities.map((q) => [facts.article_id, q.id, q.text, q.start, q.end, q.value, q.unit, q.entity_id, q.kind, q.timex_value]),
  },
  {
    scope: 'article',
    name: 'quotes',
    description: 'Direct quotes and reported speech with their speakers.',
    primaryKey: ['article_id', 'quote_id'],
    foreignKeys: [toArticle, toEntity('speaker_entity_id'), toEntity('addressee_entity_id')],
    columns: [
      articleId,
      { name: 'quote_id', type: 'string', required: true, description: 'quote id (QT1, QT2, …)' },
      { name: 'text', type: 'string', required: true, description: 'the quoted words (inside the quotation marks for direct quotes)' },
      ...offsetCols('quote'),
      { name: 'speaker_entity_id', type: 'string', description: 'the entity who said it, when resolved' },
      { name: 'speaker_name', type: 'string', description: 'the speaker: canonical name of the entity, else the attributing words' },
      { name: 'speaker_start', type: 'integer', description: 'start of the mention that attributes the quote ("he", "Putin")' },
      { name: 'speaker_end', type: 'integer', description: 'end of the attributing mention (exclusive)' },
      { name: 'addressee_entity_id', type: 'string', description: 'the entity addressed, when the text says so' },
      { name: 'direct', type: 'boolean', required: true, description: 'true for words in quotation marks, false for reported speech' },
      { name: 'cue', type: 'string', description: 'the reporting verb or cue ("said", "according to")' },
    ],
    rows: ({ facts }) => {
      const names = new Map(facts.entities.map((e) => [e.id, e.name]));
      return facts.quotes.map((q) => [
        facts.article_id, q.id, q.text, q.start, q.end, q.speaker?.entity_id,
        q.speaker ? (q.speaker.entity_id ? names.get(q.speaker.entity_id) : q.speaker.text) : undefined,
        q.speaker?.start, q.speaker?.end, q.addressee_entity_id, q.direct, q.cue?.text,
      ]);
    },
  },
  {
    scope: 'article',
    name: 'relations',
    description: 'Relations of entities (job title, nationality, family, affiliation), each with its evidence.',
    primaryKey: ['article_id', 'relation_id'],
    foreignKeys: [toArticle, toEntity('subject_entity_id'), toEntity('object_entity_id')],
    columns: [
      articleId,
      { name: 'subject_entity_id', type: 'string', required: true, description: 'the entity the relation is about' },
      { name: 'predicate', type: 'string', required: true, description: 'schema.org property (jobTitle, nationality, parent, …) or a term of schemas/vocab.jsonld' },
      { name: 'object_entity_id', type: 'string', description: 'the object when it is an entity' },
      { name: 'object_value', type: 'string', description: 'the object when it is a literal (a job title, a country name)' },
      ...offsetCols('evidence'),
      { name: 'relation_id', type: 'string', required: true, description: 'relation id (R1, R2, …)' },
      { name: 'text', type: 'string', required: true, description: 'the evidence as written' },
    ],
    rows: ({ facts }) =>
      facts.relations.map((r) => [facts.article_id, r.subject_entity_id, r.predicate, r.object_entity_id, r.object_value, r.start, r.end, r.id, r.text]),
  },
  {
    scope: 'article',
    name: 'events',
    description: 'Typed events with trigger, date and place.',
    primaryKey: ['article_id', 'event_id'],
    foreignKeys: [toArticle, toEntity('place_entity_id')],
    columns: [
      articleId,
      { name: 'event_id', type: 'string', required: true, description: 'event id (V1, V2, …)' },
      { name: 'type', type: 'string', required: true, description: 'event type from the event vocabulary (schemas/vocab.jsonld)' },
      { name: 'trigger', type: 'string', required: true, description: 'the word or phrase that states the event' },
      ...offsetCols('event statement'),
      { name: 'date_value', type: 'string', description: 'TimeML value of the event date' },
      { name: 'place_entity_id', type: 'string', description: 'the place where it happened' },
      { name: 'timex_id', type: 'string', description: 'the temporal expression that dates the event' },
      { name: 'trigger_start', type: 'integer', required: true, description: 'start of the trigger' },
      { name: 'trigger_end', type: 'integer', required: true, description: 'end of the trigger (exclusive)' },
      { name: 'text', type: 'string', required: true, description: 'the words that state the event' },
    ],
    rows: ({ facts }) =>
      facts.events.map((e) => [
        facts.article_id, e.id, e.type, e.trigger.text, e.start, e.end, e.date_value, e.place_entity_id, e.timex_id,
        e.trigger.start, e.trigger.end, e.text,
      ]),
  },
  {
    scope: 'article',
    name: 'event_participants',
    description: 'Who took part in each event, and in which role.',
    primaryKey: ['article_id', 'event_id', 'entity_id', 'role'],
    foreignKeys: [
      toArticle,
      toEntity('entity_id'),
      { fields: ['article_id', 'event_id'], reference: { resource: 'events', fields: ['article_id', 'event_id'] } },
    ],
    columns: [
      articleId,
      { name: 'event_id', type: 'string', required: true, description: 'the event' },
      { name: 'entity_id', type: 'string', required: true, description: 'the participant' },
      { name: 'role', type: 'string', required: true, description: 'role from the role vocabulary (agent, patient, host, guest, …)' },
    ],
    rows: ({ facts }) => facts.events.flatMap((e) => e.participants.map((p) => [facts.article_id, e.id, p.entity_id, p.role])),
  },
  {
    scope: 'corpus',
    name: 'corpus_entities',
    description:
      'The same person, organization or place across articles. People merge only on the same full name; ' +
      'organizations and places on the same name or a shared surface form.',
    primaryKey: ['corpus_entity_id'],
    columns: [
      { name: 'corpus_entity_id', type: 'string', required: true, description: 'corpus entity id: C and a hash of its type and name key, stable across runs' },
      { name: 'type', type: 'string', required: true, enum: ['Person', 'Organization', 'Place'], description: 'schema.org type' },
      { name: 'name', type: 'string', required: true, description: 'the name most articles use' },
      { name: 'aliases', type: 'string', description: 'every other name or surface form in any article, |-separated' },
      { name: 'article_count', type: 'integer', required: true, description: 'articles that mention it' },
      { name: 'mention_count', type: 'integer', required: true, description: 'mentions in all articles' },
    ],
    rows: ({ corpus }) =>
      corpus.entities.map((e) => [e.corpus_entity_id, e.type, e.name, e.aliases.join('|'), e.article_count, e.mention_count]),
  },
];
