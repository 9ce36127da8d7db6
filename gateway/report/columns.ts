/**
 * The columns of the Institute's report file (issue 7, §9): one per
 * dimension asked and one per figure, each with the description the
 * README's column table is checked against
 * (test/scripts/report-docs.test.ts).
 *
 * A figure column names where its value lies in a section of
 * `StatisticsReport`: `protection`, `devices`, `victimSupport`. The
 * query, the rows and both formats follow from this table: a new
 * section is a field in SECTIONS with its dimensions in
 * SECTION_DIMENSIONS, its columns made with `columnsFor(section)` and
 * appended to FIGURE_COLUMNS; then run `npm run docs:report`. A section
 * is read as `{ total, cells { <its dimension fields> figures } }` and
 * may be null (victim support's, for a zone's report).
 */

/** What `--by` and `by=` accept, and the report's dimension columns. */
export const DIMENSIONS = [
  {
    name: 'arrondissement',
    value: 'ARRONDISSEMENT',
    field: 'arrondissement',
    coded: true,
    description:
      'Judicial arrondissement (code) managing the measure, answering for the devices, or of the victim support service.',
  },
  {
    name: 'zone',
    value: 'ZONE',
    field: 'zone',
    coded: true,
    description:
      'Police zone (number) managing the measure or answering for the devices.',
  },
  {
    name: 'gender',
    value: 'PROTECTED_GENDER',
    field: 'protectedGender',
    coded: false,
    description: "The victim's gender: FEMALE, MALE or X.",
  },
  {
    name: 'age-band',
    value: 'PROTECTED_AGE_BAND',
    field: 'protectedAgeBand',
    coded: false,
    description: "The victim's age band on the decision (or the request).",
  },
  {
    name: 'suspect-gender',
    value: 'SUSPECT_GENDER',
    field: 'suspectGender',
    coded: false,
    description: "The suspect's gender: FEMALE, MALE or X.",
  },
  {
    name: 'suspect-age-band',
    value: 'SUSPECT_AGE_BAND',
    field: 'suspectAgeBand',
    coded: false,
    description: "The suspect's age band on the decision (or the request).",
  },
  {
    name: 'relationship',
    value: 'RELATIONSHIP',
    field: 'relationship',
    coded: false,
    description: 'How the suspect is related to the victim (§6).',
  },
  {
    name: 'origin',
    value: 'REQUEST_ORIGIN',
    field: 'requestOrigin',
    coded: false,
    description: 'Who asked for the alarm (§7.3).',
  },
] as const;

export type Dimension = (typeof DIMENSIONS)[number];
export type DimensionName = Dimension['name'];

