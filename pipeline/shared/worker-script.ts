import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { pipelineVersion } from './version.ts';

/**
 * The script a worker thread of the pool (pool.ts) runs for a batch handler module: a bundle of
 * plain JavaScript when one is built for this pipeline version, else the TypeScript through tsx.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT_DIR = join(ROOT, 'node_modules', '.cache', 'news-facts');

/** Each module keeps its own import.meta.url in the bundle, so paths relative to it (the model) still hold. */
const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/**
 * Where the bundled worker script of a handler module is kept: node_modules/.cache/news-facts,
 * named by a hash of the pipeline version (its code, model and locked dependencies) and the
 * handler's own source (a handler outside pipeline/, such as a test's).
 */
function scriptPath(module: URL): string {
  const key = createHash('sha256').update(`${pipelineVersion()}\n`).update(readFileSync(fileURLToPath(module))).digest('hex');
  return join(SCRIPT_DIR, `worker-${key.slice(0, 16)}.mjs`);
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
  const entry = `import Tinypool from 'tinypool';\nimport handler from ${JSON.stringify(fileURLToPath(module))};\nconst { context } = Tinypool.workerData;\nexport default (tasks) => handler(tasks, context);\n`;
  const { outputFiles } = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'worker-entry.js', loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [ownImportMetaUrl],
  });
  mkdirSync(SCRIPT_DIR, { recursive: true });
  // scripts of earlier versions untouched for a week go
  for (const name of readdirSync(SCRIPT_DIR)) {
    const old = join(SCRIPT_DIR, name);
    if (Date.now() - statSync(old).mtimeMs > 7 * 86_400_000) rmSync(old, { force: true });
  }
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, outputFiles[0].contents);
  renameSync(tmp, path);
}

/** The script a worker runs for a handler: its bundle when built for this version, else the handler through tsx. */
export function workerScript(module: URL): { filename: string; module?: string } {
  const path = scriptPath(module);
  if (existsSync(path)) return { filename: pathToFileURL(path).href };
  return { filename: new URL('./worker-entry.mjs', import.meta.url).href, module: module.href };
}
