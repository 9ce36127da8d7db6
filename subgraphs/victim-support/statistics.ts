/**
 * The victim support service's figures on a statistics report (§7.8.3,
 * §7.12.2, §9; issue 7): referrals made in the period, persons reached
 * for the first time, offers made and taken up, initial and renewal, by
 * arrondissement. Every count stands for the victim of the referred
 * measure, so each is under disclosure control.
 *
 * A referral knows its arrondissement (the service's, after a transfer)
 * and not the zone: a report by ZONE gets these figures by
 * arrondissement, and a zone's report gets none (null).
 */
import type {
  ReferralRecord,
  ServiceOfferKind,
} from '../../adapters/victim-support/types';
import type { ProtectedCount } from '../protection/domain/disclosure';
import type { StatisticsRequest } from '../statistics/request';
import {
  arrondissementsOf,
  inScope,
  territorialLayout,
  territorialReport,
  TerritorialTally,
  type TerritorialCell,
  type TerritorialLayout,
  type TerritorialReport,
} from '../statistics/territorial';
import type { VictimSupportContext } from './context';

export interface VictimSupportFigures {
  readonly referrals: ProtectedCount;
  readonly firstContacts: ProtectedCount;
  readonly offersMade: Readonly<Record<'initial' | 'renewal',
    ProtectedCount>>;
  readonly offersTakenUp: Readonly<Record<'initial' | 'renewal',
    ProtectedCount>>;
}

export type VictimSupportReport = TerritorialReport<VictimSupportFigures>;
export type VictimSupportReportCell = TerritorialCell<VictimSupportFigures>;

type Figure = 'referrals' | 'firstContacts' | 'madeInitial' |
  'madeRenewal' | 'takenInitial' | 'takenRenewal';

const inPeriod = (day: string | null, from: string, to: string) =>
  day !== null && day >= from && day <= to;

function tallies(layout: TerritorialLayout) {
  const people = () => ({
    tally: new TerritorialTally(layout), counts: 'people' as const });
  return {
    referrals: people(), firstContacts: people(),
    madeInitial: people(), madeRenewal: people(),
    takenInitial: people(), takenRenewal: people(),
  } satisfies Record<Figure, unknown>;
}

function shape(counts: Readonly<Record<Figure, ProtectedCount>>):
  VictimSupportFigures {
  return {
    referrals: counts.referrals,
    firstContacts: counts.firstContacts,
    offersMade: { initial: counts.madeInitial, renewal: counts.madeRenewal },
    offersTakenUp: {
      initial: counts.takenInitial, renewal: counts.takenRenewal,
    },
  };
}

const MADE: Readonly<Record<ServiceOfferKind, Figure>> = {
  INITIAL: 'madeInitial', RENEWAL: 'madeRenewal',
};
const TAKEN: Readonly<Record<ServiceOfferKind, Figure>> = {
  INITIAL: 'takenInitial', RENEWAL: 'takenRenewal',
};

/**
 * §7.8.3: the day the person was first reached: the INITIAL offer's day
 * (the contact's, or the referral's when the person answered before a
 * contact was recorded), once the referral has left RECEIVED.
 */
export function firstContactOn(referral: ReferralRecord): string | null {
  if (referral.status === 'RECEIVED') return null;
  const initial = referral.offers.find((offer) => offer.kind === 'INITIAL');
  return initial?.offeredOn ?? null;
}

/** The figures of the referrals read; pure. */
export function computeVictimSupportStatistics(
  request: StatisticsRequest,
  referrals: readonly ReferralRecord[],
): VictimSupportReport {
  const { period: { from, to }, scope } = request;
  const layout = territorialLayout(request.dimensions, ['ARRONDISSEMENT']);
  const counted = tallies(layout);
  for (const referral of referrals) {
    const place = {
      arrondissementCode: referral.arrondissementCode, zoneCode: null,
    };
    if (!inScope(place, scope)) continue;
    const person = `measure:${referral.measureId}`;
    const add = (figure: Figure) => counted[figure].tally.add(place, person);
    if (inPeriod(referral.referredOn, from, to)) add('referrals');
    if (inPeriod(firstContactOn(referral), from, to)) add('firstContacts');
    for (const offer of referral.offers) {
      if (inPeriod(offer.offeredOn, from, to)) add(MADE[offer.kind]);
      if (offer.accepted === true && inPeriod(offer.answeredOn, from, to)) {
        add(TAKEN[offer.kind]);
      }
    }
  }
  return territorialReport(layout, counted, shape);
}

/** The service's figures of a report, or null for a zone's. */
export async function victimSupportStatistics(
  request: StatisticsRequest,
  { loaders, territory }: VictimSupportContext,
): Promise<VictimSupportReport | null> {
  if (request.scope.zoneCode !== null) return null;
  const codes = arrondissementsOf(request.scope, territory.zones());
  const lists = await loaders.referralsOfArrondissement.loadMany(codes);
  const referrals = lists.flatMap((list) => {
    if (list instanceof Error) throw list;
    return list;
  });
  return computeVictimSupportStatistics(request, referrals);
}
