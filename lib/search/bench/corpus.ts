/**
 * A deterministic archive of synthetic Chinese local news for the search benchmark: real news words
 * and place names in sentence templates, with numbers, dates, percentages and Latin abbreviations,
 * article lengths and issue sizes like a county daily's.
 */
import { createRng } from '@/lib/gen/rng';
import type { SearchDoc } from '../types';

/** The generator's seeded PRNG (mulberry32). */
export const rng = (seed: number): (() => number) => createRng(seed);

const w = (s: string) => s.split(/\s+/).filter(Boolean);

const PLACES =
  w(`平湖 嘉兴 浙江 杭州 上海 长三角 当湖街道 钟埭街道 曹桥街道 新埭镇 新仓镇 广陈镇 林埭镇 乍浦镇 独山港镇
  全公亭 东湖 九龙山 南河头 经济技术开发区 张江长三角科技城 独山港经济开发区 乍浦港 嘉兴港 海盐 海宁 桐乡 嘉善 秀洲 南湖`);
const ORGS =
  w(`市委 市政府 市人大常委会 市政协 市发改局 市经信局 市科技局 市商务局 市财政局 市人力社保局 市住建局 市交通运输局
  市农业农村局 市文广旅体局 市卫健局 市市场监管局 市应急管理局 市生态环境分局 市总工会 团市委 市妇联 市税务局 市公安局
  市人民法院 市人民检察院 市融媒体中心 市供电公司 市教育局 市民政局 市自然资源和规划局 市综合行政执法局 市消防救援大队`);
const PEOPLE =
  w(`周军波 仲旭东 陈王进 徐玉霞 胡海彪 曹建明 沈晓红 张伟 王芳 李娜 刘洋 陈静 杨帆 黄磊 赵敏 吴昊 孙悦 朱丽 马骏 何平
  高峰 林琳 郭涛 罗斌 梁晨 宋佳 郑凯 谢婷 韩冰 唐宁 冯雪 于洋 董军 萧然 程亮 曹颖 袁野 邓超 许诺 傅强 沈洁 曾伟 彭丽 吕鹏`);
const NOUNS =
  w(`经济 发展 项目 企业 产业 工业 农业 服务业 制造业 数字经济 科技创新 产业创新 营商环境 招商引资 重大项目 民生实事
  乡村振兴 共同富裕 城市更新 基础设施 交通 教育 医疗 养老 就业 社保 住房 生态环境 水环境 垃圾分类 文明城市 平安建设
  安全生产 防汛防台 消防安全 食品安全 市场监管 文化 体育 旅游 农文旅 夜经济 消费 外贸 出口 进出口 投资 固定资产投资
  工业增加值 规上工业 高新技术企业 专精特新 小微园区 产业链 供应链 人才 高校 科研院所 平台 孵化器 新能源 新材料 光伏
  储能 汽车零部件 装备制造 生物医药 集成电路 智能制造 数字化改造 工业互联网 人工智能 大数据 港口 物流 航运 集装箱 高速公路
  轨道交通 公交 停车 道闸 电梯 老旧小区 社区 网格 志愿者 党建 基层治理 村集体经济 农户 粮食 蔬菜 西瓜 水稻 渔业
  金融 贷款 税收 财政收入 居民收入 消费品零售总额 用电量 空气质量 河道 湿地 公园 绿道 图书馆 文化礼堂 博物馆 学校
  幼儿园 医院 卫生院 健康 疫苗 体检 防溺水 暑期 高温 台风 汛期 招聘 岗位 零工市场 技能培训 工匠 劳模 职工 网民 网评`);
const VERBS =
  w(`推进 推动 加快 实施 开展 举行 召开 启动 建设 完成 落实 强化 提升 优化 深化 打造 培育 引进 签约 开工 投产 竣工
  实现 突破 保障 服务 助力 聚焦 围绕 坚持 把握 统筹 部署 检查 调研 督导 走访 慰问 表彰 发布 举办 参加 出席 听取 审议`);
