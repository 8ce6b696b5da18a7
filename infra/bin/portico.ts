import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { hasOpenNextBuild, openNextOutput, writePlaceholderOutput } from '../lib/open-next-output';
import { PorticoStack } from '../lib/portico-stack';
import { readSettings } from '../lib/settings';

const app = new App();
const settings = readSettings((key) => app.node.tryGetContext(key));

const buildDir = fileURLToPath(new URL('../../.open-next', import.meta.url));
const allowMissingBuild = String(app.node.tryGetContext('allowMissingBuild')) === 'true';
if (!hasOpenNextBuild(buildDir) && !allowMissingBuild) {
  throw new Error(
    `No OpenNext build in ${buildDir}: run \`npm run deploy\` (which builds it first), or ` +
      'pass -c allowMissingBuild=true to synthesize with a placeholder server.',
  );
}
const output = hasOpenNextBuild(buildDir)
  ? openNextOutput(buildDir)
  : writePlaceholderOutput(join(app.outdir, 'open-next-placeholder'));

new PorticoStack(app, settings.stackName, {
  settings,
  output,
  // Without credentials (a fresh clone, CI) the CLI knows no account: synthesize for a
  // stand-in one. A deploy always has credentials, so it targets the real account.
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT ?? '111111111111',
    region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1',
  },
  description: 'Portico: self-hosted developer portal for Amazon API Gateway',
});
