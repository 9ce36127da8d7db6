/**
 * The bench's end of one process's IPC channel: requests out, replies
 * in, matched by id, so that several requests may be in flight at once
 * and answered in any order.
 *
 * Every request settles: with its value, with the process's failure,
 * when the process exits, or when it does not answer in time.
 */
import type { ChildProcess } from 'node:child_process';
import { isReplyMessage, type ReplyMessage } from './protocol';

interface Pending {
  /** The request's type, for the message of its failure. */
  readonly type: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

export class Channel {
  readonly #child: ChildProcess;
  /** As messages name the process: "stack" in "The stack process". */
  readonly #name: string;
  readonly #timeoutMs: number;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Why no request can be answered any more; null while it can. */
  #gone: Error | null = null;

  constructor(child: ChildProcess, name: string, timeoutMs: number) {
    this.#child = child;
    this.#name = name;
    this.#timeoutMs = timeoutMs;
    child.on('message', (message) => {
      if (isReplyMessage(message)) this.#settle(message);
    });
    child.on('error', (error) => this.#fail(error));
    child.on('exit', (code, signal) => {
      const how = signal === null ? `code ${code}` : `signal ${signal}`;
      this.#fail(new Error(`The ${name} process exited (${how})`));
    });
  }

  /** Sends a request; settles as the class comment says. */
  ask(
    type: string,
    payload: unknown,
    timeoutMs = this.#timeoutMs,
  ): Promise<unknown> {
    if (this.#gone !== null) return Promise.reject(this.#gone);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`The ${this.#name} process did not answer ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, {
        type,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.#child.send({ id, type, payload }, (error) => {
        if (error) this.#take(id)?.reject(error);
      });
    });
  }

  #settle(message: ReplyMessage): void {
    const pending = this.#take(message.id);
    if (pending === undefined) return;
    if (message.ok) {
      pending.resolve(message.value);
      return;
    }
    const why = message.message;
    pending.reject(new Error(`The ${this.#name} process failed at ${pending.type}: ${why}`));
  }

  /** Private: the pending request `id`, no longer pending. */
  #take(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    return pending;
  }

  #fail(error: Error): void {
    this.#gone ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
