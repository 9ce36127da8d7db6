/**
 * Waits on a condition rather than a clock: a test that waits for
 * "the listener got the notice" is as fast as the code and no flakier
 * on a slow machine.
 */
import { setTimeout as pause } from 'node:timers/promises';

const POLL_MS = 10;

/** Resolves once `condition()` holds; fails naming `what` after timeoutMs. */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`Waited ${timeoutMs} ms for ${what}`);
    }
    await pause(POLL_MS);
  }
}
