'use server';

import 'server-only';
import { adminDeps } from '../admin/server-deps';
import { serverAction } from '../server-action/runner';
import { planThresholdsInput } from '../validation/quota-thresholds';
import { savePlanThresholds } from './plan-thresholds';

export const setPlanThresholdsAction = serverAction({
  caller: 'admin',
  returnTo: '/admin/plans',
  input: planThresholdsInput,
  run: (admin, { planId, thresholds }) =>
    savePlanThresholds(adminDeps(), admin, planId, thresholds),
  revalidate: ['/admin/plans'],
  keepValues: true,
});
