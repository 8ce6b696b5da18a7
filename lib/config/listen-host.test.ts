import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listenHost } from './listen-host';

describe('listenHost (npm start)', () => {
  it('answers this machine only in local mode', () => {
    expect(listenHost({}, [])).toBe('127.0.0.1');
    expect(listenHost({ PORTICO_MODE: 'local' }, ['--port', '4000'])).toBe('127.0.0.1');
  });

  it('listens where the operator says', () => {
    expect(listenHost({ PORTICO_HOST: '0.0.0.0' }, [])).toBe('0.0.0.0');
    expect(listenHost({}, ['--hostname', '::'])).toBeUndefined();
    expect(listenHost({}, ['-H', '0.0.0.0'])).toBeUndefined();
  });

  it("leaves aws mode to Next's default", () => {
    expect(listenHost({ PORTICO_MODE: 'aws' }, [])).toBeUndefined();
  });

  it('is what `npm start` runs', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
    expect(scripts.start).toBe('tsx scripts/start.ts');
    expect(readFileSync('scripts/start.ts', 'utf8')).toContain('listenHost(process.env');
  });
});
