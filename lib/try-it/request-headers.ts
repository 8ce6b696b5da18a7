/**
 * Request headers the console forwards: content negotiation and conditional headers, plus the
 * header parameters the API's own document declares. Everything else stays behind, above all
 * the portal's cookies and Authorization, hop-by-hop and forwarding headers, which no API
 * parameter may bring back.
 */
const alwaysAllowed = [
  'accept',
  'accept-language',
  'content-type',
  'content-language',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
];

const neverForwarded = new Set([
  'authorization',
  'cookie',
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'forwarded',
  'origin',
  'referer',
  'via',
]);

/** Prefixes of headers that belong to the portal, its hosting or AWS, never to the caller. */
const neverForwardedPrefixes = ['x-forwarded-', 'x-amz-', 'x-amzn-', 'x-portico-', 'x-nextjs-'];

export function isForwardable(name: string, allowed: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  if (neverForwarded.has(lower)) return false;
  if (neverForwardedPrefixes.some((prefix) => lower.startsWith(prefix))) return false;
  if (lower === 'x-real-ip' || lower === 'x-middleware-subrequest') return false;
  return allowed.has(lower);
}

type JsonObject = { [key: string]: unknown };
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header parameters an OpenAPI 3 document declares, on paths or operations, lower-cased. */
export function declaredHeaderNames(spec: JsonObject): string[] {
  const names = new Set<string>();
  const collect = (parameters: unknown) => {
    if (!Array.isArray(parameters)) return;
    for (const parameter of parameters) {
      if (isObject(parameter) && parameter.in === 'header' && typeof parameter.name === 'string')
        names.add(parameter.name.toLowerCase());
    }
  };
  for (const pathItem of Object.values(isObject(spec.paths) ? spec.paths : {})) {
    if (!isObject(pathItem)) continue;
    collect(pathItem.parameters);
    for (const operation of Object.values(pathItem))
      if (isObject(operation)) collect(operation.parameters);
  }
  return [...names].sort();
}

/** The set `isForwardable` checks against: the fixed list plus the document's own headers. */
export function allowedHeaderSet(declared: Iterable<string>): Set<string> {
  return new Set([...alwaysAllowed, ...[...declared].map((name) => name.toLowerCase())]);
}

/** The incoming headers reduced to the allowed ones. */
export function forwardableHeaders(incoming: Headers, allowed: ReadonlySet<string>): Headers {
  const forwarded = new Headers();
  incoming.forEach((value, name) => {
    if (isForwardable(name, allowed)) forwarded.set(name, value);
  });
  return forwarded;
}
