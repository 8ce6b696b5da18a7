import { z } from 'zod';

/** Who the mail speaks for: the portal's name, its public URL and its accent colour. */
export const brandSchema = z.object({
  portalName: z.string().trim().min(1).max(60),
  portalUrl: z.url(),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'The accent colour must look like #4f46e5.'),
});
export type Brand = z.infer<typeof brandSchema>;

const text = z.string().trim().max(500);

/** Every mail the portal sends and the data each one needs; validated before rendering. */
export const mailSchema = z.discriminatedUnion('template', [
  z.object({ template: z.literal('upgrade-requested'), customerEmail: text, planName: text }),
  z.object({ template: z.literal('upgrade-approved'), planName: text }),
  z.object({ template: z.literal('upgrade-declined'), planName: text, reason: text.optional() }),
  z.object({ template: z.literal('upgrade-offered'), planName: text }),
  z.object({ template: z.literal('key-rotated'), oldKeyWorksUntil: text }),
  z.object({ template: z.literal('key-disabled'), reason: text.optional() }),
  z.object({ template: z.literal('key-enabled') }),
  z.object({
    template: z.literal('quota-threshold'),
    planName: text,
    threshold: z.coerce.number().int().min(1).max(100),
    used: z.coerce.number().int().min(0),
    limit: z.coerce.number().int().min(1),
    resetsAt: text,
  }),
  z.object({ template: z.literal('key-age-reminder'), ageDays: z.coerce.number().int().min(1) }),
  z.object({ template: z.literal('invitation'), email: text }),
  z.object({ template: z.literal('endpoint-paused'), url: text }),
]);
export type MailInput = z.infer<typeof mailSchema>;
export type MailTemplate = MailInput['template'];

/** Mail a customer may turn off; the rest concerns their access and always goes out. */
export const optionalTemplates: ReadonlySet<MailTemplate> = new Set([
  'quota-threshold',
  'key-age-reminder',
]);

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Content {
  subject: string;
  lines: string[];
  action?: { label: string; path: string };
}

function content(mail: MailInput): Content {
  switch (mail.template) {
    case 'upgrade-requested':
      return {
        subject: `Upgrade request: ${mail.customerEmail} asks for ${mail.planName}`,
        lines: [`${mail.customerEmail} asked to move to the ${mail.planName} plan.`],
        action: { label: 'Review requests', path: '/admin/requests' },
      };
    case 'upgrade-approved':
      return {
        subject: `You are on the ${mail.planName} plan`,
        lines: [
          `Your request for the ${mail.planName} plan was approved. Your key works on it now.`,
        ],
        action: { label: 'Open your dashboard', path: '/dashboard' },
      };
    case 'upgrade-declined':
      return {
        subject: `Your request for ${mail.planName} was declined`,
        lines: [
          `Your request for the ${mail.planName} plan was declined.`,
          ...(mail.reason ? [`Reason: ${mail.reason}`] : []),
        ],
        action: { label: 'See your plans', path: '/dashboard' },
      };
    case 'upgrade-offered':
      return {
        subject: `An upgrade to ${mail.planName} is offered to you`,
        lines: [
          `An administrator offers to move you to the ${mail.planName} plan. Your key stays the same.`,
          'Accept or decline the offer on your dashboard.',
        ],
        action: { label: 'Open your dashboard', path: '/dashboard' },
      };
    case 'key-rotated':
      return {
        subject: 'Your API key was rotated',
        lines: [
          'A new API key replaced your old one.',
          `The old key keeps working until ${mail.oldKeyWorksUntil}.`,
        ],
        action: { label: 'Get your new key', path: '/dashboard' },
      };
    case 'key-disabled':
      return {
        subject: 'Your API key was disabled',
        lines: [
          'Your API key was disabled; calls with it are refused.',
          ...(mail.reason ? [`Reason: ${mail.reason}`] : []),
        ],
        action: { label: 'Open your dashboard', path: '/dashboard' },
      };
    case 'key-enabled':
      return {
        subject: 'Your API key works again',
        lines: ['An administrator enabled your API key again.'],
        action: { label: 'Open your dashboard', path: '/dashboard' },
      };
    case 'quota-threshold':
      return {
        subject: `You have used ${mail.threshold}% of your ${mail.planName} quota`,
        lines: [
          `You have made ${mail.used} of your ${mail.limit} calls on the ${mail.planName} plan this period.`,
          mail.threshold >= 100
            ? 'Further calls are refused until the quota resets.'
            : 'Calls past the quota are refused until it resets.',
          `The quota resets ${mail.resetsAt}.`,
        ],
        action: { label: 'See your usage or upgrade', path: '/dashboard/usage' },
      };
    case 'key-age-reminder':
      return {
        subject: `Your API key is ${mail.ageDays} days old`,
        lines: [
          `Your API key was created ${mail.ageDays} days ago. Rotating it regularly limits the damage of a leak.`,
        ],
        action: { label: 'Rotate your key', path: '/dashboard' },
      };
    case 'invitation':
      return {
        subject: 'You are invited to the developer portal',
        lines: [
          `An administrator created an account for ${mail.email}.`,
          'Your temporary password arrives in a separate message; sign in to choose your own.',
        ],
        action: { label: 'Sign in', path: '/sign-in' },
      };
    case 'endpoint-paused':
      return {
        subject: 'A webhook endpoint was paused',
        lines: [
          `Deliveries to ${mail.url} failed for 24 hours, so the endpoint was paused.`,
          'Nothing is lost meanwhile: deliveries that come due while it is paused are held, for up to 30 days.',
          'Fix the receiver, then resume the endpoint: what it held is sent, oldest first.',
        ],
        action: { label: 'Open webhooks', path: '/admin/webhooks' },
      };
  }
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Plain text and HTML from one content definition, so the two never drift. Every value is
 * escaped for HTML; links are built from the configured portal URL only.
 */
export function renderMail(mail: MailInput, brand: Brand, unsubscribeUrl?: string): RenderedMail {
  const { subject, lines, action } = content(mail);
  const actionUrl = action ? new URL(action.path, brand.portalUrl).toString() : undefined;
  const footer = unsubscribeUrl
    ? `You get this because quota and key reminders are on for your account. Turn them off: ${unsubscribeUrl}`
    : `This message is about your access to ${brand.portalName}.`;
  const textBody = [
    ...lines,
    ...(action && actionUrl ? ['', `${action.label}: ${actionUrl}`] : []),
    '',
    '—',
    brand.portalName,
    footer,
  ].join('\n');
  const accent = escapeHtml(brand.accentColor);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-top:4px solid ${accent};padding:24px">
<p style="margin:0 0 16px;font-weight:700;color:${accent}">${escapeHtml(brand.portalName)}</p>
${lines.map((line) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`).join('\n')}
${
  action && actionUrl
    ? `<p style="margin:20px 0"><a href="${escapeHtml(actionUrl)}" style="background:${accent};color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>`
    : ''
}
<p style="margin:24px 0 0;font-size:12px;color:#475569">${
    unsubscribeUrl
      ? `You get this because quota and key reminders are on for your account. <a href="${escapeHtml(unsubscribeUrl)}" style="color:#475569">Turn them off</a>.`
      : escapeHtml(footer)
  }</p>
</div></body></html>`;
  return { subject: `${brand.portalName}: ${subject}`, text: textBody, html };
}
