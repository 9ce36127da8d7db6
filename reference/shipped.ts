/**
 * The territory file shipped with the project, read through an import so
 * that the build copies it next to the compiled code. It is checked once,
 * when this module loads: a broken file stops the process at start.
 */
import type {
  TerritoryRecords,
} from '../subgraphs/protection/domain/territory';
import { SHIPPED_TERRITORY_FILE, parseTerritory } from './load';
import shipped from './territory.json';

export const SHIPPED_TERRITORY: TerritoryRecords =
  parseTerritory(shipped, SHIPPED_TERRITORY_FILE);
