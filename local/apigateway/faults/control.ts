import type { IncomingMessage } from 'node:http';
import type { ControlResponse } from '../control-plane/request';
import { faultRuleInput, type FaultRules } from './fault-rules';

export const faultsPath = '/_emulator/faults';

/**
 * `/_emulator/faults`: POST a rule (201 with its id), GET the rules with what they matched and
 * how often they will still fire, DELETE all of them, or DELETE `/_emulator/faults/{id}` one.
 */
export async function faultControl(
  request: IncomingMessage,
  pathname: string,
  rules: FaultRules,
): Promise<ControlResponse> {
  const id = pathname.slice(faultsPath.length + 1);
  const method = request.method ?? 'GET';
  if (method === 'GET' && !id) return { status: 200, body: { rules: rules.list() } };
  if (method === 'DELETE' && !id) {
    rules.clear();
    return { status: 204 };
  }
  if (method === 'DELETE') {
    return rules.remove(decodeURIComponent(id))
      ? { status: 204 }
      : { status: 404, body: { message: `No fault rule ${id}` } };
  }
  if (method === 'POST' && !id) {
    const parsed = faultRuleInput.safeParse(await readJson(request));
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'rule'}: ${issue.message}`)
        .join('; ');
      return { status: 400, body: { message } };
    }
    return { status: 201, body: { rule: rules.add(parsed.data) } };
  }
  return { status: 405, body: { message: `${method} is not supported on ${pathname}` } };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
