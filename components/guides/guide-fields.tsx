import type { GuideContent } from '@/lib/guides/guide';
import { AudienceFields } from '../audiences/audience-fields';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';

type GuideFieldsProps = {
  idPrefix: string;
  content?: GuideContent;
  /** Guides this one may sit under (not itself). */
  parents: { id: string; title: string }[];
  audiences: { id: string; name: string }[];
};

/** A guide's editable fields, shared by the new-guide and the edit forms. */
export function GuideFields({ idPrefix, content, parents, audiences }: GuideFieldsProps) {
  return (
    <div className="grid gap-3 md:grid-cols-4">
      <label className="text-sm font-medium md:col-span-2">
        Title
        <input
          name="title"
          required
          maxLength={120}
          defaultValue={content?.title}
          className={input}
        />
      </label>
      <label className="text-sm font-medium">
        Slug (/guides/…)
        <input
          name="slug"
          required
          minLength={2}
          maxLength={64}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          defaultValue={content?.slug}
          className={`${input} font-mono`}
        />
      </label>
      <label className="text-sm font-medium">
        Order
        <input
          name="order"
          type="number"
          required
          min={0}
          max={999}
          step={1}
          defaultValue={content?.order ?? 100}
          className={input}
        />
      </label>
      <label className="text-sm font-medium md:col-span-2">
        Sits under
        <select name="parentId" defaultValue={content?.parentId ?? ''} className={input}>
          <option value="">The top level</option>
          {parents.map((parent) => (
            <option key={parent.id} value={parent.id}>
              {parent.title}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium md:col-span-4">
        Body (Markdown; link to an operation with <code>[text](api:weather#getForecast)</code>; raw
        HTML is not rendered)
        <textarea
          name="body"
          rows={14}
          maxLength={50_000}
          defaultValue={content?.body}
          className={`${input} font-mono`}
        />
      </label>
      <div className="md:col-span-4">
        <AudienceFields
          idPrefix={idPrefix}
          audience={content?.audience ?? { kind: 'public' }}
          audiences={audiences}
        />
      </div>
    </div>
  );
}
