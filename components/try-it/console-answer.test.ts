import { describe, expect, it } from 'vitest';
import { consoleAnswerOf, displayBody } from './console-answer';

const envelope = {
  status: 200,
  statusText: 'OK',
  headers: { 'content-type': 'application/json' },
  bodyEncoding: 'text' as const,
  body: '{"cities":[]}',
  elapsedMs: 8,
  keySource: 'subscription' as const,
  request: {
    method: 'GET',
    url: 'https://api.example/prod/cities',
    headers: {},
    keyLocation: { in: 'header' as const, name: 'x-api-key' },
  },
};

describe('consoleAnswerOf', () => {
  it('reads the envelope', () => {
    expect(consoleAnswerOf({ text: JSON.stringify(envelope) })).toEqual({
      kind: 'answer',
      envelope,
    });
  });

  it("reads the portal's problem details", () => {
    const problem = { title: 'Slow down', status: 429, detail: 'Wait.' };
    expect(consoleAnswerOf({ text: JSON.stringify(problem) })).toEqual({
      kind: 'problem',
      problem,
    });
  });

  it('says so when the call never reached the portal or the answer is not ours', () => {
    expect(consoleAnswerOf({ message: 'Failed to fetch' })).toEqual({
      kind: 'failure',
      message:
        'The call did not reach the portal (Failed to fetch). Check your connection and try again.',
    });
    expect(consoleAnswerOf({ text: '<html>' }).kind).toBe('failure');
    expect(consoleAnswerOf({ text: '{"unexpected":true}' }).kind).toBe('failure');
  });
});

describe('displayBody', () => {
  it('pretty-prints JSON and leaves other text alone', () => {
    expect(displayBody(envelope)).toBe('{\n  "cities": []\n}');
    expect(displayBody({ ...envelope, body: '<p>hi</p>' })).toBe('<p>hi</p>');
  });
});
