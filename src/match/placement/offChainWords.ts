/**
 * Words in a company name or business scope that mark a business outside any manufacturing or agri-food chain
 * (finance, property, media, games, tourism, education, airlines, retail …), with the GB/T 4754-2017 大类 they
 * stand for. Used when a company gives no industry code, and when its label's codes lie partly off every chain
 * (环境保护, 新型电力): then the name says which. A label wholly on a chain decides.
 * Judgement of the project, compiled from the standard's section titles (J 金融, K 房地产, R 文化 …).
 */
export const OFF_CHAIN_NAME_WORDS: readonly (readonly [RegExp, string, string])[] = [
  [/银行|农村信用合作|信用社|村镇银行/, '66', '银行'],
  [/证券|期货|基金管理|资产管理|投资管理|私募|信托|创业投资|股权投资/, '67', '证券与资产管理'],
  [/保险|人寿|财险|再保险/, '68', '保险'],
  [/小额贷款|融资担保|典当|金融控股|金融服务|消费金融|融资租赁|支付/, '69', '其他金融'],
  [/房地产|置业|地产开发|房产开发|物业管理|物业服务|不动产/, '70', '房地产'],
  [/传媒|影视|广播电视|出版|报业|文化传播|广告|电影院线|院线/, '86', '文化传媒'],
  [/网络游戏|游戏|互娱|互动娱乐|电子竞技/, '64', '游戏与互联网娱乐'],
  [/旅游|旅行社|景区|度假区|酒店|宾馆|饭店|餐饮/, '61', '旅游住宿餐饮'],
  [/教育|培训学校|学校|幼儿园|职业技能培训/, '83', '教育'],
  [/航空股份有限公司|航空公司|航空集团有限公司|机场|航运|港口|海运|船务/, '56', '航空与水运'],
  [/百货|超市|购物中心|商场|连锁零售|便利店|电商平台/, '52', '零售'],
  [/律师事务所|会计师事务所|咨询有限公司|人力资源|猎头/, '72', '商务服务'],
  [/医院|诊所|卫生院/, '84', '医疗服务'],
  [/检测(?!仪|设备|装备|器)|认证|计量(?!仪|器|泵)/, '745', '质检技术服务'],
  [/核电|核能|核力发电/, '4414', '核力发电'],
  [/环境(?!科技|技术|设备|装备|材料)|环保(?!科技|技术|设备|装备|材料|机械)|水务|固废|环卫/, '77', '环境治理与公用事业'],
];
