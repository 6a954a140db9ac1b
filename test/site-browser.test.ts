/**
 * The site in a real browser: Debian's Chromium driven by playwright-core over the seed, built by the
 * CLI into a temporary folder and opened from file://. Skips, saying why, when Chromium is absent
 * (.ci/run installs it); screenshots go to test-artifacts/site/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleFacts } from '../pipeline/records.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'pipeline/cli.ts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SKIP_REASON = existsSync(CHROMIUM)
  ? undefined
  : `browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium: apt-get install chromium; .ci/run does)`;
if (SKIP_REASON) console.warn(SKIP_REASON);
const ARTIFACTS = join(ROOT, 'test-artifacts/site');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

const tmp = mkdtempSync(join(tmpdir(), 'news-facts-site-browser-'));
const out = join(tmp, 'out');
let context: BrowserContext;
let facts: ArticleFacts;
let articleId: string;
/** every request the pages made, and the console errors and page errors they raised */
const requests: string[] = [];
const blocked: string[] = [];
const errors: string[] = [];

function cli(args: string[]): void {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed:\n${r.stderr}`);
}

const pageUrl = (name: string): string => pathToFileURL(join(out, 'site', name)).href;

async function open(name: string, viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORTS[viewport]);
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  await page.goto(pageUrl(name), { waitUntil: 'load' });
  return page;
}

/** WCAG contrast of every text element against the background it sits on, below the minimum. */
async function lowContrast(page: Page, minimum: number): Promise<string[]> {
  return page.evaluate((min) => {
    const rgba = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]): number => {
      const lin = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgba(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const low: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!own || (el as HTMLElement).offsetParent === null) continue;
      const fg = luminance(rgba(getComputedStyle(el).color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < min) low.push(`${el.tagName.toLowerCase()}.${el.className}: ${ratio.toFixed(2)} "${el.textContent!.trim().slice(0, 30)}"`);
    }
    return low;
  }, minimum);
}

/** Every link's target exists: files on disk, and in-page anchors in the page. */
async function brokenLinks(page: Page): Promise<string[]> {
  const links = await page.$$eval('a[href]', (as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, raw: a.getAttribute('href')! })));
  const broken: string[] = [];
  for (const { href, raw } of links) {
    const url = new URL(href);
    if (url.protocol !== 'file:') continue;
    if (!existsSync(fileURLToPath(url))) broken.push(raw);
    else if (raw.startsWith('#') && !(await page.$(`[id="${raw.slice(1)}"]`))) broken.push(raw);
  }
  return broken;
}

async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

beforeAll(async () => {
  if (SKIP_REASON) return;
  cli(['run', join(ROOT, 'seeds'), '--out', out, '--quiet', '--jobs', '1']);
  cli(['site', '--out', out]);
  [articleId] = readdirSync(join(out, 'facts')).map((n) => n.replace('.json', ''));
  facts = JSON.parse(readFileSync(join(out, 'facts', `${articleId}.json`), 'utf8')) as ArticleFacts;
  mkdirSync(ARTIFACTS, { recursive: true });
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'news-facts-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context.on('request', (r) => requests.push(r.url()));
  // anything but a local file is refused (and remembered, to fail the test)
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
}, 300_000);

afterAll(async () => {
  await context?.close();
});

beforeEach((ctx) => {
  if (SKIP_REASON) ctx.skip(SKIP_REASON);
});

describe('site in Chromium', () => {
  it('loads both pages from file:// with no console error and no network request', async () => {
    for (const name of ['index.html', `${articleId}.html`]) {
      const page = await open(name);
      await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
      expect(await page.title()).toMatch(/news-facts/);
      await page.close();
    }
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(2); // the listener saw the pages themselves
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });

  it("shows the seed's seven direct quotes, each with its speaker", async () => {
    const page = await open(`${articleId}.html`);
    const names = new Map(facts.entities.map((e) => [e.id, e.name]));
    const expected = facts.quotes.filter((q) => q.direct).map((q) => ({ id: q.id, text: `“${q.text}”`, speaker: names.get(q.speaker!.entity_id!) }));
    expect(expected).toHaveLength(7);
    const shown = await page.$$eval('ul.quotes-direct > li', (items) =>
      items.map((li) => ({ id: (li as HTMLElement).dataset.quote, text: li.querySelector('blockquote')!.textContent, speaker: li.querySelector('.speaker')!.textContent })),
    );
    expect(shown).toEqual(expected);
    await expect.poll(() => page.locator('ul.quotes-direct > li').first().isVisible()).toBe(true);
    // and each is highlighted in the text, where its link leads
    for (const q of expected) expect(await page.locator(`#t-${q.id}`).first().textContent()).toBe(q.text.slice(1, -1));
    await page.close();
  });

  it('highlights every mention of an entity when its button is clicked, and only those', async () => {
    const page = await open(`${articleId}.html`);
    const entity = [...facts.entities].filter((e) => e.type === 'Person').sort((a, b) => b.mentions.length - a.mentions.length)[0];
    await page.click(`#entities button[data-entity="${entity.id}"]`);
    const selected = await page.$$eval('#article-text .is-selected', (els) => els.map((el) => ({ entity: (el as HTMLElement).dataset.entity, mark: (el as HTMLElement).dataset.mark!, text: el.textContent! })));
    expect(new Set(selected.map((s) => s.entity))).toEqual(new Set([entity.id]));
    const byMark = new Map<string, string>();
    for (const s of selected) byMark.set(s.mark, (byMark.get(s.mark) ?? '') + s.text);
    expect([...byMark]).toEqual(entity.mentions.map((m, i) => [`${entity.id}-${i + 1}`, m.text]));
    // visibly highlighted, announced, and the button says it is pressed
    expect(await page.locator('#article-text .is-selected').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(253, 224, 71)');
    expect(await page.locator('#selection-status').textContent()).toBe(`${entity.name} (${entity.id}): ${entity.mentions.length} mentions highlighted`);
    expect(await page.getAttribute(`#entities button[data-entity="${entity.id}"]`, 'aria-pressed')).toBe('true');
    // hovering a mention names the entity and its id
    expect(await page.getAttribute(`[data-mark="${entity.id}-1"]`, 'title')).toBe(`${entity.name} (${entity.id}) · ${entity.type} · ${entity.mentions[0].kind}`);
    // "Next mention" steps to the first one
    await page.click('#next-mention');
    expect(await page.$$eval('.is-current', (els) => [...new Set(els.map((el) => (el as HTMLElement).dataset.mark))])).toEqual([`${entity.id}-1`]);
    // pressing the button again clears the selection
    await page.click(`#entities button[data-entity="${entity.id}"]`);
    expect(await page.locator('.is-selected').count()).toBe(0);
    expect(await page.isHidden('#selection-bar')).toBe(true);
    await page.close();
  });

  it('works from the keyboard: skip link first, entity buttons with Enter, Escape clears', async () => {
    const page = await open(`${articleId}.html`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.textContent)).toBe('Skip to content');
    const entity = facts.entities.find((e) => e.type === 'Place')!;
    await page.focus(`#entities button[data-entity="${entity.id}"]`);
    await page.keyboard.press('Enter');
    expect(await page.locator(`#article-text .is-selected[data-entity="${entity.id}"]`).count()).toBeGreaterThanOrEqual(entity.mentions.length);
    await page.keyboard.press('Escape');
    expect(await page.locator('.is-selected').count()).toBe(0);
    // a mention clicked in the text selects its entity too
    await page.click(`[data-mark="${entity.id}-1"]`);
    expect(await page.getAttribute(`#entities button[data-entity="${entity.id}"]`, 'aria-pressed')).toBe('true');
    await page.close();
  });

  it('is accessible: landmarks, labelled controls, text contrast of at least 4.5:1, every link resolves', async () => {
    for (const name of ['index.html', `${articleId}.html`]) {
      const page = await open(name);
      for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) expect(await page.getByRole(role).count(), `${name} ${role}`).toBeGreaterThan(0);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.$$eval('button', (bs) => bs.filter((b) => !b.textContent!.trim()).length)).toBe(0);
      const ids = await page.$$eval('[id]', (els) => els.map((el) => el.id));
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), `${name}: duplicate ids`).toEqual([]);
      expect(await lowContrast(page, 4.5), name).toEqual([]);
      expect(await brokenLinks(page), name).toEqual([]);
      await page.close();
    }
  });

  it('embeds the NewsArticle JSON-LD and links to the same facts in CSV and JSON-LD', async () => {
    const page = await open(`${articleId}.html`);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld).toEqual(JSON.parse(readFileSync(join(out, 'newsarticle', `${articleId}.jsonld`), 'utf8')));
    const hrefs = await page.$$eval('#data a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining([`../jsonld/${articleId}.jsonld`, `../newsarticle/${articleId}.jsonld`, '../csv/quotes.csv', '../csv/mentions.csv']));
    await page.close();
  });

  it('the index links to every article page, and the link opens it', async () => {
    const page = await open('index.html');
    for (const id of readdirSync(join(out, 'newsarticle')).map((n) => n.replace('.jsonld', ''))) {
      expect(await page.locator(`#articles a[href="${id}.html"]`).count(), id).toBe(1);
    }
    await page.click(`#articles a[href="${articleId}.html"]`);
    await page.waitForURL(pageUrl(`${articleId}.html`));
    expect(await page.locator('#article-text p').count()).toBeGreaterThan(1);
    await page.close();
  });

  it('fits a phone screen and a desktop one; screenshots of each page are saved', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      for (const [name, label] of [['index.html', 'index'], [`${articleId}.html`, 'article']]) {
        const page = await open(name, viewport);
        const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(scrollWidth, `${label} at ${viewport} width`).toBeLessThanOrEqual(innerWidth);
        const path = await screenshot(page, `${label}-${viewport}`);
        expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
        expect(statSync(path).size).toBeGreaterThan(10_000);
        await page.close();
      }
    }
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
