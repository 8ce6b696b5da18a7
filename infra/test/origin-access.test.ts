import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synth } from './synth';

const template = synth();
const [distributionId] = Object.keys(template.findResources('AWS::CloudFront::Distribution'));
const [serverId] = Object.keys(
  template.findResources('AWS::Lambda::Function', {
    Properties: { Handler: 'portico-server.handler' },
  }),
);
const distributionArn = {
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':cloudfront::',
      { Ref: 'AWS::AccountId' },
      ':distribution/',
      { Ref: distributionId },
    ],
  ],
};

describe('the function URL answers only CloudFront', () => {
  it('requires IAM authorization on the URL: an unsigned request from the internet gets 403', () => {
    expect(serverId).toBeDefined();
    const urls = Object.values(template.findResources('AWS::Lambda::Url'));
    expect(urls).toHaveLength(1);
    expect(urls[0]!.Properties).toMatchObject({
      AuthType: 'AWS_IAM',
      TargetFunctionArn: { 'Fn::GetAtt': [serverId, 'Arn'] },
    });
  });

  it('counts clients by the viewer address CloudFront forwards (managed all-viewer-except-host policy)', () => {
    const server = template.findResources('AWS::Lambda::Function', {
      Properties: { Handler: 'portico-server.handler' },
    });
    expect(Object.values(server)[0]!.Properties.Environment.Variables).toMatchObject({
      PORTICO_TRUSTED_PROXY: 'cloudfront',
    });
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    expect(distribution!.Properties.DistributionConfig.DefaultCacheBehavior).toMatchObject({
      // AllViewerExceptHostHeader: every viewer header and CloudFront's, CloudFront-Viewer-Address among them.
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
    });
  });

  it('lets CloudFront sign every request to the URL with an origin access control', () => {
    const controls = template.findResources('AWS::CloudFront::OriginAccessControl', {
      Properties: {
        OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 'lambda' }),
      },
    });
    expect(Object.keys(controls)).toHaveLength(1);
    expect(Object.values(controls)[0]!.Properties.OriginAccessControlConfig).toMatchObject({
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const [controlId] = Object.keys(controls);
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    const origins = distribution!.Properties.DistributionConfig.Origins as {
      Id: string;
      CustomOriginConfig?: unknown;
      OriginAccessControlId?: unknown;
    }[];
    const functionOrigin = origins.filter((origin) => origin.CustomOriginConfig);
    expect(functionOrigin).toHaveLength(1);
    expect(functionOrigin[0]!.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [controlId, 'Id'] });
  });

  it('grants invoking the server to this distribution alone, and to no one else', () => {
    const [urlId] = Object.keys(template.findResources('AWS::Lambda::Url'));
    const onServer = Object.values(template.findResources('AWS::Lambda::Permission'))
      .map((permission) => permission.Properties)
      .filter((properties) => JSON.stringify(properties.FunctionName).includes(urlId!));
    const viaUrl = { 'Fn::GetAtt': [urlId, 'FunctionArn'] };
    expect(onServer).toEqual([
      {
        Action: 'lambda:InvokeFunctionUrl',
        FunctionName: viaUrl,
        Principal: 'cloudfront.amazonaws.com',
        SourceArn: distributionArn,
      },
      {
        Action: 'lambda:InvokeFunction',
        FunctionName: viaUrl,
        Principal: 'cloudfront.amazonaws.com',
        SourceArn: distributionArn,
        InvokedViaFunctionUrl: true,
      },
    ]);
    const serverPermissions = Object.values(
      template.findResources('AWS::Lambda::Permission'),
    ).filter((permission) =>
      JSON.stringify(permission.Properties.FunctionName).includes(serverId!),
    );
    expect(serverPermissions).toEqual([]);
  });

  it("forwards the viewer's x-amz-content-sha256, which Lambda needs to accept a signed POST", () => {
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    // The managed AllViewerExceptHostHeader policy forwards every viewer header but Host.
    expect(
      distribution!.Properties.DistributionConfig.DefaultCacheBehavior.OriginRequestPolicyId,
    ).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
  });
});

describe('CloudFront keeps public pages for anonymous visitors, nothing else', () => {
  const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
  const behaviour = distribution!.Properties.DistributionConfig.DefaultCacheBehavior;
  const policies = template.findResources('AWS::CloudFront::CachePolicy');
  const pages = policies[behaviour.CachePolicyId.Ref]!.Properties.CachePolicyConfig;

  it('caches only what the function marks s-maxage: no Cache-Control, no copy', () => {
    expect(pages).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: 31_536_000 });
  });

  it('keys each copy on the query, the session cookie and the headers Next.js varies on', () => {
    const key = pages.ParametersInCacheKeyAndForwardedToOrigin;
    expect(key.QueryStringsConfig).toEqual({ QueryStringBehavior: 'all' });
    expect(key.CookiesConfig.CookieBehavior).toBe('whitelist');
    expect(key.CookiesConfig.Cookies).toEqual(
      expect.arrayContaining([
        'next-auth.session-token',
        '__Secure-next-auth.session-token',
        '__Secure-next-auth.session-token.0',
      ]),
    );
    expect(key.HeadersConfig.HeaderBehavior).toBe('whitelist');
    expect(key.HeadersConfig.Headers).toEqual(
      expect.arrayContaining(['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-url']),
    );
    expect(key).toMatchObject({ EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true });
  });
});
