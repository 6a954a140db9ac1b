/**
 * The contract counts offsets in Unicode code points; JavaScript strings index UTF-16 code units.
 * Components work in UTF-16; records cross this boundary exactly once, through an OffsetMap.
 */
export class OffsetMap {
  private readonly toCp: Uint32Array;
  private readonly toU16: Uint32Array;
  /** true when the text has no astral characters, so both offset systems agree */
  readonly identity: boolean;

  constructor(text: string) {
    const n = text.length;
    this.toCp = new Uint32Array(n + 1);
    const cps: number[] = [];
    let cp = 0;
    for (let i = 0; i < n; i++) {
      this.toCp[i] = cp;
      cps.push(i);
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++;
          this.toCp[i] = cp;
        }
      }
      cp++;
    }
    this.toCp[n] = cp;
    cps.push(n);
    this.toU16 = Uint32Array.from(cps);
    this.identity = cp === n;
  }

  codePoint(utf16: number): number {
    return this.toCp[utf16];
  }

  utf16(codePoint: number): number {
    return this.toU16[codePoint];
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

/** The code-point slice [start, end) of text. */
export function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
