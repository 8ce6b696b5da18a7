import { inject } from 'vitest';

/** Control-plane calls per operation, counted by the emulator (`/_emulator/stats`). */
export async function emulatorCalls(): Promise<Record<string, number>> {
  const response = await fetch(`${emulatorUrl()}/_emulator/stats`);
  const body = (await response.json()) as { calls: Record<string, number> };
  return body.calls;
}

export async function resetEmulatorCalls(): Promise<void> {
  await fetch(`${emulatorUrl()}/_emulator/stats`, { method: 'DELETE' });
}

export function totalCalls(calls: Record<string, number>): number {
  return Object.values(calls).reduce((sum, count) => sum + count, 0);
}

function emulatorUrl(): string {
  return `http://127.0.0.1:${inject('stackEnv').PORTICO_APIGATEWAY_PORT}`;
}
