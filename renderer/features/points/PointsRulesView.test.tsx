// The points rules screen drawn on the server in each language: every section worded, every control named, the preview's example sentence.
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import { DEFAULT_POINTS_RULES, type PointsRules } from '../../../shared/domain/pointsRules';
import { DEFAULT_TIER_SCHEME } from '../../../shared/domain/tiers';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { expectLabelledControls, expectNoRawKeys } from '../../../test/support/drawnMarkup';
import { PointsRulesView } from './PointsRulesView';

const NOW = new Date(2026, 5, 15, 10, 0); // a Monday
const FULL: PointsRules = {
  ...DEFAULT_POINTS_RULES,
  excludedCategories: ['Gift cards'],
  memberDay: { days: { kind: 'month-days', days: [8, 18, 28] }, multiplier: 3 },
  birthday: { window: 'week', multiplier: 2 },
  welcomeBonus: 100,
  birthdayGift: 50,
  expiry: [
    { kind: 'never', from: '1970-01-01T00:00:00.000Z' },
    { kind: 'months', months: 12, from: '2026-01-01T00:00:00.000Z' },
  ],
  referral: { award: 'both', referrerPoints: 200, referredPoints: 100 },
};

async function draw(lng: string, props: { rules?: PointsRules; locked?: boolean } = {}) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return renderToStaticMarkup(
    <I18nextProvider i18n={instance}>
      <PointsRulesView
        rules={props.rules ?? FULL}
        scheme={DEFAULT_TIER_SCHEME}
        now={NOW}
        currency="CNY"
        locked={props.locked ?? false}
        onUnlock={() => undefined}
        onSave={() => null}
        onCancel={() => undefined}
      />
    </I18nextProvider>,
  );
}

describe('the points rules screen as drawn', () => {
  it.each(APP_LOCALES)('words every section in %s, with every control named and no raw key', async (lng) => {
    for (const props of [{}, { locked: true }, { rules: DEFAULT_POINTS_RULES as PointsRules }, { rules: { ...FULL, memberDay: { days: { kind: 'weekdays', days: [2] }, multiplier: 2 } } as PointsRules }]) {
      const html = await draw(lng, props);
      expectNoRawKeys(html, ['points', 'roles', 'common', 'status']);
      expectLabelledControls(html);
    }
  });

  it('states the example before saving: a ¥268 purchase by a VIP on member day, with how the multipliers combine', async () => {
    const html = await draw('en');
    expect(html).toMatch(/data-testid="points-rules-headline">A CN¥268 purchase by a VIP customer on member day earns 804 points</);
    expect(html).toContain('Several apply: the highest counts, ×3');
    expect(html).toContain('When several multipliers apply, the highest counts.');
    // Every sample amount for every tier, on each occasion the rules have.
    for (const occasion of ['ordinary-day', 'member-day', 'birthday', 'first-purchase']) expect(html).toContain(`data-testid="points-preview-26800-vip-${occasion}"`);
    expect(html).toMatch(/data-testid="points-preview-26800-vip-first-purchase"[^>]*>.*?536 \+ 100 = 636/);
    const zh = await draw('zh-CN', { rules: { ...FULL, combine: 'multiply' } });
    expect(zh).toContain('贵宾客户在会员日消费 ¥268，得 1,608 积分');
  });

  it("shows the tiers' multipliers and the expiry policies so far", async () => {
    const html = await draw('zh-TW');
    expect(html).toMatch(/data-testid="points-rules-tiers">.*貴賓.*×2.*普通.*×1\.5.*潛在.*×1</);
    expect(html).toMatch(/data-testid="points-rules-expiry-versions">.*自開始起 — 積分永不過期.*積分在獲得 12 個月後過期/);
  });

  it('while locked, shows the rules without letting them change, and offers the owner unlock', async () => {
    const html = await draw('en', { locked: true });
    expect(html).toContain('data-testid="points-rules-unlock"');
    expect(html).not.toContain('data-testid="points-rules-save"');
    expect(html).toMatch(/<fieldset class="points-rules-fields" disabled="">/);
  });
});
