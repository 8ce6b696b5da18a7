import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/*
 * Local mode only: the newest code cognito-local "emailed" to each address, kept in the local
 * stack's state directory so the confirm and reset pages can show it (no email leaves the
 * machine). The stack writes it and the portal reads it: plain Node on one side, so no
 * 'server-only' marker here.
 */
const codesFile = 'delivered-codes.json';
/** The newest few addresses are plenty for one developer's machine. */
const kept = 50;

const codesSchema = z.record(z.string(), z.object({ code: z.string(), at: z.number() }));
type Codes = z.infer<typeof codesSchema>;

const recipientKey = (recipient: string) => recipient.trim().toLowerCase();

function readCodes(stateDir: string): Codes {
  try {
    return codesSchema.parse(JSON.parse(readFileSync(join(stateDir, codesFile), 'utf8')));
  } catch {
    return {};
  }
}

export function rememberCode(stateDir: string, recipient: string, code: string, now = Date.now()) {
  const codes = { ...readCodes(stateDir), [recipientKey(recipient)]: { code, at: now } };
  const newest = Object.entries(codes)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, kept);
  // Written whole, then renamed: a page reading meanwhile sees the old file or the new one.
  const file = join(stateDir, codesFile);
  writeFileSync(`${file}.tmp`, JSON.stringify(Object.fromEntries(newest)), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** The newest code sent to `recipient`, if the local stack sent one. */
export function latestCode(stateDir: string, recipient: string): string | undefined {
  return readCodes(stateDir)[recipientKey(recipient)]?.code;
}
