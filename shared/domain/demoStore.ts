// Deterministic demo customers for a small Chinese store: same seed, same store, fast enough for 100,000.
import { getDaysInMonth, subYears } from 'date-fns';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { pinyin } from 'pinyin-pro';
import type { ConsentAnswer, ConsentChannel } from './consent';
import type { Birthday, ContactChannel, CustomerFields, CustomerPhone, CustomerSource, Gender } from './customer';
import { createRng, weightedPicker, type Rng } from './random';
import surnameTable from './data/surnames.json';

export interface DemoCustomer {
  id: string;
  fields: CustomerFields;
  /** ISO 8601 UTC; ascending in generation order, so a referrer is always created earlier. */
  createdAt: string;
  /** Marketing consent the customer answered when created (recorded in store, at createdAt). */
  consents: ConsentAnswer[];
}

export interface DemoOptions {
  seed: number;
  count: number;
  now: Date;
  newId: () => string;
}

/** Tags the demo store uses; the store's own words, so Chinese. */
export const DEMO_TAGS = ['常客', '会员', '喜欢新品', '价格敏感', '团购', '生日关怀', '推荐人', '企业客户'] as const;

const SURNAMES = surnameTable as [string, number][];
const drawSurname = weightedPicker(SURNAMES);

const GIVEN_FEMALE = [...'芳娜敏静丽艳娟霞秀玲婷雪慧颖琳洁倩梅红燕欣怡佳雨萱梓涵诗思悦晨瑶晓嘉可心月琪宁璐薇妍蕾楠茜凤英兰丹'];
const GIVEN_MALE = [...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭龙林洋博文泽轩睿子一昊天然阳成建国志海峰'];
const GIVEN_NEUTRAL = [...'晨嘉宁文子一安乐诚思'];

const WESTERN_FEMALE = ['Anna', 'Emma', 'Olivia', 'Sophie', 'Grace', 'Emily', 'Chloe', 'Mia', 'Lucy', 'Hannah', 'Zoë', 'Léa'];
const WESTERN_MALE = ['James', 'Oliver', 'Jack', 'Daniel', 'Michael', 'David', 'Thomas', 'Lucas', 'Ethan', 'Noah', 'Jean-Luc', 'José'];
const WESTERN_SURNAMES = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Müller', 'Martin', 'Lee', 'García', 'Nguyen', 'Kim', "O'Brien", 'Schmidt', 'Rossi', 'Dubois'];

interface City {
  name: string;
  areaCode: string;
  /** Digits of a local landline number after the area code. */
  localDigits: number;
  districts: string[];
}
const CITIES: City[] = [
  { name: '北京', areaCode: '010', localDigits: 8, districts: ['朝阳区', '海淀区', '东城区', '西城区', '丰台区'] },
  { name: '上海', areaCode: '021', localDigits: 8, districts: ['浦东新区', '徐汇区', '静安区', '黄浦区', '闵行区'] },
  { name: '广州', areaCode: '020', localDigits: 8, districts: ['天河区', '越秀区', '海珠区', '白云区', '番禺区'] },
  { name: '深圳', areaCode: '0755', localDigits: 8, districts: ['南山区', '福田区', '罗湖区', '宝安区', '龙岗区'] },
  { name: '成都', areaCode: '028', localDigits: 8, districts: ['锦江区', '武侯区', '青羊区', '成华区', '高新区'] },
  { name: '杭州', areaCode: '0571', localDigits: 8, districts: ['西湖区', '上城区', '拱墅区', '滨江区', '余杭区'] },
  { name: '武汉', areaCode: '027', localDigits: 8, districts: ['武昌区', '江汉区', '洪山区', '江岸区', '汉阳区'] },
  { name: '南京', areaCode: '025', localDigits: 8, districts: ['鼓楼区', '玄武区', '秦淮区', '建邺区', '江宁区'] },
  { name: '西安', areaCode: '029', localDigits: 8, districts: ['雁塔区', '碑林区', '新城区', '未央区', '莲湖区'] },
  { name: '重庆', areaCode: '023', localDigits: 8, districts: ['渝中区', '江北区', '南岸区', '沙坪坝区', '九龙坡区'] },
  { name: '苏州', areaCode: '0512', localDigits: 8, districts: ['姑苏区', '工业园区', '吴中区', '相城区', '虎丘区'] },
  { name: '长沙', areaCode: '0731', localDigits: 8, districts: ['岳麓区', '芙蓉区', '天心区', '开福区', '雨花区'] },
  { name: '厦门', areaCode: '0592', localDigits: 7, districts: ['思明区', '湖里区', '集美区', '海沧区', '同安区'] },
];
// A shop's customers mostly live in its own city; the demo store is in Shenzhen.
const drawCity = weightedPicker(CITIES.map((c): [City, number] => [c, c.name === '深圳' ? 60 : 3]));
const STREETS = ['中山路', '人民路', '解放路', '建设路', '和平路', '新华路', '长江路', '文化路', '青年路', '花园路', '学府路', '滨海大道'];

// Mobile prefixes that libphonenumber's metadata accepts, weighted toward the common 13x/15x/18x.
const drawMobilePrefix = weightedPicker<string>([
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'].map((p): [string, number] => [p, 10]),
  ...['150', '151', '152', '153', '155', '156', '157', '158', '159'].map((p): [string, number] => [p, 7]),
  ...['170', '171', '172', '173', '175', '176', '177', '178'].map((p): [string, number] => [p, 1]),
  ...['180', '181', '182', '183', '184', '185', '186', '187', '188', '189'].map((p): [string, number] => [p, 7]),
  ['198', 4],
  ['199', 4],
]);
// Landline numbers starting 2, 3, 5 or 6 are valid in every city above (010 8xxx… is not).
const LANDLINE_FIRST_DIGITS = ['2', '3', '5', '6'];

const EMAIL_DOMAINS = weightedPicker<string>([
  ['qq.com', 40],
  ['163.com', 25],
  ['126.com', 10],
  ['gmail.com', 8],
  ['foxmail.com', 6],
  ['sina.com', 5],
  ['outlook.com', 6],
]);

const COMPANY_WORDS = ['华信', '恒通', '创新', '鼎盛', '宏达', '金诚', '远航', '星辰', '嘉和', '瑞丰', '优品', '博雅'];
const COMPANY_TRADES = ['科技', '贸易', '餐饮管理', '文化传媒', '建筑工程', '物流', '教育咨询', '医疗器械', '电子商务'];
const TITLES = ['经理', '总监', '工程师', '教师', '医生', '会计', '设计师', '销售主管', '店长', '行政专员', '律师', '创始人'];
const NOTES = ['喜欢浅色系', '每周六来', '对花生过敏', '只用微信联系', '新品到店请通知', '不喜欢电话打扰', '常给家人买', '偏好大码', '上次投诉已解决', '带孩子一起来'];

const drawGender = weightedPicker<Gender>([
  ['female', 55],
  ['male', 42],
  ['other', 1],
  ['unspecified', 2],
]);
const drawSource = weightedPicker<CustomerSource>([
  ['walk-in', 55],
  ['referral', 15],
  ['online', 15],
  ['event', 8],
  ['other', 7],
]);
const drawChannel = weightedPicker<ContactChannel | null>([
  ['wechat', 45],
  ['phone', 20],
  ['sms', 15],
  ['visit', 10],
  [null, 10],
]);

const pinyinCache = new Map<string, string>();
function pinyinOf(text: string, surname: boolean): string {
  const key = (surname ? 's:' : 'g:') + text;
  let value = pinyinCache.get(key);
  if (value === undefined) {
    value = pinyin(text, { mode: surname ? 'surname' : 'normal', toneType: 'none', type: 'array', v: true }).join('');
    pinyinCache.set(key, value);
  }
  return value;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** n ≤ 9 random decimal digits from one draw (a draw carries 32 bits, more than 10^9). */
const digits = (rng: Rng, n: number) => pad(Math.floor(rng.next() * 10 ** n), n);

interface PersonName {
  name: string;
  /** Lower-case latin parts for the e-mail address: [family, given]. */
  latin: [string, string];
  western: boolean;
}

function chineseName(rng: Rng, gender: Gender): PersonName {
  const surname = drawSurname(rng);
  const pool = gender === 'female' ? GIVEN_FEMALE : gender === 'male' ? GIVEN_MALE : GIVEN_NEUTRAL;
  const given = rng.chance(0.7) ? rng.pick(pool) + rng.pick(rng.chance(0.8) ? pool : GIVEN_NEUTRAL) : rng.pick(pool);
  const givenLatin = [...given].map((ch) => pinyinOf(ch, false)).join('');
  return { name: surname + given, latin: [pinyinOf(surname, true), givenLatin], western: false };
}

function westernName(rng: Rng, gender: Gender): PersonName {
  const first = rng.pick(gender === 'male' ? WESTERN_MALE : gender === 'female' ? WESTERN_FEMALE : [...WESTERN_FEMALE, ...WESTERN_MALE]);
  const last = rng.pick(WESTERN_SURNAMES);
  const latin = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
  return { name: `${first} ${last}`, latin: [latin(last), latin(first)], western: true };
}

function mobile(rng: Rng, used: Set<string>): CustomerPhone {
  for (;;) {
    const national = drawMobilePrefix(rng) + digits(rng, 8);
    const normalized = `+86${national}`;
    if (used.has(normalized)) continue;
    used.add(normalized);
    const style = rng.next();
    const raw =
      style < 0.5
        ? national
        : style < 0.8
          ? `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`
          : style < 0.95
            ? `${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`
            : `+86 ${national}`;
    return { raw, normalized, kind: 'validated', label: '手机', primary: false };
  }
}

function landline(rng: Rng, city: City, used: Set<string>): CustomerPhone {
  for (;;) {
    const local = rng.pick(LANDLINE_FIRST_DIGITS) + digits(rng, city.localDigits - 1);
    const normalized = `+86${city.areaCode.slice(1)}${local}`;
    if (used.has(normalized)) continue;
    used.add(normalized);
    return { raw: `${city.areaCode}-${local}`, normalized, kind: 'validated', label: rng.chance(0.5) ? '座机' : '公司', primary: false };
  }
}

// Rare (a few hundred per 100,000), so checking each with libphonenumber costs nothing noticeable.
function hongKongMobile(rng: Rng, used: Set<string>): CustomerPhone {
  for (;;) {
    const national = rng.pick(['5', '6', '9']) + digits(rng, 7);
    const normalized = `+852${national}`;
    if (used.has(normalized) || !isValidPhoneNumber(normalized)) continue;
    used.add(normalized);
    return { raw: `+852 ${national.slice(0, 4)} ${national.slice(4)}`, normalized, kind: 'validated', label: '香港手机', primary: false };
  }
}

function email(rng: Rng, person: PersonName, used: Set<string>): string {
  const [family, given] = person.latin;
  const domain = EMAIL_DOMAINS(rng);
  for (let attempt = 0; ; attempt++) {
    const style = rng.int(0, 4);
    const suffix = attempt > 0 || rng.chance(0.5) ? String(rng.int(1, attempt > 3 ? 99_999 : 999)) : '';
    const local =
      domain === 'qq.com' && style === 0
        ? String(rng.int(10_000_000, 2_999_999_999)) // a QQ number
        : style === 1
          ? `${family}.${given}${suffix}`
          : style === 2
            ? `${given}${family}${suffix}`
            : style === 3
              ? `${family}_${given}${suffix}`
              : `${family}${given}${suffix}`;
    const address = `${local}@${domain}`;
    if (!used.has(address)) {
      used.add(address);
      return address;
    }
  }
}

function birthday(rng: Rng, nowYear: number): Birthday | null {
  if (!rng.chance(0.75)) return null;
  const lunar = rng.chance(0.2);
  const year = rng.chance(0.75) ? nowYear - rng.int(18, 75) : null;
  const month = rng.int(1, 12);
  // Every lunar month has at least 29 days, so day ≤ 29 is valid in any lunar year.
  const day = lunar ? rng.int(1, 29) : rng.int(1, getDaysInMonth(new Date(year ?? 2000, month - 1, 1)));
  return { calendar: lunar ? 'lunar' : 'solar', year, month, day, leapMonth: false };
}

function consents(rng: Rng, hasEmail: boolean): ConsentAnswer[] {
  const out: ConsentAnswer[] = [];
  const channels: ConsentChannel[] = hasEmail ? ['wechat', 'sms', 'phone', 'email'] : ['wechat', 'sms', 'phone'];
  for (const channel of channels) {
    if (rng.chance(0.6)) out.push({ channel, granted: rng.chance(0.7) });
  }
  return out;
}

// 推荐人 marks customers who referred someone; it is added to the referrer, not drawn here.
const DRAWN_TAGS = DEMO_TAGS.filter((t) => t !== '推荐人');

function tags(rng: Rng, company: string): string[] {
  const out = new Set<string>();
  const n = rng.int(0, 3);
  for (let i = 0; i < n; i++) out.add(rng.pick(DRAWN_TAGS));
  if (company && rng.chance(0.3)) out.add('企业客户');
  return [...out];
}

/** `count` customers created over the three years before `now`, identical for the same seed and ids. */
export function generateDemoCustomers(options: DemoOptions): DemoCustomer[] {
  const { seed, count, now, newId } = options;
  const rng = createRng(seed);
  const usedPhones = new Set<string>();
  const usedEmails = new Set<string>();
  const start = subYears(now, 3).getTime();
  const span = now.getTime() - start;
  const nowYear = now.getFullYear();
  const out: DemoCustomer[] = [];

  for (let i = 0; i < count; i++) {
    const id = newId();
    // Evenly spread and strictly increasing, so earlier index means earlier creation.
    const created = new Date(start + Math.floor(((i + rng.next()) * span) / Math.max(count, 1)));
    const gender = drawGender(rng);
    const person = rng.chance(0.08) ? westernName(rng, gender) : chineseName(rng, gender);
    const city = drawCity(rng);

    const phones: CustomerPhone[] = [];
    if (rng.chance(0.97)) {
      phones.push(person.western && rng.chance(0.3) ? hongKongMobile(rng, usedPhones) : mobile(rng, usedPhones));
      if (rng.chance(0.15)) phones.push(rng.chance(0.5) ? mobile(rng, usedPhones) : landline(rng, city, usedPhones));
      phones[0]!.primary = true;
    }

    const mail = rng.chance(person.western ? 0.7 : 0.35) ? email(rng, person, usedEmails) : '';
    const hasJob = rng.chance(0.3);
    const company = hasJob ? `${city.name}${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_TRADES)}有限公司` : '';
    const source = rng.chance(0.95) ? drawSource(rng) : null;
    // Referrers are drawn from the recent past, so referrals spread over the years instead of
    // piling onto the first customers.
    const referrer = source === 'referral' && out.length > 0 ? out[rng.int(Math.max(0, out.length - 500), out.length - 1)]! : null;
    if (referrer && !referrer.fields.tags.includes('推荐人')) referrer.fields.tags.push('推荐人');
    let channel = drawChannel(rng);
    if (mail && rng.chance(0.1)) channel = 'email';
    const hasAddress = rng.chance(0.6);

    // Drawn in the order the store has always drawn them, so the same seed gives the same store.
    const born = birthday(rng, nowYear);
    const title = hasJob ? rng.pick(TITLES) : '';
    const cityName = rng.chance(0.9) ? city.name : '';
    const address = hasAddress
      ? `${rng.pick(city.districts)}${rng.pick(STREETS)}${rng.int(1, 999)}号${rng.int(1, 30)}栋${pad(rng.int(1, 32), 2)}${pad(rng.int(1, 4), 2)}室`
      : '';
    const answers = consents(rng, mail !== '');
    const tagList = tags(rng, company);
    const notes = rng.chance(0.2) ? rng.pick(NOTES) : '';
    out.push({
      id,
      createdAt: created.toISOString(),
      consents: answers,
      fields: {
        name: person.name,
        gender,
        phones,
        email: mail,
        birthday: born,
        company,
        title,
        city: cityName,
        address,
        source,
        referredBy: referrer?.id ?? null,
        preferredChannel: channel,
        tags: tagList,
        notes,
        addressAs: '',
        honorific: null,
      },
    });
  }
  return out;
}
