import type { Server } from 'node:http';
import sesEmulator from 'aws-ses-v2-local';

export interface RunningInbox {
  /** The web inbox, and the SES API endpoint the SDK is pointed at. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the `aws-ses-v2-local` SES emulator; its web page is the local inbox. */
export async function startSesInbox(port: number): Promise<RunningInbox> {
  // A CommonJS module: Node's ESM loader hands over `module.exports` (the function is its
  // `default`), while Vite's interop hands over the function itself.
  const start = (typeof sesEmulator === 'function' ? sesEmulator : sesEmulator.default) as typeof sesEmulator.default;
  const server: Server = await start({ host: '127.0.0.1', port });
  return {
    url: `http://localhost:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
