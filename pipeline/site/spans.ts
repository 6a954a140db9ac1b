import { OffsetMap } from '../shared/offsets.ts';
import { Html, attributes, escapeHtml } from './html.ts';

/** A highlighted span of the article text, rendered as a `<span>`. */
export interface Mark {
  /** code-point offsets into the normalized text, end exclusive (as in the facts files) */
  start: number;
  end: number;
  /** among marks with the same extent, the lower rank is the outer element */
  rank: number;
  /** given to the first element only, when a mark has to be split into several */
  id?: string;
  attrs: Record<string, string | undefined>;
}

interface Placed {
  mark: Mark;
  /** UTF-16 offsets */
  start: number;
  end: number;
  order: number;
}

/** Outer before inner: earlier start, then longer, then lower rank, then input order. */
function nestingOrder(a: Placed, b: Placed): number {
  return a.start - b.start || b.end - a.end || a.mark.rank - b.mark.rank || a.order - b.order;
}

/**
 * The paragraphs of the text as `<p>` elements with every mark as a `<span>` inside. Marks that
 * cross (neither contains the other) or cross a paragraph break are split into several elements,
 * so the markup is always properly nested; each piece keeps the mark's attributes and only the
 * first carries its id. Offsets are code points; marks outside the text are an error.
 */
export function renderAnnotatedText(text: string, paragraphs: { start: number; end: number }[], marks: Mark[]): Html {
  const map = new OffsetMap(text);
  const codePoints = map.codePoint(text.length);
  const placed: Placed[] = marks.map((mark, order) => {
    if (!(mark.start >= 0 && mark.start <= mark.end && mark.end <= codePoints)) {
      throw new Error(`span [${mark.start}, ${mark.end}) is outside the text (${codePoints} code points)`);
    }
    return { mark, start: map.utf16(mark.start), end: map.utf16(mark.end), order };
  }).filter((p) => p.start < p.end).sort(nestingOrder);
  const blocks = paragraphs.length ? paragraphs.map((p) => ({ start: map.utf16(p.start), end: map.utf16(p.end) })) : [{ start: 0, end: text.length }];
  const opened = new Set<Mark>();
  const out: string[] = [];
  for (const block of blocks) {
    const inside = placed.filter((p) => p.start < block.end && p.end > block.start);
    const cuts = new Set([block.start, block.end]);
    for (const p of inside) {
      cuts.add(Math.max(p.start, block.start));
      cuts.add(Math.min(p.end, block.end));
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    const stack: Placed[] = [];
    out.push('<p>');
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [from, to] = [bounds[i], bounds[i + 1]];
      // `inside` is in nesting order, so the marks covering this piece come out outermost first
      const covering = inside.filter((p) => p.start <= from && p.end >= to);
      let common = 0;
      while (common < stack.length && common < covering.length && stack[common] === covering[common]) common++;
      while (stack.length > common) {
        stack.pop();
        out.push('</span>');
      }
      for (const p of covering.slice(common)) {
        const first = !opened.has(p.mark);
        opened.add(p.mark);
        out.push(`<span${attributes({ id: first ? p.mark.id : undefined, ...p.mark.attrs })}>`);
        stack.push(p);
      }
      out.push(escapeHtml(text.slice(from, to)));
    }
    out.push('</span>'.repeat(stack.length), '</p>\n');
  }
  return new Html(out.join(''));
}
