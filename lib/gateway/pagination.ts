/** One page of an API Gateway list: the SDK maps the wire's `item` to `items`. */
export interface Page<T> {
  items?: T[];
  position?: string;
}

/**
 * Follows `position` until the last page. API Gateway's lists are capped at 500 per call, so
 * one loop over pages (not over items) keeps calls to ⌈n/500⌉.
 */
export async function allPages<T>(
  fetchPage: (position: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let position: string | undefined;
  do {
    const page = await fetchPage(position);
    items.push(...(page.items ?? []));
    position = page.position || undefined;
  } while (position);
  return items;
}
