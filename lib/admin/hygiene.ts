import { z } from 'zod';
import { daysBetween, utcDay } from '../usage/utc-days';
import type { Directory, KeySummary } from './directory-model';

export const hygieneReasonSchema = z.enum([
  'unused',
  'old',
  'no-plan',
  'owner-disabled',
  'owner-gone',
  'owner-unknown',
]);
export type HygieneReason = z.infer<typeof hygieneReasonSchema>;

export const hygieneReasonLabels: Record<HygieneReason, string> = {
  unused: 'No calls in the last 30 days',
  old: 'Older than 90 days',
  'no-plan': 'In no plan',
  'owner-disabled': 'Owner’s account is disabled',
  'owner-gone': 'Owner’s account no longer exists',
  'owner-unknown': 'Owner unknown until a sync runs',
};

export interface HygieneEntry {
  key: KeySummary;
  ownerEmail?: string;
  ageDays?: number;
  lastUsed?: string;
  reasons: HygieneReason[];
}

const oldKeyDays = 90;
const unusedKeyDays = 30;

/**
 * Enabled keys worth a look, from the same batched directory as the customers list: unused for
 * 30 days (only keys at least that old), older than 90 days, in no plan, or whose owner is
 * disabled or deleted. Disabled keys already do no harm and are left out. An owner without a
 * record is gone only once the directory has been reconciled with the pool: before the first
 * sync (a new installation, an upgrade) they may simply not have signed in since, so they are
 * unknown, and bulk disable refuses their keys (bulk-disable.ts).
 */
export function hygieneReport(directory: Directory, now: number): HygieneEntry[] {
  const users = new Map(directory.users.map((user) => [user.sub, user]));
  const inPlan = new Set(Object.values(directory.planKeyIds).flat());
  const today = utcDay(now);
  const entries: HygieneEntry[] = [];
  for (const key of directory.keys) {
    if (!key.enabled) continue;
    const ageDays =
      key.createdAt === undefined ? undefined : daysBetween(utcDay(key.createdAt), today);
    const lastUsed = directory.lastUsedDay[key.id];
    const owner = key.customerId ? users.get(key.customerId) : undefined;
    const reasons: HygieneReason[] = [];
    if (!lastUsed && (ageDays ?? 0) >= unusedKeyDays) reasons.push('unused');
    if ((ageDays ?? 0) > oldKeyDays) reasons.push('old');
    if (!inPlan.has(key.id)) reasons.push('no-plan');
    if (owner?.status === 'disabled') reasons.push('owner-disabled');
    if (key.customerId && !owner)
      reasons.push(directory.reconciledAt === undefined ? 'owner-unknown' : 'owner-gone');
    if (reasons.length > 0)
      entries.push({ key, ownerEmail: owner?.email, ageDays, lastUsed, reasons });
  }
  return entries.sort(
    (a, b) => b.reasons.length - a.reasons.length || (b.ageDays ?? 0) - (a.ageDays ?? 0),
  );
}

/** Entries with a given reason, or all of them. */
export function filterHygiene(entries: HygieneEntry[], reason?: HygieneReason): HygieneEntry[] {
  return reason ? entries.filter((entry) => entry.reasons.includes(reason)) : entries;
}
