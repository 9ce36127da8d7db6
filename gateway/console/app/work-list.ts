/// <reference lib="dom" />
/**
 * A zone's work list (`Query.workList`): the revisits due and overdue
 * (§7.11.3), the re-evaluations (§7.12.1), the device returns (§7.12.2),
 * the travel notices to forward (§7.11.1), and the devices whose daily
 * report is missing or worrying (§3), each item marked overdue or due.
 */
import { ApiFailure, describeErrors, request, type ApiError } from './api';
import { h, replaceChildren } from './dom';

const ITEM = /* GraphQL */ `
  fragment ConsoleWorkItem on WorkItem {
    dueOn
    overdue
    measure { id reference managingZone { code name } }
  }
`;

export const WORK_LIST_QUERY = /* GraphQL */ `
  query ConsoleWorkList {
    workList {
      owner
      revisits { ...ConsoleWorkItem }
      reEvaluations { ...ConsoleWorkItem }
      deviceReturns { ...ConsoleWorkItem }
      travelToForward { ...ConsoleWorkItem }
      alertsToReview { ...ConsoleWorkItem }
      deviceIssues {
        kind
        device { serial kind }
        measure { id reference }
      }
    }
  }
  ${ITEM}
`;

interface WorkItemView {
  readonly dueOn: string | null;
  readonly overdue: boolean;
  readonly measure: {
    readonly id: string;
    readonly reference: string;
    readonly managingZone: { readonly code: string; readonly name: string };
  };
}

interface DeviceIssueView {
  readonly kind: 'NEVER_REPORTED' | 'NO_RECENT_CONTACT' | 'LOW_BATTERY';
  readonly device: { readonly serial: string; readonly kind: string };
  readonly measure: { readonly id: string; readonly reference: string };
}

interface WorkListView {
  readonly owner: string;
  readonly revisits: readonly WorkItemView[];
  readonly reEvaluations: readonly WorkItemView[];
  readonly deviceReturns: readonly WorkItemView[];
  readonly travelToForward: readonly WorkItemView[];
  readonly alertsToReview: readonly WorkItemView[];
  readonly deviceIssues: readonly DeviceIssueView[] | null;
}

type ItemSection = keyof Omit<WorkListView, 'owner' | 'deviceIssues'>;

const SECTIONS: readonly (readonly [ItemSection, string, string])[] = [
  ['revisits', 'Revisits', 'Due within 14 days or overdue (§7.11.3).'],
  ['reEvaluations', 'Re-evaluations', 'In the month before the end (§7.12.1).'],
  ['deviceReturns', 'Device returns', 'Ended measures whose devices are out '
    + '(§7.12.2).'],
  ['travelToForward', 'Travel notices to forward', 'Not yet sent to the '
    + 'destination (§7.11.1).'],
  ['alertsToReview', 'Alerts to classify', 'Not yet classified (§7.11.2).'],
];

const ISSUE_LABELS: Readonly<Record<DeviceIssueView['kind'], string>> = {
  NEVER_REPORTED: 'Missing daily report: never reported',
  NO_RECENT_CONTACT: 'Missing daily report: no contact for over 24 h',
  LOW_BATTERY: 'Low battery (under 20%)',
};

function mark(item: WorkItemView): HTMLElement {
  if (item.overdue) {
    return h('span', { class: 'mark overdue' },
      `Overdue${item.dueOn ? ` since ${item.dueOn}` : ''}`);
  }
  return h('span', { class: 'mark due' },
    item.dueOn ? `Due ${item.dueOn}` : 'Due');
}

function itemRow(item: WorkItemView): HTMLElement {
  const zone = item.measure.managingZone;
  return h('li', {
    'data-measure-id': item.measure.id,
    'data-overdue': String(item.overdue),
  },
  mark(item), ' ',
  h('span', { class: 'reference' }, item.measure.reference),
  ` · zone ${zone.code} ${zone.name}`);
}

function issueRow(issue: DeviceIssueView): HTMLElement {
  const missing = issue.kind !== 'LOW_BATTERY';
  return h('li', {
    'data-measure-id': issue.measure.id, 'data-issue': issue.kind,
  },
  h('span', { class: `mark ${missing ? 'overdue' : 'due'}` },
    ISSUE_LABELS[issue.kind]), ' ',
  `${issue.device.kind} ${issue.device.serial} · `,
  h('span', { class: 'reference' }, issue.measure.reference));
}

function section(
  id: string,
  title: string,
  note: string,
  rows: readonly HTMLElement[],
): HTMLElement {
  const headingId = `work-${id}`;
  return h('section', { 'aria-labelledby': headingId, class: 'work' },
    h('h3', { id: headingId }, `${title} (${rows.length})`),
    h('p', { class: 'sub' }, note),
    rows.length > 0 ? h('ul', {}, ...rows) : h('p', { class: 'empty' },
      'Nothing.'));
}

function render(root: HTMLElement, list: WorkListView,
  errors: readonly ApiError[]): void {
  const sorted = (items: readonly WorkItemView[]) => [...items]
    .sort((a, b) => Number(b.overdue) - Number(a.overdue)
      || String(a.dueOn).localeCompare(String(b.dueOn)));
  replaceChildren(root,
    h('h2', {}, `Work list of ${list.owner}`),
    errors.length > 0 && h('p', { class: 'error', role: 'alert' },
      `Part of the list is unavailable: ${describeErrors(errors)}`),
    ...SECTIONS.map(([key, title, note]) =>
      section(key, title, note, sorted(list[key]).map(itemRow))),
    section('device-issues', 'Daily reports and batteries',
      'Devices of the zone\'s measures needing attention (§3).',
      (list.deviceIssues ?? []).map(issueRow)));
}

/** Loads the caller's work list into `root`. */
export async function showWorkList(
  root: HTMLElement,
  token: string,
): Promise<void> {
  replaceChildren(root, h('h2', {}, 'Work list'),
    h('p', { role: 'status' }, 'Loading…'));
  try {
    const { data, errors } =
      await request<{ workList: WorkListView }>(token, WORK_LIST_QUERY);
    render(root, data.workList, errors ?? []);
  } catch (error) {
    const message = error instanceof ApiFailure
      ? error.message : 'The work list could not be loaded.';
    replaceChildren(root, h('h2', {}, 'Work list'),
      h('p', { class: 'error', role: 'alert' }, message));
  }
}
