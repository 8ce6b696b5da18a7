import {
  GatewayVpcEndpointAwsService,
  InterfaceVpcEndpointAwsService,
  IpAddresses,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
  type IVpc,
  type InterfaceVpcEndpoint,
} from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface PrivateApiNetworkProps {
  /** An existing VPC with private subnets that reach the internet; otherwise one is created. */
  vpcId?: string;
}

/**
 * Where the server function runs when the portal must reach PRIVATE API Gateway APIs: a VPC
 * with an `execute-api` interface endpoint whose private DNS makes the APIs' usual invoke URLs
 * resolve to the endpoint, so the try-it proxy keeps one code path for public and private
 * APIs. Everything else the server calls (Cognito, DynamoDB, the API Gateway control plane,
 * public APIs) still leaves through the subnets' NAT route.
 */
export class PrivateApiNetwork extends Construct {
  readonly vpc: IVpc;
  readonly securityGroup: SecurityGroup;
  readonly executeApiEndpoint: InterfaceVpcEndpoint;

  constructor(scope: Construct, id: string, props: PrivateApiNetworkProps) {
    super(scope, id);
    this.vpc = props.vpcId
      ? Vpc.fromLookup(this, 'Vpc', { vpcId: props.vpcId })
      : new Vpc(this, 'Vpc', {
          ipAddresses: IpAddresses.cidr('10.80.0.0/16'),
          maxAzs: 2,
          // One NAT gateway: the portal's outbound traffic is small, and a second one doubles
          // the VPC's fixed monthly cost for an availability the CDN already smooths over.
          natGateways: 1,
          subnetConfiguration: [
            { name: 'public', subnetType: SubnetType.PUBLIC, cidrMask: 24 },
            { name: 'server', subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
          ],
          // DynamoDB traffic stays off the NAT gateway (free, and not billed per GB).
          gatewayEndpoints: { DynamoDb: { service: GatewayVpcEndpointAwsService.DYNAMODB } },
        });
    this.securityGroup = new SecurityGroup(this, 'Server', {
      vpc: this.vpc,
      description: 'Portico server function: outbound only',
      allowAllOutbound: true,
    });
    const endpointGroup = new SecurityGroup(this, 'ExecuteApi', {
      vpc: this.vpc,
      description: 'Portico execute-api endpoint: HTTPS from the server function only',
      allowAllOutbound: false,
    });
    endpointGroup.addIngressRule(this.securityGroup, Port.tcp(443), 'Portico server function');
    this.executeApiEndpoint = this.vpc.addInterfaceEndpoint('ExecuteApiEndpoint', {
      service: InterfaceVpcEndpointAwsService.APIGATEWAY,
      privateDnsEnabled: true,
      // Reachable from the server function's group only, not from the whole VPC.
      open: false,
      securityGroups: [endpointGroup],
      subnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
    });
  }
}
