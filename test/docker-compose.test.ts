/**
 * docker-compose.yml and the Dockerfile are for deployment and are not
 * run here; these tests check that the compose file parses and wires
 * every part of the graph, and that the image gets the files the
 * gateway reads beside its compiled code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GATEWAY_OPTIONS } from '../gateway/config';
import { SUBGRAPH_NAMES } from '../scripts/subgraph-names';
import { SUBGRAPH_CONFIG } from '../subgraphs/config';

const ROOT = join(__dirname, '..');

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
  healthcheck?: unknown;
  build?: unknown;
  image?: string;
}

function loadCompose(): { services: Record<string, Service> } {
  const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
  return parse(text, { merge: true });
}

/** `dist/x/y.js` in the image comes from `x/y.ts` in the repository. */
function sourceOf(compiled: string): string {
  return join(ROOT, compiled.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

/** Each service and the variables its process reads (typos, dead ones). */
const OPTIONS_READ: readonly (readonly [string, readonly string[]])[] = [
  ['gateway', Object.keys(GATEWAY_OPTIONS)],
  ...SUBGRAPH_NAMES.map(
    (name) => [name, Object.keys(SUBGRAPH_CONFIG)] as const,
  ),
];

describe('docker-compose.yml', () => {
  const { services } = loadCompose();

  it('names MySQL, Redis, each subgraph and the gateway', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['gateway', 'mysql', 'redis', ...SUBGRAPH_NAMES].sort(),
    );
  });

  it.each(SUBGRAPH_NAMES)('runs subgraph %s from its entry point', (name) => {
    const service = services[name];
    expect(service.command).toEqual(['node', 'dist/subgraphs/main.js', name]);
    expect(existsSync(sourceOf('dist/subgraphs/main.js'))).toBe(true);
    expect(service.environment?.DB_DRIVER).toBe('mysql');
    expect(service.environment?.MYSQL_URL).toMatch(/@mysql:3306\//);
    expect(service.depends_on).toHaveProperty('mysql');
    expect(service.healthcheck).toBeDefined();
  });

  it('points the gateway at every subgraph service', () => {
    const gateway = services.gateway;
    expect(existsSync(sourceOf('dist/gateway/main.js'))).toBe(true);
    for (const name of SUBGRAPH_NAMES) {
      const variable = `${name.toUpperCase().replace('-', '_')}_URL`;
      expect(gateway.environment?.[variable]).toBe(
        `http://${name}:4001/graphql`,
      );
      expect(gateway.depends_on).toHaveProperty(name);
    }
  });

  it.each(['gateway', 'protection'])(
    'gives %s the Redis service for alert notices, once it is healthy',
    (name) => {
      const service = services[name];
      expect(service.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(service.depends_on?.redis).toEqual({
        condition: 'service_healthy',
      });
    },
  );

  it('leaves the other subgraphs off Redis: they publish nothing', () => {
    const others = SUBGRAPH_NAMES.filter((name) => name !== 'protection');
    for (const name of others) {
      expect(services[name].environment).not.toHaveProperty('REDIS_URL');
      expect(services[name].depends_on).not.toHaveProperty('redis');
    }
  });

  it.each(OPTIONS_READ)(
    'sets on %s only variables its process reads',
    (name, options) => {
      const variables = Object.keys(services[name].environment ?? {});
      expect(variables.length).toBeGreaterThan(0);
      const unread = variables.filter(
        (variable) => !options.includes(variable),
      );
      expect(unread).toEqual([]);
    },
  );

  it('holds no secret: each one is required from the environment', () => {
    const secrets = [
      'MYSQL_PASSWORD',
      'MYSQL_ROOT_PASSWORD',
      'GATEWAY_TRUST_PRIVATE_KEY',
      'GATEWAY_TRUST_PUBLIC_KEY',
    ];
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    for (const secret of secrets) {
      expect(text).toContain(`\${${secret}:?`);
    }
    expect(services.mysql.environment?.MYSQL_PASSWORD).toMatch(/^\$\{/);
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const copies = [...text.matchAll(/^COPY --from=build (\S+) (\S+)$/gm)]
    .map(([, from, to]) => [from, to]);

  it('copies dist whole, where the build puts the console beside the '
    + 'compiled gateway', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(text).toMatch(/^RUN npm run build\b/m);
    expect(pkg.scripts.build).toMatch(/&& tsx scripts\/build-console\.ts$/);
    expect(copies).toContainEqual(['/app/dist', './dist']);
  });

  it('leaves the bundler out of the image: the build has bundled', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(text).toMatch(/npm prune --omit=dev/);
    expect(pkg.dependencies.esbuild).toBeUndefined();
    expect(pkg.devDependencies.esbuild).toBeDefined();
  });
});
