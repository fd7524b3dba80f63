/**
 * Parallel phrase pools for the synthetic catalogue (scripts/corpus.ts). Entry i of a pool
 * means the same in all three languages, so the editions of a generated document agree.
 * Uyghur is written with the standard letters (ې ۆ ۈ ۋ ڭ ھ ە ى ئ); a subject's Uyghur form is
 * the nominative, to which the generator adds only -نى (accusative) or -نىڭ (genitive), the
 * two suffixes without vowel harmony.
 */
export interface Tri { zh: string; ug: string; en: string }

/** What a document is about, with the topic it most likely belongs to and keywords. */
export interface Subject extends Tri { topic: string; kw: Tri }

export const subjects: Subject[] = [
  { topic: 'industry-transport', zh: '农村公路养护管理工作', ug: 'يېزا تاشيوللىرىنى ئاسراش ۋە باشقۇرۇش خىزمىتى', en: 'the maintenance and management of rural roads', kw: { zh: '农村公路', ug: 'يېزا تاشيولى', en: 'rural roads' } },
  { topic: 'housing', zh: '城镇老旧小区改造工作', ug: 'شەھەر-بازار كونا ئولتۇراق رايونلىرىنى ئۆزگەرتىش خىزمىتى', en: 'the renovation of old urban neighbourhoods', kw: { zh: '老旧小区', ug: 'كونا ئولتۇراق رايون', en: 'old neighbourhoods' } },
  { topic: 'water', zh: '农村饮水安全保障工作', ug: 'يېزا ئىچىملىك سۇ بىخەتەرلىكىنى كاپالەتلەندۈرۈش خىزمىتى', en: 'safe drinking water in rural areas', kw: { zh: '饮水安全', ug: 'ئىچىملىك سۇ بىخەتەرلىكى', en: 'drinking water' } },
  { topic: 'employment', zh: '高校毕业生就业创业工作', ug: 'ئالىي مەكتەپ پۈتتۈرگۈچىلىرىنىڭ ئىشقا ئورۇنلىشىش ۋە ئىگىلىك تىكلەش خىزمىتى', en: 'jobs and business start-ups for college graduates', kw: { zh: '高校毕业生', ug: 'ئالىي مەكتەپ پۈتتۈرگۈچىلىرى', en: 'graduates' } },
  { topic: 'health', zh: '基层医疗卫生服务能力建设', ug: 'ئاساسىي قاتلامنىڭ داۋالاش-سەھىيە مۇلازىمىتى ئىقتىدارى قۇرۇلۇشى', en: 'the capacity of primary health care', kw: { zh: '基层医疗', ug: 'ئاساسىي قاتلام داۋالاش', en: 'primary care' } },
  { topic: 'market-safety', zh: '食品安全监督管理工作', ug: 'يېمەكلىك بىخەتەرلىكىنى نازارەت قىلىش ۋە باشقۇرۇش خىزمىتى', en: 'the supervision of food safety', kw: { zh: '食品安全', ug: 'يېمەكلىك بىخەتەرلىكى', en: 'food safety' } },
  { topic: 'economy', zh: '优化营商环境工作', ug: 'سودا مۇھىتىنى ياخشىلاش خىزمىتى', en: 'a better business environment', kw: { zh: '营商环境', ug: 'سودا مۇھىتى', en: 'business environment' } },
  { topic: 'environment', zh: '草原生态保护工作', ug: 'يايلاق ئېكولوگىيەسىنى قوغداش خىزمىتى', en: 'the protection of grassland ecosystems', kw: { zh: '草原生态', ug: 'يايلاق ئېكولوگىيەسى', en: 'grasslands' } },
  { topic: 'land-energy', zh: '冬季供暖保障工作', ug: 'قىشلىق ئىسسىق بىلەن تەمىنلەش خىزمىتى', en: 'the winter heating supply', kw: { zh: '冬季供暖', ug: 'قىشلىق ئىسسىق', en: 'heating' } },
  { topic: 'education', zh: '义务教育学校办学条件改善工作', ug: 'مەجبۇرىي مائارىپ مەكتەپلىرىنىڭ ئوقۇتۇش شارائىتىنى ياخشىلاش خىزمىتى', en: 'better conditions in compulsory education schools', kw: { zh: '义务教育', ug: 'مەجبۇرىي مائارىپ', en: 'compulsory education' } },
  { topic: 'agriculture', zh: '农业社会化服务体系建设', ug: 'يېزا ئىگىلىكى ئىجتىمائىيلاشقان مۇلازىمەت سىستېمىسى قۇرۇلۇشى', en: 'the socialised agricultural service system', kw: { zh: '农业服务', ug: 'يېزا ئىگىلىكى مۇلازىمىتى', en: 'farm services' } },
  { topic: 'labour-personnel', zh: '城乡居民基本养老保险工作', ug: 'شەھەر-يېزا ئاھالىلىرىنىڭ ئاساسىي قېرىلىق سۇغۇرتىسى خىزمىتى', en: 'basic pension insurance for urban and rural residents', kw: { zh: '养老保险', ug: 'قېرىلىق سۇغۇرتىسى', en: 'pensions' } },
  { topic: 'market-safety', zh: '安全生产隐患排查治理工作', ug: 'بىخەتەر ئىشلەپچىقىرىشتىكى يوشۇرۇن خەۋپلەرنى تەكشۈرۈپ تۈزەش خىزمىتى', en: 'finding and removing workplace safety hazards', kw: { zh: '安全生产', ug: 'بىخەتەر ئىشلەپچىقىرىش', en: 'work safety' } },
  { topic: 'commerce-tourism', zh: '文化和旅游市场秩序整治工作', ug: 'مەدەنىيەت ۋە ساياھەت بازىرىنىڭ تەرتىپىنى تۈزەش خىزمىتى', en: 'order in the culture and tourism market', kw: { zh: '旅游市场', ug: 'ساياھەت بازىرى', en: 'tourism market' } },
  { topic: 'general-affairs', zh: '政务公开工作', ug: 'ھۆكۈمەت ئىشلىرىنى ئاشكارىلاش خىزمىتى', en: 'open government information', kw: { zh: '政务公开', ug: 'ھۆكۈمەت ئىشلىرى ئاشكارا', en: 'open government' } },
  { topic: 'finance', zh: '小微企业融资服务工作', ug: 'كىچىك ۋە مىكرو كارخانىلارنىڭ مەبلەغ توپلاش مۇلازىمىتى خىزمىتى', en: 'financing for small and micro enterprises', kw: { zh: '小微企业', ug: 'كىچىك ۋە مىكرو كارخانىلار', en: 'small businesses' } },
  { topic: 'housing', zh: '保障性住房建设管理工作', ug: 'كاپالەتلىك تۇرالغۇ قۇرۇلۇشى ۋە باشقۇرۇش خىزمىتى', en: 'the building and management of affordable housing', kw: { zh: '保障性住房', ug: 'كاپالەتلىك تۇرالغۇ', en: 'affordable housing' } },
  { topic: 'environment', zh: '大气污染防治工作', ug: 'ھاۋا بۇلغىنىشىنىڭ ئالدىنى ئېلىش ۋە تىزگىنلەش خىزمىتى', en: 'the prevention and control of air pollution', kw: { zh: '大气污染', ug: 'ھاۋا بۇلغىنىشى', en: 'air quality' } },
  { topic: 'labour-personnel', zh: '农民工工资支付保障工作', ug: 'دېھقان ئىشچىلارنىڭ ئىش ھەققىنى تۆلەشنى كاپالەتلەندۈرۈش خىزمىتى', en: 'the payment of migrant workers’ wages', kw: { zh: '农民工工资', ug: 'دېھقان ئىشچىلارنىڭ ئىش ھەققى', en: 'wages' } },
  { topic: 'social-assistance', zh: '养老服务体系建设', ug: 'ياشانغانلارنى كۈتۈش مۇلازىمىتى سىستېمىسى قۇرۇلۇشى', en: 'the elderly care service system', kw: { zh: '养老服务', ug: 'ياشانغانلارنى كۈتۈش', en: 'elderly care' } },
  { topic: 'civil-affairs', zh: '防汛抗旱工作', ug: 'كەلكۈننىڭ ئالدىنى ئېلىش ۋە قۇرغاقچىلىققا قارشى تۇرۇش خىزمىتى', en: 'flood control and drought relief', kw: { zh: '防汛抗旱', ug: 'كەلكۈن ۋە قۇرغاقچىلىق', en: 'floods and drought' } },
  { topic: 'land-energy', zh: '耕地保护工作', ug: 'تېرىلغۇ يەرلەرنى قوغداش خىزمىتى', en: 'the protection of farmland', kw: { zh: '耕地保护', ug: 'تېرىلغۇ يەر', en: 'farmland' } },
  { topic: 'general-affairs', zh: '数字政府建设', ug: 'رەقەملىك ھۆكۈمەت قۇرۇلۇشى', en: 'digital government', kw: { zh: '数字政府', ug: 'رەقەملىك ھۆكۈمەت', en: 'digital government' } },
  { topic: 'public-security-justice', zh: '公共法律服务体系建设', ug: 'ئاممىۋى قانۇن مۇلازىمىتى سىستېمىسى قۇرۇلۇشى', en: 'the public legal service system', kw: { zh: '法律服务', ug: 'قانۇن مۇلازىمىتى', en: 'legal services' } },
];

