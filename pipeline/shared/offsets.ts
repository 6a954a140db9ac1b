/**
 * The contract counts offsets in Unicode code points; JavaScript strings index UTF-16 code units.
 * Components work in UTF-16; records cross this boundary exactly once, through an OffsetMap.
 */
export class OffsetMap {
  /** null when the text has no astral characters: then both offset systems agree */
  private readonly toCp: Uint32Array | null = null;
  private readonly toU16: Uint32Array | null = null;
  /** true when the text has no astral characters, so both offset systems agree */
  readonly identity: boolean;

  constructor(text: string) {
    const n = text.length;
    // most texts have no astral characters: no tables for them
    this.identity = !/[\ud800-\udbff][\udc00-\udfff]/.test(text);
    if (this.identity) return;
    const toCp = new Uint32Array(n + 1);
    const toU16 = new Uint32Array(n + 1);
    let cp = 0;
    for (let i = 0; i < n; i++) {
      toCp[i] = cp;
      toU16[cp] = i;
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++;
          toCp[i] = cp;
        }
      }
      cp++;
    }
    toCp[n] = cp;
    toU16[cp] = n;
    this.toCp = toCp;
    this.toU16 = toU16.subarray(0, cp + 1);
  }

  codePoint(utf16: number): number {
    return this.toCp ? this.toCp[utf16] : utf16;
  }

  utf16(codePoint: number): number {
    return this.toU16 ? this.toU16[codePoint] : codePoint;
  }

  /** Converts a UTF-16 span to code points. */
  span<T extends { start: number; end: number }>(s: T): T {
    return this.identity ? { ...s } : { ...s, start: this.codePoint(s.start), end: this.codePoint(s.end) };
  }

  /** Converts a code-point span to UTF-16. */
  spanFromCodePoints<T extends { start: number; end: number }>(s: T): T {
    return this.identity ? { ...s } : { ...s, start: this.utf16(s.start), end: this.utf16(s.end) };
  }
}

/** The code-point slice [start, end) of text: the plain definition, which checks rely on. */
export function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/**
 * Code-point slices of one text, as codePointSlice cuts them (offsets past the end are clamped),
 * without an array of its code points: for many slices of the same text.
 */
export function codePointSlicer(text: string): (start: number, end: number) => string {
  const map = new OffsetMap(text);
  if (map.identity) return (start, end) => text.slice(start, end);
  const length = map.codePoint(text.length);
  return (start, end) => text.slice(map.utf16(Math.min(start, length)), map.utf16(Math.min(end, length)));
}
