import { forbidden } from 'next/navigation';

/**
 * The proxy rewrites signed-in non-admins here from /admin/…, and this answers 403 with
 * app/forbidden.tsx. It sits outside (auth): a loading boundary above it would start streaming
 * with a 200 before forbidden() could set the status.
 */
export default function AccessDeniedPage() {
  forbidden();
}
