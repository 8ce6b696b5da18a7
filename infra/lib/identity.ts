import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  Mfa,
  UserPool,
  UserPoolClient,
  type IUserPool,
  type IUserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface IdentityProps {
  /** Use this pool instead of creating one. */
  userPoolId?: string;
  /** Use this app client of it instead of adding one. */
  userPoolClientId?: string;
  adminGroup: string;
  /** Keep the pool (every customer account) when the stack is deleted. */
  retain: boolean;
}

/**
 * The Cognito side of the portal, as the README's "The Cognito user pool and app client"
 * describes it: email sign-in, USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH, no client secret,
 * token revocation on, and the admin group. An existing pool is used as it is.
 */
export class Identity extends Construct {
  readonly userPool: IUserPool;
  readonly client: IUserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = props.userPoolId
      ? UserPool.fromUserPoolId(this, 'UserPool', props.userPoolId)
      : this.createUserPool(props.adminGroup, props.retain);
    this.client = props.userPoolClientId
      ? UserPoolClient.fromUserPoolClientId(this, 'Client', props.userPoolClientId)
      : this.userPool.addClient('Client', {
          authFlows: { userPassword: true },
          generateSecret: false,
          preventUserExistenceErrors: true,
          enableTokenRevocation: true,
          accessTokenValidity: Duration.hours(1),
          idTokenValidity: Duration.hours(1),
          refreshTokenValidity: Duration.days(30),
          // Sign-in happens on the portal's own forms, never on Cognito's hosted pages.
          disableOAuth: true,
        });
  }

  private createUserPool(adminGroup: string, retain: boolean): UserPool {
    const pool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: false,
      },
      mfa: Mfa.OFF,
      // The pool holds every customer account: it outlives the stack unless retainData=false.
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    new CfnUserPoolGroup(this, 'AdminGroup', {
      userPoolId: pool.userPoolId,
      groupName: adminGroup,
      description: 'Portico admins: publish plans, approve upgrades, manage customers and keys',
    });
    return pool;
  }
}
