/**
 * Word lists the recognisers use to tell names from ordinary words. They are
 * deliberately small and domain-shaped; extend them when a false positive
 * shows up in the gold file or in production.
 */

/** Pinyin family names as they appear romanised ("Gong Bin", "Sun Xiping"). */
export const PINYIN_SURNAMES = new Set(
  (
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie " +
    "Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Jia Ding Wei Xue Ye Yan Lu " +
    "Du Dai Xia Zhong Ren Fan Fang Shi Yao Tan Liao Zou Xiong Jin Hao Kong Bai Cui Kang Mao Qiu Qin Gu Hou " +
    "Shao Meng Long Wan Duan Lei Qian Yin Yi Chang Qiao Lai Gong Wen Pang Lan Ni Lian Zhan Shen Su Lv Lyu " +
    "Fu Cheng Ou Mo Hong Geng Niu Bao Tao Ji Guan Bi Chu Yue Ke Miao Zhai Shang Ning Tong Ling Che Hua Rao " +
    "Ai Ouyang Sima Zhuge Situ Dongfang Shangguan"
  ).split(" "),
);

/** Chinese family names (single and double character) for Chinese person names. */
export const CHINESE_SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭曾肖萧田董袁潘于余蒋蔡贾丁魏薛叶阎严陆杜戴夏钟任范方石姚谭廖邹熊金郝孔白崔康毛邱秦顾侯邵孟龙万段雷钱尹易常乔赖龚文庞兰倪廉詹沈苏吕付傅程欧莫洪耿牛包陶纪关毕储岳柯苗翟尚宁童凌车华饶艾卢汪武贺许邢江黎甘葛温祝左聂覃单骆殷向";
export const CHINESE_DOUBLE_SURNAMES = [
  "欧阳",
  "司马",
  "诸葛",
  "司徒",
  "东方",
  "上官",
  "皇甫",
  "慕容",
];

/** Titles that come right before a Chinese name: "副市长李建华", "院长李俊平". */
export const CHINESE_TITLES = [
  "董事长",
  "副董事长",
  "总经理",
  "副总经理",
  "总裁",
  "副总裁",
  "党委书记",
  "书记",
  "副书记",
  "主任",
  "副主任",
  "院长",
  "副院长",
  "所长",
  "副所长",
  "局长",
  "副局长",
  "部长",
  "副部长",
  "市长",
  "副市长",
  "省长",
  "副省长",
  "主席",
  "副主席",
  "总工程师",
  "总工",
  "教授",
  "研究员",
  "工程师",
  "经理",
  "厂长",
  "理事长",
  "会长",
  "秘书长",
  "首席执行官",
  "创始人",
  "负责人",
  "处长",
  "司长",
  "总监",
  "总书记",
  "总理",
  "记者",
  "专家",
  "院士",
];

/** Words that follow a Chinese name: "李建华表示", "李俊平在…指出". */
export const CHINESE_NAME_FOLLOWERS = [
  "表示",
  "说",
  "指出",
  "介绍",
  "认为",
  "强调",
  "透露",
  "称",
  "在",
  "出席",
  "主持",
  "提出",
  "告诉",
  "一行",
  "同志",
  "先生",
  "女士",
  "，",
  "、",
  "。",
];

/**
 * Capitalised words that do not make a name distinctive on their own: the
 * vocabulary of department and committee names ("Technology Center",
 * "Discipline Inspection Commission") and of headings.
 */
export const GENERIC_WORDS = new Set(
  (
    "the a an of and for in on at by to with from new old national state central general international global " +
    "china chinese american western eastern northern southern north south east west world asia asian pacific " +
    "technology technologies technological technical center centre innovation innovative industrial industry " +
    "industries collaborative marketing department party committee standing discipline inspection supervisory " +
    "metrology operations operation management safety environmental environment protection research development " +
    "materials material rare earth earths high-tech hi-tech economic work conference strategic science scientific " +
    "advanced magnetic magnet magnets permanent energy resources mining metals metal minerals mineral chemical " +
    "chemicals products product services service holdings office bureau ministry commission council agency " +
    "association university institute academy laboratory laboratories quality production manufacturing processing " +
    "trade commerce finance financial investment venture board team unit division branch secretariat forum " +
    "exchange exchanges market markets supply chain critical policy public private joint united clean green power " +
    "electric electronics motor motors automotive vehicle vehicles battery group company corporation limited " +
    "co ltd inc plc llc engineering equipment project projects plant factory mill mine zone building park " +
    "highlights meeting leadership comments disclaimer summary note update news daily weekly report " +
    "reports chairman secretary president director manager engineer chief vice deputy executive professor minister " +
    "government administration affairs information economy capital assets supervision reform planning " +
    "key major leading first second third annual smart digital intelligent intelligence application applications " +
    "alloy alloys powder powders oxide oxides metallurgy metallurgical separation smelting"
  ).split(" "),
);

/** Words that start a sentence or a heading but never a name. */
export const LEADING_STOPWORDS = new Set(
  (
    "The A An In At On By For From With Its Their His Her Our This That These Those As And But When While After " +
    "Before Since During Under Recently Meanwhile Today Yesterday Elsewhere Both Each Every Some Many Most Other " +
    "Several Why How What Where Who Although Though If Because Also Then Now Last Next Such Said Says According " +
    "Analysts Chief President Professor Chairman Director Manager Engineer Vice General Secretary Minister Mr Ms Mrs Dr " +
    "Mr. Ms. Mrs. Dr. CEO Executive Deputy Premier Senator Governor Officer Analyst Spokesperson Spokesman " +
    "Spokeswoman Founder Trader Reporter Editor Commissioner Ambassador Mayor Chancellor Head Partner Researcher " +
    "Scientist Economist Strategist Model Member Party Comrade Academician Representative Chairwoman"
  ).split(" "),
);

/** Month and day names: compromise sometimes takes "May" or "June" for a person or a place. */
export const CALENDAR_WORDS = new Set(
  (
    "January February March April May June July August September October November December " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
  ).split(" "),
);
