import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden(): requireAdmin answers signed-in non-admins with a real 403 (app/forbidden.tsx).
  // Server actions accept up to 6 MB so an admin can upload a 5 MB OpenAPI spec (plus the
  // multipart envelope); the action itself refuses anything over 5 MB with a clear message.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '6mb' } },
  // The local stand-ins and their dependencies run beside Next, never inside it.
  serverExternalPackages: ['cognito-local', 'dynalite'],
  // Pages kept and served to many visitors carry a hash-based Content-Security-Policy.
  cacheHandler: fileURLToPath(new URL('./lib/security/static-csp-cache.mjs', import.meta.url)),
  // `npm run typecheck` checks the whole project (tests, bench, local/) before every test run
  // and in CI; checking again inside `next build` would only repeat it for the app's files.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
