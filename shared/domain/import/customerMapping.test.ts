import { describe, expect, it } from 'vitest';
import { ALL_ERROR_CODES } from '../customerValidation';
import { decodeText } from './decode';
import { parseDelimited } from './delimited';
import { IMPORT_ROW_ERRORS, combineNames, parseConsentCell, parseGender, parseSource, splitPhones, splitTags } from './customerRecords';
import { normalizeHeader, rowsToDrafts, suggestMapping, type TargetField } from './customerMapping';
import { encodeGbk } from '../../../test/support/gbk';

const CTX = { defaultRegion: 'CN' as const, today: new Date(2025, 5, 15) };

/** header → target, for the non-ignored columns. */
function mapped(headers: string[]): Record<string, TargetField> {
  const m = suggestMapping(headers);
  return Object.fromEntries(headers.map((h, i) => [h, m[i]!]).filter(([, t]) => t !== 'ignore'));
}

describe('suggestMapping', () => {
  it('maps Chinese headers, ignoring case, spaces, punctuation and annotations', () => {
    expect(mapped(['客户姓名', ' 手机号码 ', '联系电话', '性别', '出生日期', '电子邮件', '工作单位', '职务', '城市', '详细地址', '标签', '备注', '来源', '编号']))
      .toEqual({ 客户姓名: 'name', ' 手机号码 ': 'mobile', 联系电话: 'phone', 性别: 'gender', 出生日期: 'birthday', 电子邮件: 'email',
        工作单位: 'company', 职务: 'title', 城市: 'city', 详细地址: 'address', 标签: 'tags', 备注: 'notes', 来源: 'source' });
    expect(mapped(['姓名*', '手机号(必填)', '电话2', '农历生日', '【备注】'])).toEqual({
      '姓名*': 'name', '手机号(必填)': 'mobile', 电话2: 'phone2', 农历生日: 'lunarBirthday', '【备注】': 'notes' });
    expect(mapped(['名字', '电话', '电话2', '电话3', '备注', '备注2', '姓名2'])).toEqual({
      名字: 'name', 电话: 'phone', 电话2: 'phone2', 电话3: 'phone2', 备注: 'notes', 备注2: 'notes' });
  });

  it('maps plain English headers', () => {
    expect(mapped(['Name', 'Phone', 'Mobile', 'E-Mail', 'Birthday', 'Company', 'Title', 'City', 'Tags', 'Notes', 'Gender']))
      .toEqual({ Name: 'name', Phone: 'phone', Mobile: 'mobile', 'E-Mail': 'email', Birthday: 'birthday', Company: 'company',
        Title: 'title', City: 'city', Tags: 'tags', Notes: 'notes', Gender: 'gender' });
    expect(mapped(['first_name', 'LAST NAME', 'date of birth'])).toEqual({ first_name: 'firstName', 'LAST NAME': 'lastName', 'date of birth': 'birthday' });
  });

  it("maps Square's customer export", () => {
    const headers = ['Reference ID', 'First Name', 'Last Name', 'Email Address', 'Phone Number', 'Nickname', 'Company Name',
      'Street Address 1', 'Street Address 2', 'City', 'State', 'Postal Code', 'Birthday', 'Memo', 'Square Customer ID',
      'Creation Source', 'First Visit', 'Last Visit', 'Transaction Count', 'Total Spend', 'Email Subscription Status'];
    expect(mapped(headers)).toEqual({ 'First Name': 'firstName', 'Last Name': 'lastName', 'Email Address': 'email', 'Phone Number': 'phone',
      'Company Name': 'company', 'Street Address 1': 'address', 'Street Address 2': 'address', City: 'city', Birthday: 'birthday', Memo: 'notes' });
  });

  it("maps Zoho CRM's contact export", () => {
    const headers = ['Record Id', 'Contact Owner', 'Lead Source', 'First Name', 'Last Name', 'Account Name', 'Vendor Name', 'Email',
      'Title', 'Department', 'Phone', 'Home Phone', 'Other Phone', 'Fax', 'Mobile', 'Date of Birth', 'Assistant', 'Asst Phone',
      'Email Opt Out', 'Skype ID', 'Created Time', 'Modified Time', 'Full Name', 'Mailing Street', 'Other Street', 'Mailing City',
      'Other City', 'Mailing State', 'Mailing Zip', 'Mailing Country', 'Description', 'Secondary Email', 'Tag'];
    expect(mapped(headers)).toEqual({ 'Lead Source': 'source', 'First Name': 'firstName', 'Last Name': 'lastName', 'Account Name': 'company',
      Email: 'email', Title: 'title', Phone: 'phone', 'Home Phone': 'phone2', 'Other Phone': 'phone2', Mobile: 'mobile',
      'Date of Birth': 'birthday', 'Full Name': 'name', 'Mailing Street': 'address', 'Mailing City': 'city', Description: 'notes',
      'Secondary Email': 'email', Tag: 'tags' });
  });

  it('maps the current Google Contacts CSV', () => {
    const headers = ['First Name', 'Middle Name', 'Last Name', 'Phonetic First Name', 'Name Prefix', 'Nickname', 'File As',
      'Organization Name', 'Organization Title', 'Organization Department', 'Birthday', 'Notes', 'Photo', 'Labels',
      'E-mail 1 - Label', 'E-mail 1 - Value', 'E-mail 2 - Label', 'E-mail 2 - Value', 'Phone 1 - Label', 'Phone 1 - Value',
      'Phone 2 - Label', 'Phone 2 - Value', 'Address 1 - Label', 'Address 1 - Formatted', 'Address 1 - Street', 'Address 1 - City',
      'Address 1 - PO Box', 'Address 1 - Region', 'Address 1 - Postal Code', 'Address 1 - Country', 'Address 1 - Extended Address',
      'Website 1 - Label', 'Website 1 - Value'];
    expect(mapped(headers)).toEqual({ 'First Name': 'firstName', 'Last Name': 'lastName', 'Organization Name': 'company',
      'Organization Title': 'title', Birthday: 'birthday', Notes: 'notes', Labels: 'tags', 'E-mail 1 - Value': 'email',
      'E-mail 2 - Value': 'email', 'Phone 1 - Value': 'phone', 'Phone 2 - Value': 'phone2', 'Address 1 - Street': 'address',
      'Address 1 - City': 'city', 'Address 1 - Extended Address': 'address' });
  });

  it('maps the older Google Contacts CSV and Outlook', () => {
    const google = ['Name', 'Given Name', 'Additional Name', 'Family Name', 'Birthday', 'Gender', 'Notes', 'Group Membership',
      'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'Address 1 - Formatted', 'Address 1 - City',
      'Organization 1 - Type', 'Organization 1 - Name', 'Organization 1 - Title'];
    expect(mapped(google)).toEqual({ Name: 'name', 'Given Name': 'firstName', 'Family Name': 'lastName', Birthday: 'birthday',
      Gender: 'gender', Notes: 'notes', 'Group Membership': 'tags', 'E-mail 1 - Value': 'email', 'Phone 1 - Value': 'phone',
      'Address 1 - Formatted': 'address', 'Address 1 - City': 'city', 'Organization 1 - Name': 'company', 'Organization 1 - Title': 'title' });
    const outlook = ['Title', 'First Name', 'Last Name', 'Job Title', 'Company', 'E-mail Address', 'Mobile Phone', 'Home Phone',
      'Home Address', 'Home Street', 'Home City', 'Categories'];
    expect(mapped(outlook)).toEqual({ 'First Name': 'firstName', 'Last Name': 'lastName', 'Job Title': 'title', Company: 'company',
      'E-mail Address': 'email', 'Mobile Phone': 'mobile', 'Home Phone': 'phone2', 'Home Street': 'address', 'Home City': 'city',
      Categories: 'tags' });
  });

  it('normalises headers', () => {
    expect(normalizeHeader(' E-mail 1 - Value ')).toBe('email1value');
    expect(normalizeHeader('ＰＨＯＮＥ　Ｎｕｍｂｅｒ')).toBe('phonenumber');
  });
});

