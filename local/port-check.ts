import { createServer } from 'node:net';

/** Resolves when `port` on localhost is free, rejects naming the variable that moves it otherwise. */
export function requireFreePort(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () => reject(new Error(`Port ${port} is in use. Stop what uses it, or choose another port with ${variable}=<port>.`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
