/**
 * One pure function per mutation of the protection schema, each
 * `(aggregate, input, context) => Change` (a new measure takes its ids
 * instead of an aggregate; a grant also takes the victim's record).
 */
export type { Change, CommandContext } from '../lifecycle';
export type { PersonInput } from '../validate';
export {
  requestProtection,
  type NewMeasureIds,
  type RequestProtectionInput,
} from './request';
export {
  recordConditions,
  recordEvaluation,
  type RecordConditionsInput,
  type RecordEvaluationInput,
} from './hearing';
export {
  reconsiderRequest,
  refuseProtection,
  type ReconsiderRequestInput,
  type RefuseProtectionInput,
} from './decision';
export {
  grantProtection,
  recordDeviceActivation,
  type GrantProtectionInput,
  type ProtectedPersonInput,
  type RecordDeviceActivationInput,
} from './grant';
export { recordRevisit, type RecordRevisitInput } from './revisits';
export {
  announceTravel,
  forwardTravelNotice,
  type AnnounceTravelInput,
  type ForwardTravelNoticeInput,
} from './travel';
export {
  classifyAlert,
  closeAlertCall,
  recordAlert,
  recordAlertLocation,
  recordPoliceArrival,
  type ClassifyAlertInput,
  type CloseAlertCallInput,
  type RecordAlertInput,
  type RecordAlertLocationInput,
  type RecordPoliceArrivalInput,
} from './alerts';
export {
  decideReEvaluation,
  recordNewFacts,
  type DecideReEvaluationInput,
  type RecordNewFactsInput,
} from './prolongation';
export {
  acknowledgeTransfer,
  recordMove,
  type AcknowledgeTransferInput,
  type RecordMoveInput,
} from './move';
export {
  endProtectionEarly,
  expire,
  recordDeviceReturn,
  requestRenewedOffer,
  type EarlyEndReason,
  type EndProtectionEarlyInput,
  type ExpireInput,
  type RecordDeviceReturnInput,
  type RequestRenewedOfferInput,
} from './end';
