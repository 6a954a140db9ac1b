#!/usr/bin/env -S npx tsx
import { Command, InvalidArgumentError, Option } from 'commander';
import { NORMALIZE_HANDLER, runNormalize } from './normalize/stage.ts';
import { EXTRACT_HANDLER, runExtract } from './extract/stage.ts';
import { runValidate } from './validate/stage.ts';
import { EXPORT_HANDLER, runExport } from './export/stage.ts';
import { runSite } from './site/stage.ts';
import { availableParallelism } from 'node:os';
import type { StageReport } from './shared/report.ts';
import { CommandError } from './shared/errors.ts';
import { buildWorkerScript } from './shared/worker-script.ts';
import { withOutput, type OutputTarget } from './shared/output.ts';
import { runMerge } from './merge.ts';
import { DEFAULT_LICENSE, LICENSES } from './export/licenses.ts';
import { ENCODINGS, type Encoding } from './normalize/encoding.ts';
import { DEFAULT_MAX_BYTES, describeBytes } from './normalize/input.ts';
import pkg from '../package.json' with { type: 'json' };

/** Options every command writing --out takes. */
interface OutputCommandOptions {
  out: string;
  wait?: boolean;
}

/**
 * Runs the stages of a command under the output folder's lock, in a staging folder switched in at
 * the end (see shared/output.ts); prints each report (failures are in <out>/errors.csv) and sets
 * the exit code: 0 when every article went through every stage, 1 when some failed, 2 when the
 * command could not run (output folder locked or unwritable: then nothing was changed).
 */
async function inOutput(command: string, opts: OutputCommandOptions, stages: (target: OutputTarget) => Promise<StageReport[]>): Promise<void> {
  const notice = (message: string): void => void process.stderr.write(`${message}\n`);
  if (['run', 'normalize', 'extract', 'export', 'merge'].includes(command)) {
    // bundled worker scripts, built once per pipeline version; without them workers load the TypeScript through tsx
    await Promise.all([NORMALIZE_HANDLER, EXTRACT_HANDLER, EXPORT_HANDLER].map((h) => buildWorkerScript(h).catch(() => undefined)));
  }
  const reports = await withOutput(opts.out, command, { wait: opts.wait, notice }, stages);
  for (const r of reports) r.print();
  const failed = reports.reduce((n, r) => n + r.failures.length, 0);
  if (failed) process.stderr.write(`${failed} failure(s); see ${opts.out}/errors.csv\n`);
  process.exitCode = failed ? 1 : 0;
}

const jobsOption = (): Option =>
  new Option('--jobs <n>', 'worker threads for the per-article work of each stage').argParser((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1');
    return n;
  }).default(availableParallelism(), 'the number of cores');

const licenseOption = (): Option =>
  new Option('--license <id>', 'licence of the data').choices(Object.keys(LICENSES)).default(DEFAULT_LICENSE);

const waitOption = (): Option => new Option('--wait', 'wait for another run on the same --out to end instead of refusing');

const excelSafeOption = (): Option =>
  new Option('--excel-safe', "prefix ' to free-text CSV cells beginning with = + - @ (spreadsheet formula injection); such cells then differ from the text they cite");

const encodingOption = (): Option =>
  new Option('--encoding <name>', 'encoding of the input files: utf-8, latin1 (Windows-1252), or auto (UTF-8 when valid, else latin1, with a warning)')
    .choices(ENCODINGS)
    .default('utf-8');

const maxBytesOption = (): Option =>
  new Option('--max-bytes <n>', 'largest article file or NDJSON line read, in bytes (suffix K, M or G for KiB, MiB, GiB)')
    .argParser((v) => {
      const m = /^(\d+)([KMG]?)$/i.exec(v);
      const n = m ? Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase()) : NaN;
      if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of bytes ≥ 1, e.g. 52428800 or 50M');
      return n;
    })
    .default(DEFAULT_MAX_BYTES, describeBytes(DEFAULT_MAX_BYTES));

