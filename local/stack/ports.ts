import net from 'node:net';

export interface StackPorts {
  portal: number;
  apiGateway: number;
  /** The second emulator, standing for another Region (seed-data's `peerSeed`). */
  apiGatewayPeer: number;
  cognito: number;
  dynamodb: number;
  ses: number;
  smtp: number;
  inbox: number;
}

/** Each port, its default, the variable that overrides it and what listens there. */
export const portSettings = {
  portal: { variable: 'PORT', fallback: 3000, label: 'the portal, Next.js' },
  apiGateway: {
    variable: 'PORTICO_APIGATEWAY_PORT',
    fallback: 4010,
    label: 'the API Gateway emulator',
  },
  apiGatewayPeer: {
    variable: 'PORTICO_APIGATEWAY2_PORT',
    fallback: 4011,
    label: "the second Region's API Gateway emulator",
  },
  cognito: { variable: 'PORTICO_COGNITO_PORT', fallback: 9229, label: 'cognito-local' },
  dynamodb: { variable: 'PORTICO_DYNAMODB_PORT', fallback: 8000, label: 'dynalite (DynamoDB)' },
  ses: { variable: 'PORTICO_SES_PORT', fallback: 4020, label: 'the SES stand-in' },
  smtp: { variable: 'PORTICO_SMTP_PORT', fallback: 1025, label: 'MailDev SMTP' },
  inbox: { variable: 'PORTICO_INBOX_PORT', fallback: 1080, label: 'the MailDev web inbox' },
} as const satisfies Record<
  keyof StackPorts,
  { variable: string; fallback: number; label: string }
>;

export class PortError extends Error {
  override name = 'PortError';
}

export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): StackPorts {
  const read = (key: keyof StackPorts): number => {
    const { variable, fallback } = portSettings[key];
    const raw = env[variable];
    if (!raw) return fallback;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new PortError(`${variable}=${raw} is not a port number (1-65535).`);
    }
    return port;
  };
  return {
    portal: read('portal'),
    apiGateway: read('apiGateway'),
    apiGatewayPeer: read('apiGatewayPeer'),
    cognito: read('cognito'),
    dynamodb: read('dynamodb'),
    ses: read('ses'),
    smtp: read('smtp'),
    inbox: read('inbox'),
  };
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

/** Fails before anything starts, naming the variable to change for every taken port. */
export async function assertPortsFree(
  ports: StackPorts,
  only?: (keyof StackPorts)[],
): Promise<void> {
  const keys = only ?? (Object.keys(ports) as (keyof StackPorts)[]);
  const taken: string[] = [];
  for (const key of keys) {
    if (!(await canListen(ports[key]))) {
      const { variable, label } = portSettings[key];
      taken.push(
        `  - port ${ports[key]} (${label}) is in use: stop what uses it or set ${variable} to a free port`,
      );
    }
  }
  if (taken.length) throw new PortError(`Cannot start the local stack:\n${taken.join('\n')}`);
}

/** A port nothing listens on right now, for tests that run beside `npm run dev`. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function freePorts(): Promise<StackPorts> {
  return {
    portal: await freePort(),
    apiGateway: await freePort(),
    apiGatewayPeer: await freePort(),
    cognito: await freePort(),
    dynamodb: await freePort(),
    ses: await freePort(),
    smtp: await freePort(),
    inbox: await freePort(),
  };
}
