#!/usr/bin/env -S npx tsx
import { Command, InvalidArgumentError, Option } from 'commander';
import { runNormalize } from './normalize/stage.ts';
import { runExtract } from './extract/stage.ts';
import { runValidate } from './validate/stage.ts';
import { runExport } from './export/stage.ts';
import { availableParallelism } from 'node:os';
import type { StageReport } from './shared/report.ts';
import { recordFailures } from './shared/errors-csv.ts';
import { runMerge } from './merge.ts';
import { DEFAULT_LICENSE, LICENSES } from './export/licenses.ts';
import pkg from '../package.json' with { type: 'json' };

/**
 * Prints each report, records failures in <out>/errors.csv, and sets the exit code: 0 when every
 * article went through every stage.
 */
function finish(out: string, reports: StageReport[]): void {
  for (const r of reports) r.print();
  recordFailures(out, reports);
  const failed = reports.reduce((n, r) => n + r.failures.length, 0);
  if (failed) process.stderr.write(`${failed} failure(s); see ${out}/errors.csv\n`);
  process.exitCode = failed ? 1 : 0;
}

const jobsOption = (): Option =>
  new Option('--jobs <n>', 'worker threads for extraction').argParser((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1');
    return n;
  }).default(availableParallelism(), 'the number of cores');

const licenseOption = (): Option =>
  new Option('--license <id>', 'licence of the data').choices(Object.keys(LICENSES)).default(DEFAULT_LICENSE);

const program = new Command()
  .name('news-facts')
  .description('Turns English news articles into an open dataset of their facts.')
  .version(pkg.version);

const INPUTS = 'article files (.txt, .md, .html, .ndjson/.jsonl), folders (walked recursively), or - for NDJSON on stdin';

program
  .command('run')
  .description('normalize, extract, validate and export every article found in the inputs')
  .argument('<inputs...>', INPUTS)
  .requiredOption('--out <dir>', 'output folder')
  .addOption(licenseOption())
  .addOption(jobsOption())
  .option('--quiet', 'no progress display')
  .action(async (inputs: string[], opts: { out: string; license: string; jobs: number; quiet?: boolean }) => {
    const reports = [runNormalize(inputs, opts.out)];
    reports.push(await runExtract(opts.out, { jobs: opts.jobs, quiet: opts.quiet }));
    reports.push(runValidate(opts.out));
    reports.push(await runExport(opts.out, { license: opts.license }));
    finish(opts.out, reports);
  });

program
  .command('normalize')
  .description('read, clean and segment articles into <out>/normalized/')
  .argument('<inputs...>', INPUTS)
  .requiredOption('--out <dir>', 'output folder')
  .action((inputs: string[], opts: { out: string }) => finish(opts.out, [runNormalize(inputs, opts.out)]));

program
  .command('extract')
  .description('extract facts from <out>/normalized/ into <out>/facts/ (articles unchanged since their facts were written are skipped)')
  .argument('[normalized...]', 'only these normalized files (default: all)')
  .requiredOption('--out <dir>', 'output folder')
  .addOption(jobsOption())
  .option('--quiet', 'no progress display')
  .action(async (only: string[], opts: { out: string; jobs: number; quiet?: boolean }) =>
    finish(opts.out, [await runExtract(opts.out, { only, jobs: opts.jobs, quiet: opts.quiet })]),
  );

program
  .command('validate')
  .description('check normalized articles and facts against schemas/ and the offset and ID rules')
  .requiredOption('--out <dir>', 'output folder')
  .action((opts: { out: string }) => finish(opts.out, [runValidate(opts.out)]));

program
  .command('export')
  .description('write CSV tables, JSON-LD, N-Quads, NewsArticle records and the dataset descriptions for validated articles')
  .requiredOption('--out <dir>', 'output folder')
  .addOption(licenseOption())
  .action(async (opts: { out: string; license: string }) => finish(opts.out, [await runExport(opts.out, { license: opts.license })]));

program
  .command('merge')
  .description('combine shard datasets (outputs of run over parts of a corpus) into one, as if from a single run')
  .argument('<datasets...>', 'shard output folders')
  .requiredOption('--out <dir>', 'output folder')
  .addOption(licenseOption())
  .action(async (datasets: string[], opts: { out: string; license: string }) => {
    const merged = runMerge(datasets, opts.out);
    const reports = [merged, runValidate(opts.out), await runExport(opts.out, { license: opts.license })];
    finish(opts.out, reports);
  });

await program.parseAsync();
