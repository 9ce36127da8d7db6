import { readGatewayConfig } from '../gateway/config';
import { readSubgraphConfig } from '../subgraphs/config';
import { ConfigError } from './config';
import {
  DEFAULT_OTLP_ENDPOINT,
  metricsAccessOf,
  subgraphService,
} from './telemetry';
import { tracesUrl, tracingFromConfig } from './tracing/setup';

describe('telemetry options', () => {
  it('serve metrics without a token and trace nothing by default', () => {
    for (const config of [readGatewayConfig({}), readSubgraphConfig({})]) {
      expect(metricsAccessOf(config)).toEqual({ enabled: true,
        token: undefined });
      expect(config.OTEL_TRACES_EXPORTER).toBe('none');
      expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(DEFAULT_OTLP_ENDPOINT);
      expect(tracingFromConfig(config, 'any')).toBeNull();
    }
  });

  it('read the same variables in the gateway and in a subgraph', () => {
    const env = {
      METRICS_ENABLED: 'no',
      METRICS_TOKEN: 'scrape-token',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector.internal:4318/',
    };
    for (const config of [readGatewayConfig(env), readSubgraphConfig(env)]) {
      expect(metricsAccessOf(config)).toEqual({ enabled: false,
        token: 'scrape-token' });
      expect(config.OTEL_TRACES_EXPORTER).toBe('otlp');
      expect(tracesUrl(config.OTEL_EXPORTER_OTLP_ENDPOINT))
        .toBe('http://collector.internal:4318/v1/traces');
    }
  });

  it('name the bad value of each, but never the token', () => {
    const env = {
      METRICS_ENABLED: 'sometimes',
      OTEL_TRACES_EXPORTER: 'jaeger',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
    };
    let problems: readonly string[] = [];
    try {
      readGatewayConfig(env);
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'METRICS_ENABLED must be true or false (also 1/0, yes/no), got ' +
        '"sometimes"',
      'OTEL_TRACES_EXPORTER must be one of none, otlp, console, got ' +
        '"jaeger"',
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http or https URL, ' +
        'got "collector:4318"',
    ]);
  });

  it('name every subgraph service after its subgraph', () => {
    expect(subgraphService('victim-support'))
      .toBe('stalking-alarm-victim-support');
  });
});
