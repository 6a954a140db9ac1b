// Bundling for plain-JavaScript runs, shared by the CLI launcher (bin/news-facts.mjs, which cannot
// load TypeScript) and the worker scripts (worker-script.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', 'news-facts');

/** Each module keeps its own import.meta.url in the bundle, so paths relative to it (the model) still hold. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.m?[jt]s$/ }, (args) => ({
      // a pattern, not the words themselves, which this module's own bundling would replace
      contents: readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)),
      loader: args.path.endsWith('.ts') ? 'ts' : 'js',
    }));
  },
};

/**
 * Bundles the module `entry` (JavaScript source importing the project's TypeScript) with the
 * project code it imports into one plain ES module; packages stay imports, resolved from the
 * project. Writes it to `path`, or to BUNDLE_DIR named `<prefix>-<hash of its content>.mjs` when no
 * path is given, and returns where it is. Bundles untouched for a week are removed first.
 */
export async function bundle(entry, { path, prefix = 'bundle' } = {}) {
  const { outputFiles } = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: `${prefix}-entry.js`, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    // not 'node20': for node targets esbuild rewrites every \p{…} regular expression literal into a
    // new RegExp(…) call, built again each time it runs (the extractors after NER ran 7–20% faster without them)
    target: 'es2022',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [ownImportMetaUrl],
  });
  const code = outputFiles[0].contents;
  const target = path ?? join(BUNDLE_DIR, `${prefix}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  mkdirSync(BUNDLE_DIR, { recursive: true });
  for (const name of readdirSync(BUNDLE_DIR)) {
    const old = join(BUNDLE_DIR, name);
    if (Date.now() - statSync(old).mtimeMs > 7 * 86_400_000) rmSync(old, { force: true });
  }
  if (!existsSync(target)) {
    const tmp = `${target}.tmp-${process.pid}`;
    writeFileSync(tmp, code);
    renameSync(tmp, target);
  }
  return target;
}
