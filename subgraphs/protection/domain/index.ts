/**
 * The protection domain: the life of a stalking-alarm measure under
 * COL 03/2023, as pure functions from one aggregate to the next. No I/O,
 * no GraphQL: the caller loads the aggregate, runs a command with a
 * `CommandContext`, and saves the `Change` with its journal entry and
 * effects in one transaction.
 */
export * from './clock';
export * from './rules';
export * from './territory';
export * from './errors';
export * from './location';
export {
  COMMANDS,
  isNoOp,
  lifecycleOf,
  type CommandName,
  type GrantPeriod,
  type JournalAction,
  type LifecycleIn,
  type MeasureLifecycle,
} from './lifecycle';
export type {
  AlarmMentionPayload,
  DeviceAssignmentPayload,
  DeviceReturnPayload,
  EffectOf,
  EffectPayloads,
  GrantRegistrationPayload,
  MachCommentKind,
  MachCommentPayload,
  NoContactOrderPayload,
  ReferralPayload,
  TypedEffect,
  VictimSupportNoticeKind,
  VictimSupportNoticePayload,
} from './effects';
export * from './views';
export * from './entitlement';
export * from './confidential';
export * from './commands';
