import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { payloadHashHeader, withPayloadHash } from './payload-hash';

const origin = 'https://portal.example';

function recorder() {
  const sent: Request[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Request(input, init));
    return new Response('ok');
  }) as typeof fetch;
  return { sent, fetch: withPayloadHash(fetchImpl, origin) };
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('withPayloadHash', () => {
  it('states the SHA-256 of a same-origin POST body (JSON, as server actions send)', async () => {
    const { sent, fetch } = recorder();
    const body = JSON.stringify(['$K1']);
    await fetch(`${origin}/dashboard`, { method: 'POST', body, headers: { 'next-action': 'a1' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get(payloadHashHeader)).toBe(sha256(body));
    expect(sent[0]!.headers.get('next-action')).toBe('a1');
    expect(await sent[0]!.text()).toBe(body);
  });

  it('hashes form data exactly as sent, boundary included', async () => {
    const { sent, fetch } = recorder();
    const form = new FormData();
    form.set('planId', 'bronze');
    await fetch(`${origin}/dashboard`, { method: 'POST', body: form });
    const bytes = new Uint8Array(await sent[0]!.arrayBuffer());
    expect(sent[0]!.headers.get(payloadHashHeader)).toBe(sha256(bytes));
    expect(sent[0]!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(new TextDecoder().decode(bytes)).toContain('bronze');
  });

  it('hashes an empty POST as the empty string', async () => {
    const { sent, fetch } = recorder();
    await fetch(`${origin}/api/auth/signout`, { method: 'POST' });
    expect(sent[0]!.headers.get(payloadHashHeader)).toBe(sha256(''));
  });

  it('leaves GETs and other sites alone', async () => {
    const { sent, fetch } = recorder();
    await fetch(`${origin}/api/auth/session`);
    await fetch('https://elsewhere.example/x', { method: 'POST', body: 'x' });
    expect(sent.map((request) => request.headers.has(payloadHashHeader))).toEqual([false, false]);
  });
});
