/**
 * What each actor must do (§7.11, §7.12): the measures it is responsible
 * for, sorted into the sections of the WorkList type by the domain.
 */
import type { MeasureAggregate } from '../../adapters/protection/aggregate';
import type { Identity } from '../../runtime/identity';
import { forbidden } from '../../runtime/errors';
import type { ProtectionContext } from './context';
import { workItemsFor, type WorkItem, type WorkSection } from './domain';

export interface WorkListItem {
  readonly aggregate: MeasureAggregate;
  readonly dueOn: string | null;
  readonly overdue: boolean;
}

export type WorkListSections = Record<WorkSection, WorkListItem[]>;

/**
 * The sections each role works on for the measures it is responsible
 * for; the others stay empty for it.
 */
const SECTIONS_OF_ROLE: Partial<Record<Identity['role'], WorkSection[]>> = {
  police: ['revisits', 'reEvaluations', 'deviceReturns', 'travelToForward'],
  magistrate: ['decisionsPending', 'reEvaluations', 'alertsToReview'],
};

/**
 * §7.2.3: a transfer is acknowledged by the parquet the file moves to,
 * which is not yet responsible for the measure: it sees that section of
 * the measures coming to it, and the parquet they leave does not.
 */
const INCOMING_SECTIONS: Partial<Record<Identity['role'], WorkSection[]>> = {
  magistrate: ['transfersToAcknowledge'],
};

function emptySections(): WorkListSections {
  return {
    revisits: [],
    reEvaluations: [],
    deviceReturns: [],
    travelToForward: [],
    decisionsPending: [],
    alertsToReview: [],
    transfersToAcknowledge: [],
  };
}

/** Ids of the measures the caller is responsible for. */
async function measureIdsOf(context: ProtectionContext): Promise<string[]> {
  const { identity, adapter } = context;
  const statuses = ['REQUESTED', 'ACTIVE', 'ENDED'] as const;
  switch (identity.role) {
    case 'police':
      return adapter.findMeasureIds({
        statuses: [...statuses],
        managingZoneCodes: [identity.zone ?? ''],
      });
    case 'magistrate':
      return adapter.findMeasureIds({
        statuses: [...statuses],
        arrondissementCodes: [identity.arrondissement ?? ''],
      });
    default:
      return [];
  }
}

/** Ids of the measures moving to the caller's parquet (§7.2.3). */
async function incomingMeasureIdsOf(
  context: ProtectionContext,
): Promise<string[]> {
  const { identity, adapter } = context;
  if (identity.role !== 'magistrate') return [];
  return adapter.findMeasureIds({
    statuses: ['ACTIVE'],
    transferToArrondissementCodes: [identity.arrondissement ?? ''],
  });
}

/** Adds the items of the measures in the `wanted` sections. */
async function addItems(
  sections: WorkListSections,
  context: ProtectionContext,
  ids: string[],
  wanted: ReadonlySet<WorkSection>,
): Promise<void> {
  if (ids.length === 0 || wanted.size === 0) return;
  const aggregates = await context.loaders.measure.loadMany(ids);
  const today = context.clock.today();
  for (const aggregate of aggregates) {
    if (aggregate instanceof Error) throw aggregate;
    if (!aggregate) continue;
    const items: WorkItem[] = workItemsFor(aggregate, today, context.rules);
    for (const item of items) {
      if (!wanted.has(item.section)) continue;
      sections[item.section].push({
        aggregate,
        dueOn: item.dueOn,
        overdue: item.overdue,
      });
    }
  }
}

function byDueDate(first: WorkListItem, second: WorkListItem): number {
  return (first.dueOn ?? '9999').localeCompare(second.dueOn ?? '9999');
}

/** A work list with the key other subgraphs add their sections by. */
export interface WorkListAnswer extends WorkListSections {
  readonly owner: string;
}

/** The list's key: the caller's role and organisation (police:5345). */
export function workListOwner(identity: Identity): string {
  const organisation =
    identity.zone ?? identity.arrondissement ?? identity.province;
  return organisation ? `${identity.role}:${organisation}` : identity.role;
}

/**
 * The caller's work list. A list is only ever its caller's: asked for by
 * the key of someone else's, it is refused.
 */
export async function workListOf(
  context: ProtectionContext,
  owner: string,
): Promise<WorkListAnswer> {
  if (owner !== workListOwner(context.identity)) {
    throw forbidden('A work list is only readable by its owner.');
  }
  return { owner, ...(await workList(context)) };
}

export async function workList(
  context: ProtectionContext,
): Promise<WorkListSections> {
  const sections = emptySections();
  const { role } = context.identity;
  const [own, incoming] = await Promise.all([
    measureIdsOf(context),
    incomingMeasureIdsOf(context),
  ]);
  await addItems(sections, context, own,
    new Set(SECTIONS_OF_ROLE[role] ?? []));
  await addItems(sections, context, incoming,
    new Set(INCOMING_SECTIONS[role] ?? []));
  for (const section of Object.values(sections)) section.sort(byDueDate);
  return sections;
}
