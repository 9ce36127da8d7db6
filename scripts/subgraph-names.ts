/** The five subgraphs, in the order the gateway lists them. */
export const SUBGRAPH_NAMES = [
  'protection',
  'bng',
  'mach',
  'devices',
  'victim-support',
] as const;

export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
