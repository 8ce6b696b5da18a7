// Runs cognito-local inside the stack's state directory (it keeps its data under ./.cognito).
// It exits when its parent's stdin pipe closes, so a killed parent never leaves it listening.
import { createRequire } from 'node:module';

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));

const require = createRequire(import.meta.url);

// cognito-local only logs the codes it "sends", and its logger buffers: the latest code can
// stay unseen until it logs something else. Each delivery goes to the parent over IPC as well,
// the moment it is made, so the terminal (and the tests) never wait on that buffer.
const {
  ConsoleMessageSender,
} = require('cognito-local/lib/services/messageDelivery/consoleMessageSender.js');
const sendToConsole = ConsoleMessageSender.prototype.sendToConsole;
ConsoleMessageSender.prototype.sendToConsole = function (ctx, user, destination, message) {
  process.send?.({
    type: 'delivery',
    username: user.Username,
    destination,
    code: message.__code,
  });
  return sendToConsole.call(this, ctx, user, destination, message);
};

require('cognito-local/lib/bin/start.js');
