// Deterministic demo purchases and contacts for a small tea and gift shop: same seed and ids, same history.
import { withFollowUpIndex, type Interaction, type InteractionChannel, type InteractionDirection } from './interaction';
import type { Purchase, PurchaseLine } from './purchase';
import { createRng, weightedPicker, type Rng } from './random';

export interface DemoPurchaseOptions {
  seed: number;
  /** The store's customers; each buys from its createdAt on. */
  customers: readonly { id: string; createdAt: string }[];
  now: Date;
  newId: () => string;
}

export interface DemoPurchases {
  purchases: Purchase[];
  interactions: Interaction[];
}

export interface DemoProduct {
  product: string;
  category: string;
  /** Price in fen in the first year; prices rise about 4% a year. */
  priceFen: number;
  /** Relative popularity. */
  weight: number;
  /** Months (1–12) in which it sells three times as often: new green tea in spring, gift boxes before festivals. */
  season?: readonly number[];
}

export const DEMO_CATEGORIES = ['绿茶', '乌龙茶', '红茶', '黑茶·普洱', '茶具', '礼盒'] as const;

const SPRING = [3, 4, 5];
const MID_AUTUMN = [8, 9];
const NEW_YEAR = [12, 1, 2];

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { product: '西湖龙井 100g', category: '绿茶', priceFen: 16800, weight: 8, season: SPRING },
  { product: '洞庭碧螺春 100g', category: '绿茶', priceFen: 12800, weight: 5, season: SPRING },
  { product: '黄山毛峰 100g', category: '绿茶', priceFen: 8800, weight: 5, season: SPRING },
  { product: '信阳毛尖 100g', category: '绿茶', priceFen: 7800, weight: 4, season: SPRING },
  { product: '安吉白茶 100g', category: '绿茶', priceFen: 13800, weight: 4, season: SPRING },
  { product: '安溪铁观音 125g', category: '乌龙茶', priceFen: 9800, weight: 8 },
  { product: '武夷大红袍 125g', category: '乌龙茶', priceFen: 15800, weight: 6 },
  { product: '凤凰单丛 125g', category: '乌龙茶', priceFen: 11800, weight: 5 },
  { product: '冻顶乌龙 150g', category: '乌龙茶', priceFen: 12800, weight: 3 },
  { product: '东方美人 100g', category: '乌龙茶', priceFen: 16800, weight: 2 },
  { product: '正山小种 125g', category: '红茶', priceFen: 8800, weight: 6 },
  { product: '祁门红茶 125g', category: '红茶', priceFen: 9800, weight: 4 },
  { product: '滇红金芽 100g', category: '红茶', priceFen: 10800, weight: 4 },
  { product: '金骏眉 50g', category: '红茶', priceFen: 26800, weight: 2 },
  { product: '普洱熟茶饼 357g', category: '黑茶·普洱', priceFen: 13800, weight: 6 },
  { product: '普洱生茶饼 357g', category: '黑茶·普洱', priceFen: 16800, weight: 4 },
  { product: '安化黑茶 500g', category: '黑茶·普洱', priceFen: 9800, weight: 3 },
  { product: '新会小青柑 250g', category: '黑茶·普洱', priceFen: 6800, weight: 5 },
  { product: '福鼎老白茶饼 350g', category: '黑茶·普洱', priceFen: 19800, weight: 3 },
  { product: '宜兴紫砂壶', category: '茶具', priceFen: 58800, weight: 1 },
  { product: '白瓷盖碗', category: '茶具', priceFen: 6800, weight: 3 },
  { product: '玻璃公道杯', category: '茶具', priceFen: 3800, weight: 3 },
  { product: '品茗杯 6只装', category: '茶具', priceFen: 8800, weight: 2 },
  { product: '竹制茶盘', category: '茶具', priceFen: 22800, weight: 1 },
  { product: '锡制茶叶罐', category: '茶具', priceFen: 16800, weight: 1 },
  { product: '棉麻茶巾', category: '茶具', priceFen: 1500, weight: 4 },
  { product: '龙井礼盒', category: '礼盒', priceFen: 39800, weight: 1, season: SPRING },
  { product: '中秋茶礼', category: '礼盒', priceFen: 29800, weight: 0.3, season: MID_AUTUMN },
  { product: '新春茶礼', category: '礼盒', priceFen: 36800, weight: 0.3, season: NEW_YEAR },
  { product: '商务茶礼', category: '礼盒', priceFen: 68800, weight: 0.5 },
  { product: '茶具礼盒', category: '礼盒', priceFen: 45800, weight: 0.5 },
];

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const YEAR_MS = 365.25 * DAY_MS;
const PRICE_YEARS = 4;

