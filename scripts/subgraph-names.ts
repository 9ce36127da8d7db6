/**
 * The six subgraphs, in the order the gateway lists them: the five
 * agency systems, then the audit trail (issue 6).
 */
export const SUBGRAPH_NAMES = [
  'protection',
  'bng',
  'mach',
  'devices',
  'victim-support',
  'audit',
] as const;

export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
