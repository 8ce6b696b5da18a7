import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synth } from './synth';

const serverFunction = (template: ReturnType<typeof synth>) =>
  Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Handler: 'portico-server.handler' },
    }),
  );

describe('privateApis=true: the console reaches PRIVATE APIs', () => {
  const template = synth({ privateApis: 'true' });

  it('adds an execute-api interface endpoint with private DNS, so invoke URLs resolve to it', () => {
    const endpoints = Object.values(
      template.findResources('AWS::EC2::VPCEndpoint', {
        Properties: { VpcEndpointType: 'Interface' },
      }),
    );
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]!.Properties).toMatchObject({
      PrivateDnsEnabled: true,
      ServiceName: 'com.amazonaws.eu-west-1.execute-api',
    });
    template.hasOutput('ExecuteApiVpcEndpointId', {
      Value: { Ref: Match.stringLikeRegexp('^NetworkVpcExecuteApiEndpoint') },
    });
  });

  it("places the server function in the VPC's private subnets, with a group the endpoint admits", () => {
    const [server] = serverFunction(template);
    const config = server!.Properties.VpcConfig;
    expect(config.SubnetIds).toHaveLength(2);
    for (const subnet of config.SubnetIds) {
      expect(subnet).toEqual({ Ref: expect.stringMatching(/^NetworkVpcserverSubnet\d/) });
    }
    expect(config.SecurityGroupIds).toEqual([
      { 'Fn::GetAtt': [expect.stringMatching(/^NetworkServer/), 'GroupId'] },
    ]);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
      SourceSecurityGroupId: config.SecurityGroupIds[0],
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NetworkExecuteApi'), 'GroupId'] },
    });
  });

  it('keeps a route out for everything else (Cognito, DynamoDB, the control plane)', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.dynamodb']] },
    });
  });

  it('lets the function manage its network interfaces', () => {
    const [server] = serverFunction(template);
    const roleId = server!.Properties.Role['Fn::GetAtt'][0];
    const role = template.findResources('AWS::IAM::Role')[roleId];
    expect(JSON.stringify(role!.Properties.ManagedPolicyArns)).toContain(
      'AWSLambdaVPCAccessExecutionRole',
    );
  });
});

describe('by default', () => {
  it('creates no VPC and keeps the server function out of one', () => {
    const template = synth();
    template.resourceCountIs('AWS::EC2::VPC', 0);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    const [server] = serverFunction(template);
    expect(server!.Properties.VpcConfig).toBeUndefined();
  });
});
