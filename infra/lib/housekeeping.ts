import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { serverRuntime } from './site';

export interface HousekeepingProps {
  schedule: string;
  tableName: string;
  statements: PolicyStatement[];
}

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The scheduled sweep (functions/housekeeping.ts), bundled by esbuild together with the
 * portal's lib/ code it reuses, so the schedule and the dashboard apply the same rules.
 */
export class Housekeeping extends Construct {
  readonly function: NodejsFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: HousekeepingProps) {
    super(scope, id);
    this.function = new NodejsFunction(this, 'Function', {
      entry: fileURLToPath(new URL('../functions/housekeeping.ts', import.meta.url)),
      // lib/ resolves its dependencies from the portal's node_modules and lockfile.
      projectRoot: repositoryRoot,
      depsLockFilePath: `${repositoryRoot}package-lock.json`,
      runtime: serverRuntime,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.minutes(5),
      environment: { PORTICO_TABLE_NAME: props.tableName },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node20',
        minify: true,
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH }),
    });
    for (const statement of props.statements) this.function.addToRolePolicy(statement);
    this.rule = new Rule(this, 'Schedule', {
      description: 'Portico housekeeping: disable rotated-out API keys after their grace period',
      schedule: Schedule.expression(props.schedule),
      targets: [new LambdaTarget(this.function, { retryAttempts: 2 })],
    });
  }
}