/** What the document does to its subject; the Uyghur is a verbal noun taking the accusative. */
export const actions: Tri[] = [
  { zh: '进一步加强', ug: 'تېخىمۇ كۈچەيتىش', en: 'further strengthening' },
  { zh: '切实做好', ug: 'ياخشى ئىشلەش', en: 'stepping up work on' },
  { zh: '加快推进', ug: 'تېزلىتىپ ئىلگىرى سۈرۈش', en: 'speeding up' },
  { zh: '规范', ug: 'قېلىپلاشتۇرۇش', en: 'regulating' },
  { zh: '健全完善', ug: 'مۇكەممەللەشتۈرۈش', en: 'improving' },
  { zh: '深入落实', ug: 'چوڭقۇر ئەمەلىيلەشتۈرۈش', en: 'implementing' },
];

export const salutations: Tri[] = [
  {
    zh: '各州、市、县人民政府，自治区人民政府各部门、各直属机构：',
    ug: 'ھەرقايسى ئوبلاست، شەھەر، ناھىيە خەلق ھۆكۈمەتلىرىگە، ئاپتونوم رايونلۇق خەلق ھۆكۈمىتىنىڭ ھەرقايسى تارماقلىرى ۋە بىۋاسىتە قاراشلىق ئاپپاراتلىرىغا:',
    en: 'To the people’s governments of all prefectures, cities and counties, and all departments and agencies directly under the People’s Government of the Autonomous Region:',
  },
  {
    zh: '各州、市有关部门，自治区各有关单位：',
    ug: 'ھەرقايسى ئوبلاست، شەھەرلەرنىڭ مۇناسىۋەتلىك تارماقلىرىغا، ئاپتونوم رايوننىڭ مۇناسىۋەتلىك ئورۇنلىرىغا:',
    en: 'To the departments concerned in all prefectures and cities, and the regional bodies concerned:',
  },
];