const ADJ = w(
  `高质量 稳步 持续 扎实 全面 积极 有效 精准 重点 关键 创新 绿色 智慧 安全 便捷 优质 新型 现代化 标准化 规范化`,
);
const LATIN = w(`PTA GDP AI 5G APP PPP LED VR G60 CPI PMI ESG EPC IPO DNA AED`);
/** The Han characters of a real front page (content/2025-07-31/01.md), most frequent first. */
const CHARS = Array.from(
  '的业平产要市发动展湖工力新能政实现加一化在上企大高量为推增道了人创质更年作强务以区生会出策时中服成有心经优才进等重和引项系数我建多资网民精体科用对及济技源是不路好全准各设求开台转小场命聚持落群导目与个向需健金集社长主快所康保商位值车职记提来合续方同度研规协可育到岗争做部门突破机代分于关议升最确找正国据总题院调情军今活组织通深态家地划并势接入取居园街独山条半这委联智领当文让常自专下形吸走听周波培障追久模户书近把效点共式立事过得月员链应定解速造府审招公投就之停日端口次坚理励功批奖运营见核变内也列基足细无元洁芳江嘉兴品者王指级积众佳东座果术两意予安整头单打圈第微标镇习讲话财统处管红利础壮局竞夜离亿比闸名辆版启致信环赋战起风放本行席海温原域前攻面充问学键识权牢既订将如爱步访晓神谋想具先期促赛预算款涉耐张每至慧线维八从说难看三装村们后费床报省评广副责革络境真制示范明珠讯胡子其县十咨询仲旭龙谈融蓄带特未况支相他决挥血身双扶外案队完齐略港景径延伸驿站二占压石声凯杨表属被远卫星司控客征供便法陈围极尽终字改清担此认贯彻署采传亮结暨举党已陆读摄影获由该息析亲负劲英游给献依托器撑握断攀知拓串使树益埋赢往宝贵尊惜构耕六届四丹荔补存型团干施配套洋思河计城试聘达欣编覆盖角触手航间鲜南堂则脉含韧舱印证老兵庆友退役参戏阵郑治宽挤着喜悦言侧米流愈忡交添查仅还挨置收免挑梁图浙限因价布徐玉霞捷辞绕履始朗谐念努激富裕璀璨故奋斗尖递绽午仪彪任曹良许静诵涌秀享沙恳余巨翻番氛浓厚汇回肯贡响闭沿底浪潮趋素克卡脖孵召宣振移购买厂房典鼓水若福祉注善短板软央觉措五色润泽焦潜验符畅切黄雨首沉坐惯性送佰伴庙异曲零毛般暖昨天钟埭宴筑荣光迎包饺趣味欢笑祝吴薇梗阻茹彤夏蕾像边满敞拥住溢虽眼却里但且纳养护畴糊乱象演烈严只剩称夹缝刮擦隐患忧坤办堵忽视撕别租或临雯初够倾愿戚朋怎么借穿吗针些节反复讨论绑券遇白殊晨燕去奠永伟悉格距样淋漓材料令砥砺待旬另百冲刺夯抱抵御险块状辨津密排械臂按照程序操轰鸣屏幕跃幅',
);
const UNITS = w(`亿元 万元 万吨 吨 个 家 项 人 人次 户 公里 平方米 亩 千瓦时 辆 台 套 所 座`);

export interface CorpusOptions {
  articles: number;
  seed?: number;
  /** Articles per issue (about 8 pages of 5). */
  perIssue?: number;
}

