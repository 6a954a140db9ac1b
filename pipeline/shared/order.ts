/**
 * Compares strings by Unicode code point, the order RDFC-1.0 sorts quads in. UTF-16 order agrees
 * except where a surrogate (part of a code point above U+FFFF) meets a BMP character at or above
 * U+E000, so only that case needs care.
 */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
