/**
 * Test helpers of the victim-support subgraph: a store that answers only
 * what a test gives it, and a request's context around it.
 */
import { loadTerritory } from '../../reference/load';
import type { VictimSupportAdapter } from '../../adapters/victim-support/types';
import type { Identity } from '../../runtime/identity';
import { AuditRecorder } from '../../runtime/audit';
import { createLogger } from '../../runtime/logger';
import {
  createVictimSupportContext,
  type VictimSupportContext,
} from './context';

/** Every method throws unless `parts` gives it: a test sees what ran. */
export function scriptedVictimSupportAdapter(
  parts: Partial<VictimSupportAdapter>,
): VictimSupportAdapter {
  const unused = (name: string) => async (): Promise<never> => {
    throw new Error(`The test did not expect a call to ${name}`);
  };
  return {
    referralsByMeasureId: unused('referralsByMeasureId'),
    referralsById: unused('referralsById'),
    referralsByArrondissement: unused('referralsByArrondissement'),
    noticesByMeasureId: unused('noticesByMeasureId'),
    contactsByReferralId: unused('contactsByReferralId'),
    refer: unused('refer'),
    notify: unused('notify'),
    transferReferral: unused('transferReferral'),
    recordContact: unused('recordContact'),
    recordPersonContacted: unused('recordPersonContacted'),
    recordOfferAnswer: unused('recordOfferAnswer'),
    ping: unused('ping'),
    close: unused('close'),
    ...parts,
  };
}

/** A request's context for `identity`, logging nowhere. */
export function victimSupportContextOf(
  adapter: VictimSupportAdapter,
  identity: Identity,
): VictimSupportContext {
  return createVictimSupportContext(adapter, loadTerritory(), {
    identity,
    requestId: 'request-1',
    logger: createLogger({ name: 'test', level: 'silent' }),
    audit: new AuditRecorder(),
  });
}
