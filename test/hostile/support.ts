/**
 * What the hostile-input tests share: a fingerprint of the protection
 * store, to prove a refused request changed nothing; a raw WebSocket
 * that sends whatever a test likes; and the good request that proves
 * the gateway still serves after the bad ones.
 */
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { protectionSchema } from '../../adapters/protection/sql/schema';
import { openDataSource } from '../../storage/data-source';
import { DEMO } from '../../storage/demo-data';
import type { StorageOptions } from '../../storage/options';
import { postGraphQL } from '../support/graph';
import { socketUrlOf } from '../support/subscriber';
import { waitFor } from '../support/wait';

/** A read of demo measure 001, and its variables. */
export const GOOD_QUERY = /* GraphQL */ `
  query Good($id: ID!) { protectionMeasure(id: $id) { id status } }
`;
export const GOOD_VARIABLES = { id: DEMO.measureIds.activeWithEverything };

/**
 * Rupel, the police zone that manages measure 001: of the police, it
 * alone may make the good read (docs/ACCESS.md, `police:managing-zone`).
 */
export const GOOD_READER_ZONE = '5347';

/**
 * Asserts the gateway answers a good request normally; `token` is of a
 * caller who may read measure 001, such as a police officer of
 * GOOD_READER_ZONE.
 */
export async function expectStillServing(
  gatewayUrl: string,
  token: string,
): Promise<void> {
  const { status, body } = await postGraphQL(gatewayUrl, GOOD_QUERY, {
    token,
    variables: GOOD_VARIABLES,
  });
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    protectionMeasure: { id: GOOD_VARIABLES.id, status: expect.any(String) },
  });
}

/** The protection store's tables, each as a row count and a hash. */
export type StoreSnapshot = Record<string, { rows: number; hash: string }>;

/** A second connection to the protection store, for snapshots. */
export class StoreWatcher {
  private constructor(private readonly source: DataSource) {}

  static async open(storage: StorageOptions): Promise<StoreWatcher> {
    const source = await openDataSource(
      'protection', storage, protectionSchema);
    return new StoreWatcher(source);
  }

  /** Every row of every table, counted and hashed in a stable order. */
  async snapshot(): Promise<StoreSnapshot> {
    const snapshot: StoreSnapshot = {};
    for (const { tableName } of this.source.entityMetadatas) {
      const table = this.source.driver.escape(tableName);
      const rows: unknown[] = await this.source.query(`SELECT * FROM ${table}`);
      const lines = rows.map((row) => JSON.stringify(row)).sort();
      const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
      snapshot[tableName] = { rows: rows.length, hash };
    }
    return snapshot;
  }

  close(): Promise<void> {
    return this.source.destroy();
  }
}

/** A WebSocket that sends what the test writes and records the rest. */
export interface RawSocket {
  readonly messages: Array<Record<string, unknown>>;
  readonly closed: { code: number; reason: string } | null;
  send(message: unknown): void;
  sendText(text: string | Buffer): void;
  waitForClose(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  waitForMessage(type: string): Promise<Record<string, unknown>>;
  close(): void;
}

/** Opens a graphql-transport-ws socket, not yet initialised. */
export async function openRawSocket(gatewayUrl: string): Promise<RawSocket> {
  const socket = new WebSocket(socketUrlOf(gatewayUrl),
    'graphql-transport-ws');
  const messages: Array<Record<string, unknown>> = [];
  let closed: { code: number; reason: string } | null = null;
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as Record<string, unknown>);
  });
  socket.on('close', (code, reason) => {
    closed = { code, reason: String(reason) };
  });
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    messages,
    get closed() {
      return closed;
    },
    send: (message) => socket.send(JSON.stringify(message)),
    sendText: (text) => socket.send(text),
    async waitForClose(timeoutMs) {
      await waitFor('the socket to close', () => closed !== null, timeoutMs);
      return closed!;
    },
    async waitForMessage(type) {
      await waitFor(`a ${type} message`,
        () => messages.some((message) => message.type === type));
      return messages.find((message) => message.type === type)!;
    },
    close: () => socket.close(),
  };
}

/** Opens a raw socket and lets it in with `token`. */
export async function initialisedSocket(
  gatewayUrl: string,
  token: string,
): Promise<RawSocket> {
  const socket = await openRawSocket(gatewayUrl);
  socket.send({
    type: 'connection_init',
    payload: { authorization: `Bearer ${token}` },
  });
  await socket.waitForMessage('connection_ack');
  return socket;
}
