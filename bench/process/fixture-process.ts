/**
 * The process child.test.ts starts: a few requests that answer, fail,
 * hang or exit on demand, so that each way a request settles can be
 * seen over a real channel. With FIXTURE_STOP=hang it never finishes
 * stopping, so that only the grace period's kill can end it.
 */
import { serveBench } from './serve';

export interface FixtureRequests {
  /** Answers `text` after `ms`, so that replies can overtake. */
  echo(request: {
    readonly text: string;
    readonly ms: number;
  }): Promise<string>;
  /** Fails with `message`. */
  fail(message: string): Promise<never>;
  /** Never answers. */
  hang(): Promise<never>;
  /** Exits with `code` without answering. */
  exit(code: number): never;
}

const after = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, ms));

serveBench<FixtureRequests>({
  name: 'fixture',
  script: 'test',
  handlers: {
    echo: async ({ text, ms }) => {
      await after(ms);
      return text;
    },
    fail: async (message) => {
      throw new Error(message);
    },
    hang: () => new Promise<never>(() => undefined),
    exit: (code) => process.exit(code),
  },
  stop: () => process.env.FIXTURE_STOP === 'hang'
    ? new Promise<never>(() => undefined)
    : Promise.resolve(),
});
