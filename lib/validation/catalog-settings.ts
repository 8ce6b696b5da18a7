import { z } from 'zod';
import { audienceFromForm, audienceSchema, publicAudience } from '../audiences/audience';

/**
 * Which catalog entry a setting belongs to: an API Gateway stage (`gateway:{restApiId}:{stage}`)
 * or an uploaded generic spec (`generic:{specId}`). The same string keys the DynamoDB item.
 */
export const catalogEntryKeySchema = z
  .string()
  .regex(
    /^(gateway:[A-Za-z0-9]{1,32}:[A-Za-z0-9_-]{1,128}|generic:[a-f0-9-]{36})$/,
    'That API is not in the catalog.',
  );
export type CatalogEntryKey = z.infer<typeof catalogEntryKeySchema>;

export const gatewayEntryKey = (restApiId: string, stage: string): CatalogEntryKey =>
  `gateway:${restApiId}:${stage}`;
/** The REST API and stage a gateway entry's key names; undefined for a generic spec's. */
export function gatewayStageOf(entry: string): { restApiId: string; stage: string } | undefined {
  const [kind, restApiId, stage] = entry.split(':');
  return kind === 'gateway' && restApiId && stage ? { restApiId, stage } : undefined;
}
export const genericEntryKey = (specId: string): CatalogEntryKey => `generic:${specId}`;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'A slug needs at least 2 characters.')
  .max(64, 'A slug has at most 64 characters.')
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'A slug uses lowercase letters, digits and single hyphens between them, like "weather-v2".',
  );

export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(32, 'A tag has at most 32 characters.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'Tags use letters, digits, spaces, ".", "_" or "-".');

export const accentColourSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'An accent colour is a hex colour like #4f46e5.');

const sortOrderMessage = 'The sort order is a whole number from -999 to 999.';

/** What an admin can change about one catalog entry; anything left out keeps the API's own. */
export const catalogSettingsSchema = z.object({
  published: z.boolean(),
  displayName: z
    .string()
    .trim()
    .min(1)
    .max(80, 'A display name has at most 80 characters.')
    .optional(),
  slug: slugSchema.optional(),
  /** Markdown, rendered safely (no raw HTML) on the card and the docs page. */
  description: z
    .string()
    .trim()
    .min(1)
    .max(5000, 'A description has at most 5,000 characters.')
    .optional(),
  tags: z.array(tagSchema).max(10, 'An API has at most 10 tags.'),
  /** Lower comes first; equal orders sort by name. */
  sortOrder: z
    .number({ error: sortOrderMessage })
    .int(sortOrderMessage)
    .min(-999, sortOrderMessage)
    .max(999, sortOrderMessage),
  accentColour: accentColourSchema.optional(),
  /** Who sees the entry anywhere (catalog, docs, downloads, try-it, search, llms.txt). */
  audience: audienceSchema.default(publicAudience),
});
export type CatalogSettings = z.infer<typeof catalogSettingsSchema>;

export const defaultCatalogSettings: CatalogSettings = {
  published: true,
  tags: [],
  sortOrder: 0,
  audience: publicAudience,
};

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

const formFieldsSchema = z.object({
  entry: catalogEntryKeySchema,
  published: z.literal('on').optional(),
  displayName: optionalText,
  slug: optionalText,
  description: optionalText,
  tags: z.string().default(''),
  sortOrder: z.string().trim().default(''),
  accentColour: optionalText,
});

const settingsUpdateSchema = z.object({
  entry: catalogEntryKeySchema,
  settings: catalogSettingsSchema,
});
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
/** As callers may write it: settings left out (the audience) take their defaults. */
export type SettingsUpdateInput = z.input<typeof settingsUpdateSchema>;

export const parseSettingsUpdate = (update: SettingsUpdateInput): SettingsUpdate =>
  settingsUpdateSchema.parse(update);

/**
 * The admin form as FormData gives it: every field a string, a checkbox absent when off, tags
 * comma-separated, audiences as lib/audiences reads them. Empty text means "use the API's own".
 */
export function settingsFromForm(fields: Record<string, unknown>) {
  const form = formFieldsSchema.safeParse(fields);
  if (!form.success) return form;
  const { entry, published, tags, sortOrder, displayName, slug, description, accentColour } =
    form.data;
  const audience = audienceFromForm(fields);
  if (!audience.success) return audience;
  return settingsUpdateSchema.safeParse({
    entry,
    settings: {
      published: published === 'on',
      ...(displayName ? { displayName } : {}),
      ...(slug ? { slug } : {}),
      ...(description ? { description } : {}),
      ...(accentColour ? { accentColour } : {}),
      tags: [
        ...new Set(
          tags
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ],
      sortOrder: sortOrder ? Number(sortOrder) : 0,
      audience: audience.data,
    },
  });
}

/** `settingsFromForm` as a schema, for the action runner. */
export const settingsFormInput = z.record(z.string(), z.unknown()).transform((fields, ctx) => {
  const parsed = settingsFromForm(fields);
  if (parsed.success) return parsed.data;
  for (const { message, path } of parsed.error.issues) {
    ctx.issues.push({ code: 'custom', message, path, input: fields });
  }
  return z.NEVER;
});
