import { describe, expect, it } from 'vitest';
import { moveKey, MoveFailedError, type PlanAssociations } from './move';

/** Associations in memory, with a failure injected on chosen steps. */
function associations(initial: string[], failOn: { add?: string[]; remove?: string[] } = {}) {
  const plans = new Set(initial);
  const steps: string[] = [];
  const port: PlanAssociations = {
    async add(planId) {
      steps.push(`add ${planId}`);
      if (failOn.add?.includes(planId)) {
        failOn.add = failOn.add.filter((id) => id !== planId);
        throw new Error(`injected failure adding ${planId}`);
      }
      plans.add(planId);
    },
    async remove(planId) {
      steps.push(`remove ${planId}`);
      if (failOn.remove?.includes(planId)) throw new Error(`injected failure removing ${planId}`);
      plans.delete(planId);
    },
  };
  return { port, plans, steps };
}

describe('moving a key between plans', () => {
  it('removes the old plan, then adds the new one', async () => {
    const { port, plans, steps } = associations(['bronze']);
    await moveKey(port, 'key', ['bronze'], 'gold');
    expect([...plans]).toEqual(['gold']);
    expect(steps).toEqual(['remove bronze', 'add gold']);
  });

  it('puts the old plan back when adding the new one fails, leaving nothing orphaned', async () => {
    const { port, plans, steps } = associations(['bronze'], { add: ['gold'] });
    const error = await moveKey(port, 'key', ['bronze'], 'gold').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MoveFailedError);
    expect((error as MoveFailedError).restored).toBe(true);
    expect([...plans]).toEqual(['bronze']);
    expect(steps).toEqual(['remove bronze', 'add gold', 'add bronze']);
  });

  it('restores every plan already removed when a later removal fails', async () => {
    const { port, plans } = associations(['a', 'b'], { remove: ['b'] });
    const error = await moveKey(port, 'key', ['a', 'b'], 'gold').catch((caught: unknown) => caught);
    expect((error as MoveFailedError).restored).toBe(true);
    expect([...plans].sort()).toEqual(['a', 'b']);
  });

  it('says so when the old plan cannot be restored either', async () => {
    const { port, plans } = associations(['bronze'], { add: ['gold', 'bronze'] });
    const error = await moveKey(port, 'key', ['bronze'], 'gold').catch((caught: unknown) => caught);
    expect((error as MoveFailedError).restored).toBe(false);
    expect((error as Error).message).toMatch(/could not be restored/);
    expect([...plans]).toEqual([]);
  });
});
