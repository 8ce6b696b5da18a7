import { describe, expect, it } from 'vitest';
import { defaultCallbackPath, redirectWithin, safeCallbackUrl, signInUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it.each([
    ['/account', '/account'],
    ['/apis/weather?tab=docs#get-forecast', '/apis/weather?tab=docs#get-forecast'],
    ['/dashboard/keys', '/dashboard/keys'],
    ['/a/../account', '/account'],
  ])('keeps the same-origin path %s', (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });

  it.each([
    'https://evil.example/account',
    'http://localhost:3000/account',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'account',
    '',
    ' /account',
    '/sign-in',
    '/sign-in?callbackUrl=/account',
    '/sign-up/',
    '/reset-password',
  ])('refuses %j', (raw) => {
    expect(safeCallbackUrl(raw)).toBe(defaultCallbackPath);
  });

  it('refuses what is not a string and very long values', () => {
    expect(safeCallbackUrl(undefined)).toBe(defaultCallbackPath);
    expect(safeCallbackUrl(['/account'])).toBe(defaultCallbackPath);
    expect(safeCallbackUrl(`/${'a'.repeat(2048)}`)).toBe(defaultCallbackPath);
  });

  it('uses the fallback it is given', () => {
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
      '//evil.example',
      '/\\evil.example',
    ])
      expect(redirectWithin(url, baseUrl), url).toBe(`${baseUrl}/`);
  });
});
