import type { ValidationReport } from '../validate/stage.ts';

/** An article validation passed: what the export of it starts from (see worker.ts). */
export type ExportTask = ValidationReport['valid'][number];

const HASH_BYTES = 32;
/** per article: the hashes of its normalized, facts, JSON-LD and NewsArticle files */
const HASHES = 4;
const NORMALIZED = 0;
const FACTS = 1;
const JSONLD = 2;
const NEWSARTICLE = 3;

/** the folders of per-article files, and which of an article's hashes each file has */
const ARTICLE_FILE_RE = /^(normalized|facts|jsonld|newsarticle)\/([^/]+)\.(json|jsonld)$/;
const SLOT: Record<string, { slot: number; ext: string }> = {
  normalized: { slot: NORMALIZED, ext: 'json' },
  facts: { slot: FACTS, ext: 'json' },
  jsonld: { slot: JSONLD, ext: 'jsonld' },
  newsarticle: { slot: NEWSARTICLE, ext: 'jsonld' },
};

/**
 * The articles validation passed, in id order, and the hashes of their files once exported. Held
 * for the whole export, so held compactly: an id string and 128 bytes of hashes per article (an
 * object per article with its paths and hashes as hex strings took ~1 KB).
 */
export class ValidatedArticles {
  private readonly ids: string[];
  private readonly hashes: Buffer;
  private readonly exported: Uint8Array;

  constructor(valid: readonly ExportTask[]) {
    const sorted = [...valid].sort((a, b) => (a.article_id < b.article_id ? -1 : 1));
    this.ids = sorted.map((v) => v.article_id);
    this.hashes = Buffer.alloc(sorted.length * HASHES * HASH_BYTES);
    this.exported = new Uint8Array(sorted.length);
    sorted.forEach((v, i) => {
      this.setHash(i, NORMALIZED, v.normalized_sha256);
      this.setHash(i, FACTS, v.facts_sha256);
    });
  }

  get length(): number {
    return this.ids.length;
  }

  idAt(i: number): string {
    return this.ids[i];
  }

  task(i: number): ExportTask {
    return { article_id: this.ids[i], normalized_sha256: this.hash(i, NORMALIZED), facts_sha256: this.hash(i, FACTS) };
  }

  /** The tasks one by one, made as they are taken. */
  *tasks(): Generator<ExportTask> {
    for (let i = 0; i < this.ids.length; i++) yield this.task(i);
  }

  /** Records that article `i` was exported, with the hashes of its JSON-LD and NewsArticle files. */
  markExported(i: number, jsonldSha256: string, newsarticleSha256: string): void {
    this.exported[i] = 1;
    this.setHash(i, JSONLD, jsonldSha256);
    this.setHash(i, NEWSARTICLE, newsarticleSha256);
  }

  /** Whether the article `id` was exported. */
  isExported(id: string): boolean {
    const i = this.indexOf(id);
    return i >= 0 && this.exported[i] === 1;
  }

  /**
   * The hash of an exported article's file, by its path relative to the output folder
   * ("facts/<id>.json"); undefined for any other file.
   */
  hashOf(rel: string): string | undefined {
    const m = ARTICLE_FILE_RE.exec(rel);
    if (!m || SLOT[m[1]].ext !== m[3]) return undefined;
    const i = this.indexOf(m[2]);
    return i >= 0 && this.exported[i] ? this.hash(i, SLOT[m[1]].slot) : undefined;
  }

  private indexOf(id: string): number {
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.ids[mid];
      if (at === id) return mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private setHash(i: number, slot: number, hex: string): void {
    this.hashes.write(hex, (i * HASHES + slot) * HASH_BYTES, HASH_BYTES, 'hex');
  }

  private hash(i: number, slot: number): string {
    const at = (i * HASHES + slot) * HASH_BYTES;
    return this.hashes.toString('hex', at, at + HASH_BYTES);
  }
}
