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

  it("bundles the housekeeping handler with the portal's lib code", () => {
    const housekeeping = withFile('index.mjs').filter((a) =>
      readFileSync(join(outdir, a, 'index.mjs'), 'utf8').includes('portico:disable-after'),
    );
    expect(housekeeping).toHaveLength(1);
  });
});
