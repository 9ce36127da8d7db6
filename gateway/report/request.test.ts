import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { parse, validate } from 'graphql';
import {
  parseDimensions,
  parseFormat,
  parsePeriod,
  parseScope,
  ReportParameterError,
  splitPeriod,
  STATISTICS_QUERY,
  variablesOf,
} from './request';

describe('gateway/report/request: the period', () => {
  it.each([
    ['2026-07', { unit: 'MONTH', label: '2026-07' }],
    ['2026-Q3', { unit: 'QUARTER', label: '2026-Q3' }],
    ['2026', { unit: 'YEAR', label: '2026' }],
    ['2026-01-01..2026-03-31',
      { unit: 'CUSTOM', from: '2026-01-01', to: '2026-03-31' }],
  ])('reads %s', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
  });

  it.each(['2026-13', '2026-Q5', 'Q3', '2026-01-01/2026-03-31', ''])(
    'refuses %j, naming the parameter and the value', (text) => {
      expect(() => parsePeriod(text, '--period')).toThrow(ReportParameterError);
      expect(() => parsePeriod(text, '--period'))
        .toThrow(`--period must be 2026-07, 2026-Q3, 2026 or 2026-01-01..2026-03-31, got ${JSON.stringify(text)}`);
    });

  it('cuts a year into months or quarters, a quarter into months', () => {
    const year = parsePeriod('2026');
    expect(splitPeriod(year, 'month')).toHaveLength(12);
    expect(splitPeriod(year, 'quarter').map((p) => 'label' in p && p.label))
      .toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(splitPeriod(parsePeriod('2026-Q3'), 'month')
      .map((p) => 'label' in p && p.label))
      .toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('refuses to cut a month, or custom days', () => {
    expect(() => splitPeriod(parsePeriod('2026-07'), 'month', '--each'))
      .toThrow('--each must be month of a year or quarter, or quarter of a year, got "month of 2026-07"');
    expect(() => splitPeriod(parsePeriod('2026-01-01..2026-02-01'), 'quarter'))
      .toThrow(ReportParameterError);
  });
});

describe('gateway/report/request: the breakdown, scope and format', () => {
  it('reads dimensions by their report names, in order', () => {
    expect(parseDimensions('arrondissement,gender,origin')
      .map((dimension) => dimension.value))
      .toEqual(['ARRONDISSEMENT', 'PROTECTED_GENDER', 'REQUEST_ORIGIN']);
    expect(parseDimensions('')).toEqual([]);
  });

  it('refuses an unknown dimension, or one twice, naming it', () => {
    expect(() => parseDimensions('zone,colour', '--by'))
      .toThrow(/^--by must be one of arrondissement, zone, .*got "colour"$/);
    expect(() => parseDimensions('zone,zone', 'by'))
      .toThrow('by must be dimensions none twice, got "zone,zone"');
  });

  it('reads a scope and refuses another form', () => {
    expect(parseScope('national')).toEqual({ kind: 'national' });
    expect(parseScope('zone:5345')).toEqual({ kind: 'zone', code: '5345' });
    expect(parseScope('arrondissement:ANT'))
      .toEqual({ kind: 'arrondissement', code: 'ANT' });
    for (const bad of ['province:ANT', 'zone:', 'zone:5345:1', 'zone:a b']) {
      expect(() => parseScope(bad)).toThrow(`got ${JSON.stringify(bad)}`);
    }
  });

  it('reads csv or json and nothing else', () => {
    expect(parseFormat('csv')).toBe('csv');
    expect(() => parseFormat('xlsx', '--format'))
      .toThrow('--format must be csv or json, got "xlsx"');
  });
});

describe('gateway/report/request: the operation', () => {
  const supergraph = readFileSync(
    join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

  it('is valid against the API schema of the supergraph', async () => {
    const gateway = new ApolloGateway({ supergraphSdl: supergraph });
    const { schema } = await gateway.load();
    expect(validate(schema, parse(STATISTICS_QUERY))).toEqual([]);
    await gateway.stop();
  });

  it('passes the scope as the code it names, the other null', () => {
    const request = {
      periods: [parsePeriod('2026-Q3')],
      dimensions: parseDimensions('zone'),
      scope: parseScope('zone:5345'),
    };
    expect(variablesOf(request, request.periods[0])).toEqual({
      period: { unit: 'QUARTER', label: '2026-Q3' },
      by: ['ZONE'],
      arrondissementCode: null,
      zoneCode: '5345',
    });
  });
});
