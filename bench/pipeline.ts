/**
 * One whole-pipeline run (all stages, all exports, validation on) in a fresh process, so its peak
 * RSS is its own: prints a JSON line with the wall and CPU time of each stage, the peak RSS, and
 * the peak RSS reached by the end of each stage (which stage sets the peak).
 * Usage: tsx bench/pipeline.ts <input folder> <output folder> <jobs>
 */
import { performance } from 'node:perf_hooks';
import { NORMALIZE_HANDLER, runNormalize } from '../pipeline/normalize/stage.ts';
import { EXTRACT_HANDLER, runExtract } from '../pipeline/extract/stage.ts';
import { runValidate } from '../pipeline/validate/stage.ts';
import { EXPORT_HANDLER, runExport } from '../pipeline/export/stage.ts';
import { buildWorkerScript } from '../pipeline/shared/worker-script.ts';

const [input, out, jobs] = process.argv.slice(2);
// as the commands do before they start (pipeline/cli.ts): workers then run bundled JavaScript
await Promise.all([NORMALIZE_HANDLER, EXTRACT_HANDLER, EXPORT_HANDLER].map(buildWorkerScript));
const seconds: Record<string, number> = {};
/** CPU time of all threads per stage: steadier than wall time on a shared machine */
const cpuSeconds: Record<string, number> = {};
const peakRssMBAfter: Record<string, number> = {};
const peakRssMB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const timed = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const result = await f();
  seconds[name] = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  cpuSeconds[name] = (used.user + used.system) / 1e6;
  peakRssMBAfter[name] = peakRssMB();
  return result;
};
const normalized = await timed('normalize', () => runNormalize([input], out, { jobs: Number(jobs) }));
const extracted = await timed('extract', () => runExtract(out, { jobs: Number(jobs), quiet: true }));
await timed('validate', () => runValidate(out));
await timed('export', () => runExport(out, { jobs: Number(jobs) }));
process.stdout.write(
  `${JSON.stringify({
    seconds,
    cpuSeconds,
    articles: normalized.written + normalized.unchanged,
    failed: normalized.failures.length + extracted.failures.length,
    peakRssMB: peakRssMB(),
    peakRssMBAfter,
  })}\n`,
);
