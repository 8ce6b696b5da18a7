import { inject } from 'vitest';
import type { FaultRule, FaultRuleInput } from '../../local/apigateway/faults/fault-rules';

/** Adds a fault rule to the local stack's emulator (`/_emulator/faults`); returns its id. */
export async function injectFault(rule: FaultRuleInput): Promise<string> {
  const response = await fetch(faultsUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  if (response.status !== 201) throw new Error(`fault rule refused: ${await response.text()}`);
  return ((await response.json()) as { rule: FaultRule }).rule.id;
}

export async function faultRules(): Promise<FaultRule[]> {
  const response = await fetch(faultsUrl());
  return ((await response.json()) as { rules: FaultRule[] }).rules;
}

export async function clearFaults(): Promise<void> {
  await fetch(faultsUrl(), { method: 'DELETE' });
}

function faultsUrl(): string {
  return `http://127.0.0.1:${inject('stackEnv').PORTICO_APIGATEWAY_PORT}/_emulator/faults`;
}
