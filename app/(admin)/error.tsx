'use client';

import { SegmentError, type ErrorBoundaryProps } from '@/components/ui/segment-error';

/** Keeps the admin navigation on screen when one admin page fails. */
export default function AdminError(props: ErrorBoundaryProps) {
  return (
    <SegmentError {...props} title="This admin page could not be shown">
      API Gateway or the portal&apos;s table did not answer as expected. This is usually brief: try
      again in a moment.
    </SegmentError>
  );
}
