/**
 * Bytes to text. Input is UTF-8 unless told otherwise: a file that is not valid UTF-8 fails with
 * the offset of its first bad byte, and `latin1` reads Latin-1 / Windows-1252 files (old news
 * archives such as the BBC corpus). `auto` reads valid UTF-8 as UTF-8 and anything else as
 * Windows-1252, with a warning: every byte sequence is valid Windows-1252, so auto never fails, and
 * a UTF-8 file damaged by one bad byte is then read with its other accented letters garbled.
 * A file with NUL bytes is binary (or UTF-16), never text.
 */

export const ENCODINGS = ['utf-8', 'latin1', 'auto'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Offset of the first byte that breaks UTF-8 (RFC 3629: shortest form, no surrogates, ≤ U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // the allowed range of the second byte depends on the first (Unicode Table 3-7)
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    // the bad byte is where the ill-formed sequence starts
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return i;
      const c = bytes[i + k];
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

/** Refuses binary data: NUL bytes never occur in text files (UTF-16 text has them too). */
export function checkNotBinary(bytes: Uint8Array): void {
  const nul = bytes.indexOf(0);
  if (nul < 0) return;
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  throw new Error(
    utf16
      ? 'UTF-16 text, not UTF-8 (starts with a UTF-16 byte order mark); convert it to UTF-8'
      : `binary data, not text (NUL byte at offset ${nul})`,
  );
}

// Windows-1252 differs from ISO-8859-1 in 0x80–0x9F (curly quotes, dashes, €); Node 20's
// TextDecoder('windows-1252') decodes those bytes as C1 controls, so the table is applied here.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]);
}

export interface Decoded {
  text: string;
  warning?: string;
}

/** Decodes text bytes; throws with the cause (and the offset of a bad byte). */
export function decodeText(bytes: Uint8Array, encoding: Encoding): Decoded {
  checkNotBinary(bytes);
  if (encoding === 'latin1') return { text: decodeWindows1252(bytes) };
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder('utf-8').decode(bytes) };
  if (encoding === 'auto') {
    return {
      text: decodeWindows1252(bytes),
      warning: `not valid UTF-8 (first bad byte at offset ${bad}); read as Latin-1 (Windows-1252)`,
    };
  }
  throw new Error(`not valid UTF-8 (first bad byte at offset ${bad}); for a Latin-1 file use --encoding latin1 or auto`);
}
