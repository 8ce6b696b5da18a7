import { badRequest } from '../errors';
import type { QuotaPeriod, QuotaSettings, Tags, ThrottleSettings } from '../model/types';

export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`Invalid ${field}: expected a string`);
  return value;
}

export function requiredString(value: unknown, field: string): string {
  const result = optionalString(value, field);
  if (result === undefined || result.trim() === '') throw badRequest(`${field} is required`);
  return result;
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw badRequest(`Invalid ${field}: expected true or false`);
}

export function nonNegativeNumber(value: unknown, field: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
    throw badRequest(`Invalid ${field}: expected a non-negative number`);
  }
  return number;
}

export function tagsOf(value: unknown): Tags {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('Invalid tags');
  const tags: Tags = {};
  for (const [key, tagValue] of Object.entries(value)) {
    if (typeof tagValue !== 'string') throw badRequest(`Invalid value for tag ${key}`);
    if (key.length === 0 || key.length > 128 || key.startsWith('aws:')) {
      throw badRequest(`Invalid tag key: ${key}`);
    }
    if (tagValue.length > 256)
      throw badRequest(`Invalid value for tag ${key}: at most 256 characters`);
    tags[key] = tagValue;
  }
  if (Object.keys(tags).length > 50) throw badRequest('A resource can have at most 50 tags');
  return tags;
}

export function throttleOf(value: unknown): ThrottleSettings | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') throw badRequest('Invalid throttle');
  const { rateLimit, burstLimit } = value as Record<string, unknown>;
  return {
    ...(rateLimit === undefined ? {} : { rateLimit: nonNegativeNumber(rateLimit, 'rateLimit') }),
    ...(burstLimit === undefined
      ? {}
      : { burstLimit: Math.floor(nonNegativeNumber(burstLimit, 'burstLimit')) }),
  };
}

const periods: QuotaPeriod[] = ['DAY', 'WEEK', 'MONTH'];

export function quotaOf(value: unknown): QuotaSettings | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') throw badRequest('Invalid quota');
  const { limit, offset, period } = value as Record<string, unknown>;
  const quota: QuotaSettings = {
    limit: Math.floor(nonNegativeNumber(limit, 'quota limit')),
    offset: offset === undefined ? 0 : Math.floor(nonNegativeNumber(offset, 'quota offset')),
    period: period as QuotaPeriod,
  };
  return checkQuota(quota);
}

/** AWS's rules: DAY has no offset, a WEEK offset is a weekday (0 = Sunday), a MONTH offset < 28. */
export function checkQuota(quota: QuotaSettings): QuotaSettings {
  if (!periods.includes(quota.period)) {
    throw badRequest(`Invalid quota period: expected one of ${periods.join(', ')}`);
  }
  if (quota.limit < 1) throw badRequest('Invalid quota limit: must be at least 1');
  const maxOffset = { DAY: 0, WEEK: 6, MONTH: 27 }[quota.period];
  if (quota.offset > maxOffset) {
    throw badRequest(
      `Invalid quota offset for period ${quota.period}: must be between 0 and ${maxOffset}`,
    );
  }
  return quota;
}

export const booleanQuery = (query: URLSearchParams, name: string) =>
  optionalBoolean(query.get(name) ?? undefined, name) ?? false;
