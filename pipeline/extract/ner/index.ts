/**
 * Named-entity tagger component: fills doc.names with PER/ORG/LOC/MISC mentions.
 * See MODEL.md for the model, its training data and its scores.
 */
import { readFileSync } from 'node:fs';
import type { Component, Doc, NameMention, NerLabel } from '../document.ts';
import { spansFromBilou } from './conll.ts';
import { deserializeModel, type LoadedModel } from './model.ts';
import { tagDocument } from './tagger.ts';

const MODEL_URL = new URL('./model/ner.model.json.gz', import.meta.url);

let cached: LoadedModel | undefined;

/**
 * The model, read on first use and kept for the life of the process. `path` (evaluation of
 * another model file) replaces the cached model.
 */
export function loadNerModel(path?: string): LoadedModel {
  if (path !== undefined) cached = deserializeModel(readFileSync(path));
  cached ??= deserializeModel(readFileSync(MODEL_URL));
  return cached;
}

/** Tags the document's tokens, sentence by sentence, and returns the name mentions. */
export function findNames(doc: Doc): NameMention[] {
  const model = loadNerModel();
  const sentences: string[][] = [];
  for (const s of doc.sentences) {
    const words: string[] = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) words.push(doc.tokens[i].text);
    sentences.push(words);
  }
  const { tags, probs } = tagDocument(model, { sentences });
  const names: NameMention[] = [];
  doc.sentences.forEach((s, si) => {
    for (const span of spansFromBilou(tags[si])) {
      const first = doc.tokens[s.tokenStart + span.start];
      const last = doc.tokens[s.tokenStart + span.end - 1];
      let confidence = 1;
      for (let i = span.start; i < span.end; i++) confidence = Math.min(confidence, probs[si][i]);
      names.push({
        start: first.start,
        end: last.end,
        text: doc.text.slice(first.start, last.end),
        label: span.type as NerLabel,
        tokenStart: first.index,
        tokenEnd: last.index + 1,
        confidence: Math.round(confidence * 1000) / 1000,
      });
    }
  });
  return names;
}

export const nerTagger: Component = {
  name: 'ner',
  reads: ['tokens', 'sentences'],
  writes: ['names'],
  run(doc: Doc): void {
    doc.names = findNames(doc);
  },
};
