/**
 * Input formats by file name. A module of its own, so that the normalize stage, which only sorts
 * inputs by name in the main thread, does not load the normalizers (HTML parser, Readability,
 * franc) that run in its workers.
 */

/** Input formats by file name: article files, and NDJSON files of one article per line. */
export type FileFormat = 'txt' | 'md' | 'html' | 'ndjson';

export function formatOf(path: string): FileFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  return null;
}
