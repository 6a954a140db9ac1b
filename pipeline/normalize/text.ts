/**
 * Text cleaning: NFC, one line ending, spaces folded, invisible characters dropped, typographic
 * quotes and dashes kept as written. Each paragraph becomes one line of the normalized text.
 */

const SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
// control characters other than line feed and tab, zero-width characters, soft hyphen, BOM
const INVISIBLE = /(?![\n\t])\p{Cc}|[\u200b-\u200d\u2060\ufeff\u00ad]/gu;

export type InputFormat = 'txt' | 'md';

function cleanLine(line: string): string {
  return line.replace(SPACES, ' ').trim();
}

/** Markdown block syntax that is layout, not content: heading marks, quote marks, list bullets. */
function stripMarkdownBlock(line: string): string {
  return line.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, '').replace(/^[-*+]\s+/, '');
}

export function normalizeText(raw: string, format: InputFormat): string {
  const text = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
  const lines = text.split('\n');
  const paragraphs: string[] = [];
  if (format === 'txt') {
    for (const line of lines) {
      const clean = cleanLine(line);
      if (clean) paragraphs.push(clean);
    }
  } else {
    // Markdown: blank lines separate paragraphs; wrapped lines inside one are joined.
    let block: string[] = [];
    const flush = (): void => {
      if (block.length) paragraphs.push(block.join(' '));
      block = [];
    };
    for (const line of lines) {
      const clean = cleanLine(line);
      if (!clean) flush();
      else if (/^#{1,6}\s/.test(clean)) {
        flush();
        block.push(stripMarkdownBlock(clean));
        flush();
      } else block.push(stripMarkdownBlock(clean));
    }
    flush();
  }
  return paragraphs.join('\n');
}

const WORD = /[\p{L}\p{N}]+(?:['’\-‑][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}
