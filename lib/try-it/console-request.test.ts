import { describe, expect, it } from 'vitest';
import { proxyUrlFor } from './console-request';

const base = 'http://127.0.0.1:4010/restapis/abc123/prod/_user_request_';

describe('proxyUrlFor', () => {
  it('maps a URL below the stage to the portal’s proxy route', () => {
    expect(proxyUrlFor('weather', base, `${base}/forecast/lisbon?units=metric`)).toBe(
      '/api/try/weather/forecast/lisbon?units=metric',
    );
    expect(proxyUrlFor('weather', `${base}/`, base)).toBe('/api/try/weather/');
  });

  it('refuses any other URL, so a pasted key never goes anywhere else', () => {
    expect(proxyUrlFor('weather', base, 'https://evil.example/restapis/abc123')).toBeUndefined();
    expect(
      proxyUrlFor('weather', base, 'http://127.0.0.1:4010/restapis/other/prod'),
    ).toBeUndefined();
    expect(proxyUrlFor('weather', base, `${base}-other/x`)).toBeUndefined();
    expect(proxyUrlFor('weather', base, 'not a url')).toBeUndefined();
  });
});