describe('value readers', () => {
  it('combines first and last names: Chinese surname first without a space', () => {
    expect(combineNames('三', '张')).toBe('张三');
    expect(combineNames('娜娜', '欧阳')).toBe('欧阳娜娜');
    expect(combineNames('Anna', 'Müller')).toBe('Anna Müller');
    expect(combineNames('John', '')).toBe('John');
    expect(combineNames('', '李')).toBe('李');
  });

  it('reads genders', () => {
    expect(['男', '女', 'M', 'f', 'Male', 'FEMALE', '先生', '女士', '1', '2', '保密', '其他', ''].map(parseGender))
      .toEqual(['male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'unspecified', 'other', null]);
    expect(parseGender('unicorn')).toBe('invalid');
  });

  it('reads sources, never rejecting one', () => {
    expect(['到店', '朋友介绍', '抖音', 'Walk-in', 'Referral', '展会活动', '别的', ''].map(parseSource))
      .toEqual(['walk-in', 'referral', 'online', 'walk-in', 'referral', 'event', 'other', null]);
  });

  it('splits tags and phones', () => {
    expect(splitTags('VIP, 老客户，茶叶;咖啡；a|b、c')).toEqual(['VIP', '老客户', '茶叶', '咖啡', 'a', 'b', 'c']);
    expect(splitTags('* myContacts ::: Friends ::: * starred')).toEqual(['Friends']);
    expect(splitPhones('13812345678/13912345678')).toEqual(['13812345678', '13912345678']);
    expect(splitPhones('0755/8888 8888')).toEqual(['0755/8888 8888']);
    expect(splitPhones('+1 555 0100 ::: +1 555 0199')).toEqual(['+1 555 0100', '+1 555 0199']);
  });
});

describe('rowsToDrafts', () => {
  const table = (headers: string[], rows: string[][]) => ({ headers, rows, rowNumbers: rows.map((_, i) => i + 2) });

  it('builds validated drafts with the form rules and keeps phones as text', () => {
    const t = table(['姓名', '手机', '电话', '性别', '生日', '邮箱', '标签', '备注'], [
      ['张三', '138 1234 5678', '0755-88888888', '男', '1990年5月17日', 'ZS@Example.COM', 'VIP，老客户', '喜欢龙井'],
      ['李四', '13912345678', '13912345678', '女', '--08-15', '', '', ''],
    ]);
    const r = rowsToDrafts(t, suggestMapping(t.headers), CTX);
    expect(r.errors).toEqual([]);
    expect(r.drafts.map((d) => d.rowNumber)).toEqual([2, 3]);
    const [a, b] = r.drafts.map((d) => d.fields);
    expect(a).toMatchObject({
      name: '张三', gender: 'male', email: 'ZS@example.com', tags: ['VIP', '老客户'], notes: '喜欢龙井',
      birthday: { calendar: 'solar', year: 1990, month: 5, day: 17, leapMonth: false },
    });
    // Two phone columns: labelled by their headers; the mobile column is primary.
    expect(a!.phones.map((p) => [p.normalized, p.label, p.primary])).toEqual([['+8613812345678', '手机', true], ['+8675588888888', '电话', false]]);
    // The same number in two columns is kept once, not reported.
    expect(b!.phones).toHaveLength(1);
    expect(b!.birthday).toEqual({ calendar: 'solar', year: null, month: 8, day: 15, leapMonth: false });
  });

  it('names every bad row by number, field, code, value and column', () => {
    const t = table(['Name', 'Phone', 'Email', 'Birthday', 'Gender'], [
      ['Ann', '12345', 'ann@', '1990-02-30', '?'],
      ['', '13812345678', '', '', ''],
      ['Bob', '1.38123E+10', '', 'soon', ''],
      ['Cid', '', '', '2030-01-01', ''],
    ]);
    const r = rowsToDrafts(t, suggestMapping(t.headers), CTX);
    expect(r.drafts).toEqual([]);
    expect(r.errors).toEqual([
      { rowNumber: 2, field: 'gender', code: 'choice-invalid', value: '?', column: 4 },
      { rowNumber: 2, field: 'phone', code: 'phone-too-short', value: '12345', column: 1 },
      { rowNumber: 2, field: 'email', code: 'email-invalid', value: 'ann@', column: 2 },
      { rowNumber: 2, field: 'birthday', code: 'birthday-invalid-date', value: '1990-02-30', column: 3 },
      { rowNumber: 3, field: 'name', code: 'name-required', value: '', column: 0 },
      { rowNumber: 4, field: 'phone', code: 'phone-scientific-notation', value: '1.38123E+10', column: 1 },
      { rowNumber: 4, field: 'birthday', code: 'birthday-invalid-date', value: 'soon', column: 3 },
      { rowNumber: 5, field: 'birthday', code: 'birthday-in-future', value: '2030-01-01', column: 3 },
    ]);
    for (const e of r.errors) expect([...ALL_ERROR_CODES, ...IMPORT_ROW_ERRORS]).toContain(e.code);
  });

  it('keeps numbers libphonenumber rejects only when asked', () => {
    const t = table(['Name', 'Phone'], [['Bank', '95588'], ['Hotline', '400-699-8888']]);
    expect(rowsToDrafts(t, suggestMapping(t.headers), CTX).errors).toEqual([
      { rowNumber: 2, field: 'phone', code: 'phone-too-short', value: '95588', column: 1 },
    ]);
    const kept = rowsToDrafts(t, suggestMapping(t.headers), { ...CTX, keepInvalidPhones: true });
    expect(kept.drafts.map((d) => d.fields.phones[0])).toMatchObject([
      { normalized: '95588', kind: 'kept' },
      { normalized: '+864006998888', kind: 'validated' },
    ]);
  });

  it('combines first and last names, and keeps extra e-mails in the notes', () => {
    const t = table(['First Name', 'Last Name', 'E-mail 1 - Value', 'E-mail 2 - Value', 'Notes'], [
      ['三', '张', 'a@x.cn', 'b@x.cn', 'note'],
      ['John', 'Doe', '', 'j@x.com', ''],
    ]);
    const r = rowsToDrafts(t, suggestMapping(t.headers), CTX);
    expect(r.drafts.map((d) => [d.fields.name, d.fields.email, d.fields.notes])).toEqual([
      ['张三', 'a@x.cn', 'note\nb@x.cn'],
      ['John Doe', 'j@x.com', ''],
    ]);
  });

  it("uses Google's phone label column and its * primary mark", () => {
    const t = table(['Name', 'Phone 1 - Label', 'Phone 1 - Value', 'Phone 2 - Label', 'Phone 2 - Value'], [
      ['Ann', 'Work', '+1 212 555 0100', '* Mobile', '+1 212 555 0199 ::: +1 212 555 0142'],
    ]);
    const [d] = rowsToDrafts(t, suggestMapping(t.headers), CTX).drafts;
    expect(d!.fields.phones.map((p) => [p.normalized, p.label, p.primary])).toEqual([
      ['+12125550100', 'Work', false], ['+12125550199', 'Mobile', true], ['+12125550142', 'Mobile', false],
    ]);
  });

  it('reads a lunar birthday column, Excel serial birthdays and English dates', () => {
    const t = table(['姓名', '农历生日', 'Birthday'], [['王五', '1990-08-15', ''], ['赵六', '', '33010'], ['Amy', '', '12/31/1985']]);
    const r = rowsToDrafts(t, suggestMapping(t.headers), CTX);
    expect(r.drafts.map((d) => d.fields.birthday)).toEqual([
      { calendar: 'lunar', year: 1990, month: 8, day: 15, leapMonth: false },
      { calendar: 'solar', year: 1990, month: 5, day: 17, leapMonth: false },
      { calendar: 'solar', year: 1985, month: 12, day: 31, leapMonth: false },
    ]);
  });

  it('skips rows with nothing in the mapped columns instead of failing them', () => {
    const t = table(['姓名', '编号'], [['张三', '1'], ['', '合计']]);
    const r = rowsToDrafts(t, suggestMapping(t.headers), CTX);
    expect(r.drafts).toHaveLength(1);
    expect(r.skipped).toEqual([{ rowNumber: 3, code: 'row-no-mapped-data' }]);
  });

  it('honours a corrected mapping and numbers rows from 2 without rowNumbers', () => {
    const r = rowsToDrafts({ headers: ['A', 'B'], rows: [['张三', '13812345678']] }, { 0: 'name', 1: 'mobile' }, CTX);
    expect(r.drafts[0]).toMatchObject({ rowNumber: 2, fields: { name: '张三', phones: [{ normalized: '+8613812345678' }] } });
  });

  it('imports a GBK file saved by Chinese Excel end to end, keeping leading zeros', () => {
    const csv = '客户名称,手机号,座机,出生日期\r\n张三,13812345678,010-12345678,1988/3/9\r\n"欧阳, 娜娜",013912345678,,\r\n';
    const { text } = decodeText(encodeGbk(csv));
    const t = parseDelimited(text);
    const r = rowsToDrafts(t, suggestMapping(t.headers), CTX);
    expect(r.drafts[0]!.fields.phones.map((p) => p.normalized)).toEqual(['+8613812345678', '+861012345678']);
    expect(r.drafts[0]!.fields.birthday).toMatchObject({ year: 1988, month: 3, day: 9 });
    // 013912345678 keeps its zero as text; libphonenumber reads the 0 as a trunk prefix.
    expect(r.drafts[1]!.fields).toMatchObject({ name: '欧阳, 娜娜', phones: [{ raw: '013912345678', normalized: '+8613912345678' }] });
  });
});

describe('consent columns', () => {
  it('maps the common consent headers to their channel', () => {
    expect(mapped(['姓名', '短信营销许可', 'Accepts Email Marketing', '微信同意', '電話行銷同意'])).toEqual({
      姓名: 'name', 短信营销许可: 'consentSms', 'Accepts Email Marketing': 'consentEmail', 微信同意: 'consentWechat', 電話行銷同意: 'consentPhone',
    });
    // One column per channel: a second SMS column is left for the clerk to map.
    expect(mapped(['Name', 'SMS opt-in', 'SMS marketing consent'])).toEqual({ Name: 'name', 'SMS opt-in': 'consentSms' });
  });

  it('reads yes and no in the usual spellings, and names every other value by row, column and channel', () => {
    expect(['是', '同意', 'Yes', 'TRUE', '1', '√', 'opt-in', '同意 2026-06-15 (店内)'].map(parseConsentCell)).toEqual(Array(8).fill(true));
    expect(['否', '拒绝', '撤回', '已撤回', 'no', 'False', '0', 'unsubscribed', '已撤回 2026-06-15'].map(parseConsentCell)).toEqual(Array(9).fill(false));
    expect(['', '  '].map(parseConsentCell)).toEqual([null, null]);
    expect(['也许', 'yes please', '2026-06-15'].map(parseConsentCell)).toEqual(['invalid', 'invalid', 'invalid']);

    const t = { headers: ['姓名', '短信营销许可', '邮件营销许可'], rows: [['张三', '是', ''], ['李四', '也许', '否'], ['王五', '', '?']], rowNumbers: [2, 3, 4] };
    const r = rowsToDrafts(t, suggestMapping(t.headers), CTX);
    expect(r.drafts.map((d) => [d.rowNumber, d.consents])).toEqual([[2, [{ channel: 'sms', granted: true }]]]);
    expect(r.errors).toEqual([
      { rowNumber: 3, field: 'consentSms', code: 'consent-invalid', value: '也许', column: 1 },
      { rowNumber: 4, field: 'consentEmail', code: 'consent-invalid', value: '?', column: 2 },
    ]);
    for (const e of r.errors) expect([...ALL_ERROR_CODES, ...IMPORT_ROW_ERRORS]).toContain(e.code);
  });

  it('keeps a row that carries only a consent answer as data, not as an empty row', () => {
    const t = { headers: ['姓名', '微信营销许可'], rows: [['', '是']], rowNumbers: [2] };
    const r = rowsToDrafts(t, suggestMapping(t.headers), CTX);
    expect(r.skipped).toEqual([]);
    expect(r.errors).toEqual([{ rowNumber: 2, field: 'name', code: 'name-required', value: '', column: 0 }]);
  });
});
