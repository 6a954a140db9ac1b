/** Namespace of the project vocabulary (schemas/vocab.jsonld). */
export const PROJECT_NAMESPACE = 'https://news-facts.org/vocab#';
