import 'server-only';
import { headers } from 'next/headers';

/** The current request's headers as a reader, for the attempt limits. */
export async function requestHeaders(): Promise<(name: string) => string | null> {
  const current = await headers();
  return (name) => current.get(name);
}
