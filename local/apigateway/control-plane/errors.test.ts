import {
  BadRequestException,
  ConflictException,
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  GetApiKeyCommand,
  GetUsagePlansCommand,
  LimitExceededException,
  NotFoundException,
  TooManyRequestsException,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { awsControlPlaneRateLimit } from '../index';
import { emulatorPerTest, failure, fakeClock, singleAttemptClient } from './conformance-setup';
import { maxUsagePlans } from './usage-plans';

describe('error responses', () => {
  const setup = emulatorPerTest();

  it('each error is the SDK exception class of its type, with its HTTP status', async () => {
    const notFound = await failure(
      setup.client.send(new GetApiKeyCommand({ apiKey: 'nokey00000' })),
      'NotFoundException',
      404,
    );
    expect(notFound).toBeInstanceOf(NotFoundException);

    const badRequest = await failure(
      setup.client.send(new CreateApiKeyCommand({ name: 'short', value: 'too-short' })),
      'BadRequestException',
      400,
    );
    expect(badRequest).toBeInstanceOf(BadRequestException);

    const value = 'a-value-of-twenty-chars';
    await setup.client.send(new CreateApiKeyCommand({ value }));
    const conflict = await failure(
      setup.client.send(new CreateApiKeyCommand({ value })),
      'ConflictException',
      409,
    );
    expect(conflict).toBeInstanceOf(ConflictException);
    expect(conflict.message).toBe('API Key already exists');
  });

  it('LimitExceededException is a 429, as on AWS', async () => {
    for (let index = 0; index < maxUsagePlans; index += 1) {
      await setup.client.send(new CreateUsagePlanCommand({ name: `p${index}` }));
    }
    const client = singleAttemptClient(setup.emulator.url);
    const error = await failure(
      client.send(new CreateUsagePlanCommand({ name: 'too many' })),
      'LimitExceededException',
      429,
    );
    expect(error).toBeInstanceOf(LimitExceededException);
    // 300 creates over HTTP: the timeout only guards against a hang, it does not judge speed.
  }, 60_000);

  it('on the wire: x-amzn-ErrorType names the type and the body is {"message": ...}', async () => {
    const response = await fetch(`${setup.emulator.url}/apikeys/nokey00000`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^NotFoundException:/);
    expect(await response.json()).toEqual({ message: 'Invalid API Key identifier specified' });
  });

  it('a body that is not a JSON object is a BadRequestException', async () => {
    const response = await fetch(`${setup.emulator.url}/apikeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1, 2',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^BadRequestException:/);
    expect(await response.json()).toEqual({
      message: 'Invalid request body: expected a JSON object',
    });
  });

  it('an operation the emulator does not know is a 404 UnknownOperationException', async () => {
    const response = await fetch(`${setup.emulator.url}/domainnames`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^UnknownOperationException:/);
  });
});

describe('control-plane rate limit (awsControlPlaneRateLimit)', () => {
  const clock = fakeClock('2026-05-04T09:00:00Z');
  const setup = emulatorPerTest({ clock, controlPlaneRateLimit: awsControlPlaneRateLimit });

  it('allows a burst of 40 calls, then answers 429 TooManyRequestsException with Retry-After', async () => {
    const client = singleAttemptClient(setup.emulator.url);
    for (let index = 0; index < 40; index += 1) {
      await client.send(new GetUsagePlansCommand({}));
    }
    const error = await failure(
      client.send(new GetUsagePlansCommand({})),
      'TooManyRequestsException',
      429,
    );
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error.message).toBe('Too Many Requests');
    expect((error as TooManyRequestsException).retryAfterSeconds).toBe('1');

    clock.advance(1000);
    for (let index = 0; index < 10; index += 1) {
      await client.send(new GetUsagePlansCommand({}));
    }
    await failure(client.send(new GetUsagePlansCommand({})), 'TooManyRequestsException', 429);
    // The stats count every call and, apart, the ones the limit refused.
    const stats = await (await fetch(`${setup.emulator.url}/_emulator/stats`)).json();
    expect(stats).toEqual({ calls: { GetUsagePlans: 52 }, throttled: { GetUsagePlans: 2 } });
  });

  it('limits CreateApiKey to a burst of 5 at 5 per second while other calls go on', async () => {
    const client = singleAttemptClient(setup.emulator.url);
    for (let index = 0; index < 5; index += 1) {
      await client.send(new CreateApiKeyCommand({ name: `k${index}` }));
    }
    await failure(
      client.send(new CreateApiKeyCommand({ name: 'k5' })),
      'TooManyRequestsException',
      429,
    );
    const plans = await client.send(new GetUsagePlansCommand({}));
    expect(plans.items).toEqual([]);

    clock.advance(200);
    await client.send(new CreateApiKeyCommand({ name: 'k5' }));
    await failure(
      client.send(new CreateApiKeyCommand({ name: 'k6' })),
      'TooManyRequestsException',
      429,
    );
  });
});
