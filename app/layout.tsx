import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { PayloadHash } from '@/components/payload-hash';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { ThemeScript } from '@/components/theme/theme-script';
import './globals.css';

export const metadata: Metadata = {
  title: { template: '%s · Portico', default: 'Portico · API developer portal' },
  description:
    'Browse the API catalog and docs, subscribe to a plan to get an API key, try endpoints and watch your usage.',
  applicationName: 'Portico',
  // Social cards need absolute URLs: the portal's own address where it is known at build time.
  ...(process.env.NEXTAUTH_URL ? { metadataBase: new URL(process.env.NEXTAUTH_URL) } : {}),
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '32x32' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
  openGraph: {
    siteName: 'Portico',
    type: 'website',
    images: [
      {
        url: '/social-card.png',
        width: 1200,
        height: 630,
        alt: 'Portico: API catalog, docs and keys for Amazon API Gateway',
      },
    ],
  },
  twitter: { card: 'summary_large_image', images: ['/social-card.png'] },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020618' },
  ],
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    // The theme script changes <html>'s class before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="flex min-h-dvh flex-col bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only rounded-md bg-indigo-600 font-semibold text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:px-4 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-10 focus:outline-none sm:px-6"
        >
          {children}
        </main>
        <SiteFooter />
        <PayloadHash />
      </body>
    </html>
  );
}
