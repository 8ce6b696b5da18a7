import type { FaultRule, FaultRuleInput } from '../../local/apigateway/faults/fault-rules';
import { emulatorUrl } from './emulator-url';

/**
 * Adds a fault rule to the local stack's emulator (`/_emulator/faults`), home's unless a
 * gateway is named; returns its id.
 */
export async function injectFault(rule: FaultRuleInput, gateway?: string): Promise<string> {
  const response = await fetch(faultsUrl(gateway), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  if (response.status !== 201) throw new Error(`fault rule refused: ${await response.text()}`);
  return ((await response.json()) as { rule: FaultRule }).rule.id;
}

export async function faultRules(gateway?: string): Promise<FaultRule[]> {
  const response = await fetch(faultsUrl(gateway));
  return ((await response.json()) as { rules: FaultRule[] }).rules;
}

/** Clears home's fault rules; a hook may pass it as it is (`afterEach(clearFaults)`). */
export async function clearFaults(): Promise<void> {
  await clearGatewayFaults();
}

export async function clearGatewayFaults(gateway?: string): Promise<void> {
  await fetch(faultsUrl(gateway), { method: 'DELETE' });
}

const faultsUrl = (gateway?: string) => `${emulatorUrl(gateway)}/_emulator/faults`;
