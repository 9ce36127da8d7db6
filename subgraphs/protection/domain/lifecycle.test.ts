import type { MeasureAggregate } from '../../../adapters/protection/aggregate';
import {
  MEASURE_STATUSES,
  type MeasureStatus,
} from '../../../adapters/protection/types';
import { refuseProtection } from './commands/decision';
import { endProtectionEarly } from './commands/end';
import { DomainError } from './errors';
import {
  COMMANDS,
  accept,
  changeOf,
  isNoOp,
  lifecycleOf,
  noChange,
  withMeasure,
  type CommandName,
} from './lifecycle';
import { contextOn, deepFreeze, granted, requested } from './testing';

function inEveryStatus(): Record<MeasureStatus, MeasureAggregate> {
  const active = granted('2026-05-31');
  return {
    REQUESTED: requested(),
    REFUSED: deepFreeze(
      refuseProtection(
        requested(),
        {
          decidedOn: '2026-05-22',
          reasons: 'No high risk.',
          pvReference: 'PV-R',
        },
        contextOn('2026-05-22'),
      ).aggregate,
    ),
    ACTIVE: active,
    ENDED: deepFreeze(
      endProtectionEarly(
        active,
        {
          decidedOn: '2026-07-01',
          reason: 'PERSON_REQUEST',
          pvReference: 'PV-E',
        },
        contextOn('2026-07-01'),
      ).aggregate,
    ),
  };
}

describe('lifecycleOf', () => {
  const aggregates = inEveryStatus();

  it('reads each status with what it implies', () => {
    expect(lifecycleOf(aggregates.REQUESTED.measure).status).toBe('REQUESTED');
    const refused = lifecycleOf(aggregates.REFUSED.measure);
    expect(refused.status === 'REFUSED' && refused.refusal.reasons).toBe(
      'No high risk.',
    );
    const active = lifecycleOf(aggregates.ACTIVE.measure);
    expect(active.status === 'ACTIVE' && active.period).toEqual({
      decidedOn: '2026-05-31',
      startDate: '2026-05-31',
      endDate: '2027-02-28',
    });
    const ended = lifecycleOf(aggregates.ENDED.measure);
    expect(
      ended.status === 'ENDED' && [ended.endedOn, ended.endReason],
    ).toEqual(['2026-07-01', 'PERSON_REQUEST']);
  });

  it('treats a stored measure missing what its status implies as corrupt', () => {
    const corrupt = { ...aggregates.ACTIVE.measure, endDate: null };
    expect(() => lifecycleOf(corrupt)).toThrow(
      'Measure measure-1 is ACTIVE but has no endDate',
    );
    expect(() => lifecycleOf(corrupt)).not.toThrow(DomainError);
  });
});

describe('accept', () => {
  const aggregates = inEveryStatus();
  const commands = (Object.keys(COMMANDS) as CommandName[]).filter(
    (command) => command !== 'requestProtection',
  );

  it.each(commands)(
    '%s applies only in the statuses of its table',
    (command) => {
      const accepted: readonly MeasureStatus[] = COMMANDS[command].statuses;
      for (const status of MEASURE_STATUSES) {
        const run = () => accept(aggregates[status], command);
        if (accepted.includes(status)) {
          expect(run().status).toBe(status);
        } else {
          expect(run).toThrow(
            expect.objectContaining({
              code: 'ILLEGAL_TRANSITION',
              details: expect.objectContaining({ command, status }),
            }),
          );
        }
      }
    },
  );

  it('names the command, the status and the section in the message', () => {
    expect(() => accept(aggregates.ENDED, 'grantProtection')).toThrow(
      'grantProtection does not apply to measure SA/2026/0001, which is ENDED: it needs a measure that is REQUESTED (§7.8).',
    );
  });

  it('§7.12: an ENDED measure takes only alert paperwork and the device return', () => {
    const onEnded = (Object.keys(COMMANDS) as CommandName[]).filter((command) =>
      (COMMANDS[command].statuses as readonly string[]).includes('ENDED'),
    );
    expect(onEnded.sort()).toEqual([
      'classifyAlert',
      'closeAlertCall',
      'recordAlertLocation',
      'recordDeviceReturn',
      'recordPoliceArrival',
    ]);
  });

  it('§7.7: a REFUSED measure can only be reconsidered', () => {
    const onRefused = (Object.keys(COMMANDS) as CommandName[]).filter(
      (command) =>
        (COMMANDS[command].statuses as readonly string[]).includes('REFUSED'),
    );
    expect(onRefused).toEqual(['reconsiderRequest']);
  });
});

describe('changes', () => {
  const aggregate = requested();

  it('takes the journal action from the command table', () => {
    const change = changeOf('grantProtection', aggregate, {
      pvReference: 'PV',
    });
    expect(change).toEqual({
      aggregate,
      persons: [],
      action: 'GRANT',
      pvReference: 'PV',
      effects: [],
    });
  });

  it('tells a no-op from a change', () => {
    expect(isNoOp(aggregate, noChange('recordAlert', aggregate))).toBe(true);
    const changed = withMeasure(aggregate, { underInvestigation: true });
    expect(
      isNoOp(aggregate, changeOf('recordMove', changed, { pvReference: null })),
    ).toBe(false);
    expect(aggregate.measure.underInvestigation).toBe(false);
  });
});
