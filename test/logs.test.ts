/**
 * Log events, not people: across the whole graph, a request leaves JSON
 * lines tied to it by its request id, and none of them holds a national
 * number, a name or the caller's token, wherever the client put them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTINE_OPERATIONS } from '../runtime/http';
import { DEMO, generateDemoData } from '../storage/demo-data';
import { postGraphQL, startDemoGraph } from './support/graph';
import { recordLogs } from './support/servers';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const victim = DEMO.nationalNumbers.victimOfTwoMeasures;
const invalid = '85073003329';

const FIELDS = `{
  firstName lastName
  protections {
    suspect { nationalNumber lastName bng { wanted } antecedents { number } }
  }
}`;
const BY_VARIABLE =
  `query Person($n: ID!) { person(nationalNumber: $n) ${FIELDS} }`;
const inline = (number: string) =>
  `query Person { person(nationalNumber: "${number}") ${FIELDS} }`;

/** The victim's and every suspect's number and names. */
function peopleInvolved(): string[] {
  const { persons, measures } = generateDemoData().protection;
  const suspects = measures.map((measure) => measure.suspectNationalNumber);
  const involved = persons.filter(
    (person) =>
      person.nationalNumber === victim ||
      suspects.includes(person.nationalNumber),
  );
  return involved.flatMap((person) => [
    person.nationalNumber,
    person.firstName,
    person.lastName,
  ]);
}

/** 85.07.30-033.28, as people type it. */
function formatted(number: string): string {
  const [yy, mm, dd, serial, check] = [0, 2, 4, 6, 9].map((from, i, all) =>
    number.slice(from, all[i + 1]),
  );
  return `${yy}.${mm}.${dd}-${serial}.${check}`;
}

function parse(line: string): Record<string, unknown> {
  return JSON.parse(line) as Record<string, unknown>;
}

describe('logs: no personal data, end to end', () => {
  const logs = recordLogs('graph');
  const forbidden = ['DEMO-', invalid, formatted(victim), ...peopleInvolved()];
  let stack: Stack;
  let directory: string;
  let token: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-logs-'));
    stack = await startDemoGraph(
      { driver: 'sqlite', directory },
      { logger: logs.logger },
    );
    // Namur Capitale manages both of the victim's measures (005, 006).
    token = await stack.token({ role: 'police', zone: '5303' });
  }, 60_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await rm(directory, { recursive: true, force: true });
  });

  /**
   * The lines one request leaves. The gateway logs a request when its
   * response closes, which may be just after the client has read it.
   */
  async function linesOf(requestId: string, send: () => Promise<unknown>) {
    const start = logs.text().length;
    await send();
    const isGatewayLine = (line: string) => {
      const parsed = parse(line);
      return parsed.requestId === requestId && !('subgraph' in parsed);
    };
    for (let tries = 0; tries < 100; tries += 1) {
      if (logs.text().slice(start).some(isGatewayLine)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return logs.text().slice(start);
  }

  function expectClean(lines: string[], requestId: string) {
    const parsed = lines.map(parse);
    expect(parsed.length).toBeGreaterThan(0);
    // The gateway's own reads of the alert log, at any moment, leave
    // lines with request ids of their own; they are checked for words
    // below like every other line.
    const ours = parsed.filter(({ operationName }) =>
      !ROUTINE_OPERATIONS.has(String(operationName)));
    for (const line of ours) expect(line).toMatchObject({ requestId });
    // The whole token, and its claims and signature on their own.
    const [, claims, signature] = token.split('.');
    for (const line of lines) {
      for (const word of [...forbidden, token, claims, signature]) {
        expect(line).not.toContain(word);
      }
    }
  }

  async function ask(
    requestId: string,
    query: string,
    variables?: Record<string, unknown>,
  ) {
    const headers = { 'x-request-id': requestId };
    let answer: Awaited<ReturnType<typeof postGraphQL>> | undefined;
    const lines = await linesOf(requestId, async () => {
      answer = await postGraphQL(stack.gatewayUrl, query, {
        token,
        variables,
        headers,
      });
    });
    if (!answer) throw new Error('no answer');
    return { answer, lines };
  }

  it('logs a number given in variables nowhere', async () => {
    const { answer, lines } = await ask('logs-variables', BY_VARIABLE, {
      n: formatted(victim),
    });
    expect(answer.body.errors).toBeUndefined();
    expect(JSON.stringify(answer.body.data)).toContain('DEMO-');
    expectClean(lines, 'logs-variables');
    // The request crossed the gateway and three subgraphs, and its
    // entry went to the audit trail (issue 6).
    const subgraphs = lines.map((line) => parse(line).subgraph);
    expect(new Set(subgraphs)).toEqual(
      new Set([undefined, 'protection', 'mach', 'bng', 'audit']),
    );
  });

  it('logs a number written in the query text nowhere', async () => {
    const { answer, lines } = await ask('logs-inline', inline(victim));
    expect(answer.body.errors).toBeUndefined();
    expect(JSON.stringify(answer.body.data)).toContain('DEMO-');
    expectClean(lines, 'logs-inline');
  });

  it.each([
    ['in variables', BY_VARIABLE, { n: invalid }],
    ['in the query text', inline(invalid), undefined],
  ])('logs a refused number %s nowhere', async (_, query, variables) => {
    const requestId = `logs-refused-${variables ? 'variables' : 'inline'}`;
    const { answer, lines } = await ask(requestId, query, variables);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expectClean(lines, requestId);
  });

  it('logs a refused token nowhere', async () => {
    const lines = await linesOf('logs-token', () =>
      postGraphQL(stack.gatewayUrl, BY_VARIABLE, {
        token: `${token}x`,
        variables: { n: victim },
        headers: { 'x-request-id': 'logs-token' },
      }),
    );
    expect(lines.map((line) => parse(line).msg)).toContain(
      'caller refused',
    );
    expectClean(lines, 'logs-token');
  });
});
