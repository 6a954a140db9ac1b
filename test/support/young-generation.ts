// Run by test/pool.test.ts in a process started with a young-generation flag, as bin/news-facts.mjs
// starts: prints how far this thread's and two workers' young generations grew.
import { runInWorkers } from '../../pipeline/shared/pool.ts';
import { youngGenerationGrownMb } from './pool-handler.ts';

const workers: number[] = [];
await runInWorkers<number, number, { offset: number }>(new URL('./pool-handler.ts', import.meta.url), [-5, -5], {
  jobs: 2,
  context: { offset: 0 },
  consume: (o) => workers.push(o),
  crashed: () => NaN,
});
process.stdout.write(JSON.stringify({ main: youngGenerationGrownMb(), workers }));
