// Mapping a table's columns to customer fields: suggested from the headers (Chinese, English, and the
// exports of Square, Zoho CRM, Google Contacts and Outlook), corrected by the user, then applied.
import { CONSENT_CHANNELS } from '../consent';
import type { TabularData } from './tabular';
import {
  CONSENT_IMPORT_FIELD,
  emptyImportRecord,
  recordsToDrafts,
  type ImportContext,
  type ImportErrorField,
  type ImportPhone,
  type ImportRecord,
  type RecordsToDraftsResult,
} from './customerRecords';

export const TARGET_FIELDS = [
  'name', 'firstName', 'lastName', 'phone', 'mobile', 'phone2', 'gender', 'birthday', 'lunarBirthday', 'email',
  'company', 'title', 'city', 'address', 'tags', 'notes', 'source', 'consentSms', 'consentPhone', 'consentWechat', 'consentEmail', 'openingPoints', 'ignore',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** Column index → target field. Columns missing from the record are ignored. */
export type ColumnMapping = Record<number, TargetField>;

/** Targets that take several columns: every phone column adds a number, the rest are joined. */
export const MULTI_COLUMN_TARGETS: readonly TargetField[] = ['phone', 'mobile', 'phone2', 'email', 'address', 'tags', 'notes', 'ignore'];
const PHONE_TARGETS: readonly TargetField[] = ['mobile', 'phone', 'phone2'];

/** NFKC, lower case, only letters and digits: "E-mail 1 - Value" → "email1value", " 手机号 " → "手机号". */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

type Alias = [TargetField, number];
const ALIASES = new Map<string, Alias>();
function alias(target: TargetField, priority: number, ...headers: string[]) {
  for (const h of headers) ALIASES.set(normalizeHeader(h), [target, priority]);
}

alias('name', 1, '姓名', '客户名称', '客户姓名', '客户名', '名字', '会员姓名', '会员名称', '会员名', '顾客姓名', '联系人',
  '联系人姓名', '全名', '客戶名稱', '客戶姓名', '會員姓名', '會員名稱', '聯絡人', '聯繫人', '顧客姓名',
  'Name', 'Full Name', 'Customer Name', 'Contact Name', 'Client Name', 'Member Name');
alias('name', 2, '客户', '会员', '顾客', '称呼', '客戶', '會員', '顧客', 'Display Name', 'Customer', 'Client');
alias('name', 3, 'Contact');
alias('firstName', 1, '名', 'First Name', 'Given Name', 'Forename', 'First');
alias('lastName', 1, '姓', '姓氏', 'Last Name', 'Family Name', 'Surname', 'Last');
alias('mobile', 1, '手机', '手机号', '手机号码', '移动电话', '手機', '手機號', '手機號碼', '行动电话', '行動電話',
  'Mobile', 'Mobile Phone', 'Mobile Number', 'Cell', 'Cell Phone', 'Cellular', 'Cellphone');
alias('phone', 1, '电话', '联系电话', '电话号码', '座机', '固话', '固定电话', '办公电话', '電話', '聯絡電話', '聯繫電話',
  '電話號碼', 'Phone', 'Phone Number', 'Telephone', 'Tel', 'Telephone Number', 'Work Phone', 'Business Phone',
  'Primary Phone', 'Office Phone');
alias('phone', 2, '联系方式', '聯絡方式', '聯繫方式', 'Contact Number');
alias('phone2', 1, '备用电话', '其他电话', '其它电话', '家庭电话', '住宅电话', '備用電話', '其他電話', '家庭電話',
  'Home Phone', 'Other Phone', 'Secondary Phone', 'Alternate Phone', 'Business Phone 2', 'Home Phone 2', 'Car Phone');
alias('gender', 1, '性别', '性別', 'Gender', 'Sex');
alias('birthday', 1, '生日', '出生日期', '出生年月', '出生年月日', '公历生日', '阳历生日', '生日日期', '出生日', '公曆生日',
  '陽曆生日', 'Birthday', 'Date of Birth', 'Birth Date', 'Birthdate', 'DOB', 'BDay');
alias('lunarBirthday', 1, '农历生日', '農曆生日', '阴历生日', '陰曆生日', '农历出生日期', '農曆出生日期');
alias('email', 1, '邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', '电邮', '電子郵件', '電子郵箱', '郵箱', '電郵', '郵件',
  'Email', 'E-mail', 'Email Address', 'E-mail Address', 'Mail', 'Secondary Email', 'E-mail 2 Address', 'E-mail 3 Address');
alias('company', 1, '公司', '单位', '公司名称', '工作单位', '公司名', '企业', '企业名称', '單位', '公司名稱', '工作單位', '企業',
  'Company', 'Company Name', 'Organization', 'Organisation', 'Organization Name', 'Organization 1 - Name',
  'Account Name', 'Employer', 'Business Name');
alias('title', 1, '职位', '职务', '职称', '头衔', '職位', '職務', '職稱', '頭銜', 'Job Title', 'Position',
  'Organization Title', 'Organization 1 - Title');
alias('title', 2, 'Title');
alias('title', 3, 'Role');
alias('city', 1, '城市', '所在城市', '城市名', '市', 'City', 'Mailing City', 'Address 1 - City', 'Home City', 'Town');
alias('city', 2, 'Billing City', 'Business City');
alias('address', 1, '地址', '详细地址', '联系地址', '住址', '通讯地址', '家庭地址', '收货地址', '詳細地址', '聯絡地址', '通訊地址',
  '收貨地址', 'Address', 'Street Address', 'Street Address 1', 'Street Address 2', 'Street', 'Mailing Street',
  'Address 1 - Street', 'Address 1 - Extended Address', 'Address Line 1', 'Address Line 2', 'Home Street',
  'Home Street 2');
alias('address', 2, 'Address 1 - Formatted', 'Home Address', 'Business Street', 'Billing Street');
alias('tags', 1, '标签', '標籤', '标记', '標記', '分组', '分組', '客户分组', '客户标签', '会员标签', '客戶標籤', 'Tags', 'Tag',
  'Labels', 'Group Membership', 'Groups', 'Categories');
alias('tags', 2, '分类', '客户分类', '類別', '分類', 'Category', 'Group');
alias('notes', 1, '备注', '備註', '备注信息', '说明', '說明', '附注', '附註', '留言', 'Notes', 'Note', 'Memo', 'Comments',
  'Comment', 'Remarks', 'Remark');
alias('notes', 2, '描述', 'Description');
alias('source', 1, '来源', '客户来源', '來源', '客戶來源', '获客渠道', '獲客渠道', '渠道', 'Source', 'Lead Source',
  'Customer Source', 'Referral Source', 'How did you hear about us');

// Consent columns: the app's own export headers (短信营销许可…) and the common ones of other systems
// (Shopify's "Accepts Email Marketing" / "Accepts SMS Marketing", Mailchimp-style opt-ins).
alias('consentSms', 1, '短信营销许可', '短信许可', '短信营销', '接收短信', '短信订阅', '同意短信', '簡訊行銷同意', '簡訊同意', '接收簡訊',
  'SMS marketing consent', 'SMS consent', 'SMS opt-in', 'SMS Opt In', 'Accepts SMS Marketing', 'Accepts SMS', 'SMS Marketing');
alias('consentPhone', 1, '电话营销许可', '电话许可', '电话营销', '接听营销电话', '電話行銷同意', '電話同意', '電話行銷',
  'Phone marketing consent', 'Phone consent', 'Phone opt-in', 'Call consent', 'Accepts Phone Marketing');
alias('consentWechat', 1, '微信营销许可', '微信许可', '微信营销', '微信行銷同意', '微信同意', '微信行銷',
  'WeChat marketing consent', 'WeChat consent', 'WeChat opt-in');
alias('consentEmail', 1, '邮件营销许可', '邮件许可', '邮件营销', '邮件订阅', '接收邮件', '電郵行銷同意', '電郵同意', '電子報訂閱',
  'Email marketing consent', 'Email consent', 'Email opt-in', 'Email Opt In', 'Accepts Email Marketing', 'Accepts Marketing',
  'Email Marketing', 'Newsletter');

// Points brought from another system (the loyalty card or POS the store used before).
alias('openingPoints', 1, '积分', '積分', '会员积分', '會員積分', '余额积分', '餘額積分', '积分余额', '積分餘額', '剩余积分', '剩餘積分',
  '当前积分', '當前積分', '可用积分', '可用積分', '现有积分', '現有積分', '期初积分', '期初積分', '原有积分', '原有積分', '累计积分余额',
  'Points', 'Opening Points', 'Points Balance', 'Point Balance', 'Loyalty Points', 'Reward Points', 'Rewards Points', 'Current Points',
  'Available Points', 'Balance Points', 'Opening Balance Points', 'Member Points');

/** Google Contacts' numbered columns: "Phone 1 - Value", "E-mail 2 - Value", "Address 1 - Street" … */
function numberedAlias(key: string): Alias | undefined {
  if (/^phone\d+value$/.test(key)) return ['phone', 1];
  if (/^email\d+value$/.test(key)) return ['email', 1];
  return undefined;
}

function lookupHeader(header: string): Alias | undefined {
  const key = normalizeHeader(header);
  if (key === '') return undefined;
  const found = ALIASES.get(key) ?? numberedAlias(key);
  if (found) return found;
  // 手机号(必填), Name*, 【备注】: annotations around the header.
  const bare = normalizeHeader(header.replace(/[(（[【〔][^)）\]】〕]*[)）\]】〕]/g, ''));
  if (bare !== key && ALIASES.has(bare)) return ALIASES.get(bare);
  // 电话2, 备注 3: a numbered copy of a known header; extra phones become phone2.
  const m = /^(.*\D)(\d+)$/.exec(bare);
  if (m && ALIASES.has(m[1]!)) {
    const [target, priority] = ALIASES.get(m[1]!)!;
    return [PHONE_TARGETS.includes(target) && m[2] !== '1' ? 'phone2' : target, priority];
  }
  return undefined;
}

