/**
 * §3, §7.11.2: the alert log live alerts will be streamed from. The 112
 * system raises an alert by measure or by the device that sent it; each
 * fact of an alert appends one event in the transaction that records
 * it, and a repeated fact appends nothing. Through the gateway, on both
 * databases.
 */
import { describeEachDatabase } from '../support/databases';
import {
  MUTATION_NAMES,
  alertLogOf,
  applyEffects,
  everyMutation,
  grantedMeasure,
  pv,
  type Caller,
  type ClientError,
  type MeasurePlace,
  type ProtectionGraph,
  startProtectionGraph,
} from './support';

const TODAY = '2026-12-10';
const ANTWERPEN: MeasurePlace = { zone: '5345', arrondissement: 'ANT' };
const BRUXELLES: MeasurePlace = { zone: '5339', arrondissement: 'BRU' };
const RAISED_AT = `${TODAY}T08:40:00Z`;

const FIX = {
  latitude: 51.2172, longitude: 4.4211, accuracyMeters: 8.5,
  confidencePercent: 68, method: 'GNSS', fixedAt: `${TODAY}T08:40:30Z`,
};

const RAISE_FROM_DEVICE = /* GraphQL */ `
  mutation ($input: RaiseAlertFromDeviceInput!) {
    raiseAlertFromDevice(input: $input) { id status }
  }
`;

