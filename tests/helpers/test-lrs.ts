import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { makeTempDir } from './temp-dir.js';

/**
 * A real LRS for the tests: Learning Locker's statement service (`xapi-statements`, a
 * devDependency, GPL, never shipped) in a child process on 127.0.0.1 with memory storage. It
 * validates every statement it is sent, keeps ids (same statement again: 200; different one under
 * a known id: 409) and checks Basic credentials through the "client info" endpoint Learning
 * Locker's own installations use; here that endpoint is a small loopback server of the test's,
 * which knows one key and secret.
 *
 * The tests reach it through a loopback proxy they can cut (`goOffline`) and restore on the same
 * port (`comeBack`): the LRS keeps its memory, so what arrived before the cut is still there.
 */
export interface TestLrs {
  /** The xAPI base address to give Aula (ends in /xAPI/). */
  endpoint: string;
  key: string;
  secret: string;
  /** Every statement the LRS holds, oldest first (as stored: with `stored`, `authority`, `version`). */
  statements(): Promise<{ id: string; verb: { id: string }; object: { id: string } }[]>;
  /** How many POST/PUT requests to the statements resource reached the LRS. */
  requestsReceived(): number;
  goOffline(): Promise<void>;
  comeBack(): Promise<void>;
  stop(): Promise<void>;
}

const LRS_PROCESS = path.join(import.meta.dirname, 'test-lrs-process.mjs');

export async function startTestLrs(credentials = { key: 'aula-test-key', secret: 'aula-test-secret' }): Promise<TestLrs> {
  const expected = `Basic ${Buffer.from(`${credentials.key}:${credentials.secret}`).toString('base64')}`;
  const auth = http.createServer((request, response) => {
    if (request.headers.authorization !== expected) {
      response.writeHead(404).end('{}');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        _id: '5f0000000000000000000001',
        title: 'Aula tests',
        authority: { objectType: 'Agent', name: 'Aula tests', account: { homePage: 'http://127.0.0.1/', name: 'tests' } },
        isTrusted: true,
        lrs_id: '5f0000000000000000000002',
        organisation: '5f0000000000000000000003',
        scopes: ['all'],
      }),
    );
  });
  const authPort = await listenOn(auth, 0);

  const folder = makeTempDir('aula-test-lrs-');
  const child: ChildProcess = fork(LRS_PROCESS, [], {
    cwd: folder.dir,
    // Plain JavaScript: none of the parent's loaders (`--import tsx` would be looked up from cwd).
    execArgv: [],
    env: {
      PATH: process.env.PATH ?? '',
      EXPRESS_PORT: '0',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'memory',
      AUTH_REPO: 'fetch',
      EVENTS_REPO: 'test',
      LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${authPort}/`,
      EXPRESS_MORGAN_DIRECTORY: path.join(folder.dir, 'logs'),
      FS_LOCAL_STORAGE_DIR: folder.dir,
      WINSTON_CONSOLE_LEVEL: 'error',
      SERVICE_AWAIT_UPDATES: 'true',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lrsPort = await new Promise<number>((resolve, reject) => {
    child.on('message', (message) => {
      if (typeof message === 'object' && message !== null && 'port' in message) resolve(Number(message.port));
    });
    child.once('exit', (code) => reject(new Error(`The test LRS ended (${code}) before listening: ${stderr}`)));
  });

  // The cut-able way in: counts requests, and refuses connections while offline.
  let requests = 0;
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const upstream = net.connect(lrsPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.once('data', (first) => {
      if (/^(POST|PUT) \/xAPI\/statements/.test(first.toString('latin1'))) requests += 1;
    });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  const proxyPort = await listenOn(proxy, 0);
  const base = `http://127.0.0.1:${proxyPort}/xAPI/`;

  const statements = async () => {
    const all: { id: string; verb: { id: string }; object: { id: string } }[] = [];
    let next: string | null = `${base}statements?limit=500&ascending=true`;
    while (next) {
      const response: Response = await fetch(next, {
        headers: { Authorization: expected, 'X-Experience-API-Version': '1.0.3' },
      });
      if (!response.ok) throw new Error(`The test LRS answered ${response.status}: ${await response.text()}`);
      const page = (await response.json()) as { statements: typeof all; more?: string };
      all.push(...page.statements);
      next = page.more ? new URL(page.more, base).href : null;
    }
    return all;
  };

  return {
    endpoint: base,
    ...credentials,
    statements,
    requestsReceived: () => requests,
    goOffline: async () => {
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    comeBack: async () => {
      await listenOn(proxy, proxyPort);
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      if (proxy.listening) await new Promise((resolve) => proxy.close(resolve));
      await new Promise((resolve) => auth.close(resolve));
      if (child.exitCode === null) {
        const ended = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await ended;
      }
      folder.remove();
    },
  };
}

function listenOn(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}
