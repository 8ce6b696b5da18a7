import { sendMailJob } from '../mail/mail-jobs';
import { attemptDelivery } from '../webhooks/deliver';
import { releaseHeld } from '../webhooks/held';
import type { EventDeps } from './deps';
import { fanOut } from './fan-out';
import { claimJob, dueJobs } from './outbox';

const handlers = {
  event: fanOut,
  delivery: attemptDelivery,
  release: releaseHeld,
  mail: sendMailJob,
} as const;

const isKind = (kind: string): kind is keyof typeof handlers => kind in handlers;

/**
 * Works through every due outbox job until none is left or the time budget is spent (a
 * scheduled Lambda has a few minutes; the local interval runs every couple of seconds). A job
 * that throws stays claimed and comes back when its lease ends.
 */
export async function runOutbox(
  deps: EventDeps,
  budgetMs = 50_000,
): Promise<{ processed: number; failed: number }> {
  const stopAt = Date.now() + budgetMs;
  let processed = 0;
  let failed = 0;
  while (Date.now() < stopAt) {
    const jobs = await dueJobs(deps);
    if (jobs.length === 0) break;
    for (const job of jobs) {
      if (Date.now() >= stopAt) break;
      if (!(await claimJob(deps, job))) continue;
      const kind = String(job.item.kind);
      if (!isKind(kind)) continue;
      try {
        await handlers[kind](deps, job, job.item);
        processed++;
      } catch (error) {
        failed++;
        console.error(`[outbox] ${kind} ${job.pk} failed; it is retried after its lease`, error);
      }
    }
  }
  return { processed, failed };
}
