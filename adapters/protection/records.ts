/**
 * Between the two shapes of a measure: the aggregate's nested state
 * (aggregate.ts), which the domain works on, and the flat records of the
 * read port (types.ts), one per row. The SQL store and the demo data
 * both go through here, so the two shapes cannot drift apart.
 */
import type {
  MeasureAggregate,
  MeasureState,
  ProtectedPersonState,
} from './aggregate';
import type { MeasureRecord, ProtectedPersonRecord } from './types';

export function measureRecordOf(state: MeasureState): MeasureRecord {
  const { requester, refusal, pendingTransfer: transfer } = state;
  return {
    id: state.id,
    reference: state.reference,
    status: state.status,
    relationship: state.relationship,
    arrondissementCode: state.arrondissementCode,
    managingZoneCode: state.managingZoneCode,
    requestOrigin: requester.origin,
    requestedOn: state.requestedOn,
    decidedOn: state.decidedOn,
    startDate: state.startDate,
    endDate: state.endDate,
    endedOn: state.endedOn,
    endReason: state.endReason,
    suspectNationalNumber: state.suspectNationalNumber,
    version: state.version,
    pvReference: state.pvReference,
    requesterZoneCode: requester.zoneCode,
    requesterArrondissementCode: requester.arrondissementCode,
    requesterDescription: requester.description,
    underInvestigation: state.underInvestigation,
    investigatingJudgeInformedOn: state.investigatingJudgeInformedOn,
    deviceActivatedOn: state.deviceActivatedOn,
    devicesReturnedOn: state.devicesReturnedOn,
    refusalDecidedOn: refusal?.decidedOn ?? null,
    refusalReasons: refusal?.reasons ?? null,
    refusalThirdPartyInformed: refusal?.thirdPartyInformed ?? null,
    refusalPvReference: refusal?.pvReference ?? null,
    transferToZoneCode: transfer?.toZoneCode ?? null,
    transferToArrondissementCode: transfer?.toArrondissementCode ?? null,
    transferRequestedOn: transfer?.requestedOn ?? null,
  };
}

/**
 * The refusal and the pending transfer are whole or absent: a row with
 * only some of their columns set is read as without them.
 */
export function measureStateOf(record: MeasureRecord): MeasureState {
  return {
    id: record.id,
    reference: record.reference,
    status: record.status,
    version: record.version,
    relationship: record.relationship,
    arrondissementCode: record.arrondissementCode,
    managingZoneCode: record.managingZoneCode,
    requester: {
      origin: record.requestOrigin,
      zoneCode: record.requesterZoneCode,
      arrondissementCode: record.requesterArrondissementCode,
      description: record.requesterDescription,
    },
    pvReference: record.pvReference,
    requestedOn: record.requestedOn,
    decidedOn: record.decidedOn,
    startDate: record.startDate,
    endDate: record.endDate,
    endedOn: record.endedOn,
    endReason: record.endReason,
    suspectNationalNumber: record.suspectNationalNumber,
    underInvestigation: record.underInvestigation,
    investigatingJudgeInformedOn: record.investigatingJudgeInformedOn,
    deviceActivatedOn: record.deviceActivatedOn,
    devicesReturnedOn: record.devicesReturnedOn,
    refusal: refusalOf(record),
    pendingTransfer: transferOf(record),
  };
}

function refusalOf(record: MeasureRecord): MeasureState['refusal'] {
  const { refusalDecidedOn, refusalReasons, refusalPvReference } = record;
  if (refusalDecidedOn === null || refusalReasons === null
    || refusalPvReference === null) {
    return null;
  }
  return {
    decidedOn: refusalDecidedOn,
    reasons: refusalReasons,
    thirdPartyInformed: record.refusalThirdPartyInformed,
    pvReference: refusalPvReference,
  };
}

function transferOf(record: MeasureRecord): MeasureState['pendingTransfer'] {
  const {
    transferToZoneCode,
    transferToArrondissementCode,
    transferRequestedOn,
  } = record;
  if (transferToZoneCode === null || transferToArrondissementCode === null
    || transferRequestedOn === null) {
    return null;
  }
  return {
    toZoneCode: transferToZoneCode,
    toArrondissementCode: transferToArrondissementCode,
    requestedOn: transferRequestedOn,
  };
}

export function protectedPersonRecordsOf(
  aggregate: MeasureAggregate,
): ProtectedPersonRecord[] {
  return aggregate.protectedPersons.map((person) => ({
    measureId: aggregate.measure.id,
    ...person,
  }));
}

export function protectedPersonStateOf(
  record: ProtectedPersonRecord,
): ProtectedPersonState {
  return {
    nationalNumber: record.nationalNumber,
    role: record.role,
    discernmentRecorded: record.discernmentRecorded,
    agreementSigned: record.agreementSigned,
  };
}
