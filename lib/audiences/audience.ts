import { z } from 'zod';
import { audienceGroupFieldPrefix } from './form-fields';

/** A named audience's id: also the tail of its Cognito group's name (`audience:{id}`). */
export const audienceIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,39}$/,
    'An audience id is 2 to 40 lowercase letters, digits or hyphens, like "partners".',
  );

/** Who may see an API, a plan or a guide. */
export const audienceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('public') }),
    z.object({ kind: z.literal('signed-in') }),
    z.object({
      kind: z.literal('groups'),
      groups: z.array(audienceIdSchema).min(1, 'Choose at least one audience.').max(20),
    }),
  ],
  { error: 'Choose who sees it: everyone, signed-in customers or named audiences.' },
);
export type Audience = z.infer<typeof audienceSchema>;

export const publicAudience: Audience = { kind: 'public' };

/** Who is looking, as far as visibility goes. Admins see everything, to check what they publish. */
export interface AudienceViewer {
  signedIn: boolean;
  isAdmin: boolean;
  /** Ids of the named audiences the person belongs to. */
  groups: readonly string[];
}

export const anonymousViewer: AudienceViewer = { signedIn: false, isAdmin: false, groups: [] };

/** Cognito groups standing for audiences carry this prefix; other groups are roles or the pool's. */
export const audienceGroupPrefix = 'audience:';

export const audienceGroupName = (id: string) => `${audienceGroupPrefix}${id}`;

/** The audience ids among a person's Cognito groups (the verified `cognito:groups` claim). */
export function audienceIdsOf(cognitoGroups: readonly string[]): string[] {
  return cognitoGroups
    .filter((group) => group.startsWith(audienceGroupPrefix))
    .map((group) => group.slice(audienceGroupPrefix.length));
}

export function canSee(audience: Audience, viewer: AudienceViewer): boolean {
  if (audience.kind === 'public' || viewer.isAdmin) return true;
  if (!viewer.signedIn) return false;
  if (audience.kind === 'signed-in') return true;
  return audience.groups.some((group) => viewer.groups.includes(group));
}

/** Whatever someone may not see is absent for them: filtered out, never shown as forbidden. */
export function visibleTo<T extends { audience: Audience }>(
  items: T[],
  viewer: AudienceViewer,
): T[] {
  return items.filter((item) => canSee(item.audience, viewer));
}

/*
 * On a usage plan the audience is a tag (`portico:audience`), whose values AWS limits to
 * letters, digits, spaces and `_.:/=+-@`: `public`, `signed-in`, or `groups:partners beta`.
 */
export function audienceToTag(audience: Audience): string {
  return audience.kind === 'groups' ? `groups:${audience.groups.join(' ')}` : audience.kind;
}

export function audienceFromTag(value: string | undefined): Audience {
  if (value === 'signed-in') return { kind: 'signed-in' };
  if (value?.startsWith('groups:')) {
    const parsed = audienceSchema.safeParse({
      kind: 'groups',
      groups: value.slice('groups:'.length).split(' ').filter(Boolean),
    });
    // A tag edited elsewhere into nonsense hides the plan rather than opening it to everyone.
    return parsed.success ? parsed.data : { kind: 'groups', groups: [] };
  }
  return publicAudience;
}

/**
 * The admin forms' audience fields, as `Object.fromEntries(formData)` gives them: `audience`
 * (public | signed-in | groups) and one checkbox per ticked audience; unvalidated, for
 * `audienceSchema` to check. Undefined when the form has no audience field.
 */
export function audienceFields(fields: Record<string, unknown>): unknown {
  if (fields.audience === undefined) return undefined;
  const groups = Object.keys(fields)
    .filter((name) => name.startsWith(audienceGroupFieldPrefix))
    .map((name) => name.slice(audienceGroupFieldPrefix.length));
  return fields.audience === 'groups' ? { kind: 'groups', groups } : { kind: fields.audience };
}

export const audienceFromForm = (fields: Record<string, unknown>) =>
  audienceSchema.safeParse(audienceFields(fields) ?? publicAudience);

/** How the admin console says who sees something. */
export function describeAudience(audience: Audience, names: ReadonlyMap<string, string>): string {
  if (audience.kind === 'public') return 'Everyone';
  if (audience.kind === 'signed-in') return 'Signed-in customers';
  return audience.groups.map((id) => names.get(id) ?? id).join(', ');
}

/** A customer as the portal's use cases receive them: from the session, with their groups. */
export interface AudienceMember {
  /** Cognito groups; a customer known without them belongs to no named audience. */
  groups?: readonly string[];
  isAdmin?: boolean;
}

export function memberViewer(member: AudienceMember): AudienceViewer {
  return {
    signedIn: true,
    isAdmin: member.isAdmin ?? false,
    groups: audienceIdsOf(member.groups ?? []),
  };
}
