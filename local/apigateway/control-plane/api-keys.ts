import type { EmulatorContext } from '../context';
import { badRequest, conflict, limitExceeded } from '../errors';
import { newApiKeyValue, newId } from '../ids';
import type { ApiKey } from '../model/types';
import { epochSeconds, findApiKey } from './lookup';
import { paginate } from './paging';
import { patchOperationsOf, unsupportedPatch, valueOf } from './patch';
import { accepted, created, jsonBody, ok, param, type ControlHandler } from './request';
import { booleanQuery, optionalBoolean, optionalString, tagsOf } from './validate';
import { apiKeyView } from './views';

/** API Gateway's default quota of API keys per account and region. */
export const maxApiKeys = 10_000;

export interface NewApiKey {
  name?: string;
  description?: string;
  enabled?: boolean;
  value?: string;
  customerId?: string;
  tags?: Record<string, string>;
}

/**
 * The number of keys and their values, which every new key is checked against. Built once per
 * `state.apiKeys` map and kept up to date by the writes that add or remove a key (addApiKey,
 * DeleteApiKey, ImportApiKeys' undo), so a create costs the same at 10,000 keys as at one; a
 * map that is replaced (ImportApiKeys' draft) gets its own.
 */
export interface KeyRegistry {
  count: number;
  values: Set<string>;
}

const registries = new WeakMap<Record<string, ApiKey>, KeyRegistry>();

export function keyRegistry(ctx: EmulatorContext): KeyRegistry {
  const map = ctx.state.apiKeys;
  let registry = registries.get(map);
  if (!registry) {
    const keys = Object.values(map);
    registry = { count: keys.length, values: new Set(keys.map((key) => key.value)) };
    registries.set(map, registry);
  }
  return registry;
}

/** Validates and stores one key; shared by CreateApiKey and ImportApiKeys. */
export function addApiKey(
  ctx: EmulatorContext,
  input: NewApiKey,
  registry: KeyRegistry = keyRegistry(ctx),
): ApiKey {
  if (registry.count >= maxApiKeys) {
    throw limitExceeded(`You have reached the limit of ${maxApiKeys} API keys`);
  }
  const value = input.value ?? newApiKeyValue();
  if (value.length < 20 || value.length > 128) {
    throw badRequest('API Key value should be at least 20 characters and at most 128');
  }
  if (!/^[\x21-\x7e]+$/.test(value)) throw badRequest('API Key value has invalid characters');
  if (registry.values.has(value)) throw conflict('API Key already exists');
  const id = newId();
  const now = epochSeconds(ctx);
  const key: ApiKey = {
    id,
    value,
    name: input.name ?? id,
    ...(input.description === undefined ? {} : { description: input.description }),
    // CreateApiKey's `enabled` defaults to false on AWS.
    enabled: input.enabled ?? false,
    ...(input.customerId === undefined ? {} : { customerId: input.customerId }),
    createdDate: now,
    lastUpdatedDate: now,
    stageKeys: [],
    tags: input.tags ?? {},
  };
  ctx.state.apiKeys[id] = key;
  registry.count += 1;
  registry.values.add(value);
  return key;
}

export const createApiKey: ControlHandler = (request) => {
  const { ctx } = request;
  const body = jsonBody(request);
  const name = optionalString(body.name, 'name');
  const description = optionalString(body.description, 'description');
  const enabled = optionalBoolean(body.enabled, 'enabled');
  const value = optionalString(body.value, 'value');
  const customerId = optionalString(body.customerId, 'customerId');
  const key = addApiKey(ctx, {
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
    ...(enabled === undefined ? {} : { enabled }),
    ...(value === undefined ? {} : { value }),
    ...(customerId === undefined ? {} : { customerId }),
    tags: tagsOf(body.tags),
  });
  ctx.changed({ apiKeys: [key.id] });
  return created(apiKeyView(key, true));
};

export const getApiKey: ControlHandler = (request) =>
  ok(
    apiKeyView(
      findApiKey(request.ctx, param(request, 'apiKey')),
      booleanQuery(request.query, 'includeValue'),
    ),
  );

export const getApiKeys: ControlHandler = ({ ctx, query }) => {
  const namePrefix = query.get('name');
  const customerId = query.get('customerId');
  const includeValues = booleanQuery(query, 'includeValues');
  const keys = Object.values(ctx.state.apiKeys).filter(
    (key) =>
      (!namePrefix || key.name.startsWith(namePrefix)) &&
      (!customerId || key.customerId === customerId),
  );
  const page = paginate(keys, query);
  return ok({
    item: page.items.map((key) => apiKeyView(key, includeValues)),
    ...(page.position ? { position: page.position } : {}),
  });
};

export const updateApiKey: ControlHandler = (request) => {
  const { ctx } = request;
  const stored = findApiKey(ctx, param(request, 'apiKey'));
  const key = { ...stored };
  for (const operation of patchOperationsOf(jsonBody(request))) {
    if (operation.op !== 'replace') unsupportedPatch(operation);
    const value = valueOf(operation);
    if (operation.path === '/name') key.name = value;
    else if (operation.path === '/description') key.description = value;
    else if (operation.path === '/customerId') key.customerId = value;
    else if (operation.path === '/enabled') {
      const enabled = optionalBoolean(value, 'enabled');
      if (enabled === undefined) throw badRequest('Invalid enabled: expected true or false');
      key.enabled = enabled;
    } else unsupportedPatch(operation);
  }
  key.lastUpdatedDate = epochSeconds(ctx);
  ctx.state.apiKeys[key.id] = key;
  ctx.changed({ apiKeys: [key.id] });
  return ok(apiKeyView(key, false));
};

export const deleteApiKey: ControlHandler = (request) => {
  const { ctx } = request;
  const key = findApiKey(ctx, param(request, 'apiKey'));
  const registry = keyRegistry(ctx);
  delete ctx.state.apiKeys[key.id];
  registry.count -= 1;
  registry.values.delete(key.value);
  const unlinked = ctx.state.usagePlanKeys.filter((entry) => entry.keyId === key.id);
  ctx.state.usagePlanKeys = ctx.state.usagePlanKeys.filter((entry) => entry.keyId !== key.id);
  ctx.changed({ apiKeys: [key.id], unlinked });
  return accepted();
};
