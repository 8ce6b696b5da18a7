import { inputClasses } from '../auth/text-field';
import { SecretForm } from './secret-form';
import { createEndpointAction } from '@/lib/webhooks/actions';

/** Register an endpoint: URL, a note for admins, and the event types it wants. */
export function EndpointForm({
  eventTypes,
  httpLocalhost,
}: {
  eventTypes: readonly string[];
  httpLocalhost: boolean;
}) {
  return (
    <SecretForm action={createEndpointAction} label="Add endpoint" pendingLabel="Checking the URL…">
      <label className="block text-sm">
        <span className="font-medium">Endpoint URL</span>
        <input
          name="url"
          type="url"
          required
          maxLength={2000}
          placeholder="https://hooks.example.com/portico"
          aria-describedby="endpoint-url-hint"
          className={`mt-1 ${inputClasses}`}
        />
        <span id="endpoint-url-hint" className="mt-1 block text-slate-600 dark:text-slate-400">
          https only{httpLocalhost ? ' (http://localhost is allowed in local mode)' : ''}; private
          and internal addresses are refused.
        </span>
      </label>
      <label className="block text-sm">
        <span className="font-medium">Description (optional)</span>
        <input name="description" maxLength={200} className={`mt-1 ${inputClasses}`} />
      </label>
      <fieldset className="text-sm">
        <legend className="font-medium">Events to send</legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {eventTypes.map((type) => (
            <label key={type} className="flex items-center gap-2">
              <input type="checkbox" name="eventTypes" value={type} className="size-4" />
              <code className="text-xs">{type}</code>
            </label>
          ))}
        </div>
      </fieldset>
    </SecretForm>
  );
}
