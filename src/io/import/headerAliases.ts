import type { ImportField } from './types.js';

/**
 * Built-in header mapping: the usual headers of 企查查 / 天眼查 / 启信宝 exports, ranking lists and
 * English tools, by field. Headers are compared after `headerKey` (width, case, spaces, units and
 * years removed). A user mapping overrides these.
 */
export const DEFAULT_HEADER_ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  id: ['id', '编号', '企业编号'],
  name: ['企业名称', '公司名称', '企业全称', '公司全称', '名称', '单位名称', '企业名', '公司名', '公司', '企业', '客户名称', '纳税人名称', '机构名称', '证券全称',
    'name', 'company', 'companyname', 'enterprise', 'enterprisename', 'firm', 'firmname', 'entity', 'fullname', 'legalname'],
  nameEn: ['英文名称', '英文名', '企业英文名称', '英文全称', 'englishname', 'nameen', 'enname'],
  aliases: ['曾用名', '简称', '企业简称', '公司简称', '证券简称', '股票简称', '别名', '品牌', 'shortname', 'alias', 'aliases', 'abbreviation', 'formername'],
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', '纳税人识别号', '注册号', '工商注册号', 'creditcode', 'unifiedsocialcreditcode', 'uscc', 'usci', 'registrationnumber'],
  founded: ['成立日期', '成立时间', '注册日期', '成立年份', '创立时间', '创立日期', '成立', 'founded', 'established', 'foundingdate', 'setupdate', 'dateofestablishment', 'incorporationdate', 'founddate'],
  registeredCapital: ['注册资本', '注册资金', '注册资本金', 'registeredcapital', 'regcapital', 'capital'],
  province: ['省份', '所属省份', '省', '所在省份', '注册省份', '所属省', '省级', 'province', 'provincearea', 'state', 'hqprovince'],
  city: ['城市', '所属城市', '市', '地市', '所在城市', '所属地市', '所在地市', 'city', 'hqcity'],
  county: ['区县', '所属区县', '县区', '区/县', '所在区县', '区', '县', 'county', 'district'],
  address: ['地址', '注册地址', '企业地址', '通信地址', '办公地址', '总部所在地', '总部', '所在地', '总部地址', '住所', '所在地区', '地区', '总部城市', 'address', 'registeredaddress', 'headquarters', 'hq', 'location'],
  industryCode: ['所属行业', '国标行业', '行业', '行业分类', '国民经济行业', '国民经济行业分类', '行业门类', '所属行业门类', '行业大类', '行业代码', '企查查行业', '申万行业', '证监会行业', '所属产业',
    'industry', 'industrycode', 'sector', 'industryclassification'],
  businessScope: ['经营范围', '业务范围', '主营业务', '主要业务', '业务', 'businessscope', 'scope', 'business', 'mainbusiness'],
  companyType: ['企业类型', '公司类型', '企业性质', '公司性质', '经济类型', '登记注册类型', '所有制', '企业所有制', '所有制类型', '所有制性质', '控股类型', '实控人类型',
    'companytype', 'enterprisetype', 'ownership', 'ownershiptype', 'type'],
  status: ['登记状态', '经营状态', '企业状态', '存续状态', 'status', 'registrationstatus'],
  listed: ['上市状态', '是否上市', '上市情况', '上市板块', '上市', 'listed', 'listingstatus', 'islisted'],
  stockCode: ['股票代码', '证券代码', '上市代码', 'stockcode', 'ticker', 'tscode', 'symbol'],
  revenue: ['营业收入', '营收', '营业额', '销售收入', '主营业务收入', '营业总收入', '年营收', '收入', '销售额', '年营业收入', 'revenue', 'sales', 'turnover', 'operatingrevenue', 'income'],
  revenueYear: ['营收年份', '收入年份', '年度', '年份', 'revenueyear', 'year', 'fiscalyear'],
  employees: ['参保人数', '员工人数', '从业人数', '职工人数', '员工数', '人员规模', 'employees', 'staff', 'headcount', 'employeecount'],
  products: ['主营产品', '主要产品', '产品', '核心产品', '产品名称', '主导产品', 'products', 'mainproducts', 'product'],
  lists: ['榜单', '荣誉', '资质', '入选榜单', '企业荣誉', '所属榜单', '名单', '企业资质', 'lists', 'rankings', 'list', 'honors', 'honours'],
  segments: ['环节', '所属环节', '产业链环节', '链条环节', '挂链环节', 'segments', 'segment'],
  website: ['网址', '官网', '网站', '企业官网', 'website', 'url', 'web', 'homepage'],
  note: ['备注', '说明', 'note', 'notes', 'remark', 'remarks'],
  ignore: ['序号', '法定代表人', '法人', '法人代表', '负责人', '电话', '联系电话', '更多电话', '手机', '邮箱', '电子邮箱', '更多邮箱', '联系人', '核准日期', '纳税人资质', '实缴资本',
    '登记机关', '营业期限', '邮编', '传真', 'no', 'index', '#', 'legalrepresentative', 'phone', 'email', 'tel', 'fax'],
};

/** Headers recognised when they only contain one of these (e.g. '企业名称(点击查看)', '2023年营业收入(万元)'), checked after exact matches. */
export const HEADER_CONTAINS: readonly (readonly [string, ImportField])[] = [
  ['统一社会信用代码', 'creditCode'],
  ['企业名称', 'name'],
  ['公司名称', 'name'],
  ['营业收入', 'revenue'],
  ['营业总收入', 'revenue'],
  ['营收', 'revenue'],
  ['销售收入', 'revenue'],
  ['注册资本', 'registeredCapital'],
  ['经营范围', 'businessScope'],
  ['主营产品', 'products'],
  ['主要产品', 'products'],
  ['参保人数', 'employees'],
  ['成立日期', 'founded'],
  ['revenue', 'revenue'],
];
