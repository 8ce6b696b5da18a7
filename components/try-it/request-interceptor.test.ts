import { describe, expect, it } from 'vitest';
import { tryItRequestInterceptor } from './request-interceptor';

const baseUrl = 'http://127.0.0.1:4010/restapis/abc123/prod/_user_request_';
const intercept = tryItRequestInterceptor({ slug: 'weather', baseUrl, access: 'signed-out' });

describe('tryItRequestInterceptor', () => {
  it("sends swagger-ui's request to the portal's proxy with the console header", () => {
    expect(
      intercept({
        url: `${baseUrl}/cities?units=metric`,
        method: 'get',
        headers: { accept: 'application/json', 'x-api-key': 'pasted' },
      }),
    ).toEqual({
      url: '/api/try/weather/cities?units=metric',
      method: 'GET',
      headers: { accept: 'application/json', 'x-api-key': 'pasted', 'x-portico-try': '1' },
      credentials: 'same-origin',
    });
  });

  it('sends HEAD as a POST that names it, so the answer can carry a body', () => {
    expect(intercept({ url: `${baseUrl}/health`, method: 'HEAD' })).toMatchObject({
      method: 'POST',
      headers: { 'x-portico-method': 'HEAD', 'x-portico-try': '1' },
    });
  });

  it('refuses any URL outside the stage', () => {
    expect(() => intercept({ url: 'https://evil.example/x', method: 'GET' })).toThrow(
      "only calls this API's own invoke URL",
    );
  });
});
