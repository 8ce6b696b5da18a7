import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

function headers(values: Record<string, string>) {
  return (name: string) => values[name];
}

describe('clientIp', () => {
  it('takes the entry the nearest proxy appended', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.1, 203.0.113.7' }))).toBe(
      '203.0.113.7',
    );
    expect(clientIp(headers({ 'x-forwarded-for': '::1' }))).toBe('::1');
  });

  it('falls back to x-real-ip, then to one shared bucket', () => {
    expect(clientIp(headers({ 'x-real-ip': ' 198.51.100.2 ' }))).toBe('198.51.100.2');
    expect(clientIp(headers({ 'x-forwarded-for': ' , ' }))).toBe('unknown');
    expect(clientIp(headers({}))).toBe('unknown');
  });
});
