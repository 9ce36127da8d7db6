import {
  describeDevicesReads,
  describeDevicesWrites,
} from '../../../test/support/devices-contract';
import { graphDevicesContract } from '../../../test/support/devices-sharepoint';

describe('GraphDevicesAdapter', () => {
  describeDevicesReads(graphDevicesContract());
});

describe('GraphDevicesAdapter writes', () => {
  describeDevicesWrites(graphDevicesContract());
});
