/**
 * The entity a money amount, a percentage or a firm's count (jobs, staff, …) is a figure of:
 * "Shares in Allied Domecq rose 4%", "Pernod's debt … to 1.8bn euros", "profits at TimeWarner
 * jumped 76% to $1.13bn", "Allied Domecq, which has a capitalisation of £5.7bn". Shallow syntax over tokens and the entity layer:
 * the owner is the subject of the quantity's clause (or the possessor of its subject, or the
 * complement of a figure noun: "shares in X"); reported clauses and clauses whose subject is a bare
 * figure noun ("…, while revenues grew 6.4%") take the owner of the clause around them. When the
 * text does not make the owner clear, there is none.
 */
import type { Doc, Quantity } from '../document.ts';
import { DETERMINERS, DocIndex, PREPOSITIONS, SUBJECT_PRONOUNS, type MentionRef } from '../relations/doc-index.ts';

/**
 * Nouns naming a figure of whoever they belong to: "shares in X", "X's profits", "…, while sales
 * rose". "price" but not "prices": "the average house price … in England", not "US crude prices".
 */
const FIGURE_NOUNS = new Set([
  'profit', 'profits', 'revenue', 'revenues', 'sales', 'turnover', 'earnings', 'income', 'loss', 'losses', 'margin',
  'margins', 'debt', 'debts', 'share', 'shares', 'stock', 'stocks', 'dividend', 'dividends', 'output', 'production',
  'exports', 'imports', 'growth', 'spending', 'investment', 'costs', 'cost', 'value', 'valuation', 'capitalisation',
  'capitalization', 'stake', 'bid', 'offer', 'budget', 'deficit', 'surplus', 'orders', 'deliveries', 'assets',
  'reserves', 'capital', 'cash', 'pay', 'salary', 'bonus', 'fortune', 'fees', 'fine', 'tax', 'taxes', 'economy',
  'gdp', 'inflation', 'unemployment', 'rate', 'rates', 'price', 'volume', 'volumes', 'borrowing',
  'operations', 'business', 'unit', 'division', 'arm', 'subsidiary', 'results', 'performance', 'workforce', 'gap', 'industry', 'sector',
]);

/** verbs that report a clause: the quantity's owner is first sought in the reported clause */
const REPORTING = new Set([
  'said', 'says', 'say', 'told', 'added', 'announced', 'reported', 'reports', 'expects', 'expected', 'predicted',
  'predicts', 'forecast', 'forecasts', 'estimated', 'estimates', 'warned', 'warns', 'believes', 'believed', 'claimed',
  'claims', 'argued', 'insisted', 'noted', 'stated', 'revealed', 'confirmed', 'admitted', 'hopes', 'thinks',
  'showed', 'shows', 'show', 'suggested', 'suggests', 'indicated', 'saying', 'adding', 'warning', 'claiming', 'arguing',
]);
/** figures a firm reports of itself: "TimeWarner said fourth quarter sales rose 2%" (but "Halifax said prices rose") */
const COMPANY_FIGURES = new Set([
  'profit', 'profits', 'revenue', 'revenues', 'sales', 'turnover', 'earnings', 'income', 'loss', 'losses', 'margin',
  'margins', 'debt', 'debts', 'shares', 'dividend', 'dividends', 'orders', 'deliveries', 'assets',
  'results', 'performance', 'workforce', 'spending', 'investment', 'costs',
]);

/** clause openers after which a new subject is expected */
const CLAUSE_OPENERS = new Set(['while', 'whereas', 'but', 'although', 'though', 'because', 'since', 'and', 'as', 'when', 'after', 'before', 'if']);
/** plural nouns of unnamed holders: "holders of 5% or more of the firm's shares" */
const OTHERS = new Set([
  'holders', 'shareholders', 'owners', 'investors', 'firms', 'companies', 'businesses', 'customers', 'people',
  'households', 'workers', 'employees', 'members', 'users', 'consumers', 'those', 'ones', 'banks', 'countries', 'savers',
]);
/** nouns a name qualifies as their source or holder: "the ODPM data", "EU rules", "BP chief" */
const SOURCE_NOUNS = new Set([
  'data', 'figures', 'survey', 'report', 'study', 'statistics', 'research', 'analysts', 'analyst', 'economists',
  'economist', 'officials', 'official', 'spokesman', 'spokeswoman', 'chief', 'boss', 'executives', 'rules', 'regulators',
  'regulator', 'poll', 'index', 'forecast', 'forecasts', 'estimates', 'customers', 'shareholders', 'investors', 'staff',
  'workers', 'employees', 'consumers', 'households', 'crude', 'futures',
]);
const AS_WORDS = new Set(['much', 'many', 'high', 'low', 'little', 'far', 'well', 'such', 'long', 'soon', 'few']);
/** verbs that move or state a figure, irregular or not in -ed: "profits fell 9%", "Yahoo earns" */
const FIGURE_VERBS = new Set([
  'rose', 'rise', 'rises', 'fell', 'fall', 'falls', 'grew', 'grow', 'grows', 'saw', 'sees', 'see', 'made', 'makes',
  'make', 'lost', 'loses', 'lose', 'won', 'wins', 'paid', 'pays', 'pay', 'sold', 'sells', 'bought', 'buys', 'buy', 'cut',
  'cuts', 'owes', 'owe', 'spent', 'spends', 'spend', 'earns', 'earn', 'posts', 'beat', 'beats', 'hit', 'hits', 'took',
  'takes', 'slid', 'slides', 'sank', 'sinks', 'stood', 'stands', 'remains', 'remain', 'plans', 'faces', 'expects',
  'wants', 'offers', 'holds', 'held', 'owns', 'raises', 'gets', 'got', 'gave', 'gives', 'became', 'becomes',
]);
/** whose figure is no one's in particular: "expectations of a 0.3% rise" */
const EXPECTATIONS = new Set(['expectations', 'expectation', 'forecasts', 'forecast', 'estimates', 'predictions', 'consensus', 'hopes', 'fears']);
/** "JFE Holdings down 3.4%", "the Liberal Democrats on 19%" */
const MOVES = new Set(['up', 'down', 'off', 'higher', 'lower', 'on']);
/** "the Milan stock exchange": a figure noun that is part of a market's name */
const MARKET_NOUNS = new Set(['exchange', 'exchanges', 'market', 'markets', 'index']);
/** what a share of people does: "63% say", "61% that he …" */
const OPINION_WORDS = new Set(['that', 'say', 'said', 'says', 'think', 'thought', 'believe', 'believed', 'want', 'wanted', 'agree', 'disagree', 'would', 'support', 'oppose', 'feel', 'felt']);
/** words in -ed and -ing after a figure that say nothing of who holds it: "rose 5% compared with" */
const NOT_OPINION = new Set(['compared', 'according', 'including', 'excluding', 'ending', 'beginning', 'starting', 'following', 'during', 'adjusted', 'owned', 'based', 'combined']);
const GOVERNMENT_WORDS = new Set(['government', 'authorities', 'treasury', 'state']);
/** a country named again: "the government", "the country", "the economy" */
const COUNTRY_NOUNS = new Set(['government', 'country', 'economy', 'nation']);
const SHOW_VERBS = new Set(['showed', 'shows', 'show']);
/** reporting verbs after which a firm's figures are its own: "TimeWarner said sales rose 2%" */
const PLAIN_REPORTING = new Set(['said', 'says', 'reported', 'reports', 'announced', 'added', 'revealed', 'confirmed', 'that']);
/**
 * How a firm is named again: "the company said its profits …". Not "the retailer", "the airline":
 * the nearest firm named need not be one.
 */
