import { describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../shared/result';
import type { ScreenAnswered, ScreenStatus } from '../../../shared/ipc/surveyScreen';
import { createScreenIntake, type IntakeOutcome } from './screenIntake';

const answered = (sessionId: string): ScreenAnswered => ({
  sessionId,
  context: { customerId: '7e1c2d3b-4a5f-4e6d-9c8b-1a2b3c4d5e6f', purchaseId: null, surveyId: 's', surveyVersion: 1 },
  answer: { csat: 5, nps: 10, choices: [], why: '' },
  answeredAt: '2026-12-05T03:00:00.000Z',
});

/** Main's outbox as the service keeps it: answers stay until said recorded. */
function fakeMain(sessionIds: string[]) {
  const outbox = sessionIds.map(answered);
  const calls: string[] = [];
  return {
    outbox,
    calls,
    api: {
      status: async () => {
        calls.push('status');
        return ok<ScreenStatus>({ waiting: null, windowOpen: true, answered: outbox.map((entry) => ({ ...entry })) });
      },
      recorded: async (sessionId: string) => {
        calls.push(`recorded ${sessionId}`);
        const index = outbox.findIndex((entry) => entry.sessionId === sessionId);
        if (index === -1) return err('screen-unknown-session' as const);
        outbox.splice(index, 1);
        return ok(null);
      },
    },
  };
}

describe('the intake of answers from the customer screen', () => {
  it('records each answer once and tells main, which then forgets it', async () => {
    const main = fakeMain(['a', 'b']);
    const recorded: string[] = [];
    const intake = createScreenIntake({
      api: main.api,
      record: async (entry) => {
        recorded.push(entry.sessionId);
        return { kind: 'recorded', answerId: `answer-${entry.sessionId}` };
      },
      onStatus: () => undefined,
      onOutcome: () => undefined,
    });
    await intake.pull();
    await intake.pull();
    expect(recorded).toEqual(['a', 'b']);
    expect(main.outbox).toEqual([]);
  });

  it('keeps an answer in main when recording failed for now, and drops one refused for good', async () => {
    const main = fakeMain(['flaky', 'gone']);
    let attempts = 0;
    const outcomes: [string, IntakeOutcome['kind']][] = [];
    const intake = createScreenIntake({
      api: main.api,
      record: async (entry) => {
        if (entry.sessionId === 'gone') return { kind: 'refused', reason: 'in-trash' };
        attempts++;
        if (attempts === 1) throw new Error('database busy');
        return { kind: 'recorded', answerId: 'x' };
      },
      onStatus: () => undefined,
      onOutcome: (entry, outcome) => void outcomes.push([entry.sessionId, outcome.kind]),
    });
    await intake.pull();
    expect(main.outbox.map((entry) => entry.sessionId)).toEqual(['flaky']);
    await intake.pull();
    expect(main.outbox).toEqual([]);
    expect(outcomes).toEqual([
      ['flaky', 'failed'],
      ['gone', 'refused'],
      ['flaky', 'recorded'],
    ]);
  });

  it('never runs two pulls at once: one asked for meanwhile runs after, once', async () => {
    const main = fakeMain(['a']);
    let release: (() => void) | null = null;
    const recorded: string[] = [];
    const intake = createScreenIntake({
      api: main.api,
      record: async (entry) => {
        await new Promise<void>((resolve) => (release = resolve));
        recorded.push(entry.sessionId);
        return { kind: 'recorded', answerId: 'x' };
      },
      onStatus: () => undefined,
      onOutcome: () => undefined,
    });
    const first = intake.pull();
    void intake.pull();
    void intake.pull();
    await vi.waitFor(() => expect(release).not.toBeNull());
    release!();
    await first;
    expect(recorded).toEqual(['a']);
    expect(main.calls.filter((call) => call === 'status')).toHaveLength(2);
  });
});
