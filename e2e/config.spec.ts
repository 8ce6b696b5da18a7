import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect, test } from './support/fixtures';
import { freePort } from '../local/stack/ports';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

test('starting in aws mode with missing variables exits non-zero naming them', async () => {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        COGNITO_USER_POOL_ID: undefined,
        NEXTAUTH_SECRET: undefined,
        PORTICO_MODE: 'aws',
        AWS_REGION: 'eu-west-1',
        COGNITO_CLIENT_ID: 'abc123',
        PORTICO_TABLE_NAME: 'portico',
        NEXTAUTH_URL: 'https://developers.example.com',
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 30_000);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });

  expect(code, output).toBe(1);
  expect(output).toContain('COGNITO_USER_POOL_ID: expected the Cognito user pool id');
  expect(output).toContain('NEXTAUTH_SECRET');
  expect(output).not.toContain('COGNITO_CLIENT_ID:');
});
