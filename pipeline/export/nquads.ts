/**
 * Canonical N-Quads of the export's JSON-LD documents, written directly: the documents use a small
 * part of JSON-LD (an embedded context of prefixes and @vocab, nodes that all have an IRI, plain
 * and typed literals), so their quads follow from the objects themselves without a JSON-LD
 * processor. Anything outside that part throws, as do the cases where jsonld.js safe mode would
 * fail; a test compares the result with jsonld.canonize. Terms, literals and escapes are those of
 * jsonld.js toRDF and rdf-canonize's N-Quads serializer.
 */
import { byCodePoint } from '../shared/order.ts';

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const RDF_TYPE_TERM = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const XSD_STRING = `${XSD}string`;
const XSD_INTEGER = `${XSD}integer`;
const XSD_DOUBLE = `${XSD}double`;
const XSD_BOOLEAN = `${XSD}boolean`;
/** jsonld.js's test for an absolute IRI; an IRI that fails it would be dropped (safe mode: an error) */
const ABSOLUTE_IRI = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;
/** a term whose IRI ends in one of these can be used as a prefix (JSON-LD 1.1) */
const GEN_DELIM = /[:/?#[\]@]$/;

/** The active context of a document: @vocab, the terms it defines, and the terms expanded so far. */
interface Context {
  vocab?: string;
  terms: Map<string, string>;
  /** property and type names → their IRI terms (a document has few, used many times) */
  vocabTerms: Map<string, string>;
}

const contexts = new WeakMap<object, Context>();

/** The context of a document; parsed once per context object (the export's contexts are constants). */
function contextOf(value: Json): Context {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('N-Quads: only an embedded context object is supported');
  const known = contexts.get(value);
  if (known) return known;
  const context: Context = { terms: new Map(), vocabTerms: new Map() };
  for (const [term, iri] of Object.entries(value)) {
    if (typeof iri !== 'string') throw new Error(`N-Quads: context term ${term} is not a plain IRI`);
    if (term === '@vocab') context.vocab = iri;
    else if (term.startsWith('@')) throw new Error(`N-Quads: context keyword ${term} is not supported`);
    else context.terms.set(term, iri);
  }
  contexts.set(value, context);
  return context;
}

/** The IRI term of a property or type name. */
function vocabTerm(context: Context, name: string): string {
  let term = context.vocabTerms.get(name);
  if (term === undefined) {
    term = iriTerm(expandIri(context, name, true));
    context.vocabTerms.set(name, term);
  }
  return term;
}

/** IRI expansion as jsonld.js does it: terms (property and type position only), prefixes, @vocab. */
function expandIri(context: Context, value: string, vocab: boolean): string {
  if (value.startsWith('@')) throw new Error(`N-Quads: ${value} in an IRI position is not supported`);
  if (vocab && context.terms.has(value)) return absolute(context.terms.get(value)!);
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (prefix === '_') throw new Error(`N-Quads: blank node ${value} breaks streamed canonicalization`);
    const ns = context.terms.get(prefix);
    if (!suffix.startsWith('//') && ns !== undefined && GEN_DELIM.test(ns)) return absolute(ns + suffix);
    if (ABSOLUTE_IRI.test(value)) return value;
  }
  if (vocab && context.vocab !== undefined) return absolute(context.vocab + value);
  return absolute(value);
}

function absolute(iri: string): string {
  if (!ABSOLUTE_IRI.test(iri)) throw new Error(`N-Quads: ${JSON.stringify(iri)} is not an absolute IRI`);
  return iri;
}

