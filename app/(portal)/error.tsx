'use client';

import { SegmentError, type ErrorBoundaryProps } from '@/components/ui/segment-error';

export default function PortalError(props: ErrorBoundaryProps) {
  return (
    <SegmentError {...props} title="This page could not be shown">
      Your keys and plans are safe; the portal could not read them just now. This is usually brief:
      try again in a moment.
    </SegmentError>
  );
}
