/**
 * The one source of truth for every record the pipeline writes. The JSON Schemas in `schemas/`
 * are generated from these definitions (`make schemas`), and the TypeScript types are derived
 * from them with `Static`, so schema and type cannot drift. A test fails when `schemas/` is stale.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const BASE = 'https://news-facts.org/schemas';

const Offset = Type.Integer({ minimum: 0, description: 'Unicode code-point offset into the normalized text' });
const EntityId = Type.String({ pattern: '^E[0-9]+$', description: 'entity id, unique within the article' });
const ArticleId = Type.String({ pattern: '^[0-9a-f]{16}$', description: 'first 16 hex digits of the SHA-256 of the normalized text' });
const IsoDate = Type.String({
  pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?)?)?$',
  description: 'ISO 8601 date or date-time (year, year-month, date, or date with time)',
});

/** An evidence span: offsets plus the text they cite (which must equal the slice). */
const spanProps = {
  start: Offset,
  end: Offset,
  text: Type.String({ description: 'the cited text: exactly text[start:end] of the normalized article' }),
};

export const SpanRecord = Type.Object(
  { start: Offset, end: Offset },
  { additionalProperties: false, description: 'a span of the normalized text, end exclusive' },
);

export const ArticleMetadataRecord = Type.Object(
  {
    headline: Type.Optional(Type.String({ minLength: 1 })),
    datePublished: Type.Optional(IsoDate),
    dateModified: Type.Optional(IsoDate),
    author: Type.Optional(
      Type.Array(
        Type.Object(
          { name: Type.String({ minLength: 1 }), url: Type.Optional(Type.String({ format: 'uri' })) },
          { additionalProperties: false },
        ),
      ),
    ),
    publisher: Type.Optional(Type.String({ minLength: 1 })),
    url: Type.Optional(Type.String({ format: 'uri' })),
    inLanguage: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$' })),
    image: Type.Optional(Type.String({ format: 'uri-reference' })),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false, description: 'schema.org metadata given with the article (front matter)' },
);

export const NormalizedArticle = Type.Object(
  {
    article_id: ArticleId,
    source: Type.String({ minLength: 1, description: 'input path relative to the folder it was found in' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the normalized text (UTF-8)' }),
    input_sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the input file bytes' }),
    language: Type.String({ pattern: '^[a-z]{2,3}$' }),
    word_count: Type.Integer({ minimum: 1 }),
    metadata: ArticleMetadataRecord,
    text: Type.String({ minLength: 1 }),
    paragraphs: Type.Array(SpanRecord),
    sentences: Type.Array(
      Type.Object({ start: Offset, end: Offset, paragraph: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
    ),
  },
  {
    $id: `${BASE}/normalized-article.schema.json`,
    title: 'Normalized article',
    additionalProperties: false,
  },
);
export type NormalizedArticle = Static<typeof NormalizedArticle>;

export const MentionRecord = Type.Object(
  {
    ...spanProps,
    kind: Type.Union([Type.Literal('name'), Type.Literal('pronoun'), Type.Literal('description')]),
  },
  { additionalProperties: false },
);

export const EntityRecord = Type.Object(
  {
    id: EntityId,
    type: Type.Union([Type.Literal('Person'), Type.Literal('Organization'), Type.Literal('Place')], {
      description: 'schema.org type',
    }),
    name: Type.String({ minLength: 1, description: 'canonical name: the fullest name form, titles stripped' }),
    aliases: Type.Array(Type.String({ minLength: 1 }), { description: 'every other surface form of the name' }),
    gender: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female')])),
    mentions: Type.Array(MentionRecord, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const TimexRecord = Type.Object(
  {
    id: Type.String({ pattern: '^T[0-9]+$' }),
    ...spanProps,
    type: Type.Union([Type.Literal('DATE'), Type.Literal('TIME'), Type.Literal('DURATION'), Type.Literal('SET')]),
    value: Type.String({ minLength: 1, description: 'TimeML value (ISO 8601 based)' }),
    mod: Type.Optional(Type.String({ pattern: '^[A-Z_]+$', description: 'TimeML mod: START, MID, END, APPROX, …' })),
  },
  { additionalProperties: false },
);

export const QuantityRecord = Type.Object(
  {
    id: Type.String({ pattern: '^Q[0-9]+$' }),
    ...spanProps,
    kind: Type.Union(
      ['age', 'duration', 'count', 'money', 'percent', 'measure'].map((k) => Type.Literal(k)),
    ),
    value: Type.Number(),
    unit: Type.String({ minLength: 1 }),
    timex_value: Type.Optional(Type.String({ description: 'TimeML duration value, for durations' })),
    entity_id: Type.Optional(EntityId),
  },
  { additionalProperties: false },
);

export const QuoteRecord = Type.Object(
  {
    id: Type.String({ pattern: '^QT[0-9]+$' }),
    ...spanProps,
    direct: Type.Boolean({ description: 'true for words in quotation marks, false for reported speech' }),
    speaker: Type.Optional(
      Type.Object({ ...spanProps, entity_id: Type.Optional(EntityId) }, { additionalProperties: false }),
    ),
    cue: Type.Optional(Type.Object(spanProps, { additionalProperties: false })),
    addressee_entity_id: Type.Optional(EntityId),
  },
  { additionalProperties: false },
);

export const RelationRecord = Type.Object(
  {
    id: Type.String({ pattern: '^R[0-9]+$' }),
    ...spanProps,
    subject_entity_id: EntityId,
    predicate: Type.String({ pattern: '^[a-z][A-Za-z]*$' }),
    object_entity_id: Type.Optional(EntityId),
    object_value: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export const EventRecord = Type.Object(
  {
    id: Type.String({ pattern: '^V[0-9]+$' }),
    ...spanProps,
    type: Type.String({ pattern: '^[A-Z][A-Za-z]*$' }),
    trigger: Type.Object(spanProps, { additionalProperties: false }),
    timex_id: Type.Optional(Type.String({ pattern: '^T[0-9]+$' })),
    date_value: Type.Optional(Type.String()),
    place_entity_id: Type.Optional(EntityId),
    participants: Type.Array(
      Type.Object({ entity_id: EntityId, role: Type.String({ pattern: '^[a-z][A-Za-z]*$' }) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export const ArticleFacts = Type.Object(
  {
    article_id: ArticleId,
    source: Type.String({ minLength: 1 }),
    reference_date: Type.Optional(
      Type.Object(
        {
          value: Type.String({ minLength: 4 }),
          source: Type.Union([Type.Literal('metadata'), Type.Literal('dateline'), Type.Literal('inferred')]),
          start: Type.Optional(Offset),
          end: Type.Optional(Offset),
        },
        { additionalProperties: false },
      ),
    ),
    entities: Type.Array(EntityRecord),
    dates: Type.Array(TimexRecord),
    quantities: Type.Array(QuantityRecord),
    quotes: Type.Array(QuoteRecord),
    relations: Type.Array(RelationRecord),
    events: Type.Array(EventRecord),
  },
  { $id: `${BASE}/article-facts.schema.json`, title: 'Facts of one article', additionalProperties: false },
);
export type ArticleFacts = Static<typeof ArticleFacts>;
export type EntityRecord = Static<typeof EntityRecord>;

/** Every record shape written to disk, by schema file name. */
export const SCHEMAS: Record<string, TSchema> = {
  'normalized-article.schema.json': NormalizedArticle,
  'article-facts.schema.json': ArticleFacts,
};

/** The JSON Schema document for a record shape (2020-12 dialect). */
export function schemaDocument(schema: TSchema): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...plain };
}
