import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ENVIRONMENT, OUT, ROOT, bundle, oneClickEvent, startDynamoStub } from './cold-start.ts';

const run = promisify(execFile);

/** Lambda gives a function one full vCPU at 1,769 MB and a proportional share below that. */
const FULL_VCPU_MB = 1769;
/** Lambda's arm64 price per GB-second (us-east-1, 2026), for the cost column. */
const ARM64_USD_PER_GB_SECOND = 0.0000133334;
/** What a warm answer waits on DynamoDB and the network in AWS (the stub here answers at once): an assumption, stated. */
const ASSUMED_IO_MS = 10;
export const MEMORY_SIZES_MB = [128, 256, 512, 1024, 1769] as const;

/** Imports the answer bundle, answers one first request, then 20 warm ones; prints the times. */
const PROBE = `
import 'node:http';
const t = performance.now();
const { handler } = await import(process.argv[1]);
const event = JSON.parse(process.env.BENCH_EVENT);
await handler(event, {});
const firstRequestMs = performance.now() - t;
const warm = [];
for (let i = 0; i < 20; i++) { const s = performance.now(); await handler(event, {}); warm.push(performance.now() - s); }
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ firstRequestMs, warmMs: warm[10] }));
`;

export interface MemorySizing {
  memoryMb: number;
  /** Median over fresh processes, with the CPU held to this memory size's share. */
  firstRequestMs: number;
  warmRequestMs: number;
  /** Lambda compute cost of a million warm answers at this size (CPU time measured + I/O assumed). */
  usdPerMillionWarm: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The answer function's first (cold) and warm request with the CPU limited as Lambda limits it
 * at each memory size (a cgroup CPU quota of memory/1,769 of a core). Needs root and cgroup v1's
 * cpu controller; returns undefined where the machine has neither.
 */
export async function measureMemorySizing(runs = 5, onProgress: (line: string) => void = () => undefined): Promise<MemorySizing[] | undefined> {
  const cgroupRoot = '/sys/fs/cgroup/cpu';
  if (!existsSync(join(cgroupRoot, 'cpu.cfs_quota_us')) || process.getuid?.() !== 0) return undefined;
  mkdirSync(OUT, { recursive: true });
  const bundleFile = join(OUT, 'http-api-sizing.mjs');
  await bundle(join(ROOT, 'functions/http-api/handler.ts'), bundleFile, 'product');
  const stub = await startDynamoStub();
  const results: MemorySizing[] = [];
  try {
    const env = { ...process.env, ...ENVIRONMENT, BENCH_EVENT: oneClickEvent(), AWS_ENDPOINT_URL_DYNAMODB: stub.url, AWS_ENDPOINT_URL_SECRETS_MANAGER: stub.url };
    for (const memoryMb of MEMORY_SIZES_MB) {
      const group = join(cgroupRoot, `feedback-bench-${memoryMb}`);
      mkdirSync(group, { recursive: true });
      writeFileSync(join(group, 'cpu.cfs_period_us'), '100000');
      writeFileSync(join(group, 'cpu.cfs_quota_us'), String(Math.round((100_000 * memoryMb) / FULL_VCPU_MB)));
      const first: number[] = [];
      const warm: number[] = [];
      try {
        for (let i = 0; i < runs; i++) {
          // The shell joins the cgroup, then becomes node: the whole process runs under the quota.
          const script = `echo $$ > ${join(group, 'tasks')} && exec "${process.execPath}" --input-type=module -e '${PROBE.replaceAll("'", "'\\''")}' "${bundleFile}"`;
          const { stdout } = await run('sh', ['-c', script], { env, encoding: 'utf8' });
          const probe = JSON.parse(stdout.trim().split('\n').pop()!) as { firstRequestMs: number; warmMs: number };
          first.push(probe.firstRequestMs);
          warm.push(probe.warmMs);
        }
      } finally {
        rmdirSync(group);
      }
      const warmRequestMs = Math.round(median(warm) * 10) / 10;
      const usdPerMillionWarm = Math.round((memoryMb / 1024) * ((warmRequestMs + ASSUMED_IO_MS) / 1000) * ARM64_USD_PER_GB_SECOND * 1e6 * 100) / 100;
      results.push({ memoryMb, firstRequestMs: Math.round(median(first)), warmRequestMs, usdPerMillionWarm });
      onProgress(`memory sizing: ${memoryMb} MB → first request ${Math.round(median(first))} ms, warm ${warmRequestMs} ms, $${usdPerMillionWarm} per million`);
    }
  } finally {
    stub.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureMemorySizing(Number(process.argv[2] ?? 5), (line) => process.stderr.write(`${line}\n`));
  console.log(results ? JSON.stringify(results, null, 1) : 'memory sizing needs root and the cgroup v1 cpu controller; skipped');
}
