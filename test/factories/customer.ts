// Test factories: a valid customer with sensible defaults; override only what the test is about.
import { emptyCustomerFields, type Customer, type CustomerFields, type CustomerPhone } from '../../shared/domain/customer';
import { newCustomerRecord } from '../../shared/domain/customerRecord';

let sequence = 0;

export function makePhone(normalized: string, overrides: Partial<CustomerPhone> = {}): CustomerPhone {
  return { raw: normalized, normalized, kind: 'validated', label: '', primary: true, ...overrides };
}

export function makeCustomerFields(overrides: Partial<CustomerFields> = {}): CustomerFields {
  sequence += 1;
  return { ...emptyCustomerFields(), name: `测试客户${sequence}`, ...overrides };
}

export function makeCustomer(overrides: Partial<CustomerFields> = {}, opts: { id?: string; now?: Date } = {}): Customer {
  sequence += 1;
  const id = opts.id ?? `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  return newCustomerRecord(makeCustomerFields(overrides), id, opts.now ?? new Date('2026-01-15T08:00:00Z'));
}