type Rhythm = 'regular' | 'occasional' | 'lapsed' | 'rare';
const drawRhythm = weightedPicker<Rhythm>([
  ['regular', 22],
  ['occasional', 38],
  ['lapsed', 15],
  ['rare', 25],
]);
const drawPayment = weightedPicker<string>([
  ['微信支付', 45],
  ['支付宝', 30],
  ['现金', 10],
  ['银行卡', 8],
  ['会员储值卡', 7],
]);
const drawLineCount = weightedPicker<number>([
  [1, 60],
  [2, 30],
  [3, 10],
]);
const drawQuantity = weightedPicker<number>([
  [1, 80],
  [2, 15],
  [3, 3],
  [5, 2],
]);
const NOTES = ['送礼，帮忙包装', '给父母买的', '要开发票', '试喝后购买', '预订的货，今天取', '老顾客，送了茶样'];
const RETURN_NOTES = ['质量问题退货', '送错规格，退回', '顾客不喜欢，未拆封', '重复购买，退一件'];
const VOID_REASONS = ['录入错误', '重复录入', '顾客取消付款', '金额录错，已重新录入'];

interface ContactTemplate {
  channel: InteractionChannel;
  direction: InteractionDirection;
  summary: string;
  outcomes: readonly string[];
  /** Days until the follow-up, [min, max]; absent when there is none. */
  followUp?: readonly [number, number];
}
const CONTACTS: readonly (readonly [ContactTemplate, number])[] = [
  [{ channel: 'wechat', direction: 'out', summary: '新茶到店通知：明前龙井、碧螺春', outcomes: ['顾客回复周末来店', '已读未回', '预订了两罐'] }, 10],
  [{ channel: 'wechat', direction: 'in', summary: '询问大红袍是否还有货', outcomes: ['已告知下周到货', '已留货两罐'], followUp: [2, 6] }, 6],
  [{ channel: 'phone', direction: 'in', summary: '预订节日茶礼', outcomes: ['已登记数量，预付定金', '需再确认数量和送货地址'], followUp: [3, 10] }, 4],
  [{ channel: 'phone', direction: 'out', summary: '购买回访：冲泡体验', outcomes: ['顾客很满意', '觉得偏苦，建议水温降到85度'] }, 6],
  [{ channel: 'wechat', direction: 'out', summary: '生日祝福，送茶样券', outcomes: ['顾客道谢', '已读'] }, 5],
  [{ channel: 'visit', direction: 'in', summary: '到店品茶，未购买', outcomes: ['对凤凰单丛感兴趣，下次再买', '想买紫砂壶，嫌贵'], followUp: [7, 14] }, 5],
  [{ channel: 'sms', direction: 'out', summary: '会员积分即将到期提醒', outcomes: [''] }, 4],
  [{ channel: 'email', direction: 'in', summary: '公司团购询价（中秋礼盒50份）', outcomes: ['已发报价单', '已约到店看样'], followUp: [3, 7] }, 2],
  [{ channel: 'phone', direction: 'in', summary: '反映礼盒包装破损', outcomes: ['已上门换货并致歉'], followUp: [2, 4] }, 1],
  [{ channel: 'other', direction: 'out', summary: '快递寄送茶样', outcomes: ['已寄出（顺丰）'], followUp: [5, 10] }, 2],
];
const drawContact = weightedPicker(CONTACTS);
const WIN_BACK: ContactTemplate = {
  channel: 'phone',
  direction: 'out',
  summary: '久未到店，电话回访',
  outcomes: ['说最近搬家了，离得远', '无人接听', '答应下周来店看看'],
  followUp: [7, 21],
};

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const localDay = (d: Date) => `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;

/** A time during opening hours (10:00–20:59 local) on the local day of `t`. */
function inOpeningHours(rng: Rng, t: number, scratch: Date): number {
  scratch.setTime(t);
  scratch.setHours(10 + rng.int(0, 10), rng.int(0, 59), rng.int(0, 59), 0);
  return scratch.getTime();
}

/**
 * Purchases and contacts for `customers`, from each one's createdAt to `now`: regulars every 2–4
 * weeks, occasional customers every 1.5–4 months, lapsed ones who stopped 4–12 months ago, and
 * rare ones who bought once or twice. About 1.2% of sales get a return, about 0.6% are voided.
 * Linear in the number of purchases; a few small objects per purchase (the bench builds a million).
 */
export function generateDemoPurchases(options: DemoPurchaseOptions): DemoPurchases {
  const { seed, customers, now, newId } = options;
  const rng = createRng(seed);
  const end = now.getTime();
  const start = end - 3 * YEAR_MS;
  const purchases: Purchase[] = [];
  const interactions: Interaction[] = [];
  const scratch = new Date(0);

  // One picker per month (seasonal products weigh three times more in their months) and one price table per year.
  const pickers = Array.from({ length: 12 }, (_, m) =>
    weightedPicker(DEMO_PRODUCTS.map((p, i): [number, number] => [i, p.weight * (p.season?.includes(m + 1) ? 3 : 1)])),
  );
  const prices = Array.from({ length: PRICE_YEARS }, (_, y) => DEMO_PRODUCTS.map((p) => Math.round((p.priceFen * 1.04 ** y) / 100) * 100));

  const sale = (customerId: string, t: number): Purchase => {
    scratch.setTime(t);
    const pick = pickers[scratch.getMonth()]!;
    const year = Math.min(PRICE_YEARS - 1, Math.max(0, Math.floor((t - start) / YEAR_MS)));
    const lines: PurchaseLine[] = [];
    let subtotalFen = 0;
    // About one sale in twelve is recorded as just a total, as a busy clerk does.
    if (rng.chance(0.08)) {
      subtotalFen = rng.int(38, 500) * 100;
    } else {
      const n = drawLineCount(rng);
      for (let i = 0; i < n; i++) {
        const index = pick(rng);
        const product = DEMO_PRODUCTS[index]!;
        if (lines.some((l) => l.product === product.product)) continue;
        const line: PurchaseLine = { product: product.product, category: product.category, quantity: drawQuantity(rng), unitPriceFen: prices[year]![index]! };
        subtotalFen += line.quantity * line.unitPriceFen;
        lines.push(line);
      }
    }
    let discountFen = 0;
    if (subtotalFen >= 30_000 && rng.chance(0.15)) discountFen = 3_000; // 满300减30
    else if (subtotalFen >= 10_000 && rng.chance(0.12)) discountFen = Math.floor(subtotalFen / 2_000) * 100; // members: 5% off, whole yuan
    const at = new Date(t).toISOString();
    return {
      id: newId(),
      customerId,
      purchasedAt: at,
      lines,
      subtotalFen,
      discountFen,
      totalFen: subtotalFen - discountFen,
      paymentNote: drawPayment(rng),
      note: rng.chance(0.03) ? rng.pick(NOTES) : '',
      voidedAt: null,
      voidReason: '',
      isVoided: 0,
      returnOf: null,
      importId: null,
      createdAt: at,
      updatedAt: at,
    };
  };

  const returnOf = (original: Purchase, t: number): Purchase => {
    const at = new Date(t).toISOString();
    // One unit back when that cannot exceed what was paid (no discount); otherwise the whole purchase.
    const partial = original.discountFen === 0 && original.lines.length > 0 && (original.lines.length > 1 || original.lines[0]!.quantity > 1);
    const lines: PurchaseLine[] = partial
      ? [{ ...rng.pick(original.lines), quantity: -1 }]
      : original.lines.map((l) => ({ ...l, quantity: -l.quantity }));
    const subtotalFen = partial ? -lines[0]!.unitPriceFen : -original.subtotalFen;
    const discountFen = partial ? 0 : -original.discountFen;
    return {
      id: newId(),
      customerId: original.customerId,
      purchasedAt: at,
      lines,
      subtotalFen,
      discountFen,
      totalFen: subtotalFen - discountFen,
      paymentNote: '原路退回',
      note: rng.pick(RETURN_NOTES),
      voidedAt: null,
      voidReason: '',
      isVoided: 0,
      returnOf: original.id,
      importId: null,
      createdAt: at,
      updatedAt: at,
    };
  };

  const contact = (customerId: string, t: number, template: ContactTemplate): Interaction => {
    const at = new Date(t).toISOString();
    let followUpDate: string | null = null;
    let followUpDone = false;
    if (template.followUp) {
      const due = t + rng.int(template.followUp[0], template.followUp[1]) * DAY_MS;
      scratch.setTime(due);
      followUpDate = localDay(scratch);
      // Most past follow-ups were done; some were forgotten, so the due list has work in it.
      followUpDone = due < end - DAY_MS && rng.chance(0.85);
    }
    return withFollowUpIndex({
      id: newId(),
      customerId,
      at,
      channel: template.channel,
      direction: template.direction,
      summary: template.summary,
      outcome: rng.pick(template.outcomes),
      followUpDate,
      followUpDone,
      importId: null,
      createdAt: at,
      updatedAt: at,
    });
  };

  for (const customer of customers) {
    const created = Date.parse(customer.createdAt);
    if (!(created < end)) continue;
    const rhythm = drawRhythm(rng);
    const meanGapDays =
      rhythm === 'regular' ? rng.int(14, 28) : rhythm === 'lapsed' ? rng.int(18, 45) : rhythm === 'occasional' ? rng.int(45, 120) : rng.int(60, 400);
    const stopAt = rhythm === 'lapsed' ? end - rng.int(120, 365) * DAY_MS : end;
    const maxSales = rhythm === 'rare' ? rng.int(1, 2) : Number.POSITIVE_INFINITY;

    // The first purchase is when the customer was added at the counter, in whole seconds as the form keeps them.
    let t = Math.floor(created / 1000) * 1000 + rng.int(1, 20) * MINUTE_MS;
    let count = 0;
    let last = t;
    while (t <= end && (count === 0 || t <= stopAt) && count < maxSales) {
      const p = sale(customer.id, t);
      purchases.push(p);
      count += 1;
      last = t;
      if (rng.chance(0.006)) {
        const voidAt = Math.min(end, t + rng.int(2, 120) * MINUTE_MS);
        p.voidedAt = new Date(voidAt).toISOString();
        p.voidReason = rng.pick(VOID_REASONS);
        p.isVoided = 1;
        p.updatedAt = p.voidedAt;
      } else if (p.totalFen > 0 && rng.chance(0.012)) {
        const back = t + rng.int(1, 7) * DAY_MS + rng.int(0, 600) * MINUTE_MS;
        if (back <= end) purchases.push(returnOf(p, back));
      }
      // Now and then a customer comes back the same day; otherwise the next visit is days away.
      const gapDays = rng.chance(0.02) ? 0 : Math.max(1, Math.round(meanGapDays * (0.4 + 1.2 * rng.next())));
      const next = gapDays === 0 ? t + rng.int(30, 180) * MINUTE_MS : inOpeningHours(rng, t + gapDays * DAY_MS, scratch);
      t = Math.max(next, t + MINUTE_MS);
    }

    const contacts = rhythm === 'regular' ? rng.int(1, 5) : rhythm === 'occasional' ? rng.int(0, 3) : rhythm === 'lapsed' ? rng.int(0, 2) : rng.int(0, 1);
    for (let i = 0; i < contacts; i++) {
      const at = inOpeningHours(rng, created + rng.next() * (end - created), scratch);
      if (at < created || at > end) continue;
      interactions.push(contact(customer.id, at, drawContact(rng)));
    }
    if (rhythm === 'lapsed' && rng.chance(0.6)) {
      const at = inOpeningHours(rng, Math.min(end, last + rng.int(60, 200) * DAY_MS), scratch);
      if (at > last && at <= end) interactions.push(contact(customer.id, at, WIN_BACK));
    }
  }
  return { purchases, interactions };
}
