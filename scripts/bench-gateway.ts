/**
 * `npm run bench:gateway`: how fast the graph answers through this
 * gateway, every security layer on, beside a plain Apollo Gateway and
 * Hive Gateway over the same subgraphs and supergraph (issue 8). See
 * bench/gateway/run.ts for what one run does.
 *
 *   npm run bench:gateway -- [--duration 10] [--only briefing] [--json]
 *
 * The figures go to stdout (a table, or one BenchReport as JSON with
 * --json); news of the run and the processes' logs to stderr. Exit
 * codes: 0 when the run was measured, whether the aims were met or not
 * (the report says); 1 when it could not run, or the gateways' answers
 * differed; 2 for a bad command line; 130 after Ctrl-C or SIGTERM.
 */
import { runBenchScript } from '../bench/command';
import { formatAims, formatFigures } from '../bench/gateway/figures';
import {
  GATEWAY_BENCH_USAGE,
  parseGatewayBenchArgs,
} from '../bench/gateway/options';
import {
  runGatewayBench,
  type GatewayBenchDetails,
} from '../bench/gateway/run';
import { startBenchRun, type BenchReport } from '../bench/report';

/** The table, the aims, and what the figures were measured under. */
function formatReport(report: BenchReport): string {
  const details = report.details as GatewayBenchDetails;
  const profiles = details.profiles === undefined ? '' :
    `\nCPU profiles: ${details.profiles} (gateway-a-*.cpuprofile, ` +
    'subgraphs.cpuprofile); sum them with ' +
    `\`npx tsx bench/gateway/profile-summary.ts ${details.profiles}\`.\n`;
  const { machine } = report;
  return [
    `Gateway bench on ${machine.cpu}, ${machine.cores} cores, ` +
      `Node ${machine.node}\n`,
    formatFigures(details.operations),
    `Aims (issue 8):\n${formatAims(report.aims)}`,
    details.notes.map((note) => `- ${note}`).join('\n') + '\n',
    profiles,
  ].join('\n');
}

runBenchScript({
  name: 'gateway bench',
  usage: GATEWAY_BENCH_USAGE,
  parse: parseGatewayBenchArgs,
  run: async (command, args, signal) => {
    const run = startBenchRun('scripts/bench-gateway.ts', args);
    const report = await runGatewayBench(command.options, run, {
      progress: (text) => process.stderr.write(`${text}…\n`),
      output: (chunk) => process.stderr.write(chunk),
      signal,
    });
    process.stdout.write(command.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : formatReport(report));
    return 0;
  },
});
