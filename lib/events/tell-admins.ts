import { listAdmins } from '../admin/cognito-users';
import { enqueueMail } from '../mail/mail-jobs';
import type { MailInput } from '../mail/templates';
import { notifyCustomer } from '../store/notifications';
import type { EventDeps } from './deps';

/** Every admin gets a notification in the portal and a mail. */
export async function tellAdmins(
  deps: EventDeps,
  message: string,
  mail: MailInput,
  jobId = `${mail.template}-${deps.now()}`,
): Promise<void> {
  for (const admin of await listAdmins(deps)) {
    await notifyCustomer(deps, admin.sub, { tone: 'warning', message });
    await enqueueMail(deps, `${jobId}-${admin.sub}`, { to: admin.email, mail });
  }
}
