import { randomUUID } from 'node:crypto';
import { AdminDeleteUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { confirmationCode, stackClients } from '../testing/stack';
import { confirmRegistration, confirmRefusedMessage, register } from './registration';

const { cognito, config } = stackClients();
const password = 'Portico-Test-1';
const created: string[] = [];

function newEmail(): string {
  const email = `reg-${randomUUID().slice(0, 8)}@example.test`;
  created.push(email);
  return email;
}

afterAll(async () => {
  for (const email of created)
    await cognito
      .send(new AdminDeleteUserCommand({ UserPoolId: config.cognito.userPoolId, Username: email }))
      .catch(() => undefined);
});

describe('no account enumeration', () => {
  it('answers sign-up the same for a new email and one that has an account', async () => {
    const confirmed = newEmail();
    expect(await register(confirmed, password)).toEqual({ ok: true });
    expect(await confirmRegistration(confirmed, confirmationCode)).toEqual({ ok: true });
    const unconfirmed = newEmail();
    expect(await register(unconfirmed, password)).toEqual({ ok: true });

    expect(await register(newEmail(), password)).toEqual({ ok: true });
    expect(await register(confirmed, password)).toEqual({ ok: true });
    expect(await register(unconfirmed, 'Another-Pass-1')).toEqual({ ok: true });
  });

  it('answers a refused confirmation with one message, whoever the email belongs to', async () => {
    const confirmed = newEmail();
    await register(confirmed, password);
    await confirmRegistration(confirmed, confirmationCode);
    const unconfirmed = newEmail();
    await register(unconfirmed, password);

    const answers = [
      await confirmRegistration(unconfirmed, '000000'),
      await confirmRegistration(confirmed, '000000'),
      await confirmRegistration(confirmed, confirmationCode),
      await confirmRegistration(newEmail(), confirmationCode),
    ];
    for (const answer of answers)
      expect(answer).toEqual({ ok: false, message: confirmRefusedMessage });
  });
});