/** Section headings; `一、`, `بىرىنچى،`, `1.` are added by the generator. */
export const headings: Tri[] = [
  { zh: '总体要求', ug: 'ئومۇمىي تەلەپ', en: 'General requirements' },
  { zh: '工作目标', ug: 'خىزمەت نىشانى', en: 'Objectives' },
  { zh: '主要任务', ug: 'ئاساسلىق ۋەزىپىلەر', en: 'Main tasks' },
  { zh: '重点措施', ug: 'مۇھىم تەدبىرلەر', en: 'Key measures' },
  { zh: '职责分工', ug: 'مەسئۇلىيەت تەقسىماتى', en: 'Division of responsibilities' },
  { zh: '保障措施', ug: 'كاپالەت تەدبىرلىرى', en: 'Safeguards' },
  { zh: '监督检查', ug: 'نازارەت قىلىش ۋە تەكشۈرۈش', en: 'Supervision and inspection' },
  { zh: '组织实施', ug: 'تەشكىللەپ يولغا قويۇش', en: 'Organisation and implementation' },
];

export const ordinals: Tri[] = ['一|بىرىنچى|1', '二|ئىككىنچى|2', '三|ئۈچىنچى|3', '四|تۆتىنچى|4', '五|بەشىنچى|5', '六|ئالتىنچى|6', '七|يەتتىنچى|7']
  .map((s) => s.split('|'))
  .map(([zh, ug, en]) => ({ zh: `${zh}、`, ug: `${ug}، `, en: `${en}. ` }));

