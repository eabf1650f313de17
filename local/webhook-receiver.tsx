import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { verifyWebhook, WEBHOOK_HEADERS } from '../shared/integrations/webhook-signature.ts';

/** One request the receiver took in. */
export interface Arrival {
  readonly at: string;
  readonly kind: 'webhook' | 'slack' | 'teams';
  readonly destination: string;
  readonly status: number;
  readonly eventId?: string;
  readonly eventType?: string;
  /** For webhooks: whether the signature verified with the webhook's secret (the README's recipe). */
  readonly signatureValid?: boolean;
  /** For webhooks: the signature header and the exact bytes received, as a receiver checks them. */
  readonly signature?: string;
  readonly rawBody?: string;
  readonly body: unknown;
}

export interface RunningReceiver {
  readonly url: string;
  readonly arrivals: readonly Arrival[];
  /** Makes the next `count` requests to `destination` answer `status` (tests of a failing receiver). */
  failNext(destination: string, status: number, count?: number): void;
  /** Makes the next request to `destination` wait `ms` before answering (tests of a slow receiver). */
  slowNext(destination: string, ms: number): void;
  stop(): Promise<void>;
}

/**
 * The local webhook receiver beside the inbox: it takes what the local stack delivers to
 * webhooks and chat channels, checks each webhook's signature as a receiver would, and
 * shows it all on a page (newest first). Loopback only.
 */
export async function startWebhookReceiver(port: number, secretOf: (webhookId: string) => string): Promise<RunningReceiver> {
  const arrivals: Arrival[] = [];
  const failures = new Map<string, { status: number; left: number }>();
  const delays = new Map<string, number>();
  const pause = async (destination: string) => {
    const ms = delays.get(destination);
    delays.delete(destination);
    if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
  };
  const app = new Hono();
  const answer = (destination: string) => {
    const failure = failures.get(destination);
    if (!failure || failure.left <= 0) return 200;
    failure.left--;
    return failure.status;
  };
  app.post('/webhooks/:id', async (c) => {
    const destination = c.req.param('id');
    await pause(destination);
    const body = await c.req.text();
    const signature = c.req.header(WEBHOOK_HEADERS.signature) ?? '';
    const signatureValid = verifyWebhook(secretOf(destination), signature, body, Math.floor(Date.now() / 1000));
    const status = answer(destination);
    arrivals.push({ at: new Date().toISOString(), kind: 'webhook', destination, status, eventId: c.req.header(WEBHOOK_HEADERS.eventId) ?? '', eventType: c.req.header(WEBHOOK_HEADERS.eventType) ?? '', signatureValid, signature, rawBody: body, body: parsed(body) });
    return c.body(null, status as 200);
  });
  app.post('/:kind{slack|teams}/:id', async (c) => {
    const destination = c.req.param('id');
    const status = answer(destination);
    arrivals.push({ at: new Date().toISOString(), kind: c.req.param('kind') as 'slack' | 'teams', destination, status, body: parsed(await c.req.text()) });
    return c.body(null, status as 200);
  });
  app.get('/received', (c) => c.json({ arrivals }));
  app.get('/', (c) => c.html(<ReceiverPage arrivals={[...arrivals].reverse()} />));
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    url: `http://localhost:${port}`,
    arrivals,
    failNext: (destination, status, count = 1) => failures.set(destination, { status, left: count }),
    slowNext: (destination, ms) => delays.set(destination, ms),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parsed(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function ReceiverPage({ arrivals }: { arrivals: readonly Arrival[] }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="refresh" content="3" />
        <title>Webhook receiver</title>
        <style>{'body{font:14px system-ui,sans-serif;margin:2rem;max-width:60rem}pre{background:#f4f4f4;padding:.5rem;white-space:pre-wrap;overflow-wrap:anywhere}.ok{color:#075}.bad{color:#b00}'}</style>
      </head>
      <body>
        <h1>Webhook receiver</h1>
        <p>What the local stack delivered to webhooks and chat channels, newest first (this page refreshes every 3 s).</p>
        {arrivals.length === 0 ? <p>Nothing yet. Answer a questionnaire with a low score to open a complaint.</p> : null}
        {arrivals.map((arrival) => (
          <section>
            <h2>
              {arrival.kind} <code>{arrival.destination}</code> {arrival.eventType ?? ''} — answered {arrival.status}
            </h2>
            <p>
              {arrival.at}
              {arrival.eventId ? ` · event ${arrival.eventId}` : ''}
              {arrival.signatureValid === undefined ? null : arrival.signatureValid ? <strong class="ok"> · signature verified</strong> : <strong class="bad"> · signature INVALID</strong>}
            </p>
            <pre>{JSON.stringify(arrival.body, null, 2)}</pre>
          </section>
        ))}
      </body>
    </html>
  );
}
