"""Word lists that demo data is assembled from: plausible Chinese and English customers of a small sales team."""

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田"
    "董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金"
    "石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解"
)
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文辉鹏飞"
    "玲宇浩然子轩欣怡梓涵雨萱晨俊凯婷雪梅海燕丹琳慧颖斌"
    "宁波亮林峰新春晓东佳琪嘉乐思远博文天佑雅静立群永庆金凤德胜"
)
CITIES = (
    ("上海", "上海", "浦东新区", "张江路"),
    ("北京", "北京", "朝阳区", "建国路"),
    ("深圳", "广东", "南山区", "科技园路"),
    ("广州", "广东", "天河区", "体育西路"),
    ("杭州", "浙江", "西湖区", "文三路"),
    ("苏州", "江苏", "工业园区", "星湖街"),
    ("成都", "四川", "高新区", "天府大道"),
    ("武汉", "湖北", "洪山区", "珞喻路"),
    ("南京", "江苏", "鼓楼区", "中山北路"),
    ("天津", "天津", "河西区", "友谊路"),
    ("重庆", "重庆", "渝中区", "解放碑步行街"),
    ("西安", "陕西", "雁塔区", "高新路"),
    ("宁波", "浙江", "鄞州区", "天童南路"),
    ("青岛", "山东", "市南区", "香港中路"),
    ("厦门", "福建", "思明区", "湖滨南路"),
    ("长沙", "湖南", "岳麓区", "麓山南路"),
    ("郑州", "河南", "金水区", "花园路"),
    ("东莞", "广东", "南城区", "鸿福路"),
)
AREA_CODES = {  # each city's telephone area code: demo landlines are numbers a real numbering plan knows
    "上海": "021", "北京": "010", "深圳": "0755", "广州": "020", "杭州": "0571", "苏州": "0512", "成都": "028",
    "武汉": "027", "南京": "025", "天津": "022", "重庆": "023", "西安": "029", "宁波": "0574", "青岛": "0532",
    "厦门": "0592", "长沙": "0731", "郑州": "0371", "东莞": "0769",
}
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
                   "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186",
                   "187", "188", "189", "198", "199")  # prefixes in use: demo mobiles are real-looking numbers
SEVEN_DIGIT_AREAS = frozenset({"0592"})  # Xiamen's local numbers still have 7 digits
BRANDS = (
    "华信", "宏达", "鑫源", "恒通", "瑞丰", "金桥", "永盛", "天成", "博远", "嘉禾", "诚泰", "盛世",
    "东方", "新锐", "百川", "汇通", "中联", "长虹", "光明", "星辰", "海纳", "万象", "锦程", "凯旋",
    "远航", "同创", "思源", "和顺", "龙腾", "安达",
)
INDUSTRIES = (
    ("贸易", "Trading"), ("科技", "Technology"), ("电子", "Electronics"), ("机械", "Machinery"), ("食品", "Foods"),
    ("建材", "Building Materials"), ("物流", "Logistics"), ("医药", "Pharmaceuticals"), ("服装", "Apparel"),
    ("化工", "Chemicals"), ("五金", "Hardware"), ("包装", "Packaging"), ("家具", "Furniture"), ("汽配", "Auto Parts"),
)
COMPANY_SUFFIXES = ("有限公司", "有限公司", "股份有限公司", "贸易商行", "(集团)有限公司")
TITLES_ZH = (
    "总经理", "采购经理", "采购主管", "财务经理", "技术总监", "老板", "店长", "行政主管", "销售总监", "仓库主管",
)

EN_FIRST = (
    "James", "Mary", "John", "Linda", "Robert", "Susan", "Michael", "Karen", "David", "Emma", "Thomas", "Sophie",
    "Daniel", "Laura", "Peter", "Anna", "Lukas", "Chloé", "José", "Zoë", "Søren", "Hélène", "Jürgen", "Noémie",
)
EN_LAST = (
    "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Müller", "García", "Martin", "Clark", "Lewis", "Walker",
    "Young", "Schäfer", "Dubois", "Novák", "O'Brien", "Hughes", "Fernández", "Lefèvre", "Kowalski",
)
EN_SUFFIXES = ("Ltd", "Inc.", "GmbH", "LLC", "Co.", "S.A.")
EN_CITIES = (
    ("Hong Kong", "Hong Kong", "Des Voeux Road Central"), ("Singapore", "Singapore", "Orchard Road"),
    ("London", "England", "King Street"), ("Hamburg", "Hamburg", "Mönckebergstraße"),
    ("Sydney", "NSW", "George Street"), ("Toronto", "Ontario", "Bay Street"),
)
TITLES_EN = ("Purchasing Manager", "Owner", "CEO", "Buyer", "Operations Lead", "Office Manager")

