'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/server-action/result';
import type { CatalogSettings } from '@/lib/validation/catalog-settings';
import { AudienceFields } from '../audiences/audience-fields';
import { SubmitButton } from '../auth/submit-button';
import { Field, inputClass } from './field';
import { FormMessage } from './form-message';

type Action = (state: ActionResult, form: FormData) => Promise<ActionResult>;

type SettingsFormProps = {
  action: Action;
  entry: string;
  /** The API's own name and slug, shown as placeholders: an empty field keeps them. */
  own: { name: string; slug: string };
  settings: CatalogSettings;
  /** The named audiences an admin can limit the entry to. */
  audiences: { id: string; name: string }[];
};

/** Every catalog setting of one entry; empty fields fall back to what the API says itself. */
export function SettingsForm({ action, entry, own, settings, audiences }: SettingsFormProps) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const id = (name: string) => `${entry.replace(/[^a-z0-9]/gi, '-')}-${name}`;
  return (
    <form action={formAction} className="grid gap-4 md:grid-cols-2" aria-describedby={id('result')}>
      <input type="hidden" name="entry" value={entry} />
      <label className="flex items-center gap-2 text-sm font-medium md:col-span-2">
        <input
          type="checkbox"
          name="published"
          defaultChecked={settings.published}
          className="size-4 accent-indigo-600"
        />
        Published (listed in the catalog, docs readable)
      </label>
      <Field id={id('name')} label="Display name" hint="Empty: the API's own name.">
        {(describedBy) => (
          <input
            id={id('name')}
            name="displayName"
            defaultValue={settings.displayName ?? ''}
            placeholder={own.name}
            maxLength={80}
            aria-describedby={describedBy}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id={id('slug')}
        label="Slug"
        hint="The docs address /apis/<slug>: lowercase letters, digits and hyphens. Empty: generated."
      >
        {(describedBy) => (
          <input
            id={id('slug')}
            name="slug"
            defaultValue={settings.slug ?? ''}
            placeholder={own.slug}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            minLength={2}
            maxLength={64}
            aria-describedby={describedBy}
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <div className="md:col-span-2">
        <Field
          id={id('description')}
          label="Description (Markdown)"
          hint="Replaces the API's own description. Raw HTML is not rendered."
        >
          {(describedBy) => (
            <textarea
              id={id('description')}
              name="description"
              rows={4}
              maxLength={5000}
              defaultValue={settings.description ?? ''}
              aria-describedby={describedBy}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field id={id('tags')} label="Tags" hint="Comma-separated, at most 10.">
        {(describedBy) => (
          <input
            id={id('tags')}
            name="tags"
            defaultValue={settings.tags.join(', ')}
            aria-describedby={describedBy}
            className={inputClass}
          />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field id={id('order')} label="Sort order" hint="Lower comes first.">
          {(describedBy) => (
            <input
              id={id('order')}
              name="sortOrder"
              type="number"
              step={1}
              min={-999}
              max={999}
              defaultValue={settings.sortOrder}
              aria-describedby={describedBy}
              className={inputClass}
            />
          )}
        </Field>
        <Field id={id('accent')} label="Accent colour" hint="Hex, e.g. #4f46e5. Empty: none.">
          {(describedBy) => (
            <input
              id={id('accent')}
              name="accentColour"
              defaultValue={settings.accentColour ?? ''}
              placeholder="#4f46e5"
              pattern="#[0-9a-fA-F]{6}"
              aria-describedby={describedBy}
              className={`${inputClass} font-mono`}
            />
          )}
        </Field>
      </div>
      <div className="md:col-span-2">
        <AudienceFields
          idPrefix={id('audience')}
          audience={settings.audience}
          audiences={audiences}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4 md:col-span-2">
        <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
        <FormMessage state={state} id={id('result')} />
      </div>
    </form>
  );
}
