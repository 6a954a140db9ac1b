import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { walkFiles } from './files.ts';

const PIPELINE = fileURLToPath(new URL('../', import.meta.url));
const LOCK = fileURLToPath(new URL('../../package-lock.json', import.meta.url));

let cached: string | undefined;

/**
 * A hash of everything that decides the output: the pipeline's code and model files and the
 * locked dependencies. An article whose content and this version are unchanged needs no rework.
 */
export function pipelineVersion(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const rel of walkFiles(PIPELINE, (name) => !name.endsWith('.md'))) {
    hash.update(`${rel}\n`);
    hash.update(readFileSync(`${PIPELINE}${rel}`));
  }
  hash.update(readFileSync(LOCK));
  cached = hash.digest('hex');
  return cached;
}
