import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createTransport } from 'nodemailer';
import { z } from 'zod';

/**
 * A stand-in for the one SES v2 operation the portal uses, SendEmail with simple content, so
 * the portal's mail goes through the real `@aws-sdk/client-sesv2` in local mode too. Each
 * message is relayed over SMTP to the local inbox.
 */
const content = z.object({ Data: z.string(), Charset: z.string().optional() });
const sendEmailSchema = z.object({
  FromEmailAddress: z.string().min(3),
  Destination: z.object({ ToAddresses: z.array(z.string().min(3)).min(1).max(50) }),
  Content: z.object({
    Simple: z.object({
      Subject: content,
      Body: z.object({ Text: content.optional(), Html: content.optional() }),
      Headers: z.array(z.object({ Name: z.string(), Value: z.string() })).optional(),
    }),
  }),
});

export interface RunningSes {
  url: string;
  close(): Promise<void>;
}

function fail(response: ServerResponse, status: number, type: string, message: string) {
  response
    .writeHead(status, { 'content-type': 'application/json', 'x-amzn-ErrorType': type })
    .end(JSON.stringify({ message }));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSes(options: { port: number; smtpPort: number }): Promise<RunningSes> {
  const smtp = createTransport({
    host: '127.0.0.1',
    port: options.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/v2/email/outbound-emails') {
      return fail(
        response,
        404,
        'NotFoundException',
        `${request.method} ${request.url} is not emulated.`,
      );
    }
    void (async () => {
      let parsed: z.infer<typeof sendEmailSchema>;
      try {
        parsed = sendEmailSchema.parse(JSON.parse(await readBody(request)));
      } catch {
        return fail(response, 400, 'BadRequestException', 'The SendEmail request is not valid.');
      }
      const { Subject, Body, Headers = [] } = parsed.Content.Simple;
      const messageId = `local-${randomUUID()}`;
      try {
        await smtp.sendMail({
          from: parsed.FromEmailAddress,
          to: parsed.Destination.ToAddresses,
          subject: Subject.Data,
          text: Body.Text?.Data,
          html: Body.Html?.Data,
          headers: Object.fromEntries(Headers.map(({ Name, Value }) => [Name, Value])),
          messageId: `<${messageId}@portico.local>`,
        });
      } catch (error) {
        return fail(
          response,
          500,
          'InternalServiceErrorException',
          `Relay failed: ${String(error)}`,
        );
      }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ MessageId: messageId }));
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        smtp.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
