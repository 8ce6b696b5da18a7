import { describe, expect, it } from 'vitest';
import { hostedUiProvider, sessionFromHostedUi } from './hosted-ui';

const cognito = {
  userPoolId: 'eu-west-1_AbCdEf123',
  clientId: 'client123',
  issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
  hostedUi: true,
};

describe('the Hosted UI provider', () => {
  it('is absent unless configured', () => {
    expect(hostedUiProvider({ ...cognito, hostedUi: false })).toBeUndefined();
  });

  it('uses the pool as OIDC issuer with PKCE; a client without a secret is a public client', () => {
    const provider = hostedUiProvider(cognito)!;
    expect(provider.id).toBe('cognito');
    expect(provider.wellKnown).toBe(`${cognito.issuer}/.well-known/openid-configuration`);
    expect(provider.options).toMatchObject({
      clientId: 'client123',
      checks: ['pkce', 'state'],
      client: { token_endpoint_auth_method: 'none' },
    });
    const confidential = hostedUiProvider({ ...cognito, clientSecret: 's3cret' })!;
    expect(confidential.options).toMatchObject({ clientSecret: 's3cret' });
    expect(confidential.options?.client).toBeUndefined();
  });

  it('refuses a sign-in that brought no tokens', async () => {
    await expect(
      sessionFromHostedUi({ provider: 'cognito', type: 'oauth', providerAccountId: 'x' }),
    ).rejects.toThrow(/no tokens/);
  });
});
