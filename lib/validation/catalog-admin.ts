import { z } from 'zod';
import { catalogEntryKeySchema } from './catalog-settings';
import { maxSpecBytes } from './openapi-upload';

export const publishInput = z.object({
  entry: catalogEntryKeySchema,
  published: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

export const specInput = z.object({ specId: z.uuid('That spec does not exist.') });

const chooseFile = 'Choose an OpenAPI file (JSON or YAML).';

export const uploadInput = z
  .object({
    file: z
      .instanceof(File, { error: chooseFile })
      .refine((file) => file.size > 0, chooseFile)
      .refine((file) => file.size <= maxSpecBytes, 'The file is larger than 5 MB.'),
    specId: z.uuid().optional(),
    revision: z.uuid().optional(),
  })
  // A replacement names the revision it replaces, so two admins cannot overwrite each other.
  .refine((input) => !input.specId === !input.revision, 'Reload the page and try again.');

/** Empty optional fields arrive as "" from the form; the schema wants them absent. */
export function uploadFields(form: FormData): unknown {
  return {
    file: form.get('file'),
    specId: form.get('specId') || undefined,
    revision: form.get('revision') || undefined,
  };
}
