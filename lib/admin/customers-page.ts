import 'server-only';
import { buildCustomerRows } from './customer-rows';
import {
  customersQuerySchema,
  queryCustomers,
  type CustomersPage,
  type CustomersQuery,
} from './customers-query';
import { loadDirectory } from './directory';
import { adminDeps } from './server-deps';

export interface CustomersView {
  query: CustomersQuery;
  /** Undefined when reading the read model failed: the page shows its error state. */
  result?: CustomersPage;
  plans: { id: string; name: string }[];
}

/** The customers list for the admin's search params, from the read model (DynamoDB only). */
export async function loadCustomersView(
  params: Record<string, string | string[] | undefined>,
): Promise<CustomersView> {
  const query = customersQuerySchema.parse(params);
  const deps = adminDeps();
  try {
    const directory = await loadDirectory(deps, { keys: 'owned' });
    return {
      query,
      result: queryCustomers(buildCustomerRows(directory, deps.now()), query),
      plans: directory.plans.map(({ id, name }) => ({ id, name })),
    };
  } catch (error) {
    console.error('[admin] customers list failed', error);
    return { query, plans: [] };
  }
}

/** The list's URL with some parameters changed (page links, sort headers). */
export function customersHref(query: CustomersQuery, change: Partial<CustomersQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(next)) {
    if (value === undefined || value === '') continue;
    if ((name === 'page' && value === 1) || (name === 'sort' && value === 'email')) continue;
    if (name === 'dir' && value === 'asc') continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `/admin/customers?${search}` : '/admin/customers';
}
