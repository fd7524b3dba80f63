/**
 * Sample letters and applications for the sample portal, so that the first `npm start` shows a
 * mailbox with published letters and monthly figures, an inbox with work in every state, and
 * services with ratings. It writes only into an empty Store (a real portal's Store is never
 * touched) and marks every case `sample: true`. All names, numbers and events are fictional.
 *
 *   npm run seed:sample        (npm start runs it)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { apply, submitCase, type Actor, type CaseAction } from '../src/lib/cases/state-machine.ts';
import { generatePin, generateTrackingCode, hashPin, newPinSalt } from '../src/lib/cases/tracking-code.ts';
import { buildCalendar, withProvisionalYears, type CalendarYear, type WorkingDayCalendar } from '../src/lib/working-days.ts';
import { changeFor, toMachine } from '../src/server/cases/case-machine.ts';
import { dueInstant } from '../src/server/cases/letter-record.ts';
import { openStore } from '../src/server/store/open-store.ts';
import type { CaseRecord, Store } from '../src/server/store/store.ts';

const DAY = 86_400_000;
const now = Date.now();
const daysAgo = (d: number, hour = 10) => new Date(Math.floor((now - d * DAY) / DAY) * DAY + (hour - 8) * 3_600_000);

interface SampleLetter {
  kind: 'mailbox' | 'consultation' | 'suggestion' | 'complaint';
  daysAgo: number;
  title: string;
  body: string;
  name: string;
  department: string;
  /** Stops here: 'submitted', 'accepted', 'assigned', 'replied' or 'closed' (default). */
  until?: 'submitted' | 'accepted' | 'assigned' | 'replied' | 'closed';
  reply?: string;
  /** Published with this checked copy of the letter (the reply is published as written). */
  published?: string;
}

