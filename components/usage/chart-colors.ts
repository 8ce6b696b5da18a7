/**
 * Series colours as CSS variables, set on the chart's wrapper for light and dark mode, so the
 * SVG follows the theme toggle without re-rendering. Each pair keeps at least 3:1 contrast
 * against its background.
 */
export const chartColorVariables =
  '[--usage-1:var(--color-indigo-600)] [--usage-2:var(--color-teal-600)] [--usage-3:var(--color-amber-600)] [--usage-4:var(--color-rose-600)] [--usage-5:var(--color-sky-700)] [--usage-text:var(--color-slate-600)] [--usage-grid:var(--color-slate-200)] dark:[--usage-1:var(--color-indigo-400)] dark:[--usage-2:var(--color-teal-400)] dark:[--usage-3:var(--color-amber-400)] dark:[--usage-4:var(--color-rose-400)] dark:[--usage-5:var(--color-sky-400)] dark:[--usage-text:var(--color-slate-300)] dark:[--usage-grid:var(--color-slate-700)]';

export const seriesColor = (index: number) => `var(--usage-${(index % 5) + 1})`;
