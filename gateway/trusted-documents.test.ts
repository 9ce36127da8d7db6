import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGatewayConfig } from './config';
import {
  sha256Hex,
  trustedDocumentsOf,
  trustedTextOf,
} from './trusted-documents';

const BODY = 'query Status($id: ID!) { protectionMeasure(id: $id) { status } }';

function manifestOf(operations: unknown[]): string {
  return JSON.stringify({
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations,
  });
}

const GOOD = manifestOf([
  { id: sha256Hex(BODY), name: 'Status', type: 'query', body: BODY },
]);

describe('trusted documents: the manifest', () => {
  it('lists each body by the SHA-256 of its text', () => {
    const documents = trustedDocumentsOf(GOOD);

    expect(documents.size).toBe(1);
    expect(documents.bodyOf(sha256Hex(BODY))).toBe(BODY);
    expect(documents.bodyOf(sha256Hex('{ other }'))).toBeUndefined();
  });

  it.each([
    ['not JSON', '{', 'the file is not JSON'],
    ['another format', JSON.stringify({ format: 'x', version: 1 }),
      'format must be "apollo-persisted-query-manifest", version 1'],
    ['no list of operations',
      JSON.stringify({ format: 'apollo-persisted-query-manifest',
        version: 1 }),
      'operations must be a list'],
    ['an id that is not the body\'s hash', manifestOf([
      { id: sha256Hex('{ a }'), name: 'A', type: 'query', body: BODY },
    ]), 'operation 0: id is not the SHA-256 of its body'],
    ['an id that is no hash', manifestOf([
      { id: 'abc', name: 'A', type: 'query', body: BODY },
    ]), 'operation 0: id must be a SHA-256 in lowercase hex'],
    ['an unknown type', manifestOf([
      { id: sha256Hex(BODY), name: 'A', type: 'fetch', body: BODY },
    ]), 'operation 0: type must be query, mutation or subscription'],
    ['a body that is no GraphQL', manifestOf([
      { id: sha256Hex('query {'), name: 'A', type: 'query',
        body: 'query {' },
    ]), 'operation 0: body is not a GraphQL document'],
  ])('refuses a manifest with %s, saying why', (_, text, reason) => {
    expect(() => trustedDocumentsOf(text)).toThrow(reason);
  });
});

describe('trusted documents: TRUSTED_DOCUMENTS', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-trusted-'));
  });

  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('reads the manifest at start-up', async () => {
    const path = join(directory, 'good.json');
    await writeFile(path, GOOD);

    const config = readGatewayConfig({ TRUSTED_DOCUMENTS: path });

    expect(config.TRUSTED_DOCUMENTS?.bodyOf(sha256Hex(BODY))).toBe(BODY);
  });

  it('stops start-up on a bad file, naming the variable and the reason',
    async () => {
      const path = join(directory, 'bad.json');
      await writeFile(path, manifestOf([{ id: 'x' }]));

      expect(() => readGatewayConfig({ TRUSTED_DOCUMENTS: path })).toThrow(
        'TRUSTED_DOCUMENTS must be a path to an Apollo persisted query manifest (operation 0: id must be a SHA-256 in lowercase hex)');
    });

  it('stops start-up on a file that is not there', () => {
    const path = join(directory, 'missing.json');

    expect(() => readGatewayConfig({ TRUSTED_DOCUMENTS: path }))
      .toThrow('TRUSTED_DOCUMENTS must be a path to an Apollo persisted query manifest (it cannot be read)');
  });

  it('leaves every document allowed when unset', () => {
    expect(readGatewayConfig({}).TRUSTED_DOCUMENTS).toBeUndefined();
  });
});

describe('trusted documents: a request', () => {
  const documents = trustedDocumentsOf(GOOD);
  const hash = sha256Hex(BODY);

  function persisted(sha256Hash: string) {
    return { persistedQuery: { version: 1, sha256Hash } };
  }

  it('runs a listed full text', () => {
    expect(trustedTextOf(documents, { query: BODY }))
      .toEqual({ kind: 'trusted', query: BODY });
  });

  it('runs the listed body of a hash sent alone', () => {
    expect(trustedTextOf(documents, { extensions: persisted(hash) }))
      .toEqual({ kind: 'trusted', query: BODY });
    expect(trustedTextOf(documents,
      { query: '', extensions: persisted(hash) }))
      .toEqual({ kind: 'trusted', query: BODY });
  });

  it.each([
    ['a text not listed', { query: `${BODY} ` }],
    ['a hash not listed', { extensions: persisted(sha256Hex('{ a }')) }],
    ['a listed text with another hash', {
      query: BODY,
      extensions: persisted(sha256Hex('{ a }')),
    }],
    ['no document at all', {}],
    ['a text that is no string', { query: { BODY } }],
  ])('refuses %s with PERSISTED_QUERY_NOT_TRUSTED', (_, request) => {
    const text = trustedTextOf(documents, request);

    expect(text.kind).toBe('refused');
    expect(text.kind === 'refused' && text.error.extensions)
      .toMatchObject({ code: 'PERSISTED_QUERY_NOT_TRUSTED' });
  });
});
