/**
 * A real redis-server for a test file, on a free loopback port and keeping
 * nothing on disk, so that `stop()` and `restart()` play a crash and a
 * restart of the server: it comes back empty. The machine's own Redis
 * (port 6379) is never used.
 *
 *   const redis = await startRedis();
 *   afterAll(() => redis.close());
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as pause } from 'node:timers/promises';

export interface TestRedis {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Whether the server is up (not stopped, not closed). */
  readonly running: boolean;
  /** Kills the server (SIGKILL, as a crash would); resolves on its exit. */
  stop(): Promise<void>;
  /** Stops the server if it runs, then starts an empty one on its port. */
  restart(): Promise<void>;
  /** Stops the server for good. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MACHINE_REDIS_PORT = 6379;
/** Ports tried before giving up: another process may take one first. */
const PORT_ATTEMPTS = 3;
const START_TIMEOUT_MS = 10_000;

export async function startRedis(): Promise<TestRedis> {
  const { port, server: first } = await spawnOnFreePort();
  let server: ChildProcess | null = first;

  const stop = async () => {
    const current = server;
    server = null;
    if (current) await kill(current);
  };
  return {
    url: `redis://${HOST}:${port}`,
    port,
    get running() {
      return server !== null;
    },
    stop,
    restart: async () => {
      await stop();
      server = await spawnRedis(port);
    },
    close: stop,
  };
}

async function spawnOnFreePort(): Promise<{
  port: number;
  server: ChildProcess;
}> {
  let failure: unknown;
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt += 1) {
    const port = await freePort();
    try {
      return { port, server: await spawnRedis(port) };
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/** Private: a port the system has just handed out, never 6379. */
async function freePort(): Promise<number> {
  for (;;) {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, HOST, resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    if (port !== MACHINE_REDIS_PORT) return port;
  }
}

/** Private: starts redis-server; resolves once it answers PING. */
async function spawnRedis(port: number): Promise<ChildProcess> {
  const args = [
    ...['--port', `${port}`, '--bind', HOST],
    ...['--save', '', '--appendonly', 'no', '--dir', tmpdir()],
  ];
  const server = spawn('redis-server', args, { stdio: 'pipe' });
  const output: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => output.push(String(chunk)));
  server.stderr?.on('data', (chunk: Buffer) => output.push(String(chunk)));
  const spawned: { error?: Error } = {};
  server.once('error', (error) => {
    spawned.error = error;
  });
  // A test run cut short leaves no server behind.
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);
  server.once('exit', () => process.off('exit', killOnExit));

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answersPing(port))) {
    if (spawned.error) {
      throw new Error(`redis-server could not start: ${spawned.error}`);
    }
    if (server.exitCode !== null || Date.now() > deadline) {
      await kill(server);
      const log = output.join('').trim();
      throw new Error(`redis-server did not answer on port ${port}: ${log}`);
    }
    await pause(25);
  }
  return server;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, HOST);
    const answer = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(500, () => answer(false));
    socket.once('error', () => answer(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => answer(String(data).startsWith('+PONG')));
  });
}

async function kill(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGKILL');
  await exited;
}
