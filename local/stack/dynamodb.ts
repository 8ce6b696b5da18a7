import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import dynalite from 'dynalite';

export interface RunningDynamo {
  url: string;
  close(): Promise<void>;
}

/** dynalite in this process, persisted with LevelDB under `dataDir`. */
export async function startDynamo(options: {
  port: number;
  dataDir: string;
}): Promise<RunningDynamo> {
  mkdirSync(options.dataDir, { recursive: true });
  const server: Server = dynalite({
    path: options.dataDir,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
