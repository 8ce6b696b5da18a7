import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { localAppClientName, localUserPoolName, type SeedUser } from '../seed/seed-data';

export interface ProvisionedPool {
  userPoolId: string;
  clientId: string;
}

/** Finds or creates the local user pool and its app client, so restarts reuse them. */
export async function provisionUserPool(
  client: CognitoIdentityProviderClient,
): Promise<ProvisionedPool> {
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((pool) => pool.Name === localUserPoolName)?.Id;
  if (!userPoolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: localUserPoolName,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 8,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: false,
            TemporaryPasswordValidityDays: 7,
          },
        },
      }),
    );
    userPoolId = created.UserPool?.Id;
  }
  if (!userPoolId) throw new Error('cognito-local did not return a user pool id.');

  const clients = await client.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  let clientId = clients.UserPoolClients?.find(
    (c) => c.ClientName === localAppClientName,
  )?.ClientId;
  if (!clientId) {
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: localAppClientName,
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    clientId = created.UserPoolClient?.ClientId;
  }
  if (!clientId) throw new Error('cognito-local did not return an app client id.');
  return { userPoolId, clientId };
}

export async function provisionGroup(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  groupName: string,
): Promise<void> {
  // ListGroups rather than GetGroup: cognito-local answers GetGroup with a 500 while a pool
  // has no groups at all.
  const groups = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60 }));
  if (groups.Groups?.some((group) => group.GroupName === groupName)) return;
  await client.send(
    new CreateGroupCommand({
      UserPoolId: userPoolId,
      GroupName: groupName,
      Description: 'Portico administrators',
    }),
  );
}

/** Creates a confirmed user with a permanent password unless one with that email exists. */
export async function provisionUser(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  user: SeedUser,
  adminGroup: string,
): Promise<void> {
  try {
    await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.email }));
    return;
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
  }
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: user.email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: user.email,
      Password: user.password,
      Permanent: true,
    }),
  );
  if (user.admin) {
    await client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        GroupName: adminGroup,
      }),
    );
  }
}
