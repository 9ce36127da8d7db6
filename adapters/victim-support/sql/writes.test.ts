import { DEMO, generateDemoData } from '../../../storage/demo-data';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { openSqlVictimSupportAdapter } from '../index';
import {
  VictimSupportRuleError,
  type NoticeKind,
  type VictimSupportAdapter,
} from '../types';

const demo = generateDemoData();

function referral(measureId: string) {
  return {
    measureId,
    arrondissementCode: 'BRU',
    referredOn: '2026-12-01',
    pvReference: 'PV/5339/2026/000123',
    plannedEndDate: '2027-09-01',
  };
}

describeEachDatabase('SqlVictimSupportAdapter writes', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: VictimSupportAdapter;

  beforeAll(async () => {
    adapter = await openSqlVictimSupportAdapter(getOptions(), {
      seedDemo: demo,
      logger: recorder,
    });
  });

  afterAll(() => adapter.close());

  async function noticesOf(measureId: string) {
    const [notices] = await adapter.noticesByMeasureId([measureId]);
    return notices!;
  }

  describe('refer (§7.8.3)', () => {
    it('refers the measure with its INITIAL offer awaiting an answer',
      async () => {
        const expected = {
          id: 'ref-test-measure-r1',
          measureId: 'test-measure-r1',
          arrondissementCode: 'BRU',
          referredOn: '2026-12-01',
          pvReference: 'PV/5339/2026/000123',
          status: 'RECEIVED',
          offers: [
            { offeredOn: '2026-12-01', kind: 'INITIAL', accepted: null,
              answeredOn: null },
          ],
        };
        expect(await adapter.refer(referral('test-measure-r1')))
          .toEqual(expected);
        expect(await adapter.referralsByMeasureId(['test-measure-r1']))
          .toEqual([expected]);
      });

    it('tells the service the planned end as an END_DATE notice',
      async () => {
        expect(await noticesOf('test-measure-r1')).toEqual([{
          id: 'end-date-test-measure-r1',
          measureId: 'test-measure-r1',
          kind: 'END_DATE',
          date: '2027-09-01',
          details: null,
        }]);
      });

    it('answers the same when called twice, adding nothing', async () => {
      const first = await adapter.refer(referral('test-measure-r2'));
      expect(await adapter.refer(referral('test-measure-r2')))
        .toEqual(first);
      expect(first.offers).toHaveLength(1);
      expect(await noticesOf('test-measure-r2')).toHaveLength(1);
    });

    it('refuses another referral of a measure already referred',
      async () => {
        const writing = adapter.refer({ ...referral('test-measure-r2'),
          pvReference: 'PV/5339/2026/999999' });
        await expect(writing).rejects.toBeInstanceOf(VictimSupportRuleError);
        await expect(writing).rejects.toMatchObject(
          { code: 'REFERRAL_CONFLICT' });
        await expect(adapter.refer({ ...referral('test-measure-r2'),
          plannedEndDate: '2027-10-01' })).rejects.toMatchObject(
          { code: 'REFERRAL_CONFLICT' });
      });

    it('answers a demo referral when its measure is referred as it was',
      async () => {
        const [made] = await adapter.referralsByMeasureId(
          [DEMO.measureIds.activeWithEverything]);
        const again = await adapter.refer({
          measureId: made!.measureId,
          arrondissementCode: made!.arrondissementCode,
          referredOn: made!.referredOn,
          pvReference: made!.pvReference,
          plannedEndDate: '2027-06-01',
        });
        expect(again).toEqual(made);
        expect(again.id).toBe(DEMO.referralIds.activeWithEverything);
      });

    it('rejects a malformed date as misuse', async () => {
      await expect(adapter.refer({ ...referral('test-measure-r3'),
        plannedEndDate: 'soon' })).rejects.toThrow(
        'plannedEndDate must be a date as YYYY-MM-DD, not "soon"');
    });
  });

  describe('notify', () => {
    const notice = (noticeId: string, kind: NoticeKind, date: string) => ({
      noticeId,
      measureId: 'test-measure-r1',
      kind,
      date,
    });

    it('records notices in the order they are given', async () => {
      const prolongation = await adapter.notify({
        ...notice('n-prolong-1', 'PROLONGATION', '2028-03-01'),
        details: 'real alert of 2027-06-01',
      });
      expect(prolongation).toEqual({
        id: 'n-prolong-1',
        measureId: 'test-measure-r1',
        kind: 'PROLONGATION',
        date: '2028-03-01',
        details: 'real alert of 2027-06-01',
      });
      await adapter.notify(notice('n-early-1', 'EARLY_END', '2027-12-01'));
      expect((await noticesOf('test-measure-r1')).map((n) => n.kind))
        .toEqual(['END_DATE', 'PROLONGATION', 'EARLY_END']);
    });

    it('answers the same for a retried notice, recording it once',
      async () => {
        const first = await adapter.notify(
          notice('n-grant-1', 'GRANT', '2026-12-01'));
        expect(first.details).toBeNull();
        expect(await adapter.notify(
          notice('n-grant-1', 'GRANT', '2026-12-01'))).toEqual(first);
        const ids = (await noticesOf('test-measure-r1')).map((n) => n.id);
        expect(ids.filter((id) => id === 'n-grant-1')).toHaveLength(1);
      });

    it('refuses a notice id given again with other content', async () => {
      const writing = adapter.notify(
        notice('n-grant-1', 'GRANT', '2026-12-02'));
      await expect(writing).rejects.toMatchObject(
        { code: 'NOTICE_CONFLICT' });
    });

    it('adds one RENEWAL offer on a renewed offer request (§7.12.2)',
      async () => {
        await adapter.notify(
          notice('n-renew-1', 'RENEWED_OFFER_REQUEST', '2027-08-01'));
        await adapter.notify(
          notice('n-renew-1', 'RENEWED_OFFER_REQUEST', '2027-08-01'));
        await adapter.notify(
          notice('n-renew-2', 'RENEWED_OFFER_REQUEST', '2027-08-05'));

        const [made] = await adapter.referralsByMeasureId(
          ['test-measure-r1']);
        expect(made!.offers).toEqual([
          { offeredOn: '2026-12-01', kind: 'INITIAL', accepted: null,
            answeredOn: null },
          { offeredOn: '2027-08-01', kind: 'RENEWAL', accepted: null,
            answeredOn: null },
        ]);
        expect(made!.status).toBe('RECEIVED');
      });

    it('records a renewed offer request after an accepted INITIAL offer '
      + 'without renewing it (§7.8.3, §7.12.2)', async () => {
      const made = await adapter.refer(referral('test-measure-r5'));
      await adapter.recordOfferAnswer({ referralId: made.id,
        offerKind: 'INITIAL', accepted: true, answeredOn: '2026-12-03' });

      const request = {
        noticeId: 'n-renew-r5',
        measureId: 'test-measure-r5',
        kind: 'RENEWED_OFFER_REQUEST' as const,
        date: '2027-08-01',
      };
      expect(await adapter.notify(request)).toMatchObject(
        { id: 'n-renew-r5', kind: 'RENEWED_OFFER_REQUEST' });
      expect((await noticesOf('test-measure-r5')).map((n) => n.id))
        .toEqual(['end-date-test-measure-r5', 'n-renew-r5']);

      const [after] = await adapter.referralsByMeasureId(['test-measure-r5']);
      expect(after!.offers.map((o) => [o.kind, o.accepted]))
        .toEqual([['INITIAL', true]]);
      expect(after!.status).toBe('SUPPORT_ONGOING');
    });

    it('renews the offer the person declined at first', async () => {
      const made = await adapter.refer(referral('test-measure-r6'));
      await adapter.recordOfferAnswer({ referralId: made.id,
        offerKind: 'INITIAL', accepted: false, answeredOn: '2026-12-03' });
      await adapter.notify({ noticeId: 'n-renew-r6',
        measureId: 'test-measure-r6', kind: 'RENEWED_OFFER_REQUEST',
        date: '2027-08-01' });

      const [after] = await adapter.referralsByMeasureId(['test-measure-r6']);
      expect(after!.offers).toEqual([
        { offeredOn: '2026-12-01', kind: 'INITIAL', accepted: false,
          answeredOn: '2026-12-03' },
        { offeredOn: '2027-08-01', kind: 'RENEWAL', accepted: null,
          answeredOn: null },
      ]);
      expect(after!.status).toBe('CLOSED');
    });

    it('adds one RENEWAL offer when two requests come at once', async () => {
      await adapter.refer(referral('test-measure-r4'));
      await Promise.all(['a', 'b', 'c'].map((n) => adapter.notify({
        noticeId: `n-renew-r4-${n}`,
        measureId: 'test-measure-r4',
        kind: 'RENEWED_OFFER_REQUEST',
        date: '2027-08-01',
      })));
      const [made] = await adapter.referralsByMeasureId(['test-measure-r4']);
      expect(made!.offers.map((o) => o.kind)).toEqual(['INITIAL', 'RENEWAL']);
      expect(await noticesOf('test-measure-r4')).toHaveLength(4);
    });

    it('refuses a renewed offer request before the referral', async () => {
      const writing = adapter.notify({
        noticeId: 'n-renew-x',
        measureId: 'test-measure-unreferred',
        kind: 'RENEWED_OFFER_REQUEST',
        date: '2027-08-01',
      });
      await expect(writing).rejects.toMatchObject(
        { code: 'REFERRAL_MISSING' });
      expect(await noticesOf('test-measure-unreferred')).toEqual([]);
    });

    it('rejects an unknown kind as misuse', async () => {
      await expect(adapter.notify(
        notice('n-x', 'CALL' as NoticeKind, '2027-01-01')))
        .rejects.toThrow('kind must be one of GRANT, END_DATE, '
          + 'PROLONGATION, EARLY_END, RENEWED_OFFER_REQUEST, TRANSFER, '
          + 'not "CALL"');
    });
  });

  describe('transferReferral (§7.2.3)', () => {
    const transfer = (measureId: string, arrondissementCode = 'ANT',
      transferredOn = '2027-02-01') =>
      adapter.transferReferral(
        { measureId, arrondissementCode, transferredOn });

    async function workList(code: string): Promise<string[]> {
      const [referrals] = await adapter.referralsByArrondissement([code]);
      return referrals!.map((made) => made.measureId);
    }

    it('moves the referral to the new arrondissement\'s work list, '
      + 'offers and status kept', async () => {
        const made = await adapter.refer(referral('test-measure-t1'));
        const moved = await transfer('test-measure-t1');

        expect(moved).toEqual({ ...made, arrondissementCode: 'ANT' });
        expect(await workList('ANT')).toContain('test-measure-t1');
        expect(await workList('BRU')).not.toContain('test-measure-t1');
      });

    it('tells the new service where the referral comes from', async () => {
      expect((await noticesOf('test-measure-t1')).map(
        ({ kind, date, details }) => ({ kind, date, details })))
        .toEqual([
          { kind: 'END_DATE', date: '2027-09-01', details: null },
          { kind: 'TRANSFER', date: '2027-02-01', details: 'BRU' },
        ]);
    });

    it('answers the same when called again, adding nothing', async () => {
      const [before] = await adapter.referralsByMeasureId(
        ['test-measure-t1']);
      expect(await transfer('test-measure-t1')).toEqual(before);
      expect(await noticesOf('test-measure-t1')).toHaveLength(2);
    });

    it('follows the measure back and forth, one notice per transfer',
      async () => {
        await adapter.refer(referral('test-measure-t2'));
        await transfer('test-measure-t2', 'ANT');
        await transfer('test-measure-t2', 'BRU');
        await transfer('test-measure-t2', 'ANT');

        expect(await workList('ANT')).toContain('test-measure-t2');
        expect((await noticesOf('test-measure-t2'))
          .filter((notice) => notice.kind === 'TRANSFER')
          .map((notice) => notice.details)).toEqual(['BRU', 'ANT']);
      });

    it('answers null, and changes nothing, before the referral', async () => {
      expect(await transfer('test-measure-unreferred')).toBeNull();
      expect(await noticesOf('test-measure-unreferred')).toEqual([]);
      expect(await workList('ANT')).not.toContain('test-measure-unreferred');
    });

    it('takes only the measure of that exact id', async () => {
      await adapter.refer(referral('test-measure-t3'));
      expect(await transfer('TEST-MEASURE-T3')).toBeNull();
      expect(await workList('BRU')).toContain('test-measure-t3');
    });

    it('rejects a malformed date as misuse', async () => {
      await expect(transfer('test-measure-t1', 'BRU', '2027-02-30'))
        .rejects.toThrow(TypeError);
    });
  });

  describe('batching', () => {
    it('noticesByMeasureId issues one statement for 1 key as for 20',
      async () => {
        const ids = demo.protection.measures.map((m) => m.id);
        const read = (keys: string[]) =>
          recorder.during(() => adapter.noticesByMeasureId(keys));
        expect(await read(ids.slice(0, 1))).toHaveLength(1);
        expect(await read(twentyKeys(ids))).toHaveLength(1);
      });
  });
});
