/** The two association steps a tier change is made of, behind a small port for testing. */
export interface PlanAssociations {
  add(planId: string, keyId: string): Promise<void>;
  remove(planId: string, keyId: string): Promise<void>;
}

export class MoveFailedError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly restored: boolean,
    readonly keyId = '',
    /** Plans the key was taken out of and could not be put back in (recorded for repair). */
    readonly notRestored: string[] = [],
  ) {
    super(
      restored
        ? 'The plan change failed and your previous plan was kept. Please try again.'
        : 'The plan change failed and your previous plan could not be restored yet: it is put back automatically shortly.',
    );
    this.name = 'MoveFailedError';
  }
}

/**
 * Moves a key from the plans that cover the same API stages as `toPlanId` into it. API
 * Gateway allows one plan per key and stage, so the old associations go first; if adding the
 * new one then fails, the old ones are put back, so the customer never ends up with no plan.
 */
export async function moveKey(
  associations: PlanAssociations,
  keyId: string,
  fromPlanIds: string[],
  toPlanId: string,
): Promise<void> {
  const removed: string[] = [];
  try {
    for (const planId of fromPlanIds) {
      await associations.remove(planId, keyId);
      removed.push(planId);
    }
    await associations.add(toPlanId, keyId);
  } catch (error) {
    const restored = await Promise.all(
      removed.map((planId) =>
        associations.add(planId, keyId).then(
          () => true,
          () => false,
        ),
      ),
    );
    const notRestored = removed.filter((_planId, index) => !restored[index]);
    throw new MoveFailedError(error, notRestored.length === 0, keyId, notRestored);
  }
}