const SELF_DESCRIPTIONS = new Set(['company', 'firm', 'group']);
/** what a firm is called: a place before them qualifies the firm ("a US defence company") */
const FIRM_NOUNS = new Set([
  'company', 'companies', 'firm', 'firms', 'group', 'giant', 'maker', 'carmaker', 'operator', 'provider', 'lender',
  'insurer', 'manufacturer', 'chain', 'division', 'unit', 'subsidiary', 'arm', 'bank', 'banks', 'airline', 'retailer',
]);
/** verbs (and "for") whose object does the next verb: "accused Titan of paying", "ordered BP to pay" */
const CONTROL_VERBS = new Set([
  'accused', 'accuses', 'accuse', 'charged', 'ordered', 'orders', 'forced', 'forces', 'allowed', 'allows', 'asked', 'wants', 'wanted',
  'asks', 'told', 'urged', 'urges', 'required', 'requires', 'suspected', 'convicted', 'cleared', 'helped', 'helps',
  // "a deal for Airbus to sell 23 new planes"
  'for',
]);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** verbs of a ranking or result before "with": "China came second with 19.2%", "Intel finished the year with" */
const SHORT_CLAUSE_VERBS = new Set(['came', 'comes', 'finished', 'finishes', 'ended', 'ends', 'closed', 'closes', 'stood', 'stands', 'ranked', 'ranks', 'led', 'leads', 'trailed', 'trails', 'is', 'was', 'are', 'were']);
/** what an entity sets for others rather than has: "raised the limit for foreign investment from 49% to 74%" */
const NOT_OWN_FIGURES = new Set(['limit', 'limits', 'cap', 'caps', 'ceiling', 'threshold']);
const ADVERBIAL_OPENERS = new Set(['despite', 'after', 'having', 'following', 'although', 'though', 'while', 'before', 'since', 'with']);
const SUBORDINATORS = new Set([...ADVERBIAL_OPENERS, 'when', 'if', 'as', 'because', 'once', 'until', 'unless', 'whereas']);
const COMPARISONS = new Set(['compared', 'than', 'below', 'above', 'versus', 'vs', 'against']);
const RELATIVE_OPENERS = new Set(['which', 'who', 'whose', 'where']);
const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might',
  'can', 'must', 'did', 'does', 'do',
]);
/** stock indices are no entity's figures: "the FTSE 100 rose 0.5%" */
const INDEX_NAME_RE = /^(?:ftse(?:\s+(?:100|250|all-share))?|dow(?:\s+jones(?:\s+industrial\s+average)?)?|nasdaq(?:\s+composite)?|nikkei(?:\s+225)?|(?:xetra\s+)?dax|cac(?:\s+40)?|hang\s+seng|s&p(?:\s+500)?|stoxx(?:\s+50)?|kospi|sensex|topix)$/i;
const INDEX_NOUNS = new Set(['index', 'indices', 'average', 'composite']);

type Boundary = 'start' | 'hard' | 'soft' | 'relative' | 'report';

interface Segment {
  /** first token of the clause */
  from: number;
  /** how the clause is set off from the one before it */
  boundary: Boundary;
  /** the token that opens it (a relative pronoun, a reporting verb, a conjunction) */
  opener: number;
}

export class QuantityOwners {
  private readonly ix: DocIndex;
  private readonly doc: Doc;
  /** the country the article is about, once sought (null: none stands out) */
  private country: MentionRef | null | undefined;

  constructor(doc: Doc) {
    this.doc = doc;
    this.ix = DocIndex.of(doc);
  }

