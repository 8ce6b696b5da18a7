import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlugs } from './slug';

describe('slugify', () => {
  it.each([
    ['Weather', 'weather'],
    ['Weather API (v2)', 'weather-api-v2'],
    ['  Pagos — México ', 'pagos-mexico'],
    ['***', 'api'],
  ])('%s → %s', (text, slug) => expect(slugify(text)).toBe(slug));

  it('keeps slugs short', () => expect(slugify('a'.repeat(200)).length).toBeLessThanOrEqual(64));
});

describe('uniqueSlugs', () => {
  const stage = (name: string, stageName: string) => ({ name, stageName });
  const slugs = (items: ReturnType<typeof stage>[]) =>
    uniqueSlugs(
      items,
      (i) => i.name,
      (i) => i.stageName,
    );

  it('uses the plain slug when it is unique', () => {
    expect(slugs([stage('Weather', 'prod'), stage('Payments', 'prod')])).toEqual([
      'weather',
      'payments',
    ]);
  });

  it('qualifies slugs that would collide', () => {
    expect(slugs([stage('Weather', 'prod'), stage('Weather', 'beta')])).toEqual([
      'weather-prod',
      'weather-beta',
    ]);
  });

  it('never returns the same slug twice', () => {
    const result = slugs([stage('A', 'x'), stage('A', 'x'), stage('A x', 'y')]);
    expect(new Set(result).size).toBe(3);
  });
});
