import { Alert } from '../ui/alert';

export function RangeWarning({ error }: { error?: string }) {
  if (!error) return null;
  return (
    <Alert tone="warning" title="Showing the last 30 days instead">
      {error}
    </Alert>
  );
}

export function UsageLoadError() {
  return (
    <Alert tone="error" title="Usage could not be loaded">
      API Gateway did not answer as expected. This is usually brief: reload the page in a moment.
    </Alert>
  );
}
