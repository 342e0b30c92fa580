// Starts scripts/pglite-server.mjs in a child process and hands back its DATABASE_URL. A child process (not
// this one) because the postgres backend's synchronous reads block this thread while they wait for the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../pglite-server.mjs', import.meta.url));
/** Start-up is bounded: PGlite loads its WASM and the extension in 1–10 s here, more on a loaded machine. */
const START_TIMEOUT_MS = 120_000;

/** The socket server's counts: connections open, and protocol messages waiting (behind another's transaction). */
export interface PgliteStats {
  activeConnections: number;
  queuedQueries: number;
}

export interface PgliteServer {
  url: string;
  port: number;
  stats(): Promise<PgliteStats>;
  stop(): Promise<void>;
}

export async function startPglite(options: { vector?: boolean } = {}): Promise<PgliteServer> {
  const args = [SERVER, ...(options.vector === false ? ['--no-vector'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let out = '';
  let started = false;
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pglite server did not start within ${START_TIMEOUT_MS} ms: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const end = out.indexOf('\n');
      if (started || end === -1) return;
      started = true;
      clearTimeout(timer);
      const line = out.slice(0, end);
      out = out.slice(end + 1);
      resolve((JSON.parse(line) as { port: number }).port);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`pglite server exited with ${code}: ${stderr}`));
    });
  });
  // Replies to `stats` come one line each, in order.
  const waiting: ((stats: PgliteStats) => void)[] = [];
  child.stdout!.on('data', () => {
    for (let end = out.indexOf('\n'); end !== -1; end = out.indexOf('\n')) {
      const line = out.slice(0, end);
      out = out.slice(end + 1);
      waiting.shift()?.((JSON.parse(line) as { stats: PgliteStats }).stats);
    }
  });
  return {
    port,
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stats: () =>
      new Promise<PgliteStats>((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error('pglite server exited'));
        waiting.push(resolve);
        child.stdin!.write('stats\n');
      }),
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
