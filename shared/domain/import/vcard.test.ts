import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordsToDrafts } from './customerRecords';
import { parseVCards } from './vcard';
import { encodeGbk } from '../../../test/support/gbk';

const DIR = new URL('../../../../shared/data/vcf/', import.meta.url);
const load = (name: string) => parseVCards(new Uint8Array(readFileSync(new URL(name, DIR))));
const CTX = { defaultRegion: 'CN' as const, today: new Date(2025, 5, 15) };
const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

describe('parseVCards on the node-vcf fixtures', () => {
  const EXPECTED_CARDS: Record<string, number> = {
    'node-vcf_cards_ex_21.vcard': 1,
    'node-vcf_cards_ex_apple1.vcard': 1,
    'node-vcf_cards_ex_encode_1.vcard': 1,
    'node-vcf_cards_gmail.vcard': 1,
    'node-vcf_cards_highrise.vcard': 1,
    'node-vcf_empty-lines.vcf': 1,
    'node-vcf_multiple.vcf': 3,
    'node-vcf_photo-base64.vcf': 1,
    'node-vcf_quoted-list.vcf': 1,
    'node-vcf_vcard-2.1.vcf': 1,
    'node-vcf_vcard-3.0.vcf': 1,
    'node-vcf_vcard-4.0.vcf': 1,
    'node-vcf_xing.vcf': 1,
  };

  it('parses every file without throwing or warnings, with the expected number of cards', () => {
    const files = readdirSync(DIR).sort();
    expect(files).toEqual(Object.keys(EXPECTED_CARDS).sort());
    for (const file of files) {
      const r = load(file);
      expect(r.records, file).toHaveLength(EXPECTED_CARDS[file]!);
      expect(r.warnings, file).toEqual([]);
    }
  });

  it('every fixture card either becomes a valid draft or is reported with codes (13 files, 15 cards)', () => {
    const outcome: Record<string, string> = {};
    for (const file of readdirSync(DIR).sort()) {
      const r = recordsToDrafts(load(file).records, { ...CTX, keepInvalidPhones: true });
      outcome[file] = [
        ...r.drafts.map((d) => `ok:${d.fields.name}`),
        ...r.skipped.map((s) => `skip:${s.code}`),
        ...[...new Set(r.errors.map((e) => `${e.field}:${e.code}`))],
      ].join(' | ');
    }
    expect(outcome).toEqual({
      // "TEL;VOICE:1" and "EMAIL:e@c" in the Evolution sample are not a phone and an address.
      'node-vcf_cards_ex_21.vcard': 'phone:phone-too-short | email:email-invalid',
      'node-vcf_cards_ex_apple1.vcard': 'ok:Roberts Sam',
      'node-vcf_cards_ex_encode_1.vcard': 'ok:Roberts Sam',
      'node-vcf_cards_gmail.vcard': 'ok:Stepcase TestUser',
      'node-vcf_cards_highrise.vcard': 'ok:John Doe',
      'node-vcf_empty-lines.vcf': 'ok:Dr. Erika Mustermann',
      'node-vcf_multiple.vcf': 'ok:Dr. Erika Mustermann | ok:Dr. Erika Mustermann | ok:Dr. Erika Mustermann',
      'node-vcf_photo-base64.vcf': 'skip:row-no-mapped-data',
      'node-vcf_quoted-list.vcf': 'name:name-required',
      'node-vcf_vcard-2.1.vcf': 'ok:Forrest Gump',
      'node-vcf_vcard-3.0.vcf': 'ok:Forrest Gump',
      'node-vcf_vcard-4.0.vcf': 'ok:Forrest Gump',
      'node-vcf_xing.vcf': 'ok:Hans-Peter Mustermann',
    });
  });

  it('Gmail: several TELs with types, the cell one primary, QUOTED-PRINTABLE soft breaks', () => {
    const r = load('node-vcf_cards_gmail.vcard');
    const [rec] = r.records;
    expect(rec).toMatchObject({ name: 'Stepcase TestUser', company: 'Stepcase.com', title: 'CTO', notes: ['Stepcase test user is a robot.'] });
    expect(rec!.phones.map((p) => `${p.raw}:${p.label}${p.primary ? '*' : ''}`)).toEqual([
      '44444444:fax', '66666666:pager', '22222222:home', '11111111:cell*', '55555555:fax', '33333333:work',
    ]);
    expect(rec!.emails).toEqual([{ value: 'testuser@stepcase.com' }]);
    const labels = r.cards[0]!.filter((p) => p.name === 'LABEL').map((p) => p.value);
    expect(labels).toEqual(['123 Home, Home Street\r\nKowloon, N/A\r\nHong Kong', '321 Office, Work Road\r\nTsuen Wan NT\r\nHong Kong']);
  });

  it('Highrise: escaped commas, folded ADR, the home address, four e-mails', () => {
    const [rec] = load('node-vcf_cards_highrise.vcard').records;
    expect(rec).toMatchObject({ name: 'John Doe', company: 'John Doe & Partners Limited', title: 'Sales Manager', city: 'New York', address: '123 Sweet Home, Narrow Street' });
    expect(rec!.emails.map((e) => e.value)).toEqual(['john.doe@work.com', 'john.doe@home.com', 'john.doe@other.com', 'john.doe@custom.com']);
    expect(rec!.phones).toHaveLength(9);
  });

  it('Apple: type=pref, folded ADR, BDAY with value=date', () => {
    const [rec] = load('node-vcf_cards_ex_apple1.vcard').records;
    expect(rec).toMatchObject({ name: 'Roberts Sam', birthday: '1970-07-14', city: 'Toronto', address: '376 Westmoreland Ave.' });
    expect(rec!.phones[0]).toEqual({ raw: '905-501-3781', label: 'work', primary: true });
    const adr = load('node-vcf_cards_ex_apple1.vcard').cards[0]!.find((p) => p.name === 'ADR')!;
    expect(adr.value).toBe(';;376 Westmoreland Ave.;Toronto;ON;M6H 3A6;Canada');
  });

  it('UTF-8 text, blank lines inside a card and a folded PHOTO url', () => {
    const [rec] = load('node-vcf_empty-lines.vcf').records;
    expect(rec).toMatchObject({ name: 'Dr. Erika Mustermann', city: 'Köln', address: 'Heidestraße 17', company: 'Wikimedia' });
    expect(rec!.phones.map((p) => p.raw)).toEqual(['+49 221 9999123', '+49 221 1234567']);
  });

  it('vCard 4.0: tel: URIs, groups (item1.TEL), quoted LABEL parameter with a fold', () => {
    const r = load('node-vcf_vcard-4.0.vcf');
    expect(r.records[0]!.phones.map((p) => p.raw)).toEqual(['+11115551212', '+14045551212', '+14045551213']);
    expect(r.cards[0]!.find((p) => p.name === 'TEL' && p.group === 'item1')).toBeDefined();
    // No ADR is preferred, so the home one is taken.
    expect(r.records[0]).toMatchObject({ city: 'Baytown', address: '42 Plantation St.' });
    const multi = load('node-vcf_multiple.vcf');
    expect(multi.records.map((x) => x.city)).toEqual(['Köln', 'Koeln', 'Köln']);
  });

  it('quoted TYPE lists and PREF=1; CHARSET=ISO-8859-1 and CATEGORIES', () => {
    expect(load('node-vcf_quoted-list.vcf').records[0]!.phones).toEqual([{ raw: '+1-555-555-5555', label: 'home', primary: true }]);
    expect(load('node-vcf_xing.vcf').records[0]).toMatchObject({ name: 'Hans-Peter Mustermann', tags: ['Consulting'], company: 'Example GmbH', city: 'City Name' });
  });

  it('ignores PHOTO and base64 continuation lines', () => {
    const r = load('node-vcf_photo-base64.vcf');
    expect(r.cards.map((c) => c.map((p) => p.name))).toEqual([['VERSION']]);
  });
});

