import { describe, expect, it } from 'vitest';
import {
  curlSnippet,
  fetchSnippet,
  keyPlaceholder,
  pythonSnippet,
  type SentRequest,
} from './snippets';

const get: SentRequest = {
  method: 'GET',
  url: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/forecast/lisbon?units=metric',
  headers: { accept: 'application/json' },
  keyLocation: { in: 'header', name: 'x-api-key' },
};
const post: SentRequest = {
  method: 'POST',
  url: 'https://pay.example/prod/payments',
  headers: { 'content-type': 'application/json' },
  body: `{"description":"Bob's order"}`,
  keyLocation: { in: 'query', name: 'api_key' },
};

describe('snippets', () => {
  it('show the key as a placeholder unless it is revealed', () => {
    expect(curlSnippet(get)).toBe(
      [
        "curl -X GET 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/forecast/lisbon?units=metric'",
        "-H 'accept: application/json'",
        `-H 'x-api-key: ${keyPlaceholder}'`,
      ].join(' \\\n  '),
    );
    expect(curlSnippet(get, 'k3y-value')).toContain("-H 'x-api-key: k3y-value'");
  });

  it('put a query-string key in the URL, encoded', () => {
    expect(curlSnippet(post)).toContain(
      `'https://pay.example/prod/payments?api_key=${keyPlaceholder}'`,
    );
    expect(fetchSnippet(post, 'a+b/c')).toContain(
      '"https://pay.example/prod/payments?api_key=a%2Bb%2Fc"',
    );
  });

  it('quote bodies safely for the shell', () => {
    expect(curlSnippet(post)).toContain(`--data-raw '{"description":"Bob'\\''s order"}'`);
  });

  it('write fetch code', () => {
    expect(fetchSnippet(get)).toBe(
      [
        'const response = await fetch("https://abc.execute-api.eu-west-1.amazonaws.com/prod/forecast/lisbon?units=metric", {',
        '  method: "GET",',
        '  headers: {',
        '    "accept": "application/json",',
        `    "x-api-key": "${keyPlaceholder}",`,
        '  },',
        '});',
        'console.log(response.status, await response.text());',
      ].join('\n'),
    );
    expect(fetchSnippet(post)).toContain(`  body: "{\\"description\\":\\"Bob's order\\"}",`);
  });

  it('write Python requests code', () => {
    expect(pythonSnippet(post)).toBe(
      [
        'import requests',
        '',
        'response = requests.request(',
        '    "POST",',
        `    "https://pay.example/prod/payments?api_key=${keyPlaceholder}",`,
        '    headers={',
        '        "content-type": "application/json",',
        '    },',
        `    data="{\\"description\\":\\"Bob's order\\"}",`,
        '    timeout=29,',
        ')',
        'print(response.status_code, response.text)',
      ].join('\n'),
    );
  });
});
