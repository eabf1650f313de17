import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands at SES's door: forwards every request to the SES emulator and records when each
 * arrived, so the send rate is measured where SES would measure it (after the client's own
 * pacing, signing and retries), not where the code calls the mailer.
 */
export async function sesDoor(target: string): Promise<{ url: string; arrivals: number[]; close: () => void }> {
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    arrivals.push(Date.now());
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: { 'content-type': String(req.headers['content-type'] ?? 'application/x-www-form-urlencoded'), authorization: String(req.headers['authorization'] ?? '') }, body: Buffer.concat(chunks) });
      const body = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml', 'content-length': body.length }).end(body);
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, arrivals, close: () => server.close() };
}