describe('parseVCards on Chinese phone exports written by the test', () => {
  it('vCard 2.1 from an Android phone: QUOTED-PRINTABLE UTF-8 with soft line breaks, N surname first', () => {
    const file = [
      'BEGIN:VCARD', 'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=89;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0=E4=B8=89',
      'TEL;CELL:138 1234 5678', 'TEL;HOME;PREF:0755-88888888',
      'EMAIL;HOME:zs@example.cn',
      'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=96=9C=E6=AC=A2=E9=BE=99=E4=BA=95=0D=0A=E8=80=81=',
      '=E5=AE=A2=E6=88=B7',
      'CATEGORIES:VIP,老客户',
      'BDAY:19900517',
      'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'N:欧阳;娜娜;;;', 'FN:娜娜 欧阳', 'TEL;TYPE=CELL:+86 139 1234 5678',
      'BDAY;X-APPLE-OMIT-YEAR=1604:1604-08-15', 'GENDER:F', 'ORG:熟客茶庄;销售部', 'TITLE:店长',
      'ADR;TYPE=WORK:;;科技园南路 1 号;深圳;广东;518000;中国', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Doe;John;;;', 'END:VCARD',
      '',
    ].join('\r\n');
    const r = parseVCards(utf8(file));
    expect(r.records).toHaveLength(3);
    const [a, b, c] = r.records;
    expect(a).toMatchObject({ name: '张三', notes: ['喜欢龙井\r\n老客户'], tags: ['VIP', '老客户'], birthday: '19900517' });
    expect(a!.phones).toEqual([
      { raw: '0755-88888888', label: 'home', primary: true },
      { raw: '138 1234 5678', label: 'cell', primary: false },
    ]);
    // N wins over a Western-order FN for Chinese names; the year Apple omitted is dropped.
    expect(b).toMatchObject({ name: '欧阳娜娜', birthday: '--0815', gender: 'F', company: '熟客茶庄', title: '店长', city: '深圳', address: '科技园南路 1 号' });
    expect(c!.name).toBe('John Doe');

    const drafts = recordsToDrafts(r.records, CTX);
    expect(drafts.errors).toEqual([]);
    expect(drafts.drafts.map((d) => d.fields)).toMatchObject([
      { name: '张三', email: 'zs@example.cn', phones: [{ normalized: '+8675588888888', primary: true }, { normalized: '+8613812345678' }], birthday: { year: 1990, month: 5, day: 17 } },
      { name: '欧阳娜娜', gender: 'female', birthday: { year: null, month: 8, day: 15 } },
      { name: 'John Doe' },
    ]);
  });

  it('decodes each value in its CHARSET, and a whole GBK file without one', () => {
    const head = utf8('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=GBK:');
    const mixed = concat(head, encodeGbk('李;四'), utf8('\r\nNOTE;CHARSET=UTF-8:'), utf8('备注'), utf8('\r\nEND:VCARD\r\n'));
    expect(parseVCards(mixed).records[0]).toMatchObject({ name: '李四', notes: ['备注'] });

    const gbkFile = encodeGbk('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王五\r\nNOTE:常客\r\nEND:VCARD\r\n');
    expect(parseVCards(gbkFile).records[0]).toMatchObject({ name: '王五', notes: ['常客'] });

    const latin1 = concat(utf8('BEGIN:VCARD\r\nFN;CHARSET=ISO-8859-1:J'), new Uint8Array([0xfc]), utf8('rgen\r\nEND:VCARD\r\n'));
    expect(parseVCards(latin1).records[0]!.name).toBe('Jürgen');
  });

  it('does not let a dangling soft line break swallow END:VCARD', () => {
    const r = parseVCards('BEGIN:VCARD\r\nFN:Ann\r\nNOTE;ENCODING=QUOTED-PRINTABLE:abc=\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Bob\r\nEND:VCARD\r\n');
    expect(r.records.map((x) => [x.name, x.notes])).toEqual([['Ann', ['abc=']], ['Bob', []]]);
    expect(r.warnings).toEqual([]);
  });

  it('warns about an unknown charset and an unterminated card, keeping both', () => {
    const text = 'BEGIN:VCARD\nFN;CHARSET=X-MADE-UP:Ann\nBEGIN:VCARD\nFN:Bob\n';
    const r = parseVCards(utf8(text));
    expect(r.records.map((x) => x.name)).toEqual(['Ann', 'Bob']);
    expect(r.warnings).toEqual([
      { rowNumber: 1, code: 'vcard-unknown-charset' },
      { rowNumber: 1, code: 'vcard-unterminated' },
      { rowNumber: 2, code: 'vcard-unterminated' },
    ]);
  });

  it('accepts already-decoded text and maps phone labels on request', () => {
    const r = parseVCards('BEGIN:VCARD\nFN:Ann\nTEL;TYPE=CELL:13812345678\nEND:VCARD', { phoneLabel: (t) => ({ cell: '手机' })[t] ?? t });
    expect(r.records[0]!.phones).toEqual([{ raw: '13812345678', label: '手机', primary: true }]);
  });
});

describe('vCard phone types as the app labels', () => {
  it('maps every TYPE to one of the app labels, never a raw key', async () => {
    const { vcardPhoneLabel } = await import('./vcard');
    expect(['cell', 'CELL', 'iphone', 'home', 'work', 'fax', 'pager', 'main', 'x-custom', 'car', 'other', 'video'].map(vcardPhoneLabel)).toEqual(['mobile', 'mobile', 'mobile', 'home', 'work', 'fax', 'pager', 'main', 'other', 'other', 'other', 'other']);
  });
});
