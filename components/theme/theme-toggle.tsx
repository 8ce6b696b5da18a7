'use client';

import { useLayoutEffect, useSyncExternalStore, type ReactNode } from 'react';
import {
  applyTheme,
  readThemeChoice,
  storeThemeChoice,
  watchTheme,
  type ThemeChoice,
} from './theme';

const sameTabListeners = new Set<() => void>();

function subscribe(onStoreChange: () => void): () => void {
  const sync = () => {
    applyTheme();
    onStoreChange();
  };
  sameTabListeners.add(onStoreChange);
  const unwatch = watchTheme(sync);
  return () => {
    sameTabListeners.delete(onStoreChange);
    unwatch();
  };
}

function choose(choice: ThemeChoice) {
  storeThemeChoice(choice);
  applyTheme(choice);
  sameTabListeners.forEach((listener) => listener());
}

/** A three-way radio group (light / dark / system); arrow keys move between the options. */
export function ThemeToggle() {
  // The server cannot know the stored choice, so no option is checked until hydration.
  const current = useSyncExternalStore(subscribe, readThemeChoice, () => null);

  // React's dev-mode remount resets <html>'s attributes; put the class back before paint.
  useLayoutEffect(() => applyTheme(), []);

  return (
    <fieldset className="flex items-center rounded-full border border-slate-300 p-0.5 dark:border-slate-700">
      <legend className="sr-only">Colour theme</legend>
      {options.map((option) => (
        <label
          key={option.value}
          title={option.label}
          className="flex size-7 cursor-pointer items-center justify-center rounded-full text-slate-500 hover:text-slate-900 has-checked:bg-slate-200 has-checked:text-slate-900 has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-indigo-500 dark:text-slate-400 dark:hover:text-white dark:has-checked:bg-slate-700 dark:has-checked:text-white"
        >
          <input
            type="radio"
            name="portico-theme"
            value={option.value}
            checked={current === option.value}
            onChange={() => choose(option.value)}
            className="sr-only"
          />
          {option.icon}
          <span className="sr-only">{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

const iconProps = {
  'aria-hidden': true,
  className: 'size-4',
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

const options: { value: ThemeChoice; label: string; icon: ReactNode }[] = [
  {
    value: 'light',
    label: 'Light',
    icon: (
      <svg {...iconProps}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    ),
  },
  {
    value: 'dark',
    label: 'Dark',
    icon: (
      <svg {...iconProps}>
        <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />
      </svg>
    ),
  },
  {
    value: 'system',
    label: 'System',
    icon: (
      <svg {...iconProps}>
        <rect x="3" y="4" width="18" height="12" rx="2" />
        <path d="M8 20h8M12 16v4" />
      </svg>
    ),
  },
];
