/**
 * §7.8.5: what an alert event never carries, whoever subscribes. The
 * event is a briefing for dispatchers and for the team sent to where the
 * person is (§3, §7.11.2); a protected person's home address and
 * contacts are kept apart, for the managing zone, the parquet and
 * victim support to read over HTTP. A subscription that selects such a
 * field anywhere, through fragments too, is refused before it starts,
 * so no event, replayed or live, ever holds it.
 */
import {
  GraphQLError,
  type ASTVisitor,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Type and field: the confidential contact of a protected person. */
export const NEVER_STREAMED: readonly (readonly [string, string])[] = [
  ['ProtectedPerson', 'confidentialContact'],
];

/** A validation rule: FORBIDDEN at each selection of such a field. */
export const neverStreamedRule: ValidationRule = (
  context: ValidationContext,
): ASTVisitor => ({
  Field(node) {
    const parent = context.getParentType()?.name;
    const field = node.name.value;
    const refused = NEVER_STREAMED.some(
      ([type, name]) => type === parent && name === field);
    if (!refused) return;
    context.reportError(new GraphQLError(
      `${parent}.${field} is confidential (§7.8.5): an alert event never carries it, whoever subscribes. Its readers ask for it over HTTP.`,
      { nodes: node, extensions: { code: 'FORBIDDEN' } },
    ));
  },
});
