import { createHash } from 'node:crypto';

/**
 * Markup that is already safe. The `html` template escapes every interpolated value that is not
 * Html, so article text (untrusted input) can only ever become text, never markup.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text (escaped), numbers, safe markup, lists of them; nothing for absent values. */
export type Content = string | number | Html | null | undefined | false | readonly Content[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function render(value: Content): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: the literal parts are trusted markup, every interpolation is escaped. */
export function html(strings: TemplateStringsArray, ...values: Content[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Joins contents into one piece of markup. */
export function join(parts: readonly Content[], separator: Content = ''): Html {
  return new Html(parts.map(render).join(render(separator)));
}

/** Markup for attributes: `name="value"` pairs, escaped; absent values are left out. */
export function attributes(attrs: Record<string, string | number | undefined>): Html {
  return new Html(
    Object.entries(attrs)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
      .join(''),
  );
}

/**
 * JSON for a `<script>` data block: `<`, `>` and `&` become \u escapes (still the same JSON), so
 * no string in the data can close the element or open a comment.
 */
export function jsonForScript(value: unknown): Html {
  const escaped = JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new Html(escaped);
}

/** A Content-Security-Policy source expression allowing exactly this inline script or style. */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

/** An href for a URL from the input: only http(s) URLs become links (no javascript:, data:, …). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}
