import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { serverFunctionDir } from './server-function';

const manifestSchema = z.object({
  node: z.record(z.string(), z.object({ exportedName: z.string(), filename: z.string() })),
});

/** The id the built client sends in `next-action` for a server action, by its export name. */
export function serverActionId(exportedName: string): string {
  const manifest = manifestSchema.parse(
    JSON.parse(
      readFileSync(
        join(serverFunctionDir, '.next', 'server', 'server-reference-manifest.json'),
        'utf8',
      ),
    ),
  );
  const ids = Object.entries(manifest.node)
    .filter(([, action]) => action.exportedName === exportedName)
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`${ids.length} server actions export ${exportedName}`);
  return ids[0]!;
}

/**
 * The body React's client (`encodeReply`) sends for a `useActionState` form action: the
 * form's fields prefixed with its reference (`_1_`), and the arguments (previous state, a
 * reference to the form) as row 0.
 */
export async function actionFormBody(
  previousState: unknown,
  fields: Record<string, string>,
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  form.append('0', JSON.stringify([previousState, '$K1']));
  const encoded = new Response(form);
  return {
    body: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? '',
  };
}
