import type { Metadata } from 'next';
import { audienceViewer } from '@/lib/audiences/viewer';
import { getVisiblePlans } from '@/lib/gateway/plans';
import { planViewer } from '@/lib/portal/viewer';
import { PlansView } from './plans-view';

export const metadata: Metadata = {
  title: 'Plans',
  description: 'Rate limits, quotas and the APIs each plan includes.',
};

/** Signed-in visitors: their audiences' plans and their current plan. Anonymous: app/cached. */
export default async function PlansPage() {
  const [plans, viewer] = await Promise.all([audienceViewer().then(getVisiblePlans), planViewer()]);
  return <PlansView plans={plans} viewer={viewer} />;
}
