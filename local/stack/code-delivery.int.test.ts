import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoClient } from '../../lib/aws/clients';
import { freePorts } from './ports';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const stateDir = mkdtempSync(join(tmpdir(), 'portico-codes-'));
let stack: ChildProcessWithoutNullStreams;
/** Every line the stack printed, with the time it arrived. */
const printed: { line: string; at: number }[] = [];

beforeAll(async () => {
  const ports = await freePorts();
  // The same terminal `npm run local:stack` (and `npm run dev`, which shares the printer) shows.
  stack = spawn(process.execPath, ['--import', 'tsx', cli], {
    env: {
      ...process.env,
      PORT: String(ports.portal),
      PORTICO_APIGATEWAY_PORT: String(ports.apiGateway),
      PORTICO_APIGATEWAY2_PORT: String(ports.apiGatewayPeer),
      PORTICO_COGNITO_PORT: String(ports.cognito),
      PORTICO_DYNAMODB_PORT: String(ports.dynamodb),
      PORTICO_SES_PORT: String(ports.ses),
      PORTICO_SMTP_PORT: String(ports.smtp),
      PORTICO_INBOX_PORT: String(ports.inbox),
      PORTICO_LOCAL_DIR: stateDir,
    },
  });
  const lines = createInterface({ input: stack.stdout });
  lines.on('line', (line) => printed.push({ line, at: Date.now() }));
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => line.includes('Ctrl-C stops everything') && resolve());
    stack.once('exit', (code) => reject(new Error(`the local stack exited with ${code}`)));
  });
}, 60_000);

afterAll(async () => {
  if (stack.exitCode === null) {
    const exited = new Promise((resolve) => stack.once('exit', resolve));
    stack.kill('SIGTERM');
    await exited;
  }
  rmSync(stateDir, { recursive: true, force: true });
});

/** Waits up to `withinMs` after `since` for the stack to print the code sent to `email`. */
async function printedCode(email: string, since: number, withinMs: number): Promise<string> {
  const pattern = new RegExp(`^\\[cognito\\] Confirmation code for ${email}: (\\d+)$`);
  for (;;) {
    const hit = printed.find((entry) => entry.at >= since && pattern.test(entry.line));
    if (hit) {
      expect(hit.at - since).toBeLessThanOrEqual(withinMs);
      return pattern.exec(hit.line)![1]!;
    }
    if (Date.now() - since > withinMs)
      throw new Error(`no code for ${email} within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('confirmation codes in the terminal', () => {
  it('prints every code within a second, on a quiet stack, each one the code that works', async () => {
    const env = JSON.parse(readFileSync(join(stateDir, 'stack.json'), 'utf8')) as Record<
      string,
      string
    >;
    const cognito = createCognitoClient({
      region: env.AWS_REGION!,
      endpoints: { cognito: `http://127.0.0.1:${env.PORTICO_COGNITO_PORT}` },
    });
    const clientId = env.COGNITO_CLIENT_ID!;
    // One sign-up at a time with pauses between them: the case a buffered log never flushes.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const email = `quiet-${attempt}-${Date.now()}@example.test`;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const sent = Date.now();
      await cognito.send(
        new SignUpCommand({ ClientId: clientId, Username: email, Password: 'Portico-Quiet-1' }),
      );
      const code = await printedCode(email, sent, 1000);
      await cognito.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
      );
      if (attempt === 3) {
        const asked = Date.now();
        await cognito.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));
        expect(await printedCode(email, asked, 1000)).toMatch(/^\d+$/);
      }
    }
  });
});
