/** Per-stage outcome: articles that went through and those that failed (with the cause). */
export interface Failure {
  source: string;
  stage: string;
  message: string;
}

export class StageReport {
  readonly failures: Failure[] = [];
  readonly warnings: string[] = [];
  written = 0;
  unchanged = 0;
  constructor(readonly stage: string) {}

  fail(source: string, message: string): void {
    this.failures.push({ source, stage: this.stage, message });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  get ok(): boolean {
    return this.failures.length === 0;
  }

  /** Prints warnings and failures to stderr, then a one-line summary. */
  print(stream: NodeJS.WritableStream = process.stderr): void {
    for (const w of this.warnings) stream.write(`warning: ${w}\n`);
    for (const f of this.failures) stream.write(`error: ${f.source}: ${f.message} [${f.stage}]\n`);
    stream.write(
      `${this.stage}: ${this.written} written, ${this.unchanged} unchanged, ${this.failures.length} failed\n`,
    );
  }
}
