/**
 * The article page's only script (inlined, allowed by its hash in the page's Content-Security-Policy).
 * An entity button (or a click on a mention in the text) highlights every mention of the entity;
 * the selection bar steps through them and clears the selection, as does Escape.
 */
export const ARTICLE_SCRIPT = `
(() => {
  const text = document.getElementById('article-text');
  const bar = document.getElementById('selection-bar');
  const label = document.getElementById('selection-text');
  const status = document.getElementById('selection-status');
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  let selected = null;
  let position = -1;
  const byEntity = (id) => '[data-entity="' + CSS.escape(id) + '"]';

  function clear() {
    for (const el of text.querySelectorAll('.is-selected')) el.classList.remove('is-selected', 'is-current');
    for (const b of document.querySelectorAll('button[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
    selected = null;
    bar.hidden = true;
    status.textContent = '';
  }

  /** The first element of each highlighted mention (a mention split by other spans has several). */
  function firstPieces() {
    const seen = new Set();
    return Array.from(text.querySelectorAll('.is-selected')).filter((el) => !seen.has(el.dataset.mark) && seen.add(el.dataset.mark));
  }

  function select(id) {
    const again = id === selected;
    clear();
    if (again) return;
    selected = id;
    position = -1;
    for (const el of text.querySelectorAll('.hl-mention' + byEntity(id))) el.classList.add('is-selected');
    for (const b of document.querySelectorAll('button' + byEntity(id))) b.setAttribute('aria-pressed', 'true');
    const count = firstPieces().length;
    const name = document.querySelector('button' + byEntity(id)).dataset.name;
    const message = name + ' (' + id + '): ' + count + (count === 1 ? ' mention' : ' mentions') + ' highlighted';
    label.textContent = message;
    status.textContent = message;
    bar.hidden = false;
  }

  function showNext() {
    const pieces = firstPieces();
    if (!pieces.length) return;
    for (const el of text.querySelectorAll('.is-current')) el.classList.remove('is-current');
    position = (position + 1) % pieces.length;
    const mark = pieces[position].dataset.mark;
    for (const el of text.querySelectorAll('[data-mark="' + CSS.escape(mark) + '"]')) el.classList.add('is-current');
    pieces[position].scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    status.textContent = 'Mention ' + (position + 1) + ' of ' + pieces.length + ': ' + pieces[position].title;
  }

  document.addEventListener('click', (event) => {
    const target = event.target.closest('[data-entity]');
    if (target && (target.tagName === 'BUTTON' || text.contains(target))) select(target.dataset.entity);
  });
  document.getElementById('next-mention').addEventListener('click', showNext);
  document.getElementById('clear-selection').addEventListener('click', clear);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && selected) clear();
  });
})();
`;
