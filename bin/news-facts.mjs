#!/usr/bin/env -S node --max-semi-space-size=4
// The command line as plain JavaScript: pipeline/cli.ts and the project code it imports, bundled by
// esbuild at each start (~0.1 s), then run in this process. Under tsx (npx tsx pipeline/cli.ts) the
// same commands take ~1 s longer to start and ~35 MB more memory for the TypeScript loader.
// The #! line bounds this thread's young generation: V8 lets it grow to 48 MB, and the thread that
// gathers the workers' output collects its garbage late (README, "Speed and memory"); the worker
// threads set their own (shared/pool.ts).
import { pathToFileURL } from 'node:url';
import { bundle } from '../pipeline/shared/bundle.mjs';

const cli = new URL('../pipeline/cli.ts', import.meta.url).pathname;
const script = await bundle(`import ${JSON.stringify(cli)};\n`, { prefix: 'cli' });
await import(pathToFileURL(script).href);
