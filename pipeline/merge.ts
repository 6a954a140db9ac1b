import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listFiles, writeFileAtomic } from './shared/files.ts';
import { layout } from './shared/layout.ts';
import { readErrors, writeErrors } from './shared/errors-csv.ts';
import { StageReport } from './shared/report.ts';

/**
 * Combines shard datasets (each the output of `run` over part of a corpus) into one folder: the
 * per-article files are copied; validate and export then rebuild every corpus-wide file, so the
 * result is the same as one run over the whole corpus. Failures the shards recorded are kept.
 */
export function runMerge(shards: string[], out: string): StageReport {
  const report = new StageReport('merge');
  const paths = layout(out);
  const failures = shards.flatMap((s) => readErrors(join(s, 'errors.csv')));
  const seen = new Map<string, string>(); // relative path → shard it came from
  for (const shard of shards) {
    if (!existsSync(layout(shard).normalizedDir)) {
      report.fail(shard, 'not a news-facts dataset folder (no normalized/)');
      continue;
    }
    const from = layout(shard);
    for (const [dir, to] of [
      [from.normalizedDir, paths.normalized],
      [from.factsDir, paths.facts],
    ] as const) {
      for (const file of listFiles(dir, '.json')) {
        const id = basename(file, '.json');
        const target = to(id);
        const content = readFileSync(file);
        const earlier = seen.get(target);
        if (earlier !== undefined && !readFileSync(target).equals(content)) {
          report.fail(file, `differs from the same article in ${earlier}: shards were made by different pipeline versions`);
          continue;
        }
        seen.set(target, shard);
        if (writeFileAtomic(target, content)) report.written++;
        else report.unchanged++;
      }
    }
  }
  writeErrors(join(out, 'errors.csv'), failures);
  return report;
}
