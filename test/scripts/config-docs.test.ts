import { readFileSync } from 'node:fs';
import { integer, optional, secret, string } from '../../runtime/config';
import { GATEWAY_OPTIONS } from '../../gateway/config';
import { SUBGRAPH_CONFIG } from '../../subgraphs/config';
import {
  currentConfigSection,
  END_MARKER,
  PROCESSES,
  README_PATH,
  renderConfigSection,
  START_MARKER,
  withConfigSection,
} from '../../scripts/config-docs';
import { TEST_CONFIG } from '../support/config';

describe('scripts/config-docs: the README configuration tables', () => {
  it('are up to date with the option specs (else: npm run docs:config)',
    () => {
      const readme = readFileSync(README_PATH, 'utf8');
      expect(currentConfigSection(readme)).toBe(renderConfigSection());
    });

  it('list every option of every process', () => {
    const section = renderConfigSection();
    const names = [
      ...Object.keys(GATEWAY_OPTIONS),
      ...Object.keys(SUBGRAPH_CONFIG),
      ...Object.keys(TEST_CONFIG),
    ];
    for (const name of names) expect(section).toContain(`| \`${name}\` |`);
    expect(PROCESSES.map((entry) => entry.title)).toEqual([
      'Gateway',
      'Subgraphs',
      'Tests',
    ]);
  });

  it('give a meaning to every option', () => {
    for (const { spec, docs } of PROCESSES) {
      for (const name of Object.keys(spec)) {
        expect(docs[name]?.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('scripts/config-docs: rendering', () => {
  const entry = {
    title: 'Demo',
    intro: 'A demo process.',
    spec: {
      PORT: integer({ default: 8, max: 9 }),
      NAME: string(),
      KEY: optional(secret(string())),
    },
    docs: { PORT: 'Port | pipe.', NAME: 'A name.', KEY: 'A key.' },
  };

  it('states the default, what is accepted and the meaning', () => {
    const section = renderConfigSection([entry]);
    expect(section.split('\n')).toEqual(
      expect.arrayContaining([
        '### Demo',
        '| `PORT` | `8` | an integer of at most 9 | Port \\| pipe. |',
        '| `NAME` | **required** | any text | A name. |',
        '| `KEY` | unset | any text (never shown in errors) | A key. |',
      ]),
    );
  });

  it('folds its prose at 76 columns; only table rows run longer', () => {
    const intro = 'A long sentence about the demo process. '.repeat(6);
    const lines = renderConfigSection([{ ...entry, intro }]).split('\n');
    const prose = lines.filter((line) => !line.startsWith('|'));
    expect(prose.length).toBeGreaterThan(5);
    for (const line of prose) expect(line.length).toBeLessThanOrEqual(76);
  });

  it('rewrites only what lies between the markers', () => {
    const readme = `# T\n\n${START_MARKER}\nold\n${END_MARKER}\n\n## After\n`;
    const section = `${START_MARKER}\nnew\n${END_MARKER}`;
    expect(withConfigSection(readme, section)).toBe(
      `# T\n\n${START_MARKER}\nnew\n${END_MARKER}\n\n## After\n`,
    );
  });

  it('refuses a README without the markers', () => {
    expect(() => currentConfigSection('# T\n')).toThrow(
      'README.md must hold <!-- config:start --> and then',
    );
  });
});
