import type { Metadata } from 'next';
import { PlanFields } from '@/components/admin/plan-fields';
import { PlanThresholdsForm } from '@/components/admin/plan-thresholds-form';
import { ActionForm } from '@/components/portal/action-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { createPlanAction, deletePlanAction, updatePlanAction } from '@/lib/admin/actions/plans';
import { listAdminPlans, type AdminPlan } from '@/lib/admin/plans';
import { adminDeps } from '@/lib/admin/server-deps';
import { describeAudience } from '@/lib/audiences/audience';
import { listAudiences } from '@/lib/audiences/groups';
import { requireAdmin } from '@/lib/auth/session';
import { setPlanThresholdsAction } from '@/lib/quota/actions';
import { planThresholds, thresholdsFor } from '@/lib/quota/alert-store';

export const metadata: Metadata = { title: 'Plans · Admin' };

const limits = (plan: AdminPlan) =>
  [
    plan.throttle?.rateLimit !== undefined
      ? `${plan.throttle.rateLimit} req/s (burst ${plan.throttle.burstLimit ?? '—'})`
      : 'no throttle',
    plan.quota?.limit !== undefined
      ? `${plan.quota.limit} per ${plan.quota.period?.toLowerCase()}`
      : 'no quota',
  ].join(' · ');

async function load() {
  try {
    const deps = adminDeps();
    const [plans, audiences, thresholds] = await Promise.all([
      listAdminPlans(deps),
      listAudiences(deps),
      planThresholds(deps),
    ]);
    return { plans, audiences, thresholds };
  } catch (error) {
    console.error('[admin] plans failed', error);
    return undefined;
  }
}

export default async function AdminPlansPage() {
  await requireAdmin('/admin/plans');
  const loaded = await load();
  if (!loaded) {
    return (
      <Alert tone="error" title="The plans could not be loaded">
        API Gateway did not answer. Reload the page in a moment.
      </Alert>
    );
  }
  const { plans, audiences, thresholds } = loaded;
  const audienceNames = new Map(audiences.map((audience) => [audience.id, audience.name]));
  const stages = new Map(plans.flatMap((plan) => plan.apis.map((api) => [api.stage, api.label])));
  return (
    <div className="space-y-8">
      <PageHeader
        title="Plans"
        description="API Gateway usage plans: limits are changed in API Gateway, portal settings are kept as plan tags."
      />
      <ul className="space-y-4">
        {plans.map((plan) => (
          <Card as="li" key={plan.id}>
            <div data-testid="admin-plan" className="space-y-3">
              <h2 className="text-lg font-semibold">{plan.name}</h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {limits(plan)} · {plan.subscribers} subscriber{plan.subscribers === 1 ? '' : 's'} ·{' '}
                {plan.metadata.visibility} ·{' '}
                {plan.metadata.approval === 'manual' ? 'needs approval' : 'immediate'} · seen by{' '}
                {describeAudience(plan.metadata.audience, audienceNames)}
              </p>
              <p className="text-sm">
                APIs: {plan.apis.map((api) => api.label).join(', ') || 'none'}
              </p>
              {plan.quota?.limit !== undefined && (
                <PlanThresholdsForm
                  planId={plan.id}
                  planName={plan.name}
                  thresholds={thresholdsFor(thresholds, plan.id)}
                  action={setPlanThresholdsAction}
                />
              )}
              <details>
                <summary className="cursor-pointer text-sm font-medium text-indigo-700 dark:text-indigo-300">
                  Edit {plan.name}
                </summary>
                <div className="mt-3">
                  <ActionForm
                    action={updatePlanAction}
                    fields={{ planId: plan.id }}
                    label="Save"
                    pendingLabel="Saving…"
                  >
                    <PlanFields plan={plan} audiences={audiences} />
                  </ActionForm>
                </div>
              </details>
              <ActionForm
                action={deletePlanAction}
                fields={{ planId: plan.id }}
                label={`Delete ${plan.name}`}
                pendingLabel="Deleting…"
                variant="danger"
                confirm={`Delete the usage plan ${plan.name}? This cannot be undone.`}
              />
            </div>
          </Card>
        ))}
      </ul>
      <Card as="section">
        <h2 className="mb-3 text-lg font-semibold">New plan</h2>
        {stages.size === 0 ? (
          <p className="text-sm">No API is published yet: publish one first.</p>
        ) : (
          <ActionForm
            action={createPlanAction}
            fields={{}}
            label="Create plan"
            pendingLabel="Creating…"
          >
            <label className="block text-sm font-medium">
              API
              <select
                name="apiStage"
                required
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
              >
                {[...stages].map(([stage, label]) => (
                  <option key={stage} value={stage}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <PlanFields audiences={audiences} />
          </ActionForm>
        )}
      </Card>
    </div>
  );
}
