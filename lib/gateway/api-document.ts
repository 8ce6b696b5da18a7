import {
  describeKeyLocation,
  invokeUrlOf,
  keyLocationOf,
  stripGatewayExtensions,
  type KeyLocation,
} from './openapi-export';
import { withoutExternalRefs } from '../openapi/external-refs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ApiDocument {
  /** OpenAPI 3 without API Gateway's extensions, `servers` set to the stage's invoke URL. */
  spec: JsonObject;
  baseUrl: string | undefined;
  keyLocation: KeyLocation;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one security scheme readers see for the API key, whatever the export called it. */
export const apiKeySchemeName = 'api_key';

/**
 * Turns a stage export (taken with `extensions=apigateway`, so the authorizer's identity source
 * is visible) into the document readers see: no gateway extensions, the real base URL, and one
 * API-key scheme that says in words where the key goes.
 */
export function prepareApiDocument(
  exported: JsonObject,
  apiKeySource: 'HEADER' | 'AUTHORIZER',
): ApiDocument {
  const keyLocation = keyLocationOf(exported, apiKeySource);
  const baseUrl = invokeUrlOf(exported);
  const spec = withoutExternalRefs(stripGatewayExtensions(exported)) as JsonObject;
  if (baseUrl) spec.servers = [{ url: baseUrl }];

  const components = isObject(spec.components) ? spec.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const keySchemes = new Set(
    Object.entries(schemes)
      .filter(([, scheme]) => isObject(scheme) && scheme.type === 'apiKey')
      .map(([name]) => name),
  );
  if (keySchemes.size === 0) return { spec, baseUrl, keyLocation };

  const otherSchemes = Object.fromEntries(
    Object.entries(schemes).filter(([name]) => !keySchemes.has(name)),
  );
  spec.components = {
    ...components,
    securitySchemes: {
      ...otherSchemes,
      [apiKeySchemeName]: {
        type: 'apiKey',
        in: keyLocation.in,
        name: keyLocation.name,
        description: describeKeyLocation(keyLocation),
      },
    },
  };
  const rewrite = (requirements: Json): Json =>
    Array.isArray(requirements)
      ? requirements.map((requirement) =>
          isObject(requirement) ? mergeKeySchemes(requirement, keySchemes) : requirement,
        )
      : requirements;
  if (spec.security) spec.security = rewrite(spec.security);
  for (const pathItem of Object.values(isObject(spec.paths) ? spec.paths : {})) {
    for (const operation of Object.values(isObject(pathItem) ? pathItem : {})) {
      if (isObject(operation) && operation.security)
        operation.security = rewrite(operation.security);
    }
  }
  return { spec, baseUrl, keyLocation };
}

function mergeKeySchemes(requirement: JsonObject, keySchemes: Set<string>): JsonObject {
  const entries = Object.entries(requirement);
  const others = entries.filter(([name]) => !keySchemes.has(name));
  const needsKey = entries.length !== others.length;
  return Object.fromEntries(needsKey ? [...others, [apiKeySchemeName, []]] : others);
}

/** An uploaded spec as readers see it: no key, since nothing is subscribed to here. */
export interface GenericDocument {
  spec: JsonObject;
  baseUrl: string | undefined;
  keyLocation?: undefined;
}

/** Its own servers are the base URL: the API is hosted elsewhere. */
export function prepareGenericDocument(stored: unknown): GenericDocument {
  const spec = isObject(stored) ? withoutExternalRefs(stored) : {};
  return { spec, baseUrl: invokeUrlOf(spec) };
}
