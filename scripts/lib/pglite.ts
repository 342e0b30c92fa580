// Starts scripts/pglite-server.mjs in a child process and hands back its DATABASE_URL. A child process (not
// this one) because the postgres backend's synchronous reads block this thread while they wait for the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../pglite-server.mjs', import.meta.url));
/** Start-up is bounded: PGlite loads its WASM and the extension in 1–10 s here, more on a loaded machine. */
const START_TIMEOUT_MS = 120_000;

export interface PgliteServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startPglite(options: { vector?: boolean } = {}): Promise<PgliteServer> {
  const args = [SERVER, ...(options.vector === false ? ['--no-vector'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pglite server did not start within ${START_TIMEOUT_MS} ms: ${stderr}`));
    }, START_TIMEOUT_MS);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`pglite server exited with ${code}: ${stderr}`));
    });
  });
  return {
    port,
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
