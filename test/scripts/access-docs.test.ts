import { readFileSync } from 'node:fs';
import { ROLES } from '../../runtime/identity';
import { readAccessRules } from '../../runtime/access/rules';
import { loadSubgraphTypeDefs } from '../../runtime/subgraph';
import { ACCESS_DOCS_PATH, renderAccessDocs } from '../../scripts/access-docs';
import { SUBGRAPH_NAMES } from '../../scripts/subgraph-names';

describe('scripts/access-docs: the table of docs/ACCESS.md', () => {
  it('is up to date with the schemas (else: npm run docs:access)', () => {
    expect(readFileSync(ACCESS_DOCS_PATH, 'utf8')).toBe(renderAccessDocs());
  });

  it('has a row for every rule of every subgraph, and a column per role',
    () => {
      const docs = renderAccessDocs();
      expect(docs).toContain(`| type or field | ${ROLES.join(' | ')} |`);
      for (const name of SUBGRAPH_NAMES) {
        const rules = readAccessRules(loadSubgraphTypeDefs(name));
        for (const type of rules.types.keys()) {
          expect(docs).toContain(`| **${type}** |`);
        }
        for (const field of rules.fields.keys()) {
          expect(docs).toContain(`| \`${field}\` |`);
        }
      }
    });

  it('shows a relation by its name and a role admitted whole by a tick', () => {
    const docs = renderAccessDocs();
    expect(docs).toMatch(
      /\| `ProtectionMeasure\.evaluations` \| managing-zone \| — \| parquet \| — \|/,
    );
    expect(docs).toMatch(/\| \*\*PoliceRecord\*\* \| ✓ \| ✓ \| ✓ \| — \|/);
  });
});
