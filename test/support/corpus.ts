/**
 * A small generated NDJSON corpus of short English news items, and folder snapshots, for tests of
 * whole runs (kill -9, locks, failed writes).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const PEOPLE = ['Anna Lindqvist', 'Roland Busch', 'Christine Lagarde', 'William Ruto', 'Grégory Doucet', 'Tim Cook', 'Jane Doe', 'Majed al-Ansari'];
const PLACES = ['Lyon', 'Frankfurt', 'Nairobi', 'Valencia', 'Mumbai', 'Leeds', 'Doha', 'Oslo'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `n` NDJSON records, each a different two-paragraph story; `seed` varies the numbers. */
export function corpusLines(n: number, seed = 0): string[] {
  return Array.from({ length: n }, (_, i) => {
    const who = PEOPLE[i % PEOPLE.length];
    const where = PLACES[(i * 3) % PLACES.length];
    const day = DAYS[i % DAYS.length];
    const count = 100 + i * 7 + seed;
    const text =
      `${who} opened a new bridge in ${where} on ${day}, officials said.\n` +
      `“It links two neighbourhoods that have waited ${count} days,” ${who.split(' ')[0]} told reporters, as ${count * 10} people crossed it.`;
    return JSON.stringify({ id: `story-${seed}-${i}`, text, headline: `Bridge ${i} opens in ${where}`, datePublished: `2025-05-${String((i % 28) + 1).padStart(2, '0')}` });
  });
}

/** Every file under dir (relative path → content), hidden ones included. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) visit(p);
      else files.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  visit(dir);
  return files;
}
