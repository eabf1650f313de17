import { performance } from 'node:perf_hooks';
import { addResponse, counts, emptyRollup, segments, type Rollup } from '../../shared/digest/rollup.ts';
import type { TResponse } from '../../shared/storage/responses.ts';
import { loadQuestionnaires } from '../../shared/config/load-questionnaires.ts';

/**
 * CPU time and memory of aggregating N responses in one pass (the digest function's work
 * once the items are read), on responses generated in memory: every value rated, a comment
 * on one in ten, spread over 20 departments and 400 staff.
 */
export function measureAggregation(n: number): { responses: number; cpuMs: number; heapMb: number; perMillionSeconds: number } {
  const questionnaire = loadQuestionnaires().find((q) => q.audience === 'customers')!;
  const valueIds = questionnaire.values.map((v) => v.id);
  const standardIds = questionnaire.standards.map((s) => s.id);
  const rollups = new Map<string, Rollup>();
  const rollupFor = (segment: string) => {
    let r = rollups.get(segment);
    if (!r) rollups.set(segment, (r = emptyRollup(segment, questionnaire.headline.kind)));
    return r;
  };
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    // Generated one at a time, as pages arrive: the pass never holds the period in memory.
    const response: TResponse = {
      questionnaireId: questionnaire.id,
      waveId: '2026-W47',
      firstAnsweredAt: '2026-11-17T10:00:00.000Z',
      answeredAt: '2026-11-17T10:00:00.000Z',
      headlineScore: i % 11,
      staffEmail: `staff${i % 400}@acme.example`,
      departmentId: `dept-${i % 20}`,
      answers: {
        values: Object.fromEntries(valueIds.map((id, k) => [id, { importance: 1 + ((i + k) % 5), performance: 1 + ((i * 3 + k) % 5), competitor: 1 + ((i + 2 * k) % 5) }])),
        probes: {},
        standards: Object.fromEntries(standardIds.map((id, k) => [id, (i + k) % 4 !== 0])),
        comparison: (['better', 'same', 'worse', 'dk'] as const)[i % 4]!,
        ...(i % 10 === 0 ? { comment: `Comment number ${i} about the service we received.` } : {}),
        complaintRequested: false,
      },
    };
    if (!counts(response)) continue;
    for (const segment of [segments.company, segments.department(response.departmentId!), segments.staff(response.staffEmail!)]) addResponse(rollupFor(segment), response);
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { responses: n, cpuMs: Math.round(cpuMs), heapMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6), perMillionSeconds: Math.round((wallMs / n) * 1e6) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const n of [10_000, 100_000, 1_000_000]) console.log(JSON.stringify(measureAggregation(n)));
}
