// Runs cognito-local inside the stack's state directory (it keeps its data under ./.cognito).
// It exits when its parent's stdin pipe closes, so a killed parent never leaves it listening.
import { createRequire } from 'node:module';

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));

const require = createRequire(import.meta.url);
require('cognito-local/lib/bin/start.js');
