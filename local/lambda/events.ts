import { createHash, randomUUID } from 'node:crypto';

/** The function URL's own host name; CloudFront sends it as Host (lib/site.ts). */
export const functionUrlDomain = 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws';

export interface ViewerRequest {
  method?: string;
  /** Path and query, as the visitor asked for them: `/apis?tag=maps`. */
  url: string;
  headers?: Record<string, string>;
  /** `name=value` pairs the browser holds for the portal. */
  cookies?: string[];
  body?: string | Buffer;
}

/** Bodies Lambda passes as text; everything else arrives base64-encoded. */
const textual = /^(text\/|application\/(json|javascript|xml|x-www-form-urlencoded)|.*\+(json|xml))/;

/**
 * A Lambda function URL event (payload format 2.0), as the URL delivers a request that came
 * through the portal's CloudFront distribution: Host is the URL's own domain, the viewer's
 * host is in x-forwarded-host (the distribution's viewer-request function), cookies arrive as
 * a list, the caller is CloudFront's service principal (origin access control), and a body
 * carries its SHA-256 in x-amz-content-sha256, as browsers send it (lib/cloudfront).
 */
export function functionUrlEvent(publicHost: string, request: ViewerRequest) {
  const url = new URL(request.url, `https://${publicHost}`);
  const method = (request.method ?? 'GET').toUpperCase();
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers: Record<string, string> = {
    'user-agent': 'Amazon CloudFront',
    via: '2.0 0123456789abcdef0123456789abcdef.cloudfront.net (CloudFront)',
    'x-amz-cf-id': randomUUID(),
    'x-amzn-trace-id': `Root=1-${Date.now().toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)}`,
    'x-forwarded-for': '203.0.113.10, 130.176.1.1',
    'x-forwarded-proto': 'https',
    'x-forwarded-port': '443',
    ...Object.fromEntries(
      Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    ),
    host: functionUrlDomain,
    'x-forwarded-host': publicHost,
  };
  if (body) headers['x-amz-content-sha256'] = createHash('sha256').update(body).digest('hex');
  const contentType = headers['content-type'] ?? '';
  const base64 = body !== undefined && !textual.test(contentType);
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(request.cookies?.length ? { cookies: request.cookies } : {}),
    headers,
    ...(url.search
      ? { queryStringParameters: Object.fromEntries(url.searchParams.entries()) }
      : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: functionUrlDomain.split('.')[0],
      authorizer: {
        iam: {
          accessKey: 'ASIAEXAMPLEEXAMPLE00',
          accountId: '111111111111',
          callerId: 'AROAEXAMPLEEXAMPLE000:OriginAccessSession',
          cognitoIdentity: null,
          principalOrgId: null,
          userArn:
            'arn:aws:sts::111111111111:assumed-role/OriginAccessControlRole/OriginAccessSession',
          userId: 'AROAEXAMPLEEXAMPLE000:OriginAccessSession',
        },
      },
      domainName: functionUrlDomain,
      domainPrefix: functionUrlDomain.split('.')[0],
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '130.176.1.1',
        userAgent: 'Amazon CloudFront',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body === undefined
      ? {}
      : { body: base64 ? body.toString('base64') : body.toString('utf8') }),
    isBase64Encoded: base64,
  };
}

/** The event an EventBridge schedule rule delivers to its target. */
export function scheduledEvent(ruleName: string, region = 'eu-west-1') {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '111111111111',
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:111111111111:rule/${ruleName}`],
    detail: {},
  };
}
