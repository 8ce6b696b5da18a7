import { describe, expect, it } from 'vitest';
import { gatewayEntry } from '../testing/catalog-entries';
import { visibleCatalog } from '../gateway/catalog-model';
import {
  anonymousViewer,
  audienceFromTag,
  audienceIdsOf,
  audienceToTag,
  canSee,
  memberViewer,
  type Audience,
  type AudienceViewer,
} from './audience';

const partners: Audience = { kind: 'groups', groups: ['partners'] };
const signedIn: Audience = { kind: 'signed-in' };
const customer: AudienceViewer = { signedIn: true, isAdmin: false, groups: [] };
const partner: AudienceViewer = { ...customer, groups: ['partners'] };
const admin: AudienceViewer = { ...customer, isAdmin: true };

describe('who sees what', () => {
  it.each([
    ['anonymous', anonymousViewer, [true, false, false]],
    ['a customer', customer, [true, true, false]],
    ['a partner', partner, [true, true, true]],
    ['an admin', admin, [true, true, true]],
  ] as const)('%s sees public, signed-in, partners-only: %o', (_name, viewer, expected) => {
    expect([{ kind: 'public' } as const, signedIn, partners].map((a) => canSee(a, viewer))).toEqual(
      expected,
    );
  });

  it('takes audiences from the audience groups only, not roles or other groups', () => {
    expect(audienceIdsOf(['portico-admins', 'audience:partners', 'us-east-1_x_Google'])).toEqual([
      'partners',
    ]);
    expect(memberViewer({ groups: ['audience:partners'] })).toEqual(partner);
    expect(memberViewer({})).toEqual(customer);
  });

  it('removes hidden entries and, inside visible ones, the plans the viewer may not see', () => {
    const weather = gatewayEntry({
      name: 'Weather',
      plans: [
        { id: 'b', name: 'Bronze', audience: { kind: 'public' } },
        { id: 'p', name: 'Partner', audience: partners },
      ],
    });
    const secret = gatewayEntry({ name: 'Secret', audience: partners });
    expect(visibleCatalog([weather, secret], customer)).toEqual([
      { ...weather, plans: [weather.plans[0]] },
    ]);
    expect(visibleCatalog([weather, secret], partner)).toEqual([weather, secret]);
  });
});

describe('the plan tag', () => {
  it.each<Audience>([{ kind: 'public' }, signedIn, { kind: 'groups', groups: ['a1', 'beta'] }])(
    'round-trips %o',
    (audience) => {
      expect(audienceFromTag(audienceToTag(audience))).toEqual(audience);
    },
  );

  it('reads a missing tag as public and a garbled one as nobody, never everyone', () => {
    expect(audienceFromTag(undefined)).toEqual({ kind: 'public' });
    const garbled = audienceFromTag('groups:<script>');
    expect(canSee(garbled, partner)).toBe(false);
    expect(canSee(garbled, customer)).toBe(false);
  });
});
