import { describe, expect, it } from 'vitest';
import { BENCH_PARTS, parseOptions } from './options';

describe('bench options', () => {
  it('defaults to the issue’s store: 100,000 customers, 1,000,000 purchases, 200,000 contacts', () => {
    const o = parseOptions([]);
    expect([o.customers, o.purchases, o.contacts]).toEqual([100_000, 1_000_000, 200_000]);
    expect(o.out).toBe('bench/results.json');
    expect(o.build).toBe(true);
  });

  it('--quick is a tenth of it', () => {
    const o = parseOptions(['--quick', '--skip-build']);
    expect([o.customers, o.purchases, o.contacts]).toEqual([10_000, 100_000, 20_000]);
    expect(o.out).toBe('bench/results-10000.json');
    expect(o.build).toBe(false);
  });

  it('scales purchases with customers and contacts with purchases unless told', () => {
    expect(parseOptions(['--customers', '2_000'])).toMatchObject({ customers: 2_000, purchases: 20_000, contacts: 4_000, out: 'bench/results-2000.json' });
    expect(parseOptions(['--customers', '2000', '--purchases', '5000'])).toMatchObject({ purchases: 5_000, contacts: 1_000, out: 'bench/results-2000-5000.json' });
    expect(parseOptions(['--customers', '100000', '--purchases', '100000', '--contacts', '200000'])).toMatchObject({ purchases: 100_000, contacts: 200_000, out: 'bench/results-100000-100000-200000c.json' });
    expect(parseOptions(['--runs', '3', '--passes', '1', '--seed', '9', '--out', 'x.json'])).toMatchObject({ runs: 3, passes: 1, seed: 9, out: 'x.json' });
  });

  it('--only picks parts of the run, in the run\'s order, and writes apart from a whole run', () => {
    expect(parseOptions([]).parts).toEqual(BENCH_PARTS);
    const o = parseOptions(['--quick', '--only', 'rollover,cold-start']);
    expect(o.parts).toEqual(['cold-start', 'rollover']);
    expect(o.out).toBe('bench/results-10000-only-cold-start+rollover.json');
    expect(parseOptions(['--only', 'imports']).out).toBe('bench/results-only-imports.json');
    expect(parseOptions(['--quick', '--only', 'care'])).toMatchObject({ parts: ['care'], out: 'bench/results-10000-only-care.json' });
    expect(parseOptions(['--quick', '--only', 'segments,reports'])).toMatchObject({ parts: ['reports', 'segments'], out: 'bench/results-10000-only-reports+segments.json' });
    expect(parseOptions(['--only', 'search, search', '--out', 'x.json'])).toMatchObject({ parts: ['search'], out: 'x.json' });
    expect(parseOptions(['--only', BENCH_PARTS.join(',')]).out).toBe('bench/results.json');
  });

  it('refuses what it does not understand', () => {
    expect(() => parseOptions(['--customer', '5'])).toThrow(/unknown option --customer/);
    expect(() => parseOptions(['--runs', '0'])).toThrow(/positive whole number/);
    expect(() => parseOptions(['--runs', '1.5'])).toThrow(/positive whole number/);
    expect(() => parseOptions(['--runs'])).toThrow(/needs a value/);
    expect(() => parseOptions(['--runs', '--quick'])).toThrow(/needs a value/);
    expect(() => parseOptions(['--only', 'coldstart'])).toThrow(/unknown part "coldstart"/);
    expect(() => parseOptions(['--only', ','])).toThrow(/--only needs one or more/);
    expect(() => parseOptions(['--only'])).toThrow(/needs a value/);
  });
});
