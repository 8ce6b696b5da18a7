import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';

interface PreferenceDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

export const mailPreferencesSchema = z.object({
  /** Quota alerts and key-age reminders; access-related mail always goes out. */
  optionalMail: z.boolean(),
});
export type MailPreferences = z.infer<typeof mailPreferencesSchema>;

const key = (sub: string) => ({ pk: `CUSTOMER#${sub}`, sk: 'MAIL-PREFERENCES' });

export async function mailPreferences(deps: PreferenceDeps, sub: string): Promise<MailPreferences> {
  const result = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: key(sub) }),
  );
  return result.Item
    ? mailPreferencesSchema.parse({ optionalMail: result.Item.optionalMail })
    : { optionalMail: true };
}

export async function setMailPreferences(
  deps: PreferenceDeps,
  sub: string,
  preferences: MailPreferences,
): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { ...key(sub), ...preferences, updatedAt: deps.now() },
    }),
  );
}
