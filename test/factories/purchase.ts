// Test factories: valid purchases and contacts with sensible defaults; override only what the test is about.
import { withFollowUpIndex, type Interaction, type InteractionFields } from '../../shared/domain/interaction';
import { purchaseTotals, type Purchase, type PurchaseFields, type PurchaseLine } from '../../shared/domain/purchase';

let sequence = 0;

export function makeLine(overrides: Partial<PurchaseLine> = {}): PurchaseLine {
  return { product: '西湖龙井 100g', category: '绿茶', quantity: 1, unitPriceFen: 16800, ...overrides };
}

/**
 * Consistent fields: totals follow the lines and the discount unless given. `totalFen` alone (no
 * lines) makes a purchase recorded as just a total.
 */
export function makePurchaseFields(overrides: Partial<PurchaseFields> = {}): PurchaseFields {
  const discountFen = overrides.discountFen ?? 0;
  let lines = overrides.lines ?? [makeLine()];
  let subtotalFen: number;
  if (overrides.lines === undefined && overrides.totalFen !== undefined) {
    lines = [];
    subtotalFen = overrides.totalFen + discountFen;
  } else {
    subtotalFen = overrides.subtotalFen ?? purchaseTotals(lines, 0).subtotalFen;
  }
  return {
    purchasedAt: '2026-01-15T08:00:00.000Z',
    paymentNote: '',
    note: '',
    ...overrides,
    lines,
    subtotalFen,
    discountFen,
    totalFen: subtotalFen - discountFen,
  };
}

export function makePurchase(overrides: Partial<Purchase> = {}): Purchase {
  sequence += 1;
  const fields = makePurchaseFields(overrides);
  return {
    id: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    customerId: 'customer-1',
    voidedAt: null,
    voidReason: '',
    isVoided: 0,
    returnOf: null,
    importId: null,
    createdAt: fields.purchasedAt,
    updatedAt: fields.purchasedAt,
    ...overrides,
    ...fields,
  };
}

export function makeInteractionFields(overrides: Partial<InteractionFields> = {}): InteractionFields {
  return { at: '2026-01-15T08:00:00.000Z', channel: 'phone', direction: 'out', summary: '购买回访', outcome: '', followUpDate: null, ...overrides };
}

export function makeInteraction(overrides: Partial<Interaction> = {}): Interaction {
  sequence += 1;
  const fields = makeInteractionFields(overrides);
  return withFollowUpIndex({
    id: `00000000-0000-4000-a000-${String(sequence).padStart(12, '0')}`,
    customerId: 'customer-1',
    followUpDone: false,
    importId: null,
    createdAt: fields.at,
    updatedAt: fields.at,
    ...overrides,
    ...fields,
  });
}
