/**
 * Is this English? A function-word test: English prose is dense in a small closed set of words
 * (the, of, and, to, …), which other languages, even in Latin script, barely use. This is more
 * reliable than character n-gram identifiers on short news items and needs no model.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  ('the of and to a in is was for on that with as by at from his her it he she they this be are were ' +
    'has have had not but or an which who their its will would said been after about also more than ' +
    'when what there all one into over up out new two can could we i you our said')
    .split(' '),
);

export interface LanguageVerdict {
  language: string | null;
  /** share of words that are English function words */
  englishShare: number;
  /** share of letters outside the Latin script */
  nonLatinShare: number;
}

export function detectLanguage(text: string): LanguageVerdict {
  const words = text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
  let english = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) english++;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const nonLatin = text.match(/[^\P{L}\p{Script=Latin}]/gu)?.length ?? 0;
  const englishShare = words.length ? english / words.length : 0;
  const nonLatinShare = letters ? nonLatin / letters : 0;
  // Very short texts (a headline) carry too few function words to judge: only script decides.
  const isEnglish = nonLatinShare < 0.3 && (words.length < 12 || englishShare >= 0.12);
  return { language: isEnglish ? 'en' : null, englishShare, nonLatinShare };
}
