import { createRequire } from 'node:module';

import {
  firstLoadBudgetBytes,
  firstLoadJs,
  frameworkFloor,
  heavyRoutes,
} from './support/first-load-js';

/**
 * `npm run bench:bundle` (after `npm run build`): first-load JavaScript per page, gzip, against
 * the budget every page but the API docs page must stay under, beside an empty App Router app
 * built in the same run with the same Next and React: the floor no page can go below.
 */
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = firstLoadJs();
const floor = frameworkFloor();
const version = (name: string) =>
  (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
const width = Math.max(...rows.map((row) => row.route.length));
let over = 0;
console.log(
  `First-load JavaScript per page (gzip); budget ${kb(firstLoadBudgetBytes)} except ${heavyRoutes.join(', ')}`,
);
console.log(
  `Framework floor: an empty App Router app (Next ${version('next')}, React ${version('react')}) ` +
    `loads ${kb(floor.gzipBytes)} in ${floor.chunks} chunks` +
    (floor.gzipBytes > firstLoadBudgetBytes ? ', itself over the budget' : ''),
);
console.log(`${'page'.padEnd(width)}  ${'total'.padStart(9)}  ${'portal'.padStart(9)}  chunks`);
for (const row of rows) {
  const exempt = heavyRoutes.includes(row.route);
  const verdict = exempt
    ? 'docs (swagger-ui)'
    : row.gzipBytes <= firstLoadBudgetBytes
      ? 'ok'
      : 'OVER BUDGET';
  if (!exempt && row.gzipBytes > firstLoadBudgetBytes) over += 1;
  console.log(
    `${row.route.padEnd(width)}  ${kb(row.gzipBytes).padStart(9)}  ${kb(row.gzipBytes - floor.gzipBytes).padStart(9)}  ${String(row.chunks).padStart(6)}  ${verdict}`,
  );
}
const portalShares = rows
  .filter((row) => !heavyRoutes.includes(row.route))
  .map((row) => row.gzipBytes - floor.gzipBytes);
console.log(
  `Portal code above the floor, pages but docs: ${kb(Math.min(...portalShares))}–${kb(Math.max(...portalShares))}`,
);
if (over > 0) {
  console.log(`${over} page(s) over budget`);
  process.exitCode = 1;
}
