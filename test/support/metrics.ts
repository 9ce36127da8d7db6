/**
 * Reads a server's Prometheus endpoint for tests: the scrape as text,
 * and the value of one series in it, summed over the series whose labels
 * include the ones asked for.
 */

/** A server's /metrics URL, from its GraphQL URL. */
export function metricsUrlOf(graphqlUrl: string): string {
  return new URL('/metrics', graphqlUrl).toString();
}

/** GETs /metrics; `token` as a bearer token when given. */
export async function scrape(
  graphqlUrl: string,
  token?: string,
): Promise<{ status: number; type: string | null; text: string }> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(metricsUrlOf(graphqlUrl), { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** Private: one sample line's name, labels and value. */
interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

function samplesOf(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (match === null) throw new Error(`Not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    const pairs = (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g);
    for (const pair of pairs) {
      labels[pair[1]] = pair[2].replace(/\\(.)/g, '$1');
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/**
 * The sum of the samples named `name` whose labels hold every pair of
 * `labels`; 0 when there is none.
 */
export function valueOf(
  text: string,
  name: string,
  labels: Readonly<Record<string, string | RegExp>> = {},
): number {
  return samplesOf(text)
    .filter((sample) => sample.name === name)
    .filter((sample) => Object.entries(labels).every(([key, wanted]) => {
      const got = sample.labels[key];
      if (got === undefined) return false;
      return typeof wanted === 'string' ? got === wanted : wanted.test(got);
    }))
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** Whether any sample is named `name`. */
export function hasSeries(text: string, name: string): boolean {
  return samplesOf(text).some((sample) => sample.name === name);
}
