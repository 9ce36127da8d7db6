/**
 * The list item protocol of Microsoft Graph, over `GraphClient`:
 *
 *   GET    /sites/{site}/lists/{list}/items?expand=fields(select=...)
 *            &$filter=...&$top=N          then each `@odata.nextLink`
 *   GET    /sites/{site}/lists/{list}/items/{id}?expand=fields(select=...)
 *   POST   /sites/{site}/lists/{list}/items            { fields: {...} }
 *   PATCH  /sites/{site}/lists/{list}/items/{id}/fields  If-Match: etag
 *   DELETE /sites/{site}/lists/{list}/items/{id}
 *
 * Queries that can go together go in one `$batch` (batch.ts). Items
 * come back as they are (`ListItem`); columns.ts reads them.
 */
import { sendAll } from './batch';
import { isObject, type GraphClient } from './client';
import { SharePointError } from './errors';
import { matches, splitKeys, toODataFilter, type Where } from './filter';
import type { DevicesLists, GraphSettings } from './options';

export type ListName = keyof DevicesLists;
export type Fields = Readonly<Record<string, unknown>>;

/** One query of `queryMany`. */
export interface ListQuery {
  readonly list: ListName;
  readonly where: Where;
  readonly columns: readonly string[];
}

/** Private: a page still to read, and the query it answers. */
interface PageToRead {
  readonly query: number;
  readonly list: ListName;
  readonly filtered: boolean;
  readonly url: string;
}

export interface ListItem {
  readonly id: string;
  /** The version read; a conditional write sends it back. */
  readonly etag: string;
  readonly fields: Fields;
}

/** What a conditional write did. */
export type Written =
  | { readonly written: true; readonly etag: string }
  /**
   * 412: the item changed since `etag` was read, or 404: it is gone.
   * Nothing was written; the caller reads the item again.
   */
  | { readonly written: false };

/** Conditional writes of one item before giving up (each after a 412). */
export const WRITE_ATTEMPTS = 5;

/**
 * Graph refuses a filter on a column that is not indexed unless told to
 * run it anyway; on lists under the 5,000-item view threshold it does.
 */
const PREFER_NON_INDEXED = {
  prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
};

export class SharePointLists {
  constructor(
    private readonly client: GraphClient,
    private readonly settings: GraphSettings,
  ) {}

  /** Every item that meets `where` (see `queryMany`). */
  async query(
    operation: string,
    list: ListName,
    where: Where,
    columns: readonly string[],
  ): Promise<ListItem[]> {
    const [items] = await this.queryMany(operation,
      [{ list, where, columns }]);
    return items!;
  }

  /**
   * Every item each query wants, in rounds: the first pages of all the
   * queries, then the next pages of those that have more, and so on. A
   * condition over more keys than fit one URL is split (filter.ts). A
   * round is one HTTP request: a plain GET for a single page, a $batch
   * otherwise (batch.ts), so its cost does not grow with the keys.
   */
  async queryMany(
    operation: string,
    queries: readonly ListQuery[],
  ): Promise<ListItem[][]> {
    const found: ListItem[][] = queries.map(() => []);
    let pending: PageToRead[] = queries.flatMap((query, asked) =>
      splitKeys(query.where).map((where) =>
        this.firstPage(asked, query.list, where, query.columns)));

    while (pending.length > 0) {
      const answers = await sendAll(this.client, this.settings, operation,
        pending.map((page) => ({ method: 'GET', url: page.url,
          headers: page.filtered ? PREFER_NON_INDEXED : {} })));
      const next: PageToRead[] = [];
      answers.forEach((answer, index) => {
        const asked = pending[index]!;
        const page = readPage(operation, asked.list, answer.body);
        found[asked.query]!.push(...page.items);
        if (page.next !== null) {
          next.push({ ...asked,
            url: this.nextPageUrl(operation, asked.list, page.next) });
        }
      });
      pending = next;
    }
    return found.map((items, index) =>
      items.filter((item) => matches(queries[index]!.where, item.fields)));
  }

  /** One item by id; null when it is gone. */
  async read(
    operation: string,
    list: ListName,
    id: string,
    columns: readonly string[],
  ): Promise<ListItem | null> {
    const url = `${this.itemsUrl(list)}/${encodeURIComponent(id)}`
      + `?expand=${encodeURIComponent(expandOf(columns))}`;
    const answer = await this.client.send(operation,
      { method: 'GET', url, accept: [404] });
    return answer.status === 404
      ? null : readItem(operation, list, answer.body);
  }

  async create(
    operation: string,
    list: ListName,
    fields: Fields,
  ): Promise<ListItem> {
    const answer = await this.client.send(operation,
      { method: 'POST', url: this.itemsUrl(list), body: { fields } });
    return readItem(operation, list, answer.body);
  }

