/**
 * How the victim-support subgraph judges the relations of its `@access`
 * rules (schema/victim-support.graphql): a referral, and all it holds,
 * belongs to the arrondissement whose parquet referred the person
 * (§7.8.3).
 */
import type { ReferralRecord } from '../../adapters/victim-support/types';
import type { AccessModel } from '../../runtime/access/model';
import type { VictimSupportContext } from './context';

/** What a referral's relations read: its arrondissement. */
export interface ReferralSubject {
  readonly arrondissementCode: string;
}

export const victimSupportAccess: AccessModel<
  VictimSupportContext,
  ReferralSubject
> = {
  relations: {
    'victim-support:arrondissement': {
      description:
        "the victim support service of the referral's arrondissement (§7.8.3)",
      admits: (identity, subject) =>
        identity.arrondissement === subject.arrondissementCode,
    },
    'magistrate:parquet': {
      description:
        "the magistrates of the parquet that referred the person (§7.8.3)",
      admits: (identity, subject) =>
        identity.arrondissement === subject.arrondissementCode,
    },
  },
  subjectOf: ({ typeName, value }) =>
    typeName === 'Referral'
      ? { arrondissementCode: (value as ReferralRecord).arrondissementCode }
      : undefined,
};
