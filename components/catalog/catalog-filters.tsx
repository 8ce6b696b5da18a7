/** A GET form, so searching works without JavaScript and results have shareable URLs. */
export function CatalogFilters({
  q,
  plan,
  tag,
  plans,
  tags,
}: {
  q: string;
  plan: string;
  tag: string;
  plans: string[];
  tags: string[];
}) {
  const field =
    'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500';
  return (
    <form role="search" action="/apis" className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-56 flex-1 flex-col gap-1">
        <label htmlFor="catalog-q" className="text-sm font-medium">
          Search APIs
        </label>
        <input
          id="catalog-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Name, description, tag or plan"
          className={field}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="catalog-plan" className="text-sm font-medium">
          Plan
        </label>
        <select id="catalog-plan" name="plan" defaultValue={plan} className={field}>
          <option value="">Any plan</option>
          {plans.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {tags.length > 0 && (
        <div className="flex flex-col gap-1">
          <label htmlFor="catalog-tag" className="text-sm font-medium">
            Tag
          </label>
          <select id="catalog-tag" name="tag" defaultValue={tag} className={field}>
            <option value="">Any tag</option>
            {tags.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="submit"
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
      >
        Search
      </button>
    </form>
  );
}
