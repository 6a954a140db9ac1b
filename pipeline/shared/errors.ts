/** A failure of one article in one stage: names the file and the cause, like a vfile message. */
export class ArticleError extends Error {
  constructor(
    readonly file: string,
    readonly stage: string,
    readonly cause_: string,
    readonly pointer?: string,
  ) {
    super(`${file}${pointer ? ` ${pointer}` : ''}: ${cause_} [${stage}]`);
    this.name = 'ArticleError';
  }
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** An article's fault at a known line of its input file (front matter): reported as file:line. */
export class LineError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'LineError';
  }
}

const CANNOT_WRITE = 'cannot write ';

/**
 * The output folder could not be written (disk full, no permission, not a folder). Never an
 * article's fault: it stops the command, which then leaves the output folder as it was.
 */
export class OutputError extends Error {
  constructor(path: string, cause: unknown) {
    super(`${CANNOT_WRITE}${path}: ${describeError(cause)}`);
    this.name = 'OutputError';
  }

  /** Extraction workers hand failures back as messages, so an output error is known by its wording. */
  static isMessage(message: string): boolean {
    return message.startsWith(CANNOT_WRITE);
  }

  /** An OutputError thrown in a worker thread arrives here as a plain Error: restores its class. */
  static fromWorker(e: unknown): unknown {
    if (!(e instanceof Error) || e instanceof OutputError || !OutputError.isMessage(e.message)) return e;
    const restored = new OutputError('', '');
    restored.message = e.message;
    return restored;
  }
}

/** A problem with the whole command (the output folder is locked, unusable): reported without a stack. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}
