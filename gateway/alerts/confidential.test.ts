import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { ALERT_EVENTS_SUBSCRIPTION } from '../../scripts/alerts-view';
import { DEFAULT_LIMITS } from '../limits';
import { neverStreamedRule } from './confidential';
import { alertOperationOf } from './operation';

const SUPERGRAPH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');
const schema = buildSchema(readFileSync(SUPERGRAPH, 'utf8'));

function refusalsOf(source: string) {
  return validate(schema, parse(source), [neverStreamedRule])
    .map((error) => [error.extensions.code, error.message.split(' ')[0]]);
}

describe('§7.8.5: what an alert event never carries', () => {
  it('refuses the confidential contact selected in the event', () => {
    expect(refusalsOf(`subscription {
      alertEvents { measure { protectedPersons {
        confidentialContact { phone }
      } } }
    }`)).toEqual([['FORBIDDEN', 'ProtectedPerson.confidentialContact']]);
  });

  it('refuses it through fragments and under an alias', () => {
    expect(refusalsOf(`subscription {
      alertEvents { measure { ...Persons } }
    }
    fragment Persons on ProtectionMeasure {
      protectedPersons { ... on ProtectedPerson { home: confidentialContact {
        address { street }
      } } }
    }`)).toEqual([['FORBIDDEN', 'ProtectedPerson.confidentialContact']]);
  });

  it('refuses it reached from the suspect\'s own measures too', () => {
    expect(refusalsOf(`subscription {
      alertEvents { measure { suspect { protections { protectedPersons {
        confidentialContact { email }
      } } } } }
    }`)).toHaveLength(1);
  });

  it('lets the dispatcher\'s briefing through (scripts/alerts-view)', () => {
    expect(refusalsOf(ALERT_EVENTS_SUBSCRIPTION)).toEqual([]);
  });

  it('is one of the checks a subscription must pass', () => {
    const refused = alertOperationOf(schema, parse(`subscription {
      alertEvents { measure { protectedPersons {
        confidentialContact { phone }
      } } }
    }`), { limits: DEFAULT_LIMITS });
    expect(refused).toEqual([expect.objectContaining({
      extensions: { code: 'FORBIDDEN' },
    })]);
  });
});
