'use client';

import { SegmentError, type ErrorBoundaryProps } from '@/components/ui/segment-error';

export default function CatalogError(props: ErrorBoundaryProps) {
  return (
    <SegmentError {...props} title="The API catalog could not be loaded">
      API Gateway did not answer as expected. This is usually brief: try again in a moment.
    </SegmentError>
  );
}