  /** Writes the fields only if the item is still at `item.etag`. */
  async update(
    operation: string,
    list: ListName,
    item: Pick<ListItem, 'id' | 'etag'>,
    fields: Fields,
  ): Promise<Written> {
    const answer = await this.client.send(operation, {
      method: 'PATCH',
      url: `${this.itemsUrl(list)}/${encodeURIComponent(item.id)}/fields`,
      headers: { 'if-match': item.etag },
      body: fields,
      accept: [412, 404],
    });
    if (answer.status === 412 || answer.status === 404) {
      return { written: false };
    }

    const etag = isObject(answer.body) ? answer.body['@odata.etag'] : null;
    if (typeof etag !== 'string') {
      throw malformed(operation, list,
        'an update answered without @odata.etag');
    }
    return { written: true, etag };
  }

  /** Deletes the item; one already gone is fine. */
  async remove(operation: string, list: ListName, id: string): Promise<void> {
    await this.client.send(operation, {
      method: 'DELETE',
      url: `${this.itemsUrl(list)}/${encodeURIComponent(id)}`,
      accept: [404],
    });
  }

  /**
   * Creates the item unless another meeting `where` exists already. Two
   * callers may both create one at the same moment: each then reads the
   * others back, the item with the lowest id stays, and whoever created
   * another deletes it. Ids only grow, so the one that stays was there
   * before the others, and every caller answers it.
   */
  async createOnce(
    operation: string,
    list: ListName,
    where: Where,
    fields: Fields,
    columns: readonly string[],
  ): Promise<{ item: ListItem; created: boolean }> {
    const mine = await this.create(operation, list, fields);
    const twins = await this.query(operation, list, where, columns);
    const first = [mine, ...twins].sort(byItemId)[0]!;
    if (first.id === mine.id) return { item: mine, created: true };

    await this.remove(operation, list, mine.id);
    return { item: first, created: false };
  }

  /** Reads the site, the cheapest proof that Graph and the token work. */
  async site(operation: string): Promise<void> {
    await this.client.send(operation,
      { method: 'GET', url: `${this.siteUrl()}?$select=id` });
  }

  private firstPage(
    query: number,
    list: ListName,
    where: Where,
    columns: readonly string[],
  ): PageToRead {
    const filter = toODataFilter(where);
    const params = [`expand=${encodeURIComponent(expandOf(columns))}`];
    if (filter !== null) params.push(`$filter=${encodeURIComponent(filter)}`);
    params.push(`$top=${this.settings.pageSize}`);
    return { query, list, filtered: filter !== null,
      url: `${this.itemsUrl(list)}?${params.join('&')}` };
  }

  /** The token goes only where `baseUrl` points. */
  private nextPageUrl(operation: string, list: ListName, next: string) {
    if (!next.startsWith(`${this.settings.baseUrl}/`)) {
      throw malformed(operation, list, 'an @odata.nextLink outside baseUrl');
    }
    return next;
  }

  private siteUrl(): string {
    // The site id goes in as it is (`host,guid,guid` or a path form);
    // options.ts refused any character that would end the path.
    return `${this.settings.baseUrl}/sites/${encodeURI(this.settings.siteId)}`;
  }

  private itemsUrl(list: ListName): string {
    const listId = encodeURIComponent(this.settings.lists[list]);
    return `${this.siteUrl()}/lists/${listId}/items`;
  }
}

/** Only the columns the adapter reads: less data, none it has no use for. */
function expandOf(columns: readonly string[]): string {
  return `fields(select=${columns.join(',')})`;
}

function readPage(
  operation: string,
  list: ListName,
  body: unknown,
): { items: ListItem[]; next: string | null } {
  const value = isObject(body) ? body.value : null;
  if (!Array.isArray(value)) {
    throw malformed(operation, list, 'a page without a value array');
  }
  const next = isObject(body) ? body['@odata.nextLink'] : undefined;
  if (next !== undefined && typeof next !== 'string') {
    throw malformed(operation, list, 'an @odata.nextLink that is not a URL');
  }
  return {
    items: value.map((item) => readItem(operation, list, item)),
    next: next ?? null,
  };
}

function readItem(operation: string, list: ListName, body: unknown): ListItem {
  const { id, fields } = isObject(body) ? body : {};
  const etag = isObject(body) ? body['@odata.etag'] : null;
  if (typeof id !== 'string' || typeof etag !== 'string'
    || !isObject(fields)) {
    throw malformed(operation, list,
      'an item without id, @odata.etag or fields');
  }
  return { id, etag, fields };
}

/** SharePoint item ids are whole numbers, handed out in order. */
export function byItemId(a: { id: string }, b: { id: string }): number {
  const byNumber = Number(a.id) - Number(b.id);
  if (byNumber !== 0 && !Number.isNaN(byNumber)) return byNumber;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function malformed(
  operation: string,
  list: ListName,
  what: string,
): SharePointError {
  return new SharePointError(operation,
    { kind: 'malformed', detail: `${what} (list ${list})` });
}
