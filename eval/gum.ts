/**
 * GUM's CorefUD .conllu files (../shared/data/gum/dep_conllu): the text and the gold coreference
 * mentions, for eval/coref.ts.
 */

export interface GoldMention {
  start: number;
  end: number;
  chain: string;
  type: string;
  /** the mention has a proper noun among its tokens */
  proper: boolean;
  text: string;
}

export interface GoldDoc {
  id: string;
  text: string;
  mentions: GoldMention[];
}

/** Reads one CorefUD .conllu: the text (sentences joined by spaces, paragraphs by newlines) and its gold mentions. */
export function readGum(id: string, conllu: string): GoldDoc {
  let text = '';
  let paragraphOpen = false;
  let sentence = '';
  let sentenceStart = 0;
  let cursor = 0;
  const mentions: GoldMention[] = [];
  const open = new Map<string, { start: number; type: string; proper: boolean }[]>();
  const properOpen = (): void => {
    for (const stack of open.values()) for (const o of stack) o.proper = true;
  };
  for (const line of conllu.split('\n')) {
    if (line === '# newpar') {
      if (text.length || sentence) text += '\n';
      paragraphOpen = false;
    } else if (line.startsWith('# text = ')) {
      sentence = line.slice('# text = '.length);
      if (paragraphOpen) text += ' ';
      paragraphOpen = true;
      sentenceStart = text.length;
      text += sentence;
      cursor = 0;
    } else if (/^\d+\t/.test(line)) {
      const cols = line.split('\t');
      const form = cols[1];
      const at = sentence.indexOf(form, cursor);
      if (at < 0) throw new Error(`${id}: token "${form}" not found in its sentence`);
      const start = sentenceStart + at;
      const end = start + form.length;
      cursor = at + form.length;
      const entity = /(?:^|\|)Entity=([^|]*)/.exec(cols[9])?.[1] ?? '';
      // opening brackets first: "(3-person-…)" opens and closes on this token
      for (let i = 0; i < entity.length; ) {
        if (entity[i] === '(') {
          let j = i + 1;
          while (j < entity.length && entity[j] !== '(' && entity[j] !== ')') j++;
          const [chain, type] = entity.slice(i + 1, j).split('-');
          const stack = open.get(chain) ?? [];
          stack.push({ start, type, proper: false });
          open.set(chain, stack);
          if (entity[j] === ')') {
            if (cols[3] === 'PROPN') stack[stack.length - 1].proper = true;
            const o = stack.pop()!;
            mentions.push({ start: o.start, end, chain, type: o.type, proper: o.proper, text: text.slice(o.start, end) });
            j++;
          }
          i = j;
        } else {
          const m = /^(\d+)\)/.exec(entity.slice(i));
          if (!m) {
            i++;
            continue;
          }
          if (cols[3] === 'PROPN') properOpen();
          const o = open.get(m[1])?.pop();
          if (o) mentions.push({ start: o.start, end, chain: m[1], type: o.type, proper: o.proper, text: text.slice(o.start, end) });
          i += m[0].length;
        }
      }
      if (cols[3] === 'PROPN') properOpen();
    }
  }
  return { id, text, mentions };
}
