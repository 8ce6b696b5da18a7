import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Metric,
  TreatMissingData,
  type IAlarmAction,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface PortalAlarmsProps {
  /** The function behind the function URL: its 5xx answers are what visitors see. */
  server: IFunction;
  /** Every function of the stack, for throttles and failed invocations. */
  functions: Record<string, IFunction>;
  email?: string;
}

const fiveMinutes = Duration.minutes(5);

/**
 * Alarms an operator wants mailed: server errors visitors saw, and any throttled or failed
 * invocation (a throttled server function means visitors got 429s or 503s from Lambda).
 */
export class PortalAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: PortalAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Portico alarms' });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    const action = new SnsAction(this.topic);

    this.alarm('Server5xx', action, {
      description: 'The portal answered with 5xx errors (function URL) in the last 5 minutes',
      metric: this.lambdaMetric(props.server, 'Url5xxCount'),
      threshold: 5,
    });
    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Throttles`, action, {
        description: `Lambda throttled invocations of the ${name} function`,
        metric: this.lambdaMetric(fn, 'Throttles'),
        threshold: 1,
      });
      this.alarm(`${name}Errors`, action, {
        description: `Invocations of the ${name} function failed (uncaught errors, timeouts)`,
        metric: this.lambdaMetric(fn, 'Errors'),
        threshold: 1,
      });
    }
  }

  private lambdaMetric(fn: IFunction, metricName: string): Metric {
    return new Metric({
      namespace: 'AWS/Lambda',
      metricName,
      dimensionsMap: { FunctionName: fn.functionName },
      statistic: 'Sum',
      period: fiveMinutes,
    });
  }

  private alarm(
    id: string,
    action: IAlarmAction,
    props: { description: string; metric: Metric; threshold: number },
  ): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is not a failure.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(action);
  }
}
