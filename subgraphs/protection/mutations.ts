/**
 * The changes to a measure, one mutation each. A mutation names who may
 * make it (§7.2: the managing zone and the residence's parquet), then
 * hands its input to the matching domain command through the service.
 */
import { GraphQLError } from 'graphql';
import type { MeasureAggregate } from '../../adapters/protection/aggregate';
import { forbidden } from '../../runtime/errors';
import type { Role } from '../../runtime/identity';
import { parseNationalNumber } from '../../runtime/subgraph';
import type { ProtectionContext } from './context';
import * as domain from './domain';
import type {
  MutationResolvers,
  RequestOrigin,
  RequestProtectionInput,
} from './generated/graphql';
import { checkedConfidentialContact } from './confidential';
import type { Command } from './service';

const POLICE: readonly Role[] = ['police'];
const MAGISTRATE: readonly Role[] = ['magistrate'];
const POLICE_OR_MAGISTRATE: readonly Role[] = ['police', 'magistrate'];
const ALERT_HANDLERS: readonly Role[] = ['police', 'cic'];
/**
 * §3: the 112 system raises alerts, sends the app's position fixes and
 * says when the call ended, for any measure (see checkPermission); the
 * rest of an alert's paperwork stays with the police and the CIC.
 */
const ALERT_RAISERS: readonly Role[] = [...ALERT_HANDLERS, 'app112'];
/** §3: who takes a device's alarm call and may name it by serial. */
const DEVICE_ALERT_RAISERS: readonly Role[] = ['app112', 'cic'];

/** Applies a command to the measure named in the input. */
function change<I extends { measureId: string }>(
  roles: readonly Role[],
  command: (
    aggregate: MeasureAggregate,
    input: Omit<I, 'measureId'>,
    context: domain.CommandContext,
  ) => domain.Change,
  options: { newParquet?: boolean } = {},
) {
  return (_: unknown, { input }: { input: I }, context: ProtectionContext) => {
    const { measureId, ...rest } = input;
    const bound: Command = (aggregate, commandContext) =>
      command(aggregate, rest, commandContext);
    return context.service.change(
      context.identity,
      measureId,
      { roles, newParquet: options.newParquet },
      bound,
    );
  };
}

/**
 * §3: the measure an alarm device answers for, from the device
 * inventory. Only an ASSIGNED device has one; a device in stock, in
 * repair, lost or returned raises no alert on any measure.
 */
async function measureOfDevice(
  context: ProtectionContext,
  serial: string,
): Promise<string> {
  const device = await context.loaders.device.load(serial);
  if (!device) {
    throw new GraphQLError(`There is no device ${serial}.`, {
      extensions: { code: 'NOT_FOUND', field: 'serial' },
    });
  }
  if (device.status !== 'ASSIGNED' || device.measureId === null) {
    throw new GraphQLError(
      `Device ${serial} is ${device.status}, not assigned to a measure (§3).`,
      { extensions: { code: 'INVALID_INPUT', field: 'serial' } },
    );
  }
  return device.measureId;
}

/** National numbers in a person's input are checked before anything. */
function checkedPerson<P extends { nationalNumber: string }>(
  person: P,
  argument: string,
): P {
  return {
    ...person,
    nationalNumber: parseNationalNumber(person.nationalNumber, argument),
  };
}

/**
 * §7.3: a request names who asked; a caller may speak only for its own
 * organisation. The residence police and the residence parquet are
 * checked against the residence; another zone or parquet against the
 * requester named in the input. A person's, a third party's or the
 * judge's request may be recorded by any police zone or parquet.
 */
function checkRequester(
  context: ProtectionContext,
  input: RequestProtectionInput,
): void {
  const { identity, territory } = context;
  const residence = territory.zone(input.residenceZoneCode);
  const own = (claim: string | undefined, code: string | null | undefined) =>
    claim !== undefined && claim === code;
  const speaksFor: Partial<Record<RequestOrigin, boolean>> = {
    RESIDENCE_POLICE: own(identity.zone, input.residenceZoneCode),
    OTHER_POLICE_ZONE: own(identity.zone, input.requesterZoneCode),
    PARQUET: own(identity.arrondissement, residence?.arrondissementCode),
    OTHER_PARQUET: own(
      identity.arrondissement,
      input.requesterArrondissementCode,
    ),
  };
  if (speaksFor[input.origin] === false) {
    throw forbidden(
      `A ${identity.role} token may not file a request as ${input.origin} for another organisation (§7.3).`,
    );
  }
}

