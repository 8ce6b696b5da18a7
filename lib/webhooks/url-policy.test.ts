import { describe, expect, it } from 'vitest';
import { addressRefusal, urlRefusal } from './url-policy';

const aws = { allowLoopbackHttp: false };
const local = { allowLoopbackHttp: true };

describe('webhook URL policy', () => {
  it('accepts public https URLs in both modes', () => {
    expect(urlRefusal('https://hooks.example.com/portico', aws)).toBeUndefined();
    expect(urlRefusal('https://93.184.216.34/x', local)).toBeUndefined();
  });

  it('wants https, except http://localhost in local mode', () => {
    expect(urlRefusal('http://hooks.example.com/', aws)).toBe('Webhook URLs must use https.');
    expect(urlRefusal('http://hooks.example.com/', local)).toMatch(/http only for localhost/);
    expect(urlRefusal('http://localhost:4000/hook', local)).toBeUndefined();
    expect(urlRefusal('http://localhost:4000/hook', aws)).toBe('Webhook URLs must use https.');
    expect(urlRefusal('https://localhost/hook', aws)).toBe('localhost is a loopback address.');
    expect(urlRefusal('ftp://example.com/', aws)).toBe('Webhook URLs must use https.');
  });

  it('explains what is wrong with malformed or credentialed URLs', () => {
    expect(urlRefusal('hooks.example.com', aws)).toMatch(/full URL/);
    expect(urlRefusal('https://user:pw@hooks.example.com/', aws)).toMatch(/user name/);
  });

  it.each([
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    'fd00:ec2::254',
    'fe80::1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
  ])('refuses %s in every mode', (address) => {
    expect(addressRefusal(address, local)).toMatch(/private, link-local, metadata or reserved/);
    expect(addressRefusal(address, aws)).toMatch(/private, link-local, metadata or reserved/);
  });

  it('allows loopback only in local mode', () => {
    expect(addressRefusal('127.0.0.1', aws)).toBe('127.0.0.1 is a loopback address.');
    expect(addressRefusal('::1', aws)).toBe('::1 is a loopback address.');
    expect(addressRefusal('127.0.0.1', local)).toBeUndefined();
    expect(urlRefusal('https://127.0.0.1/x', aws)).toBe('127.0.0.1 is a loopback address.');
    expect(urlRefusal('https://[::ffff:a9fe:a9fe]/x', local)).toMatch(/metadata/);
  });

  it('lets public addresses through', () => {
    expect(addressRefusal('93.184.216.34', aws)).toBeUndefined();
    expect(addressRefusal('2606:2800:220:1:248:1893:25c8:1946', aws)).toBeUndefined();
  });
});
