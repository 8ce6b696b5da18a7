import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface SignInFirewallProps {
  /** Requests per 5 minutes per client address on the sign-in and sign-up paths. */
  limit: number;
}

/** The paths a password-guessing or sign-up-spamming client hits (pages, form posts, NextAuth). */
export const rateLimitedPaths = ['/sign-in', '/sign-up', '/api/auth/callback/'] as const;

const visibility = (metricName: string) => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

/**
 * An optional WAF web ACL on the distribution: a rate-based rule that blocks a client address
 * for a while once it sends more than `limit` requests to sign-in or sign-up within 5 minutes.
 * The portal's own per-email limits stay; this stops floods before they reach the function.
 * CloudFront web ACLs live in us-east-1, so the stack must be deployed there to use it.
 */
export class SignInFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: SignInFirewallProps) {
    super(scope, id);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Portico: rate limit on sign-in and sign-up',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('portico-web-acl'),
      rules: [
        {
          name: 'sign-in-and-sign-up-rate',
          priority: 0,
          action: { block: {} },
          visibilityConfig: visibility('portico-sign-in-rate'),
          statement: {
            rateBasedStatement: {
              limit: props.limit,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                orStatement: {
                  statements: rateLimitedPaths.map((path) => ({
                    byteMatchStatement: {
                      fieldToMatch: { uriPath: {} },
                      positionalConstraint: 'STARTS_WITH',
                      searchString: path,
                      textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
                    },
                  })),
                },
              },
            },
          },
        },
      ],
    });
  }
}
