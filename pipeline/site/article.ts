import type { ArticleFacts, EntityRecord, NormalizedArticle } from '../records.ts';
import { TABLES } from '../export/tables.ts';
import { Html, html, join, jsonForScript, safeHttpUrl } from './html.ts';
import { ENTITY_TYPES, eventLabel, isCalendarValue, predicateLabel, readableDate, roleLabel, typeClass } from './labels.ts';
import { page } from './layout.ts';
import { factMarks, speakerName, textAnchor } from './marks.ts';
import { ARTICLE_SCRIPT } from './script.ts';
import { renderAnnotatedText } from './spans.ts';

export interface ArticleInput {
  article: NormalizedArticle;
  facts: ArticleFacts;
  /** the schema.org NewsArticle record export wrote (newsarticle/<id>.jsonld) */
  newsArticle: Record<string, unknown>;
}

/** The page's headline: the NewsArticle's (front matter, else the first sentence), else the source. */
export function pageHeadline(input: ArticleInput): string {
  const h = input.newsArticle.headline;
  return typeof h === 'string' && h ? h : input.article.source;
}

type Entities = Map<string, EntityRecord>;

/** A button that highlights the entity's mentions; plain text for an id that names no entity. */
function entityButton(entities: Entities, id: string | undefined): Html {
  const e = id ? entities.get(id) : undefined;
  if (!e) return html`${id}`;
  return html`<button type="button" class="entity ${typeClass(e.type)}" data-entity="${e.id}" data-name="${e.name}" aria-pressed="false" title="${e.name} (${e.id}) · ${e.type}">${e.name}</button>`;
}

/** `datetime` accepts a year, a month or a date; TimeML values with more (2025-04-16TMO) get none. */
function timeElement(value: string, mod?: string): Html {
  const datetime = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) ? value : undefined;
  return datetime ? html`<time datetime="${datetime}">${readableDate(value, mod)}</time>` : html`<time>${readableDate(value, mod)}</time>`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const LEGEND: [string, string][] = [
  ['hl hl-person', 'Person'],
  ['hl hl-org', 'Organization'],
  ['hl hl-place', 'Place'],
  ['hl hl-person hl-pronoun', 'pronoun or description (dotted)'],
  ['hl hl-date', 'Date'],
  ['hl hl-quantity', 'Quantity'],
  ['hl hl-quote', 'Quote'],
  ['hl hl-reported', 'Reported speech'],
  ['hl hl-event', 'Event'],
];

function textSection(input: ArticleInput): Html {
  const { article, facts } = input;
  return html`<section id="text" aria-labelledby="text-title">
<h2 id="text-title">Text</h2>
<ul class="legend" aria-label="Legend">
${LEGEND.map(([cls, label]) => html`<li><span class="${cls}">${label}</span></li>\n`)}</ul>
<div id="article-text" class="article-text" lang="${article.language}">
${renderAnnotatedText(article.text, article.paragraphs, factMarks(facts))}</div>
</section>`;
}

function entitiesSection(facts: ArticleFacts, entities: Entities): Html {
  const relationsOf = (id: string) => facts.relations.filter((r) => r.subject_entity_id === id);
  const groups = ENTITY_TYPES.map((t) => ({ ...t, members: facts.entities.filter((e) => e.type === t.type) })).filter((g) => g.members.length);
  const item = (e: EntityRecord): Html => {
    const details = [
      e.aliases.length ? html`<li>also: ${join(e.aliases.map((a) => html`“${a}”`), ', ')}</li>` : '',
      ...relationsOf(e.id).map(
        (r) => html`<li>${predicateLabel(r.predicate)}: ${r.object_entity_id ? entityButton(entities, r.object_entity_id) : r.object_value} <span class="muted" title="evidence ${r.id}">(“${r.text}”)</span></li>`,
      ),
    ];
    return html`<li>${entityButton(entities, e.id)} <span class="id">${e.id}</span> <span class="muted">· ${plural(e.mentions.length, 'mention')}</span>${details.some(Boolean) ? html`<ul class="facts">${details}</ul>` : ''}</li>\n`;
  };
  return html`<aside id="entities" class="sidebar" aria-labelledby="entities-title">
<h2 id="entities-title">Entities</h2>
<p class="muted">Press a name to highlight all its mentions in the text.</p>
${groups.length ? groups.map((g) => html`<h3>${g.plural} (${g.members.length})</h3>\n<ul class="entities">\n${g.members.map(item)}</ul>\n`) : html`<p>No entities found.</p>`}
</aside>`;
}

