import { emulatorUrl } from './emulator-url';

/**
 * Control-plane calls per operation, counted by the emulator (`/_emulator/stats`): home's
 * unless a gateway is named.
 */
export async function emulatorCalls(gateway?: string): Promise<Record<string, number>> {
  const response = await fetch(`${emulatorUrl(gateway)}/_emulator/stats`);
  const body = (await response.json()) as { calls: Record<string, number> };
  return body.calls;
}

export async function resetEmulatorCalls(gateway?: string): Promise<void> {
  await fetch(`${emulatorUrl(gateway)}/_emulator/stats`, { method: 'DELETE' });
}

export function totalCalls(calls: Record<string, number>): number {
  return Object.values(calls).reduce((sum, count) => sum + count, 0);
}
