import { DERIVED_ID_LENGTH, derivedId } from './ids';

describe('derivedId', () => {
  it('puts the prefix before a measure id that fits', () => {
    expect(derivedId('nco-', 'demo-measure-001'))
      .toBe('nco-demo-measure-001');
  });

  it('stands a hash for a measure id too long, the same on every call',
    () => {
      const uuid = '6f1c1d2e-8a4b-4c3d-9e0f-123456789abc';
      const id = derivedId('ref-', uuid);
      expect(id).toHaveLength(DERIVED_ID_LENGTH);
      expect(id).toMatch(/^ref-[0-9a-f]{32}$/);
      expect(derivedId('ref-', uuid)).toBe(id);
      expect(derivedId('ref-', `${uuid.slice(0, -1)}d`)).not.toBe(id);
    });

  it('rejects a prefix that leaves too little room', () => {
    expect(() => derivedId('x'.repeat(30), 'm')).toThrow('too long');
  });
});
