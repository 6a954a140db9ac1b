import { closeSync, existsSync, openSync, statSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { LineError, OutputError } from '../shared/errors.ts';
import { listFiles, sourceNamedIn, toJson, walkFiles, writeFileAtomic } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { StageReport } from '../shared/report.ts';
import { formatOf, normalizeArticle, normalizeRecord, type NormalizeOptions, type NormalizeResult } from './index.ts';
import { DEFAULT_MAX_BYTES, lineTooLarge, ndjsonLines, readArticleFile } from './input.ts';

export interface InputFile {
  /** a path, or "-" for standard input (read as NDJSON) */
  path: string;
  /** path relative to the folder it was found in; for a file argument, its name */
  source: string;
}

/** Every article file in the inputs: files as given, folders walked recursively (sorted), "-" for stdin. */
export function discoverInputs(inputs: string[], report: StageReport): InputFile[] {
  const found: InputFile[] = [];
  for (const input of inputs) {
    if (input === '-') {
      found.push({ path: '-', source: '-' });
      continue;
    }
    if (!existsSync(input)) {
      report.fail(input, 'no such file or folder');
      continue;
    }
    if (statSync(input).isDirectory()) {
      for (const rel of walkFiles(input, (name) => formatOf(name) !== null)) {
        found.push({ path: `${input.replace(/\/+$/, '')}/${rel}`, source: rel });
      }
    } else {
      found.push({ path: input, source: basename(input) });
    }
  }
  return found;
}

export interface InputOptions extends NormalizeOptions {
  /** the largest article file or NDJSON line read, in bytes (see input.ts) */
  maxBytes?: number;
}

interface PendingArticle {
  /** where a failure is reported: the file, or file:line */
  where: string;
  /** the source its earlier output carries, so that output is kept when the article now fails */
  source: string;
  result: () => NormalizeResult;
}

/** The articles of one input: one for an article file, one per non-blank line for NDJSON. */
function* articlesOf(file: InputFile, options: InputOptions): Generator<PendingArticle> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (file.path !== '-' && formatOf(file.path) !== 'ndjson') {
    yield { where: file.path, source: file.source, result: () => normalizeArticle(readArticleFile(file.path, maxBytes), file.source, options) };
    return;
  }
  let fd: number;
  try {
    fd = file.path === '-' ? 0 : openSync(file.path, 'r');
  } catch (e) {
    yield { where: file.path, source: file.source, result: () => { throw e; } };
    return;
  }
  try {
    for (const line of ndjsonLines(fd, maxBytes)) {
      // a record's source names its line, so errors and outputs point back to it
      const source = `${file.source}:${line.number}`;
      const { bytes } = line;
      yield {
        where: `${file.path}:${line.number}`,
        source,
        result: () => {
          if (!bytes) throw lineTooLarge(line.length, maxBytes);
          return normalizeRecord(bytes, source, options);
        },
      };
    }
  } catch (e) {
    // unreadable, or binary from the start: one error for the whole file
    yield { where: file.path, source: file.source, result: () => { throw e; } };
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/**
 * Normalizes every input into out/normalized/. Outputs of inputs that are gone are removed; the
 * earlier output of an input that now fails is kept, so a bad edit loses nothing.
 */
export function runNormalize(inputs: string[], out: string, options: InputOptions = {}): StageReport {
  const report = new StageReport('normalize');
  const paths = layout(out);
  const files = discoverInputs(inputs, report);
  const current = new Map<string, string>(); // article_id → source
  const failedSources = new Set<string>();
  for (const file of files) {
    for (const { where, source, result } of articlesOf(file, options)) {
      try {
        const { article, warnings } = result();
        for (const w of warnings) report.warn(`${where}: ${w}`);
        const earlier = current.get(article.article_id);
        if (earlier !== undefined) {
          report.warn(`${where}: same text as ${earlier}; kept once, as ${earlier}`);
          continue;
        }
        current.set(article.article_id, article.source);
        if (writeFileAtomic(paths.normalized(article.article_id), toJson(article))) report.written++;
        else report.unchanged++;
      } catch (e) {
        if (e instanceof OutputError) throw e;
        report.fail(e instanceof LineError ? `${where}:${e.line}` : where, (e as Error).message);
        failedSources.add(source);
      }
    }
  }
  for (const path of listFiles(paths.normalizedDir, '.json')) {
    const id = basename(path, '.json');
    if (current.has(id)) continue;
    // an unreadable leftover is no one's earlier output (its own path is no input's source)
    if (!failedSources.has(sourceNamedIn(path))) unlinkSync(path);
  }
  return report;
}
