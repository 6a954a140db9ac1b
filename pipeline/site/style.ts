/**
 * The one stylesheet, inlined in every page (the site works from file:// with nothing fetched).
 * Highlight backgrounds are light tints under dark text (contrast above 12:1); each kind also
 * differs by its underline, so colour is never the only cue.
 */
export const STYLE = `
:root {
  color-scheme: light;
  --ink: #111827; --muted: #4b5563; --line: #d1d5db; --panel: #f3f4f6; --link: #1d4ed8;
  --person: #dbeafe; --person-line: #1d4ed8;
  --org: #fce7f3; --org-line: #be185d;
  --place: #dcfce7; --place-line: #15803d;
  --date: #fef3c7; --date-line: #b45309;
  --quantity: #ede9fe; --quantity-line: #6d28d9;
  --quote: #e5e7eb; --event-line: #c2410c;
  --selected: #fde047;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; overflow-wrap: break-word; }
a { color: var(--link); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
h1 { font-size: clamp(1.3rem, 1rem + 1.5vw, 1.6rem); line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
.wrap { max-width: 74rem; margin: 0 auto; padding: 0 1rem; }
.skip { position: absolute; left: -100vw; top: 0.5rem; z-index: 20; background: #fff; color: var(--link); padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.site-header { background: var(--ink); color: #fff; }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 1.5rem; padding-top: 0.6rem; padding-bottom: 0.6rem; }
.site-header a { color: #fff; }
.site-name { font-weight: 700; text-decoration: none; }
.site-header ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
main { padding-bottom: 5rem; }
.lede { color: var(--muted); margin: 0 0 1rem; }
.muted { color: var(--muted); }
.id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em; color: var(--muted); }
.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: 0.5rem; list-style: none; padding: 0; margin: 1rem 0; }
.stats li { background: var(--panel); border-radius: 0.4rem; padding: 0.5rem 0.75rem; }
.stats strong { display: block; font-size: 1.35rem; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem 0.35rem 0; border-bottom: 1px solid var(--line); }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 1rem; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; min-width: 0; }
.columns { display: grid; gap: 0 2rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.layout > * { min-width: 0; }
/* wide screens: the entity list sits beside the text (spanning the six other sections' rows) and stays in view */
@media (min-width: 64rem) {
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 23rem; grid-template-rows: repeat(6, auto); column-gap: 2.5rem; align-items: start; }
  .layout > * { grid-column: 1; }
  .layout > .sidebar { grid-column: 2; grid-row: 1 / -1; position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding: 0 0.25rem 4rem; }
}
.article-text p { font-family: Georgia, "Times New Roman", serif; font-size: 1.08rem; line-height: 1.85; margin: 0 0 1.1em; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 0.9rem; list-style: none; padding: 0.6rem 0.75rem; margin: 0 0 1.25rem; background: var(--panel); border-radius: 0.4rem; font-size: 0.9rem; }
.hl { border-bottom: 2px solid transparent; padding: 0.12em 0; border-radius: 2px; }
.hl .hl { padding: 0; }
.hl-quote { background: var(--quote); }
.hl-reported { background: transparent; border-bottom: 2px dashed var(--muted); }
.hl-event { text-decoration: underline wavy var(--event-line) 1.5px; text-underline-offset: 0.3em; }
.hl-person { background: var(--person); border-bottom-color: var(--person-line); }
.hl-org { background: var(--org); border-bottom-color: var(--org-line); }
.hl-place { background: var(--place); border-bottom-color: var(--place-line); }
.hl-pronoun, .hl-description { border-bottom-style: dotted; }
.hl-date { background: var(--date); border-bottom-color: var(--date-line); }
.hl-quantity { background: var(--quantity); border-bottom: 2px dashed var(--quantity-line); }
.article-text .hl-mention { cursor: pointer; }
.hl-mention.is-selected { background: var(--selected); outline: 2px solid var(--ink); }
.hl-mention.is-current { outline-width: 4px; }
.entity { font: inherit; color: var(--ink); background: #fff; border: 1px solid var(--line); border-left: 0.45rem solid var(--muted); border-radius: 0.3rem; padding: 0.1rem 0.5rem; cursor: pointer; text-align: left; }
.entity:hover { background: var(--panel); }
.entity.person { border-left-color: var(--person-line); }
.entity.org { border-left-color: var(--org-line); }
.entity.place { border-left-color: var(--place-line); }
.entity-name { font-weight: 600; border-left: 0.45rem solid var(--muted); padding-left: 0.4rem; }
.entity-name.person { border-left-color: var(--person-line); }
.entity-name.org { border-left-color: var(--org-line); }
.entity-name.place { border-left-color: var(--place-line); }
ol.top-entities { padding-left: 1.6rem; }
ol.top-entities > li { margin: 0 0 0.6rem; }
ol.top-entities ul { padding-left: 1.1rem; margin: 0.15rem 0 0; font-size: 0.92rem; }
.entity[aria-pressed="true"] { background: var(--selected); border-color: var(--ink); }
ul.entities, ul.plain, ul.quotes, ol.timeline { list-style: none; padding: 0; margin: 0; }
ul.entities > li { padding: 0.5rem 0; border-bottom: 1px solid var(--line); }
ul.entities .facts { margin: 0.25rem 0 0; padding-left: 1.1rem; font-size: 0.92rem; }
ul.quotes > li { margin: 0 0 1rem; padding: 0.5rem 0.75rem; border-left: 4px solid var(--line); background: var(--panel); }
ul.quotes blockquote { margin: 0 0 0.35rem; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; }
ol.timeline { border-left: 3px solid var(--line); margin-left: 0.4rem; }
ol.timeline > li { position: relative; padding: 0 0 1rem 1.1rem; }
ol.timeline > li::before { content: ""; position: absolute; left: -0.5rem; top: 0.45rem; width: 0.7rem; height: 0.7rem; border-radius: 50%; background: var(--event-line); }
ol.timeline time { font-weight: 600; }
ol.timeline ul { padding-left: 1.1rem; margin: 0.25rem 0 0; }
ul.events { list-style: none; padding: 0; margin: 0; }
ol.timeline ul.events { padding-left: 0; margin-top: 0.35rem; }
ul.events > li { margin: 0 0 0.8rem; }
ul.roles { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; list-style: none; padding: 0; margin: 0.3rem 0 0; }
.selection-bar { position: fixed; left: 0; right: 0; bottom: 0; z-index: 10; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.6rem 1rem; background: var(--ink); color: #fff; }
.selection-bar[hidden] { display: none; }
.selection-bar button { font: inherit; color: var(--ink); background: #fff; border: 0; border-radius: 0.3rem; padding: 0.25rem 0.75rem; cursor: pointer; }
.selection-bar button:focus-visible { outline-color: var(--selected); }
.site-footer { border-top: 1px solid var(--line); padding: 1rem 0 2rem; color: var(--muted); font-size: 0.9rem; }
`;
