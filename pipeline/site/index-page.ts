import { TABLES } from '../export/tables.ts';
import { Html, html, join } from './html.ts';
import { ENTITY_TYPES, eventLabel, formatCount, readableDate, shorten, typeClass } from './labels.ts';
import { page } from './layout.ts';
import { textAnchor } from './marks.ts';
import { byCodePoint } from '../shared/order.ts';
import { type ArticleLine, type CorpusSummary, type TopEntity } from './summary.ts';

function count(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Newest first; articles without a date last; then by id, so the order never depends on input order. */
function byDatePublished(a: ArticleLine, b: ArticleLine): number {
  if (a.date_published !== b.date_published) {
    if (!a.date_published) return 1;
    if (!b.date_published) return -1;
    return byCodePoint(b.date_published, a.date_published);
  }
  return byCodePoint(a.article_id, b.article_id);
}

/** A link to an article page; long headlines (a first sentence stands in for a missing one) are shortened, in full on hover. */
function articleLink(id: string, headline: string, anchor = ''): Html {
  const short = shorten(headline, 80);
  return html`<a href="${id}.html${anchor}"${short === headline ? '' : html` title="${headline}"`}>${short}</a>`;
}

function overview(s: CorpusSummary): Html {
  const t = s.totals;
  const figures: [number, string, string][] = [
    [s.articles.length, 'article', 'articles'],
    [t.words, 'word', 'words'],
    [t.entities, 'entity', 'entities'],
    [t.mentions, 'mention', 'mentions'],
    [t.dates, 'date', 'dates'],
    [t.quantities, 'quantity', 'quantities'],
    [t.quotes, 'quote', 'quotes'],
    [t.reported, 'reported statement', 'reported statements'],
    [t.relations, 'relation', 'relations'],
    [t.events, 'event', 'events'],
  ];
  return html`<section id="overview" aria-labelledby="overview-title">
<h2 id="overview-title">At a glance</h2>
<ul class="stats">
${figures.map(([n, one, many]) => html`<li><strong>${formatCount(n)}</strong> ${n === 1 ? one : many}</li>\n`)}</ul>
</section>`;
}

function entities(s: CorpusSummary, headlines: Map<string, string>): Html {
  const types = [...ENTITY_TYPES.map((t) => t.type as string), ...[...s.types.keys()].filter((k) => !ENTITY_TYPES.some((t) => t.type === k)).sort(byCodePoint)];
  const shown = types.filter((type) => s.types.has(type));
  const top = (e: TopEntity): Html => {
    // only articles that have a page (one that failed to render has none)
    const articles = s.articlesOf(e.corpus_entity_id).filter((id) => headlines.has(id));
    const more = e.article_count - articles.length;
    return html`<li><span class="entity-name ${typeClass(e.type)}">${e.name}</span> <span class="muted">· ${count(e.article_count, 'article')} · ${count(e.mention_count, 'mention')}</span>
${e.aliases.length ? html`<div class="muted">also: ${join(e.aliases.map((a) => html`“${a}”`), ', ')}</div>` : ''}
${articles.length ? html`<ul>${articles.map((id) => html`<li>${articleLink(id, headlines.get(id)!)}</li>`)}${more > 0 ? html`<li class="muted">and ${count(more, 'more article')}</li>` : ''}</ul>` : ''}</li>\n`;
  };
  return html`<section id="entities" aria-labelledby="entities-title">
<h2 id="entities-title">Entities</h2>
<div class="table-scroll"><table>
<thead><tr><th scope="col">Type</th><th scope="col" class="num">Distinct in the dataset</th><th scope="col" class="num">In articles</th><th scope="col" class="num">Mentions</th></tr></thead>
<tbody>
${shown.map((type) => {
    const c = s.types.get(type)!;
    return html`<tr><th scope="row">${type}</th><td class="num">${formatCount(c.corpus)}</td><td class="num">${formatCount(c.entities)}</td><td class="num">${formatCount(c.mentions)}</td></tr>\n`;
  })}</tbody>
</table></div>
<p class="muted">“Distinct in the dataset” counts the same person, organization or place once across articles (<a href="../csv/corpus_entities.csv">csv/corpus_entities.csv</a>).</p>
<div class="columns">
${ENTITY_TYPES.map((t) => {
    const list = s.topEntities(t.type);
    return html`<div>
<h3>Most mentioned ${t.plural.toLowerCase()}</h3>
${list.length ? html`<ol class="top-entities">\n${list.map(top)}</ol>` : html`<p>None.</p>`}
</div>\n`;
  })}</div>
</section>`;
}

function timeline(s: CorpusSummary, headlines: Map<string, string>): Html {
  const periods = [...s.periods.keys()].sort(byCodePoint);
  return html`<section id="timeline" aria-labelledby="timeline-title">
<h2 id="timeline-title">Timeline of dated events</h2>
${periods.length ? html`<ol class="timeline">
${periods.map((period) => {
    const p = s.periods.get(period)!;
    const more = p.count - p.first.list.length;
    return html`<li><time datetime="${period}">${readableDate(period)}</time> <span class="muted">· ${count(p.count, 'event')}</span>
<ul>
${p.first.list.map((e) => html`<li>${e.date === period && !e.mod ? '' : `${readableDate(e.date, e.mod)}: `}<strong>${eventLabel(e.type)}</strong> — “${e.trigger}”${e.participants.length ? html` <span class="muted">(${e.participants.join(', ')})</span>` : ''} · ${articleLink(e.article_id, headlines.get(e.article_id)!, `#${textAnchor(e.event_id)}`)}</li>\n`)}${more > 0 ? html`<li class="muted">and ${count(more, 'more event')}</li>\n` : ''}</ul></li>\n`;
  })}</ol>` : html`<p>No dated events.</p>`}
</section>`;
}

function articles(s: CorpusSummary): Html {
  const rows = [...s.articles].sort(byDatePublished);
  return html`<section id="articles" aria-labelledby="articles-title">
<h2 id="articles-title">Articles</h2>
${rows.length ? html`<div class="table-scroll"><table>
<thead><tr><th scope="col">Headline</th><th scope="col">Published</th><th scope="col">Source</th><th scope="col" class="num">Words</th><th scope="col" class="num">Entities</th><th scope="col" class="num">Quotes</th><th scope="col" class="num">Events</th></tr></thead>
<tbody>
${rows.map((a) => html`<tr><td><a href="${a.article_id}.html">${a.headline}</a></td><td>${a.date_published ?? ''}</td><td>${a.source}</td><td class="num">${formatCount(a.word_count)}</td><td class="num">${a.entities}</td><td class="num">${a.quotes}</td><td class="num">${a.events}</td></tr>\n`)}</tbody>
</table></div>` : html`<p>No articles.</p>`}
</section>`;
}

function data(): Html {
  const files: [string, string][] = [
    ['../datapackage.json', 'Frictionless data package describing the CSV tables'],
    ['../dataset.jsonld', 'schema.org Dataset description with its provenance and licence'],
    ['../dataset.nq', 'every fact and NewsArticle record as canonical N-Quads'],
    ['../SHA256SUMS', 'checksums of the data files'],
    ...TABLES.map((t): [string, string] => [`../csv/${t.name}.csv`, t.description]),
  ];
  return html`<section id="data" aria-labelledby="data-title">
<h2 id="data-title">Data</h2>
<ul>
${files.map(([href, what]) => html`<li><a href="${href}">${href.slice(3)}</a>: ${what}</li>\n`)}</ul>
</section>`;
}

/** The dataset at a glance (site/index.html). */
export function renderIndexPage(s: CorpusSummary): string {
  const headlines = new Map(s.articles.map((a) => [a.article_id, a.headline]));
  const main = html`<h1>news-facts dataset</h1>
<p class="lede">People, organizations and places, dates, quantities, quotes, relations and events found in ${count(s.articles.length, 'article')}, each fact citing its evidence in the text.</p>
${overview(s)}
${entities(s, headlines)}
${timeline(s, headlines)}
${articles(s)}
${data()}`;
  return page({
    title: 'news-facts dataset',
    lang: 'en',
    sections: [['overview', 'Overview'], ['entities', 'Entities'], ['timeline', 'Timeline'], ['articles', 'Articles'], ['data', 'Data']],
    main,
  });
}
