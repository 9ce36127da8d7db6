/**
 * The two views of a case that the agencies ask for in one query, through
 * the gateway with a minted token, on both databases: the magistrate's
 * evaluation view (§7.4.2, §7.6) and the intervention briefing of an
 * alert (§3, §7.11.2), the documents the gateway benchmarks load.
 */
import { BRIEFING_QUERY, EVALUATION_QUERY } from '../bench/operations';
import { DEMO } from '../storage/demo-data';
import { describeEachDatabase } from './support/databases';
import { postGraphQL, startDemoGraph } from './support/graph';

interface EvaluationAnswer {
  protectionMeasure: {
    decidedOn: string;
    evaluations: { yesCount: number }[];
    conditions: { missing: string[] } | null;
    suspect: {
      antecedentReview: {
        windowFrom: string;
        windowTo: string;
        files: { index: string; intraFamily: boolean; openedOn: string }[];
        indicators: Record<string, boolean>;
      } | null;
      bng: { holdsWeapons: boolean; noContactOrders: unknown[] } | null;
    };
    arrondissement: {
      code: string;
      deviceStock: { total: { available: number; assigned: number } };
    };
  };
}

interface BriefingAnswer {
  protectionMeasure: {
    alerts: { location: { latitude: number; fixedAt: string } | null }[];
    protectedPersons: { role: string; person: { lastName: string } }[];
    suspect: { lastName: string; bng: { holdsWeapons: boolean } | null };
    managingZone: { code: string; contact: { phone: string } | null };
  };
}

describeEachDatabase('the views of a case', (storage) => {
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;

  beforeAll(async () => {
    stack = await startDemoGraph(storage());
  }, 120_000);

  afterAll(() => stack?.cleanUp());

  it('§7.4.2: gives the magistrate the evaluation view in one query', async () => {
    const id = DEMO.measureIds.activeWithEverything;
    const token = await stack.token({
      role: 'magistrate',
      arrondissement: 'ANT',
    });
    const first = await postGraphQL<EvaluationAnswer>(
      stack.gatewayUrl,
      EVALUATION_QUERY,
      { token, variables: { id } },
    );
    const decidedOn = first.body.data?.protectionMeasure.decidedOn;
    const { body } = await postGraphQL<EvaluationAnswer>(
      stack.gatewayUrl,
      EVALUATION_QUERY,
      { token, variables: { id, decidedOn } },
    );

    expect(body.errors).toBeUndefined();
    const view = body.data?.protectionMeasure;
    if (!view) throw new Error('no view came back');
    expect(view.evaluations.length).toBeGreaterThan(0);
    expect(view.conditions?.missing).toEqual([]);
    const review = view.suspect.antecedentReview;
    expect(review?.windowTo).toBe(decidedOn);
    // §7.4.2: only the files of the 3 years that matter are in the review.
    for (const file of review?.files ?? []) {
      expect(file.openedOn >= (review?.windowFrom ?? '')).toBe(true);
      expect(
        file.intraFamily || ['60', '36', '37', '32'].includes(file.index),
      ).toBe(true);
    }
    expect(review?.indicators.weapons).toBe(true);
    expect(view.suspect.bng?.holdsWeapons).toBe(true);
    expect(view.suspect.bng?.noContactOrders.length).toBeGreaterThan(0);
    expect(view.arrondissement.code).toBe('ANT');
    expect(view.arrondissement.deviceStock.total.assigned).toBeGreaterThan(0);
  });

  it('§7.11.2: gives the police team the briefing of an alert', async () => {
    const token = await stack.token({ role: 'cic', province: 'BE-VAN' });
    const { body } = await postGraphQL<BriefingAnswer>(
      stack.gatewayUrl,
      BRIEFING_QUERY,
      { token, variables: { id: DEMO.measureIds.activeWithFalseAlert } },
    );

    expect(body.errors).toBeUndefined();
    const briefing = body.data?.protectionMeasure;
    if (!briefing) throw new Error('no briefing came back');
    const [alert] = briefing.alerts;
    expect(alert.location?.latitude).toBeGreaterThan(51);
    expect(briefing.protectedPersons[0].role).toBe('VICTIM');
    expect(briefing.suspect.lastName).toMatch(/^DEMO-/);
    expect(briefing.managingZone.code).toBe('5345');
    expect(briefing.managingZone.contact?.phone).toMatch(/^\+32/);
  });
});
