import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthTo } from './synth';

describe('bundling at synth time', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'portico-cdk-bundled-'));
  synthTo(outdir, {}, true);
  const assets = readdirSync(outdir).filter((name) => name.startsWith('asset.'));
  const withFile = (file: string) => assets.filter((a) => existsSync(join(outdir, a, file)));

  it("puts the secret-loading entry beside OpenNext's server handler", () => {
    const [server] = withFile('portico-server.mjs');
    expect(server).toBeDefined();
    expect(existsSync(join(outdir, server!, 'index.mjs'))).toBe(true);
    const entry = readFileSync(join(outdir, server!, 'portico-server.mjs'), 'utf8');
    expect(entry).toContain('./index.mjs');
    expect(entry).toContain('GetSecretValue');
  });

  it("bundles each scheduled handler with the portal's lib code", () => {
    const bundles = withFile('index.mjs').map((a) =>
      readFileSync(join(outdir, a, 'index.mjs'), 'utf8'),
    );
    const holding = (...marks: string[]) =>
      bundles.filter((code) => marks.every((mark) => code.includes(mark)));
    // Housekeeping: its log line, the rotation sweep's tag and the repairs' audit action.
    expect(holding('task:"housekeeping"', 'portico:disable-after', 'key.repaired')).toHaveLength(1);
    // The sync: its log line and its audit action.
    expect(holding('read-model-sync', 'readmodel.repaired')).toHaveLength(1);
    // The outbox reads the secret, and sends mail; the quota sweep's bundle holds the handler.
    expect(holding('GetSecretValue', 'SendEmailCommand')).toHaveLength(1);
    expect(holding('quota-sweep', 'GetUsageCommand')).toHaveLength(1);
  });
});
