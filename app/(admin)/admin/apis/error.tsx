'use client';

import { SegmentError, type ErrorBoundaryProps } from '@/components/ui/segment-error';

export default function CatalogAdminError(props: ErrorBoundaryProps) {
  return (
    <SegmentError {...props} title="The APIs could not be loaded">
      API Gateway or the portal&apos;s table did not answer as expected. This is usually brief: try
      again in a moment.
    </SegmentError>
  );
}