function quotesSection(facts: ArticleFacts, entities: Entities): Html {
  const item = (q: ArticleFacts['quotes'][number]): Html => {
    const speaker = q.speaker?.entity_id ? entityButton(entities, q.speaker.entity_id) : speakerName(q, entities) ?? 'speaker unknown';
    const attribution = [q.speaker && html`“${q.speaker.text}”`, q.cue && html`${q.cue.text}`].filter(Boolean);
    return html`<li data-quote="${q.id}">
<blockquote>${q.direct ? html`“${q.text}”` : q.text}</blockquote>
<p>— <span class="speaker">${speaker}</span>${attribution.length ? html` <span class="muted">(${join(attribution, ', ')})</span>` : ''}${q.addressee_entity_id ? html`, to <span class="addressee">${entityButton(entities, q.addressee_entity_id)}</span>` : ''} · <a href="#${textAnchor(q.id)}">in the text</a> <span class="id">${q.id}</span></p>
</li>\n`;
  };
  const direct = facts.quotes.filter((q) => q.direct);
  const reported = facts.quotes.filter((q) => !q.direct);
  return html`<section id="quotes" aria-labelledby="quotes-title">
<h2 id="quotes-title">Quotes</h2>
${direct.length ? html`<ul class="quotes quotes-direct">\n${direct.map(item)}</ul>` : html`<p>No direct quotes.</p>`}
${reported.length ? html`<h3>Reported speech</h3>\n<ul class="quotes quotes-reported">\n${reported.map(item)}</ul>` : ''}
</section>`;
}

function timelineSection(facts: ArticleFacts, entities: Entities): Html {
  const event = (v: ArticleFacts['events'][number]): Html => {
    const who = [
      ...v.participants.map((p) => html`<li>${roleLabel(p.role)}: ${entityButton(entities, p.entity_id)}</li>`),
      v.place_entity_id ? html`<li>place: ${entityButton(entities, v.place_entity_id)}</li>` : '',
    ];
    return html`<li><strong>${eventLabel(v.type)}</strong> — <a href="#${textAnchor(v.id)}">“${v.trigger.text}”</a> <span class="id">${v.id}</span>
<div class="muted">“${v.text}”</div>${who.some(Boolean) ? html`<ul class="roles">${who}</ul>` : ''}</li>\n`;
  };
  const dated = facts.events.filter((v) => isCalendarValue(v.date_value));
  const undated = facts.events.filter((v) => !isCalendarValue(v.date_value));
  const dates = [...new Set(dated.map((v) => v.date_value!))].sort();
  const modOf = (v: ArticleFacts['events'][number]) => facts.dates.find((t) => t.id === v.timex_id)?.mod;
  return html`<section id="timeline" aria-labelledby="timeline-title">
<h2 id="timeline-title">Events</h2>
${dates.length ? html`<ol class="timeline">\n${dates.map((d) => {
    const on = dated.filter((v) => v.date_value === d).sort((a, b) => a.start - b.start);
    return html`<li>${timeElement(d, modOf(on[0]))}<ul class="events">\n${on.map(event)}</ul></li>\n`;
  })}</ol>` : html`<p>No dated events.</p>`}
${undated.length ? html`<h3>Undated events</h3>\n<ul class="events">\n${undated.map(event)}</ul>` : ''}
</section>`;
}

function datesSection(facts: ArticleFacts, entities: Entities): Html {
  return html`<section id="dates" aria-labelledby="dates-title">
<h2 id="dates-title">Dates and quantities</h2>
${facts.dates.length ? html`<div class="table-scroll"><table>
<caption class="visually-hidden">Dates</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Reads as</th><th scope="col">TimeML</th><th scope="col">ID</th></tr></thead>
<tbody>
${facts.dates.map((t) => html`<tr><td><a href="#${textAnchor(t.id)}">${t.text}</a></td><td>${readableDate(t.value, t.mod)}</td><td>${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ''}</td><td class="id">${t.id}</td></tr>\n`)}</tbody>
</table></div>` : html`<p>No dates.</p>`}
${facts.quantities.length ? html`<h3>Quantities</h3>
<div class="table-scroll"><table>
<thead><tr><th scope="col">Quantity</th><th scope="col">Kind</th><th scope="col" class="num">Value</th><th scope="col">Unit</th><th scope="col">Of</th><th scope="col">ID</th></tr></thead>
<tbody>
${facts.quantities.map((q) => html`<tr><td><a href="#${textAnchor(q.id)}">${q.text}</a></td><td>${q.kind}</td><td class="num">${q.value}</td><td>${q.unit}</td><td>${q.entity_id ? entityButton(entities, q.entity_id) : ''}</td><td class="id">${q.id}</td></tr>\n`)}</tbody>
</table></div>` : ''}
</section>`;
}

