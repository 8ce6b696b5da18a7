import { parseArgs } from 'node:util';
import { runUntilSignal } from '../stack/signals';
import { awsControlPlaneRateLimit } from './control-plane/rate-limit';
import { startApiGatewayEmulator } from './server';

const usage = `Usage: npm run local:apigateway -- [--port 4010] [--host 127.0.0.1] [--data .local/apigateway] [--rate-limit]

  --port        port to listen on (0 picks a free one)
  --host        address to bind (default 127.0.0.1)
  --data        directory for state.json (default: keep the state in memory only)
  --rate-limit  answer 429 above API Gateway's control-plane limits (10 rps, burst 40)`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    'rate-limit': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (values.help || !Number.isInteger(port) || port < 0 || port > 65_535) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}

await runUntilSignal(async () => {
  const emulator = await startApiGatewayEmulator({
    port,
    host: values.host,
    ...(values.data ? { dataDir: values.data } : {}),
    ...(values['rate-limit'] ? { controlPlaneRateLimit: awsControlPlaneRateLimit } : {}),
  });
  console.log(`API Gateway emulator listening on ${emulator.url}`);
  console.log(`  control plane: point the AWS SDK's endpoint at ${emulator.url}`);
  console.log(
    `  data plane:    ${emulator.url}/restapis/{restApiId}/{stage}/_user_request_/{path}`,
  );
  console.log(`  call counts:   GET ${emulator.url}/_emulator/stats`);
  return emulator.close;
});
