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

/** What a corpus entity gathers from its members. */
interface Cluster {
  id: string;
  type: string;
  /** how many members use each name */
  votes: Map<string, number>;
  surface: Set<string>;
  articleCount: number;
  lastArticle: string;
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
    let c = this.clusters.get(id);
    if (!c) {
      c = { id, type: e.type, votes: new Map(), surface: new Set(), articleCount: 0, lastArticle: '', mentionCount: 0 };
      this.clusters.set(id, c);
    }
    c.votes.set(e.name, (c.votes.get(e.name) ?? 0) + 1);
    c.surface.add(e.name);
    for (const a of e.aliases) c.surface.add(a);
    if (c.lastArticle !== e.article_id) c.articleCount++;
    c.lastArticle = e.article_id;
    c.mentionCount += e.mention_count;
  }

  /** The corpus entities added so far, by id. */
  entities(): CorpusEntity[] {
    const entities = [...this.clusters.values()].map((c): CorpusEntity => {
      // canonical name: the name most articles use, then the longest, then the first in code order
      const name = [...c.votes.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
      const aliases = [...c.surface].filter((s) => s !== name).sort();
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
