/** URL-safe, readable identifiers for APIs: `Weather API (v2)` → `weather-api-v2`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'api';
}

/**
 * Gives each item a distinct slug: the plain one when it is unique, otherwise with the
 * qualifier appended (`weather-prod`, `weather-beta`), then a counter as a last resort. Slugs in
 * `reserved` (chosen by an admin) are never given out.
 */
export function uniqueSlugs<T>(
  items: T[],
  base: (item: T) => string,
  qualifier: (item: T) => string,
  reserved: Iterable<string> = [],
): string[] {
  const counts = new Map<string, number>();
  for (const item of items)
    counts.set(slugify(base(item)), (counts.get(slugify(base(item))) ?? 0) + 1);
  const taken = new Set<string>(reserved);
  return items.map((item) => {
    const plain = slugify(base(item));
    let slug =
      counts.get(plain) === 1 && !taken.has(plain)
        ? plain
        : slugify(`${base(item)} ${qualifier(item)}`);
    for (let n = 2; taken.has(slug); n += 1)
      slug = `${slugify(`${base(item)} ${qualifier(item)}`)}-${n}`;
    taken.add(slug);
    return slug;
  });
}
