'use client';

import { withPayloadHash } from '@/lib/cloudfront/payload-hash';

// Installed as soon as the client bundle loads, before any form can be submitted.
if (typeof window !== 'undefined') {
  window.fetch = withPayloadHash(window.fetch.bind(window), window.location.origin);
}

/** Renders nothing: importing it installs the payload-hash header on same-origin requests. */
export function PayloadHash() {
  return null;
}