/** The sections of `StatisticsReport` a figure may come from. */
export const SECTIONS = ['protection', 'devices', 'victimSupport'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * The dimensions each section's cells are broken down by. A section
 * whose cells lack a dimension asked (the devices have no victim's
 * gender) gives its figures in the total row only.
 */
export const SECTION_DIMENSIONS: Readonly<
  Record<Section, readonly DimensionName[]>
> = {
  protection: DIMENSIONS.map((dimension) => dimension.name),
  // The agency systems hold no person's gender, age or relationship.
  devices: ['arrondissement', 'zone'],
  // A referral knows its arrondissement, not the zone (§7.8.3).
  victimSupport: ['arrondissement'],
};

/** Whether a section's cells are broken down by every one asked. */
export function breaksDown(
  section: Section,
  dimensions: readonly Dimension[],
): boolean {
  const own = SECTION_DIMENSIONS[section];
  return dimensions.every((dimension) => own.includes(dimension.name));
}

export interface FigureColumn {
  /** The column's name in the file. */
  readonly name: string;
  readonly section: Section;
  /** Where the value lies in the section's figures, e.g. ends.early. */
  readonly path: readonly string[];
  /** A Count (value, suppressed) or a Statistic (value, withheld). */
  readonly kind: 'count' | 'statistic';
  readonly description: string;
}

/** Private: the column makers of one section's figures. */
function columnsFor(section: Section) {
  const column = (kind: FigureColumn['kind']) =>
    (name: string, path: string, description: string): FigureColumn =>
      ({ name, section, path: path.split('.'), kind, description });
  return { count: column('count'), statistic: column('statistic') };
}

const { count, statistic } = columnsFor('protection');
const device = columnsFor('devices').count;
const support = columnsFor('victimSupport').count;

/** The protection register's figures (ProtectionFigures), in order. */
export const PROTECTION_COLUMNS: readonly FigureColumn[] = [
  count('requests', 'requests', 'Requests made in the period (§7.3).'),
  count('grants', 'grants', 'Alarms granted in the period (§7.8).'),
  count('refusals', 'refusals', 'Requests refused in the period (§7.7).'),
  count('active_at_end', 'activeAtEnd',
    "Measures running on the period's last day."),
  count('new_victims', 'newProtectedPersons.victims',
    'Victims newly protected by the period\'s grants (§7.9).'),
  count('new_children', 'newProtectedPersons.children',
    'Children of the victim newly protected (§7.9).'),
  count('new_relatives', 'newProtectedPersons.relatives',
    'Relatives of the victim newly protected (§7.9).'),
  count('prolonged_real_alert', 'prolongations.realAlert',
    'Prolongations after an alert classified real (§7.10.2).'),
  count('prolonged_new_facts', 'prolongations.newFacts',
    'Prolongations after new facts (§7.10.2).'),
  count('prolonged_re_evaluation', 'prolongations.reEvaluation',
    'Prolongations on the re-evaluation before the end (§7.12.1).'),
  count('ends', 'ends.total', 'Measures ended in the period (§7.12).'),
  count('ends_early', 'ends.early',
    'Measures ended before their end date (§7.12.3).'),
  count('ends_expired', 'ends.expired',
    'Measures ended at their end date (§7.12.2).'),
  count('ends_no_longer_serious', 'ends.noLongerSerious',
    'Ended early: no longer serious enough.'),
  count('ends_misuse', 'ends.misuse',
    'Ended early: repeated misuse or breach of the agreement.'),
  count('ends_person_request', 'ends.personRequest',
    "Ended early at the protected person's request."),
  count('ends_settled_abroad', 'ends.settledAbroad',
    'Ended early: the person settled abroad.'),
  count('ends_settled_outside', 'ends.settledOutsideDeployedTerritory',
    'Ended early: the person settled outside the deployed territory.'),
  statistic('duration_mean_days', 'duration.meanDays',
    'Mean days the measures ended in the period lasted.'),
  statistic('duration_median_days', 'duration.medianDays',
    'Median days the measures ended in the period lasted.'),
  count('alerts', 'alerts.total', 'Alerts raised in the period (§7.11.2).'),
  count('alerts_real', 'alerts.real', 'Alerts classified real.'),
  count('alerts_false', 'alerts.falseAlerts', 'Alerts classified false.'),
  count('alerts_test', 'alerts.tests', 'Alerts classified as tests.'),
  count('alerts_unclassified', 'alerts.unclassified',
    'Alerts not classified yet.'),
  statistic('alerts_real_rate', 'alerts.realRate',
    'Real alerts among the classified ones, from 0 to 1.'),
  count('police_on_site_measured', 'policeOnSite.measured',
    "Alerts whose police arrival is recorded."),
  statistic('police_on_site_median_minutes', 'policeOnSite.medianMinutes',
    'Median minutes from the press to the police on site.'),
  statistic('police_on_site_p90_minutes', 'policeOnSite.p90Minutes',
    '90th percentile of those minutes (nearest rank).'),
  count('revisits_due', 'revisits.due',
    'Revisits due in the period (§7.11.3).'),
  count('revisits_on_time', 'revisits.onTime',
    'Revisits done on or before their due day.'),
  count('travel_notices', 'travelNotices.announced',
    'Trips and usual places announced in the period (§7.11.1).'),
  count('travel_notices_late', 'travelNotices.late',
    'Trips announced less than 7 calendar days ahead.'),
];

/**
 * The inventory's figures (DeviceFigures, §7.8.7), in order. The stock
 * is read on the period's last day; a device in repair or lost by the
 * status the inventory holds now, since it keeps no history of those.
 */
export const DEVICE_COLUMNS: readonly FigureColumn[] = [
  device('stock_available', 'stockAtEnd.available',
    "Alarm devices in stock, ready to hand out, on the period's last day."),
  device('stock_assigned', 'stockAtEnd.assigned',
    "Alarm devices held by a protected person on the period's last day."),
  device('stock_in_repair', 'stockAtEnd.inRepair',
    'Alarm devices out of use while repaired (their status now).'),
  device('stock_lost', 'stockAtEnd.lost',
    'Alarm devices lost (their status now).'),
  device('stock_returned', 'stockAtEnd.returned',
    "Alarm devices back from an ended measure, not yet restocked, on the period's last day."),
  device('assignments', 'assignments',
    'Alarm devices handed to a protected person in the period (§7.8.7).'),
  device('shortages_opened', 'shortages.opened',
    'Granted alarms that found no device available, reported in the period (§7.8.7).'),
  device('shortages_resolved', 'shortages.resolved',
    'Shortages resolved in the period, a device handed out at last.'),
];

/**
 * Victim support's figures (VictimSupportFigures, §7.8.3, §7.12.2), in
 * order; each count stands for the victims of the measures referred.
 */
export const VICTIM_SUPPORT_COLUMNS: readonly FigureColumn[] = [
  support('support_referrals', 'referrals',
    'Victims referred to victim support in the period (§7.8.3).'),
  support('support_first_contacts', 'firstContacts',
    'Victims victim support reached for the first time in the period.'),
  support('support_offers_initial', 'offersMade.initial',
    'First offers of help made, on the first contact (§7.8.3).'),
  support('support_offers_renewal', 'offersMade.renewal',
    'Offers made again before the end to a victim who did not take up the first (§7.12.2).'),
  support('support_taken_up_initial', 'offersTakenUp.initial',
    'First offers of help taken up in the period.'),
  support('support_taken_up_renewal', 'offersTakenUp.renewal',
    'Renewed offers of help taken up in the period.'),
];

/** Every figure column of the file, section by section. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  ...PROTECTION_COLUMNS,
  ...DEVICE_COLUMNS,
  ...VICTIM_SUPPORT_COLUMNS,
];

/** The columns every row starts with, before the dimensions. */
export const LEAD_COLUMNS = [
  {
    name: 'period',
    description: 'The period counted: 2026-07, 2026-Q3, 2026, or from/to.',
  },
  {
    name: 'scope',
    description: 'The territory: national, arrondissement:ANT, zone:5345.',
  },
  {
    name: 'row',
    description: 'cell: one combination of the dimensions; total: all.',
  },
] as const;

/** The name of a dimension's column: its option, with underscores. */
export function dimensionColumnOf(dimension: Dimension): string {
  return dimension.name.replaceAll('-', '_');
}

export interface ColumnDescription {
  readonly name: string;
  readonly description: string;
}

/** Every column a report by `dimensions` has, in the file's order. */
export function columnsOf(
  dimensions: readonly Dimension[],
): readonly ColumnDescription[] {
  return [
    ...LEAD_COLUMNS,
    ...dimensions.map((dimension) => ({
      name: dimensionColumnOf(dimension),
      description: dimension.description,
    })),
    ...FIGURE_COLUMNS.map(({ name, description }) => ({ name, description })),
  ];
}

/** Every column there may be, for the README's table. */
export function allColumns(): readonly ColumnDescription[] {
  return columnsOf(DIMENSIONS);
}

/** The README's table of every column (scripts/report-docs.ts). */
export function columnTableMarkdown(): string {
  const lines = ['| Column | What it counts |', '| --- | --- |'];
  for (const column of allColumns()) {
    lines.push(`| \`${column.name}\` | ${column.description} |`);
  }
  return `${lines.join('\n')}\n`;
}
