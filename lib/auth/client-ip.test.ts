import { describe, expect, it } from 'vitest';
import { socketAddressHeader } from '../http/socket-address';
import { clientIp } from './client-ip';

function headers(values: Record<string, string>) {
  return (name: string) => values[name];
}

const forged = { 'x-forwarded-for': '6.6.6.6, 10.0.0.1', 'x-real-ip': '6.6.6.7' };

describe('clientIp', () => {
  it('uses the connection address and ignores forwarding headers by default', () => {
    expect(clientIp(headers({ ...forged, [socketAddressHeader]: '192.0.2.4' }), 'none')).toBe(
      '192.0.2.4',
    );
    expect(clientIp(headers(forged), 'none')).toBe('unknown');
  });

  it("reads CloudFront's viewer address, without its port, behind CloudFront only", () => {
    const viaCloudFront = {
      ...forged,
      'cloudfront-viewer-address': '203.0.113.7:46532',
      [socketAddressHeader]: '10.0.0.9',
    };
    expect(clientIp(headers(viaCloudFront), 'cloudfront')).toBe('203.0.113.7');
    expect(
      clientIp(headers({ 'cloudfront-viewer-address': '2001:db8::1:443' }), 'cloudfront'),
    ).toBe('2001:db8::1');
    expect(clientIp(headers(viaCloudFront), 'none')).toBe('10.0.0.9');
  });

  it('takes the entry a trusted proxy appended to X-Forwarded-For', () => {
    expect(
      clientIp(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }), 'x-forwarded-for'),
    ).toBe('203.0.113.7');
    expect(
      clientIp(
        headers({ 'x-forwarded-for': ' , ', [socketAddressHeader]: '10.0.0.9' }),
        'x-forwarded-for',
      ),
    ).toBe('10.0.0.9');
  });
});
