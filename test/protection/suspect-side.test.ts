/**
 * §7.8.4: the suspect is not told of the alarm. From the suspect's side
 * the graph shows no measure he is the suspect in: his Person lists only
 * the measures that protect him, the BNG holds no alarm mention for him,
 * and he cannot be made a protected person of his own measure.
 */
import { describeEachDatabase } from '../support/databases';
import {
  applyEffects,
  conditionsInput,
  evaluationInput,
  grantInput,
  newPerson,
  requestInput,
  startProtectionGraph,
  type MeasurePlace,
  type PersonInput,
  type ProtectionGraph,
} from './support';

const ANTWERPEN: MeasurePlace = { zone: '5345', arrondissement: 'ANT' };
const DAY = '2026-12-01';

const PERSON = /* GraphQL */ `
  query Person($n: ID!) {
    person(nationalNumber: $n) {
      protections { id }
      bng { alarmMention { measureId } noContactOrders { measureId } }
    }
  }
`;

interface PersonView {
  protections: { id: string }[];
  bng: {
    alarmMention: { measureId: string } | null;
    noContactOrders: { measureId: string }[];
  };
}

describeEachDatabase('§7.8.4 the suspect\'s side', (storage) => {
  let graph: ProtectionGraph;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    graph.clock.set(`${DAY}T09:00:00Z`);
  }, 120_000);

  afterAll(() => graph?.stack.cleanUp());

  /** A measure granted on DAY, its effects applied. */
  async function granted(victim: PersonInput, suspect: PersonInput) {
    const police = graph.police(ANTWERPEN.zone);
    const { id } = await police.mutate('requestProtection',
      requestInput(ANTWERPEN.zone, DAY, { victim, suspect }));
    await police.mutate('recordEvaluation', evaluationInput(id, DAY));
    await police.mutate('recordConditions', conditionsInput(id, DAY));
    await graph.magistrate(ANTWERPEN.arrondissement)
      .mutate('grantProtection', grantInput(id, DAY));
    await applyEffects(graph);
    return id;
  }

  async function personOf(person: PersonInput): Promise<PersonView> {
    const data = await graph.police(ANTWERPEN.zone).data<{
      person: PersonView;
    }>(PERSON, { n: person.nationalNumber });
    return data.person;
  }

  it('the suspect\'s Person lists no measure and has no alarm mention',
    async () => {
      const victim = newPerson('1991-05-05', 'FEMALE');
      const suspect = newPerson('1985-06-06', 'MALE');
      const id = await granted(victim, suspect);

      const seen = await personOf(suspect);
      expect(seen.protections).toEqual([]);
      expect(seen.bng.alarmMention).toBeNull();
      // The order the police check binds him; its measure id is opaque.
      expect(seen.bng.noContactOrders).toEqual([{ measureId: id }]);

      expect(await personOf(victim)).toMatchObject({
        protections: [{ id }],
        bng: { alarmMention: { measureId: id }, noContactOrders: [] },
      });
    });

  it('a suspect protected by another measure sees that one only',
    async () => {
      const first = newPerson('1991-07-07', 'FEMALE');
      const second = newPerson('1984-08-08', 'MALE');
      const againstSecond = await granted(first, second);
      const againstFirst = await granted(second, first);

      expect((await personOf(second)).protections)
        .toEqual([{ id: againstFirst }]);
      expect((await personOf(first)).protections)
        .toEqual([{ id: againstSecond }]);
    });

  it('refuses the suspect as a protected person of his own measure',
    async () => {
      const suspect = newPerson('1983-09-09', 'MALE');
      const police = graph.police(ANTWERPEN.zone);
      const { id } = await police.mutate('requestProtection',
        requestInput(ANTWERPEN.zone, DAY, { suspect }));
      await police.mutate('recordEvaluation', evaluationInput(id, DAY));
      await police.mutate('recordConditions', conditionsInput(id, DAY));
      const refused = await graph.magistrate(ANTWERPEN.arrondissement)
        .refused('grantProtection', grantInput(id, DAY, {
          otherProtectedPersons: [{
            person: suspect, role: 'RELATIVE', agreementSigned: true,
          }],
        }));
      expect(refused.code).toBe('INVALID_INPUT');
      expect((await personOf(suspect)).protections).toEqual([]);
    });
});
