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