// the characters rdf-canonize escapes: control characters among them
// eslint-disable-next-line no-control-regex
const IRI_ESCAPED = /[\u0000-\u0020<>"{}|^`\\]/;
// eslint-disable-next-line no-control-regex
const LITERAL_ESCAPED = /[\u0000-\u001F\u007F"\\]/;
const uchar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
const ECHAR: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

const iriTerm = (iri: string): string => `<${IRI_ESCAPED.test(iri) ? iri.replace(new RegExp(IRI_ESCAPED, 'g'), uchar) : iri}>`;

function literalTerm(lexical: string, datatype: string): string {
  const escaped = LITERAL_ESCAPED.test(lexical) ? lexical.replace(new RegExp(LITERAL_ESCAPED, 'g'), (c) => ECHAR[c] ?? uchar(c)) : lexical;
  return datatype === XSD_STRING ? `"${escaped}"` : `"${escaped}"^^${iriTerm(datatype)}`;
}

/** A JSON scalar as jsonld.js turns it into a literal (numbers: xsd:integer unless they print as a double). */
function scalarTerm(value: string | number | boolean, datatype?: string): string {
  if (datatype === undefined) {
    // the common cases, without the general path's checks: plain strings and small integers
    if (typeof value === 'string') return LITERAL_ESCAPED.test(value) ? literalTerm(value, XSD_STRING) : `"${value}"`;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return `"${value.toFixed(0)}"${INTEGER_SUFFIX}`;
  }
  if (typeof value === 'boolean') return literalTerm(String(value), datatype ?? XSD_BOOLEAN);
  if (typeof value === 'number') {
    if (String(value).includes('.') || Math.abs(value) >= 1e21 || datatype === XSD_DOUBLE) {
      return literalTerm(value.toExponential(15).replace(/(\d)0*e\+?/, '$1E'), datatype ?? XSD_DOUBLE);
    }
    return literalTerm(value.toFixed(0), datatype ?? XSD_INTEGER);
  }
  if (datatype === XSD_DOUBLE) throw new Error('N-Quads: a string typed xsd:double is not supported');
  return literalTerm(value, datatype ?? XSD_STRING);
}

const INTEGER_SUFFIX = `^^<${XSD_INTEGER}>`;

/**
 * The quads of some documents grouped by subject term: subject → the rest of each line
 * (` <predicate> <object> .`), the shape canonical sorting wants (see articleNQuads).
 */
type Quads = Map<string, string[]>;

/** The IRI terms of a document's node ids, each expanded once though a node is referred to more than once. */
type IdTerms = Map<string, string>;

/** Adds the quads of a node object (and of the nodes embedded in it); returns its term. */
function addNode(node: JsonObject, context: Context, out: Quads, ids: IdTerms): string {
  const id = node['@id'];
  if (typeof id !== 'string') throw new Error('N-Quads: a node without @id would be a blank node');
  let subject = ids.get(id);
  if (subject === undefined) {
    subject = iriTerm(expandIri(context, id, false));
    ids.set(id, subject);
  }
  let rests = out.get(subject);
  if (!rests) out.set(subject, (rests = []));
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (key === '@id' || value === null || value === undefined) continue;
    if (key === '@type') {
      for (const type of Array.isArray(value) ? value : [value]) {
        if (typeof type !== 'string') throw new Error('N-Quads: @type must be a string');
        rests.push(` ${RDF_TYPE_TERM} ${vocabTerm(context, type)} .`);
      }
      continue;
    }
    if (key.startsWith('@')) throw new Error(`N-Quads: ${key} inside a node is not supported`);
    const predicate = vocabTerm(context, key);
    for (const item of Array.isArray(value) ? value : [value]) {
      const object = objectTerm(item, context, out, ids);
      if (object !== undefined) rests.push(` ${predicate} ${object} .`);
    }
  }
  return subject;
}

function objectTerm(item: Json, context: Context, out: Quads, ids: IdTerms): string | undefined {
  if (item === null || item === undefined) return undefined;
  if (Array.isArray(item)) throw new Error('N-Quads: nested arrays are not supported');
  if (typeof item !== 'object') return scalarTerm(item);
  if (!('@value' in item)) return addNode(item, context, out, ids);
  const { '@value': value, '@type': type, ...rest } = item;
  if (Object.keys(rest).length) throw new Error(`N-Quads: value objects with ${Object.keys(rest).join(', ')} are not supported`);
  if (value === null || value === undefined) throw new Error('N-Quads: a value object without a value');
  if (typeof value === 'object') throw new Error('N-Quads: JSON literals are not supported');
  if (type !== undefined && typeof type !== 'string') throw new Error('N-Quads: a value object @type must be a string');
  return scalarTerm(value, type === undefined ? undefined : expandIri(context, type, true));
}

/**
 * The quads of a JSON-LD document: a node, or a default graph (`@graph`) of nodes, under an
 * embedded context. As in safe mode, a top-level node with nothing but an @id fails.
 */
function addDocument(doc: JsonObject, out: Quads): void {
  const context = contextOf(doc['@context']);
  const { '@context': _, '@graph': graph, ...node } = doc;
  const nodes = graph === undefined ? [node] : graph;
  if (graph !== undefined && Object.keys(node).length) throw new Error('N-Quads: named graphs are not supported');
  if (!Array.isArray(nodes)) throw new Error('N-Quads: @graph must be an array');
  const ids: IdTerms = new Map();
  for (const n of nodes) {
    if (!n || typeof n !== 'object' || Array.isArray(n)) throw new Error('N-Quads: @graph holds a non-object');
    const keys = Object.keys(n).filter((k) => n[k] !== null && n[k] !== undefined);
    if (!keys.some((k) => k !== '@id')) throw new Error('N-Quads: a top-level node with nothing but an @id would be dropped');
    addNode(n, context, out, ids);
  }
}

const SURROGATE = /[\ud800-\udfff]/;

/** The lines of the quads, each subject's after the other, both sorted with `sort`, duplicates dropped. */
function serialize(quads: Quads, subjects: string[], sort: (strings: string[]) => string[]): string {
  const lines: string[] = [];
  for (const subject of sort(subjects)) {
    let previous: string | undefined;
    for (const rest of sort(quads.get(subject)!)) {
      if (rest !== previous) lines.push(`${subject}${rest}\n`);
      previous = rest;
    }
  }
  return lines.join('');
}

/**
 * Canonical N-Quads (RDFC-1.0) of one article's documents. Every node of an article's graph has an
 * IRI that starts with the article's IRI and none is blank, so (a) the canonical form of a graph is
 * its quads in canonical N-Quads syntax, de-duplicated and sorted by code point — RDFC-1.0's
 * blank-node labelling has nothing to do — and (b) the canonical form of the whole dataset is these
 * blocks concatenated in article-id order, which streams a corpus in constant memory. Both
 * properties are checked here. A subject term ends with `>`, which no other subject term contains,
 * so sorting lines equals sorting subjects, then each subject's line ends.
 */
export function articleNQuads(articleIri: string, docs: object[]): string {
  const quads: Quads = new Map();
  for (const doc of docs) addDocument(doc as JsonObject, quads);
  const own = `<${articleIri}`;
  // a node only referred to ({"@id": …}) has no quads of its own
  const subjects = [...quads.keys()].filter((subject) => quads.get(subject)!.length);
  for (const subject of subjects) {
    if (!subject.startsWith(own) || (subject[own.length] !== '>' && subject[own.length] !== ':')) {
      throw new Error(`quad outside the article's IRI space breaks streamed canonicalization: ${subject}`);
    }
  }
  const text = serialize(quads, subjects, sortUtf16);
  // plain UTF-16 order is code-point order unless a code point above U+FFFF occurs
  return SURROGATE.test(text) ? serialize(quads, subjects, (strings) => strings.sort(byCodePoint)) : text;
}

/**
 * Sorts strings in UTF-16 order, as Array.prototype.sort does without a comparator. Most of an
 * article's subjects have one to five quads, and a call of the built-in sort costs more than
 * sorting so few: those are sorted by insertion here.
 */
function sortUtf16(strings: string[]): string[] {
  if (strings.length > 8) return strings.sort();
  for (let i = 1; i < strings.length; i++) {
    const s = strings[i];
    let j = i - 1;
    for (; j >= 0 && strings[j] > s; j--) strings[j + 1] = strings[j];
    strings[j + 1] = s;
  }
  return strings;
}