/** Values a sentence may use: {S} subject, {Y} year, {M} month, {N} ten-thousand yuan, {P} percent, {K} small count. */
export interface Slots { S: Tri; Y: number; M: number; N: number; P: number; K: number }

const enMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Sentence = { [L in keyof Tri]: (s: Slots) => string };

export const sentences: Sentence[] = [
  {
    zh: (s) => `到${s.Y}年底，${s.S.zh}取得明显成效，相关制度体系基本健全，群众满意度稳步提升。`,
    ug: (s) => `${s.Y}-يىلىنىڭ ئاخىرىغىچە ${s.S.ug} كۆرۈنەرلىك ئۈنۈمگە ئېرىشىدۇ، مۇناسىۋەتلىك تۈزۈم سىستېمىسى ئاساسەن مۇكەممەللىشىدۇ، ئاممىنىڭ رازىمەنلىك دەرىجىسى مۇقىم ئۆسىدۇ.`,
    en: (s) => `By the end of ${s.Y}, clear progress is to be made on ${s.S.en}, the supporting rules are to be largely in place and public satisfaction is to rise steadily.`,
  },
  {
    zh: (s) => `各地各部门要把${s.S.zh}摆在突出位置，主要负责同志亲自研究部署，明确责任分工和时间节点。`,
    ug: (s) => `ھەرقايسى جاي ۋە تارماقلار ${s.S.ug}نى گەۋدىلىك ئورۇنغا قويۇشى، ئاساسلىق مەسئۇل يولداشلار ئۆزى تەتقىق قىلىپ ئورۇنلاشتۇرۇشى، مەسئۇلىيەت تەقسىماتى ۋە ۋاقىت تۈگۈنىنى ئېنىقلىشى كېرەك.`,
    en: (s) => `All localities and departments are to give ${s.S.en} a prominent place, with their principal officials directing the work in person and setting out responsibilities and deadlines.`,
  },
  {
    zh: (s) => `自治区财政每年安排专项资金${s.N}万元，重点支持基层薄弱环节，资金使用情况按规定向社会公开。`,
    ug: (s) => `ئاپتونوم رايون مالىيەسى ھەر يىلى ${s.N} تۈمەن يۈەن مەخسۇس مەبلەغ ئاجرىتىپ، ئاساسىي قاتلامدىكى ئاجىز ھالقىلارنى مۇھىم نۇقتىلىق قوللايدۇ، مەبلەغنىڭ ئىشلىتىلىش ئەھۋالى بەلگىلىمە بويىچە جەمئىيەتكە ئاشكارىلىنىدۇ.`,
    en: (s) => `The regional budget sets aside ${(s.N * 10000).toLocaleString('en')} yuan a year for the weakest points at grassroots level, and the use of the money is published as required.`,
  },
  {
    zh: () => '建立健全工作台账，实行清单化管理、项目化推进，每季度通报一次进展情况。',
    ug: () => 'خىزمەت ھېساباتى تۇرغۇزۇلۇپ، تىزىملىك بويىچە باشقۇرۇش، تۈر بويىچە ئىلگىرى سۈرۈش يولغا قويۇلىدۇ، ھەر پەسىلدە بىر قېتىم ئىلگىرىلەش ئەھۋالى ئۇقتۇرۇلىدۇ.',
    en: () => 'A working ledger is to be kept, with tasks managed as a list and carried forward as projects, and progress reported every quarter.',
  },
  {
    zh: () => '加强部门协同和信息共享，推动数据互联互通，让企业和群众办事“一网通办”“最多跑一次”。',
    ug: () => 'تارماقلار ئارا ماسلىشىش ۋە ئۇچۇر ئورتاقلىشىشنى كۈچەيتىپ، سانلىق مەلۇماتلارنىڭ ئۆز ئارا ئۇلىنىشىنى ئىلگىرى سۈرۈپ، كارخانا ۋە ئاممىنىڭ ئىشلىرىنى توردا بىر تۇتاش بېجىرىشنى ئىشقا ئاشۇرۇش كېرەك.',
    en: () => 'Departments are to work together and share their data so that businesses and citizens can settle their affairs online in one place, with at most one visit in person.',
  },
  {
    zh: () => '对工作推进不力、造成不良影响的，依法依规严肃追究有关单位和人员的责任。',
    ug: () => 'خىزمەتنى ئىلگىرى سۈرۈشتە سۇسلۇق قىلىپ، ناچار تەسىر پەيدا قىلغان ئورۇن ۋە خادىملارنىڭ مەسئۇلىيىتى قانۇن ۋە قائىدە بويىچە قاتتىق سۈرۈشتە قىلىنىدۇ.',
    en: () => 'Where the work is poorly done and causes harm, the bodies and persons responsible are to be held to account in accordance with the law.',
  },
  {
    zh: (s) => `各州、市要结合实际制定具体实施方案，于${s.Y}年${s.M}月底前报自治区主管部门备案。`,
    ug: (s) => `ھەرقايسى ئوبلاست، شەھەرلەر ئەمەلىيەتكە بىرلەشتۈرۈپ كونكرېت يولغا قويۇش لايىھەسىنى تۈزۈپ، ${s.Y}-يىلى ${s.M}-ئاينىڭ ئاخىرىدىن بۇرۇن ئاپتونوم رايوندىكى مەسئۇل تارماققا مەلۇم قىلىپ ئەنگە ئالدۇرۇشى كېرەك.`,
    en: (s) => `Each prefecture and city is to draw up an implementation plan suited to local conditions and file it with the competent regional department by the end of ${enMonths[s.M - 1]} ${s.Y}.`,
  },
  {
    zh: (s) => `力争相关服务覆盖率达到${s.P}%以上，服务质量和效率明显提高。`,
    ug: (s) => `مۇناسىۋەتلىك مۇلازىمەتلەرنىڭ قاپلاش نىسبىتىنى ${s.P} پىرسەنتتىن يۇقىرى سەۋىيەگە يەتكۈزۈپ، مۇلازىمەت سۈپىتى ۋە ئۈنۈمىنى كۆرۈنەرلىك ئۆستۈرۈشكە تىرىشىلىدۇ.`,
    en: (s) => `The aim is for the services concerned to reach more than ${s.P}% of those entitled, with clearly better quality and speed.`,
  },
  {
    zh: () => '加强政策宣传解读，通过政府网站、新媒体等渠道及时回应社会关切，营造良好舆论氛围。',
    ug: () => 'سىياسەتنى تەشۋىق قىلىش ۋە شەرھلەشنى كۈچەيتىپ، ھۆكۈمەت تور بېكىتى ۋە يېڭى تاراتقۇلار ئارقىلىق جەمئىيەتنىڭ كۆڭۈل بۆلىدىغان مەسىلىلىرىگە ۋاقتىدا جاۋاب قايتۇرۇش كېرەك.',
    en: () => 'The policy is to be explained widely, and questions from the public answered promptly on the government website and in the new media.',
  },
  {
    zh: (s) => `严格执行${s.K + 5}个工作日办结时限，办理结果在${s.K}个工作日内告知申请人。`,
    ug: (s) => `${s.K + 5} خىزمەت كۈنى ئىچىدە بېجىرىپ تۈگىتىش مۇددىتى قاتتىق ئىجرا قىلىنىدۇ، بېجىرىش نەتىجىسى ${s.K} خىزمەت كۈنى ئىچىدە ئىلتىماس قىلغۇچىغا ئۇقتۇرۇلىدۇ.`,
    en: (s) => `Matters are to be settled within ${s.K + 5} working days, and applicants told the outcome within ${s.K} working days.`,
  },
  {
    zh: () => '充分发挥基层组织作用，引导社会力量广泛参与，形成政府主导、社会协同、公众参与的工作格局。',
    ug: () => 'ئاساسىي قاتلام تەشكىلاتلىرىنىڭ رولىنى تولۇق جارى قىلدۇرۇپ، جەمئىيەت كۈچلىرىنى كەڭ كۆلەمدە قاتنىشىشقا يېتەكلەپ، ھۆكۈمەت يېتەكچىلىك قىلىدىغان، جەمئىيەت ماسلىشىدىغان، ئاممە قاتنىشىدىغان خىزمەت ئەندىزىسىنى شەكىللەندۈرۈش كېرەك.',
    en: () => 'Grassroots organisations are to play their full part and society at large is to be drawn in, so that the government leads, society cooperates and the public takes part.',
  },
  {
    zh: () => '自治区有关部门将联合开展专项督查，督查结果纳入年度绩效考核。',
    ug: () => 'ئاپتونوم رايوننىڭ مۇناسىۋەتلىك تارماقلىرى بىرلىكتە مەخسۇس نازارەت تەكشۈرۈشى ئېلىپ بارىدۇ، تەكشۈرۈش نەتىجىسى يىللىق ئىش ئۈنۈمىنى باھالاشقا كىرگۈزۈلىدۇ.',
    en: () => 'The regional departments concerned will carry out joint inspections, and the results will count in the annual performance assessment.',
  },
  {
    zh: () => '完善投诉举报处理机制，畅通12345政务服务便民热线，对群众反映的问题做到件件有回应。',
    ug: () => 'ئەرز-شىكايەتنى بىر تەرەپ قىلىش مېخانىزمىنى مۇكەممەللەشتۈرۈپ، 12345 ھۆكۈمەت ئىشلىرى مۇلازىمىتى قولاي لىنىيەسىنى راۋانلاشتۇرۇپ، ئاممە ئىنكاس قىلغان ھەربىر مەسىلىگە جاۋاب قايتۇرۇش كېرەك.',
    en: () => 'Complaints are to be handled through a better procedure and the 12345 government service hotline, with an answer to every problem the public raises.',
  },
  {
    zh: (s) => `加强专业人才队伍建设，每年组织业务培训不少于${s.K}次，提升基层工作人员履职能力。`,
    ug: (s) => `كەسپىي ئىختىساسلىقلار قوشۇنى قۇرۇلۇشىنى كۈچەيتىپ، ھەر يىلى كەم دېگەندە ${s.K} قېتىم كەسپىي تەربىيەلەش ئېلىپ بېرىپ، ئاساسىي قاتلام خادىملىرىنىڭ ۋەزىپە ئادا قىلىش ئىقتىدارىنى ئۆستۈرۈش كېرەك.`,
    en: (s) => `Professional staff are to be developed, with at least ${s.K} training sessions a year to make grassroots personnel better at their work.`,
  },
  {
    zh: () => '统筹推进城乡区域协调发展，重点向农村牧区、边远地区倾斜，逐步缩小城乡差距。',
    ug: () => 'شەھەر-يېزا ۋە رايونلارنىڭ ماسلاشقان تەرەققىياتىنى ئومۇمىي پىلانلاپ ئىلگىرى سۈرۈپ، يېزا-چارۋىچىلىق رايونلىرى ۋە چەت-يىراق رايونلارغا مۇھىم نۇقتىلىق ئېتىبار بېرىپ، شەھەر بىلەن يېزا ئوتتۇرىسىدىكى پەرقنى تەدرىجىي كىچىكلىتىش كېرەك.',
    en: () => 'Urban, rural and regional development is to be coordinated, with priority for farming and herding areas and remote districts, so as to narrow the gap between town and country step by step.',
  },
  {
    zh: (s) => `建立${s.S.zh}动态监测机制，对发现的问题建立清单、限期整改、跟踪问效。`,
    ug: (s) => `${s.S.ug}نىڭ ھەرىكەتچان كۆزىتىش مېخانىزمى قۇرۇلۇپ، بايقالغان مەسىلىلەر تىزىملىككە ئېلىنىدۇ، مۇددەت بېكىتىپ تۈزىتىلىدۇ، ئۈنۈمى ئىز قوغلاپ تەكشۈرۈلىدۇ.`,
    en: (s) => `Ongoing monitoring of ${s.S.en} is to be set up; problems found are to be listed, put right within a deadline and followed up.`,
  },
];

