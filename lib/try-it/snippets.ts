import { z } from 'zod';
import { keyLocationSchema } from '../gateway/openapi-export';

/** What the console sent upstream, without the key: the snippets put it back. */
export const sentRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  /** The body as text; absent without a body or when it was not text. */
  body: z.string().optional(),
  keyLocation: keyLocationSchema,
});
export type SentRequest = z.infer<typeof sentRequestSchema>;

/** Shown instead of the key until its owner reveals it. */
export const keyPlaceholder = 'YOUR_API_KEY';

export type SnippetLanguage = 'curl' | 'javascript' | 'python';
export const snippetLanguages: { id: SnippetLanguage; label: string }[] = [
  { id: 'curl', label: 'curl' },
  { id: 'javascript', label: 'JavaScript (fetch)' },
  { id: 'python', label: 'Python (requests)' },
];

/** The URL and headers with the key (or the placeholder) where the API reads it. */
function withKey(request: SentRequest, key: string) {
  const { keyLocation } = request;
  if (keyLocation.in === 'header') {
    return { url: request.url, headers: { ...request.headers, [keyLocation.name]: key } };
  }
  const value = key === keyPlaceholder ? key : encodeURIComponent(key);
  const separator = request.url.includes('?') ? '&' : '?';
  return {
    url: `${request.url}${separator}${encodeURIComponent(keyLocation.name)}=${value}`,
    headers: request.headers,
  };
}

const shell = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
/** JSON string literals are valid JavaScript and Python string literals too. */
const literal = (text: string) => JSON.stringify(text);

export function curlSnippet(request: SentRequest, key = keyPlaceholder): string {
  const { url, headers } = withKey(request, key);
  const lines = [`curl -X ${request.method} ${shell(url)}`];
  for (const [name, value] of Object.entries(headers))
    lines.push(`-H ${shell(`${name}: ${value}`)}`);
  if (request.body !== undefined) lines.push(`--data-raw ${shell(request.body)}`);
  return lines.join(' \\\n  ');
}

export function fetchSnippet(request: SentRequest, key = keyPlaceholder): string {
  const { url, headers } = withKey(request, key);
  const options = [`  method: ${literal(request.method)},`];
  const entries = Object.entries(headers);
  if (entries.length > 0) {
    options.push('  headers: {');
    for (const [name, value] of entries) options.push(`    ${literal(name)}: ${literal(value)},`);
    options.push('  },');
  }
  if (request.body !== undefined) options.push(`  body: ${literal(request.body)},`);
  return [
    `const response = await fetch(${literal(url)}, {`,
    ...options,
    '});',
    'console.log(response.status, await response.text());',
  ].join('\n');
}

export function pythonSnippet(request: SentRequest, key = keyPlaceholder): string {
  const { url, headers } = withKey(request, key);
  const args = [`    ${literal(request.method)},`, `    ${literal(url)},`];
  const entries = Object.entries(headers);
  if (entries.length > 0) {
    args.push('    headers={');
    for (const [name, value] of entries) args.push(`        ${literal(name)}: ${literal(value)},`);
    args.push('    },');
  }
  if (request.body !== undefined) args.push(`    data=${literal(request.body)},`);
  args.push('    timeout=29,');
  return [
    'import requests',
    '',
    'response = requests.request(',
    ...args,
    ')',
    'print(response.status_code, response.text)',
  ].join('\n');
}

export function snippetFor(language: SnippetLanguage, request: SentRequest, key?: string): string {
  switch (language) {
    case 'curl':
      return curlSnippet(request, key);
    case 'javascript':
      return fetchSnippet(request, key);
    case 'python':
      return pythonSnippet(request, key);
  }
}