/** Whether a header names a customer field (used to find the header row under a title). */
export function isKnownCustomerHeader(header: string): boolean {
  return lookupHeader(header) !== undefined;
}

/**
 * A first mapping from the header texts. Single-value targets go to the best-matching column (the
 * first on a tie), multi-value ones to every column of the best rank (a "Formatted" address only
 * when there is no street column); a second 'phone' or 'mobile' column becomes 'phone2'.
 */
export function suggestMapping(headers: string[]): ColumnMapping {
  const found = headers.map(lookupHeader);
  const best = new Map<TargetField, number>();
  found.forEach((f) => {
    if (f && f[1] < (best.get(f[0]) ?? Infinity)) best.set(f[0], f[1]);
  });
  const mapping: ColumnMapping = {};
  const taken = new Set<TargetField>();
  headers.forEach((_, i) => {
    const f = found[i];
    let target: TargetField = 'ignore';
    if (f) {
      const [t, priority] = f;
      if (PHONE_TARGETS.includes(t)) target = taken.has(t) && t !== 'phone2' ? 'phone2' : t;
      else if (priority === best.get(t) && (MULTI_COLUMN_TARGETS.includes(t) || !taken.has(t))) target = t;
    }
    if (target !== 'ignore') taken.add(target);
    mapping[i] = target;
  });
  return mapping;
}

