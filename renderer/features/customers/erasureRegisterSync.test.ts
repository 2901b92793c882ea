import { describe, expect, it } from 'vitest';
import type { ErasureEntry } from '../../../shared/domain/erasure';
import { MAX_ERASURES_PER_RECORD } from '../../../shared/ipc/erasures';
import { err, ok } from '../../../shared/result';
import { syncErasureRegister } from './erasureRegisterSync';

const entry = (n: number, day = 1): ErasureEntry => ({
  id: `6f1d6a52-3c1e-4e8a-9a57-${String(n).padStart(12, '0')}`,
  erasedAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  purchases: 'delete',
});

function fakeMain(known: ErasureEntry[], refuse = false) {
  const sent: ErasureEntry[][] = [];
  return {
    sent,
    api: {
      list: async () => ok({ entries: known }),
      record: async (entries: readonly ErasureEntry[]) => {
        if (refuse) return err('owner-required' as const);
        sent.push([...entries]);
        return ok({ known: known.length + entries.length });
      },
    },
  };
}

describe('syncErasureRegister', () => {
  it('sends only what main lacks (or knows with a later date), in pieces main accepts', async () => {
    const store = [...Array.from({ length: MAX_ERASURES_PER_RECORD + 3 }, (_, n) => entry(n + 1)), entry(9_000, 2)];
    const main = fakeMain([entry(1), entry(9_000, 5)]);
    expect(await syncErasureRegister(main.api, async () => store)).toEqual(ok({ sent: MAX_ERASURES_PER_RECORD + 3 }));
    expect(main.sent.map((piece) => piece.length)).toEqual([MAX_ERASURES_PER_RECORD, 3]);
    expect(main.sent.flat().map((e) => e.id)).not.toContain(entry(1).id);
    expect(main.sent.flat()).toContainEqual(entry(9_000, 2));
  });

  it('sends nothing when main knows it all, and never an id that is not a UUID', async () => {
    const main = fakeMain([entry(1)]);
    expect(await syncErasureRegister(main.api, async () => [entry(1), { id: 'c-9', erasedAt: '2026-03-01T00:00:00.000Z', purchases: 'delete' }])).toEqual(ok({ sent: 0 }));
    expect(main.sent).toEqual([]);
  });

  it('says why when main refuses (no owner session)', async () => {
    const main = fakeMain([], true);
    expect(await syncErasureRegister(main.api, async () => [entry(1)])).toEqual(err('owner-required'));
  });
});
