import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

/** `npm run local:reset`: forget every local user, key, plan and request. */
const dir = resolve(process.env.PORTICO_LOCAL_DIR || '.local');
rmSync(dir, { recursive: true, force: true });
console.log(`Removed ${dir}. The next \`npm run dev\` provisions and seeds a fresh local stack.`);
