import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

/** Renew this long before the session ends, so no call goes out with credentials about to lapse. */
const renewBeforeMs = 5 * 60 * 1000;

interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/**
 * Credentials of another account's role (sts:AssumeRole), for a gateway configured with a
 * `roleArn`: assumed on first use with the portal's own credentials and renewed before they
 * expire. Concurrent callers share one AssumeRole.
 */
export function assumedRoleCredentials(roleArn: string, region: string) {
  const sts = new STSClient({ region });
  let session: Session | undefined;
  let pending: Promise<Session> | undefined;
  const assume = async (): Promise<Session> => {
    const answer = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'portico',
        DurationSeconds: 3600,
      }),
    );
    const credentials = answer.Credentials;
    if (
      !credentials?.AccessKeyId ||
      !credentials.SecretAccessKey ||
      !credentials.SessionToken ||
      !credentials.Expiration
    ) {
      throw new Error(`AssumeRole of ${roleArn} returned no credentials`);
    }
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration,
    };
  };
  return async (): Promise<Session> => {
    if (session && session.expiration.getTime() - Date.now() > renewBeforeMs) return session;
    pending ??= assume().finally(() => {
      pending = undefined;
    });
    session = await pending;
    return session;
  };
}
