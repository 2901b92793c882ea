import { describe, expect, it } from 'vitest';
import type { CustomerListQuery } from '../../db/customers';
import { answerTo, listQueryKey, nextListStep, type ListAnswer } from './listAnswer';

const query = (terms: string[], more: Partial<CustomerListQuery> = {}): CustomerListQuery => ({ sort: 'updatedAt', direction: 'desc', tag: null, terms, ...more });
const answer = (q: CustomerListQuery, ids: string[]): ListAnswer => ({ query: q, ids, truncated: false, ranked: true });

describe('list answers are tied to their query', () => {
  it('takes an answer only for the query it answers', () => {
    const now = query(['0742']);
    expect(answerTo(now, answer(query(['0742']), ['a']))?.ids).toEqual(['a']);
    // Older text (typing fast), older filters or another order: not this query's answer.
    for (const older of [query(['07']), query([]), query(['0742'], { tag: 'VIP' }), query(['0742'], { direction: 'asc' }), query(['0742'], { sort: 'name' })]) {
      expect(answerTo(now, answer(older, ['stale'])), JSON.stringify(older)).toBeUndefined();
    }
    expect(answerTo(now, undefined)).toBeUndefined();
  });

  it('an answer that arrives late, after a newer one, is never taken for the newer text', () => {
    const answers = [answer(query(['s']), ['s1']), answer(query(['shz']), ['shz1']), answer(query(['sh']), ['sh1'])];
    // Whatever order they arrive in, the answer taken for "shz" is the one to "shz".
    for (const last of answers) expect(answerTo(query(['shz']), last)?.ids ?? null).toEqual(last === answers[1] ? ['shz1'] : null);
  });

  it('distinguishes every field, absent and null alike', () => {
    expect(listQueryKey(query(['a'], { tierId: null }))).toBe(listQueryKey(query(['a'])));
    expect(listQueryKey(query(['a'], { stage: 'new' }))).not.toBe(listQueryKey(query(['a'])));
    expect(listQueryKey(query(['a'], { churnLevel: 'high' }))).not.toBe(listQueryKey(query(['a'], { churnLevel: 'watch' })));
    expect(listQueryKey(query(['a'], { tierId: 'gold' }))).not.toBe(listQueryKey(query(['a'])));
    // Terms are compared whole, not joined: ["ab"] is not ["a", "b"].
    expect(listQueryKey(query(['ab']))).not.toBe(listQueryKey(query(['a', 'b'])));
  });
});

describe('an action asked from the search box', () => {
  const result = (ids: string[]) => ({ ids, truncated: false, ranked: true });
  it('waits for the answer, then opens or focuses its first row', () => {
    expect(nextListStep('open', undefined)).toEqual({ kind: 'wait' });
    expect(nextListStep('focusFirst', undefined)).toEqual({ kind: 'wait' });
    expect(nextListStep('open', result(['best', 'next']))).toEqual({ kind: 'open', id: 'best' });
    expect(nextListStep('focusFirst', result(['best']))).toEqual({ kind: 'focusFirst' });
  });
  it('ends with nothing to do when nothing matches', () => {
    expect(nextListStep('open', result([]))).toEqual({ kind: 'done' });
    expect(nextListStep('focusFirst', result([]))).toEqual({ kind: 'done' });
  });
});
