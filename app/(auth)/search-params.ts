/** A page's search parameters as Next passes them (a promise since Next 15). */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of a parameter, or undefined. */
export function param(
  params: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}