export const mutations: MutationResolvers = {
  requestProtection: (_, { input }, context) => {
    checkRequester(context, input);
    const checked = {
      ...input,
      victim: checkedPerson(input.victim, 'victim.nationalNumber'),
      suspect: checkedPerson(input.suspect, 'suspect.nationalNumber'),
    };
    return context.service.create(
      context.identity,
      { roles: POLICE_OR_MAGISTRATE },
      (commandContext, ids) =>
        domain.requestProtection(checked, commandContext, ids),
    );
  },

  recordEvaluation: change(POLICE_OR_MAGISTRATE, domain.recordEvaluation),
  recordConditions: change(POLICE_OR_MAGISTRATE, domain.recordConditions),
  refuseProtection: change(MAGISTRATE, domain.refuseProtection),
  reconsiderRequest: change(POLICE_OR_MAGISTRATE, domain.reconsiderRequest),

  grantProtection: (_, { input }, context) => {
    const { measureId, ...rest } = input;
    const others = (rest.otherProtectedPersons ?? []).map((other, index) => ({
      ...other,
      person: checkedPerson(
        other.person,
        `otherProtectedPersons[${index}].person.nationalNumber`,
      ),
    }));
    return context.service.change(
      context.identity,
      measureId,
      { roles: MAGISTRATE },
      (aggregate, commandContext, victim) =>
        domain.grantProtection(
          aggregate,
          { ...rest, otherProtectedPersons: others },
          commandContext,
          victim,
        ),
    );
  },

  recordDeviceActivation: change(POLICE, domain.recordDeviceActivation),
  recordRevisit: change(POLICE, domain.recordRevisit),
  announceTravel: change(POLICE, domain.announceTravel),
  forwardTravelNotice: change(POLICE, domain.forwardTravelNotice),
  recordAlert: change(ALERT_RAISERS, domain.recordAlert),

  raiseAlertFromDevice: async (_, { input }, context) => {
    // The schema's rule has judged the role before this runs: a caller
    // who may not raise learns nothing of the inventory. The measure's
    // own check follows in the service.
    const { serial, ...alert } = input;
    const measureId = await measureOfDevice(context, serial);
    return context.service.change(
      context.identity,
      measureId,
      { roles: DEVICE_ALERT_RAISERS },
      (aggregate, commandContext) =>
        domain.recordAlert(aggregate, alert, commandContext),
    );
  },

  classifyAlert: change(ALERT_HANDLERS, domain.classifyAlert),
  recordPoliceArrival: change(ALERT_HANDLERS, domain.recordPoliceArrival),
  recordAlertLocation: change(ALERT_RAISERS, domain.recordAlertLocation),
  closeAlertCall: change(ALERT_RAISERS, domain.closeAlertCall),
  recordNewFacts: change(POLICE_OR_MAGISTRATE, domain.recordNewFacts),
  decideReEvaluation: change(MAGISTRATE, domain.decideReEvaluation),
  recordMove: change(POLICE, domain.recordMove),
  acknowledgeTransfer: change(MAGISTRATE, domain.acknowledgeTransfer, {
    newParquet: true,
  }),
  endProtectionEarly: change(MAGISTRATE, domain.endProtectionEarly),
  recordDeviceReturn: change(POLICE, domain.recordDeviceReturn),
  requestRenewedOffer: change(MAGISTRATE, domain.requestRenewedOffer),

  // §7.8.5: the police store the contact; the parquet may record it too.
  // The schema's rule has judged the role before this runs: a caller who
  // may not record learns nothing of what the input lacks. The measure's
  // own check follows in the service.
  recordConfidentialContact: (_, { input }, context) => {
    return context.service.recordConfidentialContact(context.identity,
      input.measureId, { roles: POLICE_OR_MAGISTRATE },
      checkedConfidentialContact(input));
  },
};