const letters: SampleLetter[] = [
  { kind: 'complaint', daysAgo: 150, department: 'housing', name: '马建国', title: '小区冬季供暖温度不达标', body: '幸福路阳光小区3号楼今年入冬以来室内温度一直在16度左右，低于18度的标准，家里有老人和孩子，请有关部门督促供热公司整改。', reply: '经核查，阳光小区3号楼供热管网存在局部堵塞，供热公司已于本周完成管网清洗和加压，室温已恢复到20℃以上。我厅将继续督促供热企业做好冬季保障。', published: '小区3号楼入冬以来室内温度一直在16度左右，低于18度的标准，请督促供热公司整改。' },
  { kind: 'suggestion', daysAgo: 135, department: 'transport', name: '李娟', title: '建议开通高新区至火车站的公交线路', body: '高新区上班的人很多住在火车站附近，目前需要换乘两次，单程一个多小时。建议开通一条直达公交线路，早晚高峰加密班次。', reply: '感谢您的建议。经客流调查，我厅已会同公交集团于下月1日起开通高新区至火车站的快速公交专线，早晚高峰发车间隔10分钟。', published: '高新区上班的人很多住在火车站附近，目前需要换乘两次。建议开通直达公交线路，早晚高峰加密班次。' },
  { kind: 'consultation', daysAgo: 120, department: 'human-resources', name: '阿依古丽', title: '灵活就业人员如何缴纳养老保险', body: '我是自由职业者，想咨询灵活就业人员参加职工养老保险需要什么材料，可以在网上办理吗？缴费基数怎么选择？', reply: '灵活就业人员可持本人身份证在自治区政务服务网或各级社保经办大厅办理参保登记，缴费基数可在全区上年度在岗职工平均工资的60%至300%之间自主选择。', published: '我是自由职业者，想咨询灵活就业人员参加职工养老保险需要什么材料，可以在网上办理吗？' },
  { kind: 'complaint', daysAgo: 100, department: 'market-regulation', name: '王强', title: '农贸市场水果摊位缺斤短两', body: '在东风农贸市场购买水果时，多个摊位的秤明显不准，买两公斤回家一称只有一公斤七两，希望市场监管部门检查。', reply: '接到来信后，我局执法人员对东风农贸市场开展了计量器具专项检查，查处不合格电子秤6台，已依法立案处理，并在市场设置了公平秤。', published: '在农贸市场购买水果时，多个摊位的秤明显不准，希望市场监管部门检查。' },
  { kind: 'consultation', daysAgo: 85, department: 'health', name: '张丽', title: '新生儿医保参保登记怎么办理', body: '孩子刚出生两周，请问新生儿参加城乡居民医疗保险需要哪些材料？出生后多久内办理可以报销住院费用？', reply: '新生儿凭出生医学证明和户口簿即可在线办理参保，出生后90天内参保缴费的，自出生之日起享受医保待遇。', published: '孩子刚出生，请问新生儿参加城乡居民医疗保险需要哪些材料？多久内办理可以报销？' },
  { kind: 'mailbox', daysAgo: 70, department: 'housing', name: '刘志强', title: '老旧小区改造工程进度缓慢', body: '团结路片区老旧小区改造从今年四月开工，目前道路挖开后一直没有恢复，居民出行很不方便，请领导关注。', reply: '该片区改造因地下管网迁改延误工期，施工单位已增加人员，承诺在本月底前恢复主要道路通行，我厅将每周督查进度。' },
  { kind: 'suggestion', daysAgo: 60, department: 'education', name: 'ئابدۇرېشىت', title: 'مەكتەپ ئالدىدىكى يولغا ئاستىلىتىش بەلگىسى قويۇش', body: 'مەكتەپ دەرۋازىسى ئالدىدىكى يولدا ماشىنىلار بەك تېز ماڭىدۇ، ئوقۇغۇچىلار يولدىن ئۆتكەندە خەتەرلىك. ئاستىلىتىش بەلگىسى ۋە پىيادىلەر يولى سىزىشنى تەۋسىيە قىلىمەن.', reply: 'تەكلىپىڭىزگە رەھمەت. قاتناش تارماقلىرى بىلەن بىرلىكتە بۇ ئاينىڭ ئاخىرىغىچە مەكتەپ ئالدىغا ئاستىلىتىش بەلگىسى ۋە پىيادىلەر يولى سىزىلىدۇ.', published: 'مەكتەپ ئالدىدىكى يولدا ماشىنىلار بەك تېز ماڭىدۇ، ئاستىلىتىش بەلگىسى ۋە پىيادىلەر يولى سىزىشنى تەۋسىيە قىلىمەن.' },
  { kind: 'consultation', daysAgo: 45, department: 'agriculture', name: 'مەمەتجان', title: 'يېزا ئىگىلىك ماشىنىسى تولۇقلىمىسى', body: 'بۇ يىل يېڭى تىراكتور ئالدىم، يېزا ئىگىلىك ماشىنىسى سېتىۋېلىش تولۇقلىمىسىنى قانداق ئىلتىماس قىلىمەن؟', reply: 'سېتىۋالغان ماشىنا تولۇقلىما تىزىملىكىدە بولسا، تالون ۋە كىملىك بىلەن ناھىيەلىك يېزا ئىگىلىك ئىدارىسىگە ئىلتىماس قىلسىڭىز بولىدۇ.', published: 'يېڭى تىراكتور ئالدىم، يېزا ئىگىلىك ماشىنىسى سېتىۋېلىش تولۇقلىمىسىنى قانداق ئىلتىماس قىلىمەن؟' },
  { kind: 'consultation', daysAgo: 30, department: 'market-regulation', name: 'Daniel Weber', title: 'Registering a small business as a foreign resident', body: 'I have a residence permit and would like to open a small coffee shop. Can a foreign resident register an individual business, and which documents are needed?', reply: 'Foreign residents register as a foreign-invested enterprise rather than an individual business. The online hall lists the documents; our service window on the ground floor can help in English on weekday mornings.', published: 'Can a foreign resident register a small business such as a coffee shop, and which documents are needed?' },
  { kind: 'suggestion', daysAgo: 21, department: 'culture-tourism', name: 'Sarah Lin', title: 'Step-free access at the old town scenic area', body: 'The old town scenic area has many steps and no ramps at the main gate. Visitors in wheelchairs and parents with prams cannot enter. Please consider ramps and an accessible route map.', until: 'replied', reply: 'Thank you. Ramps at the main and east gates are in this year\'s improvement plan and will be built before the summer season; an accessible route map will be published on the portal.' },
  { kind: 'complaint', daysAgo: 12, department: 'ecology', name: '赵敏', title: '夜间建筑施工噪音扰民', body: '光明路与新华街交叉口的工地每天晚上十一点以后仍在施工，噪音很大，严重影响周边居民休息。', until: 'assigned' },
  { kind: 'consultation', daysAgo: 6, department: 'human-resources', name: '古丽娜尔', title: '高校毕业生一次性就业补贴', body: '我今年毕业后在一家小微企业就业，请问一次性吸纳就业补贴是企业申请还是个人申请？', until: 'accepted' },
  { kind: 'mailbox', daysAgo: 2, department: 'civil-affairs', name: '周文', title: '高龄老人养老服务补贴申请', body: '我父亲今年82岁，请问高龄老人养老服务补贴在哪里申请，需要本人到场吗？', until: 'submitted' },
  { kind: 'suggestion', daysAgo: 1, department: 'transport', name: 'ئايشەم', title: 'ئاپتوبۇس بېكىتىگە ئورۇندۇق قويۇش', body: 'شەھەر مەركىزىدىكى ئاپتوبۇس بېكەتلىرىدە ئورۇندۇق يوق، ياشانغانلار ئۇزۇن ساقلاشقا قىينىلىدۇ. ئورۇندۇق ۋە سايىۋەن قويۇشنى تەۋسىيە قىلىمەن.', until: 'submitted' },
];