  /**
   * The entity id the quantity is a figure of, if the text makes it clear. A place named right after
   * or before the sentence's clause owns money and percentages ("£192,713 in England"), not counts
   * ("employs 50,000 staff in Kazakhstan").
   */
  ownerOf(q: Quantity): string | undefined {
    const qi = this.ix.tokenAt(q.start);
    if (qi < 0) return undefined;
    const s = this.doc.sentences[this.ix.tokens[qi].sentence];
    // "prices in the South East and London fell by 1.6% and 0.5% respectively"
    for (let k = qi; k < s.tokenEnd && !/^[;.]$/.test(this.ix.word(k)); k++) if (this.ix.lower(k) === 'respectively') return undefined;
    // a share of those polled: "… and 61% that he had been right", "63% say", "38% disagreed"
    const qEnd = this.ix.tokenAt(q.end - 1) + 1;
    const after = this.ix.lower(qEnd);
    if (q.kind === 'percent' && (OPINION_WORDS.has(after) || (/^\p{Ll}{3,}(?:ed|ing)$/u.test(after) && !NOT_OPINION.has(after)))) return undefined;
    if (q.kind === 'percent') {
      const beneficiary = this.percentFor(qEnd);
      if (beneficiary) return beneficiary.entity.id;
    }
    const local = this.phraseOwner(qi, s.tokenStart);
    if (local === 'none') return undefined;
    if (local) return local.entity.id;
    const subject = this.ownerBefore(qi, s.tokenStart);
    // "In Sri Lanka, some observers have said that as much as 1% of growth may be lost": a clause
    // whose subject is no entity, in a sentence about a place
    if (subject === null && q.kind !== 'count') return this.placeFrame(s.tokenStart, qi)?.entity.id;
    if (subject !== undefined) return subject?.entity.id;
    const byPlace = q.kind !== 'count' ? (this.placeAfter(qEnd, s.tokenStart) ?? this.placeFrame(s.tokenStart, qi)) : undefined;
    return (this.mainSubjectAfter(qi, s.tokenStart, s.tokenEnd) ?? byPlace)?.entity.id;
  }

  /**
   * The noun phrase right before the quantity: "Federated, with annual sales of $15.6bn" (the name
   * before "with"), "firms with market capitalisations below $700m", "holders of 5%" (a figure of
   * unnamed others: 'none').
   */
  private phraseOwner(at: number, sentenceStart: number): MentionRef | 'none' | undefined {
    for (let j = at - 1, words = 0; j >= sentenceStart && words < 6; j--, words++) {
      const w = this.ix.lower(j);
      const m = this.ix.mentionAt(j);
      if (m) {
        // "with closest rival JFE Holdings down 3.4%"
        const between = j + 1 < at ? this.ix.lower(j + 1) : '';
        // "with ThyssenKrupp dropping 1.7%"
        if (words === 1 && (MOVES.has(between) || /^\p{Ll}{3,}ing$/u.test(between)) && !this.ix.isPossessive(m) && this.usable(m)) return m;
        // a name's possessive, or a person's ("his £35bn savings"): an organization's "its" is too
        // often resolved to the wrong one
        // "forecasting UK growth at between 3% and 3.5%", "Toyota shares at $50": a name qualifying the figure
        if (!this.ix.isPossessive(m) && m.mention.kind === 'name' && FIGURE_NOUNS.has(this.ix.lower(m.tokenEnd)) && !MARKET_NOUNS.has(this.ix.lower(m.tokenEnd + 1)) && this.usable(m)) return m;
        if (!this.ix.isPossessive(m) || !this.usable(m) || (m.mention.kind === 'pronoun' && m.entity.type !== 'Person')) return undefined;
        // "his £35bn savings", "Japan's $5bn surplus"; "halving GM's stake to 10%"
        const next = m.tokenEnd + (m.mention.kind === 'pronoun' ? 0 : 1);
        return next === at || FIGURE_NOUNS.has(this.ix.lower(next)) ? m : undefined;
      }
      if (!/^\p{Ll}/u.test(w)) return undefined;
      if (w === 'with') {
        const before = this.ix.word(j - 1) === ',' ? j - 2 : j - 1;
        const m = this.ix.mentionEndingAt(before) ?? this.subjectOfShortClause(j, sentenceStart);
        return m && this.usable(m) && !this.ix.afterPreposition(m) ? m : 'none';
      }
      if (w === 'of' && (OTHERS.has(this.ix.lower(j - 1)) || EXPECTATIONS.has(this.ix.lower(j - 1)))) return 'none';
      // plain words only between: "sales of about", "capitalisations below"
      if (!/^\p{Ll}+$/u.test(w)) return undefined;
    }
    return undefined;
  }

  /**
   * "the US was ahead with 20.5% and China came second with 19.2%": the name that opens a short
   * clause (a verb and at most two more lower-case words) ending in "with".
   */
  private subjectOfShortClause(withAt: number, sentenceStart: number): MentionRef | undefined {
    let verb = false;
    for (let k = withAt - 1; k >= sentenceStart && withAt - k <= 3; k--) {
      const m = this.ix.mentionEndingAt(k);
      if (m) {
        const open = DETERMINERS.has(this.ix.lower(m.tokenStart - 1)) ? m.tokenStart - 2 : m.tokenStart - 1;
        const opens = open < sentenceStart || /^(?:,|and|but|while|whereas)$/.test(this.ix.lower(open));
        return verb && opens && !this.ix.isPossessive(m) && m.mention.kind === 'name' ? m : undefined;
      }
      const w = this.ix.lower(k);
      if (!/^\p{Ll}+$/u.test(w) || PREPOSITIONS.has(w) || DETERMINERS.has(w)) return undefined;
      if (this.isVerb(k) || SHORT_CLAUSE_VERBS.has(w)) verb = true;
    }
    return undefined;
  }

