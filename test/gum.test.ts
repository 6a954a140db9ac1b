import { describe, expect, it } from 'vitest';
import { readGum } from '../eval/gum.ts';

const CONLLU = "# newdoc id = T\n# newpar\n# text = Ann Lee met him.\n1\tAnn\tAnn\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-cf1-1-coref\n2\tLee\tLee\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n4\thim\the\tPRON\tPRP\t_\t3\tobj\t_\tEntity=(2-person-giv-cf2-1-sgl)|SpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n# newpar\n# text = She left the Acme Corp office.\n1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-cf1-1-coref)\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(3-place-new-cf3-6-sgl\n4\tAcme\tAcme\tPROPN\tNNP\t_\t5\tcompound\t_\tEntity=(4-organization-new-cf4-2-sgl\n5\tCorp\tCorp\tPROPN\tNNP\t_\t6\tcompound\t_\tEntity=4)\n6\toffice\toffice\tNOUN\tNN\t_\t2\tobj\t_\tEntity=3)|SpaceAfter=No\n7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_";

describe('readGum (the coreference evaluation\'s reader of GUM\'s CorefUD files)', () => {
  it('rebuilds the text, paragraphs on lines, and maps every mention to its characters', () => {
    const doc = readGum('T', CONLLU);
    expect(doc.text).toBe('Ann Lee met him.\nShe left the Acme Corp office.');
    const mentions = doc.mentions.map((m) => [m.text, m.chain, m.type, m.proper]).sort();
    expect(mentions).toEqual([
      ['Acme Corp', '4', 'organization', true],
      ['Ann Lee', '1', 'person', true],
      ['She', '1', 'person', false],
      ['him', '2', 'person', false],
      // a mention holding a proper noun counts as named, though its head is a common noun
      ['the Acme Corp office', '3', 'place', true],
    ]);
    for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
  });
});
