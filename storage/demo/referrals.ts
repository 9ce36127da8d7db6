/**
 * The demo victim support referrals: §7.8.3 has the parquet refer every
 * granted measure to the SAV, with the initial report (PV). The status
 * follows from the offers: none made yet (RECEIVED), awaiting an answer
 * (CONTACTED), accepted (SUPPORT_ONGOING, CLOSED once over) or declined
 * (CLOSED). §7.12.2: near the end the SAV may renew its offer.
 */
import type {
  ReferralRecord,
  ReferralStatus,
  ServiceOfferKind,
  ServiceOfferRecord,
} from '../../adapters/victim-support/types';
import { addDays, daysBetween } from '../dates';
import type { Prng } from '../prng';
import { isGranted, type DemoCase } from './cases';
import { pad } from './text';

/** Days a person takes, at most, to answer an offer. */
const ANSWER_DAYS = 10;
/** Days the demo's answers come after their offer (fewer than above). */
const ANSWER_LAG_DAYS = 4;
/** The renewal comes this long before the planned end. */
const RENEWAL_LEAD_DAYS = 30;

export function referralId(caseNumber: number): string {
  return `demo-referral-${pad(caseNumber, 3)}`;
}

export function demoReferrals(
  cases: readonly DemoCase[],
  prng: Prng,
  referenceDate: string,
): ReferralRecord[] {
  return cases
    .filter(isGranted)
    .map((demoCase) => referral(demoCase, prng, referenceDate));
}

function referral(
  demoCase: DemoCase,
  prng: Prng,
  referenceDate: string,
): ReferralRecord {
  const { measure } = demoCase;
  const referredOn = earliest(
    addDays(measure.decidedOn!, prng.int(0, 3)),
    referenceDate,
  );
  const offers = offersFor(demoCase, referredOn, prng, referenceDate);
  return {
    id: referralId(demoCase.number),
    measureId: measure.id,
    arrondissementCode: measure.arrondissementCode,
    referredOn,
    pvReference: pvReference(measure, prng),
    status: statusOf(offers, measure.status === 'ENDED', prng),
    offers,
  };
}

/** A made-up initial report number of the managing zone. */
function pvReference(measure: DemoCase['measure'], prng: Prng): string {
  const year = measure.requestedOn.slice(0, 4);
  const number = pad(prng.int(1, 99999), 6);
  return `PV/${measure.managingZoneCode}/${year}/${number}`;
}

function offersFor(
  demoCase: DemoCase,
  referredOn: string,
  prng: Prng,
  referenceDate: string,
): ServiceOfferRecord[] {
  const offers: ServiceOfferRecord[] = [];
  const initial = addDays(referredOn, prng.int(1, 5));
  if (initial < referenceDate) {
    offers.push(offer(initial, 'INITIAL', prng, referenceDate));
  }
  const { endDate, endReason, status } = demoCase.measure;
  const renewal = addDays(endDate!, -RENEWAL_LEAD_DAYS);
  const nearEnd = status === 'ACTIVE' || endReason === 'EXPIRED';
  if (nearEnd && renewal > initial && renewal < referenceDate) {
    offers.push(offer(renewal, 'RENEWAL', prng, referenceDate));
  }
  return offers;
}

/** An offer and the person's answer, if any, a few days later. */
function offer(
  offeredOn: string,
  kind: ServiceOfferKind,
  prng: Prng,
  referenceDate: string,
): ServiceOfferRecord {
  const accepted = answer(offeredOn, prng, referenceDate);
  const answeredOn = accepted === null
    ? null
    : addDays(offeredOn, ANSWER_LAG_DAYS);
  return { offeredOn, kind, accepted, answeredOn };
}

/** Null while the person may still be thinking it over. */
function answer(
  offeredOn: string,
  prng: Prng,
  referenceDate: string,
): boolean | null {
  if (daysBetween(offeredOn, referenceDate) < ANSWER_DAYS) return null;
  return prng.chance(0.75);
}

function statusOf(
  offers: readonly ServiceOfferRecord[],
  measureEnded: boolean,
  prng: Prng,
): ReferralStatus {
  const last = offers[offers.length - 1];
  if (!last) return 'RECEIVED';
  if (last.accepted === null) return 'CONTACTED';
  if (!last.accepted) return 'CLOSED';
  return measureEnded && prng.chance(0.6) ? 'CLOSED' : 'SUPPORT_ONGOING';
}

function earliest(a: string, b: string): string {
  return a < b ? a : b;
}