interface InputOptions {
  encoding: Encoding;
  maxBytes: number;
}

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
  .addOption(encodingOption())
  .addOption(maxBytesOption())
  .addOption(excelSafeOption())
  .addOption(waitOption())
  .action(async (inputs: string[], opts: OutputCommandOptions & InputOptions & { license: string; jobs: number; quiet?: boolean; excelSafe?: boolean }) =>
    inOutput('run', opts, async ({ dir }) => {
      const reports = [await runNormalize(inputs, dir, { encoding: opts.encoding, maxBytes: opts.maxBytes, jobs: opts.jobs })];
      reports.push(await runExtract(dir, { jobs: opts.jobs, quiet: opts.quiet }));
      reports.push(runValidate(dir));
      reports.push(await runExport(dir, { license: opts.license, excelSafe: opts.excelSafe, jobs: opts.jobs, quiet: opts.quiet }));
      return reports;
    }),
  );

program
  .command('normalize')
  .description('read, clean and segment articles into <out>/normalized/')
  .argument('<inputs...>', INPUTS)
  .requiredOption('--out <dir>', 'output folder')
  .addOption(encodingOption())
  .addOption(maxBytesOption())
  .addOption(jobsOption())
  .addOption(waitOption())
  .action((inputs: string[], opts: OutputCommandOptions & InputOptions & { jobs: number }) =>
    inOutput('normalize', opts, async ({ dir }) => [await runNormalize(inputs, dir, { encoding: opts.encoding, maxBytes: opts.maxBytes, jobs: opts.jobs })]),
  );

program
  .command('extract')
  .description('extract facts from <out>/normalized/ into <out>/facts/ (articles unchanged since their facts were written are skipped)')
  .argument('[normalized...]', 'only these normalized files (default: all)')
  .requiredOption('--out <dir>', 'output folder')
  .addOption(jobsOption())
  .option('--quiet', 'no progress display')
  .addOption(waitOption())
  .action(async (only: string[], opts: OutputCommandOptions & { jobs: number; quiet?: boolean }) =>
    inOutput('extract', opts, async ({ dir, inside }) => [await runExtract(dir, { only: only.map(inside), jobs: opts.jobs, quiet: opts.quiet })]),
  );

program
  .command('validate')
  .description('check normalized articles and facts against schemas/ and the offset and ID rules')
  .requiredOption('--out <dir>', 'output folder')
  .addOption(waitOption())
  .action((opts: OutputCommandOptions) => inOutput('validate', opts, async ({ dir }) => [runValidate(dir)]));

program
  .command('export')
  .description('write CSV tables, JSON-LD, N-Quads, NewsArticle records and the dataset descriptions for validated articles')
  .requiredOption('--out <dir>', 'output folder')
  .addOption(licenseOption())
  .addOption(excelSafeOption())
  .addOption(jobsOption())
  .option('--quiet', 'no progress display')
  .addOption(waitOption())
  .action((opts: OutputCommandOptions & { license: string; excelSafe?: boolean; jobs: number; quiet?: boolean }) =>
    inOutput('export', opts, async ({ dir }) => [await runExport(dir, { license: opts.license, excelSafe: opts.excelSafe, jobs: opts.jobs, quiet: opts.quiet })]),
  );

program
  .command('site')
  .description('write a static HTML fact sheet per exported article and an index of the dataset into <out>/site/')
  .requiredOption('--out <dir>', 'output folder')
  .addOption(waitOption())
  .action((opts: OutputCommandOptions) => inOutput('site', opts, async ({ dir }) => [await runSite(dir)]));

program
  .command('merge')
  .description('combine shard datasets (outputs of run over parts of a corpus) into one, as if from a single run')
  .argument('<datasets...>', 'shard output folders')
  .requiredOption('--out <dir>', 'output folder')
  .addOption(licenseOption())
  .addOption(excelSafeOption())
  .addOption(jobsOption())
  .option('--quiet', 'no progress display')
  .addOption(waitOption())
  .action((datasets: string[], opts: OutputCommandOptions & { license: string; excelSafe?: boolean; jobs: number; quiet?: boolean }) =>
    inOutput('merge', opts, async ({ dir }) => [runMerge(datasets, dir), runValidate(dir), await runExport(dir, { license: opts.license, excelSafe: opts.excelSafe, jobs: opts.jobs, quiet: opts.quiet })]),
  );

try {
  await program.parseAsync();
} catch (e) {
  // a command that could not run at all (locked or unwritable output folder): a message, not a stack
  if (!(e instanceof CommandError)) throw e;
  process.stderr.write(`error: ${e.message}\n`);
  process.exitCode = 2;
}
