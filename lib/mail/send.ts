import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { RenderedMail } from './templates';

export interface MailerDeps {
  ses: SESv2Client;
  /** A verified SES identity in AWS mode, e.g. `Developer portal <portal@example.com>`. */
  mailFrom: string;
}

/** One message through SES v2 (the local stack answers the same API and relays to its inbox). */
export async function sendMail(
  deps: MailerDeps,
  to: string,
  mail: RenderedMail,
  headers: Record<string, string> = {},
): Promise<string | undefined> {
  const answer = await deps.ses.send(
    new SendEmailCommand({
      FromEmailAddress: deps.mailFrom,
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: mail.text, Charset: 'UTF-8' },
            Html: { Data: mail.html, Charset: 'UTF-8' },
          },
          Headers: Object.entries(headers).map(([Name, Value]) => ({ Name, Value })),
        },
      },
    }),
  );
  return answer.MessageId;
}
