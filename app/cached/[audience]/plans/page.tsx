import type { Metadata } from 'next';
import { getVisiblePlans } from '@/lib/gateway/plans';
import { PlansView } from '../../../(marketing)/plans/plans-view';
import { publicViewer, type CachedParams } from '../public-viewer';

export const metadata: Metadata = {
  title: 'Plans',
  description: 'Rate limits, quotas and the APIs each plan includes.',
};

/** /plans for anonymous visitors: the public plans, each with "Sign in to subscribe". */
export default async function CachedPlansPage({ params }: { params: CachedParams }) {
  return <PlansView plans={await getVisiblePlans(await publicViewer(params))} />;
}
