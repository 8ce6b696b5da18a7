import { seedUsers } from '../seed/seed-data';
import { deliveryLine, type CodeDelivery } from './cognito';
import type { StackPorts } from './ports';

/** What a newcomer needs after `npm run dev`: where to go and how to sign in. */
export function banner(ports: StackPorts, withPortal: boolean): string {
  const width = Math.max(...seedUsers.map((user) => user.email.length));
  return [
    '',
    withPortal
      ? `  Portico is starting at http://localhost:${ports.portal}`
      : '  Portico local stack is up',
    '',
    '  Demo accounts (local only):',
    ...seedUsers.map(
      (user) =>
        `    ${user.admin ? 'admin    ' : 'developer'}  ${user.email.padEnd(width)}  password ${user.password}`,
    ),
    '',
    `  API Gateway emulator  http://127.0.0.1:${ports.apiGateway}   home Region`,
    `  API Gateway emulator  http://127.0.0.1:${ports.apiGatewayPeer}   second Region (PORTICO_GATEWAYS)`,
    `  cognito-local         http://127.0.0.1:${ports.cognito}`,
    `  dynalite (DynamoDB)   http://127.0.0.1:${ports.dynamodb}`,
    `  Mail inbox (MailDev)  http://127.0.0.1:${ports.inbox}   every mail the portal sends lands here`,
    '',
    '  Confirmation codes for new sign-ups are printed here. Ctrl-C stops everything.',
    '',
  ].join('\n');
}

/** Prints a delivered code at once: stdout to a terminal or a pipe is synchronous on Linux. */
export function printDelivery(delivery: CodeDelivery): void {
  console.log(`[cognito] ${deliveryLine(delivery)}`);
}