  /**
   * "compared with 18.6% for the US", "growth of 3% for Germany": a percentage is the share or
   * rate of the place or organization it is given for. Not money: "$5bn for Guidant" is a price paid.
   */
  private percentFor(after: number): MentionRef | undefined {
    if (this.ix.lower(after) !== 'for') return undefined;
    const k = DETERMINERS.has(this.ix.lower(after + 1)) ? after + 2 : after + 1;
    const m = this.ix.mentionStartingAt(k);
    return m && m.entity.type !== 'Person' && m.mention.kind === 'name' && !this.ix.isPossessive(m) && this.usable(m) ? m : undefined;
  }

  /** "£192,713 in England; £139,544 in Wales": a place right after the figure */
  private placeAfter(after: number, sentenceStart: number): MentionRef | undefined {
    if (this.ix.lower(after) !== 'in') return undefined;
    // not where a firm's shares trade: "Shares fell 1% to 510.75 pence in London"
    for (let k = sentenceStart; k < after; k++) if (COMPANY_FIGURES.has(this.ix.lower(k))) return undefined;
    const k = DETERMINERS.has(this.ix.lower(after + 1)) ? after + 2 : after + 1;
    const m = this.ix.mentionStartingAt(k);
    return m && m.entity.type === 'Place' && !this.ix.isPossessive(m) ? m : undefined;
  }

  /** "In London, …", "For Thailand, that figure is much lower at 0.1%": the place the sentence is about */
  private placeFrame(sentenceStart: number, at: number): MentionRef | undefined {
    if (!['in', 'for', 'across'].includes(this.ix.lower(sentenceStart))) return undefined;
    const k = DETERMINERS.has(this.ix.lower(sentenceStart + 1)) ? sentenceStart + 2 : sentenceStart + 1;
    const m = this.ix.mentionStartingAt(k);
    return m && m.entity.type === 'Place' && this.ix.word(m.tokenEnd) === ',' && m.tokenEnd < at ? m : undefined;
  }

