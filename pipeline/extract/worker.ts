import { extractFile, type ExtractTask, type ExtractOutcome } from './stage.ts';

/** Worker-thread entry: extracts one article (see runExtract's --jobs). */
export default function extractInWorker(task: ExtractTask): ExtractOutcome {
  return extractFile(task);
}
