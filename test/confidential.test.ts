/**
 * §7.8.5: a protected person's confidential address and contacts never
 * leave their table but for their readers. Through a whole flow (the
 * contact recorded, read, refused; an alert raised, located, classified
 * real, which prolongs the measure; the effects applied to the other
 * systems), the address, the phone and the e-mail appear in no alert
 * event, whoever subscribes, in no journal entry, in no effect sent to
 * another system, in no MaCH comment, and in no log line of any process.
 */
import { SqlProtectionAdapter } from '../adapters/protection';
import { ALERT_EVENTS_SUBSCRIPTION } from '../scripts/alerts-view';
import { DEMO } from '../storage/demo-data';
import {
  DEMO_MANAGING_ZONE,
  DEMO_MEASURE,
  TODAY,
  at,
  inIxelles,
  send,
  subscribeLive,
  waitForFact,
} from './alerts/support';
import {
  applyEffects,
  startProtectionGraph,
  type Caller,
  type ProtectionGraph,
} from './protection/support';
import { sqliteDatabase } from './support/databases';
import { recordLogs } from './support/servers';
import {
  subscribeAlerts,
  type AlertSubscriber,
} from './support/subscriber';
import { waitFor } from './support/wait';

/** What is recorded, as typed: every piece of it must stay put. */
const TYPED = {
  address: {
    street: 'Rue Confidentielle', number: '77', box: 'Z9',
    postalCode: '2845', municipality: 'Niel',
  },
  phone: '+32 470 99 88 77',
  email: 'hidden.person@example.be',
  knownToSuspect: false,
};

/** The pieces as typed and as kept, none of which may leak. */
const SECRETS = [
  'Confidentielle', 'Niel"', '2845', '470 99 88 77', '470998877',
  'hidden.person',
];

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordConfidentialContactInput!) {
    recordConfidentialContact(input: $input) { id }
  }
`;

const CONTACT = /* GraphQL */ `
  query Contact($id: ID!) {
    protectionMeasure(id: $id) {
      protectedPersons { confidentialContact { address { street } phone } }
    }
  }
`;

/** A board that asks the event for the contact, as a careless client. */
const PRYING = /* GraphQL */ `
  subscription Prying {
    alertEvents {
      sequence
      measure { protectedPersons { confidentialContact { phone } } }
    }
  }
`;

function expectNoSecret(what: string, text: string): void {
  for (const secret of SECRETS) {
    if (text.includes(secret)) {
      throw new Error(`${what} holds the confidential ${secret}`);
    }
  }
}

describe('§7.8.5 a confidential contact never elsewhere', () => {
  const database = sqliteDatabase();
  const logs = recordLogs('graph');
  let graph: ProtectionGraph;
  let police: Caller;
  let victim: string;
  const boards: AlertSubscriber[] = [];

  beforeAll(async () => {
    graph = await startProtectionGraph(await database.create(),
      { logger: logs.logger });
    graph.clock.setDay(TODAY);
    police = graph.police(DEMO_MANAGING_ZONE);
    const measure = await police.measure(DEMO_MEASURE);
    victim = measure.protectedPersons[0].person.nationalNumber;
  }, 120_000);

  afterAll(async () => {
    for (const board of boards) await board.dispose();
    await graph?.stack.cleanUp();
    await database.drop();
  });

  async function board(claims: Parameters<ProtectionGraph['caller']>[0]) {
    const token = await graph.stack.token(claims);
    const subscriber = await subscribeLive(graph.stack.gateway, token,
      ALERT_EVENTS_SUBSCRIPTION);
    boards.push(subscriber);
    return subscriber;
  }

  it('is recorded and read by the managing zone', async () => {
    await police.data(RECORD,
      { input: { measureId: DEMO_MEASURE, nationalNumber: victim, ...TYPED } });
    const refused = await police.error(RECORD, { input: {
      measureId: DEMO_MEASURE, nationalNumber: victim, ...TYPED,
      phone: '0470 99 88 77',
    } });
    expect(refused.code).toBe('BAD_USER_INPUT');
    const read = await police.data<{ protectionMeasure: unknown }>(CONTACT,
      { id: DEMO_MEASURE });
    expect(JSON.stringify(read)).toContain('Rue Confidentielle');
  });

  it('a subscription asking for it is refused, the managing zone\'s too',
    async () => {
      for (const claims of [
        { role: 'cic' as const, province: 'BE-BRU' },
        { role: 'police' as const, zone: DEMO_MANAGING_ZONE },
      ]) {
        const token = await graph.stack.token(claims);
        const prying = await subscribeAlerts(graph.stack.gatewayUrl, token,
          PRYING);
        await waitFor('the refusal', () => prying.failure !== null);
        expect(prying.failure).toEqual([expect.objectContaining({
          extensions: { code: 'FORBIDDEN' },
        })]);
        await prying.dispose();
      }
    });

  it('is in no alert event: the briefing of the CIC, the intervention '
    + 'zone and the managing zone', async () => {
    const subscribers = [
      await board({ role: 'cic', province: 'BE-BRU' }),
      await board({ role: 'police', zone: '5339' }),
      await board({ role: 'police', zone: DEMO_MANAGING_ZONE }),
    ];
    const app112 = graph.caller({ role: 'app112' });
    await send(app112, 'raiseAlertFromDevice', {
      serial: DEMO.serials.buttonOfActiveWithEverything,
      alertId: 'confidential-1',
      raisedAt: at(TODAY, '08:40:00'),
      location: inIxelles(at(TODAY, '08:39:50')),
    });
    await send(app112, 'recordAlertLocation', {
      measureId: DEMO_MEASURE, alertId: 'confidential-1',
      location: inIxelles(at(TODAY, '08:40:20')),
    });
    for (const subscriber of subscribers) {
      await waitForFact(subscriber, 'confidential-1 LOCATION_UPDATED');
      const events = JSON.stringify(subscriber.answers);
      expect(events).toContain(victim);
      expectNoSecret('an alert event', events);
    }
  });

  it('is in no journal entry, no effect and no MaCH comment', async () => {
    graph.clock.set(at(TODAY, '09:00:00'));
    await police.mutate('classifyAlert', {
      measureId: DEMO_MEASURE, alertId: 'confidential-1',
      classification: 'REAL', classifiedAt: at(TODAY, '08:55:00'),
      pvReference: 'PV/5347/2026/009999',
    });
    await applyEffects(graph);
    const { adapter } = graph.stack.subgraphs.protection;
    if (!(adapter instanceof SqlProtectionAdapter)) {
      throw new Error('The protection subgraph is not on its SQL store');
    }
    const [journal] = await adapter.journalByMeasureId([DEMO_MEASURE]);
    const [effects] = await adapter.effectsByMeasureId([DEMO_MEASURE]);
    expect(effects.some((effect) => effect.createdAt.startsWith(TODAY)))
      .toBe(true);
    expectNoSecret('the journal', JSON.stringify(journal));
    expectNoSecret('the effects', JSON.stringify(effects));
    const measure = await police.measure(DEMO_MEASURE);
    expectNoSecret('the measure as every system shows it',
      JSON.stringify(measure));
  });

  // Last: it reads every line the flow above left.
  it('is in no log line of any process', () => {
    const lines = logs.text();
    expect(lines.length).toBeGreaterThan(0);
    expectNoSecret('the logs', lines.join('\n'));
  });
});