/** The paired "Phone 1 - Label" / "Phone 1 - Type" column of a Google "Phone 1 - Value" column. */
function googleLabelColumns(headers: string[]): Map<number, number> {
  const byKey = new Map(headers.map((h, i) => [normalizeHeader(h), i] as const));
  const pairs = new Map<number, number>();
  headers.forEach((h, i) => {
    const m = /^(phone\d+)value$/.exec(normalizeHeader(h));
    const label = m && (byKey.get(`${m[1]}label`) ?? byKey.get(`${m[1]}type`));
    if (label !== undefined && label !== null) pairs.set(i, label);
  });
  return pairs;
}

/** Applies a mapping to a table: one ImportRecord per row, raw text per field. */
export function tableToRecords(table: TabularData, mapping: ColumnMapping): ImportRecord[] {
  const columnsOf = (target: TargetField) =>
    Object.entries(mapping).filter(([, t]) => t === target).map(([i]) => Number(i)).filter((i) => i < table.headers.length).sort((a, b) => a - b);
  const cols = Object.fromEntries(TARGET_FIELDS.map((t) => [t, columnsOf(t)])) as Record<TargetField, number[]>;
  const phoneColumns = PHONE_TARGETS.flatMap((t) => cols[t]);
  const googleLabels = googleLabelColumns(table.headers);
  const headerLabel = (i: number) => (phoneColumns.length > 1 ? table.headers[i]!.trim() : '');

  const errorColumns: Partial<Record<ImportErrorField, number>> = {};
  const errorFields: ImportErrorField[] = ['gender', 'birthday', 'company', 'title', 'city', 'address', 'tags', 'notes', 'source', 'email'];
  for (const f of errorFields) if (cols[f]?.[0] !== undefined) errorColumns[f] = cols[f][0]!;
  const nameColumn = cols.name[0] ?? cols.firstName[0] ?? cols.lastName[0];
  if (nameColumn !== undefined) errorColumns.name = nameColumn;
  if (cols.lunarBirthday[0] !== undefined) errorColumns.birthday = cols.lunarBirthday[0];
  for (const ch of CONSENT_CHANNELS) if (cols[CONSENT_IMPORT_FIELD[ch]][0] !== undefined) errorColumns[CONSENT_IMPORT_FIELD[ch]] = cols[CONSENT_IMPORT_FIELD[ch]][0]!;
  if (cols.openingPoints[0] !== undefined) errorColumns.openingPoints = cols.openingPoints[0];

  return table.rows.map((row, r) => {
    const cell = (i: number) => row[i] ?? '';
    const first = (target: TargetField) => {
      for (const i of cols[target]) if (cell(i).trim() !== '') return cell(i);
      return '';
    };
    const all = (target: TargetField) => cols[target].map(cell).filter((v) => v.trim() !== '');
    const record = emptyImportRecord(table.rowNumbers[r] ?? r + 2);
    record.name = first('name');
    record.firstName = first('firstName');
    record.lastName = first('lastName');
    record.phones = phoneColumns
      .filter((i) => cell(i).trim() !== '')
      .map((i): ImportPhone => {
        const labelColumn = googleLabels.get(i);
        if (labelColumn !== undefined) {
          const text = cell(labelColumn).trim();
          return { raw: cell(i), label: text.replace(/^\*\s*/, ''), primary: text.startsWith('*'), column: i };
        }
        return { raw: cell(i), label: headerLabel(i), primary: false, column: i };
      });
    record.emails = cols.email.filter((i) => cell(i).trim() !== '').map((i) => ({ value: cell(i), column: i }));
    record.gender = first('gender');
    record.birthday = first('birthday');
    record.lunarBirthday = first('lunarBirthday');
    record.company = first('company');
    record.title = first('title');
    record.city = first('city');
    record.address = all('address').map((v) => v.trim()).join(' ');
    record.tags = all('tags');
    record.notes = all('notes');
    record.source = first('source');
    for (const ch of CONSENT_CHANNELS) {
      const text = first(CONSENT_IMPORT_FIELD[ch]);
      if (text.trim() !== '') record.consents[ch] = text;
    }
    record.openingPoints = first('openingPoints');
    record.columns = errorColumns;
    return record;
  });
}

/**
 * Rows → validated drafts (the form's rules) and every problem by row number, field and code.
 * `table.rowNumbers` gives the numbers the user sees; without it rows count from 2.
 */
export function rowsToDrafts(
  table: Pick<TabularData, 'headers' | 'rows'> & { rowNumbers?: number[] },
  mapping: ColumnMapping,
  ctx: ImportContext,
): RecordsToDraftsResult {
  const rowNumbers = table.rowNumbers ?? table.rows.map((_, i) => i + 2);
  return recordsToDrafts(tableToRecords({ ...table, rowNumbers }, mapping), ctx);
}
