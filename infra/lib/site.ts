import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { SubnetType, type ISecurityGroup, type IVpc } from 'aws-cdk-lib/aws-ec2';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Function as LambdaFunction,
  FunctionUrlAuthType,
  InvokeMode,
  Runtime,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { OpenNextOutput } from './open-next-output';
import { serverCode, serverHandler } from './server-code';
import { staticFilesPathPattern } from './static-paths';

/**
 * Lambda's nodejs20.x stops accepting new functions on 2027-02-01; Next.js 16 and the
 * portal's code (built on Node 20) run unchanged on Node 24.
 */
export const serverRuntime = Runtime.NODEJS_24_X;

export interface PortalSiteProps {
  output: OpenNextOutput;
  /** The portal's configuration: names and ARNs only, never a secret. */
  environment: Record<string, string>;
  domainName?: string;
  certificateArn?: string;
  /** Run the server in this VPC's private subnets (PRIVATE APIs, see private-api-network.ts). */
  network?: { vpc: IVpc; securityGroup: ISecurityGroup };
  /** A WAF web ACL (CloudFront scope) in front of the distribution. */
  webAclArn?: string;
}

const cachePrefix = '_cache';

/**
 * The portal as OpenNext lays it out: one server function (pages, server actions, route
 * handlers and proxy.ts) behind a Lambda function URL, hashed static files in S3, CloudFront
 * in front of both. No image optimisation function: the portal does not use next/image.
 */
export class PortalSite extends Construct {
  readonly server: LambdaFunction;
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: PortalSiteProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Only build output lives here: a destroy may take it along.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    this.server = new LambdaFunction(this, 'Server', {
      runtime: serverRuntime,
      // x86_64: the traced node_modules come from an x86_64 build machine.
      architecture: Architecture.X86_64,
      handler: serverHandler,
      code: serverCode(props.output.serverDir),
      memorySize: 1024,
      // Under CloudFront's 30 s origin timeout, above the SDK's retries against API Gateway.
      timeout: Duration.seconds(25),
      environment: {
        ...props.environment,
        CACHE_BUCKET_NAME: this.bucket.bucketName,
        CACHE_BUCKET_KEY_PREFIX: cachePrefix,
        CACHE_BUCKET_REGION: this.bucket.env.region,
      },
      logGroup: new LogGroup(this, 'ServerLogs', { retention: RetentionDays.ONE_MONTH }),
      ...(props.network
        ? {
            vpc: props.network.vpc,
            vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
            securityGroups: [props.network.securityGroup],
          }
        : {}),
    });
    this.server.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects(`${cachePrefix}/*`)],
      }),
    );
    // Lets a missing cache entry read as 404 (a miss) rather than 403 (an error).
    this.server.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
      }),
    );
    // Only CloudFront may call the URL: it signs each request (origin access control) and the
    // function's resource policy admits the cloudfront.amazonaws.com principal of this
    // distribution alone. Lambda does not accept unsigned bodies, so browsers send the body's
    // SHA-256 in x-amz-content-sha256 with every POST (lib/cloudfront/payload-hash.ts).
    const url = this.server.addFunctionUrl({
      authType: FunctionUrlAuthType.AWS_IAM,
      invokeMode: InvokeMode.RESPONSE_STREAM,
    });

    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Portico developer portal',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            // Only configurable with a custom certificate; the default one fixes its own.
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: FunctionUrlOrigin.withOriginAccessControl(url),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: this.pageCachePolicy(),
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: new ResponseHeadersPolicy(this, 'Hsts', {
          securityHeadersBehavior: {
            strictTransportSecurity: {
              accessControlMaxAge: Duration.days(365),
              includeSubdomains: true,
              override: true,
            },
          },
        }),
        functionAssociations: [
          { function: this.forwardedHost(), eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        [staticFilesPathPattern]: {
          origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        },
      },
    });

    // Old hashed files stay (no prune) so pages still open in browsers keep loading theirs.
    new BucketDeployment(this, 'StaticFiles', {
      sources: [Source.asset(props.output.assetsDir)],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [CacheControl.fromString('public,max-age=31536000,immutable')],
      memoryLimit: 512,
    });
    new BucketDeployment(this, 'PrerenderedPages', {
      sources: [Source.asset(props.output.cacheDir)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: `${cachePrefix}/`,
      prune: false,
      memoryLimit: 512,
    });
  }

  /**
   * The function URL only accepts its own Host header, so CloudFront replaces it; this keeps
   * the visitor's host in x-forwarded-host, which Next.js compares with Origin before it runs
   * a server action.
   */
  /**
   * CloudFront keeps what the function marks `s-maxage` (public pages for anonymous visitors)
   * and nothing else: no Cache-Control means no caching, and per-visitor pages say `private,
   * no-store`. The key holds what the function's answer depends on: the query string, the
   * session cookie (a signed-in visitor never shares an anonymous copy), and the headers
   * Next.js varies on (a page's RSC payload must not be served for its HTML).
   */
  private pageCachePolicy(): CachePolicy {
    const sessionCookies = ['next-auth.session-token', '__Secure-next-auth.session-token'];
    return new CachePolicy(this, 'Pages', {
      comment: 'Portico pages: kept only as long as the function says (s-maxage)',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(365),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.allowList(
        ...sessionCookies.flatMap((name) => [name, `${name}.0`, `${name}.1`, `${name}.2`]),
      ),
      headerBehavior: CacheHeaderBehavior.allowList(
        'rsc',
        'next-router-prefetch',
        'next-router-state-tree',
        'next-router-segment-prefetch',
        'next-url',
      ),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
  }

  private forwardedHost(): EdgeFunction {
    return new EdgeFunction(this, 'ForwardedHost', {
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        [
          'function handler(event) {',
          '  var request = event.request;',
          "  request.headers['x-forwarded-host'] = { value: request.headers.host.value };",
          '  return request;',
          '}',
        ].join('\n'),
      ),
    });
  }
}
