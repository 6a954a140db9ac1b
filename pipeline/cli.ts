#!/usr/bin/env -S npx tsx
import { Command, Option } from 'commander';
import { runNormalize } from './normalize/stage.ts';
import { runExtract } from './extract/stage.ts';
import { runValidate } from './validate/stage.ts';
import { runExport } from './export/stage.ts';
import type { StageReport } from './shared/report.ts';
import { DEFAULT_LICENSE, LICENSES } from './export/licenses.ts';
import pkg from '../package.json' with { type: 'json' };

/** Prints each report; the exit code says whether every article went through every stage. */
function finish(reports: StageReport[]): void {
  for (const r of reports) r.print();
  process.exitCode = reports.every((r) => r.ok) ? 0 : 1;
}

const licenseOption = (): Option =>
  new Option('--license <id>', 'licence of the data').choices(Object.keys(LICENSES)).default(DEFAULT_LICENSE);

const program = new Command()
  .name('news-facts')
  .description('Turns English news articles into an open dataset of their facts.')
  .version(pkg.version);

program
  .command('run')
  .description('normalize, extract, validate and export every article found in the inputs')
  .argument('<inputs...>', 'article files (.txt, .md) or folders, walked recursively')
  .requiredOption('--out <dir>', 'output folder')
  .addOption(licenseOption())
  .action(async (inputs: string[], opts: { out: string; license: string }) => {
    const reports = [runNormalize(inputs, opts.out), runExtract(opts.out), runValidate(opts.out)];
    reports.push(await runExport(opts.out, { license: opts.license }));
    finish(reports);
  });

program
  .command('normalize')
  .description('read, clean and segment articles into <out>/normalized/')
  .argument('<inputs...>', 'article files (.txt, .md) or folders, walked recursively')
  .requiredOption('--out <dir>', 'output folder')
  .action((inputs: string[], opts: { out: string }) => finish([runNormalize(inputs, opts.out)]));

program
  .command('extract')
  .description('extract facts from <out>/normalized/ into <out>/facts/')
  .argument('[normalized...]', 'only these normalized files (default: all)')
  .requiredOption('--out <dir>', 'output folder')
  .action((only: string[], opts: { out: string }) => finish([runExtract(opts.out, only)]));

program
  .command('validate')
  .description('check normalized articles and facts against schemas/ and the offset and ID rules')
  .requiredOption('--out <dir>', 'output folder')
  .action((opts: { out: string }) => finish([runValidate(opts.out)]));

program
  .command('export')
  .description('write CSV tables, JSON-LD, N-Quads, NewsArticle records and the dataset descriptions for validated articles')
  .requiredOption('--out <dir>', 'output folder')
  .addOption(licenseOption())
  .action(async (opts: { out: string; license: string }) => finish([await runExport(opts.out, { license: opts.license })]));

await program.parseAsync();