describeEachDatabase('§3 the alert log', (storage) => {
  let graph: ProtectionGraph;
  let app112: Caller;
  let measureId: string;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    graph.clock.setDay(TODAY);
    app112 = graph.caller({ role: 'app112' });
    measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
  }, 120_000);

  afterAll(() => graph?.stack.cleanUp());

  function raiseFromDevice(caller: Caller, input: Record<string, unknown>) {
    return caller.data<{ raiseAlertFromDevice: { id: string } }>(
      RAISE_FROM_DEVICE, { input });
  }

  function refusedFromDevice(
    caller: Caller,
    input: Record<string, unknown>,
  ): Promise<ClientError> {
    return caller.error(RAISE_FROM_DEVICE, { input });
  }

  async function kindsOf(alertId: string): Promise<string[]> {
    const log = await alertLogOf(graph, measureId);
    return log.filter((event) => event.alertId === alertId)
      .map((event) => event.kind);
  }

  async function assignedSerial(id: string): Promise<string> {
    const { devices } = await graph.police(ANTWERPEN.zone).measure(id);
    const assigned = devices.find((device) => device.status === 'ASSIGNED');
    if (!assigned) throw new Error(`Measure ${id} has no assigned device`);
    return assigned.serial;
  }

  it('§3: the 112 system raises an alert on any measure, once per id',
    async () => {
      const alert = { measureId, alertId: 'by-measure', raisedAt: RAISED_AT };
      await app112.mutate('recordAlert', alert);
      await app112.mutate('recordAlert', alert);

      const measure = await graph.police(ANTWERPEN.zone).measure(measureId);
      expect(measure.alerts.filter((a) => a.id === 'by-measure'))
        .toHaveLength(1);
      expect(measure.journal.filter((entry) => entry.action === 'ALERT'))
        .toEqual([{ action: 'ALERT', actorRole: 'app112' }]);
      expect(await kindsOf('by-measure')).toEqual(['RAISED']);
    });

  it('§3: the log names the alert and the instant, and nothing personal',
    async () => {
      const [event] = (await alertLogOf(graph, measureId))
        .filter((e) => e.alertId === 'by-measure');
      expect(event).toEqual({
        sequence: expect.any(Number),
        measureId,
        alertId: 'by-measure',
        kind: 'RAISED',
        at: new Date(graph.clock.now()).toISOString(),
      });
    });

  it('§3: the 112 system raises an alert by the serial of the assigned '
    + 'device, once per id', async () => {
      const serial = await assignedSerial(measureId);
      const alert = { serial, alertId: 'by-device', raisedAt: RAISED_AT,
        location: FIX };

      const first = await raiseFromDevice(app112, alert);
      await raiseFromDevice(app112, alert);

      expect(first.raiseAlertFromDevice.id).toBe(measureId);
      const measure = await graph.police(ANTWERPEN.zone).measure(measureId);
      expect(measure.alerts.filter((a) => a.id === 'by-device'))
        .toHaveLength(1);
      expect(await kindsOf('by-device')).toEqual(['RAISED']);
    });

  it('§3: the CIC of the province raises by device too, another '
    + 'province\'s CIC may not', async () => {
      const serial = await assignedSerial(measureId);
      await raiseFromDevice(graph.cic('BE-VAN'),
        { serial, alertId: 'cic-device', raisedAt: RAISED_AT });
      expect(await kindsOf('cic-device')).toEqual(['RAISED']);

      const error = await refusedFromDevice(graph.cic('BE-BRU'),
        { serial, alertId: 'elsewhere', raisedAt: RAISED_AT });
      expect(error.code).toBe('FORBIDDEN');
      expect(await kindsOf('elsewhere')).toEqual([]);
    });

  it('§3: the police may not raise by device', async () => {
    const serial = await assignedSerial(measureId);
    const error = await refusedFromDevice(graph.police(ANTWERPEN.zone),
      { serial, alertId: 'police-device', raisedAt: RAISED_AT });
    expect(error.code).toBe('FORBIDDEN');
  });

  it('§3: an unknown serial is NOT_FOUND', async () => {
    const error = await refusedFromDevice(app112,
      { serial: 'NO-SUCH-DEVICE', alertId: 'lost', raisedAt: RAISED_AT });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.extensions.field).toBe('serial');
  });

  it('§3: a device no longer assigned is INVALID_INPUT', async () => {
    const ended = await grantedMeasure(graph, BRUXELLES, TODAY);
    const serial = await graph.police(BRUXELLES.zone).measure(ended)
      .then((measure) => measure.devices[0].serial);
    const magistrate = graph.magistrate(BRUXELLES.arrondissement);
    await magistrate.mutate('endProtectionEarly', {
      measureId: ended, decidedOn: TODAY, reason: 'PERSON_REQUEST',
      pvReference: pv(BRUXELLES.zone, TODAY),
    });
    await graph.police(BRUXELLES.zone).mutate('recordDeviceReturn', {
      measureId: ended, returnedOn: TODAY,
      pvReference: pv(BRUXELLES.zone, TODAY),
    });
    await applyEffects(graph);

    const error = await refusedFromDevice(app112,
      { serial, alertId: 'returned', raisedAt: RAISED_AT });
    expect(error.code).toBe('INVALID_INPUT');
    expect(await alertLogOf(graph, ended)).toEqual([]);
  });

  it('§3, §7.11.2: each later fact appends its own event, a repeated one '
    + 'none', async () => {
      const alert = { measureId, alertId: 'facts' };
      const police = graph.police(ANTWERPEN.zone);
      await app112.mutate('recordAlert', { ...alert, raisedAt: RAISED_AT });
      await app112.mutate('recordAlertLocation', { ...alert, location: FIX });
      await app112.mutate('recordAlertLocation', { ...alert, location: FIX });
      await police.mutate('recordPoliceArrival',
        { ...alert, arrivedAt: `${TODAY}T08:52:00Z` });
      await police.mutate('classifyAlert', {
        ...alert, classification: 'FALSE',
        classifiedAt: `${TODAY}T08:58:00Z`,
        pvReference: pv(ANTWERPEN.zone, TODAY),
      });

      expect(await kindsOf('facts')).toEqual(
        ['RAISED', 'LOCATION_UPDATED', 'POLICE_ARRIVED', 'CLASSIFIED']);
    });

  it('§3: the log\'s sequence increases strictly', async () => {
    const sequences = (await alertLogOf(graph, measureId))
      .map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('§3: the 112 system gets FORBIDDEN on every other change', async () => {
    const allowed = ['recordAlert', 'recordAlertLocation'];
    const others = MUTATION_NAMES.filter((name) => !allowed.includes(name));
    const inputs = everyMutation(measureId, TODAY,
      { zone: ANTWERPEN.zone, otherZone: BRUXELLES.zone });
    const police = graph.police(ANTWERPEN.zone);
    const before = await police.measure(measureId);

    const answered = [];
    for (const name of others) {
      const error = await app112.refused(name, inputs[name]);
      answered.push([name, error.code]);
    }

    expect(answered).toEqual(others.map((name) => [name, 'FORBIDDEN']));
    expect(await police.measure(measureId)).toEqual(before);
  });

  it('§3: the 112 system may not read a measure, not even its alerts',
    async () => {
      const error = await app112.error(
        'query ($id: ID!) { protectionMeasure(id: $id) { id alerts { id } } }',
        { id: measureId });
      expect(error).toMatchObject({
        code: 'FORBIDDEN',
        message: 'Query.protectionMeasure is for police, cic, magistrate, '
          + 'victim-support; this caller is app112.',
      });
    });
});
