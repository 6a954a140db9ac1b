import { existsSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { listFiles, toJson, writeFileAtomic, sha256 } from '../shared/files.ts';
import { layout } from '../shared/layout.ts';
import { StageReport } from '../shared/report.ts';
import type { NormalizedArticle } from '../records.ts';
import { formatViolation, validateFacts, validateNormalized, type Violation } from './index.ts';

export interface ValidationReport {
  /** articles whose normalized and facts files passed every check, with the hashes of those files */
  valid: { article_id: string; normalized_sha256: string; facts_sha256: string }[];
  violations: Violation[];
}

/** Validates every article in out/ and writes out/validation.json, which export trusts. */
export function runValidate(out: string): StageReport {
  const report = new StageReport('validate');
  const paths = layout(out);
  const result: ValidationReport = { valid: [], violations: [] };
  for (const normPath of listFiles(paths.normalizedDir, '.json')) {
    const id = basename(normPath, '.json');
    const factsPath = paths.facts(id);
    // violations name files relative to the output folder, so the report does not depend on where it is
    const normName = relative(out, normPath);
    const factsName = relative(out, factsPath);
    const normBytes = readFileSync(normPath);
    const violations: Violation[] = [];
    let article: unknown;
    try {
      article = JSON.parse(normBytes.toString('utf8'));
    } catch (e) {
      violations.push({ file: normName, pointer: '/', rule: 'json', message: (e as Error).message });
    }
    if (!violations.length) violations.push(...validateNormalized(normName, article));
    if (basename(normPath) !== `${(article as NormalizedArticle | undefined)?.article_id}.json` && !violations.length) {
      violations.push({ file: normName, pointer: '/article_id', rule: 'file-name-is-id', message: 'file name is not <article_id>.json' });
    }
    let factsBytes: Buffer | undefined;
    if (!existsSync(factsPath)) {
      violations.push({ file: factsName, pointer: '/', rule: 'facts-exist', message: 'no facts file for this article (extract did not run or failed)' });
    } else if (!violations.length) {
      factsBytes = readFileSync(factsPath);
      try {
        violations.push(...validateFacts(factsName, JSON.parse(factsBytes.toString('utf8')), article as NormalizedArticle));
      } catch (e) {
        violations.push({ file: factsName, pointer: '/', rule: 'json', message: (e as Error).message });
      }
    }
    if (violations.length || !factsBytes) {
      result.violations.push(...violations);
      report.fail(normPath, `${violations.length} violation(s):\n  ${violations.map(formatViolation).join('\n  ')}`);
    } else {
      result.valid.push({ article_id: id, normalized_sha256: sha256(normBytes), facts_sha256: sha256(factsBytes) });
      report.written++;
    }
  }
  writeFileAtomic(paths.validation, toJson(result));
  return report;
}
