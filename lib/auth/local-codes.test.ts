import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestCode, rememberCode } from './local-codes';

const dirs: string[] = [];
const stateDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-codes-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('codes the local stack delivered', () => {
  it('answers the newest code per address, however the address is typed', () => {
    const dir = stateDir();
    expect(latestCode(dir, 'dev@example.test')).toBeUndefined();
    rememberCode(dir, 'Dev@Example.test', '111111', 1);
    rememberCode(dir, 'other@example.test', '222222', 2);
    rememberCode(dir, 'dev@example.test', '333333', 3);
    expect(latestCode(dir, ' DEV@example.test ')).toBe('333333');
    expect(latestCode(dir, 'other@example.test')).toBe('222222');
  });

  it('keeps the newest 50 addresses', () => {
    const dir = stateDir();
    for (let n = 0; n < 60; n += 1) rememberCode(dir, `user${n}@example.test`, String(n), n);
    expect(latestCode(dir, 'user9@example.test')).toBeUndefined();
    expect(latestCode(dir, 'user10@example.test')).toBe('10');
    expect(latestCode(dir, 'user59@example.test')).toBe('59');
  });
});
