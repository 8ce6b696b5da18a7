import { z } from 'zod';

/** Where a caller puts their API key for one API. */
export const keyLocationSchema = z.object({ in: z.enum(['header', 'query']), name: z.string() });
export type KeyLocation = z.infer<typeof keyLocationSchema>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const extensionPrefix = 'x-amazon-apigateway-';
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy without any `x-amazon-apigateway-*` key, at any depth. */
export function stripGatewayExtensions(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripGatewayExtensions);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith(extensionPrefix))
      .map(([key, child]) => [key, stripGatewayExtensions(child)]),
  );
}

/**
 * The stage's base URL from the export's first server, with its variables at their defaults
 * (API Gateway exports `https://{id}.execute-api.{region}.amazonaws.com/{basePath}`).
 */
export function invokeUrlOf(spec: JsonObject): string | undefined {
  const servers = spec.servers;
  const server = Array.isArray(servers) && isObject(servers[0]) ? servers[0] : undefined;
  if (!server || typeof server.url !== 'string') return undefined;
  const variables = isObject(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (match, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : match;
  });
  return url.replace(/([^:]\/)\/+/g, '$1').replace(/\/+$/, '');
}

/**
 * Where the key goes: `x-api-key` for key source HEADER; for AUTHORIZER, the request parameter
 * the authorizer reads (`method.request.querystring.api_key` → query `api_key`).
 */
export function keyLocationOf(
  spec: JsonObject,
  apiKeySource: 'HEADER' | 'AUTHORIZER',
): KeyLocation {
  const header: KeyLocation = { in: 'header', name: 'x-api-key' };
  if (apiKeySource === 'HEADER') return header;
  const schemes =
    isObject(spec.components) && isObject(spec.components.securitySchemes)
      ? Object.values(spec.components.securitySchemes)
      : [];
  for (const scheme of schemes) {
    const authorizer = isObject(scheme) ? scheme[`${extensionPrefix}authorizer`] : undefined;
    const source =
      isObject(authorizer) && typeof authorizer.identitySource === 'string'
        ? authorizer.identitySource.split(',')[0]?.trim()
        : undefined;
    const match = source?.match(/^method\.request\.(querystring|header)\.(.+)$/);
    if (match?.[1] && match[2])
      return { in: match[1] === 'querystring' ? 'query' : 'header', name: match[2] };
  }
  return header;
}

export function describeKeyLocation(location: KeyLocation): string {
  return location.in === 'header'
    ? `Send your API key in the \`${location.name}\` header.`
    : `Send your API key in the \`${location.name}\` query-string parameter.`;
}
