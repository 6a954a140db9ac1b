import { createHash } from 'node:crypto';

/**
 * Cross-article entities: the same person, organization or place mentioned in several articles
 * becomes one corpus entity. Conservative by design:
 * - people merge only on the same full name of two or more words ("Vladimir Putin"); a lone
 *   first name or surname ("Yelena", "Putin") never merges across articles, since two articles'
 *   "Smith" are different people unless the text says otherwise;
 * - organizations and places merge on the same name or on a shared surface form (an article that
 *   writes both "European Union" and "EU" links the two names for the whole corpus).
 * Corpus ids are content-derived (a hash of the type and the cluster's smallest key), so they are
 * stable across runs and shards.
 */

export interface ArticleEntityRef {
  article_id: string;
  entity_id: string;
  type: string;
  name: string;
  aliases: string[];
  mention_count: number;
}

export interface CorpusEntity {
  corpus_entity_id: string;
  type: string;
  name: string;
  aliases: string[];
  article_count: number;
  mention_count: number;
}

/** The matching key of a name: case, "the", possessive and spacing folded. */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^the\s+/, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

class UnionFind {
  constructor(private readonly parent = new Map<string, string>()) {}
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    if (root !== x) this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // the smaller key is the root, so the cluster's id does not depend on input order
    if (ra !== rb) {
      if (ra < rb) this.parent.set(rb, ra);
      else this.parent.set(ra, rb);
    }
  }
  /** every key that joins something, with its parent */
  entries(): [string, string][] {
    return [...this.parent.entries()];
  }
}

function keysOf(e: ArticleEntityRef): string[] {
  const typed = (k: string): string => `${e.type}|${k}`;
  if (e.type === 'Person') {
    const key = nameKey(e.name);
    return key.includes(' ') ? [typed(key)] : [typed(`${key}@${e.article_id}`)];
  }
  const keys = [...new Set([e.name, ...e.aliases].map(nameKey).filter((k) => k.length > 1))].map(typed);
  // a name too short to match on safely stays an entity of its own article
  return keys.length ? keys : [typed(`${nameKey(e.name)}@${e.article_id}:${e.entity_id}`)];
}

const corpusEntityId = (keys: UnionFind, e: ArticleEntityRef): string =>
  `C${createHash('sha256').update(keys.find(keysOf(e)[0])).digest('hex').slice(0, 12)}`;

/** The corpus entity ids of pass 1's links (CorpusEntityIndex.links), where the index is not at hand. */
export class CorpusLinker {
  private readonly keys: UnionFind;
  constructor(links: [string, string][]) {
    this.keys = new UnionFind(new Map(links));
  }

  idOf(e: ArticleEntityRef): string {
    return corpusEntityId(this.keys, e);
  }
}

/**
 * What a corpus entity gathers from its members. A corpus has one per distinct entity (every
 * article's lone "Smith" is one), so it is kept small: arrays, not a Map and a Set each (their
 * tables took ~400 bytes per corpus entity over BBC ×10), searched in full since a corpus entity
 * has few names.
 */
interface Cluster {
  id: string;
  type: string;
  /** the names its members use, each followed by how many use it */
  votes: (string | number)[];
  /** every name and alias, once each */
  surface: string[];
  articleCount: number;
  /** the ordinal of the last article counted in (see CorpusEntityIndex.count) */
  lastArticle: number;
  mentionCount: number;
}

/**
 * The corpus entities, built in two passes over the articles so that the corpus is never held:
 * pass 1 (`link`) joins the name keys each entity gives, and holds only the keys that join
 * something; pass 2 (`add`) gives each entity its corpus entity id and counts it in. Pass 2 adds
 * an article's entities together, each article once.
 */
export class CorpusEntityIndex {
  private readonly keys = new UnionFind();
  private readonly clusters = new Map<string, Cluster>();
  /** each type's name, once (the entities' own copies come from many messages) */
  private readonly types = new Map<string, string>();
  private article = '';
  private articleOrdinal = 0;

  link(e: ArticleEntityRef): void {
    const [first, ...rest] = keysOf(e);
    for (const k of rest) this.keys.union(first, k);
  }

  /** What pass 1 learned, for a CorpusLinker in another thread. */
  links(): [string, string][] {
    return this.keys.entries();
  }

  /** Counts an entity into its corpus entity; returns the corpus entity id. */
  add(e: ArticleEntityRef): string {
    const id = corpusEntityId(this.keys, e);
    this.count(e, id);
    return id;
  }

  /** Counts an entity into the corpus entity `id` (its CorpusLinker id). */
  count(e: ArticleEntityRef, id: string): void {
    if (e.article_id !== this.article) {
      this.article = e.article_id;
      this.articleOrdinal++;
    }
    let c = this.clusters.get(id);
    if (!c) {
      let type = this.types.get(e.type);
      if (type === undefined) this.types.set(e.type, (type = e.type));
      // arrays of their exact size: a first push would make room for 17 elements
      const surface = [e.name];
      for (const a of e.aliases) if (!surface.includes(a)) surface.push(a);
      c = { id, type, votes: [e.name, 0], surface: surface.slice(), articleCount: 0, lastArticle: 0, mentionCount: 0 };
      this.clusters.set(id, c);
    } else {
      for (const name of [e.name, ...e.aliases]) if (!c.surface.includes(name)) c.surface.push(name);
    }
    const at = c.votes.indexOf(e.name);
    if (at >= 0) (c.votes[at + 1] as number)++;
    else c.votes.push(e.name, 1);
    if (c.lastArticle !== this.articleOrdinal) c.articleCount++;
    c.lastArticle = this.articleOrdinal;
    c.mentionCount += e.mention_count;
  }

  /** The corpus entities added so far, by id. */
  entities(): CorpusEntity[] {
    const entities = [...this.clusters.values()].map((c): CorpusEntity => {
      // canonical name: the name most articles use, then the longest, then the first in code order
      const votes: [string, number][] = [];
      for (let i = 0; i < c.votes.length; i += 2) votes.push([c.votes[i] as string, c.votes[i + 1] as number]);
      const name = votes.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
      const aliases = c.surface.filter((s) => s !== name).sort();
      return { corpus_entity_id: c.id, type: c.type, name, aliases, article_count: c.articleCount, mention_count: c.mentionCount };
    });
    return entities.sort((a, b) => (a.corpus_entity_id < b.corpus_entity_id ? -1 : 1));
  }
}

export interface CorpusIndex {
  entities: CorpusEntity[];
  /** `${article_id}:${entity_id}` → corpus_entity_id */
  link: Map<string, string>;
}

/** The corpus entities of entity references in any order, with the link of every reference. */
export function corpusEntities(refs: ArticleEntityRef[]): CorpusIndex {
  const index = new CorpusEntityIndex();
  for (const e of refs) index.link(e);
  const link = new Map<string, string>();
  const byArticle = [...refs].sort((a, b) => (a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : 0));
  for (const e of byArticle) link.set(`${e.article_id}:${e.entity_id}`, index.add(e));
  return { entities: index.entities(), link };
}
