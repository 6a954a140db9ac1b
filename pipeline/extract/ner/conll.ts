/**
 * Readers for CoNLL-style NER files, shared by training and evaluation.
 * Handles CoNLL-2003 (`TOKEN POS CHUNK NER`, IOB1) and wikigold (`TOKEN TAG`, IO tags,
 * `-DOCSTART-` closing each document): the token is the first column, the tag the last.
 */
import { NUM_TAGS as NUM_TAGS_EXPORT, O as O_EXPORT, TYPES as TYPES_EXPORT, tagOf } from './features.ts';

// Local copies: the module loader may turn imported bindings into getters, too slow in hot loops.
const NUM_TAGS = NUM_TAGS_EXPORT;
const O = O_EXPORT;
const TYPES = TYPES_EXPORT;

export interface GoldSpan {
  /** token range [start, end) within the sentence */
  start: number;
  end: number;
  type: string;
}

export interface ConllSentence {
  words: string[];
  tags: string[];
}

export interface ConllDoc {
  sentences: ConllSentence[];
}

export function readConll(text: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { sentences: [] };
  let sent: ConllSentence = { words: [], tags: [] };
  const endSentence = (): void => {
    if (sent.words.length > 0) doc.sentences.push(sent);
    sent = { words: [], tags: [] };
  };
  const endDoc = (): void => {
    endSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endDoc();
      continue;
    }
    sent.words.push(cols[0]);
    sent.tags.push(cols.length > 1 ? cols[cols.length - 1] : 'O');
  }
  endDoc();
  return docs;
}

/**
 * Spans from IOB1/IOB2/IO tags: `I-X` continues a span of type X, `B-X` always starts one
 * (the conlleval convention).
 */
export function spansFromIob(tags: string[]): GoldSpan[] {
  const spans: GoldSpan[] = [];
  let cur: GoldSpan | null = null;
  tags.forEach((tag, i) => {
    const m = /^([BIES])-(.+)$/.exec(tag);
    if (!m) {
      cur = null;
      return;
    }
    const [, prefix, type] = m;
    if (cur && cur.type === type && (prefix === 'I' || prefix === 'E')) {
      cur.end = i + 1;
    } else {
      cur = { start: i, end: i + 1, type };
      spans.push(cur);
    }
    if (prefix === 'E' || prefix === 'S') cur = null;
  });
  return spans;
}

/** BILOU tag ids for a sentence of `n` tokens with the given spans; unknown types are O. */
export function bilouFromSpans(n: number, spans: GoldSpan[]): Uint8Array {
  const out = new Uint8Array(n).fill(O);
  for (const s of spans) {
    const t = (TYPES as readonly string[]).indexOf(s.type);
    if (t < 0) continue;
    if (s.end - s.start === 1) out[s.start] = tagOf(t, 'U');
    else {
      out[s.start] = tagOf(t, 'B');
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = tagOf(t, 'I');
      out[s.end - 1] = tagOf(t, 'L');
    }
  }
  return out;
}

/** Spans from BILOU tag ids (well-formed by construction of the decoder; tolerant anyway). */
export function spansFromBilou(tags: ArrayLike<number>): GoldSpan[] {
  const spans: GoldSpan[] = [];
  let start = -1;
  let type = -1;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : O;
    if (tag === O && start < 0) continue;
    const t = tag === O || tag >= NUM_TAGS ? -1 : (tag - 1) >> 2;
    const part = tag === O ? 'O' : 'BILU'[(tag - 1) & 3];
    const continues = start >= 0 && t === type && (part === 'I' || part === 'L');
    if (start >= 0 && !continues) {
      spans.push({ start, end: i, type: TYPES[type] });
      start = -1;
    }
    if (t >= 0 && !continues) {
      start = i;
      type = t;
    }
    if (start >= 0 && (part === 'L' || part === 'U')) {
      spans.push({ start, end: i + 1, type: TYPES[type] });
      start = -1;
    }
  }
  return spans;
}
