import type { EmulatorContext } from '../context';
import { badRequest } from '../errors';

/** One parsed control-plane request, as a handler sees it. */
export interface ControlRequest {
  ctx: EmulatorContext;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export interface ControlResponse {
  status: number;
  /** Serialised as JSON unless it is already a Buffer. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type ControlHandler = (request: ControlRequest) => ControlResponse;

export const ok = (body: unknown): ControlResponse => ({ status: 200, body });
export const created = (body: unknown): ControlResponse => ({ status: 201, body });
export const accepted = (): ControlResponse => ({ status: 202 });
export const noContent = (): ControlResponse => ({ status: 204 });

export function jsonBody(request: ControlRequest): Record<string, unknown> {
  if (request.rawBody.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(request.rawBody.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Reported below with AWS's wording.
  }
  throw badRequest('Invalid request body: expected a JSON object');
}

export function param(request: ControlRequest, name: string): string {
  const value = request.params[name];
  if (value === undefined) throw badRequest(`Missing path parameter ${name}`);
  return value;
}
