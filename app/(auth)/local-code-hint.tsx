import { latestCode } from '@/lib/auth/local-codes';
import { config } from '@/lib/config';

/**
 * In local mode no email leaves the machine: the newest code sent to `email` is shown here,
 * and every code is printed in the terminal running `npm run dev`.
 */
export function LocalCodeHint({ email }: { email?: string }) {
  const settings = config();
  if (settings.mode !== 'local') return null;
  const code = email && settings.localDir ? latestCode(settings.localDir, email) : undefined;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      {code ? (
        <>
          Running locally: the latest code sent to {email} is{' '}
          <code data-testid="local-code">{code}</code>. Codes are also printed in the terminal
          running <code>npm run dev</code>.
        </>
      ) : (
        <>
          Running locally: codes are printed in the terminal running <code>npm run dev</code>.
        </>
      )}
    </p>
  );
}
