import { describe, expect, it } from 'vitest';
import { brandSchema, mailSchema, renderMail } from './templates';

const brand = {
  portalName: 'Acme APIs',
  portalUrl: 'https://dev.acme.test',
  accentColor: '#0e7490',
};

describe('mail templates', () => {
  it('renders text and HTML with the portal name, accent colour and a link into the portal', () => {
    const mail = renderMail(
      mailSchema.parse({
        template: 'quota-threshold',
        planName: 'Bronze',
        threshold: '80',
        used: '8',
        limit: '10',
        resetsAt: '2026-12-03 00:00 UTC',
      }),
      brand,
      'https://dev.acme.test/unsubscribe?token=t',
    );
    expect(mail.subject).toBe('Acme APIs: You have used 80% of your Bronze quota');
    expect(mail.text).toContain('You have made 8 of your 10 calls on the Bronze plan this period.');
    expect(mail.text).toContain('See your usage or upgrade: https://dev.acme.test/dashboard/usage');
    expect(mail.text).toContain('Turn them off: https://dev.acme.test/unsubscribe?token=t');
    expect(mail.html).toContain('border-top:4px solid #0e7490');
    expect(mail.html).toContain('href="https://dev.acme.test/unsubscribe?token=t"');
    expect(mail.html).toContain('>Acme APIs</p>');
  });

  it('escapes every value in the HTML part', () => {
    const mail = renderMail(
      { template: 'upgrade-declined', planName: '<b>Gold</b>', reason: 'a "b" & c' },
      brand,
    );
    expect(mail.html).not.toContain('<b>Gold</b>');
    expect(mail.html).toContain('&#60;b&#62;Gold&#60;/b&#62;');
    expect(mail.html).toContain('a &#34;b&#34; &#38; c');
    expect(mail.text).toContain('Reason: a "b" & c');
    expect(mail.text).toContain('This message is about your access to Acme APIs.');
  });

  it('gives clear errors for bad template input', () => {
    const bad = mailSchema.safeParse({ template: 'quota-threshold', planName: 'B', threshold: 0 });
    expect(bad.success).toBe(false);
    expect(mailSchema.safeParse({ template: 'no-such-mail' }).success).toBe(false);
    const colour = brandSchema.safeParse({ ...brand, accentColor: 'red' });
    expect(colour.error?.issues[0]?.message).toBe('The accent colour must look like #4f46e5.');
  });
});
