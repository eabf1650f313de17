import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { measureAggregation } from './aggregation-scale.ts';

/**
 * `npm run bench`: figures anyone can reproduce on a laptop. Prints a table and writes
 * `bench-results.json` with the machine, Node version and date.
 */
const results = {
  date: new Date().toISOString(),
  node: process.version,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
  aggregation: [10_000, 100_000, 1_000_000].map((n) => measureAggregation(n)),
};
console.log(`Feedback pipeline benchmark — ${results.date}, Node ${results.node}, ${results.machine}\n`);
console.log('Aggregation (one pass, in memory)   responses   CPU ms   heap Δ MB   s per 1M');
for (const r of results.aggregation) {
  console.log(`${' '.repeat(36)}${String(r.responses).padStart(9)}  ${String(r.cpuMs).padStart(7)}  ${String(r.heapMb).padStart(10)}  ${r.perMillionSeconds.toFixed(2).padStart(9)}`);
}
writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWritten to bench-results.json');
