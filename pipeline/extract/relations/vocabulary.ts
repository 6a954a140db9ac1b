/**
 * Predicates the relation extractor writes. schema.org properties are used where one exists;
 * the rest are project terms (namespace "nf:"), defined here so the dataset is self-describing.
 */

export interface RelationTerm {
  term: string;
  label: string;
  comment: string;
  /** the schema.org property IRI, or null for a project term with no schema.org equivalent */
  schemaOrg: string | null;
  /** predicate of the inverse relation the extractor also writes, if any */
  inverse?: string;
  /** what the object is: an entity (objectEntity) or a literal (objectValue) */
  object: 'entity' | 'literal' | 'entity-or-literal';
}

export const RELATION_VOCABULARY: readonly RelationTerm[] = [
  {
    term: 'jobTitle',
    label: 'job title',
    comment: 'Office, rank or job the article gives the person, from a pre-name title ("President Vladimir Putin"), an apposition ("Tim Cook, Apple\'s chief executive") or a coreferent description. Former offices are not recorded.',
    schemaOrg: 'https://schema.org/jobTitle',
    object: 'literal',
  },
  {
    term: 'nationality',
    label: 'nationality',
    comment: 'Country of citizenship stated by a demonym before the person\'s name or title ("Russian President") or in an apposition ("a Russian-Israeli man"); the object is the article\'s Place entity for the country, else the country name.',
    schemaOrg: 'https://schema.org/nationality',
    object: 'entity-or-literal',
  },
  {
    term: 'parent',
    label: 'parent',
    comment: 'The object is a parent of the subject ("his father, Vitali Trupanov").',
    schemaOrg: 'https://schema.org/parent',
    inverse: 'children',
    object: 'entity',
  },
  {
    term: 'children',
    label: 'child',
    comment: 'The object is a child of the subject ("her son Daniel").',
    schemaOrg: 'https://schema.org/children',
    inverse: 'parent',
    object: 'entity',
  },
  {
    term: 'spouse',
    label: 'spouse',
    comment: 'The object is the subject\'s wife or husband (symmetric; a widow/widower counts).',
    schemaOrg: 'https://schema.org/spouse',
    inverse: 'spouse',
    object: 'entity',
  },
  {
    term: 'sibling',
    label: 'sibling',
    comment: 'The object is a brother or sister of the subject (symmetric).',
    schemaOrg: 'https://schema.org/sibling',
    inverse: 'sibling',
    object: 'entity',
  },
  {
    term: 'relatedTo',
    label: 'related to',
    comment: 'Other family ties: grandparents, uncles, cousins, in-laws (symmetric).',
    schemaOrg: 'https://schema.org/relatedTo',
    inverse: 'relatedTo',
    object: 'entity',
  },
  {
    term: 'worksFor',
    label: 'works for',
    comment: 'The person holds a job at the organization ("Kremlin spokesman Dmitry Peskov", "X, a spokesman for Y", "Apple\'s chief executive").',
    schemaOrg: 'https://schema.org/worksFor',
    object: 'entity',
  },
  {
    term: 'memberOf',
    label: 'member of',
    comment: 'The person is a member or leader of the organization ("a member of Hamas", "Hamas leader Yahya Sinwar").',
    schemaOrg: 'https://schema.org/memberOf',
    object: 'entity',
  },
  {
    term: 'affiliation',
    label: 'affiliation',
    comment: 'A looser tie to an organization stated by a possessive without a job noun ("Apple\'s Tim Cook").',
    schemaOrg: 'https://schema.org/affiliation',
    object: 'entity',
  },
  {
    term: 'age',
    label: 'age',
    comment: 'Age in years at the time of the article ("29-year-old Alexander Trufanov", "Maxim Herkin, 35"), from the quantity layer. schema.org has only birthDate, which an age does not determine.',
    schemaOrg: null,
    object: 'literal',
  },
];
