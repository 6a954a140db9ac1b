import { Html, cspHash, html } from './html.ts';
import { STYLE } from './style.ts';

export interface PageParts {
  title: string;
  lang: string;
  /** in-page sections for the header's navigation: [anchor, label] */
  sections: [string, string][];
  main: Html;
  /** data blocks for the head (JSON-LD) */
  head?: Html;
  /** inline script, allowed by its hash */
  script?: string;
}

/**
 * A complete page: everything inline, and a Content-Security-Policy that allows only this page's
 * own style and script, so nothing is fetched and no injected script could run.
 */
export function page(parts: PageParts): string {
  const csp = [
    "default-src 'none'",
    `style-src ${cspHash(STYLE)}`,
    `script-src ${parts.script ? cspHash(parts.script) : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const doc = html`<!DOCTYPE html>
<html lang="${parts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${parts.title}</title>
<style>${new Html(STYLE)}</style>
${parts.head}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<a class="site-name" href="index.html">news-facts</a>
<nav aria-label="Sections">
<ul>
${parts.sections.map(([anchor, label]) => html`<li><a href="#${anchor}">${label}</a></li>\n`)}</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${parts.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>Made by news-facts from the dataset in the folder above this one. Every fact cites its evidence as code-point offsets into the normalized article text; <a href="../datapackage.json">datapackage.json</a> and <a href="../dataset.jsonld">dataset.jsonld</a> describe the data and its licence.</p>
</div>
</footer>
${parts.script ? html`<script>${new Html(parts.script)}</script>\n` : ''}</body>
</html>
`;
  return doc.value;
}
