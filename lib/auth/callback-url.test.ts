import { describe, expect, it } from 'vitest';
import {
  defaultCallbackPath,
  redirectWithin,
  safeCallbackUrl,
  sameOriginPath,
  signInUrl,
} from './callback-url';

describe('sameOriginPath (normalise, then check)', () => {
  it.each([
    ['/account', '/account'],
    ['/apis/weather?tab=docs#get-forecast', '/apis/weather?tab=docs#get-forecast'],
    ['/dashboard/keys', '/dashboard/keys'],
    ['/a/../account', '/account'],
    ['/./account', '/account'],
    ['/apis?q=hello%20world', '/apis?q=hello%20world'],
    ['/apis?next=//not-a-host', '/apis?next=//not-a-host'],
  ])('keeps the same-origin path %j as %j', (raw, expected) => {
    expect(sameOriginPath(raw)).toBe(expected);
  });

  // Each of these, followed by a browser or a later decode, leaves the portal or runs script.
  const payloads = [
    '/.//evil.example/x',
    '/./\\/evil.example',
    '/..//evil.example/x',
    '/a/..//evil.example',
    '/a/../..//evil.example',
    '//evil.example',
    '///evil.example',
    '////evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '%2F%2Fevil.example',
    '/%2F/evil.example',
    '/%2F%2Fevil.example',
    '/.%2F%2Fevil.example',
    '%2F.%2F%2Fevil.example%2Fx',
    '/%5Cevil.example',
    '/%5C%5Cevil.example',
    '/%255C%255Cevil.example',
    '/%252F%252Fevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '\t//evil.example',
    ' //evil.example',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '/javascript:alert(1)%0a//',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example/account',
    'http://localhost:3000/account',
    'HTTPS:evil.example',
    'https:/evil.example',
    '/%',
    '/%E0%A4%A',
    'account',
    '',
  ];

  it(`refuses ${payloads.length} crafted targets`, () => {
    expect(payloads.length).toBeGreaterThanOrEqual(20);
    for (const raw of payloads) expect(sameOriginPath(raw), JSON.stringify(raw)).toBeUndefined();
  });

  it('never returns something a second pass would change or refuse', () => {
    const samples = ['/account', '/a/../b?x=1#y', '/./x', '/apis?q=%2F'];
    for (const raw of samples) {
      const once = sameOriginPath(raw);
      expect(once && sameOriginPath(once), raw).toBe(once);
    }
  });

  it('refuses what is not a string and very long values', () => {
    expect(sameOriginPath(undefined)).toBeUndefined();
    expect(sameOriginPath(['/account'])).toBeUndefined();
    expect(sameOriginPath(`/${'a'.repeat(2048)}`)).toBeUndefined();
  });
});

describe('safeCallbackUrl', () => {
  it.each([
    '/.//evil.example/x',
    'https://evil.example/account',
    '/sign-in',
    '/sign-in?callbackUrl=/account',
    '/sign-up/',
    '/reset-password',
    '/./sign-in',
  ])('falls back for %j', (raw) => {
    expect(safeCallbackUrl(raw)).toBe(defaultCallbackPath);
  });

  it('keeps a same-origin path and uses the fallback it is given', () => {
    expect(safeCallbackUrl('/dashboard')).toBe('/dashboard');
    expect(safeCallbackUrl('https://evil.example', '/')).toBe('/');
  });
});

describe('signInUrl', () => {
  it('carries a safe path as callbackUrl', () => {
    expect(signInUrl('/account?tab=security')).toBe(
      '/sign-in?callbackUrl=%2Faccount%3Ftab%3Dsecurity',
    );
  });

  it('drops an unsafe one', () => {
    expect(signInUrl('//evil.example')).toBe('/sign-in');
    expect(signInUrl('/.//evil.example')).toBe('/sign-in');
  });
});

describe('redirectWithin', () => {
  const baseUrl = 'http://localhost:3000';

  it('keeps paths and absolute URLs of the portal, auth pages included', () => {
    expect(redirectWithin('/sign-in?deleted=1', baseUrl)).toBe(`${baseUrl}/sign-in?deleted=1`);
    expect(redirectWithin(`${baseUrl}/account`, baseUrl)).toBe(`${baseUrl}/account`);
    expect(redirectWithin(baseUrl, baseUrl)).toBe(`${baseUrl}/`);
  });

  it('sends everything else home', () => {
    for (const url of [
      'https://evil.example/account',
      `${baseUrl}.evil.example/account`,
      `${baseUrl}@evil.example/`,
      `${baseUrl}/.//evil.example/x`,
      `${baseUrl}/..//evil.example`,
      '//evil.example',
      '/\\evil.example',
    ])
      expect(redirectWithin(url, baseUrl), url).toBe(`${baseUrl}/`);
  });
});
