import type { Audience } from '@/lib/audiences/audience';
import { audienceGroupField } from '@/lib/audiences/form-fields';

type AudienceFieldsProps = {
  /** Makes the inputs' ids unique when several forms share a page. */
  idPrefix: string;
  audience: Audience;
  /** Every named audience an admin can choose from. */
  audiences: { id: string; name: string }[];
};

const kinds = [
  { value: 'public', label: 'Everyone, signed in or not' },
  { value: 'signed-in', label: 'Signed-in customers' },
  { value: 'groups', label: 'Only the audiences ticked below' },
] as const;

/** Who sees an API or a plan. Anyone else gets a 404 wherever it would appear. */
export function AudienceFields({ idPrefix, audience, audiences }: AudienceFieldsProps) {
  const ticked = audience.kind === 'groups' ? audience.groups : [];
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium">Who sees it</legend>
      {kinds.map((kind) => (
        <label key={kind.value} className="flex items-center gap-2">
          <input
            type="radio"
            name="audience"
            value={kind.value}
            defaultChecked={audience.kind === kind.value}
            className="size-4 accent-indigo-600"
          />
          {kind.label}
        </label>
      ))}
      {audiences.length > 0 ? (
        <ul aria-label="Audiences" className="ml-6 flex flex-wrap gap-x-4 gap-y-1">
          {audiences.map((named) => (
            <li key={named.id}>
              <label htmlFor={`${idPrefix}-${named.id}`} className="flex items-center gap-2">
                <input
                  id={`${idPrefix}-${named.id}`}
                  type="checkbox"
                  name={audienceGroupField(named.id)}
                  defaultChecked={ticked.includes(named.id)}
                  className="size-4 accent-indigo-600"
                />
                {named.name}
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ml-6 text-xs text-slate-500 dark:text-slate-400">
          No audiences yet: create them under Admin › Audiences.
        </p>
      )}
    </fieldset>
  );
}