export function generateCorpus({ articles, seed = 20250731, perIssue = 40 }: CorpusOptions): SearchDoc[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  // Zipf-like: early words far more often, as in real text.
  const zipf = <T>(xs: T[]): T => xs[Math.floor(xs.length * r() ** 2.2)]!;
  const num = () => String(Math.floor(r() ** 3 * 2000) + 1);
  const dec = () => `${Math.floor(r() * 300)}.${Math.floor(r() * 10)}`;
  const pct = () => `${Math.floor(r() * 30)}.${Math.floor(r() * 10)}%`;
  const name = () => pick(PEOPLE);
  // A long tail of rarer words drawn from real character frequencies, as real archives have.
  const tail = Array.from({ length: 8000 }, () => {
    const len = r() < 0.7 ? 2 : r() < 0.7 ? 3 : 4;
    let word = '';
    for (let k = 0; k < len; k++) word += CHARS[Math.floor(CHARS.length * r() ** 1.6)]!;
    return word;
  });
  const noun = () => (r() < 0.45 ? zipf(NOUNS) : tail[Math.floor(tail.length * r() ** 1.8)]!);
  const verb = () => zipf(VERBS);
  const place = () => zipf(PLACES);

  const sentences: ((date: string) => string)[] = [
    () =>
      `${place()}${verb()}${noun()}${noun()}工作，${ADJ[Math.floor(r() * ADJ.length)]}${verb()}${noun()}。`,
    () => `今年上半年，${place()}实现${noun()}${dec()}${pick(UNITS)}，同比增长${pct()}。`,
    () => `${pick(ORGS)}${verb()}${noun()}专项行动，累计${verb()}${noun()}${num()}${pick(UNITS)}。`,
    () =>
      `${name()}在${verb()}时指出，要${verb()}${ADJ[Math.floor(r() * ADJ.length)]}${noun()}，${verb()}${noun()}和${noun()}。`,
    (d) =>
      `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日上午，${pick(ORGS)}在${place()}${verb()}${noun()}推进会。`,
    () => `该项目总投资${dec()}亿元，建成后预计年产值${num()}万元，可带动${num()}人就业。`,
    () => `${pick(LATIN)}${noun()}${verb()}以来，${place()}已有${num()}家企业参与，${noun()}${verb()}明显。`,
    () =>
      `“${verb()}${noun()}，关键在${noun()}。”${pick(ORGS)}相关负责人${name()}说，下一步将${verb()}${noun()}。`,
    () => `据了解，${place()}${noun()}${noun()}指数为${dec()}，比去年同期提高${dec()}个百分点。`,
    () =>
      `截至${2015 + Math.floor(r() * 11)}年底，全市共有${noun()}${num()}${pick(UNITS)}，${noun()}覆盖率达${pct()}。`,
    () => `${place()}${noun()}${noun()}${verb()}，${noun()}${noun()}${verb()}，${noun()}${verb()}${noun()}。`,
  ];
  // Statistics (同比增长, 总投资, 指数, 截至) belong to economy stories, about a third of the paper.
  const economy = new Set([1, 5, 8, 9]);
  const general = sentences.filter((_, i) => !economy.has(i));

  const issues = Math.ceil(articles / perIssue);
  const start = Date.UTC(2025, 6, 31);
  const docs: SearchDoc[] = [];
  for (let i = 0; i < articles; i++) {
    const issue = Math.floor(i / perIssue);
    const date = new Date(start - (issues - 1 - issue) * 86_400_000).toISOString().slice(0, 10);
    const pool = r() < 0.3 ? sentences : general;
    const paragraphs: string[] = [];
    const pcount = 3 + Math.floor(r() * 6);
    for (let p = 0; p < pcount; p++) {
      let para = '';
      const scount = 2 + Math.floor(r() * 4);
      for (let s = 0; s < scount; s++) para += pick(pool)(date);
      paragraphs.push(para);
    }
    const headline = `${place()}${verb()}${noun()}${r() < 0.5 ? noun() : ''}`;
    docs.push({
      id: `a${i.toString(36)}`,
      date,
      page: 1 + Math.floor((i % perIssue) / 5),
      headline,
      kicker: r() < 0.2 ? `${verb()}${noun()}` : undefined,
      subheadline:
        r() < 0.25 ? `${place()}${noun()}${verb()}${ADJ[Math.floor(r() * ADJ.length)]}` : undefined,
      bylines: `记者 ${name()}${r() < 0.4 ? ` 通讯员 ${name()}` : ''}`,
      body: paragraphs.join('\n'),
    });
  }
  return docs;
}

/** The fixed benchmark queries: 1–6 characters, several terms, across word boundaries, Latin, numbers. */
export const BENCH_QUERIES: string[] = [
  // one character
  '湖',
  '港',
  '闸',
  '税',
  '瓜',
  '涝',
  // two characters
  '平湖',
  '道闸',
  '光伏',
  '储能',
  '工匠',
  '台风',
  '西瓜',
  '渔业',
  '芯片',
  // three to six characters
  '工业增加值',
  '专精特新',
  '消费品零售',
  '高质量发展',
  '营商环境',
  '乡村振兴',
  '固定资产投资',
  '共同富裕',
  '张江长三角科技城',
  '集成电路',
  '老旧小区',
  '防溺水',
  '零工市场',
  '文化礼堂',
  // across word boundaries (the end of one word, the start of the next)
  '湖经济',
  '业增长',
  '设施建',
  '发展和',
  '同比增长',
  '加工业',
  '增加了',
  '港经济',
  // the any-order trap: every character is common, the phrase is not
  '加值工业',
  '展发',
  '济经',
  // Latin and numbers, alone and mixed
  'PTA',
  'gdp',
  'G60',
  'AI',
  '5G',
  '2025',
  '175.3',
  '8.5%',
  'PTA价格',
  '5G项目',
  '2024年底',
  // full-width forms
  'ＰＴＡ',
  '２０２５',
  // several terms
  '平湖 光伏',
  '港口 集装箱 物流',
  '招聘 岗位',
  '周军波 调研',
  '"高质量 发展"',
  'AI 智能制造',
  '储能 2025',
  '乍浦港 航运',
  '道闸 停车',
];