function metadataSection(input: ArticleInput): Html {
  const { article, facts } = input;
  const m = article.metadata;
  const url = safeHttpUrl(m.url);
  const rows: [string, Html | string | number | undefined][] = [
    ['Article ID', html`<span class="id">${article.article_id}</span>`],
    ['Source', article.source],
    ['Published', m.datePublished],
    ['Modified', m.dateModified],
    ['Author', m.author?.length ? join(m.author.map((a) => (safeHttpUrl(a.url) ? html`<a href="${safeHttpUrl(a.url)!}" rel="noreferrer">${a.name}</a>` : html`${a.name}`)), ', ') : undefined],
    ['Publisher', m.publisher],
    ['URL', m.url ? (url ? html`<a href="${url}" rel="noreferrer">${m.url}</a>` : m.url) : undefined],
    ['Description', m.description],
    ['Image', m.image],
    ['Language', article.language],
    ['Words', article.word_count],
    ['Reference date', facts.reference_date ? `${facts.reference_date.value} (${facts.reference_date.source})` : undefined],
    ['SHA-256 of the text', html`<span class="id">${article.sha256}</span>`],
    ['SHA-256 of the input', html`<span class="id">${article.input_sha256}</span>`],
  ];
  return html`<section id="metadata" aria-labelledby="metadata-title">
<h2 id="metadata-title">Metadata</h2>
<dl class="meta">
${rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>\n`)}</dl>
</section>`;
}

function dataSection(id: string): Html {
  const files: [string, string][] = [
    [`../jsonld/${id}.jsonld`, 'the facts as JSON-LD (schema.org, with Web Annotation evidence)'],
    [`../newsarticle/${id}.jsonld`, 'the schema.org NewsArticle record (also embedded in this page)'],
    [`../facts/${id}.json`, 'the facts as JSON, offsets into the normalized text'],
    [`../normalized/${id}.json`, 'the normalized article text with its paragraphs and sentences'],
  ];
  const tables = TABLES.filter((t) => t.scope === 'article');
  return html`<section id="data" aria-labelledby="data-title">
<h2 id="data-title">Data</h2>
<ul>
${files.map(([href, what]) => html`<li><a href="${href}">${href.slice(3)}</a>: ${what}</li>\n`)}</ul>
<p>CSV tables of the whole dataset; this article's rows are those with <code>article_id</code> = <span class="id">${id}</span>:</p>
<ul>
${tables.map((t) => html`<li><a href="../csv/${t.name}.csv">csv/${t.name}.csv</a>: ${t.description}</li>\n`)}</ul>
</section>`;
}

/** The fact sheet of one article (site/<article_id>.html). */
export function renderArticlePage(input: ArticleInput): string {
  const { article, facts } = input;
  const entities: Entities = new Map(facts.entities.map((e) => [e.id, e]));
  const headline = pageHeadline(input);
  const m = article.metadata;
  const direct = facts.quotes.filter((q) => q.direct).length;
  const lede = [
    m.datePublished && readableDate(m.datePublished.slice(0, 10)),
    m.author?.length && m.author.map((a) => a.name).join(', '),
    m.publisher,
    plural(article.word_count, 'word'),
    plural(facts.entities.length, 'entity', 'entities'),
    plural(direct, 'quote'),
    plural(facts.events.length, 'event'),
  ].filter(Boolean);
  const main = html`<h1>${headline}</h1>
<p class="lede">${lede.join(' · ')} · <span class="id">${article.article_id}</span></p>
<p id="selection-status" class="visually-hidden" role="status"></p>
<div class="layout">
${textSection(input)}
${entitiesSection(facts, entities)}
${quotesSection(facts, entities)}
${timelineSection(facts, entities)}
${datesSection(facts, entities)}
${metadataSection(input)}
${dataSection(article.article_id)}
</div>
<div id="selection-bar" class="selection-bar" hidden>
<span id="selection-text"></span>
<button type="button" id="next-mention">Next mention</button>
<button type="button" id="clear-selection">Clear</button>
</div>`;
  return page({
    title: `${headline} · news-facts`,
    lang: article.language,
    sections: [['text', 'Text'], ['entities', 'Entities'], ['quotes', 'Quotes'], ['timeline', 'Events'], ['dates', 'Dates'], ['metadata', 'Metadata'], ['data', 'Data']],
    head: html`<script type="application/ld+json">\n${jsonForScript(input.newsArticle)}\n</script>`,
    main,
    script: ARTICLE_SCRIPT,
  });
}