  /**
   * "Despite making a record A$648m profit last year, Qantas has …": a quantity in an adverbial
   * clause that opens the sentence belongs to the main clause's subject.
   */
  private mainSubjectAfter(at: number, sentenceStart: number, sentenceEnd: number): MentionRef | undefined {
    if (!ADVERBIAL_OPENERS.has(this.ix.lower(sentenceStart))) return undefined;
    let comma = at;
    while (comma < sentenceEnd && this.ix.word(comma) !== ',') {
      if (/^[;:"“”]$/.test(this.ix.word(comma))) return undefined;
      comma++;
    }
    for (let k = sentenceStart; k < at; k++) if (this.ix.word(k) === ',' || this.ix.mentionAt(k)) return undefined;
    const own = this.subjectIn(comma + 1, Math.min(sentenceEnd, comma + 8));
    return own === 'none' ? undefined : own;
  }

  /** whether an entity mention follows the quantity at `at` in its clause: "18.6% for the US" */
  private mentionAfter(at: number): boolean {
    const s = this.doc.sentences[this.ix.tokens[at].sentence];
    for (let k = at; k < s.tokenEnd; k++) {
      if (/^[,;:.]$/.test(this.ix.word(k))) return false;
      if (this.ix.mentionAt(k)) return true;
    }
    return false;
  }

  /**
   * The owner for a quantity at token `at`, from the clause that holds it outwards; null when the
   * clause's subject is something else ("US crude prices have soared to … $53").
   */
  private ownerBefore(at: number, sentenceStart: number): MentionRef | null | undefined {
    let end = at;
    for (let guard = 0; guard < 8; guard++) {
      const seg = this.segmentBefore(end, sentenceStart);
      if (!seg) return undefined;
      const own = this.subjectIn(seg.from, end);
      if (own === 'none') {
        // the clause has a subject of its own, which is no entity ("the dollar fell 1%"); an
        // apposition between dashes or brackets is passed over ("Federated - owner of Macy's - will")
        if (seg.boundary !== 'relative' && seg.boundary !== 'soft') return null;
      } else if (own) return own;
      switch (seg.boundary) {
        case 'start':
          return undefined;
        case 'relative': {
          // "Allied Domecq, which has a capitalisation of £5.7bn": the antecedent
          // "Kraft Foods, which it owes $15.1m": the relative is the object, the figure the subject's
          const relative = this.ix.lower(seg.opener);
          const next = this.ix.lower(seg.opener + 1);
          if ((relative === 'which' || relative === 'who') && (SUBJECT_PRONOUNS.has(next) || DETERMINERS.has(next))) return null;
          let k = seg.opener - 1;
          if (/^[,(–—-]$/.test(this.ix.word(k))) k--;
          // "The firm, which is to receive a payment of £24.5m": the firm the text is about
          if (this.selfReference(k - 1) && !this.ix.mentionAt(k)) return this.recentFirm(k) ?? null;
          const antecedent = this.ix.mentionEndingAt(k);
          // "Gustafson and Joseph Palombo, who paid penalties of $50-100,000": several
          return antecedent && this.usable(antecedent) && !this.coordinated(antecedent) ? antecedent : null;
        }
        case 'hard': {
          // "…, while revenues grew 6.4%": a firm's figure noun is the subject's own figure; "Nippon
          // Steel slid after it agreed to pay 72% more": "it" is the subject of the clause before
          const first = this.ix.lower(seg.from);
          const pronoun = (first === 'it' || first === 'they') && !this.ix.mentionAt(seg.from) && !BE.has(this.ix.lower(seg.from + 1));
          // a firm's own figures, not "…, and tax was a crucial area for 25%"
          if (!pronoun && this.figureSubject(seg.from, end) !== 'company') return undefined;
          break;
        }
        case 'report': {
          // "TimeWarner said fourth quarter sales rose 2%", "… said that it now owns 8%": the
          // reporter's own figures; not "Halifax said prices rose 15.1%", nor "Ernst & Young
          // claimed revenues were £6bn below estimates"
          const first = this.ix.lower(seg.from);
          const pronoun = first === 'it' || first === 'they' || first === 'its' || first === 'their' || (first === 'the' && SELF_DESCRIPTIONS.has(this.ix.lower(seg.from + 1)));
          const ownFigures = this.figureSubject(seg.from, end) === 'company' && PLAIN_REPORTING.has(this.reportingVerb(seg.opener));
          if (!pronoun && !ownFigures && this.hasWords(seg.from, end)) return null;
          const reporter = this.reporterBefore(seg.opener, sentenceStart);
          return reporter && (reporter.entity.type === 'Organization' || pronoun) ? reporter : undefined;
        }
        case 'soft':
          break;
      }
      end = seg.opener;
    }
    return undefined;
  }

  /** the reporting verb a report boundary opens with: "said" for "said that" */
  private reportingVerb(opener: number): string {
    const w = this.ix.lower(opener);
    return w === 'that' ? this.ix.lower(opener - 1) : w;
  }

  /** The subject of the reporting clause before `opener` ("Time Warner said on Friday that …"). */
  private reporterBefore(opener: number, sentenceStart: number): MentionRef | undefined {
    let end = opener;
    for (let guard = 0; guard < 3; guard++) {
      const seg = this.segmentBefore(end, sentenceStart);
      if (!seg) return undefined;
      const own = this.subjectIn(seg.from, end);
      if (own === 'none') return undefined;
      if (own) return own;
      if (seg.boundary !== 'report') return undefined;
      end = seg.opener;
    }
    return undefined;
  }

  /** The clause ending at `end`: back to the nearest boundary in the sentence. */
  private segmentBefore(end: number, sentenceStart: number): Segment | undefined {
    let depth = 0;
    for (let k = end - 1; k >= sentenceStart; k--) {
      const w = this.ix.lower(k);
      if (w === ')') depth++;
      else if (w === '(') {
        if (depth > 0) depth--;
        else return { from: k + 1, boundary: 'soft', opener: k };
      }
      if (depth > 0) continue;
      // "When WorldCom finally collapsed, shareholders lost about $180bn": the main clause starts after the comma
      // "According to a filing with the SEC, Nasdaq plans to raise $100m": so does a source's phrase
      const opener = this.ix.lower(sentenceStart);
      if (w === ',' && (SUBORDINATORS.has(opener) || opener === 'according') && !this.commaIn(sentenceStart, k)) return { from: k + 1, boundary: 'hard', opener: k };
      if (w === ';' || w === ':' || w === '"' || w === '“' || w === '”') return k + 1 < end ? { from: k + 1, boundary: 'hard', opener: k } : undefined;
      if (this.isDash(k)) {
        // "Federated - owner of Macy's and Bloomingdale's - will assume $6bn": the apposition between
        // two dashes is passed over like brackets
        let open = k - 1;
        while (open >= sentenceStart && !this.isDash(open)) open--;
        if (open >= sentenceStart) {
          k = open;
          continue;
        }
        return { from: k + 1, boundary: 'soft', opener: k };
      }
      if (RELATIVE_OPENERS.has(w) && (/^[,(–—-]$/.test(this.ix.word(k - 1)) || this.ix.mentionEndingAt(k - 1))) return { from: k + 1, boundary: 'relative', opener: k };
      if (this.reports(k)) return { from: k + 1, boundary: 'report', opener: k };
      // "said that …", "figures showing that …"
      if (w === 'that' && k > sentenceStart && !DETERMINERS.has(this.ix.lower(k - 1)) && !this.ix.mentionEndingAt(k - 1)) {
        return { from: k + 1, boundary: 'report', opener: k };
      }
      // "…, compared with 18.6% for the US", "below the African average of 4%": another's figure;
      // "up 27% from $639m", "more than 90%" are the same owner's
      if (COMPARISONS.has(w)) {
        if (this.hasWords(k + 1, end) || this.mentionAfter(end)) return undefined;
        continue;
      }
      // not "by as much as 50%", "as well as"
      const comparative = w === 'as' && (AS_WORDS.has(this.ix.lower(k - 1)) || AS_WORDS.has(this.ix.lower(k + 1)));
      if (CLAUSE_OPENERS.has(w) && !comparative && (this.ix.word(k - 1) === ',' || w !== 'and')) {
        // "and" joins clauses only after a comma or when a subject follows: "1.2% and Allied rose"
        return { from: k + 1, boundary: 'hard', opener: k };
      }
      if (w === 'and' && this.ix.mentionStartingAt(k + 1)) return { from: k + 1, boundary: 'hard', opener: k };
    }
    return { from: sentenceStart, boundary: 'start', opener: sentenceStart };
  }

  /**
   * The subject of the clause [from, to): an entity mention that is not governed by a preposition
   * (unless it completes a figure noun: "shares in X"), before any verb; the head name of a
   * premodified one ("UK drinks firm Allied Domecq"). 'none' when the clause opens with a subject
   * that is no entity.
   */
  private subjectIn(from: number, to: number): MentionRef | 'none' | undefined {
    let sawNoun = false;
    let skippedPP = false;
    for (let k = from; k < to; k++) {
      const w = this.ix.lower(k);
      const ref = this.ix.mentionStartingAt(k);
      if (ref) {
        const prep = this.governingPreposition(ref, from);
        const coordinated = skippedPP && (this.ix.lower(k - 1) === 'and' || this.ix.lower(k - 1) === 'or');
        if (coordinated || (prep >= 0 && (!FIGURE_NOUNS.has(this.ix.lower(prep - 1)) || !['in', 'at', 'of', 'for'].includes(this.ix.lower(prep))))) {
          // "owner of Macy's and Bloomingdale's", "than Allied Domecq"
          skippedPP = true;
          k = ref.tokenEnd - 1;
          continue;
        }
        skippedPP = false;
        const named = this.headOf(ref, to);
        // a possessor owns the figure it qualifies ("China's economy"), not its owner or boss ("Macy's owner")
        if (this.ix.isPossessive(named)) {
          const next = named.tokenEnd + (named.mention.kind === 'pronoun' ? 0 : 1);
          // "Dr Reddy's fell 93%": a name ending in 's, followed by its verb
          if (!this.figureSubject(next, to) && !(named.mention.kind === 'name' && this.isVerb(next))) {
            sawNoun = true;
            k = named.tokenEnd - 1;
            continue;
          }
        }
        // "The Jacksonville, Florida-based firm", "EU rules set compensation", "The ODPM data showed":
        // a name qualifying the subject
        if (!this.ix.isPossessive(named) && (SOURCE_NOUNS.has(this.ix.lower(named.tokenEnd)) || (named.entity.type === 'Place' && this.placeModifier(named, to)))) return 'none';
        // "Delta, Continental and American Airlines all falling by more than 7%": a figure of several
        if (this.coordinated(named)) return 'none';
        if (this.usable(named)) {
          if (this.otherFigureBetween(named.tokenEnd, to)) return 'none';
          return this.controlledObject(named.tokenEnd, to) ?? named;
        }
        k = named.tokenEnd - 1;
        continue;
      }
      if (this.ix.mentionAt(k)) continue;
      // "The firm said its profits …", "The company is 85% owned by …": the firm the text is about
      if (!sawNoun && this.selfReference(k)) {
        const firm = this.recentFirm(k);
        if (firm) return firm;
      }
      // "The government will pump 154m naira", "The country saw $1.2bn": the country the article is about
      if (!sawNoun && w === 'the' && COUNTRY_NOUNS.has(this.ix.lower(k + 1)) && this.ix.lower(k + 2) !== 'of') {
        const actor = this.controlledObject(k + 2, to) ?? this.recentCountry(k) ?? this.articleCountry();
        if (actor) return actor;
      }
      // "the South African economy grew", "the French government is to hand …": the country, when the article names it
      const demonym = this.ix.demonymAt(k, to);
      if (demonym && demonym.countries.length === 1 && (this.figureSubject(k + demonym.length, to) || GOVERNMENT_WORDS.has(this.ix.lower(k + demonym.length)))) {
        const place = this.ix.placeForCountry(demonym.countries[0]);
        const mention = place && this.ix.refs.find((r) => r.entity === place);
        if (mention) return mention;
      }
      if (this.isVerb(k)) {
        // the verb: a subject noun before it that is no entity owns the clause, unless it is a
        // figure with no owner named ("In London, …, annual inflation rose to 7.1%")
        return sawNoun && !FIGURE_NOUNS.has(this.ix.lower(k - 1)) ? 'none' : undefined;
      }
      // an unresolved pronoun is no subject noun: the clause's owner is sought around it
      if (/^\p{L}/u.test(w) && !DETERMINERS.has(w) && !PREPOSITIONS.has(w) && !FIGURE_NOUNS.has(w) && !SUBJECT_PRONOUNS.has(w) && !/^(?:its|their|his|her)$/.test(w)) sawNoun = true;
    }
    return undefined;
  }

  /**
   * The country an article is about: the country named most, at least twice and more than twice as
   * often as any other (its first mention stands for it).
   */
  private articleCountry(): MentionRef | undefined {
    if (this.country === undefined) {
      this.country = null;
      const counts = this.doc.entities
        .filter((e) => this.ix.countryOf(e) !== undefined)
        .map((e) => ({ e, n: e.mentions.length }))
        .sort((a, b) => b.n - a.n);
      const [top, second] = counts;
      if (top && top.n >= 2 && (!second || top.n > 2 * second.n)) this.country = this.ix.refs.find((r) => r.entity === top.e) ?? null;
    }
    return this.country ?? undefined;
  }

  /** The one country named in the sentence before `k` ("… cocoa from Ghana. The country saw …"), if only one is. */
  private recentCountry(k: number): MentionRef | undefined {
    const si = this.ix.tokens[k].sentence;
    if (si === 0) return undefined;
    const from = this.doc.sentences[si - 1].tokenStart;
    let found: MentionRef | undefined;
    for (const ref of this.ix.refs) {
      if (ref.tokenStart >= k) break;
      if (ref.tokenStart < from || this.ix.countryOf(ref.entity) === undefined) continue;
      if (found && found.entity !== ref.entity) return undefined;
      found ??= ref;
    }
    return found;
  }

  /** an unresolved "its" (before a figure) or "the company" opening a subject */
  private selfReference(k: number): boolean {
    // not a bare "it", too often a deal or a figure ("It was made up of $250m …")
    const w = this.ix.lower(k);
    if (w === 'its') return FIGURE_NOUNS.has(this.ix.lower(k + 1)) || FIGURE_NOUNS.has(this.ix.lower(k + 2));
    // "It is also paying $500,000", "It has cut 900 jobs": a sentence's "it" that acts
    if (w === 'it') return (k === 0 || this.ix.tokens[k - 1].sentence !== this.ix.tokens[k].sentence) && this.acts(k + 1);
    if (w !== 'the') return false;
    // "the firm", "The Jacksonville, Florida-based firm"
    for (let j = k + 1; j <= k + 5; j++) {
      const next = this.ix.lower(j);
      if (SELF_DESCRIPTIONS.has(next)) return !this.ix.mentionAt(j);
      if (!(this.ix.mentionAt(j) || next === ',' || /-based$/.test(next))) return false;
    }
    return false;
  }

  /**
   * Whether the verb phrase from `k` tells of an act: a progressive ("is paying"), a perfect ("has
   * cut", not "has been"), a modal with a verb ("will pay", not "will be") or a finite verb ("paid",
   * "owns"); not a copula ("It was a 5% rise", "It was made up of $250m").
   */
  private acts(k: number): boolean {
    const adverb = (j: number): boolean => /^(?:also|now|still|already|then|recently|not|n't)$/.test(this.ix.lower(j));
    while (adverb(k)) k++;
    const w = this.ix.lower(k);
    let n = k + 1;
    while (adverb(n)) n++;
    const next = this.ix.lower(n);
    if (BE.has(w)) return /^\p{Ll}{3,}ing$/u.test(next);
    if (w === 'has' || w === 'had' || w === 'have') return next !== 'been' && /^\p{Ll}+$/u.test(next);
    if (/^(?:will|would|could|can|may|might|must|should)$/.test(w)) return next !== 'be' && /^\p{Ll}+$/u.test(next);
    return /^\p{Ll}{2,}(?:ed|s)$/u.test(w) && !/(?:ss|us)$/.test(w);
  }

  /**
   * The firm an unresolved "the company" or "its" most likely is: the first organization named, not
   * in a prepositional phrase, in the sentence before (or the one before that, when it names none),
   * and named more than once in the article.
   */
  private recentFirm(k: number): MentionRef | undefined {
    const si = this.ix.tokens[k].sentence;
    // not a name earlier in the same sentence: "… Kraft Foods, which it owes $15.1m"
    for (let back = si - 1; back >= Math.max(0, si - 2); back--) {
      const s = this.doc.sentences[back];
      for (const ref of this.ix.refs) {
        if (ref.tokenStart >= s.tokenEnd) break;
        if (ref.tokenStart < s.tokenStart || ref.entity.type !== 'Organization' || ref.mention.kind !== 'name' || ref.entity.mentions.length < 2 || !this.usable(ref)) continue;
        if (this.governingPreposition(ref, s.tokenStart) >= 0 || this.ix.isPossessive(ref)) continue;
        return ref;
      }
    }
    return undefined;
  }

  /** whether the mention is one of a list of names: "Delta, Continental and American Airlines" */
  private coordinated(ref: MentionRef): boolean {
    const after = this.ix.lower(ref.tokenEnd);
    if (after === 'or' && this.ix.mentionStartingAt(ref.tokenEnd + 1)) return true;
    if (after === 'all' || after === 'both') return true;
    let b = ref.tokenStart - 1;
    if (DETERMINERS.has(this.ix.lower(b))) b--;
    const before = this.ix.lower(b);
    if (after === ',' || after === 'and') {
      const d = DETERMINERS.has(this.ix.lower(ref.tokenEnd + 1)) ? 2 : 1;
      if (this.ix.mentionStartingAt(ref.tokenEnd + d)) return true;
    }
    // the last of a list ("… and American Airlines"); a comma alone may close a phrase ("In Europe, Arcelor")
    return (before === 'and' || before === 'or') && !!this.ix.mentionEndingAt(b - 1);
  }

  /**
   * Whether a place name qualifies a noun that is the subject ("EU rules set …", "a Florida-based
   * firm") rather than being the subject or owning the figure noun after it ("US exports rose").
   */
  private placeModifier(ref: MentionRef, to: number): boolean {
    let k = ref.tokenEnd;
    if (this.ix.word(k) === ',' && this.ix.mentionStartingAt(k + 1)) k = this.ix.mentionStartingAt(k + 1)!.tokenEnd;
    if (/^[\p{L}-]*-based$/u.test(this.ix.word(k)) || (this.ix.word(k) === ',' && /-based$/.test(this.ix.word(k + 1)))) return true;
    // "A US defence and telecommunications company", "The US division": a place qualifying a firm
    for (let j = k; j < Math.min(to, k + 5); j++) {
      const w = this.ix.lower(j);
      if (FIRM_NOUNS.has(w)) return true;
      if (!/^\p{Ll}[\p{L}-]*$/u.test(w) || this.isVerb(j) || DETERMINERS.has(w) || PREPOSITIONS.has(w)) break;
    }
    const w1 = this.ix.lower(k);
    const w2 = this.ix.lower(k + 1);
    const plainWord = (w: string): boolean => /^\p{Ll}[\p{L}-]*$/u.test(w) && !DETERMINERS.has(w) && !PREPOSITIONS.has(w) && !AUXILIARIES.has(w) && !SUBJECT_PRONOUNS.has(w) && w !== 'to' && w !== 'and';
    // a noun follows when the next two words are plain words: "rules set", not "remains at", "has raised"
    if (k + 1 >= to || !plainWord(w1) || !plainWord(w2) || this.isVerb(k) || /ly$/.test(w1) || w1 === 'already') return false;
    for (let j = k; j < Math.min(to, k + 3); j++) if (FIGURE_NOUNS.has(this.ix.lower(j))) return false;
    return true;
  }

  /** "US media giant TimeWarner": a name followed by lower-case words and a name is a premodifier of the second */
  private headOf(ref: MentionRef, to: number): MentionRef {
    if (this.ix.isPossessive(ref)) return ref;
    for (let k = ref.tokenEnd; k < Math.min(to, ref.tokenEnd + 5); k++) {
      const next = this.ix.mentionStartingAt(k);
      if (next) return k > ref.tokenEnd ? next : ref;
      const w = this.ix.word(k);
      if (!/^\p{Ll}[\p{L}-]*$/u.test(w) || PREPOSITIONS.has(w) || AUXILIARIES.has(w) || DETERMINERS.has(w) || w === 'and' || w.endsWith('ed')) return ref;
    }
    return ref;
  }

  /**
   * The preposition before a mention, across determiners and up to three lower-case modifiers
   * ("under turnaround expert Enrico Bondi", "to statistics body INSEE"), or -1.
   */
  private governingPreposition(ref: MentionRef, from: number): number {
    let k = ref.tokenStart - 1;
    // preposition, determiner, modifiers, name
    for (let modifiers = 0; k >= from && modifiers < 3; k--, modifiers++) {
      const w = this.ix.word(k);
      if (DETERMINERS.has(w) || PREPOSITIONS.has(w) || !/^\p{Ll}[\p{L}-]*$/u.test(w) || this.isVerb(k)) break;
    }
    if (k >= from && DETERMINERS.has(this.ix.lower(k))) k--;
    return k >= from && PREPOSITIONS.has(this.ix.lower(k)) ? k : -1;
  }

  /** a verb, as far as shallow cues tell: an auxiliary, a reporting verb, a past form in -ed */
  private isVerb(k: number): boolean {
    const w = this.ix.lower(k);
    return AUXILIARIES.has(w) || FIGURE_VERBS.has(w) || this.reports(k) || (/^\p{Ll}{3,}ed$/u.test(w) && !FIGURE_NOUNS.has(w));
  }

  /** whether a mention can own a figure: not a stock index */
  private usable(ref: MentionRef): boolean {
    if (INDEX_NAME_RE.test(ref.entity.name) || INDEX_NAME_RE.test(ref.mention.text)) return false;
    return !INDEX_NOUNS.has(this.ix.lower(ref.tokenEnd));
  }

  /**
   * The figure noun a clause opens with ("while revenues grew", "and its profits rose", "fourth
   * quarter sales"): 'company' for a firm's own figures, 'general' for others; undefined when the
   * clause opens otherwise.
   */
  private figureSubject(from: number, to: number): 'company' | 'general' | undefined {
    for (let k = from; k < Math.min(to, from + 5); k++) {
      const w = this.ix.lower(k);
      if (w === 'its' || w === 'their' || w === 'the' || !/^\p{L}/u.test(w)) continue;
      if (FIGURE_NOUNS.has(w)) return COMPANY_FIGURES.has(w) ? 'company' : 'general';
      if (this.ix.mentionAt(k) || DETERMINERS.has(w) || AUXILIARIES.has(w) || PREPOSITIONS.has(w) || w.endsWith('ed')) return undefined;
      // modifiers before the noun: "operating profits", "fourth quarter sales"
      if (!/^\p{Ll}/u.test(w)) return undefined;
    }
    return undefined;
  }

  /**
   * Between the subject and the quantity, what makes the figure another's: an agent ("Rosneft
   * bought the unit … in a sale forced by Russia to part settle a $27.5bn claim") or a limit set
   * for others ("India has raised the limit for foreign investment from 49% to 74%").
   */
  private otherFigureBetween(from: number, to: number): boolean {
    for (let k = from; k < to - 1; k++) {
      if (NOT_OWN_FIGURES.has(this.ix.lower(k))) return true;
      if (this.ix.lower(k) === 'by' && this.isVerb(k - 1) && this.ix.mentionAt(k + 1)) return true;
    }
    return false;
  }

  /** whether a comma stands in [from, to) */
  private commaIn(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.ix.word(k) === ',') return true;
    return false;
  }

  /** "The SEC had accused Titan of illegally paying $2.1m": the object does what follows */
  private controlledObject(from: number, to: number): MentionRef | undefined {
    for (let k = from; k < to - 2; k++) {
      if (!CONTROL_VERBS.has(this.ix.lower(k))) continue;
      const m = this.ix.mentionStartingAt(DETERMINERS.has(this.ix.lower(k + 1)) ? k + 2 : k + 1);
      const next = m ? this.ix.lower(m.tokenEnd) : '';
      if (m && !this.ix.isPossessive(m) && this.usable(m) && (next === 'to' || (next === 'of' && this.ix.lower(k) !== 'for'))) return m;
    }
    return undefined;
  }

  /** a dash set off by spaces: " - ", " – " */
  private isDash(k: number): boolean {
    const w = this.ix.word(k);
    return (w === '-' || w === '–' || w === '—') && k > 0 && this.ix.tokens[k].start > this.ix.tokens[k - 1].end;
  }

  /** a verb reporting a clause: "said", "expects" — not "added up to", "is forecast to grow" */
  private reports(k: number): boolean {
    if (!REPORTING.has(this.ix.lower(k))) return false;
    const next = this.ix.lower(k + 1);
    const prev = this.ix.lower(k - 1);
    // a noun: "according to forecasts from", "the forecast"
    if (DETERMINERS.has(prev) || PREPOSITIONS.has(prev) || this.ix.isPossessiveClitic(k - 1)) return false;
    // "is forecast to grow" is passive; "has forecast that" reports; "showed the highest rate" has an object
    if (SHOW_VERBS.has(this.ix.lower(k)) && (DETERMINERS.has(next) || next === 'signs')) return false;
    return next !== 'up' && next !== 'to' && next !== 'by' && !BE.has(prev);
  }

  /** whether [from, to) holds a word (not only punctuation and numbers) */
  private hasWords(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (/^\p{L}/u.test(this.ix.word(k))) return true;
    return false;
  }
}
