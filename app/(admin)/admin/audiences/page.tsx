import type { Metadata } from 'next';
import { ActionForm } from '@/components/portal/action-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { adminDeps } from '@/lib/admin/server-deps';
import {
  addAudienceMemberAction,
  createAudienceAction,
  removeAudienceMemberAction,
  renameAudienceAction,
} from '@/lib/audiences/actions';
import { audienceMembers, listAudiences } from '@/lib/audiences/groups';
import { requireAdmin } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Audiences · Admin' };

const input =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';

/** Every audience with its members: one ListGroups and one ListUsersInGroup per audience. */
async function load() {
  try {
    const deps = adminDeps();
    const audiences = await listAudiences(deps);
    return await Promise.all(
      audiences.map(async (audience) => ({
        ...audience,
        members: await audienceMembers(deps, audience.id),
      })),
    );
  } catch (error) {
    console.error('[admin] audiences failed', error);
    return undefined;
  }
}

export default async function AdminAudiencesPage() {
  await requireAdmin('/admin/audiences');
  const audiences = await load();
  return (
    <div className="space-y-8">
      <PageHeader
        title="Audiences"
        description="Named groups of customers. Limit an API or a plan to audiences on its settings; everyone else does not see it at all."
      />
      <Card as="section">
        <h2 className="text-lg font-semibold">New audience</h2>
        <ActionForm
          action={createAudienceAction}
          fields={{}}
          label="Create"
          pendingLabel="Creating…"
        >
          <div className="grid gap-3 md:grid-cols-2">
            <label className="text-sm font-medium">
              Name
              <input name="name" required minLength={2} maxLength={80} className={input} />
            </label>
            <label className="text-sm font-medium">
              Id (lowercase letters, digits, hyphens; never changes)
              <input
                name="id"
                required
                pattern="[a-z0-9][a-z0-9\-]{1,39}"
                className={`${input} font-mono`}
              />
            </label>
          </div>
        </ActionForm>
      </Card>
      {!audiences ? (
        <Alert tone="error" title="The audiences could not be loaded">
          Cognito did not answer. Reload the page in a moment.
        </Alert>
      ) : audiences.length === 0 ? (
        <EmptyState
          title="No audiences yet"
          description="Create one above, add customers to it, then choose it on an API or a plan."
        />
      ) : (
        <ul className="space-y-4" aria-label="Audiences">
          {audiences.map((audience) => (
            <Card as="li" key={audience.id}>
              <div data-testid="audience" className="space-y-4">
                <h2 className="text-lg font-semibold">
                  {audience.name}{' '}
                  <span className="font-mono text-sm font-normal text-slate-500 dark:text-slate-400">
                    {audience.id}
                  </span>
                </h2>
                {audience.members.length === 0 ? (
                  <p className="text-sm text-slate-600 dark:text-slate-400">No members yet.</p>
                ) : (
                  <ul aria-label={`Members of ${audience.name}`} className="space-y-2">
                    {audience.members.map((member) => (
                      <li key={member.sub} className="flex flex-wrap items-center gap-3 text-sm">
                        <span>{member.email}</span>
                        <ActionForm
                          action={removeAudienceMemberAction}
                          fields={{ id: audience.id, sub: member.sub }}
                          label={`Remove ${member.email}`}
                          pendingLabel="Removing…"
                          variant="secondary"
                        />
                      </li>
                    ))}
                  </ul>
                )}
                <div className="grid gap-4 md:grid-cols-2">
                  <ActionForm
                    action={addAudienceMemberAction}
                    fields={{ id: audience.id }}
                    label="Add customer"
                    pendingLabel="Adding…"
                  >
                    <label className="text-sm font-medium">
                      Customer email
                      <input name="email" type="email" required className={input} />
                    </label>
                  </ActionForm>
                  <ActionForm
                    action={renameAudienceAction}
                    fields={{ id: audience.id }}
                    label="Rename"
                    pendingLabel="Renaming…"
                    variant="secondary"
                  >
                    <label className="text-sm font-medium">
                      New name
                      <input
                        name="name"
                        required
                        minLength={2}
                        maxLength={80}
                        defaultValue={audience.name}
                        className={input}
                      />
                    </label>
                  </ActionForm>
                </div>
              </div>
            </Card>
          ))}
        </ul>
      )}
    </div>
  );
}
