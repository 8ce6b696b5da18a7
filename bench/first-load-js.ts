import { firstLoadBudgetBytes, firstLoadJs, heavyRoutes } from './support/first-load-js';

/**
 * `npm run bench:bundle` (after `npm run build`): first-load JavaScript per page, gzip, against
 * the budget every page but the API docs page must stay under.
 */
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = firstLoadJs();
const width = Math.max(...rows.map((row) => row.route.length));
let over = 0;
console.log(
  `First-load JavaScript per page (gzip); budget ${kb(firstLoadBudgetBytes)} except ${heavyRoutes.join(', ')}`,
);
for (const row of rows) {
  const exempt = heavyRoutes.includes(row.route);
  const verdict = exempt
    ? 'docs (swagger-ui)'
    : row.gzipBytes <= firstLoadBudgetBytes
      ? 'ok'
      : 'OVER BUDGET';
  if (!exempt && row.gzipBytes > firstLoadBudgetBytes) over += 1;
  console.log(
    `${row.route.padEnd(width)}  ${kb(row.gzipBytes).padStart(9)}  ${String(row.chunks).padStart(2)} chunks  ${verdict}`,
  );
}
if (over > 0) {
  console.log(`${over} page(s) over budget`);
  process.exitCode = 1;
}
