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
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(x, root);
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

export interface CorpusIndex {
  entities: CorpusEntity[];
  /** `${article_id}:${entity_id}` → corpus_entity_id */
  link: Map<string, string>;
}

export function corpusEntities(refs: ArticleEntityRef[]): CorpusIndex {
  const uf = new UnionFind();
  for (const e of refs) {
    const [first, ...rest] = keysOf(e);
    uf.find(first);
    for (const k of rest) uf.union(first, k);
  }
  const clusters = new Map<string, ArticleEntityRef[]>();
  for (const e of refs) {
    const root = uf.find(keysOf(e)[0]);
    const list = clusters.get(root);
    if (list) list.push(e);
    else clusters.set(root, [e]);
  }
  const entities: CorpusEntity[] = [];
  const link = new Map<string, string>();
  for (const [root, members] of clusters) {
    const id = `C${createHash('sha256').update(root).digest('hex').slice(0, 12)}`;
    // canonical name: the name most articles use, then the longest, then the first in code order
    const votes = new Map<string, number>();
    for (const m of members) votes.set(m.name, (votes.get(m.name) ?? 0) + 1);
    const name = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
    const surface = new Set(members.flatMap((m) => [m.name, ...m.aliases]));
    surface.delete(name);
    entities.push({
      corpus_entity_id: id,
      type: members[0].type,
      name,
      aliases: [...surface].sort(),
      article_count: new Set(members.map((m) => m.article_id)).size,
      mention_count: members.reduce((n, m) => n + m.mention_count, 0),
    });
    for (const m of members) link.set(`${m.article_id}:${m.entity_id}`, id);
  }
  entities.sort((a, b) => (a.corpus_entity_id < b.corpus_entity_id ? -1 : 1));
  return { entities, link };
}
