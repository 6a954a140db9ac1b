import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_DIR, bundle } from './bundle.mjs';
import { pipelineVersion } from './version.ts';

/**
 * The script a worker thread of the pool (pool.ts) runs for a batch handler module: a bundle of
 * plain JavaScript when one is built for this pipeline version, else the TypeScript through tsx.
 */

/**
 * Where the bundled worker script of a handler module is kept: node_modules/.cache/news-facts,
 * named by a hash of the pipeline version (its code, model and locked dependencies) and the
 * handler's own source (a handler outside pipeline/, such as a test's).
 */
function scriptPath(module: URL): string {
  const key = createHash('sha256').update(`${pipelineVersion()}\n`).update(readFileSync(fileURLToPath(module))).digest('hex');
  return join(BUNDLE_DIR, `worker-${key.slice(0, 16)}.mjs`);
}

/**
 * Bundles a handler module and the project code it imports into one plain ES module (packages
 * stay imports, resolved from the project) with esbuild, so that workers need no TypeScript loader:
 * tsx costs each worker a loader thread, ~20 MB and some CPU. esbuild runs as a child process, so
 * the commands call this before they start work (pipeline/cli.ts), never the stages themselves.
 */
export async function buildWorkerScript(module: URL): Promise<void> {
  const path = scriptPath(module);
  if (existsSync(path)) return;
  // `handler` itself too, for a run of one job in a thread that cannot load TypeScript (see pool.ts)
  const entry = `import Tinypool from 'tinypool';\nimport handler from ${JSON.stringify(fileURLToPath(module))};\nexport { handler };\nexport default (tasks) => handler(tasks, Tinypool.workerData.context);\n`;
  await bundle(entry, { path });
}

/** The script a worker runs for a handler: its bundle when built for this version, else the handler through tsx. */
export function workerScript(module: URL): { filename: string; module?: string } {
  const path = scriptPath(module);
  if (existsSync(path)) return { filename: pathToFileURL(path).href };
  return { filename: new URL('./worker-entry.mjs', import.meta.url).href, module: module.href };
}
