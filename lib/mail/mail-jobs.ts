import { z } from 'zod';
import { nextAttemptAt } from '../events/backoff';
import type { EventDeps } from '../events/deps';
import { enqueueJob, finishJob, retryJob, type JobKey, type OutboxDeps } from '../events/outbox';
import { mailPreferences } from './preferences';
import { sendMail } from './send';
import { mailSchema, optionalTemplates, renderMail, type MailInput } from './templates';
import { unsubscribeToken } from './unsubscribe-token';

const mailJobSchema = z.object({
  to: z.string(),
  /** Set for mail to a customer, whose preferences decide about optional mail. */
  customerSub: z.string().optional(),
  mail: mailSchema,
  createdAt: z.number(),
  attempts: z.number(),
});

/** Queues one mail; the same `id` twice queues it once. */
export async function enqueueMail(
  deps: OutboxDeps,
  id: string,
  job: { to: string; customerSub?: string; mail: MailInput },
): Promise<void> {
  await enqueueJob(
    deps,
    { pk: `MAIL#${id}`, sk: 'MAIL' },
    { kind: 'mail', ...job, mail: mailSchema.parse(job.mail), createdAt: deps.now(), attempts: 0 },
  );
}

export async function sendMailJob(
  deps: EventDeps,
  key: JobKey,
  item: Record<string, unknown>,
): Promise<void> {
  const job = mailJobSchema.parse(item);
  const optional = optionalTemplates.has(job.mail.template);
  if (optional && job.customerSub && !(await mailPreferences(deps, job.customerSub)).optionalMail)
    return finishJob(deps, key, { state: 'skipped', error: 'The customer turned this mail off.' });
  if (!deps.mail.from) {
    console.warn('[mail] not sent: set PORTICO_MAIL_FROM to a verified SES identity');
    return finishJob(deps, key, { state: 'failed', error: 'No sender configured.' });
  }
  const unsubscribe =
    optional && job.customerSub
      ? new URL(
          `/unsubscribe?token=${unsubscribeToken(deps.secret, job.customerSub, deps.now())}`,
          deps.mail.portalUrl,
        ).toString()
      : undefined;
  const rendered = renderMail(job.mail, deps.mail, unsubscribe);
  const attempts = job.attempts + 1;
  try {
    const messageId = await sendMail(
      { ses: deps.ses, mailFrom: deps.mail.from },
      job.to,
      rendered,
      unsubscribe ? { 'List-Unsubscribe': `<${unsubscribe}>` } : {},
    );
    await finishJob(deps, key, { state: 'sent', attempts, messageId });
  } catch (error) {
    const next = nextAttemptAt(job.createdAt, attempts, deps.now());
    const fields = { attempts, error: error instanceof Error ? error.message : String(error) };
    if (next === undefined) return finishJob(deps, key, { ...fields, state: 'failed' });
    await retryJob(deps, key, next, { ...fields, state: 'pending' });
  }
}
