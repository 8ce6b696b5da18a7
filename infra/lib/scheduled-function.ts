import { join } from 'node:path';
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

export interface ScheduledFunctionProps {
  /** The handler module, relative to the repository root (e.g. `infra/functions/x.ts`). */
  entry: string;
  /** The handler's export name in `entry` (default `handler`). */
  handler?: string;
  /** What the schedule does, for the rule's description. */
  description: string;
  /** An EventBridge `rate(…)` or `cron(…)` expression. */
  schedule: string;
  environment: Record<string, string>;
  statements: PolicyStatement[];
  timeout?: Duration;
}

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A scheduled job (housekeeping, the read-model sync and usage sweep, the outbox, the quota
 * sweep): a handler bundled by esbuild together with the portal's lib/ code it reuses, so the
 * schedule and the pages apply the same rules, run by an EventBridge rule.
 */
export class ScheduledFunction extends Construct {
  readonly function: NodejsFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ScheduledFunctionProps) {
    super(scope, id);
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(repositoryRoot, props.entry),
      handler: props.handler ?? 'handler',
      // lib/ resolves its dependencies from the portal's node_modules and lockfile.
      projectRoot: repositoryRoot,
      depsLockFilePath: join(repositoryRoot, 'package-lock.json'),
      runtime: serverRuntime,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: props.timeout ?? Duration.minutes(5),
      environment: props.environment,
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
      description: props.description,
      schedule: Schedule.expression(props.schedule),
      targets: [new LambdaTarget(this.function, { retryAttempts: 2 })],
    });
  }
}
