import { describe, expect, it } from 'vitest';
import { jsonPointer, maxSpecBytes, parseOpenApiUpload } from './openapi-upload';

const valid = {
  openapi: '3.0.3',
  info: { title: 'Maps', version: '1.0.0', description: 'Tiles' },
  paths: { '/tiles': { get: { responses: { '200': { description: 'ok' } } } } },
};

const failure = (text: string) => {
  const result = parseOpenApiUpload(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
};

describe('parseOpenApiUpload', () => {
  it('accepts JSON', () => {
    const result = parseOpenApiUpload(JSON.stringify(valid));
    expect(result).toMatchObject({ ok: true, format: 'json', document: valid });
  });

  it('accepts YAML', () => {
    const yaml = [
      'openapi: 3.1.0',
      'info:',
      '  title: Maps',
      '  version: "2"',
      'webhooks: {}',
    ].join('\n');
    expect(parseOpenApiUpload(yaml)).toMatchObject({ ok: true, format: 'yaml' });
  });

  it('says where JSON syntax breaks', () => {
    expect(failure('{\n  "openapi": "3.0.0",\n  "info": {"title": "x"')).toBe(
      "Not valid JSON at line 3, column 24: Expected ',' or '}' after property value",
    );
    expect(failure('{\n  "openapi": "3.0.0",\n  "info" {}}')).toMatch(
      /^Not valid JSON at line 3, column 10: /,
    );
  });

  it('says where YAML syntax breaks', () => {
    expect(failure('openapi: 3.0.0\ninfo:\n  title: [unclosed\n')).toMatch(
      /^Not valid YAML at line \d+, column \d+/,
    );
  });

  it('points at the first structural problem', () => {
    const broken = { ...valid, paths: { '/tiles': { get: { summary: 'no responses' } } } };
    expect(failure(JSON.stringify(broken))).toBe(
      'Not an OpenAPI 3 document at /paths/~1tiles/get/responses: OpenAPI 3.0 requires responses on every operation.',
    );
    expect(failure(JSON.stringify({ ...valid, info: { version: '1' } }))).toBe(
      'Not an OpenAPI 3 document at /info/title: info.title is required.',
    );
  });

  it('refuses other versions, Swagger 2 and non-objects', () => {
    expect(failure(JSON.stringify({ ...valid, openapi: '2.0' }))).toMatch(/3\.0\.x and 3\.1\.x/);
    expect(failure('swagger: "2.0"\ninfo: {title: a, version: b}')).toMatch(/Swagger 2\.0/);
    expect(failure('just text')).toMatch(/top level must be an object/);
    expect(failure('   ')).toBe('The file is empty.');
  });

  it('refuses more than 5 MB', () => {
    expect(failure(' '.repeat(maxSpecBytes + 1))).toBe('The spec is larger than 5 MB.');
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => {
        const ref = String.fromCharCode(97 + i);
        const next = String.fromCharCode(98 + i);
        return `${next}: &${next} [${Array(10).fill(`*${ref}`).join(', ')}]`;
      }),
    ].join('\n');
    expect(failure(bomb)).toMatch(/^Not valid YAML/);
  });
});

describe('external references', () => {
  it('refuses a $ref outside the document, saying where it is', () => {
    const yaml = [
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    get:',
      '      responses:',
      '        "200": { $ref: "https://evil.example/ok.yaml" }',
    ].join('\n');
    expect(failure(yaml)).toBe(
      'External $ref at /paths/~1pets/get/responses/200/$ref: "https://evil.example/ok.yaml". Portico serves self-contained documents: copy what it points to under components and refer to it as "#/components/…".',
    );
  });
});

describe('jsonPointer', () => {
  it('escapes ~ and /', () => expect(jsonPointer(['paths', '/a~b', 0])).toBe('/paths/~1a~0b/0'));
});
