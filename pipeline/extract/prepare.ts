import { emptyDoc, type ArticleMetadata, type Doc, type Span } from './document.ts';
import { paragraphSpans, sentenceSpans } from '../normalize/segment.ts';
import { tokenizer } from './tokenize.ts';

/**
 * A document ready for the extractors: paragraphs, sentences and tokens filled in.
 * `segments` are the normalize stage's spans (UTF-16); without them the text is segmented here,
 * which is what tests and evaluation scripts use.
 */
export function prepareDoc(
  id: string,
  text: string,
  metadata: ArticleMetadata = {},
  segments?: { paragraphs: Span[]; sentences: Span[] },
): Doc {
  const doc = emptyDoc(id, text, metadata);
  const paragraphs = segments?.paragraphs ?? paragraphSpans(text);
  const sentences = segments?.sentences ?? sentenceSpans(text, paragraphs);
  doc.paragraphs = paragraphs;
  let p = 0;
  doc.sentences = sentences.map((s) => {
    while (p < paragraphs.length - 1 && paragraphs[p].end <= s.start) p++;
    return { start: s.start, end: s.end, paragraph: p, tokenStart: 0, tokenEnd: 0 };
  });
  tokenizer.run(doc);
  return doc;
}
