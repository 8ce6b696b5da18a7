import { describe, expect, it } from 'vitest';
import { settingsFromForm } from './catalog-settings';

const entry = 'gateway:abc123:prod';

describe('settingsFromForm', () => {
  it('reads a full form', () => {
    const result = settingsFromForm({
      entry,
      published: 'on',
      displayName: ' Forecasts ',
      slug: 'Forecasts-V2',
      description: '**Daily**',
      tags: 'Climate, Geo, Climate,',
      sortOrder: '-5',
      accentColour: '#0EA5E9',
    });
    expect(result.success && result.data).toEqual({
      entry,
      settings: {
        published: true,
        displayName: 'Forecasts',
        slug: 'forecasts-v2',
        description: '**Daily**',
        tags: ['Climate', 'Geo'],
        sortOrder: -5,
        accentColour: '#0ea5e9',
        audience: { kind: 'public' },
      },
    });
  });

  it('reads the audience: a kind and one checkbox per ticked audience', () => {
    const result = settingsFromForm({
      entry,
      audience: 'groups',
      'audience-group:partners': 'on',
      'audience-group:beta': 'on',
    });
    expect(result.success && result.data.settings.audience).toEqual({
      kind: 'groups',
      groups: ['partners', 'beta'],
    });
  });

  it('treats empty fields as "use the API\'s own" and a missing checkbox as unpublished', () => {
    const result = settingsFromForm({ entry, displayName: '', slug: '', tags: '', sortOrder: '' });
    expect(result.success && result.data.settings).toEqual({
      published: false,
      tags: [],
      sortOrder: 0,
      audience: { kind: 'public' },
    });
  });

  it.each([
    [{ slug: 'no spaces' }, 'A slug uses lowercase letters'],
    [{ slug: 'a' }, 'at least 2 characters'],
    [{ sortOrder: 'first' }, 'whole number from -999 to 999'],
    [{ sortOrder: '1.5' }, 'whole number from -999 to 999'],
    [{ accentColour: 'red' }, 'hex colour'],
    [{ tags: '<script>' }, 'Tags use letters'],
    [{ entry: 'gateway:../x' }, 'not in the catalog'],
    [{ audience: 'groups' }, 'Choose at least one audience'],
    [{ audience: 'everyone' }, 'Choose who sees it'],
    [{ audience: 'groups', 'audience-group:Bad Id': 'on' }, 'An audience id is'],
  ])('refuses %o', (fields, message) => {
    const result = settingsFromForm({ entry, published: 'on', ...fields });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
