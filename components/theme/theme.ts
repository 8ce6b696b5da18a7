export type ThemeChoice = 'light' | 'dark' | 'system';

const storageKey = 'portico-theme';
const darkQuery = '(prefers-color-scheme: dark)';

/**
 * Runs in <head> before the first paint, so a stored or system dark theme never flashes light.
 * It repeats `applyTheme` by hand because it must be plain, dependency-free ES5.
 */
export const themeScript = `(function(){var c=null;try{c=localStorage.getItem(${JSON.stringify(storageKey)})}catch(e){}var d=c==='dark'||(c!=='light'&&window.matchMedia(${JSON.stringify(darkQuery)}).matches);document.documentElement.classList.toggle('dark',d)})()`;

export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    // Storage can be blocked (privacy settings); the system preference still applies.
    return 'system';
  }
}

export function storeThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, choice);
  } catch {
    // Not persisted, but still applied to this page by the caller.
  }
}

export function applyTheme(choice: ThemeChoice = readThemeChoice()): void {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia(darkQuery).matches);
  document.documentElement.classList.toggle('dark', dark);
}

/** Calls `onChange` when the system theme or another tab's stored choice changes. */
export function watchTheme(onChange: () => void): () => void {
  const media = window.matchMedia(darkQuery);
  media.addEventListener('change', onChange);
  window.addEventListener('storage', onChange);
  return () => {
    media.removeEventListener('change', onChange);
    window.removeEventListener('storage', onChange);
  };
}
