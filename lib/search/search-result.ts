/**
 * One search result as the browser receives it. A plain type, not a schema: the search box
 * ships no zod, and the server is the only one that makes these.
 */
export interface SearchResult {
  kind: 'api' | 'operation' | 'schema' | 'guide';
  /** An API's or guide's name, an operation's `METHOD /path`, a schema's name. */
  title: string;
  /** A line about it: a description or an operation's summary. */
  detail?: string;
  /** The API an operation or schema belongs to. */
  context?: string;
  href: string;
}

export interface SearchAnswer {
  results: SearchResult[];
}
