import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { housekeepingCommands, portalCommands } from '../lib/portal-permissions';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Production sources of the portal: tests and test helpers send commands IAM never sees. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) => !/\.test\.tsx?$/.test(file) && !file.includes(`${join(root, 'lib', 'testing')}`),
    );
}

function commandsSentBy(files: string[]): string[] {
  const names = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/new ([A-Z][A-Za-z]+)Command\b/g)].map((m) => m[1]!),
  );
  return [...new Set(names)].sort();
}

describe('the IAM command table', () => {
  const sent = commandsSentBy([...sources('lib'), ...sources('app'), join(root, 'proxy.ts')]);

  it('maps every AWS SDK command the portal sends (add new ones to portal-permissions.ts)', () => {
    const unmapped = sent.filter((command) => !(command in portalCommands));
    expect(unmapped).toEqual([]);
  });

  it('grants nothing for commands the portal no longer sends', () => {
    const stale = Object.keys(portalCommands).filter((command) => !sent.includes(command));
    expect(stale).toEqual([]);
  });

  it('covers the housekeeping sweep', () => {
    const sweep = commandsSentBy([
      fileURLToPath(new URL('../functions/sweep-rotated-keys.ts', import.meta.url)),
      join(root, 'lib/portal/keys.ts'),
      join(root, 'lib/gateway/customer-keys.ts'),
      join(root, 'lib/gateway/keys.ts'),
      join(root, 'lib/gateway/plan-associations.ts'),
      join(root, 'lib/store/audit.ts'),
    ]);
    // retireRotatedKeys never creates, reveals, imports, deletes or tags keys, nor reads the
    // audit log: lib/gateway/keys.ts holds those commands beside the ones it does use.
    const unused = [
      'CreateApiKey',
      'GetApiKey',
      'CreateUsagePlanKey',
      'TagResource',
      'UntagResource',
      'ImportApiKeys',
      'DeleteApiKey',
      'Query',
    ];
    expect([...housekeepingCommands].sort()).toEqual(sweep.filter((c) => !unused.includes(c)));
  });
});
