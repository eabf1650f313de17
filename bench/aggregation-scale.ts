import { performance } from 'node:perf_hooks';
import { addResponse, counts, emptyRollup, type Rollup } from '../shared/digest/rollup.ts';
import { segmentKey } from '../shared/platform/table/keys.ts';
import type { TResponse } from '../shared/answering/response-store.ts';
import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { syntheticAnswers, syntheticAttribution } from './synthetic-answers.ts';

/**
 * CPU time and memory of aggregating N responses in one pass (the digest function's work
 * once the items are read), on responses generated in memory: every value rated, a comment
 * on one in ten, spread over 20 departments and 400 staff.
 */
export function measureAggregation(n: number): { responses: number; cpuMs: number; heapMb: number; perMillionSeconds: number } {
  const questionnaire = loadQuestionnaires().find((q) => q.audience === 'customers')!;
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
    const { headline, ...answers } = syntheticAnswers(questionnaire, i);
    const response: TResponse = {
      questionnaireId: questionnaire.id,
      waveId: '2026-W47',
      firstAnsweredAt: '2026-11-17T10:00:00.000Z',
      answeredAt: '2026-11-17T10:00:00.000Z',
      headlineScore: headline,
      ...syntheticAttribution(i),
      answers,
    };
    if (!counts(response)) continue;
    for (const segment of [segmentKey({ kind: 'company' }), segmentKey({ kind: 'department', id: response.departmentId! }), segmentKey({ kind: 'staff', email: response.staffEmail! })]) addResponse(rollupFor(segment), response);
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { responses: n, cpuMs: Math.round(cpuMs), heapMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6), perMillionSeconds: Math.round((wallMs / n) * 1e6) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const n of [10_000, 100_000, 1_000_000]) console.log(JSON.stringify(measureAggregation(n)));
}