# One language per customer: a Chinese customer's visits, feedback and orders read in Chinese, an English one's in
# English. Each pair has the same length in both languages, so a draw picks the same entry whatever the language
# (and the random stream, and with it every other record of a seed, is the one it always was).
VISIT_PURPOSES_ZH = (
    "例行回访", "新品介绍", "收集反馈", "催收货款", "合同续签", "售后跟进", "节日问候", "需求调研",
    "报价跟进", "季度回顾", "产品演示", "续约洽谈",
)
VISIT_PURPOSES_EN = (
    "Routine follow-up", "New product intro", "Collect feedback", "Payment reminder", "Contract renewal",
    "After-sales check", "Holiday greetings", "Needs assessment", "Quote follow-up", "Quarterly review",
    "Product demo", "Renewal talk",
)
OUTCOMES_ZH = (
    "客户对服务满意，下月追加订单", "提出价格偏高，需要申请折扣", "交货期有顾虑，已协调仓库",
    "新联系人已建档", "客户暂无需求，保持联系", "反映产品质量问题，已登记投诉",
    "积极，要求提供一季度报价", "未接通，稍后再打",
)
OUTCOMES_EN = (
    "Happy with the service, more orders next month", "Finds the price high, discount to be requested",
    "Worried about lead times, warehouse informed", "New contact added", "No need right now, keep in touch",
    "Reported a quality problem, complaint logged", "Positive, wants a quote for Q1", "No answer, will call again",
)
FEEDBACK_TEXTS = {  # the categories in the order drawn; each a Chinese and an English list of the same length
    "product": (("产品包装破损", "部分批次质量不稳定", "到货时产品已损坏"),
                ("Packaging was damaged", "Quality varies between batches", "Product arrived damaged")),
    "price": (("价格比竞争对手高", "希望给予批量折扣", "要求批量优惠"),
              ("Pricier than the competition", "Hopes for a bulk discount", "Asked for a volume discount")),
    "service": (("客服电话难以接通", "售后响应太慢", "没有人回电话"),
                ("Hard to reach customer service", "After-sales too slow to respond", "Nobody called back")),
    "delivery": (("交货延迟三天", "发货数量不对", "晚到两天"),
                 ("Delivery three days late", "Wrong quantity shipped", "Delivery was two days late")),
    "trust": (("担心新品牌的稳定性", "对合同条款有疑虑", "对新条款没有把握"),
              ("Worried the new brand is not stable", "Doubts about the contract terms", "Unsure about the new terms")),
    "other": (("建议增加微信下单", "希望提供电子发票", "建议开通网上订货"),
              ("Suggests ordering by WeChat", "Wants electronic invoices", "Suggests an online order portal")),
}
RESOLUTIONS_ZH = ("已补发货物", "已给予折扣", "已安排技术人员上门", "已向客户解释并致歉", "已更换货物")
RESOLUTIONS_EN = ("Missing goods sent", "Discount given", "Technician sent on site", "Explained and apologised",
                  "Replaced the goods")
# The products earlier demos drew from (their draws are replayed, so a seed keeps its data).
PRODUCTS = ("A型配件", "B型整机", "年度服务包", "耗材套装", "定制方案", "Spare parts kit", "Annual support")
# What the demo sells, named in both languages, with list prices in cents: a few big tickets, many small repeat items.
PRODUCT_PRICES = (
    ("A型配件", "Type A parts", 12_800), ("B型整机", "Type B machine", 268_000),
    ("年度服务包", "Annual service pack", 98_000), ("耗材套装", "Consumables kit", 3_650),
    ("定制方案", "Custom solution", 450_000), ("滤芯", "Filter cartridge", 1_290),
    ("润滑油 5L", "Lubricant 5 L", 8_850),
    ("备件包", "Spare parts kit", 15_900), ("年度支持", "Annual support", 120_000), ("线缆套装", "Cable set", 2_475),
)
ORDER_NOTES_ZH = ("老客户折扣", "年底促销", "批量采购优惠", "协议价", "")
ORDER_NOTES_EN = ("Loyal customer discount", "Year-end promotion", "Bulk purchase discount", "Volume discount", "")
SOURCES_ZH = ("展会", "老客户介绍", "网络", "电话开发", "转介绍", "")
SOURCES_EN = ("Trade fair", "Customer referral", "Website", "Cold call", "Referral", "")
SALES_NAMES = (
    "王建国", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏", "徐涛",
    "孙悦", "马超", "朱琳", "胡斌", "郭鹏", "何欣", "高翔", "林峰", "罗佳", "郑浩", "梁雪", "谢宁",
    "宋毅", "唐婷", "韩冰", "冯凯", "邓丹", "Emily Chen", "Mark Lee", "曹阳", "彭博", "曾琪", "萧然", "田甜",
    "董伟", "潘婷", "袁野", "蒋欣", "Anna Wu",
)
SALES_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)
