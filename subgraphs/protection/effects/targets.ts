/**
 * The writes of the other agency systems that the effects call: each
 * effect's payload is the input of one of them (see apply.ts). Any
 * adapter of those systems fits, the SQL ones included.
 */
import type { BngAdapter } from '../../../adapters/bng/types';
import type { DevicesAdapter } from '../../../adapters/devices/types';
import type { MachAdapter } from '../../../adapters/mach/types';
import type {
  VictimSupportAdapter,
} from '../../../adapters/victim-support/types';

export interface EffectTargets {
  bng: Pick<BngAdapter, 'upsertAlarmMention' | 'upsertNoContactOrder'>;
  mach: Pick<MachAdapter, 'setRegistrationComment'>;
  devices: Pick<
    DevicesAdapter,
    | 'upsertGrantRegistration'
    | 'assignDevice'
    | 'returnDevices'
    | 'reassignZone'
  >;
  victimSupport: Pick<
    VictimSupportAdapter,
    'refer' | 'notify' | 'transferReferral'
  >;
}
