import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createLocalPipeline } from '../local/local-pipeline.ts';
import { ensureTable } from '../local/create-table.ts';
import { loadDeploymentConfig } from '../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { createLogger } from '../shared/platform/observability/logger.ts';
import { keys } from '../shared/platform/table/keys.ts';
import { batchWrite } from '../shared/platform/table/batch-write.ts';
import { newLinkId, signLink } from '../shared/platform/tokens/link-token.ts';
import type { TInvitation } from '../shared/invitations/invitation-store.ts';

export interface LoadResult {
  seconds: number;
  concurrency: number;
  requests: number;
  acknowledged: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  stored: number;
  lost: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Concurrent questionnaire submissions against the local HTTP server backed by DynamoDB
 * Local, each to its own invitation, for `seconds`; afterwards the stored responses are
 * counted and must equal the acknowledged ones.
 */
export async function measureAnswerLoad(options: { dynamodbEndpoint: string; seconds: number; concurrency: number; invitations: number }): Promise<LoadResult> {
  const config = loadDeploymentConfig();
  const questionnaires = loadQuestionnaires();
  const questionnaire = questionnaires.find((q) => q.audience === 'customers')!;
  const tableName = `bench-${Date.now()}`;
  await ensureTable(options.dynamodbEndpoint, tableName);
  const secret = 'bench-secret-'.padEnd(48, 'x');
  const pipeline = createLocalPipeline({
    config,
    questionnaires,
    tableName,
    dynamodbEndpoint: options.dynamodbEndpoint,
    sesEndpoint: 'http://127.0.0.1:1',
    publicBaseUrl: 'http://127.0.0.1',
    linkSecret: secret,
    mailDir: mkdtempSync(join(tmpdir(), 'bench-mail-')),
    log: createLogger({ write: () => undefined }),
  });
  const waveId = '2026-W48';
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
  const tokens: string[] = [];
  const invitations: TInvitation[] = [];
  for (let i = 0; i < options.invitations; i++) {
    const linkId = newLinkId();
    invitations.push({ audience: 'customers', questionnaireId: questionnaire.id, waveId, email: `load${i}@customer.example`, name: `Load ${i}`, language: 'en', linkId, status: 'sent', createdAt: new Date().toISOString() });
    tokens.push(signLink({ purpose: 'answer', linkId, expiresAt }, secret));
  }
  await batchWrite(
    pipeline.table,
    invitations.map((inv) => ({ PutRequest: { Item: { ...keys.invitation(inv.questionnaireId, inv.waveId, inv.email), ...keys.invitationByLinkId(inv.linkId), kind: 'invitation', ...inv } } })),
  );
  const port = await freePort();
  const server = serve({ fetch: pipeline.app.fetch, port, hostname: '127.0.0.1' });
  const latencies: number[] = [];
  let next = 0;
  let acknowledged = 0;
  let errors = 0;
  const deadline = Date.now() + options.seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (Date.now() < deadline && next < tokens.length) {
        const token = tokens[next++]!;
        const t0 = performance.now();
        try {
          const response = await fetch(`http://127.0.0.1:${port}/q/${token}`, { method: 'POST', body: new URLSearchParams({ score: String(next % 11), comment: 'Load test answer' }) });
          await response.arrayBuffer();
          if (response.status === 200) acknowledged++;
          else errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  pipeline.close();

  let stored = 0;
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await pipeline.table.db.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.responsesOf(questionnaire.id, waveId).pk }, Select: 'COUNT', ExclusiveStartKey: cursor }));
    stored += page.Count ?? 0;
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0) * 10) / 10;
  return {
    seconds: Math.round(elapsed * 10) / 10,
    concurrency: options.concurrency,
    requests: latencies.length,
    acknowledged,
    errors,
    requestsPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: pct(50),
    p99Ms: pct(99),
    stored,
    lost: acknowledged - stored,
  };
}
