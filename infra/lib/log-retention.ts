import { CfnResource, RemovalPolicy, type IAspect } from 'aws-cdk-lib';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';

export const logRetention = RetentionDays.ONE_MONTH;

/**
 * Gives every Lambda function in the stack a log group with a retention period, including
 * the ones CDK adds for its own custom resources (bucket deployment, auto-deleting objects),
 * which would otherwise log into groups that Lambda creates on first use and keeps forever.
 * Functions that already name their log group keep it.
 */
export class LogRetentionForEveryFunction implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof CfnResource) || node.cfnResourceType !== 'AWS::Lambda::Function') return;
    if (node instanceof CfnFunction && node.loggingConfig) return;
    const scope = node.node.scope;
    if (!scope) return;
    const logs = new LogGroup(scope, `${node.node.id}Logs`, {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    node.addPropertyOverride('LoggingConfig.LogGroup', logs.logGroupName);
  }
}
