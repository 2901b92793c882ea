// The files the bench imports: the generated customers and purchases as a shop would hand them over
// (UTF-8 with BOM, Chinese headers the import recognises by itself, CRLF). Pure, unit-tested by
// reading them back through the app's own import functions.
import type { CustomerFields, CustomerSource, Gender } from '../../shared/domain/customer';
import { primaryPhone } from '../../shared/domain/customer';
import { birthdayText } from '../../shared/domain/export/rows';
import type { Purchase } from '../../shared/domain/purchase';

export const CUSTOMER_CSV_HEADERS = ['姓名', '性别', '手机', '备用电话', '邮箱', '生日', '农历生日', '公司', '职位', '城市', '地址', '来源', '标签', '备注'] as const;
export const PURCHASE_CSV_HEADERS = ['订单号', '日期', '手机', '姓名', '金额', '商品', '备注'] as const;

const GENDER_TEXT: Record<Gender, string> = { male: '男', female: '女', other: '其他', unspecified: '保密' };
const SOURCE_TEXT: Record<CustomerSource, string> = { 'walk-in': '到店', referral: '朋友介绍', online: '线上', event: '活动', other: '其他' };

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: quoted only when it must be. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: readonly string[]) => cells.map(csvField).join(',');

/** Lines joined into a file: BOM first (Excel's own UTF-8 export writes one), CRLF line ends. */
function file(headers: readonly string[], rows: Iterable<string>): string {
  const parts = ['\uFEFF' + line(headers)];
  for (const row of rows) parts.push(row);
  return parts.join('\r\n') + '\r\n';
}

export function customerCsvRow(fields: CustomerFields): string {
  const primary = primaryPhone(fields) ?? fields.phones[0];
  const other = fields.phones.find((p) => p !== primary);
  const b = fields.birthday;
  return line([
    fields.name,
    GENDER_TEXT[fields.gender],
    primary?.raw ?? '',
    other?.raw ?? '',
    fields.email,
    b && b.calendar === 'solar' ? birthdayText(b) : '',
    b && b.calendar === 'lunar' ? birthdayText(b) : '',
    fields.company,
    fields.title,
    fields.city,
    fields.address,
    fields.source ? SOURCE_TEXT[fields.source] : '',
    fields.tags.join('，'),
    fields.notes,
  ]);
}

/** The customers file: one row per customer, every field the import can take. */
export function customersCsv(customers: readonly { fields: CustomerFields }[]): string {
  return file(CUSTOMER_CSV_HEADERS, (function* () {
    for (const c of customers) yield customerCsvRow(c.fields);
  })());
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Local "yyyy-MM-dd HH:mm:ss", as a till prints it; the import reads it in the same (the browser's) zone. */
export function localDateTimeText(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** Integer fen → "168.00" / "-12.50": exact, no floating point. */
export function yuanText(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad2(abs % 100)}`;
}

/** "西湖龙井 100g x2, 白瓷盖碗": the import's items cell (a return lists what came back, its amount is negative). */
export function itemsText(purchase: Pick<Purchase, 'lines'>): string {
  return purchase.lines.map((l) => (Math.abs(l.quantity) === 1 ? l.product : `${l.product} x${Math.abs(l.quantity)}`)).join(', ');
}

export interface PurchaseCustomer {
  phone: string;
  name: string;
}

/**
 * The purchases file in the import's simple shape: one row per purchase, its customer by phone (and
 * name), an order number (so a second import of the same file adds nothing), the total and the items.
 */
export function purchasesCsv(purchases: readonly Purchase[], customerOf: (customerId: string) => PurchaseCustomer | undefined): string {
  return file(PURCHASE_CSV_HEADERS, (function* () {
    let n = 0;
    for (const p of purchases) {
      const c = customerOf(p.customerId);
      if (!c) throw new Error(`purchase ${p.id} has no customer with a phone`);
      n++;
      yield line([`NO${String(n).padStart(8, '0')}`, localDateTimeText(p.purchasedAt), c.phone, c.name, yuanText(p.totalFen), itemsText(p), p.note]);
    }
  })());
}
