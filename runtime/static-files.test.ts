/**
 * The static files of the console and the explorer, over a real HTTP
 * server: types, caching headers, 404 for anything not served, and no
 * path out of the directory, however it is spelt. Requests go through
 * node:http as written: fetch() would tidy `..` away before sending.
 */
import {
  mkdir,
  mkdtemp,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RouteHandler } from './http';
import {
  safeSegments,
  singleFileRoute,
  staticFilesRoute,
} from './static-files';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const SECRET = 'the key outside the served folder';

let folder: string;
let root: string;
let server: Server;
let port: number;
let handler: RouteHandler;

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest({
      host: '127.0.0.1', port, path, method: options.method ?? 'GET',
      headers: options.headers,
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sat-static-'));
  root = join(folder, 'public');
  await mkdir(join(root, 'styles'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(root, 'app.js'), 'void 0;');
  await writeFile(join(root, 'styles', 'site.css'), 'body{}');
  await writeFile(join(root, '.env'), SECRET);
  await writeFile(join(root, 'notes.key'), SECRET);
  await writeFile(join(folder, 'outside.txt'), SECRET);
  await symlink(join(folder, 'outside.txt'), join(root, 'link.txt'));
  server = createServer((request, response) => {
    void handler({ request, response, requestId: 'test' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

describe('staticFilesRoute from a directory', () => {
  beforeEach(() => {
    handler = staticFilesRoute({
      prefix: '/static/',
      source: { kind: 'directory', root },
      headers: { 'content-security-policy': "default-src 'self'" },
    });
  });

  it.each([
    ['/static/index.html', 'text/html; charset=utf-8'],
    ['/static/app.js', 'text/javascript; charset=utf-8'],
    ['/static/styles/site.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s, with caching headers', async (path, type) => {
    const answer = await send(path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(type);
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    expect(answer.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy'])
      .toBe("default-src 'self'");
    expect(Number(answer.headers['content-length']))
      .toBe(Buffer.byteLength(answer.body));
  });

  it('answers 304 to a browser whose copy is current', async () => {
    const first = await send('/static/app.js');
    const again = await send('/static/app.js', {
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves a file changed on disk anew, with a new ETag', async () => {
    const before = await send('/static/styles/site.css');
    const file = join(root, 'styles', 'site.css');
    await writeFile(file, 'body{color:#111}');
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    const after = await send('/static/styles/site.css');
    expect(after.body).toBe('body{color:#111}');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('answers HEAD with the headers and no body', async () => {
    const answer = await send('/static/app.js', { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-length']).toBe('7');
    expect(answer.body).toBe('');
  });

  it('refuses other methods with 405 and says which are allowed', async () => {
    const answer = await send('/static/app.js', { method: 'POST' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    '/static/../outside.txt',
    '/static/styles/../../outside.txt',
    '/static/%2e%2e/outside.txt',
    '/static/%2E%2E/outside.txt',
    '/static/..%2foutside.txt',
    '/static/styles%2f..%2f..%2foutside.txt',
    '/static/..%5coutside.txt',
    '/static/..\\outside.txt',
    '/static//etc/passwd',
    '/static/%2fetc%2fpasswd',
    '/static/link.txt',
  ])('refuses %s: nothing outside the directory is read', async (path) => {
    const answer = await send(path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain(SECRET);
  });

  it.each([
    ['a hidden file', '/static/.env'],
    ['a file of a type not served', '/static/notes.key'],
    ['a directory', '/static/styles'],
    ['a missing file', '/static/missing.js'],
    ['the prefix alone', '/static/'],
    ['a bad escape', '/static/%E0%A4%A.js'],
    ['a NUL', '/static/app.js%00.html'],
  ])('answers 404 for %s', async (_what, path) => {
    const answer = await send(path);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type'])
      .toBe('application/json; charset=utf-8');
    expect(answer.body).not.toContain(SECRET);
  });
});

describe('staticFilesRoute from a list of files', () => {
  beforeEach(() => {
    handler = staticFilesRoute({
      prefix: '/vendor/',
      source: { kind: 'files', files: { 'app.js': join(root, 'app.js') } },
      maxAgeSeconds: 3600,
    });
  });

  it('serves a listed name from the file it names', async () => {
    const answer = await send('/vendor/app.js');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('void 0;');
    expect(answer.headers['cache-control']).toBe('public, max-age=3600');
  });

  it.each(['/vendor/index.html', '/vendor/../public/app.js',
    '/vendor/constructor', '/vendor/__proto__'])(
    'answers 404 for %s, which is not listed', async (path) => {
      expect((await send(path)).status).toBe(404);
    });
});

describe('singleFileRoute', () => {
  it('serves its page, checked again at each load', async () => {
    handler = singleFileRoute(join(root, 'index.html'), {
      maxAgeSeconds: 0,
      headers: { 'content-security-policy': "script-src 'self'" },
    });
    const answer = await send('/page');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['content-security-policy'])
      .toBe("script-src 'self'");
  });

  it('answers 404 once its file is gone', async () => {
    handler = singleFileRoute(join(root, 'gone.html'));
    expect((await send('/page')).status).toBe(404);
  });
});

describe('safeSegments', () => {
  it('decodes each segment of a plain path', () => {
    expect(safeSegments('styles/my%20site.css'))
      .toEqual(['styles', 'my site.css']);
  });

  it.each(['', 'a//b', './a', 'a/..', '%2e%2e', 'a%2Fb', 'a%5Cb', 'a\\b',
    '.git/config', '%zz'])('refuses %j', (rest) => {
    expect(safeSegments(rest)).toBeNull();
  });
});
