import { config } from '@/lib/config';

/** In local mode no email leaves the machine: say where the codes go instead. */
export function LocalCodeHint() {
  if (config().mode !== 'local') return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      Running locally: codes are printed in the terminal running <code>npm run dev</code>.
    </p>
  );
}