export const audiences: Tri[] = [
  { zh: '各级行政机关、企业和群众', ug: 'ھەر دەرىجىلىك مەمۇرىي ئورگانلار، كارخانىلار ۋە ئاممە', en: 'Administrative bodies at all levels, businesses and the public' },
  { zh: '各州、市、县人民政府及有关部门', ug: 'ھەرقايسى ئوبلاست، شەھەر، ناھىيە خەلق ھۆكۈمەتلىرى ۋە مۇناسىۋەتلىك تارماقلار', en: 'Prefecture, city and county governments and the departments concerned' },
  { zh: '城乡居民', ug: 'شەھەر-يېزا ئاھالىلىرى', en: 'Urban and rural residents' },
  { zh: '各类市场主体', ug: 'ھەر خىل بازار گەۋدىلىرى', en: 'Businesses of every kind' },
];

/** Title words for genres whose catalogue name does not read well at the end of a title. */
export const genreTitle: Record<string, Tri> = {
  regulation: { zh: '办法', ug: 'چارە', en: 'Measures' },
  'normative-document': { zh: '若干规定', ug: 'بىرقانچە بەلگىلىمە', en: 'Provisions' },
  order: { zh: '命令', ug: 'بۇيرۇق', en: 'Order' },
};

/** Prefixes of 文号 per department; others use 天政发. */
export const docPrefix: Record<string, string> = {
  'general-office': '天政办发',
  agriculture: '天农发',
  'civil-affairs': '天民发',
  'culture-tourism': '天文旅发',
  'development-reform': '天发改发',
  ecology: '天环发',
  education: '天教发',
  health: '天卫发',
  housing: '天建发',
  'human-resources': '天人社发',
  'market-regulation': '天市监发',
  transport: '天交发',
};

/** Dates as written in running text: 2025年3月10日, 2025-يىلى 3-ئاينىڭ 10-كۈنى, 10 March 2025. */
export function writtenDate(y: number, m: number, d: number): Tri {
  return { zh: `${y}年${m}月${d}日`, ug: `${y}-يىلى ${m}-ئاينىڭ ${d}-كۈنى`, en: `${d} ${enMonths[m - 1]} ${y}` };
}
