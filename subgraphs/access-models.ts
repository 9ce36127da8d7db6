/**
 * The access model of each subgraph whose `@access` rules name
 * relations (runtime/access/model.ts); the others name roles alone.
 * Read by the subgraphs' definitions and by the generated table of
 * docs/ACCESS.md.
 */
import type { AccessModel } from '../runtime/access/model';
import { protectionAccess } from './protection/access';
import { victimSupportAccess } from './victim-support/access';

export const ACCESS_MODELS: Readonly<
  Record<string, AccessModel<never, unknown>>
> = {
  protection: protectionAccess,
  'victim-support': victimSupportAccess,
};