const applications: { service: string; department: string; daysAgo: number; score: 1 | 2 | 3 | 4 | 5; comment: string }[] = [
  { service: '011000101000', department: 'market-regulation', daysAgo: 40, score: 5, comment: '全程网上办理，第二天就拿到了营业执照。' },
  { service: '011000101000', department: 'market-regulation', daysAgo: 25, score: 4, comment: '' },
  { service: '050600101000', department: 'human-resources', daysAgo: 33, score: 5, comment: 'تېز ۋە قولاي.' },
  { service: '200400401000', department: 'health', daysAgo: 18, score: 3, comment: 'Clear guide, but the upload page was slow.' },
];

function loadCalendar(): WorkingDayCalendar {
  const years = readdirSync('content/calendar').filter((f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(`content/calendar/${f}`, 'utf8')) as CalendarYear);
  return buildCalendar(withProvisionalYears(years, new Date().getUTCFullYear() + 2));
}

const centre: Actor = { role: 'centre', staffId: 'sample' };
const handlerOf = (department: string): Actor => ({ role: 'handler', staffId: 'sample', department });

async function step(store: Store, calendar: WorkingDayCalendar, c: CaseRecord, action: CaseAction, actor: Actor, at: Date): Promise<CaseRecord> {
  const machine = toMachine(c, await store.listTimeline(c.id));
  const result = apply(machine, action, actor, at, calendar);
  if (!result.ok) throw new Error(`sample ${c.code}: ${action.type} refused: ${result.error.name}`);
  const who = actor.role === 'handler' ? `staff:${actor.department}.handler` : 'staff:centre';
  return (await store.updateCase(changeFor(c, result.next, result.timelineEntry, who, at))).case;
}

