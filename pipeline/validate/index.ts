import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import { sha256 } from '../shared/files.ts';

/** One broken rule: the file, where in it (JSON pointer), which rule, and what is wrong. */
export interface Violation {
  file: string;
  pointer: string;
  rule: string;
  message: string;
}

export function formatViolation(v: Violation): string {
  return `${v.file}#${v.pointer}: ${v.message} [${v.rule}]`;
}

const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

let validators: { normalized: ValidateFunction; facts: ValidateFunction } | undefined;

function loadValidators(): { normalized: ValidateFunction; facts: ValidateFunction } {
  if (validators) return validators;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const load = (name: string): ValidateFunction => {
    const schema = JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')) as object;
    return ajv.compile(schema);
  };
  validators = { normalized: load('normalized-article.schema.json'), facts: load('article-facts.schema.json') };
  return validators;
}

/** Schema files present in schemas/, for tests that every one compiles. */
export function schemaFiles(): string[] {
  return readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.schema.json')).sort();
}

function schemaViolations(file: string, errors: ErrorObject[] | null | undefined): Violation[] {
  return (errors ?? []).map((e) => ({
    file,
    pointer: e.instancePath || '/',
    rule: `schema:${e.keyword}`,
    message: `${e.message ?? 'invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
  }));
}

/** Span checks a schema cannot express: inside the text, ordered, citing exactly its slice. */
class SpanChecker {
  private readonly codePoints: string[];
  constructor(
    private readonly file: string,
    text: string,
    private readonly out: Violation[],
  ) {
    this.codePoints = Array.from(text);
  }

  get length(): number {
    return this.codePoints.length;
  }

  check(pointer: string, span: { start: number; end: number; text?: string }): void {
    const { start, end } = span;
    if (!(start >= 0 && end <= this.codePoints.length && start < end)) {
      this.out.push({
        file: this.file,
        pointer,
        rule: 'span-inside-text',
        message: `span [${start}, ${end}) is empty or outside the text (length ${this.codePoints.length})`,
      });
      return;
    }
    if (span.text !== undefined) {
      const slice = this.codePoints.slice(start, end).join('');
      if (slice !== span.text) {
        this.out.push({
          file: this.file,
          pointer,
          rule: 'text-equals-slice',
          message: `cited text ${JSON.stringify(span.text)} differs from the text at [${start}, ${end}): ${JSON.stringify(slice)}`,
        });
      }
    }
  }
}

export function validateNormalized(file: string, data: unknown): Violation[] {
  const { normalized } = loadValidators();
  if (!normalized(data)) return schemaViolations(file, normalized.errors);
  const article = data as NormalizedArticle;
  const out: Violation[] = [];
  const digest = sha256(article.text);
  if (digest !== article.sha256) {
    out.push({ file, pointer: '/sha256', rule: 'hash-matches-text', message: 'sha256 is not the SHA-256 of text' });
  }
  if (article.article_id !== digest.slice(0, 16)) {
    out.push({ file, pointer: '/article_id', rule: 'id-from-content', message: 'article_id is not the SHA-256 prefix of text' });
  }
  const spans = new SpanChecker(file, article.text, out);
  article.paragraphs.forEach((p, i) => spans.check(`/paragraphs/${i}`, p));
  article.sentences.forEach((s, i) => {
    spans.check(`/sentences/${i}`, s);
    const para = article.paragraphs[s.paragraph];
    if (!para || s.start < para.start || s.end > para.end) {
      out.push({ file, pointer: `/sentences/${i}`, rule: 'sentence-in-paragraph', message: `sentence is not inside paragraph ${s.paragraph}` });
    }
    const prev = article.sentences[i - 1];
    if (prev && prev.end > s.start) {
      out.push({ file, pointer: `/sentences/${i}`, rule: 'spans-ordered', message: 'sentence overlaps the previous one' });
    }
  });
  return out;
}

export function validateFacts(file: string, data: unknown, article: NormalizedArticle): Violation[] {
  const { facts } = loadValidators();
  if (!facts(data)) return schemaViolations(file, facts.errors);
  const f = data as ArticleFacts;
  const out: Violation[] = [];
  const v = (pointer: string, rule: string, message: string): void => {
    out.push({ file, pointer, rule, message });
  };
  if (f.article_id !== article.article_id) v('/article_id', 'article-matches', `article_id differs from the normalized article's (${article.article_id})`);
  const spans = new SpanChecker(file, article.text, out);

  const ids = new Set<string>();
  const unique = (pointer: string, id: string): void => {
    if (ids.has(id)) v(pointer, 'unique-id', `duplicate id ${id}`);
    ids.add(id);
  };
  const entityIds = new Set(f.entities.map((e) => e.id));
  const timexIds = new Set(f.dates.map((t) => t.id));
  const entityRef = (pointer: string, id: string | undefined): void => {
    if (id !== undefined && !entityIds.has(id)) v(pointer, 'id-resolves', `entity ${id} does not exist`);
  };

  f.entities.forEach((e, i) => {
    unique(`/entities/${i}/id`, e.id);
    e.mentions.forEach((m, j) => spans.check(`/entities/${i}/mentions/${j}`, m));
    if (e.aliases.includes(e.name)) v(`/entities/${i}/aliases`, 'alias-not-name', 'aliases repeat the canonical name');
  });
  f.dates.forEach((t, i) => {
    unique(`/dates/${i}/id`, t.id);
    spans.check(`/dates/${i}`, t);
  });
  f.quantities.forEach((q, i) => {
    unique(`/quantities/${i}/id`, q.id);
    spans.check(`/quantities/${i}`, q);
    entityRef(`/quantities/${i}/entity_id`, q.entity_id);
  });
  f.quotes.forEach((q, i) => {
    unique(`/quotes/${i}/id`, q.id);
    spans.check(`/quotes/${i}`, q);
    if (q.speaker) {
      spans.check(`/quotes/${i}/speaker`, q.speaker);
      entityRef(`/quotes/${i}/speaker/entity_id`, q.speaker.entity_id);
    }
    if (q.cue) spans.check(`/quotes/${i}/cue`, q.cue);
    entityRef(`/quotes/${i}/addressee_entity_id`, q.addressee_entity_id);
  });
  f.relations.forEach((r, i) => {
    unique(`/relations/${i}/id`, r.id);
    spans.check(`/relations/${i}`, r);
    entityRef(`/relations/${i}/subject_entity_id`, r.subject_entity_id);
    entityRef(`/relations/${i}/object_entity_id`, r.object_entity_id);
    if ((r.object_entity_id === undefined) === (r.object_value === undefined)) {
      v(`/relations/${i}`, 'one-object', 'a relation has exactly one of object_entity_id and object_value');
    }
  });
  f.events.forEach((e, i) => {
    unique(`/events/${i}/id`, e.id);
    spans.check(`/events/${i}`, e);
    spans.check(`/events/${i}/trigger`, e.trigger);
    if (e.trigger.start < e.start || e.trigger.end > e.end) v(`/events/${i}/trigger`, 'trigger-in-event', 'trigger lies outside the event span');
    entityRef(`/events/${i}/place_entity_id`, e.place_entity_id);
    if (e.timex_id !== undefined && !timexIds.has(e.timex_id)) v(`/events/${i}/timex_id`, 'id-resolves', `date ${e.timex_id} does not exist`);
    e.participants.forEach((p, j) => entityRef(`/events/${i}/participants/${j}/entity_id`, p.entity_id));
  });
  if (f.reference_date?.start !== undefined && f.reference_date.end !== undefined) {
    spans.check('/reference_date', { start: f.reference_date.start, end: f.reference_date.end });
  }
  return out;
}
