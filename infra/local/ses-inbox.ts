import type { Server } from 'node:http';
import sesEmulator from 'aws-ses-v2-local';

export interface RunningInbox {
  /** The web inbox, and the SES API endpoint the SDK is pointed at. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the `aws-ses-v2-local` SES emulator; its web page is the local inbox. */
export async function startSesInbox(port: number): Promise<RunningInbox> {
  // A CommonJS module: its function is the `default` property of what ESM imports.
  const server: Server = await sesEmulator.default({ host: '127.0.0.1', port });
  return {
    url: `http://localhost:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