async function seedLetter(store: Store, calendar: WorkingDayCalendar, l: SampleLetter) {
  const at = daysAgo(l.daysAgo);
  const code = generateTrackingCode();
  const started = submitCase({ kind: l.kind, trackingCode: code, receivedAt: at, calendar });
  if (!started.ok) throw new Error(started.error.name);
  const r = started.record;
  let { case: c } = await store.createCase(
    {
      code, kind: 'letter', category: l.kind, state: r.state, subject: l.title, body: l.body, createdAt: at, dueAt: dueInstant(r.dueOn!),
      data: { letterKind: l.kind, limitWorkingDays: r.limitWorkingDays, clockStart: r.clockStart, dueOn: r.dueOn, citizen: { name: l.name, phone: '13900000000', email: null }, publishConsent: !!l.published, pinHash: await hashPin(generatePin(), newPinSalt()), proofOfWork: 'not-asked', sample: true },
    },
    { actor: 'citizen', type: 'submitted', at, data: { visibility: 'public', to: 'submitted', dueOn: r.dueOn! } },
  );
  const until = l.until ?? 'closed';
  const order = ['submitted', 'accepted', 'assigned', 'replied', 'closed'];
  const reach = (s: string) => order.indexOf(until) >= order.indexOf(s);
  const later = (hours: number) => new Date(at.getTime() + hours * 3_600_000);
  if (reach('accepted')) c = await step(store, calendar, c, { type: 'accept' }, centre, later(3));
  if (reach('assigned')) c = await step(store, calendar, c, { type: 'assign', department: l.department }, centre, later(4));
  if (reach('replied')) c = await step(store, calendar, c, { type: 'reply', text: l.reply!, visibility: l.published ? 'public' : 'private' }, handlerOf(l.department), later(24 * Math.min(5, Math.max(1, l.daysAgo / 10))));
  if (reach('closed')) c = await step(store, calendar, c, { type: 'close' }, centre, later(24 * 7));
  if (l.published && reach('replied')) {
    const reply = c.data.reply as { at: string };
    const publishedAt = later(24 * 8);
    await store.updateCase({
      id: c.id, version: c.version, now: publishedAt,
      set: { publishedAt, data: { ...c.data, publication: { title: l.title, body: l.published, reply: l.reply!, department: l.department, receivedAt: at.toISOString(), repliedAt: reply.at } } },
      entry: { actor: 'staff:centre', at: publishedAt, type: 'published', data: { visibility: 'public' } },
    });
  }
}

async function seedApplication(store: Store, calendar: WorkingDayCalendar, a: (typeof applications)[number]) {
  const at = daysAgo(a.daysAgo);
  const code = generateTrackingCode();
  const guide = parse(readFileSync(`content/services/${a.service}/index.yaml`, 'utf8')) as { promisedDays: number; zh: { title: string } };
  const started = submitCase({ kind: 'service', trackingCode: code, receivedAt: at, calendar, limitWorkingDays: guide.promisedDays, department: a.department });
  if (!started.ok) throw new Error(started.error.name);
  const r = started.record;
  let { case: c } = await store.createCase(
    {
      code, kind: 'application', category: a.service, department: a.department, state: r.state, subject: guide.zh.title, body: '', createdAt: at, dueAt: dueInstant(r.dueOn!),
      data: { machineKind: 'service', serviceCode: a.service, limitWorkingDays: r.limitWorkingDays, clockStart: r.clockStart, dueOn: r.dueOn, values: {}, pinHash: await hashPin(generatePin(), newPinSalt()), sample: true },
    },
    { actor: 'citizen', type: 'submitted', at, data: { visibility: 'public', to: 'submitted', dueOn: r.dueOn! } },
  );
  const handler = handlerOf(a.department);
  const later = (hours: number) => new Date(at.getTime() + hours * 3_600_000);
  c = await step(store, calendar, c, { type: 'accept' }, handler, later(2));
  c = await step(store, calendar, c, { type: 'reply', text: '经审查，符合条件，准予办理。', visibility: 'private', decision: 'approved' }, handler, later(20));
  c = await step(store, calendar, c, { type: 'close' }, handler, later(22));
  const ratedAt = later(30);
  await store.updateCase({
    id: c.id, version: c.version, now: ratedAt,
    set: { data: { ...c.data, rating: { score: a.score, comment: a.comment, at: ratedAt.toISOString() } } },
    entry: { actor: 'citizen', at: ratedAt, type: 'rated', data: { visibility: 'public', score: a.score } },
  });
}

const store = await openStore(process.env);
try {
  const { total } = await store.listCases({ limit: 1 });
  if (total > 0) {
    console.log(`seed:sample: the Store already holds ${total} case(s); nothing added.`);
  } else {
    const calendar = loadCalendar();
    for (const l of letters) await seedLetter(store, calendar, l);
    for (const a of applications) await seedApplication(store, calendar, a);
    console.log(`seed:sample: added ${letters.length} sample letters and ${applications.length} sample applications.`);
  }
} finally {
  await store.close();
}
