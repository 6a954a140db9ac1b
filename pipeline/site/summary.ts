/**
 * The corpus-level figures the index shows, gathered one article (or one CSV row) at a time. Only
 * small aggregates are kept: one line per article, counts, and bounded "top" lists, so a corpus of
 * any size passes through in constant memory per article.
 */
import type { ArticleFacts, NormalizedArticle } from '../records.ts';
import { isCalendarValue, timelinePeriod } from './labels.ts';
import type { CorpusEntity } from '../export/corpus.ts';
import { byCodePoint } from '../shared/order.ts';

/** Keeps the first `limit` items in `compare` order of all it is given. */
export class Leaders<T> {
  private readonly items: T[] = [];
  constructor(private readonly limit: number, private readonly compare: (a: T, b: T) => number) {}

  add(item: T): void {
    if (this.items.length === this.limit && this.compare(item, this.items[this.limit - 1]) >= 0) return;
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(this.items[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
    if (this.items.length > this.limit) this.items.pop();
  }

  get list(): readonly T[] {
    return this.items;
  }
}

export interface ArticleLine {
  article_id: string;
  headline: string;
  source: string;
  date_published?: string;
  word_count: number;
  entities: number;
  quotes: number;
  events: number;
}

export interface TimelineEntry {
  date: string;
  mod?: string;
  article_id: string;
  event_id: string;
  start: number;
  type: string;
  trigger: string;
  text: string;
  participants: string[];
}

/** A corpus entity among the most mentioned: the corpus_entities record itself. */
export type TopEntity = CorpusEntity;

/** A row of csv/corpus_entities.csv or csv/entities.csv, as parsed (every cell a string). */
export type CsvRow = Record<string, string>;

const TOP_ENTITIES = 10;
const ARTICLES_PER_ENTITY = 5;
const EVENTS_PER_PERIOD = 8;

const byMentions = (a: TopEntity, b: TopEntity): number =>
  b.article_count - a.article_count || b.mention_count - a.mention_count || byCodePoint(a.name, b.name) || byCodePoint(a.corpus_entity_id, b.corpus_entity_id);

const byDate = (a: TimelineEntry, b: TimelineEntry): number =>
  byCodePoint(a.date, b.date) || byCodePoint(a.article_id, b.article_id) || a.start - b.start;

interface EntityArticle {
  article_id: string;
  mention_count: number;
}

export interface TypeCount {
  /** distinct across the corpus (corpus_entities.csv) */
  corpus: number;
  /** entities of single articles */
  entities: number;
  mentions: number;
}

export class CorpusSummary {
  readonly articles: ArticleLine[] = [];
  readonly totals = { words: 0, entities: 0, mentions: 0, dates: 0, quantities: 0, quotes: 0, reported: 0, relations: 0, events: 0 };
  readonly types = new Map<string, TypeCount>();
  /** calendar period (YYYY-MM or YYYY) → how many events, and the earliest few */
  readonly periods = new Map<string, { count: number; first: Leaders<TimelineEntry> }>();
  private readonly top = new Map<string, Leaders<TopEntity>>();
  private readonly entityArticles = new Map<string, Leaders<EntityArticle>>();
  /** the ids of the top entities, worked out at the first entities.csv row */
  private topIds: Set<string> | undefined;

  private typeCount(type: string): TypeCount {
    let c = this.types.get(type);
    if (!c) this.types.set(type, (c = { corpus: 0, entities: 0, mentions: 0 }));
    return c;
  }

  addArticle(article: NormalizedArticle, facts: ArticleFacts, headline: string): void {
    const direct = facts.quotes.filter((q) => q.direct).length;
    this.articles.push({
      article_id: article.article_id, headline, source: article.source, date_published: article.metadata.datePublished,
      word_count: article.word_count, entities: facts.entities.length, quotes: direct, events: facts.events.length,
    });
    const t = this.totals;
    t.words += article.word_count;
    t.entities += facts.entities.length;
    t.dates += facts.dates.length;
    t.quantities += facts.quantities.length;
    t.quotes += direct;
    t.reported += facts.quotes.length - direct;
    t.relations += facts.relations.length;
    t.events += facts.events.length;
    for (const e of facts.entities) {
      const c = this.typeCount(e.type);
      c.entities++;
      c.mentions += e.mentions.length;
      t.mentions += e.mentions.length;
    }
    const names = new Map(facts.entities.map((e) => [e.id, e.name]));
    for (const v of facts.events) {
      if (!isCalendarValue(v.date_value)) continue;
      const period = timelinePeriod(v.date_value);
      let p = this.periods.get(period);
      if (!p) this.periods.set(period, (p = { count: 0, first: new Leaders(EVENTS_PER_PERIOD, byDate) }));
      p.count++;
      p.first.add({
        date: v.date_value, mod: facts.dates.find((d) => d.id === v.timex_id)?.mod, article_id: article.article_id,
        event_id: v.id, start: v.start, type: v.type, trigger: v.trigger.text, text: v.text,
        participants: v.participants.map((x) => names.get(x.entity_id) ?? x.entity_id),
      });
    }
  }

  /** A row of csv/corpus_entities.csv. */
  addCorpusEntity(row: CsvRow): void {
    this.topIds = undefined;
    this.typeCount(row.type).corpus++;
    let top = this.top.get(row.type);
    if (!top) this.top.set(row.type, (top = new Leaders(TOP_ENTITIES, byMentions)));
    top.add({
      corpus_entity_id: row.corpus_entity_id, type: row.type, name: row.name, aliases: row.aliases ? row.aliases.split('|') : [],
      article_count: Number(row.article_count), mention_count: Number(row.mention_count),
    });
  }

  /** The corpus entities with the most mentions (after every addCorpusEntity), by type. */
  topEntities(type: string): readonly TopEntity[] {
    return this.top.get(type)?.list ?? [];
  }

  /** A row of csv/entities.csv: remembered when it links an article to a top entity. */
  addEntityRow(row: CsvRow): void {
    const id = row.corpus_entity_id;
    if (!id || !this.isTop(id)) return;
    let list = this.entityArticles.get(id);
    if (!list) this.entityArticles.set(id, (list = new Leaders(ARTICLES_PER_ENTITY, (a, b) => b.mention_count - a.mention_count || byCodePoint(a.article_id, b.article_id))));
    list.add({ article_id: row.article_id, mention_count: Number(row.mention_count) });
  }

  private isTop(id: string): boolean {
    this.topIds ??= new Set([...this.top.values()].flatMap((l) => l.list.map((e) => e.corpus_entity_id)));
    return this.topIds.has(id);
  }

  /** The articles that mention a top entity most, by article id. */
  articlesOf(corpusEntityId: string): string[] {
    return this.entityArticles.get(corpusEntityId)?.list.map((a) => a.article_id) ?? [];
  }
}
