<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../../keepclient/ui/calendar/agenda.py" line="102"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/agenda.py" line="102"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/agenda.py" line="102"/>
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/agenda.py" line="102"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/agenda.py" line="102"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/agenda.py" line="103"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/agenda.py" line="103"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/agenda.py" line="103"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
</context>
<context>
    <name>AtRiskWatch</name>
    <message numerus="yes">
        <location filename="../../keepclient/ui/at_risk_status.py" line="75"/>
        <source>%n customer(s) newly at risk</source>
        <translation>
            <numerusform>%n 个客户新出现流失风险</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/at_risk_status.py" line="77"/>
        <source>%n of my customers newly at risk</source>
        <translation>
            <numerusform>我的客户中有 %n 个新出现流失风险</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/at_risk_status.py" line="78"/>
        <source>%n of %1&apos;s customers newly at risk</source>
        <translation>
            <numerusform>%1 的客户中有 %n 个新出现流失风险</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BirthdayEdit</name>
    <message>
        <location filename="../../keepclient/ui/widgets/form_dialog.py" line="115"/>
        <source>year unknown</source>
        <translation>年份未知</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/form_dialog.py" line="122"/>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/form_dialog.py" line="122"/>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/form_dialog.py" line="123"/>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/form_dialog.py" line="126"/>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/form_dialog.py" line="128"/>
        <source>A birthday of the Chinese lunar calendar (农历): the month and day are lunar, and it is shown on its Gregorian date each year</source>
        <translation>按农历计算的生日：月和日为农历，每年显示在对应的公历日期上</translation>
    </message>
</context>
<context>
    <name>CadenceDialog</name>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="38"/>
        <source>Follow-up cadence</source>
        <translation>跟进周期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="39"/>
        <source>How often the team contacts each customer. A customer&apos;s own interval (in its profile) wins over these.</source>
        <translation>团队联系每个客户的频率。客户资料中单独设置的间隔优先于这里的设置。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="43"/>
        <source>A customers: every</source>
        <translation>A 类客户：每</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="44"/>
        <source>B customers: every</source>
        <translation>B 类客户：每</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="45"/>
        <source>C customers: every</source>
        <translation>C 类客户：每</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="46"/>
        <source>New customers: every</source>
        <translation>新客户：每</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="47"/>
        <source>… during their first</source>
        <translation>……在最初</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="55"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="57"/>
        <source>no start-up period</source>
        <translation>不设新客户期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="60"/>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/cadence_dialog.py" line="61"/>
        <source>A every 14 days, B 30, C 90; new customers weekly for 30 days</source>
        <translation>A 类每 14 天，B 类 30 天，C 类 90 天；新客户前 30 天每周一次</translation>
    </message>
</context>
<context>
    <name>CalendarArea</name>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="186"/>
        <location filename="../../keepclient/ui/calendar/area.py" line="267"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="186"/>
        <source>Today (Ctrl+T, Alt+Home)</source>
        <translation>今天（Ctrl+T、Alt+Home）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="187"/>
        <source>Previous (Alt+Left, Page Up)</source>
        <translation>上一个（Alt+左、Page Up）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="188"/>
        <source>Next (Alt+Right, Page Down)</source>
        <translation>下一个（Alt+右、Page Down）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="189"/>
        <location filename="../../keepclient/ui/calendar/area.py" line="274"/>
        <source>Go to date…</source>
        <translation>转到日期…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="189"/>
        <source>Go to a date (Ctrl+G)</source>
        <translation>转到某一天（Ctrl+G）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="208"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="208"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="208"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="209"/>
        <source>Agenda</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="219"/>
        <source>Care</source>
        <translation>关怀</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="220"/>
        <source>Show the holidays the team observes and contacts&apos; birthdays (File › Care settings… chooses the holidays)</source>
        <translation>显示团队关注的节日和联系人的生日（在“文件 › 关怀设置…”中选择节日）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="225"/>
        <source>Plan visit…</source>
        <translation>安排拜访…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="225"/>
        <source>Plan a visit at the selected time (Enter)</source>
        <translation>在所选时间安排拜访（Enter）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="227"/>
        <source>Due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="227"/>
        <source>Show the customers due for follow-up</source>
        <translation>显示需要跟进的客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="230"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="230"/>
        <source>Print schedules, route sheets and the month</source>
        <translation>打印日程表、路线单和月历</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="232"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="232"/>
        <source>Export visits, team settings</source>
        <translation>导出拜访、团队设置</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="235"/>
        <source>Export visits as .ics…</source>
        <translation>将拜访导出为 .ics…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="236"/>
        <source>Follow-up cadence…</source>
        <translation>跟进周期…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="268"/>
        <location filename="../../keepclient/ui/calendar/area.py" line="270"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="269"/>
        <location filename="../../keepclient/ui/calendar/area.py" line="272"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="275"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="277"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="279"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="637"/>
        <source>Birthday: %1 (%2)</source>
        <translation>生日：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="642"/>
        <source>%1 birthdays</source>
        <translation>%1 个生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="658"/>
        <source>Showing the first %1 of %2 visits.</source>
        <translation>显示 %2 次拜访中的前 %1 次。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="659"/>
        <source>%1 visits: too many to show one by one, so each hour shows how many.</source>
        <translation>共 %1 次拜访：太多无法逐条显示，因此每小时只显示数量。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="661"/>
        <source>Choose salespeople to see their visits.</source>
        <translation>选择销售员以查看其拜访。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="668"/>
        <source>No visits this day. Double-click a free time to plan one.</source>
        <translation>这一天没有拜访。双击空闲时间即可安排。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="669"/>
        <source>No visits this week. Double-click a free time to plan one.</source>
        <translation>本周没有拜访。双击空闲时间即可安排。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="670"/>
        <source>No visits this month.</source>
        <translation>本月没有拜访。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="671"/>
        <source>No visits this week.</source>
        <translation>本周没有拜访。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="671"/>
        <source>No visits in this period.</source>
        <translation>此期间没有拜访。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="675"/>
        <source>Only the chosen salespeople are shown.</source>
        <translation>只显示所选销售员。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/area.py" line="692"/>
        <source>Week %1</source>
        <translation>第 %1 周</translation>
    </message>
</context>
<context>
    <name>CalendarTips</name>
    <message>
        <location filename="../../keepclient/ui/calendar/tooltips.py" line="23"/>
        <source>Contact: %1</source>
        <translation>联系人：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/tooltips.py" line="25"/>
        <source>Salesperson: %1</source>
        <translation>销售员：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/tooltips.py" line="27"/>
        <source>Purpose: %1</source>
        <translation>目的：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/tooltips.py" line="29"/>
        <source>Where: %1</source>
        <translation>地点：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/tooltips.py" line="31"/>
        <source>Outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/tooltips.py" line="33"/>
        <source>Part of a recurring follow-up</source>
        <translation>属于周期性跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/tooltips.py" line="40"/>
        <source>Birthday: %1 (%2)</source>
        <translation>生日：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/tooltips.py" line="43"/>
        <source>lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/tooltips.py" line="45"/>
        <source>turns %1</source>
        <translation>满 %1 岁</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/tooltips.py" line="58"/>
        <source>a holiday the team observes</source>
        <translation>团队关注的节日</translation>
    </message>
</context>
<context>
    <name>CareListDialog</name>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="51"/>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="126"/>
        <source>Care list</source>
        <translation>关怀名单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="57"/>
        <source>Birthdays of a month</source>
        <translation>某月生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="74"/>
        <source>Everyone&apos;s customers</source>
        <translation>所有人的客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="86"/>
        <source>The customers to greet or send a gift, by salesperson, tier and name, with contact, phone, address and the last gift for the same occasion.</source>
        <translation>需要问候或送礼的客户，按业务员、等级和名称排列，附联系人、电话、地址以及同一场合的上次礼品。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="90"/>
        <source>&amp;Occasion:</source>
        <translation>场合(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="91"/>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="92"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="93"/>
        <source>Tiers:</source>
        <translation>等级：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="94"/>
        <source>&amp;Whose:</source>
        <translation>谁的客户(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="95"/>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="97"/>
        <source>Save &amp;PDF…</source>
        <translation>保存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="98"/>
        <source>Save &amp;Excel…</source>
        <translation>保存为 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="108"/>
        <source>Choose at least one tier.</source>
        <translation>请至少选择一个等级。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="140"/>
        <source>Save care list as PDF</source>
        <translation>将关怀名单保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/care_list_dialog.py" line="147"/>
        <source>Save care list as Excel</source>
        <translation>将关怀名单保存为 Excel</translation>
    </message>
</context>
<context>
    <name>CareSettingsDialog</name>
    <message>
        <location filename="../../keepclient/ui/calendar/care_settings_dialog.py" line="54"/>
        <source>Care settings</source>
        <translation>关怀设置</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/care_settings_dialog.py" line="59"/>
        <source>These settings are shared by the whole team. The holidays chosen here are shown in the calendar&apos;s Care layer and listed in the Due panel two weeks ahead.</source>
        <translation>这些设置由整个团队共用。这里选中的节日会显示在日历的关怀图层中，并提前两周列在待跟进面板里。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/care_settings_dialog.py" line="62"/>
        <source>Traditional festivals</source>
        <translation>传统节日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/care_settings_dialog.py" line="64"/>
        <source>Public days</source>
        <translation>公共节日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/care_settings_dialog.py" line="69"/>
        <source>China: public holidays and make-up working days (调休)</source>
        <translation>中国：法定节假日和调休工作日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/care_settings_dialog.py" line="71"/>
        <source>Another region: weekends only</source>
        <translation>其他地区：仅周末休息</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/care_settings_dialog.py" line="73"/>
        <source>Working time for response targets</source>
        <translation>响应时限的工作时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/care_settings_dialog.py" line="75"/>
        <source>Feedback deadlines count working time. In China, public holidays are days off and make-up working days are working days; elsewhere only weekends are off. Deadlines already set are kept.</source>
        <translation>反馈时限按工作时间计算。在中国，法定节假日不算工作日，调休日算工作日；其他地区只有周末休息。已设定的时限保持不变。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/care_settings_dialog.py" line="88"/>
        <source>The database is open read-only: these settings can be seen but not changed.</source>
        <translation>数据库以只读方式打开：这些设置只能查看，不能修改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/care_settings_dialog.py" line="94"/>
        <source>Observe all</source>
        <translation>全部关注</translation>
    </message>
</context>
<context>
    <name>ClickThrough</name>
    <message>
        <location filename="../../keepclient/ui/dashboard/click_through.py" line="83"/>
        <source>New customers of %1, %2</source>
        <translation>%1 的新客户，%2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/click_through.py" line="85"/>
        <source>Customers of %1 set to Lost, %2</source>
        <translation>%1 的被设为“已流失”的客户，%2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/click_through.py" line="87"/>
        <source>Retained customers of %1, %2 (ordered in the previous period and again in this one)</source>
        <translation>%1 的留存客户，%2（上一期间下过单且本期再次下单）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/click_through.py" line="90"/>
        <source>Customers of %1 within their follow-up interval at the end of %2</source>
        <translation>%1 的在 %2 期末仍处于回访周期内的客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/click_through.py" line="93"/>
        <source>Customers behind the revenue of %1, %2 (sorted by 12-month revenue)</source>
        <translation>构成 %1 营收的客户，%2（按近 12 个月营收排序）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/click_through.py" line="155"/>
        <source>the whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/click_through.py" line="179"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="165"/>
        <source>Close feedback</source>
        <translation>关闭反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="167"/>
        <source>How satisfied is %1 with how this was handled? (optional)</source>
        <translation>%1 对这次处理满意吗？（可选）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="171"/>
        <source>(not asked)</source>
        <translation>（未询问）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="172"/>
        <source>very unhappy</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="172"/>
        <source>unhappy</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="172"/>
        <source>neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="172"/>
        <source>happy</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="173"/>
        <source>very happy</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="178"/>
        <source>What the customer said (optional)</source>
        <translation>客户的原话（可选）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="180"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="181"/>
        <source>Comment</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="182"/>
        <source>Close item</source>
        <translation>关闭此项</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="151"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="152"/>
        <source>Check what each column holds; choose &quot;Ignore&quot; for columns to leave out.</source>
        <translation>请核对每一列的内容；不需要导入的列选择“忽略”。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="154"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="154"/>
        <source>First value</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="155"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="160"/>
        <source>Matching the rows…</source>
        <translation>正在匹配各行…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="171"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../keepclient/ui/customers/conflict_dialog.py" line="36"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/conflict_dialog.py" line="39"/>
        <source>%1 saved &quot;%2&quot; after you opened it. Choose, field by field, which value to keep.</source>
        <translation>在您打开“%2”之后，%1 保存了它。请逐项选择要保留的值。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/conflict_dialog.py" line="40"/>
        <source>A colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/conflict_dialog.py" line="43"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/conflict_dialog.py" line="43"/>
        <source>Their value</source>
        <translation>对方的值</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/conflict_dialog.py" line="43"/>
        <source>Your value</source>
        <translation>您的值</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/conflict_dialog.py" line="54"/>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/conflict_dialog.py" line="55"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/conflict_dialog.py" line="56"/>
        <source>Save ticked values of mine</source>
        <translation>保存我勾选的值</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="35"/>
        <source>Connect to team server</source>
        <translation>连接团队服务器</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="37"/>
        <source>The team&apos;s PostgreSQL server, as your IT department or hosting provider gave it. The server decides which customers your login sees.</source>
        <translation>团队的 PostgreSQL 服务器，按 IT 部门或托管服务商提供的信息填写。您的登录名能看到哪些客户由服务器决定。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="41"/>
        <source>server.example.com</source>
        <translation>server.example.com</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="51"/>
        <source>Off</source>
        <translation>不加密</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="51"/>
        <source>When the server offers it</source>
        <translation>服务器支持时加密</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="52"/>
        <source>Always</source>
        <translation>始终加密</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="52"/>
        <source>Always, with a checked certificate</source>
        <translation>始终加密并验证证书</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="56"/>
        <source>Remember the password in this computer&apos;s keychain</source>
        <translation>在本机的钥匙串中记住密码</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="60"/>
        <source>This computer has no keychain keepclient can use: the password is asked for each time.</source>
        <translation>本机没有 keepclient 可用的钥匙串：每次都会询问密码。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="63"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="64"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="65"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="66"/>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="67"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="68"/>
        <source>&amp;Encryption:</source>
        <translation>加密(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="78"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="98"/>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="98"/>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="99"/>
        <source>the login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="102"/>
        <source>Please fill in %1.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/connect_dialog.py" line="102"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ContextMenus</name>
    <message>
        <location filename="../../keepclient/ui/context_menus.py" line="98"/>
        <location filename="../../keepclient/ui/context_menus.py" line="142"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/context_menus.py" line="108"/>
        <location filename="../../keepclient/ui/context_menus.py" line="193"/>
        <source>Copy &amp;phone %1</source>
        <translation>复制电话(&amp;P) %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/context_menus.py" line="110"/>
        <source>Copy &amp;email %1</source>
        <translation>复制邮箱(&amp;E) %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/context_menus.py" line="145"/>
        <source>Show &amp;customer</source>
        <translation>查看客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/context_menus.py" line="155"/>
        <source>New feedback from this customer…</source>
        <translation>为该客户新建反馈…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/context_menus.py" line="177"/>
        <source>Open &amp;care list</source>
        <translation>打开关怀名单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/context_menus.py" line="183"/>
        <source>&amp;Open customer</source>
        <translation>打开客户(&amp;O)</translation>
    </message>
</context>
<context>
    <name>CustomerActions</name>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="43"/>
        <source>Press OK again to save yours over theirs, or Cancel.</source>
        <translation>再次点“确定”将用您的内容覆盖对方的，或点“取消”。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="130"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="131"/>
        <source>Already in the database: %1. Create another customer anyway?</source>
        <translation>数据库中已有：%1。仍要新建一个客户吗？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="140"/>
        <source>Create %1</source>
        <translation>新建 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="170"/>
        <source>Move %n customer(s) to the trash</source>
        <translation>将 %n 个客户移到回收站</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="172"/>
        <source>Restore %n customer(s)</source>
        <translation>恢复 %n 个客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="176"/>
        <source>Moved to the trash: %n. Undo with Ctrl+Z.</source>
        <translation>已移到回收站：%n 个。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="178"/>
        <source>Restored: %n.</source>
        <translation>已恢复：%n 个。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="188"/>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="189"/>
        <source>Delete %n customer(s) in the trash for good, with their contacts and history? This cannot be undone.</source>
        <translation>永久删除回收站中的 %n 个客户及其联系人和往来记录吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="199"/>
        <source>Backing up, then emptying the trash…</source>
        <translation>正在备份，然后清空回收站…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="234"/>
        <source>%1 for %n customer(s)</source>
        <translation>为 %n 个客户设置%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="249"/>
        <source>Change tags</source>
        <translation>修改标签</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="325"/>
        <source>Someone changed some of these customers meanwhile. The list now shows them as they are; apply again.</source>
        <translation>有人刚刚修改了其中一些客户。列表已显示他们的最新情况，请再次应用。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="278"/>
        <source>Review tiers (%n)</source>
        <translation>审核等级（%n）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="279"/>
        <source>New tiers for %n customer(s). Undo with Ctrl+Z.</source>
        <translation>已为 %n 个客户设置新等级。可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="308"/>
        <source>Review stages (%n)</source>
        <translation>审核阶段（%n）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="309"/>
        <source>New stages for %n customer(s). Undo with Ctrl+Z.</source>
        <translation>已为 %n 个客户设置新阶段。可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="357"/>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="374"/>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="391"/>
        <source>Remove contact</source>
        <translation>移除联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="442"/>
        <source>Record order</source>
        <translation>记录订单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="444"/>
        <source>Order recorded.</source>
        <translation>订单已记录。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="464"/>
        <source>Edit order</source>
        <translation>编辑订单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="472"/>
        <source>Delete order</source>
        <translation>删除订单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="474"/>
        <source>Order deleted. Undo with Ctrl+Z.</source>
        <translation>订单已删除。可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="499"/>
        <source>Log %1</source>
        <translation>记录%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="507"/>
        <source>Add feedback</source>
        <translation>添加反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="527"/>
        <source>Schedule follow-up</source>
        <translation>安排跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="529"/>
        <source>Schedule %n follow-ups</source>
        <translation>安排 %n 次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/actions.py" line="564"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_actions.py" line="83"/>
        <source>Log gift</source>
        <translation>记录礼品</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_actions.py" line="85"/>
        <source>Gift logged.</source>
        <translation>礼品已记录。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_actions.py" line="112"/>
        <source>Edit gift</source>
        <translation>编辑礼品</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_actions.py" line="125"/>
        <source>Remove gift</source>
        <translation>删除礼品</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_actions.py" line="127"/>
        <source>Gift removed. Undo with Ctrl+Z.</source>
        <translation>礼品已删除。可用 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>CustomerArea</name>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="73"/>
        <source>No customers yet.
Import your contact list, or load demo data to look around first.</source>
        <translation>还没有客户。
请导入您的客户名单，或先加载演示数据看看。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="76"/>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="85"/>
        <source>No customer matches. Press Esc to clear the search, or pick another view.</source>
        <translation>没有匹配的客户。按 Esc 清除搜索，或选择其他视图。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="327"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="332"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="339"/>
        <source>Customer lost</source>
        <translation>客户流失</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="339"/>
        <source>Why was %1 lost?</source>
        <translation>%1 为什么流失？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="443"/>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="443"/>
        <source>Name of the view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="468"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPane</name>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="62"/>
        <source>Select a customer to see the details.</source>
        <translation>选择一个客户以查看详情。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="86"/>
        <source>Restore from trash</source>
        <translation>从回收站恢复</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="87"/>
        <source>Log call/visit…</source>
        <translation>记录电话/拜访…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="88"/>
        <source>Log a call or visit (Ctrl+L)</source>
        <translation>记录电话或拜访（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="89"/>
        <source>Add feedback…</source>
        <translation>添加反馈…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="90"/>
        <source>Record feedback or a complaint (Ctrl+K)</source>
        <translation>记录反馈或投诉（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="91"/>
        <source>Schedule follow-up…</source>
        <translation>安排跟进…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="92"/>
        <source>Plan the next visit or call (Ctrl+U)</source>
        <translation>安排下一次拜访或电话（Ctrl+U）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="93"/>
        <source>Log gift…</source>
        <translation>记录礼品…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="95"/>
        <source>Log a gift or greeting: a holiday, a birthday or an event (Ctrl+Shift+L)</source>
        <translation>记录礼品或问候：节日、生日或活动（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="117"/>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="119"/>
        <source>Profile</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="122"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="127"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="127"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="127"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="127"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="128"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="135"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="135"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="135"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="136"/>
        <source>Make primary</source>
        <translation>设为主要联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="141"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="150"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="150"/>
        <source>Visits and calls</source>
        <translation>拜访和电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="151"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="151"/>
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="152"/>
        <source>Field changes</source>
        <translation>字段修改</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="152"/>
        <source>Gifts and greetings</source>
        <translation>礼品与问候</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="157"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="157"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="157"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="157"/>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="183"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="184"/>
        <source>Timeline</source>
        <translation>往来记录</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="201"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="202"/>
        <source>In the trash.</source>
        <translation>在回收站中。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="203"/>
        <source>Owner: %1 · last contact: %2</source>
        <translation>负责人：%1 · 最近联系：%2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="243"/>
        <source>Timeline (%1)</source>
        <translation>时间线（%1）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="257"/>
        <source>Edit gift…</source>
        <translation>编辑礼品…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="258"/>
        <source>Remove gift</source>
        <translation>删除礼品</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="306"/>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
</context>
<context>
    <name>CustomerDialogs</name>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="23"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="27"/>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="114"/>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="35"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="37"/>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="60"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="38"/>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="126"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="39"/>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="63"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="40"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="41"/>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="153"/>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="171"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="42"/>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="175"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="43"/>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="175"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="58"/>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="58"/>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="61"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="62"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="64"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="65"/>
        <source>WeChat / IM</source>
        <translation>微信 / 即时通讯</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="66"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="67"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="83"/>
        <source>Log a call or visit</source>
        <translation>记录电话或拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="87"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="92"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="93"/>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="152"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="94"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="97"/>
        <source>Satisfaction (1-5, 0 = not asked)</source>
        <translation>满意度（1-5，0 表示未询问）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="102"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="122"/>
        <source>Add feedback</source>
        <translation>添加反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="133"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="140"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="147"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="155"/>
        <source>What the customer said</source>
        <translation>客户反馈内容</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="164"/>
        <source>Assign owner</source>
        <translation>指定负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="165"/>
        <source>Set tier</source>
        <translation>设置等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="166"/>
        <source>Set stage</source>
        <translation>设置阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="167"/>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="168"/>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/dialogs.py" line="180"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>CustomerExport</name>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="46"/>
        <location filename="../../keepclient/exporting/customers.py" line="60"/>
        <location filename="../../keepclient/exporting/customers.py" line="70"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="47"/>
        <source>Kind</source>
        <translation>客户性质</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="47"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="48"/>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="48"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="49"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="49"/>
        <source>Region</source>
        <translation>省份/地区</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="50"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="51"/>
        <location filename="../../keepclient/exporting/customers.py" line="63"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="51"/>
        <location filename="../../keepclient/exporting/customers.py" line="64"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="52"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="53"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="54"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="54"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="55"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="56"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="57"/>
        <location filename="../../keepclient/exporting/customers.py" line="67"/>
        <location filename="../../keepclient/exporting/customers.py" line="78"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="61"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="62"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="63"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="65"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="66"/>
        <source>Lunar birthday</source>
        <translation>是否农历</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="71"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="72"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="73"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="74"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="75"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="76"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="77"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="84"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="85"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="86"/>
        <source>leap</source>
        <comment>a lunar birthday in a leap month</comment>
        <translation>闰月</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="96"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="97"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/customers.py" line="98"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>CustomerListPrintDialog</name>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="75"/>
        <source>Customer list</source>
        <translation>客户列表</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="84"/>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="176"/>
        <source>Print customer list</source>
        <translation>打印客户列表</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="87"/>
        <source>Prints every customer of the list as it is now: “%1”, with its search, filters and order.</source>
        <translation>按当前列表打印全部客户：“%1”，包括其搜索、筛选和排序。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="108"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="109"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="115"/>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="116"/>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="117"/>
        <source>&amp;Orientation:</source>
        <translation>方向(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="119"/>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="120"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="121"/>
        <source>Save P&amp;DF…</source>
        <translation>保存 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="160"/>
        <source>Reading the customers…</source>
        <translation>正在读取客户…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="167"/>
        <source>%n customer(s).</source>
        <translation>%n 位客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="230"/>
        <source>Save customer list as PDF</source>
        <translation>将客户列表保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="246"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_list_print_dialog.py" line="251"/>
        <source>Saved %1 (%n page(s)).</source>
        <translation>已保存 %1（%n 页）。</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="33"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="34"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="35"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="36"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="37"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="38"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="39"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="40"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="41"/>
        <source>Open feedback</source>
        <translation>未结反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="42"/>
        <source>Revenue (12 mo)</source>
        <translation>近12个月营收</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="43"/>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="44"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="83"/>
        <source>Risk %1 of 100:</source>
        <translation>流失风险 %1（满分 100）：</translation>
    </message>
</context>
<context>
    <name>CustomerMenus</name>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="26"/>
        <location filename="../../keepclient/ui/main_window.py" line="365"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="28"/>
        <location filename="../../keepclient/ui/main_window.py" line="367"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="35"/>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="40"/>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="43"/>
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="47"/>
        <source>Move to &amp;trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="53"/>
        <source>Rest&amp;ore from trash</source>
        <translation>从回收站恢复(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="57"/>
        <source>&amp;Empty trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="59"/>
        <source>&amp;Log call or visit…</source>
        <translation>记录电话或拜访(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="62"/>
        <source>Add &amp;feedback…</source>
        <translation>添加反馈(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="65"/>
        <source>&amp;Schedule follow-up…</source>
        <translation>安排跟进(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="68"/>
        <source>&amp;Record order…</source>
        <translation>记录订单(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="71"/>
        <source>Assign &amp;owner…</source>
        <translation>指定负责人(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="74"/>
        <source>Set t&amp;ier…</source>
        <translation>设置等级(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="77"/>
        <source>Set sta&amp;ge…</source>
        <translation>设置阶段(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="80"/>
        <source>&amp;Add tag…</source>
        <translation>添加标签(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="83"/>
        <source>Re&amp;move tag…</source>
        <translation>移除标签(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="85"/>
        <source>Log &amp;gift or greeting…</source>
        <translation>记录礼品或问候(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="87"/>
        <source>&amp;Care list…</source>
        <translation>关怀名单(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="89"/>
        <source>Re&amp;view tiers…</source>
        <translation>审核等级(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="91"/>
        <source>Review s&amp;tages…</source>
        <translation>审核阶段(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="93"/>
        <source>&amp;Print customer list…</source>
        <translation>打印客户列表(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="96"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="99"/>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customer_menus.py" line="102"/>
        <source>For the selected customers</source>
        <translation>对选中的客户</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="90"/>
        <source>Type a name, pinyin or phone digits</source>
        <translation>输入名称、拼音或电话号码</translation>
    </message>
</context>
<context>
    <name>DamageCheck</name>
    <message>
        <location filename="../../keepclient/ui/storage_check.py" line="106"/>
        <source>The daily backup failed: %1</source>
        <translation>今天的自动备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/storage_check.py" line="123"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/storage_check.py" line="124"/>
        <source>keepclient found damage in %1:

%2

What is saved from now on may be lost. Restore the database from a backup, or continue at your own risk.</source>
        <translation>keepclient 在 %1 中发现损坏：

%2

从现在起保存的内容可能会丢失。请从备份恢复数据库，或自行承担风险继续使用。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/storage_check.py" line="126"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/storage_check.py" line="126"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>DashboardArea</name>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="100"/>
        <source>&amp;Salespeople:</source>
        <translation>业务员(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="106"/>
        <source>Print &amp;report…</source>
        <translation>打印报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="108"/>
        <source>The KPI report of this period and these salespeople: a team page and a page per salesperson, with charts; print it or save it as PDF</source>
        <translation>本期间、所选业务员的 KPI 报告：一页团队汇总，每位业务员各一页，附图表；可打印或另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="212"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="226"/>
        <source>%1 – %2, counted at %3</source>
        <translation>%1 – %2，统计于 %3</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="375"/>
        <source>Team target</source>
        <translation>团队目标</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="376"/>
        <source>Average target</source>
        <translation>平均目标</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="388"/>
        <source>Thousand %1</source>
        <translation>千%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="392"/>
        <source>Visits done per month</source>
        <translation>每月完成拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="395"/>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="398"/>
        <source>Revenue per month</source>
        <translation>每月收入</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="409"/>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="412"/>
        <source>Customers at risk by owner</source>
        <translation>各负责人的风险客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="413"/>
        <source>At risk now</source>
        <translation>当前有风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="413"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="418"/>
        <source>First response to feedback (median hours)</source>
        <translation>反馈首次响应（中位数，小时）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="419"/>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="420"/>
        <source>Target (%1 h)</source>
        <translation>目标（%1 小时）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="422"/>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="426"/>
        <source>Click a bar to list that salesperson&apos;s visits of that month</source>
        <translation>点击柱形列出该销售当月的拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="427"/>
        <source>Click a bar to list the customers behind that salesperson&apos;s revenue of that month</source>
        <translation>点击柱形列出构成该销售当月营收的客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="429"/>
        <source>Click the curve to list these customers by 12-month revenue, highest first (the whole team&apos;s or one salesperson&apos;s)</source>
        <translation>点击曲线按近 12 个月营收从高到低列出这些客户（全团队或单个销售的）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="431"/>
        <source>Click a bar to list that owner&apos;s customers at risk</source>
        <translation>点击柱形列出该负责人的风险客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="432"/>
        <source>Click a point to list the feedback received that month</source>
        <translation>点击数据点列出当月收到的反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="433"/>
        <source>Click a bar to list the feedback that salesperson received in the period</source>
        <translation>点击柱形列出该销售在此期间收到的反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="457"/>
        <source>Whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="457"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="464"/>
        <source>Average satisfaction per month</source>
        <translation>每月平均满意度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/area.py" line="465"/>
        <source>Score (1-5)</source>
        <translation>评分（1–5）</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="123"/>
        <source>Plan</source>
        <translation>安排</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="123"/>
        <source>Plan a visit or call (Enter)</source>
        <translation>安排拜访或电话（Enter）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="124"/>
        <source>Log</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="124"/>
        <source>Log a contact that happened (Ctrl+L)</source>
        <translation>记录一次已发生的联系（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="126"/>
        <source>Mine:</source>
        <translation>我的：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="130"/>
        <source>Whose follow-ups to show</source>
        <translation>显示谁的跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="131"/>
        <source>Whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="135"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="136"/>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="148"/>
        <source>Show these customers in the At risk view, riskiest first</source>
        <translation>在“有流失风险”视图中显示这些客户，风险最高的在前</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="153"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="153"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="153"/>
        <source>Due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="153"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="154"/>
        <source>Planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="154"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="166"/>
        <source>Plan…</source>
        <translation>安排…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="167"/>
        <source>Plan a visit or call for the selected customer (Enter)</source>
        <translation>为所选客户安排拜访或电话（Enter）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="168"/>
        <source>Log…</source>
        <translation>记录…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="169"/>
        <source>Log a contact with the selected customer (Ctrl+L)</source>
        <translation>记录与所选客户的联系（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="288"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="288"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="288"/>
        <source>Later this week</source>
        <translation>本周稍后</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="289"/>
        <source>Birthdays this week</source>
        <translation>本周生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="289"/>
        <source>Coming holidays</source>
        <translation>即将到来的节日</translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="318"/>
        <source>… %n more</source>
        <translation>
            <numerusform>……还有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="331"/>
        <source>%1 overdue · %2 today · %3 later this week</source>
        <translation>逾期 %1 · 今天 %2 · 本周稍后 %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="199"/>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="346"/>
        <source>%1 · %n day(s) overdue</source>
        <translation>
            <numerusform>%1 · 逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="348"/>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="367"/>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="380"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="355"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="356"/>
        <source>Last contact: %1</source>
        <translation>上次联系：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="358"/>
        <source>Already in the calendar</source>
        <translation>已在日历中</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="369"/>
        <source>turns %1</source>
        <translation>满 %1 岁</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="372"/>
        <source>Birthday of %1 (%2)</source>
        <translation>%1 的生日（%2）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="380"/>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="381"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="385"/>
        <source>%1 %2 (%3) — make a care list</source>
        <translation>%1 %2（%3）— 制作关怀名单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/due_panel.py" line="391"/>
        <source>%1 (%2): list the customers to greet or send a gift to before the day.</source>
        <translation>%1（%2）：在节日前列出需要问候或送礼的客户。</translation>
    </message>
</context>
<context>
    <name>FeedbackEditor</name>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="43"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="44"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="45"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="192"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="46"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="47"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="180"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="48"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="182"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="49"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="182"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="50"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="183"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="51"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="183"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="52"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="197"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="53"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="203"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="225"/>
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="54"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="227"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="55"/>
        <source>Customer&apos;s comment</source>
        <translation>客户评价</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="56"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="57"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="176"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="84"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="101"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="121"/>
        <source>Select a feedback item to see and edit it.</source>
        <translation>选择一条反馈即可查看和编辑。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="136"/>
        <source>Open this customer in the Customers tab</source>
        <translation>在“客户”标签页中打开此客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="149"/>
        <source>Plan follow-up visit…</source>
        <translation>安排跟进拜访…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="150"/>
        <source>Plan a visit or call to this customer about this feedback</source>
        <translation>就此反馈安排对该客户的拜访或电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="158"/>
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="158"/>
        <source>Someone is on it: the first response is done</source>
        <translation>已有人处理：首次响应完成</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="159"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="159"/>
        <source>The problem is solved (write how under Resolution)</source>
        <translation>问题已解决（在“解决方案”中写明做法）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="160"/>
        <source>Replied to customer</source>
        <translation>已答复客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="160"/>
        <source>The customer has been told the result</source>
        <translation>已将结果告知客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="161"/>
        <source>Close…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="161"/>
        <source>Close, with the customer&apos;s satisfaction if known</source>
        <translation>关闭，并记录客户满意度（如已知）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="162"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="162"/>
        <source>Work on it again</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="201"/>
        <source>What was done about it</source>
        <translation>采取了哪些措施</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="210"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="224"/>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="226"/>
        <source>Customer told</source>
        <translation>已告知客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="228"/>
        <source>Deadlines and times</source>
        <translation>期限与用时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="234"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="234"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="234"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="234"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="238"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="253"/>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="271"/>
        <source>%1 #%2 · %3</source>
        <translation>%1 #%2 · %3</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="274"/>
        <source>%1 by %2</source>
        <translation>%1，由 %2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="302"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="311"/>
        <source>after %1 (%2)</source>
        <translation>用时 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="303"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="312"/>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="303"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="312"/>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="305"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="314"/>
        <source>not yet; due %1</source>
        <translation>尚未完成；期限 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="307"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="316"/>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="321"/>
        <source>not yet</source>
        <translation>尚未完成</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="320"/>
        <source>closed %1</source>
        <translation>已于 %1 关闭</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="332"/>
        <source>Overdue: the first response was due %1 (%2 ago).</source>
        <translation>已逾期：首次响应期限为 %1（已过 %2）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/editor_pane.py" line="333"/>
        <source>Overdue: the resolution was due %1 (%2 ago).</source>
        <translation>已逾期：解决期限为 %1（已过 %2）。</translation>
    </message>
</context>
<context>
    <name>FeedbackFilterBar</name>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="53"/>
        <source>Search customers and descriptions… (Ctrl+F)</source>
        <translation>搜索客户和描述…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="54"/>
        <source>New feedback…</source>
        <translation>新建反馈…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="55"/>
        <source>Record new feedback or a complaint (Ctrl+N)</source>
        <translation>记录新的反馈或投诉（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="56"/>
        <source>Report…</source>
        <translation>报表…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="57"/>
        <source>Open feedback by owner and monthly figures, as PDF or .xlsx</source>
        <translation>按负责人列出未结反馈及月度数据，导出为 PDF 或 .xlsx</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="70"/>
        <source>All categories</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="71"/>
        <source>All severities</source>
        <translation>所有严重程度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="72"/>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="75"/>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="77"/>
        <source>Received on or after this day</source>
        <translation>在这一天或之后收到</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="79"/>
        <source>Received on or before this day</source>
        <translation>在这一天或之前收到</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="81"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="87"/>
        <source>Only this customer&apos;s feedback; click to show everyone&apos;s</source>
        <translation>只显示此客户的反馈；点击显示所有人的</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="102"/>
        <source>Received from</source>
        <translation>收到时间从</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="104"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="140"/>
        <source>All owners</source>
        <translation>所有负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="142"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="164"/>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="168"/>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="170"/>
        <source>%1 statuses</source>
        <translation>%1 个状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="172"/>
        <source>Which statuses to show</source>
        <translation>显示哪些状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="196"/>
        <source>Customer: %1 ✕</source>
        <translation>客户：%1 ✕</translation>
    </message>
</context>
<context>
    <name>FeedbackLog</name>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="162"/>
        <source>Find feedback</source>
        <translation>查找反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="163"/>
        <source>New feedback…</source>
        <translation>新建反馈…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="164"/>
        <source>Save feedback</source>
        <translation>保存反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="276"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/feedback/log_view.py" line="283"/>
        <source>%n feedback item(s)</source>
        <translation>
            <numerusform>共 %n 条反馈</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="291"/>
        <source>No feedback matches. Press Esc to clear the search, or change the filters.</source>
        <translation>没有匹配的反馈。按 Esc 清除搜索，或修改筛选条件。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="293"/>
        <source>No feedback recorded yet. Record the first with New feedback… (Ctrl+N).</source>
        <translation>还没有反馈记录。用“新建反馈…”（Ctrl+N）记录第一条。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="350"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="362"/>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="559"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="363"/>
        <source>Someone else changed or removed this feedback item, and it cannot be read now. Your edits were not saved.</source>
        <translation>其他人修改或删除了这条反馈，现在无法读取。你的修改未保存。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="371"/>
        <source>nothing you can see</source>
        <translation>看不到的内容</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="373"/>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="423"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="374"/>
        <source>%1 saved this feedback item after you opened it (they changed: %2). Nothing was overwritten.

It now shows their version with your edits on top (%3). Save again to keep your edits, or Revert to take theirs.</source>
        <translation>在你打开后，%1 保存了这条反馈（修改了：%2）。没有任何内容被覆盖。

现在显示的是对方的版本，并叠加了你的修改（%3）。再次保存可保留你的修改，或点击“还原”采用对方的版本。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="376"/>
        <source>Someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="419"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="424"/>
        <source>Someone else saved this feedback item a moment ago; it now shows what they saved. The step &quot;%1&quot; was not taken: take it again if it still applies.</source>
        <translation>其他人刚刚保存了这条反馈，现在显示的是对方保存的内容。步骤“%1”未执行：如仍需要，请再执行一次。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="437"/>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="475"/>
        <source>Feedback #%1 recorded.</source>
        <translation>已记录反馈 #%1。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="489"/>
        <source>Follow-up on feedback #%1: %2</source>
        <translation>跟进反馈 #%1：%2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="495"/>
        <source>Follow-up visit planned for %1.</source>
        <translation>已为 %1 安排跟进拜访。</translation>
    </message>
</context>
<context>
    <name>FeedbackLogModel</name>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="34"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="35"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="36"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="37"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="38"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="39"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="40"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="41"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="42"/>
        <source>The next deadline: the first response, then the resolution</source>
        <translation>下一个期限：先是首次响应，然后是解决</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="43"/>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="44"/>
        <source>Time from receiving the feedback to the first response</source>
        <translation>从收到反馈到首次响应的用时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="45"/>
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="46"/>
        <source>Time from receiving the feedback to its resolution</source>
        <translation>从收到反馈到解决的用时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="47"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="63"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="66"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="68"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="150"/>
        <source>First response due %1</source>
        <translation>首次响应期限 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="151"/>
        <source>Resolution due %1</source>
        <translation>解决期限 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_model.py" line="153"/>
        <source>Overdue by %1</source>
        <translation>已逾期 %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="28"/>
        <source>Search names, pinyin, phone digits, cities, notes… (Ctrl+F)</source>
        <translation>搜索名称、拼音、电话号码、城市、备注…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="35"/>
        <source>Open feedback</source>
        <translation>未结反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="38"/>
        <source>Customers who have not ordered for a while (or never)</source>
        <translation>有一段时间没有下单（或从未下单）的客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="39"/>
        <source>Any last order</source>
        <translation>任意最近下单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="44"/>
        <source>Customers whose churn risk (0 to 100) is at least this; the Risk column&apos;s tooltip says why</source>
        <translation>流失风险（0 到 100）不低于此值的客户；“风险”列的提示说明原因</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="46"/>
        <source>Any risk</source>
        <translation>任意风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="48"/>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="177"/>
        <source>Risk at least %1</source>
        <translation>风险不低于 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="58"/>
        <source>Only the customers behind that figure are listed; the search and the filters below apply among them</source>
        <translation>仅列出构成该数字的客户；搜索和下方的筛选条件在这些客户中生效</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="60"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="62"/>
        <source>List every customer the search and filters find</source>
        <translation>列出搜索和筛选条件找到的所有客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="71"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="74"/>
        <source>A and B</source>
        <translation>A 和 B</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="75"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="78"/>
        <source>Any follow-up</source>
        <translation>任意跟进状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="79"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="80"/>
        <source>Due this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="108"/>
        <source>No order for more than %1 days</source>
        <translation>超过 %1 天未下单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="125"/>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="127"/>
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="130"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="133"/>
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="185"/>
        <source>Only: %1</source>
        <translation>仅显示：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/filter_bar.py" line="185"/>
        <source>the customers chosen</source>
        <translation>所选客户</translation>
    </message>
</context>
<context>
    <name>GiftDialog</name>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="45"/>
        <source>Edit gift or greeting</source>
        <translation>编辑礼品或问候</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="45"/>
        <source>Log gift or greeting</source>
        <translation>记录礼品或问候</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="55"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="56"/>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="58"/>
        <source>the event, e.g. an opening or an anniversary</source>
        <translation>活动，例如开业或周年庆</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="79"/>
        <source>e.g. 月饼礼盒; empty for a greeting</source>
        <translation>例如：月饼礼盒；仅问候则留空</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="81"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="102"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="103"/>
        <source>Occasion</source>
        <translation>场合</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="105"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="106"/>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="107"/>
        <source>Cost (%1)</source>
        <translation>费用（%1）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="108"/>
        <source>Given by</source>
        <translation>赠送人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="109"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="127"/>
        <source>Say what the occasion was.</source>
        <translation>请说明是什么场合。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="137"/>
        <source>“%1” is not an amount (for example 1,234.50).</source>
        <translation>“%1”不是金额（例如 1,234.50）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/gift_dialog.py" line="140"/>
        <source>A cost cannot be negative.</source>
        <translation>费用不能为负数。</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../keepclient/ui/help/guide_window.py" line="32"/>
        <source>keepclient user guide</source>
        <translation>keepclient 使用指南</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/guide_window.py" line="39"/>
        <source>The user guide could not be read: %1</source>
        <translation>无法读取使用指南：%1</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="214"/>
        <source>Hand over customers</source>
        <translation>移交客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="219"/>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="230"/>
        <source>Their planned visits from now on and their open feedback items of these customers go along. Several colleagues share the customers evenly. Edit › Undo takes it back.</source>
        <translation>这些客户今后已安排的拜访和未结反馈也会一并移交。选择多位同事时客户平均分配。可用“编辑 › 撤销”收回。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="234"/>
        <source>Hand over</source>
        <translation>移交</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="236"/>
        <source>From</source>
        <translation>移交人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="237"/>
        <source>To</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="275"/>
        <source>All their customers (%1)</source>
        <translation>其全部客户（%1）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="277"/>
        <source>Only their customers in the list&apos;s current filter (no filter set)</source>
        <translation>仅列表当前筛选中的其客户（未设置筛选）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="281"/>
        <source>Only their customers in the list&apos;s current filter (%1)</source>
        <translation>仅列表当前筛选中的其客户（%1）</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../keepclient/ui/help/menu.py" line="74"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/menu.py" line="76"/>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/menu.py" line="78"/>
        <source>Save &amp;diagnostics…</source>
        <translation>保存诊断信息(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/menu.py" line="131"/>
        <source>Save diagnostics</source>
        <translation>保存诊断信息</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/menu.py" line="132"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/menu.py" line="149"/>
        <source>Diagnostics saved to %1</source>
        <translation>诊断信息已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/menu.py" line="154"/>
        <source>Diagnostics not saved</source>
        <translation>诊断信息未保存</translation>
    </message>
</context>
<context>
    <name>Holidays</name>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="31"/>
        <source>New Year&apos;s Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="32"/>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="33"/>
        <source>Lantern Festival</source>
        <translation>元宵节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="34"/>
        <source>Women&apos;s Day</source>
        <translation>妇女节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="35"/>
        <source>Labour Day</source>
        <translation>劳动节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="36"/>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="37"/>
        <source>Qixi Festival</source>
        <translation>七夕</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="38"/>
        <source>Teachers&apos; Day</source>
        <translation>教师节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="39"/>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="40"/>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="41"/>
        <source>Double Ninth Festival</source>
        <translation>重阳节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="42"/>
        <source>Christmas</source>
        <translation>圣诞节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="43"/>
        <source>Laba Festival</source>
        <translation>腊八节</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/holidays.py" line="44"/>
        <source>Lunar New Year&apos;s Eve</source>
        <translation>除夕</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/gifts.py" line="20"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
</context>
<context>
    <name>IcsExport</name>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="72"/>
        <source>Export visits as .ics</source>
        <translation>将拜访导出为 .ics</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="92"/>
        <source>Exporting visits…</source>
        <translation>正在导出拜访…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="92"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="103"/>
        <source>Exported %1 visits to %2</source>
        <translation>已将 %1 次拜访导出到 %2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="110"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>已取消导出：未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="112"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>IcsExportDialog</name>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="35"/>
        <source>Export visits as .ics</source>
        <translation>将拜访导出为 .ics</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="42"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="43"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="44"/>
        <source>Salespeople:</source>
        <translation>销售员：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/ics_export.py" line="45"/>
        <source>Import the file into Outlook, Apple Calendar or Google Calendar. Importing a newer export again updates the visits instead of adding them twice.</source>
        <translation>可将此文件导入 Outlook、Apple 日历或 Google 日历。再次导入较新的导出文件会更新拜访，而不会重复添加。</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../keepclient/ui/identity_dialog.py" line="26"/>
        <source>Who are you?</source>
        <translation>您是哪位？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/identity_dialog.py" line="27"/>
        <source>Choose your name. Your changes are recorded under it, and colleagues see it while you have this database open.</source>
        <translation>请选择您的名字。您的修改会记在这个名字下；您打开此数据库时，同事也会看到它。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/identity_dialog.py" line="32"/>
        <source>Not chosen (my login: %1)</source>
        <translation>未选择（我的登录名：%1）</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../keepclient/ui/importer/history.py" line="26"/>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/history.py" line="30"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/history.py" line="30"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/history.py" line="30"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/history.py" line="31"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/history.py" line="35"/>
        <location filename="../../keepclient/ui/importer/history.py" line="74"/>
        <location filename="../../keepclient/ui/importer/history.py" line="78"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/history.py" line="38"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/history.py" line="58"/>
        <source>%1 new, %2 updated, rows refused: %3</source>
        <translation>新增 %1，更新 %2，未导入的行：%3</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/history.py" line="60"/>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>ImportProblem</name>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="21"/>
        <source>no company and no person name</source>
        <translation>既没有公司名称，也没有人名</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="22"/>
        <source>not an email address</source>
        <translation>不是邮箱地址</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="23"/>
        <source>not a phone number (fewer than 7 or more than 15 digits)</source>
        <translation>不是电话号码（少于 7 位或多于 15 位数字）</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="24"/>
        <source>a number the phone numbering plan does not know</source>
        <translation>号码不在电话编号规划之内</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="25"/>
        <source>not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="26"/>
        <source>not a tier (A, B or C)</source>
        <translation>不是等级（A、B 或 C）</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="27"/>
        <source>not a stage keepclient knows</source>
        <translation>不是 keepclient 认识的阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="28"/>
        <source>neither company nor person</source>
        <translation>既不是公司也不是个人</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="29"/>
        <source>not yes, no or leap (a lunar birthday in a leap month)</source>
        <translation>不是“是”、“否”或“闰”（闰月的农历生日）</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="31"/>
        <source>no customer and no order information</source>
        <translation>既没有客户也没有订单信息</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="32"/>
        <source>no customer in the database matches</source>
        <translation>数据库中没有匹配的客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="33"/>
        <source>not an amount of money</source>
        <translation>不是金额</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="34"/>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="35"/>
        <source>no amount and no unit price</source>
        <translation>既没有金额也没有单价</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="36"/>
        <source>no date</source>
        <translation>没有日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="39"/>
        <source>row not imported</source>
        <translation>该行未导入</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="40"/>
        <source>field left empty, value kept in the notes</source>
        <translation>字段留空，原值保存在备注中</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="41"/>
        <source>kept as written, marked unverified</source>
        <translation>按原样保存，标记为未核实</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="42"/>
        <source>row not imported (add the customer, or import with --create-customers)</source>
        <translation>此行未导入（请先添加客户，或使用 --create-customers 导入）</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="44"/>
        <source>dated the day of the import, value kept in the notes</source>
        <translation>日期记为导入当天，原值保留在备注中</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="45"/>
        <source>amount 0, row kept</source>
        <translation>金额记为 0，此行已保留</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="49"/>
        <source>Email as written: {value}</source>
        <translation>邮箱原文：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="50"/>
        <source>Phone as written: {value}</source>
        <translation>电话原文：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="51"/>
        <source>Mobile as written: {value}</source>
        <translation>手机原文：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="52"/>
        <source>Unverified number: {value}</source>
        <translation>未核实的号码：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="53"/>
        <source>Other number: {value}</source>
        <translation>其他号码：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="54"/>
        <source>Other email: {value}</source>
        <translation>其他邮箱：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="55"/>
        <source>Birthday as written: {value}</source>
        <translation>生日原文：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="56"/>
        <source>Lunar birthday as written: {value}</source>
        <translation>农历生日原文：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="57"/>
        <source>Last contact as written: {value}</source>
        <translation>最近联系原文：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="58"/>
        <source>Next follow-up as written: {value}</source>
        <translation>下次跟进原文：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="59"/>
        <source>Tier as written: {value}</source>
        <translation>等级原文：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="60"/>
        <source>Stage as written: {value}</source>
        <translation>阶段原文：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="61"/>
        <source>Kind as written: {value}</source>
        <translation>类型原文：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="62"/>
        <source>Date as written: {value}</source>
        <translation>原写日期：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="63"/>
        <source>Quantity as written: {value}</source>
        <translation>原写数量：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="64"/>
        <source>Unit price as written: {value}</source>
        <translation>原写单价：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/problems.py" line="65"/>
        <source>Amount as written: {value}</source>
        <translation>原写金额：{value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/imports.py" line="247"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/imports.py" line="248"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/imports.py" line="248"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/imports.py" line="249"/>
        <source>Value as written</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/imports.py" line="250"/>
        <source>What was done</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/imports.py" line="250"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="72"/>
        <source>Contact ID</source>
        <translation>联系人 ID</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="73"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="74"/>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="75"/>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="76"/>
        <source>Middle name</source>
        <translation>中间名</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="77"/>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="77"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="78"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="78"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="79"/>
        <location filename="../../keepclient/importing/orders.py" line="65"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="80"/>
        <source>Other phone</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="81"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="82"/>
        <source>Other email</source>
        <translation>其他邮箱</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="83"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="83"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="84"/>
        <source>Region</source>
        <translation>省份/地区</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="85"/>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="86"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="86"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="87"/>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="88"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="88"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="89"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="90"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="91"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="92"/>
        <location filename="../../keepclient/importing/orders.py" line="71"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="92"/>
        <source>WeChat / IM</source>
        <translation>微信 / 即时通讯</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="93"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="93"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="94"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/columns.py" line="95"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/wizard.py" line="43"/>
        <source>Import a spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/wizard.py" line="198"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/wizard.py" line="201"/>
        <source>The import was undone.</source>
        <translation>导入已撤销。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/texts.py" line="44"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/orders.py" line="61"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/orders.py" line="62"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/orders.py" line="63"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/orders.py" line="64"/>
        <source>Customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/orders.py" line="66"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/orders.py" line="67"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/orders.py" line="68"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/orders.py" line="69"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../keepclient/importing/orders.py" line="70"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
</context>
<context>
    <name>InsightSettingsDialog</name>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="50"/>
        <source>Value and risk settings</source>
        <translation>价值与风险设置</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="55"/>
        <source>Value tiers</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="56"/>
        <source>Customers are ranked by their revenue over the last 12 months, biggest first. Usually a few customers bring in most of it (the 80/20 rule).</source>
        <translation>客户按近 12 个月的收入从高到低排列。通常少数客户带来大部分收入（二八法则）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="58"/>
        <source>Tier A: the top customers who together bring in</source>
        <translation>A 级：合计贡献以下收入占比的头部客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="59"/>
        <source>The biggest customers who together bring in this share of the team&apos;s revenue are suggested as tier A.</source>
        <translation>合计贡献团队这一收入占比的最大客户，建议定为 A 级。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="61"/>
        <source>Tiers A and B together bring in</source>
        <translation>A 级与 B 级合计贡献</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="62"/>
        <source>The next customers, up to this share of revenue, are suggested as tier B; all others (and customers without revenue) as tier C. At least the share of tier A.</source>
        <translation>接下来的客户累计到这一收入占比为止，建议定为 B 级；其余客户（以及没有收入的客户）为 C 级。不能小于 A 级的占比。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="65"/>
        <source>At risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="66"/>
        <source>Every customer gets a churn risk from 0 to 100, made of the warning signs below.</source>
        <translation>每个客户都有一个 0 到 100 的流失风险分，由下列预警信号累加而成。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="67"/>
        <source>A customer is at risk from a risk of</source>
        <translation>风险分达到以下数值即视为有流失风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="68"/>
        <source>Customers whose risk reaches this number are at risk: they are listed in the At risk view and counted in the status bar. Lower it to be warned earlier, raise it to see fewer customers.</source>
        <translation>风险分达到这个数值的客户即有流失风险：会列在“有流失风险”视图中，并计入状态栏。调低可更早预警，调高则列出的客户更少。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="71"/>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="72"/>
        <source>Points for each warning sign</source>
        <translation>各预警信号的分值</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="73"/>
        <source>A warning sign adds between half and all of its points, the more the stronger it is; 0 switches it off. The risk is the sum, at most 100.</source>
        <translation>每个预警信号计入其分值的一半到全部，信号越强计入越多；设为 0 即关闭该信号。风险分为各项之和，最高 100。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="75"/>
        <source>No contact for longer than the follow-up interval</source>
        <translation>超过回访周期未联系</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="77"/>
        <source>No visit or call for longer than the customer&apos;s follow-up interval (full points at three times the interval).</source>
        <translation>超过该客户的回访周期仍未拜访或电话联系（达到周期的三倍时计满分）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="79"/>
        <source>No order for much longer than usual</source>
        <translation>远超平常间隔未下单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="80"/>
        <source>The customer has not ordered for much longer than the usual time between their orders.</source>
        <translation>客户未下单的时间远远超过其平常的下单间隔。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="81"/>
        <source>Revenue falling</source>
        <translation>收入下降</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="82"/>
        <source>Revenue of the last 12 months is clearly down on the 12 months before.</source>
        <translation>近 12 个月的收入比之前 12 个月明显下降。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="83"/>
        <source>Open complaints</source>
        <translation>未处理的投诉</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="84"/>
        <source>Complaints not yet resolved; more points when there are several or they are overdue.</source>
        <translation>尚未解决的投诉；投诉较多或已逾期时分值更高。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="85"/>
        <source>Satisfaction falling</source>
        <translation>满意度下降</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="86"/>
        <source>The last three satisfaction scores went down.</source>
        <translation>最近三次满意度评分呈下降趋势。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="87"/>
        <source>Missed visits</source>
        <translation>错过的拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="88"/>
        <source>Visits missed or cancelled in the last 90 days.</source>
        <translation>近 90 天内错过或取消的拜访。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="90"/>
        <source>When a warning sign counts</source>
        <translation>预警信号何时计入</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="91"/>
        <source>No order counts after this many times the customer&apos;s usual interval between orders</source>
        <translation>超过客户平常下单间隔的以下倍数仍未下单即计入</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="92"/>
        <source> ×</source>
        <translation> 倍</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="93"/>
        <source>A customer who usually orders every 30 days counts as &quot;no order&quot; after 60 days at 2 ×.</source>
        <translation>设为 2 倍时，平常每 30 天下一次单的客户在 60 天未下单后计为“未下单”。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="94"/>
        <source>Falling revenue counts from a drop of</source>
        <translation>收入下降达到以下幅度即计入</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="95"/>
        <source>Revenue of the last 12 months down by at least this much on the 12 months before.</source>
        <translation>近 12 个月的收入比之前 12 个月至少下降这一幅度。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="97"/>
        <source>Lost customers</source>
        <translation>流失客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="98"/>
        <source>Suggest Lost after</source>
        <translation>以下天数后建议标为流失</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="98"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="99"/>
        <source>A customer at risk with no order and no contact for this long is suggested as Lost in Customer › Review stages….</source>
        <translation>有流失风险的客户在这么长时间内既无订单也无联系，会在“客户 › 审核阶段…”中被建议标为流失。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="102"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="103"/>
        <source>Lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="104"/>
        <source>Lifetime value = average yearly revenue × the years a customer is expected to stay.</source>
        <translation>客户终身价值 = 平均年收入 × 客户预计保留的年数。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="105"/>
        <source>Average yearly revenue over at least</source>
        <translation>平均年收入至少按以下年数计算</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="107"/>
        <source>A new customer&apos;s revenue is spread over at least this many years, so one big first order does not count as that much every year.</source>
        <translation>新客户的收入至少摊到这么多年，这样一笔大额首单不会被算成每年都有这么多。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="109"/>
        <source>Expected years a customer stays, at most</source>
        <translation>客户预计保留年数的上限</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="111"/>
        <source>The expected years come from how many customers order again each year; they are capped here. At least the years above.</source>
        <translation>预计年数由每年有多少客户再次下单推算而来，并以此为上限。不能小于上面的年数。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="115"/>
        <source>These settings are shared by the whole team. After saving, everyone&apos;s value and risk are worked out again in the background.</source>
        <translation>这些设置由整个团队共用。保存后，会在后台为所有客户重新计算价值与风险。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="134"/>
        <source>The database is open read-only: these settings can be seen but not changed.</source>
        <translation>数据库以只读方式打开：这些设置只能查看，不能修改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="140"/>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="143"/>
        <source>Put the values keepclient starts with back into the form (saved only with OK)</source>
        <translation>把 keepclient 的初始值填回表单（点“确定”后才保存）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="207"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="280"/>
        <source>The share of tier A cannot be more than the share of tiers A and B together, which is at most 100 %.</source>
        <translation>A 级的占比不能大于 A 级与 B 级合计的占比，后者最多为 100 %。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="283"/>
        <source>The years yearly revenue is averaged over at least cannot be more than the expected years a customer stays.</source>
        <translation>平均年收入的最少计算年数不能大于客户预计保留年数的上限。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/insight_settings_dialog.py" line="287"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>KpiDefinitions</name>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="14"/>
        <source>Visits planned to start in the period, whatever their status now.</source>
        <translation>计划在本期开始的拜访，不论现在状态如何。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="16"/>
        <source>Visits planned in the period and done, against the period&apos;s visit target.</source>
        <translation>本期计划并已完成的拜访，与本期拜访目标对比。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="18"/>
        <source>Visits planned in the period and marked missed.</source>
        <translation>本期计划并标记为错过的拜访。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="19"/>
        <source>Visits planned in the period and cancelled.</source>
        <translation>本期计划并已取消的拜访。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="20"/>
        <source>Of the customers they own (added by the period&apos;s end), the share still within their follow-up interval on the period&apos;s last day.</source>
        <translation>其负责的客户（本期末前添加的）中，在本期最后一天仍处于回访周期内的比例。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="23"/>
        <source>Their customers whose next follow-up is before today (the Due panel&apos;s count). Double-click to list them.</source>
        <translation>下次跟进日期早于今天的客户（即待跟进面板中的数量）。双击列出这些客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="26"/>
        <source>Of their tier-A customers, the share with a done visit (by anyone) in the period. Double-click to list their A customers.</source>
        <translation>其 A 级客户中，本期内（由任何人）完成过拜访的比例。双击列出其 A 级客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="29"/>
        <source>Median hours to the first response, over the feedback they own received in the period, against the team&apos;s target for normal severity. Double-click to list the feedback.</source>
        <translation>其负责的、本期收到的反馈到首次响应所用小时数的中位数，与团队对一般严重程度的目标对比。双击列出这些反馈。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="32"/>
        <source>The share of that feedback answered by its deadline (per severity, in working time).</source>
        <translation>这些反馈中在时限内（按严重程度，以工作时间计）得到响应的比例。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="34"/>
        <source>Median hours to resolution, over the feedback they own received in the period, against the team&apos;s target for normal severity. Double-click to list the feedback.</source>
        <translation>其负责的、本期收到的反馈到解决所用小时数的中位数，与团队对一般严重程度的目标对比。双击列出这些反馈。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="37"/>
        <source>The share of that feedback resolved by its deadline (per severity, in working time).</source>
        <translation>这些反馈中在时限内（按严重程度，以工作时间计）解决的比例。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="39"/>
        <source>The average score (1-5) of their done visits and of their feedback received in the period.</source>
        <translation>本期其完成的拜访和收到的反馈的平均评分（1–5）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="42"/>
        <source>Of their customers who ordered in the previous period of the same length, the share who ordered again in this one.</source>
        <translation>在上一个同样长度的期间下过单的客户中，本期再次下单的比例。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="45"/>
        <source>Their customers added in the period.</source>
        <translation>本期新增的客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="46"/>
        <source>Their customers whose stage was set to Lost in the period.</source>
        <translation>本期阶段被设为“流失”的客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="48"/>
        <source>Order lines dated in the period (for the line&apos;s salesperson, else the customer&apos;s owner), against the period&apos;s target.</source>
        <translation>本期日期内的订单行（计入该行的业务员，没有则计入客户负责人），与本期目标对比。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="51"/>
        <source>Revenue divided by orders (lines sharing an order number are one order; without one, one per customer and day).</source>
        <translation>收入除以订单数（订单号相同的订单行算一个订单；没有订单号的，每个客户每天算一个）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="54"/>
        <source>Their customers at or above the team&apos;s at-risk threshold now. Double-click for the At risk view.</source>
        <translation>当前风险分达到团队阈值的客户。双击打开“有流失风险”视图。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="58"/>
        <source>At risk now</source>
        <translation>当前有风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="78"/>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="80"/>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="82"/>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="84"/>
        <source>Double-click: their visits in the period in the Calendar&apos;s agenda, each with its status.</source>
        <translation>双击：在拜访日历的列表视图中显示其本期的拜访及各自状态。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="86"/>
        <source>Double-click: shows the feedback they own received in the period (the visits&apos; scores are in the Calendar).</source>
        <translation>双击：显示其负责的、本期收到的反馈（拜访的评分见拜访日历）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="89"/>
        <source>Double-click: lists exactly these customers.</source>
        <translation>双击：列出正是这些客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="91"/>
        <source>Double-click: lists exactly these customers (also any won back since).</source>
        <translation>双击：列出正是这些客户（包括此后已挽回的）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="93"/>
        <source>Double-click: lists the customers whose order lines make up this revenue, sorted by revenue in the last 12 months (not in the period), highest first.</source>
        <translation>双击：列出其订单行构成此营收的客户，按近 12 个月（而非本期）营收从高到低排序。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="96"/>
        <source>Double-click: lists the customers whose orders are counted here, sorted by revenue in the last 12 months (not in the period), highest first.</source>
        <translation>双击：列出此处计入其订单的客户，按近 12 个月（而非本期）营收从高到低排序。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="99"/>
        <source>Double-click: lists the customers retained (ordered in the previous period and again in this one), latest order first.</source>
        <translation>双击：列出留存客户（上一期间下过单且本期再次下单），按最近订单从新到旧排序。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/definitions.py" line="102"/>
        <source>Double-click: lists the customers still within their follow-up interval on the period&apos;s last day, by next follow-up.</source>
        <translation>双击：列出在本期最后一天仍处于回访周期内的客户，按下次跟进日期排序。</translation>
    </message>
</context>
<context>
    <name>KpiReportPreview</name>
    <message>
        <location filename="../../keepclient/ui/kpi_report_preview.py" line="39"/>
        <source>KPI report</source>
        <translation>KPI 报告</translation>
    </message>
</context>
<context>
    <name>KpiTableModel</name>
    <message>
        <location filename="../../keepclient/ui/dashboard/table_model.py" line="87"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/table_model.py" line="123"/>
        <source>Whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/table_model.py" line="123"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/table_model.py" line="124"/>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/table_model.py" line="125"/>
        <source>%1 (me)</source>
        <translation>%1（我）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/table_model.py" line="160"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/table_model.py" line="184"/>
        <source>Counted: %1</source>
        <translation>计算方式：%1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="92"/>
        <source>leap lunar month %1, day %2</source>
        <translation>农历闰%1月%2日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="93"/>
        <source>lunar month %1, day %2</source>
        <translation>农历%1月%2日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="95"/>
        <source>%1, %2</source>
        <translation>%2年%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="120"/>
        <source>%1 (this year: %2)</source>
        <translation>%1（今年：%2）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="121"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LostReason</name>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="137"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="138"/>
        <source>Went to a competitor</source>
        <translation>转向竞争对手</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="139"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="140"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="141"/>
        <source>Moved away</source>
        <translation>搬迁</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="142"/>
        <source>Business closed</source>
        <translation>停业</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="143"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="115"/>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="116"/>
        <source>C&amp;alendar</source>
        <translation>拜访日历(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="118"/>
        <source>&amp;Dashboard</source>
        <translation>仪表盘(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="153"/>
        <source>Show these feedback items</source>
        <translation>显示这些反馈</translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/main_window.py" line="265"/>
        <source>%n of my feedback items overdue</source>
        <translation>
            <numerusform>我的反馈中有 %n 条逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/main_window.py" line="267"/>
        <source>%n feedback item(s) overdue</source>
        <translation>
            <numerusform>%n 条反馈逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="285"/>
        <source>Select a customer first.</source>
        <translation>请先选择一个客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="298"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="299"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="300"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="302"/>
        <source>Open &amp;shared database…</source>
        <translation>打开共享数据库(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="304"/>
        <source>Connect to tea&amp;m server…</source>
        <translation>连接团队服务器(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="306"/>
        <source>Recent d&amp;atabases</source>
        <translation>最近的数据库(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="308"/>
        <source>&amp;Backup…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="309"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="310"/>
        <source>Load &amp;demo data</source>
        <translation>加载演示数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="311"/>
        <source>&amp;Team…</source>
        <translation>团队(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="312"/>
        <source>&amp;Value and risk settings…</source>
        <translation>价值与风险设置(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="314"/>
        <source>&amp;Care settings…</source>
        <translation>关怀设置(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="315"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="316"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="337"/>
        <source>&amp;Hand over customers…</source>
        <translation>移交客户(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="342"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="343"/>
        <source>I &amp;am…</source>
        <translation>我是(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="345"/>
        <source>My &amp;overdue feedback</source>
        <translation>我的逾期反馈(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="347"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="349"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="357"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/menu.py" line="80"/>
        <source>&amp;About keepclient</source>
        <translation>关于 keepclient(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="435"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="457"/>
        <source>Database upgraded; the previous version was saved as %1</source>
        <translation>数据库已升级；升级前的版本已保存为 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="460"/>
        <source>Database in a synced folder</source>
        <translation>数据库位于同步文件夹中</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="461"/>
        <source>This database is in a folder synced by %1. Never open it from two computers at once: the sync service can silently keep one copy and drop the other&apos;s changes. For a team, use a shared network folder (File › Open shared database).</source>
        <translation>此数据库位于 %1 同步的文件夹中。切勿在两台电脑上同时打开：同步服务可能悄悄保留一份副本而丢弃另一台电脑的修改。团队共用请使用网络共享文件夹（文件 › 打开共享数据库）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="484"/>
        <source>The database file is empty</source>
        <translation>数据库文件是空的</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="485"/>
        <source>Backups of this database were found. Restore one of them?</source>
        <translation>找到了此数据库的备份。要恢复其中一个吗？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="501"/>
        <source>Empty database</source>
        <translation>空数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="502"/>
        <source>This database has no customers yet. Load demo data (%1 customers) to look around?</source>
        <translation>此数据库还没有客户。要加载演示数据（%1 个客户）看看吗？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="514"/>
        <source>Welcome to keepclient</source>
        <translation>欢迎使用 keepclient</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="515"/>
        <source>Who works with this database? Enter your team&apos;s names, or start with just yourself (more can be added later in File › Team…).</source>
        <translation>哪些人使用这个数据库？请输入团队成员的名字，或者先只添加您自己（以后可在“文件 › 团队…”中添加）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="516"/>
        <source>Enter names…</source>
        <translation>输入名字…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="516"/>
        <location filename="../../keepclient/ui/main_window.py" line="521"/>
        <source>Just me</source>
        <translation>只有我</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="518"/>
        <source>Who works with this database?</source>
        <translation>哪些人使用这个数据库？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="519"/>
        <source>One name per line:</source>
        <translation>每行一个名字：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="521"/>
        <source>Your name:</source>
        <translation>您的名字：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="529"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="536"/>
        <source>Which one are you?</source>
        <translation>您是哪一位？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="537"/>
        <source>Choose your name: your changes are recorded under it, and &quot;My customers&quot; are yours (View › I am… changes it).</source>
        <translation>请选择您的名字：您的修改会记在这个名字下，“我的客户”也指您的客户（可在“视图 › 我是…”中更改）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="634"/>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="635"/>
        <source>A PostgreSQL team server: colleagues&apos; saves appear as they are made.</source>
        <translation>PostgreSQL 团队服务器：同事保存的内容会即时显示。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="637"/>
        <source>Shared database</source>
        <translation>共享数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="638"/>
        <source>Opened for a network folder: rollback journal, full sync.</source>
        <translation>按网络共享文件夹方式打开：回滚日志，完全同步写入。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="640"/>
        <source>Local database</source>
        <translation>本地数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="641"/>
        <source>Opened as a local file (write-ahead log).</source>
        <translation>按本地文件方式打开（预写日志）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="666"/>
        <source>Cannot read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="799"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="829"/>
        <source>Recomputing value and risk…</source>
        <translation>正在重新计算客户价值和流失风险…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="844"/>
        <source>Value and risk recomputed.</source>
        <translation>客户价值和流失风险已重新计算。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="848"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="853"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="891"/>
        <source>Connected; the password could not be kept in the keychain.</source>
        <translation>已连接；但密码无法保存到钥匙串。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="913"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="916"/>
        <source>Open or create a shared database</source>
        <translation>打开或新建共享数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="925"/>
        <source>Generating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="925"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="939"/>
        <source>Demo data loaded: %1 customers.</source>
        <translation>演示数据已加载：%1 个客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="290"/>
        <location filename="../../keepclient/ui/main_window.py" line="799"/>
        <location filename="../../keepclient/ui/main_window.py" line="947"/>
        <source>keepclient</source>
        <translation>keepclient</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="117"/>
        <source>Feed&amp;back</source>
        <translation>反馈(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="331"/>
        <source>Show feedback l&amp;og</source>
        <translation>查看反馈日志(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="949"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="964"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="966"/>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="973"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="973"/>
        <source>The new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/menu.py" line="118"/>
        <source>About keepclient</source>
        <translation>关于 keepclient</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/menu.py" line="58"/>
        <source>keepclient %1
Customer follow-up for small sales teams.</source>
        <translation>keepclient %1
为小型销售团队打造的客情维护工具。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="993"/>
        <location filename="../../keepclient/ui/main_window.py" line="998"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="994"/>
        <source>Your changes to this feedback item could not be saved. Close anyway and lose them?</source>
        <translation>对这条反馈的修改无法保存。仍要关闭并放弃这些修改吗？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="999"/>
        <source>Your changes to this customer could not be saved. Close anyway and lose them?</source>
        <translation>对此客户的修改无法保存。仍要关闭并丢弃这些修改吗？</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <location filename="../../keepclient/ui/calendar/month_view.py" line="192"/>
        <source>Birthday: %1</source>
        <translation>生日：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/month_view.py" line="194"/>
        <source>%1 birthdays</source>
        <translation>%1 个生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/month_view.py" line="233"/>
        <source>+%1 more</source>
        <translation>还有 %1 个</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="49"/>
        <source>Not created. Change the name or phone, or press Cancel.</source>
        <translation>未创建。请修改名称或电话，或按“取消”。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="73"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="84"/>
        <source>company or person, e.g. 上海华信贸易有限公司</source>
        <translation>公司或个人，例如 上海华信贸易有限公司</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="89"/>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="99"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="101"/>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="111"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="102"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="103"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="104"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="105"/>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="114"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="105"/>
        <source>switchboard or landline</source>
        <translation>总机或座机</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="106"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="107"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="109"/>
        <source>First contact</source>
        <translation>首位联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="111"/>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="157"/>
        <source>e.g. 张伟</source>
        <translation>例如 张伟</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="112"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="112"/>
        <source>e.g. 采购经理</source>
        <translation>例如 采购经理</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="113"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="115"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="116"/>
        <source>Optional. More contacts can be added in the customer&apos;s details.</source>
        <translation>可选。更多联系人可在客户详情中添加。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="124"/>
        <source>separated by commas, e.g. VIP, 华东</source>
        <translation>用逗号分隔，例如 VIP，华东</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="133"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="134"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="157"/>
        <source>the customer&apos;s name</source>
        <translation>同客户名称</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="174"/>
        <source>Possibly already in the database: %1</source>
        <translation>数据库中可能已有：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="183"/>
        <source>Give the customer a name.</source>
        <translation>请填写客户名称。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/new_customer_dialog.py" line="188"/>
        <source>Give the contact a name, or leave the contact empty.</source>
        <translation>请填写联系人姓名，或将联系人留空。</translation>
    </message>
</context>
<context>
    <name>NewFeedbackDialog</name>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="57"/>
        <source>New feedback</source>
        <translation>新建反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="66"/>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="68"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="72"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="80"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="82"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="84"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="86"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="88"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="91"/>
        <source>(the customer&apos;s owner)</source>
        <translation>（客户的负责人）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="94"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="98"/>
        <source>What did the customer say?</source>
        <translation>客户说了什么？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="99"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="146"/>
        <source>Choose the customer: type a name and pick it from the list.</source>
        <translation>请选择客户：输入名称并从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/dialogs.py" line="149"/>
        <source>Describe the feedback in a few words.</source>
        <translation>请用几句话描述这条反馈。</translation>
    </message>
</context>
<context>
    <name>NewlyAtRisk</name>
    <message>
        <location filename="../../keepclient/ui/at_risk_status.py" line="97"/>
        <source>Show the customers at risk, riskiest first</source>
        <translation>显示有流失风险的客户，风险最高的在前</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="43"/>
        <source>Edit order</source>
        <translation>编辑订单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="43"/>
        <source>Record order</source>
        <translation>记录订单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="58"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="60"/>
        <source>quantity × unit price</source>
        <translation>数量 × 单价</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="61"/>
        <source>Follows quantity × unit price until you type an amount</source>
        <translation>在您输入金额之前，自动按数量 × 单价计算</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="84"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="85"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="86"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="87"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="88"/>
        <source>Unit price (%1)</source>
        <translation>单价（%1）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="89"/>
        <source>Amount (%1)</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="90"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="91"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="126"/>
        <source>“%1” is not a quantity.</source>
        <translation>“%1”不是数量。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="129"/>
        <source>The quantity cannot be 0.</source>
        <translation>数量不能为 0。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="135"/>
        <source>Enter the amount, or a unit price to multiply.</source>
        <translation>请输入金额，或输入单价以便相乘。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/order_dialog.py" line="146"/>
        <source>“%1” is not an amount (for example 1,234.50).</source>
        <translation>“%1”不是金额（例如 1,234.50）。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="67"/>
        <source>Log the outcome</source>
        <translation>记录结果</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="67"/>
        <source>Log a call or visit</source>
        <translation>记录电话或拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="87"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="100"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="107"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="112"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="116"/>
        <source>What was discussed, what was agreed</source>
        <translation>谈了什么，约定了什么</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="117"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="121"/>
        <source>not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="122"/>
        <source>1 = very unhappy … 5 = very happy</source>
        <translation>1 = 非常不满意 … 5 = 非常满意</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="123"/>
        <source>Satisfaction (1-5)</source>
        <translation>满意度（1-5）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="126"/>
        <source>Suggested from the customer&apos;s follow-up interval</source>
        <translation>根据客户的跟进间隔建议</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="127"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="128"/>
        <source>Record feedback…</source>
        <translation>记录反馈…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="130"/>
        <source>A complaint, suggestion, request or praise heard here goes to the feedback log, with its owner and response targets</source>
        <translation>在此听到的投诉、建议、需求或表扬会记入反馈日志，并带有负责人和响应目标</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="135"/>
        <source>Record order…</source>
        <translation>记录订单…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="137"/>
        <source>After saving, record what the customer ordered</source>
        <translation>保存后记录客户订购的内容</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="159"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="163"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="165"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="167"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="171"/>
        <source>What the customer said</source>
        <translation>客户的原话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="172"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="245"/>
        <source>Write down what the customer said, or untick “Record feedback…”.</source>
        <translation>请写下客户说的话，或取消勾选“记录反馈…”。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="255"/>
        <source>The outcome is saved, the feedback not yet: %1</source>
        <translation>结果已保存，但反馈尚未保存：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/outcome_dialog.py" line="308"/>
        <source>Someone else changed this visit meanwhile (it is now: %1). Nothing was overwritten. Save again to record your outcome over theirs, or Cancel.</source>
        <translation>在此期间有人修改了这次拜访（现在是：%1）。没有覆盖任何内容。再次保存将用您的结果覆盖对方的，或点“取消”。</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <location filename="../../keepclient/ui/dashboard/controls.py" line="36"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/controls.py" line="36"/>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/controls.py" line="37"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/controls.py" line="37"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/controls.py" line="39"/>
        <source>This month, quarter or year: from its first day to today</source>
        <translation>本月、本季度或今年：从第一天到今天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/controls.py" line="50"/>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>PresenceLabel</name>
    <message>
        <location filename="../../keepclient/ui/presence_label.py" line="68"/>
        <source>Also here: %1</source>
        <translation>同时在线：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/presence_label.py" line="72"/>
        <source>%1 on %2, since %3</source>
        <translation>%1，在 %2 上，自 %3 起</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="141"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="143"/>
        <source>Fill their empty fields</source>
        <translation>补充其空白字段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="143"/>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="144"/>
        <source>Overwrite with the file&apos;s values</source>
        <translation>用文件中的值覆盖</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="145"/>
        <source>Import them as new customers</source>
        <translation>作为新客户导入</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="148"/>
        <source>Create the customers the file names but the database lacks</source>
        <translation>为文件中有、数据库中没有的客户新建客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="158"/>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="161"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="158"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="158"/>
        <source>Value as written</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="159"/>
        <source>What was done</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="159"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="159"/>
        <source>The row in the file</source>
        <translation>文件中的该行</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="161"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="161"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="161"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="162"/>
        <source>After the import</source>
        <translation>导入后</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="192"/>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="193"/>
        <source>Changes (%1)</source>
        <translation>修改（%1）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="194"/>
        <source>Probable duplicates (%1)</source>
        <translation>可能重复（%1）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="210"/>
        <source>Order lines new: %1 · already there: %2 · without a matching customer: %3 · new customers: %4 · rows refused: %5 · rows imported with problems: %6</source>
        <translation>新订单行：%1 · 已存在：%2 · 无匹配客户：%3 · 新客户：%4 · 拒绝的行：%5 · 有问题但已导入的行：%6</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="217"/>
        <source>New: %1 · updated: %2 · unchanged: %3 · rows refused: %4 · rows imported with problems: %5</source>
        <translation>新增：%1 · 更新：%2 · 未变：%3 · 未导入的行：%4 · 有问题但已导入的行：%5</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="222"/>
        <source>New salespeople the import adds: %1</source>
        <translation>导入将新增销售员：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="163"/>
        <source>In the file</source>
        <translation>文件中</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="163"/>
        <source>Already in the database</source>
        <translation>数据库中已有</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="164"/>
        <source>Matched by</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="165"/>
        <source>Save problem report…</source>
        <translation>保存问题报告…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="181"/>
        <source>Customers already in the database</source>
        <translation>数据库中已有的客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="189"/>
        <source>Matching the rows…</source>
        <translation>正在匹配各行…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="251"/>
        <source>%1 (contact)</source>
        <translation>%1（联系人）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="272"/>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="279"/>
        <location filename="../../keepclient/ui/importer/preview_page.py" line="281"/>
        <source>Save problem report</source>
        <translation>保存问题报告</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="92"/>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="218"/>
        <source>Print schedule</source>
        <translation>打印日程</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="96"/>
        <source>Week schedule (one salesperson per page)</source>
        <translation>周日程表（每位销售员一页）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="97"/>
        <source>Day route sheet</source>
        <translation>当日路线单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="97"/>
        <source>Month overview</source>
        <translation>月度总览</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="112"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="113"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="116"/>
        <source>Also print salespeople without visits</source>
        <translation>没有拜访的销售员也打印</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="122"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="122"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="123"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="138"/>
        <source>&amp;Document:</source>
        <translation>文档(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="139"/>
        <source>D&amp;ate:</source>
        <translation>日期(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="141"/>
        <source>&amp;Salespeople:</source>
        <translation>销售员(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="144"/>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="145"/>
        <source>&amp;Orientation:</source>
        <translation>方向(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="147"/>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="148"/>
        <source>Save &amp;PDF…</source>
        <translation>保存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="239"/>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="251"/>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="254"/>
        <source>Save schedule as PDF</source>
        <translation>将日程保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/print_dialog.py" line="255"/>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="32"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="32"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="32"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="32"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="33"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="33"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="33"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="34"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="34"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="34"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="35"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="35"/>
        <source>Region</source>
        <translation>省份/地区</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="35"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="36"/>
        <source>Follow up every</source>
        <translation>跟进间隔</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="36"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="37"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="60"/>
        <source>tier default</source>
        <translation>按等级默认</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="61"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/profile_form.py" line="85"/>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ProfileLinks</name>
    <message>
        <location filename="../../keepclient/ui/customers/links.py" line="94"/>
        <source>Call %1</source>
        <translation>拨打 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/links.py" line="94"/>
        <source>Write to %1</source>
        <translation>发邮件给 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/links.py" line="94"/>
        <source>Copy the address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/links.py" line="106"/>
        <source>Click to call</source>
        <translation>点击拨打</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/links.py" line="106"/>
        <source>Click to write</source>
        <translation>点击发邮件</translation>
    </message>
</context>
<context>
    <name>PurchasesSection</name>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="52"/>
        <source>No orders yet.</source>
        <translation>还没有订单。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="54"/>
        <source>Revenue (12 mo) %1</source>
        <translation>近12个月营收 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="56"/>
        <source>1 order</source>
        <translation>1 单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="57"/>
        <source>%1 orders</source>
        <translation>%1 单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="60"/>
        <source>last order %1</source>
        <translation>最近下单 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="62"/>
        <source>every %1 days on average</source>
        <translation>平均 %1 天一单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="69"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="69"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="70"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="70"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="71"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="71"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="126"/>
        <source>Purchases</source>
        <translation>购买记录</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="149"/>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="183"/>
        <source>No orders recorded yet.</source>
        <translation>还没有记录订单。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="151"/>
        <source>Record order…</source>
        <translation>记录订单…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="153"/>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="213"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="155"/>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="213"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="173"/>
        <source>Record an order of this customer (%1)</source>
        <translation>记录此客户的订单（%1）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/purchases_section.py" line="181"/>
        <source>The newest %1 order lines are shown.</source>
        <translation>只显示最新的 %1 条订单行。</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <location filename="../../keepclient/ui/read_only.py" line="26"/>
        <source>This database is open read-only: you can look and search, but nothing can be saved. Ask whoever manages the file for write access, or restore a backup to a new file (File › Restore from backup…).</source>
        <translation>此数据库以只读方式打开：可以查看和搜索，但无法保存任何内容。请向管理该文件的人申请写入权限，或将备份恢复到新文件（文件 › 从备份恢复…）。</translation>
    </message>
</context>
<context>
    <name>RecordPane</name>
    <message>
        <location filename="../../keepclient/ui/widgets/record_pane.py" line="50"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/record_pane.py" line="51"/>
        <source>Save changes (Ctrl+S)</source>
        <translation>保存修改（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/record_pane.py" line="52"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
</context>
<context>
    <name>ReminderList</name>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="208"/>
        <source>Open visit</source>
        <translation>打开拜访</translation>
    </message>
</context>
<context>
    <name>ReminderScheduler</name>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="275"/>
        <source>Default &amp;reminder</source>
        <translation>默认提醒(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="306"/>
        <source>Missed reminders</source>
        <translation>错过的提醒</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="307"/>
        <source>These reminders came due while keepclient was closed:</source>
        <translation>keepclient 关闭期间到期的提醒：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/reminders.py" line="339"/>
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n 条提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/reminders.py" line="342"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>……还有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="353"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="353"/>
        <source>These visits and calls are coming up:</source>
        <translation>即将进行的拜访和电话：</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="57"/>
        <source>No reminder</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="59"/>
        <source>At the start</source>
        <translation>开始时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="61"/>
        <source>1 hour before</source>
        <translation>提前 1 小时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="63"/>
        <source>1 day before</source>
        <translation>提前 1 天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="65"/>
        <source>%1 days before</source>
        <translation>提前 %1 天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="67"/>
        <source>%1 hours before</source>
        <translation>提前 %1 小时</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="68"/>
        <source>%1 minutes before</source>
        <translation>提前 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/reminders.py" line="159"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="170"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="173"/>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="173"/>
        <source>Every … days</source>
        <translation>每……天</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="174"/>
        <source>Every … weeks</source>
        <translation>每……周</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="174"/>
        <source>Every … months</source>
        <translation>每……月</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="179"/>
        <source>until</source>
        <translation>直到</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="182"/>
        <source>times in all</source>
        <translation>次（共计）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="193"/>
        <source>every</source>
        <translation>每</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="196"/>
        <source>Ends:</source>
        <translation>结束：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="250"/>
        <source>%n visit(s), the last on %1.</source>
        <translation>
            <numerusform>共 %n 次拜访，最后一次在 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="73"/>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="144"/>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="163"/>
        <source>Feedback report</source>
        <translation>反馈报表</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="87"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="88"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="93"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="94"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="96"/>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="97"/>
        <source>&amp;Orientation:</source>
        <translation>方向(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="98"/>
        <source>Open feedback by owner with age and overdue flags, and the period&apos;s monthly counts by category with median response and resolution times.</source>
        <translation>按负责人列出未结反馈（含已过天数和逾期标记），以及该期间按类别的月度数量和响应、解决用时的中位数。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="102"/>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="103"/>
        <source>Save &amp;PDF…</source>
        <translation>保存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="104"/>
        <source>Save &amp;Excel…</source>
        <translation>保存 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="126"/>
        <source>The first day must not be after the last day.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="186"/>
        <source>Save feedback report as PDF</source>
        <translation>将反馈报表保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/report_dialog.py" line="193"/>
        <source>Save feedback report as Excel</source>
        <translation>将反馈报表保存为 Excel</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="73"/>
        <location filename="../../keepclient/ui/restore_dialog.py" line="197"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="74"/>
        <source>Backups of %1:</source>
        <translation>%1 的备份：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="78"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="78"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="78"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="79"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="97"/>
        <source>There are no backups of this database yet (File › Backup makes one).</source>
        <translation>此数据库还没有备份（“文件 › 备份”可以创建一个）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="99"/>
        <source>Restore to a new file…</source>
        <translation>恢复到新文件…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="100"/>
        <location filename="../../keepclient/ui/restore_dialog.py" line="168"/>
        <source>Replace the current database</source>
        <translation>替换当前数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="101"/>
        <source>Replace %1</source>
        <translation>替换 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="138"/>
        <source>Restore the backup to</source>
        <translation>将备份恢复到</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="144"/>
        <location filename="../../keepclient/ui/restore_dialog.py" line="174"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="148"/>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="149"/>
        <source>The backup was restored to %1. Open it now?</source>
        <translation>备份已恢复到 %1。现在打开吗？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="160"/>
        <source>Replace %1 with the backup taken %2? Everything saved since then is replaced; keepclient keeps a copy of the current file first.</source>
        <translation>用 %2 的备份替换 %1 吗？此后保存的所有内容都会被替换；keepclient 会先保留当前文件的副本。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="166"/>
        <source>%1 also have this database open: ask them to close keepclient first.</source>
        <translation>%1 也打开着此数据库：请先让他们关闭 keepclient。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/restore_dialog.py" line="180"/>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="208"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="219"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="221"/>
        <source>Undo this import</source>
        <translation>撤销本次导入</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="236"/>
        <source>Imported: %1 new, %2 updated; rows imported with problems: %3; rows refused: %4.</source>
        <translation>已导入：新增 %1 个，更新 %2 个；有问题但已导入的行：%3；未导入的行：%4。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="241"/>
        <source>(%1 more)</source>
        <translation>（另有 %1 个）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="242"/>
        <source>Left alone because someone changed them after the preview: %1</source>
        <translation>以下记录在预览后被他人修改，未作改动：%1</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../keepclient/ui/widgets/review_dialog.py" line="33"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/review_dialog.py" line="39"/>
        <source>Apply ticked</source>
        <translation>应用勾选项</translation>
    </message>
</context>
<context>
    <name>SalespersonDialog</name>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="95"/>
        <source>Edit salesperson</source>
        <translation>编辑业务员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="95"/>
        <source>Add salesperson</source>
        <translation>添加业务员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="100"/>
        <source>from the name&apos;s initials</source>
        <translation>取名字的首字母</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="111"/>
        <location filename="../../keepclient/ui/team_dialog.py" line="121"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="112"/>
        <source>Revenue per month in the team&apos;s currency; empty or 0: no target. A period&apos;s target counts the months pro rata by day.</source>
        <translation>每月收入（团队货币）；留空或 0 表示没有目标。一个期间的目标按天数折算各月。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="123"/>
        <source>Visits done per month (0: no target).</source>
        <translation>每月完成的拜访次数（0 表示没有目标）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="129"/>
        <location filename="../../keepclient/ui/team_dialog.py" line="137"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="129"/>
        <location filename="../../keepclient/ui/team_dialog.py" line="138"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="129"/>
        <location filename="../../keepclient/ui/team_dialog.py" line="139"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="130"/>
        <location filename="../../keepclient/ui/team_dialog.py" line="140"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="131"/>
        <source>Monthly revenue target</source>
        <translation>月度收入目标</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="132"/>
        <source>Monthly visits target</source>
        <translation>月度拜访目标</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="155"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="162"/>
        <source>Colour in the calendar</source>
        <translation>日历中的颜色</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="186"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>SalespersonFilter</name>
    <message>
        <location filename="../../keepclient/ui/calendar/salesperson_filter.py" line="38"/>
        <location filename="../../keepclient/ui/calendar/salesperson_filter.py" line="85"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/salesperson_filter.py" line="92"/>
        <source>%1 salespeople</source>
        <translation>%1 位销售员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/salesperson_filter.py" line="94"/>
        <source>Whose visits to show</source>
        <translation>显示谁的拜访</translation>
    </message>
</context>
<context>
    <name>SatisfactionRow</name>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="60"/>
        <source>Satisfaction:</source>
        <translation>满意度：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="61"/>
        <source>no scores yet</source>
        <translation>暂无评分</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="92"/>
        <source>↗ rising</source>
        <translation>↗ 上升</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="92"/>
        <source>↘ falling</source>
        <translation>↘ 下降</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="92"/>
        <source>→ steady</source>
        <translation>→ 平稳</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="96"/>
        <source>Average of the last 3 scores: %1; of the 3 before: %2</source>
        <translation>最近 3 次评分平均：%1；之前 3 次：%2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="112"/>
        <source>Satisfaction %1 of 5 (1 very unhappy, 5 very happy)</source>
        <translation>满意度 %1 分（满分 5 分；1 非常不满意，5 非常满意）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="113"/>
        <source>the customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="114"/>
        <source>Given by %1, recorded by %2</source>
        <translation>评分人：%1，记录人：%2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="115"/>
        <source>Given by %1</source>
        <translation>评分人：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="117"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="118"/>
        <source>When: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="121"/>
        <source>Feedback (%1)</source>
        <translation>反馈（%1）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="121"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="122"/>
        <source>When the feedback was closed: %1</source>
        <translation>反馈关闭时间：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="126"/>
        <source>About: %1</source>
        <translation>关于：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/satisfaction.py" line="128"/>
        <source>Comment: %1</source>
        <translation>评语：%1</translation>
    </message>
</context>
<context>
    <name>ScopeButton</name>
    <message>
        <location filename="../../keepclient/ui/dashboard/controls.py" line="129"/>
        <location filename="../../keepclient/ui/dashboard/controls.py" line="181"/>
        <source>Whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/dashboard/controls.py" line="142"/>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/dashboard/controls.py" line="185"/>
        <source>%n salespeople</source>
        <translation>
            <numerusform>%n 名业务员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsWindow</name>
    <message>
        <location filename="../../keepclient/ui/help/shortcuts_window.py" line="37"/>
        <source>%1 tab</source>
        <translation>%1标签页</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/shortcuts_window.py" line="47"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/shortcuts_window.py" line="49"/>
        <source>Search actions and keys…</source>
        <translation>搜索操作和快捷键…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/shortcuts_window.py" line="54"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/help/shortcuts_window.py" line="54"/>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="61"/>
        <source>File and sheet</source>
        <translation>文件和工作表</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="64"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="71"/>
        <source>Customers and contacts</source>
        <translation>客户和联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="72"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="83"/>
        <source>Cancel reading</source>
        <translation>取消读取</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="89"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="90"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="91"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="92"/>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="117"/>
        <source>Import a spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/importer/pages.py" line="135"/>
        <source>%1 rows below the header%2</source>
        <translation>表头下方共 %1 行%2</translation>
    </message>
</context>
<context>
    <name>SpreadsheetActions</name>
    <message>
        <location filename="../../keepclient/ui/spreadsheet_actions.py" line="56"/>
        <source>&amp;Import spreadsheet…</source>
        <translation>导入表格(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/spreadsheet_actions.py" line="58"/>
        <source>&amp;Export customers…</source>
        <translation>导出客户(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/spreadsheet_actions.py" line="61"/>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/spreadsheet_actions.py" line="93"/>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/spreadsheet_actions.py" line="104"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/spreadsheet_actions.py" line="107"/>
        <source>Exported %1 customers to %2</source>
        <translation>已将 %1 个客户导出到 %2</translation>
    </message>
</context>
<context>
    <name>StageReview</name>
    <message>
        <location filename="../../keepclient/ui/customers/stage_review.py" line="24"/>
        <source>Review stages</source>
        <translation>审核阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/stage_review.py" line="25"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/stage_review.py" line="25"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/stage_review.py" line="26"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/stage_review.py" line="26"/>
        <source>Last order or contact</source>
        <translation>最近下单或联系</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/stage_review.py" line="27"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/stage_review.py" line="42"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/stage_review.py" line="30"/>
        <source>Active and mature customers whose churn risk reached the team&apos;s threshold are at risk; customers at risk with no order or contact for a long time are lost; lost customers who ordered again are won back. Untick any you want to keep as they are.</source>
        <translation>流失风险达到团队阈值的活跃和成熟客户标为有流失风险；有流失风险且长时间没有下单或联系的客户标为已流失；再次下单的流失客户标为已挽回。取消勾选即可保持原状。</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="270"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="270"/>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="270"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="287"/>
        <source>Every status</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="288"/>
        <source>Not yet replied to the customer: new, in progress, resolved</source>
        <translation>尚未答复客户：新建、处理中、已解决</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="290"/>
        <source>Only this status; Ctrl+click to add or remove it</source>
        <translation>只显示此状态；按住 Ctrl 点击可添加或移除</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/filter_bar.py" line="291"/>
        <source>Only items past their response or resolution deadline</source>
        <translation>只显示超过响应或解决期限的条目</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="305"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="312"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="312"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="312"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="312"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="313"/>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="322"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="323"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="324"/>
        <location filename="../../keepclient/ui/team_dialog.py" line="391"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="325"/>
        <source>&amp;Hand over customers…</source>
        <translation>移交客户(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="359"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="359"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="390"/>
        <source>&amp;Reactivate</source>
        <translation>重新启用(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="399"/>
        <location filename="../../keepclient/ui/team_dialog.py" line="463"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="480"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="481"/>
        <source>%1 still has %2 customers. They stay %1&apos;s until handed over (Hand over customers…). Deactivate anyway?</source>
        <translation>%1 名下还有 %2 个客户。在移交（移交客户…）之前，这些客户仍归 %1。仍要停用吗？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="543"/>
        <source>Nothing to hand over.</source>
        <translation>没有可移交的客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="546"/>
        <source>Hand over %n customer(s) of %1</source>
        <translation>移交 %1 的 %n 个客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/team_dialog.py" line="552"/>
        <source>%1 customers, %2 planned visits and %3 open feedback items handed over.</source>
        <translation>已移交 %1 个客户、%2 次已安排的拜访和 %3 条未结反馈。</translation>
    </message>
</context>
<context>
    <name>TierReview</name>
    <message>
        <location filename="../../keepclient/ui/widgets/pareto_chart.py" line="19"/>
        <source>Share of 12-month revenue</source>
        <translation>近12个月营收占比</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/pareto_chart.py" line="26"/>
        <source>Customers ranked by 12-month revenue, biggest first</source>
        <translation>按近12个月营收从高到低排列的客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/pareto_chart.py" line="27"/>
        <source>Share of customers (%)</source>
        <translation>客户占比（%）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/widgets/pareto_chart.py" line="28"/>
        <source>Share of revenue (%)</source>
        <translation>营收占比（%）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="30"/>
        <source>Review tiers</source>
        <translation>审核等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="38"/>
        <source>Also list tiers set by hand</source>
        <translation>也列出手动设置的等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="31"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="31"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="32"/>
        <source>Revenue (12 mo)</source>
        <translation>近12个月营收</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="32"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="33"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="45"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="47"/>
        <source>Pareto curve</source>
        <translation>帕累托曲线</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="60"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/tier_review.py" line="63"/>
        <source>%1 (set by hand)</source>
        <translation>%1（手动设置）</translation>
    </message>
</context>
<context>
    <name>TierReviewDialog</name>
    <message numerus="yes">
        <location filename="../../keepclient/ui/customers/tier_review.py" line="69"/>
        <source>A: the customers who together bring 80% of the last 12 months&apos; revenue; B: the next 15%; C: the rest and customers without orders. %n customer(s) would change tier; untick any to keep.</source>
        <translation>
            <numerusform>A：合计贡献近12个月前 80% 营收的客户；B：其后的 15%；C：其余客户及没有订单的客户。共有 %n 个客户的等级会改变；取消勾选即可保留原等级。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeGrid</name>
    <message>
        <location filename="../../keepclient/ui/calendar/time_grid.py" line="287"/>
        <source>%1 visits</source>
        <translation>%1 次拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/time_grid.py" line="393"/>
        <source>Birthday: %1 (%2)</source>
        <translation>生日：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/time_grid.py" line="397"/>
        <source>+%1 more birthdays</source>
        <translation>还有 %1 个生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/time_grid.py" line="397"/>
        <source>+%1 more</source>
        <translation>另外 %1 项</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/time_grid.py" line="533"/>
        <source>%1 visits start in this hour. Choose salespeople to see each of them.</source>
        <translation>这一小时内开始 %1 次拜访。选择销售员以逐条查看。</translation>
    </message>
</context>
<context>
    <name>ValueSection</name>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="26"/>
        <source>Churn risk 0 of 100: nothing points to this customer drifting away.</source>
        <translation>流失风险 0（满分 100）：没有迹象表明该客户正在流失。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="27"/>
        <source>Churn risk %1 of 100</source>
        <translation>流失风险 %1（满分 100）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="29"/>
        <source>%1: at risk</source>
        <translation>%1：有流失风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="34"/>
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="42"/>
        <source>RFM: recency %1 · frequency %2 · monetary %3 (5 is best)</source>
        <translation>RFM：最近购买 %1 · 购买频率 %2 · 消费金额 %3（5 为最佳）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="45"/>
        <source>RFM: no orders yet.</source>
        <translation>RFM：尚无订单。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="47"/>
        <source>Lifetime value ≈ %1</source>
        <translation>客户终身价值 ≈ %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="56"/>
        <source>Tier %1 set by hand: kept when tiers are reviewed.</source>
        <translation>等级 %1 为手动设置：审核等级时保留。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="59"/>
        <source>By 12-month revenue this is a %1 customer (Customer › Review tiers…).</source>
        <translation>按近12个月营收，这是 %1 客户（客户 › 审核等级…）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="68"/>
        <source>Value and risk</source>
        <translation>价值与风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="74"/>
        <source>Lifetime value = average yearly revenue so far × the years a customer is expected to stay, 1 ÷ (1 − the share of customers the team keeps from one year to the next), at most 10 years; a customer with less than a year of orders counts as one year.</source>
        <translation>客户终身价值 = 迄今的平均年营收 × 预计还会合作的年数，即 1 ÷（1 − 团队每年留住的客户比例），最多 10 年；下单不足一年的客户按一年计算。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/value_section.py" line="98"/>
        <source>Lost: %1</source>
        <translation>流失原因：%1</translation>
    </message>
</context>
<context>
    <name>ViewsSidebar</name>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="37"/>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="38"/>
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="39"/>
        <source>Overdue follow-ups</source>
        <translation>逾期跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="41"/>
        <source>Due this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="43"/>
        <source>Open feedback</source>
        <translation>未结反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="45"/>
        <source>A customers</source>
        <translation>A 类客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="47"/>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="49"/>
        <source>Win back</source>
        <translation>挽回客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="51"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="54"/>
        <source>Lost customers, sorted by lifetime value, highest first</source>
        <translation>已流失的客户，按客户终身价值从高到低排列</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="91"/>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="92"/>
        <source>Save the current search, filters, sort and columns as a view</source>
        <translation>将当前的搜索、筛选、排序和列保存为视图</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="93"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/views_sidebar.py" line="112"/>
        <source>Your view</source>
        <translation>您的视图</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="70"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="269"/>
        <source>Change visit</source>
        <translation>修改拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="269"/>
        <source>Plan a visit</source>
        <translation>安排拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="282"/>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="285"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="289"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="295"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="304"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="309"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="311"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="314"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="317"/>
        <source>The customer&apos;s address</source>
        <translation>客户地址</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="318"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="322"/>
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="326"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="335"/>
        <source>Part of a repeating series.</source>
        <translation>属于重复系列。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="363"/>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="444"/>
        <source>Someone else changed this visit while you edited it. Nothing was overwritten. Save again to put your values over theirs, or Cancel.</source>
        <translation>您编辑期间有人修改了这次拜访。没有覆盖任何内容。再次保存将用您填写的内容覆盖对方的，或点“取消”。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="474"/>
        <source>Repeating visit</source>
        <translation>重复的拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="475"/>
        <source>%1 is one visit of a series. Change only this visit, or every planned visit of the series?</source>
        <translation>%1 是系列中的一次拜访。只修改这一次，还是修改该系列所有已安排的拜访？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="477"/>
        <source>Only this visit</source>
        <translation>仅此一次</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="477"/>
        <source>The whole series</source>
        <translation>整个系列</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="480"/>
        <source>Not saved yet.</source>
        <translation>尚未保存。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="504"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>……还有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="506"/>
        <source>%1 already has something planned at that time:</source>
        <translation>%1 在该时间已有安排：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="508"/>
        <source>Overlapping visits</source>
        <translation>拜访时间重叠</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="508"/>
        <source>Save anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/visit_dialog.py" line="510"/>
        <source>Not saved: choose another time or salesperson.</source>
        <translation>未保存：请选择其他时间或销售员。</translation>
    </message>
</context>
<context>
    <name>VisitEditing</name>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="108"/>
        <source>Someone else changed this visit after the calendar showed it. Nothing was overwritten: the calendar now shows the visit as it is, please check it and try again.</source>
        <translation>日历显示之后有人修改了这次拜访。没有覆盖任何内容：日历现在显示的是它的最新状态，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="103"/>
        <location filename="../../keepclient/ui/calendar/editing.py" line="117"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="123"/>
        <source>This database is open read-only: visits cannot be planned or changed.</source>
        <translation>此数据库以只读方式打开：无法安排或修改拜访。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="133"/>
        <source>Repeating visit</source>
        <translation>重复的拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="135"/>
        <source>Only this visit</source>
        <translation>仅此一次</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="135"/>
        <source>The whole series</source>
        <translation>整个系列</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="150"/>
        <source>… and %1 more</source>
        <translation>……还有 %1 个</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="151"/>
        <source>The salesperson</source>
        <translation>该销售员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="152"/>
        <source>%1 already has something planned at that time:</source>
        <translation>%1 在该时间已有安排：</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="154"/>
        <source>Overlapping visits</source>
        <translation>拜访时间重叠</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="154"/>
        <source>Keep the new time anyway?</source>
        <translation>仍要使用新时间吗？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="166"/>
        <source>%1 is one visit of a series. Move only this visit, or every planned visit of the series?</source>
        <translation>%1 是系列中的一次拜访。只移动这一次，还是移动该系列所有已安排的拜访？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="170"/>
        <source>Not moved.</source>
        <translation>未移动。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="180"/>
        <source>Change duration of %1</source>
        <translation>修改 %1 的时长</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="181"/>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="187"/>
        <source>%1 moved to %2. Undo with Ctrl+Z.</source>
        <translation>%1 已移到 %2。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="199"/>
        <source>Copied %1. Paste it at another time with Ctrl+V.</source>
        <translation>已复制 %1。按 Ctrl+V 粘贴到其他时间。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="212"/>
        <source>Not pasted.</source>
        <translation>未粘贴。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="218"/>
        <source>Paste %1</source>
        <translation>粘贴 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="230"/>
        <source>%1 is one visit of a series. Delete only this visit, or every planned visit of the series?</source>
        <translation>%1 是系列中的一次拜访。只删除这一次，还是删除该系列所有已安排的拜访？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="241"/>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="244"/>
        <source>Deleted %1 visit(s). Undo with Ctrl+Z.</source>
        <translation>已删除 %1 次拜访。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="290"/>
        <source>Plan visit</source>
        <translation>安排拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="361"/>
        <source>Record order</source>
        <translation>记录订单</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="365"/>
        <source>Order recorded for %1.</source>
        <translation>已为 %1 记录订单。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="390"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="391"/>
        <source>Log outcome…</source>
        <translation>记录结果…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="392"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="393"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="396"/>
        <source>Plan visit…</source>
        <translation>安排拜访…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/editing.py" line="397"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <location filename="../../keepclient/services/backups.py" line="62"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/backups.py" line="63"/>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/backups.py" line="64"/>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/backups.py" line="65"/>
        <source>before emptying the trash</source>
        <translation>清空回收站前</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/backups.py" line="66"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../keepclient/services/backups.py" line="67"/>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../keepclient/cli.py" line="251"/>
        <source>--customers must be at least 1.</source>
        <translation>--customers 至少为 1。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="259"/>
        <source>Generating demo data: {done} / {total} customers ({percent}%)</source>
        <translation>正在生成演示数据：{done} / {total} 个客户（{percent}%）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="268"/>
        <source>Demo data in {path}: {customers} customers, {contacts} contacts, {visits} visits, {feedback} feedback items, {purchases} purchases, {salespeople} salespeople.</source>
        <translation>演示数据已写入 {path}：{customers} 个客户、{contacts} 个联系人、{visits} 次拜访、{feedback} 条反馈、{purchases} 笔购买、{salespeople} 名销售员。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="278"/>
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="290"/>
        <source>Database: {path} ({mode})</source>
        <translation>数据库：{path}（{mode}）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="291"/>
        <source>Integrity: {result}</source>
        <translation>完整性：{result}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="292"/>
        <source>Schema version: {version} (last upgraded by keepclient {app})</source>
        <translation>结构版本：{version}（最近由 keepclient {app} 升级）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="297"/>
        <source>The database is damaged. Keep this file as it is, and restore the last good backup (keepclient restore).</source>
        <translation>数据库已损坏。请保持此文件原样，并恢复最近一个完好的备份（keepclient restore）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="305"/>
        <source>--limit must be at least 1.</source>
        <translation>--limit 至少为 1。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="312"/>
        <source>No customer matches &quot;{query}&quot;.</source>
        <translation>没有客户匹配“{query}”。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="37"/>
        <location filename="../../keepclient/cli_orders.py" line="48"/>
        <source>{file}, sheet &quot;{sheet}&quot;, header on row {row}{encoding}</source>
        <translation>{file}，工作表“{sheet}”，表头在第 {row} 行{encoding}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="41"/>
        <source>New: {new}, updated: {updated}, unchanged: {unchanged}; rows refused: {refused}, rows imported with problems: {with_problems} (of {rows} rows).</source>
        <translation>新增：{new}，更新：{updated}，未变：{unchanged}；未导入的行：{refused}，有问题但已导入的行：{with_problems}（共 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="45"/>
        <location filename="../../keepclient/cli_orders.py" line="59"/>
        <source>New salespeople: {names}</source>
        <translation>新增销售员：{names}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="120"/>
        <source>Problem report written to {path}</source>
        <translation>问题报告已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="128"/>
        <source>Nothing could be imported.</source>
        <translation>没有可以导入的内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="138"/>
        <source>Add --yes to import (or --dry-run to only preview).</source>
        <translation>加上 --yes 才会导入（或用 --dry-run 只预览）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="140"/>
        <source>Import now? [y/N] </source>
        <translation>现在导入吗？[y/N] </translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="58"/>
        <source>Left alone, because someone changed them after the preview: {names}</source>
        <translation>以下记录在预览后被他人修改，未作改动：{names}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="60"/>
        <location filename="../../keepclient/cli_orders.py" line="69"/>
        <source>Imported as import {batch}; undo with: keepclient undo-import {batch}</source>
        <translation>已导入，编号 {batch}；撤销命令：keepclient undo-import {batch}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="67"/>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_import.py" line="71"/>
        <source>  … {count} more problems (--report writes them all)</source>
        <translation>  … 另有 {count} 个问题（用 --report 可全部写出）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="329"/>
        <source>Export to a file ending in .xlsx, .csv or .json.</source>
        <translation>请导出为 .xlsx、.csv 或 .json 文件。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="334"/>
        <source>Exported {count} customers to {path}</source>
        <translation>已将 {count} 个客户导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="340"/>
        <source>Import {batch} undone.</source>
        <translation>导入 {batch} 已撤销。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="384"/>
        <source>{pages} pages with {visits} visits written to {path}</source>
        <translation>已将 {pages} 页（{visits} 次拜访）写入 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="398"/>
        <location filename="../../keepclient/cli.py" line="421"/>
        <location filename="../../keepclient/cli_kpis.py" line="42"/>
        <source>--to must not be before --from.</source>
        <translation>--to 不能早于 --from。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="409"/>
        <source>Exported {count} visits to {path}</source>
        <translation>已将 {count} 次拜访导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="428"/>
        <source>Feedback report ({pages} pages) written to {path}</source>
        <translation>反馈报表（{pages} 页）已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="435"/>
        <source>Feedback report written to {path}</source>
        <translation>反馈报表已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="436"/>
        <source>{open} open items ({overdue} overdue); {received} received from {first} to {last}.</source>
        <translation>未结 {open} 条（逾期 {overdue} 条）；{first} 至 {last} 共收到 {received} 条。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_backup.py" line="60"/>
        <source>Automatic backups kept: the newest of each of {daily} days, then of each of {weekly} weeks.</source>
        <translation>保留的自动备份：最近 {daily} 天每天最新的一份，再往前 {weekly} 周每周最新的一份。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_backup.py" line="85"/>
        <source>No backups of {path} yet.</source>
        <translation>{path} 还没有备份。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_backup.py" line="87"/>
        <source>Backups of {path}, newest first:</source>
        <translation>{path} 的备份（最新的在前）：</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_backup.py" line="88"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_backup.py" line="91"/>
        <source>{count} customers</source>
        <translation>{count} 个客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_backup.py" line="104"/>
        <source>Restored {backup} to {path} ({customers} customers).</source>
        <translation>已将 {backup} 恢复到 {path}（{customers} 个客户）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_backup.py" line="109"/>
        <source>Add --yes to replace {path} with the backup (or --to PATH to restore into a new file).</source>
        <translation>加上 --yes 才会用备份替换 {path}（或用 --to 路径 恢复到新文件）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_backup.py" line="112"/>
        <source>Replace {path} with {backup}? The current database is backed up first. Close keepclient on every computer using it. [y/N] </source>
        <translation>用 {backup} 替换 {path} 吗？会先备份当前数据库。请先在所有使用它的电脑上关闭 keepclient。[y/N] </translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_backup.py" line="118"/>
        <source>Restored {backup} over {path} ({customers} customers).</source>
        <translation>已用 {backup} 覆盖恢复 {path}（{customers} 个客户）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_backup.py" line="121"/>
        <source>The database as it was before is kept in {path}</source>
        <translation>恢复前的数据库保存在 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_orders.py" line="53"/>
        <source>Order lines new: {new}, already there: {present}, without a matching customer: {unmatched}; rows refused: {refused}, rows imported with problems: {with_problems} (of {rows} rows).</source>
        <translation>新订单行：{new}，已存在：{present}，无匹配客户：{unmatched}；拒绝的行：{refused}，有问题但已导入的行：{with_problems}（共 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_orders.py" line="57"/>
        <source>New customers: {count}</source>
        <translation>新客户：{count}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_team.py" line="69"/>
        <source>Monthly targets of {name}: revenue {revenue} {currency}, {visits} visits.</source>
        <translation>{name} 的月度目标：收入 {revenue} {currency}，拜访 {visits} 次。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_team.py" line="77"/>
        <source>The team&apos;s currency: {code}</source>
        <translation>团队的币种：{code}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_team.py" line="87"/>
        <source>No salespeople yet. Add one with: keepclient team add NAME</source>
        <translation>还没有业务员。添加：keepclient team add 姓名</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_team.py" line="89"/>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_team.py" line="97"/>
        <source>Added {name} (code {code}).</source>
        <translation>已添加 {name}（代码 {code}）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_team.py" line="105"/>
        <source>Renamed {old} to {new}.</source>
        <translation>已将 {old} 改名为 {new}。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_team.py" line="116"/>
        <source>{name} is deactivated; {count} customers are still theirs (hand them over with: keepclient team handover).</source>
        <translation>已停用 {name}；其名下仍有 {count} 个客户（移交：keepclient team handover）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_team.py" line="120"/>
        <source>{name} is active again.</source>
        <translation>{name} 已重新启用。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_team.py" line="132"/>
        <source>Handed over {customers} customers of {name}, with {visits} planned visits and {feedback} open feedback items.</source>
        <translation>已移交 {name} 的 {customers} 个客户，连同 {visits} 次已安排的拜访和 {feedback} 条未结反馈。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_team.py" line="138"/>
        <source>  to {name}: {count} customers</source>
        <translation>  给 {name}：{count} 个客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="103"/>
        <source>Tiers changed: {count}.</source>
        <translation>已修改等级：{count} 个。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="106"/>
        <source>{count} customers have a different suggested tier (pinned ones, marked *, are kept); apply with: keepclient tiers --apply</source>
        <translation>{count} 个客户的建议等级与当前不同（标 * 的为手动设置，将保留）；应用请运行：keepclient tiers --apply</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="113"/>
        <source>--min must be between 0 and 100.</source>
        <translation>--min 必须在 0 到 100 之间。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="129"/>
        <source>{count} customers at risk.</source>
        <translation>{count} 个客户有流失风险。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="160"/>
        <source>RFM {code}: recency {r}, frequency {f}, monetary {m} (1-5, 5 is best)</source>
        <translation>RFM {code}：最近购买 {r}，购买频率 {f}，消费金额 {m}（1-5，5 为最佳）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="162"/>
        <source>Lifetime value {ltv} = {yearly} a year (revenue {total} over {years} years) x {remaining} expected years (retention {retention}%)</source>
        <translation>客户终身价值 {ltv} = 每年 {yearly}（{years} 年营收 {total}）× 预计 {remaining} 年（留存率 {retention}%）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="167"/>
        <source>Risk {score}</source>
        <translation>风险 {score}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="190"/>
        <source>{name}={value} was refused: {reason} Nothing was changed.</source>
        <translation>{name}={value} 未被接受：{reason} 未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="201"/>
        <source>there is no such setting (the settings: {names}).</source>
        <translation>没有这个设置项（可用的设置：{names}）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="204"/>
        <source>the shares of revenue need 0 &lt; a_share &lt;= b_share &lt;= 1 (0.8 is 80%).</source>
        <translation>收入占比需满足 0 &lt; a_share &lt;= b_share &lt;= 1（0.8 即 80%）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="207"/>
        <source>ltv_floor_years must not be more than ltv_max_years.</source>
        <translation>ltv_floor_years 不能大于 ltv_max_years。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="213"/>
        <source>a whole number from {low} to {high} is needed.</source>
        <translation>需要 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="215"/>
        <source>a number from {low} to {high} is needed.</source>
        <translation>需要 {low} 到 {high} 之间的数。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="245"/>
        <source>{text} is not NAME=VALUE (for example at_risk_threshold=40). Nothing was changed.</source>
        <translation>{text} 不是 名称=值 的形式（例如 at_risk_threshold=40）。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="266"/>
        <source>(default {value})</source>
        <translation>（默认 {value}）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="269"/>
        <source>Settings saved; value and risk recomputed for {count} customers.</source>
        <translation>设置已保存；已为 {count} 个客户重新计算价值与风险。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_insights.py" line="272"/>
        <source>Change with: keepclient risk-settings NAME=VALUE ... (shares and drops as fractions: 0.8 is 80%)</source>
        <translation>修改方法：keepclient risk-settings 名称=值 …（占比和降幅用小数表示：0.8 即 80%）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_kpis.py" line="56"/>
        <source>KPI report ({pages} pages) written to {path}</source>
        <translation>KPI 报告（{pages} 页）已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_kpis.py" line="62"/>
        <source>KPI report written to {path}</source>
        <translation>KPI 报告已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_kpis.py" line="63"/>
        <source>{count} salespeople, {first} to {last}.</source>
        <translation>{count} 名业务员，{first} 至 {last}。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_care.py" line="92"/>
        <source>--month goes with --occasion birthday, and only with it.</source>
        <translation>--month 只能与 --occasion birthday 一起使用。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_care.py" line="96"/>
        <source>Tiers are A, B and C.</source>
        <translation>等级为 A、B 和 C。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_care.py" line="106"/>
        <source>Care list ({pages} pages) written to {path}</source>
        <translation>关怀名单（{pages} 页）已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_care.py" line="112"/>
        <source>Care list written to {path}</source>
        <translation>关怀名单已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_care.py" line="114"/>
        <source>{occasion} ({when}): {count} to greet.</source>
        <translation>{occasion}（{when}）：需问候 {count} 位。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_care.py" line="127"/>
        <source>Tiers are A, B and C; columns are {columns}.</source>
        <translation>等级为 A、B 和 C；可用的列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_care.py" line="139"/>
        <source>Customer list written to {path} (customers: {count}, pages: {pages})</source>
        <translation>客户名单已写入 {path}（{count} 个客户，{pages} 页）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="69"/>
        <source>A team server is named by a postgresql:// address, for example postgresql://admin@server/keepclient.</source>
        <translation>团队服务器要用 postgresql:// 地址指明，例如 postgresql://admin@server/keepclient。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="76"/>
        <source>Moved {rows} records in {tables} tables from {path} to {server}; every table&apos;s rows and checksum agree. The file was not changed.</source>
        <translation>已将 {path} 的 {rows} 条记录（{tables} 张表）迁移到 {server}；每张表的行数和校验和都一致。数据库文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="91"/>
        <source>Team server {server} prepared: keepclient&apos;s tables created (schema {schema}).</source>
        <translation>团队服务器 {server} 已准备好：已创建 keepclient 的数据表（架构 {schema}）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="94"/>
        <source>Team server {server} was prepared before (schema {schema}); nothing was changed.</source>
        <translation>团队服务器 {server} 之前已准备好（架构 {schema}），未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="109"/>
        <source>Give the new login&apos;s password with --password-stdin, or use --no-password.</source>
        <translation>请用 --password-stdin 提供新登录名的密码，或使用 --no-password。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="114"/>
        <source>Password for {login}: </source>
        <translation>{login} 的密码：</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="115"/>
        <source>Again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="116"/>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不一致；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="119"/>
        <source>An empty password is not a password: use --no-password for a login the server signs in another way.</source>
        <translation>密码不能为空：如果服务器用其他方式验证该登录名，请使用 --no-password。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="124"/>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="126"/>
        <source>salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="130"/>
        <source>Login {login} created on {server} as {role}{of}.</source>
        <translation>已在 {server} 上创建登录名 {login}，角色为{role}{of}。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="132"/>
        <source>The existing login {login} is now {role}{of} on {server}.</source>
        <translation>已有的登录名 {login} 现在在 {server} 上的角色为{role}{of}。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="127"/>
        <source> ({name})</source>
        <translation>（{name}）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="87"/>
        <source>Team server {server} brought up from layout {old} to layout {layout}; its data was kept.</source>
        <translation>团队服务器 {server} 已从布局 {old} 升级到布局 {layout}；数据保持不变。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="143"/>
        <source>Policy on {server}: own (a salesperson sees their own and unassigned customers; managers see all).</source>
        <translation>{server} 的可见范围：own（销售员只看到自己的和未分配的客户；经理看到全部）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="146"/>
        <source>Policy on {server}: open (everyone sees every customer).</source>
        <translation>{server} 的可见范围：open（每个人都能看到所有客户）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli_server.py" line="152"/>
        <source>No logins yet: add one with keepclient server add-user.</source>
        <translation>还没有登录名：请用 keepclient server add-user 添加。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="19"/>
        <source>Something went wrong: {detail}</source>
        <translation>出错了：{detail}</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="33"/>
        <source>The database is busy: a colleague is saving. Nothing was lost; please try again in a moment.</source>
        <translation>数据库正忙：有同事正在保存。没有丢失任何内容，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="40"/>
        <source>{path} was written by a newer keepclient (schema {found}, this version knows up to {known}). Please update keepclient; the file was not changed.</source>
        <translation>{path} 由更新版本的 keepclient 写入（结构版本 {found}，本版本最高支持 {known}）。请升级 keepclient；文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="49"/>
        <source>The team server {server} holds data of a newer keepclient (schema {found}, server layout {found_layout}; this version knows up to schema {known}, layout {known_layout}). Please update keepclient; nothing was changed.</source>
        <translation>团队服务器 {server} 上是较新版本 keepclient 的数据（架构 {found}，服务器布局 {found_layout}；本版本最高支持架构 {known}、布局 {known_layout}）。请更新 keepclient；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="59"/>
        <source>The team server {server} was prepared by an older keepclient (schema {found}, server layout {found_layout}; this version&apos;s: schema {known}, layout {known_layout}) and cannot be upgraded by this version. Nothing was changed.</source>
        <translation>团队服务器 {server} 由较旧版本的 keepclient 准备（架构 {found}，服务器布局 {found_layout}；本版本为架构 {known}、布局 {known_layout}），本版本无法升级它。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="69"/>
        <source>The database {server} already holds tables keepclient did not make ({tables}). Prepare an empty database for keepclient; nothing was changed.</source>
        <translation>数据库 {server} 中已有不是 keepclient 创建的数据表（{tables}）。请为 keepclient 准备一个空数据库；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="76"/>
        <source>This keepclient has no PostgreSQL driver, so it cannot use the team server {server}. Install keepclient again (its installers and `pip install keepclient` bring the driver, psycopg).</source>
        <translation>此 keepclient 没有 PostgreSQL 驱动，无法使用团队服务器 {server}。请重新安装 keepclient（安装程序和 `pip install keepclient` 都会带上驱动 psycopg）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="83"/>
        <source>The team server {server} is not prepared for this keepclient: run keepclient server init on it first. Nothing was changed.</source>
        <translation>团队服务器 {server} 尚未为此版本的 keepclient 准备好：请先在其上运行 keepclient server init。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="90"/>
        <source>The team server {server} already holds a team&apos;s data ({tables}): a database file is moved only into an empty server. Nothing was copied.</source>
        <translation>团队服务器 {server} 中已有团队数据（{tables}）：数据库文件只能迁移到空的服务器。未复制任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="97"/>
        <source>Moving to the team server {server} failed ({table}): {reason}. The server was left as it was, and the database file was not changed.</source>
        <translation>迁移到团队服务器 {server} 失败（{table}）：{reason}。服务器保持原样，数据库文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="104"/>
        <source>Moving to the team server {server} failed: the table {table} did not come back as it went in ({landed} of {copied} rows came back, or their contents differ). The server was left as it was, and the database file was not changed.</source>
        <translation>迁移到团队服务器 {server} 失败：表 {table} 读回的内容与写入的不一致（写入 {copied} 行，读回 {landed} 行，或内容不同）。服务器保持原样，数据库文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="112"/>
        <source>{path} was written by an older keepclient (schema {found}; this version&apos;s is {known}). Open it once with this keepclient to upgrade it, then move it. It was not changed.</source>
        <translation>{path} 由较旧版本的 keepclient 写入（架构 {found}；本版本为 {known}）。请先用此版本的 keepclient 打开一次以完成升级，然后再迁移。文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="119"/>
        <source>The team server {server} did not allow this login to do that: {reason}. Nothing was changed.</source>
        <translation>团队服务器 {server} 不允许此登录名执行该操作：{reason}。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="125"/>
        <source>The team server {server} has no salesperson named or coded {name} (the team: {known}). Add the salesperson first, or name another with --salesperson. Nothing was changed.</source>
        <translation>团队服务器 {server} 上没有名称或编号为 {name} 的销售员（团队：{known}）。请先添加该销售员，或用 --salesperson 指定其他人。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="132"/>
        <source>{server} is a team server: it is backed up on the server, with pg_dump (see Team servers in the README). Nothing was written.</source>
        <translation>{server} 是团队服务器：它在服务器上用 pg_dump 备份（见 README 中的“团队服务器”）。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="139"/>
        <source>The team server {server} could not be used: {reason}</source>
        <translation>无法使用团队服务器 {server}：{reason}</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="144"/>
        <source>{path} is not a database file. It was not changed.</source>
        <translation>{path} 不是数据库文件。文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="149"/>
        <source>{path} is a database of another program, not of keepclient. It was not changed.</source>
        <translation>{path} 是其他程序的数据库，不是 keepclient 的。文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="158"/>
        <source>Could not write to {path}: {reason}. Work saved before this moment is safe.</source>
        <translation>无法写入 {path}：{reason}。此前已保存的内容是安全的。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="165"/>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="172"/>
        <source>Could not save to {path}: {reason}. This change was not saved; work saved before it is safe. Free some disk space or check the connection to the folder, then try again.</source>
        <translation>无法保存到 {path}：{reason}。此次修改没有保存；之前保存的内容是安全的。请腾出一些磁盘空间或检查与该文件夹的连接，然后重试。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="180"/>
        <source>{path} was deleted, moved or replaced (for example by a sync program) after keepclient opened it. Nothing more was saved; open the database again.</source>
        <translation>keepclient 打开 {path} 之后，它被删除、移动或替换了（例如被同步程序）。之后没有再保存任何内容；请重新打开数据库。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="188"/>
        <source>{path} is read-only (the file or its folder cannot be written), so it is open for reading only and changes cannot be saved.</source>
        <translation>{path} 是只读的（文件或其文件夹无法写入），因此只能查看，无法保存修改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="194"/>
        <source>{path} was written by an older keepclient and must be upgraded before it can be used, but it is read-only (the file or its folder cannot be written). It was not changed.</source>
        <translation>{path} 由旧版 keepclient 写入，需要升级后才能使用，但它是只读的（文件或其文件夹无法写入）。文件未被修改。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="202"/>
        <source>The folder of {path} does not support the file locking a shared database needs ({reason}), so colleagues&apos; saves could overwrite each other. It was not opened; use a different shared folder or open it as a local database.</source>
        <translation>{path} 所在的文件夹不支持共享数据库所需的文件锁（{reason}），同事的保存可能会互相覆盖。因此没有打开它；请换一个共享文件夹，或作为本地数据库打开。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="209"/>
        <source>{path} is empty (0 bytes): it holds no database. It was not changed; to start a new database there, create one (New database, or --create).</source>
        <translation>{path} 是空文件（0 字节），里面没有数据库。文件未被修改；如要在此新建数据库，请用“新建数据库”或 --create。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="218"/>
        <source>{path} is damaged ({detail}). Nothing was written to it or copied from it. Restore it from a backup (keepclient restore).</source>
        <translation>{path} 已损坏（{detail}）。没有向它写入，也没有从它复制任何内容。请从备份恢复（keepclient restore）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="227"/>
        <source>{value} contains a NUL character or bytes that are not text in this system&apos;s encoding. Nothing was done.</source>
        <translation>{value} 含有 NUL 字符或不符合本系统编码的字节。未执行任何操作。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="236"/>
        <source>Someone else changed this {table} record (version {theirs_version}) after you opened it (version {yours_version}). Nothing was overwritten.</source>
        <translation>在您打开这条{table}记录（版本 {yours_version}）之后，其他人已修改了它（版本 {theirs_version}）。没有覆盖任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="256"/>
        <source>{value} is not valid here.</source>
        <translation>{value} 在此处无效。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="265"/>
        <source>&quot;{value}&quot; is not a valid phone number.</source>
        <translation>“{value}”不是有效的电话号码。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="269"/>
        <source>&quot;{value}&quot; is not a valid email address.</source>
        <translation>“{value}”不是有效的邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="273"/>
        <source>This field cannot be empty.</source>
        <translation>此项不能为空。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="277"/>
        <source>&quot;{value}&quot; is not a possible date.</source>
        <translation>“{value}”不是有效的日期。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="281"/>
        <source>Holidays are known for the years {first} to {last}, not {value}.</source>
        <translation>节日只能计算 {first} 年至 {last} 年，不能计算 {value} 年。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="285"/>
        <source>The {table} record {record_id} no longer exists.</source>
        <translation>{table}记录 {record_id} 已不存在。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="290"/>
        <source>The database already holds {customers} customers; demo data is only added with --append.</source>
        <translation>数据库中已有 {customers} 个客户；只有加上 --append 才会追加演示数据。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="299"/>
        <source>{name} cannot be read: {reason} Nothing was imported.</source>
        <translation>无法读取 {name}：{reason} 没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="304"/>
        <source>{name} is not a spreadsheet keepclient can read (.xlsx, .xlsm, .xls, .ods, .csv, .txt). Nothing was imported.</source>
        <translation>{name} 不是 keepclient 能读取的表格文件（.xlsx、.xlsm、.xls、.ods、.csv、.txt）。没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="310"/>
        <source>{name} is damaged or incomplete and cannot be read. Nothing was imported.</source>
        <translation>{name} 已损坏或不完整，无法读取。没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="315"/>
        <source>{name} is protected by a password. Open it in Excel or WPS, save it without a password, and import that copy. Nothing was imported.</source>
        <translation>{name} 设有密码保护。请在 Excel 或 WPS 中打开，另存为不带密码的副本后再导入。没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="321"/>
        <source>{name} is too large to import safely ({reason}). Nothing was imported.</source>
        <translation>{name} 太大，无法安全导入（{reason}）。没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="326"/>
        <source>The sheet &quot;{sheet}&quot; of {name} has no rows to import.</source>
        <translation>{name} 的工作表“{sheet}”中没有可导入的行。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="332"/>
        <source>{count} imported records were changed after the import. Undo anyway to discard those changes?</source>
        <translation>有 {count} 条导入的记录在导入后被修改过。仍要撤销并丢弃这些修改吗？</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="342"/>
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消，没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="349"/>
        <source>{path} already exists. Choose another name; nothing was changed.</source>
        <translation>{path} 已存在。请换一个名字；没有修改任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="355"/>
        <source>The copy of {source} failed its integrity check ({reason}), so it was not kept. The database may be damaged: run `keepclient check`.</source>
        <translation>{source} 的副本未通过完整性检查（{reason}），因此没有保留。数据库可能已损坏：请运行 `keepclient check`。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="364"/>
        <source>{path} is damaged or incomplete ({reason}) and cannot be restored. Nothing was changed.</source>
        <translation>{path} 已损坏或不完整（{reason}），无法恢复。没有修改任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="372"/>
        <source>{path} is not a keepclient backup (it is a database of another program). Nothing was changed.</source>
        <translation>{path} 不是 keepclient 的备份（它是其他程序的数据库）。没有修改任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="378"/>
        <source>There is already a salesperson called &quot;{value}&quot;.</source>
        <translation>已经有名为“{value}”的业务员。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="382"/>
        <source>The code &quot;{value}&quot; is already used by {name}.</source>
        <translation>代码“{value}”已被 {name} 使用。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="386"/>
        <source>&quot;{value}&quot; is not a colour; use the form #rrggbb.</source>
        <translation>“{value}”不是颜色；请使用 #rrggbb 格式。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="392"/>
        <source>{value} is no longer active and cannot take on customers.</source>
        <translation>{value} 已停用，不能再接收客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="396"/>
        <source>Choose at least one colleague other than {value} to hand the customers over to.</source>
        <translation>请至少选择一位 {value} 以外的同事来接收客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="402"/>
        <source>There is no salesperson called &quot;{value}&quot;.</source>
        <translation>没有名为“{value}”的业务员。</translation>
    </message>
</context>
<context>
    <name>insights</name>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="216"/>
        <source>no visit for %1 days, due every %2</source>
        <translation>已 %1 天未拜访，应每 %2 天一次</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="217"/>
        <source>no order for %1 days, usually every %2</source>
        <translation>已 %1 天未下单，通常每 %2 天一次</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="218"/>
        <source>revenue %1% year on year</source>
        <translation>营收同比 %1%</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="219"/>
        <source>%1 complaints open, %2 overdue</source>
        <translation>%1 个投诉未结，%2 个逾期</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="220"/>
        <source>satisfaction %1 over the last three scores</source>
        <translation>最近三次满意度 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="221"/>
        <source>%1 visits missed or cancelled in 90 days</source>
        <translation>90 天内 %1 次拜访未完成或取消</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="224"/>
        <source>1 complaint open, %2 overdue</source>
        <translation>1 个投诉未结，%2 个逾期</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="225"/>
        <source>1 visit missed or cancelled in 90 days</source>
        <translation>90 天内 1 次拜访未完成或取消</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="228"/>
        <source>Resolve the open complaint first</source>
        <translation>先处理未结投诉</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="229"/>
        <location filename="../../keepclient/domain/insights.py" line="233"/>
        <source>Plan a visit</source>
        <translation>安排拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="230"/>
        <source>Call about their next order</source>
        <translation>打电话询问下一笔订单</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="231"/>
        <source>Visit to ask what changed</source>
        <translation>上门了解发生了什么变化</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/insights.py" line="232"/>
        <source>Call to ask how we can do better</source>
        <translation>打电话询问如何改进</translation>
    </message>
</context>
<context>
    <name>kpis</name>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="56"/>
        <source>Visits planned</source>
        <translation>计划拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="57"/>
        <source>Visits done</source>
        <translation>完成拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="58"/>
        <source>Visits missed</source>
        <translation>错过拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="59"/>
        <source>Visits cancelled</source>
        <translation>取消拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="60"/>
        <source>Follow-up on time</source>
        <translation>按时回访率</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="61"/>
        <source>Overdue now</source>
        <translation>当前逾期</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="62"/>
        <source>Coverage of A customers</source>
        <translation>A 级客户覆盖率</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="63"/>
        <source>First response (median hours)</source>
        <translation>首次响应（中位数，小时）</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="64"/>
        <source>First response on time</source>
        <translation>首次响应及时率</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="65"/>
        <source>Resolution (median hours)</source>
        <translation>解决用时（中位数，小时）</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="66"/>
        <source>Resolution on time</source>
        <translation>按时解决率</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="67"/>
        <source>Average satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="68"/>
        <source>Retention</source>
        <translation>客户保留率</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="69"/>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="70"/>
        <source>Lost customers</source>
        <translation>流失客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="71"/>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="72"/>
        <source>Average order value</source>
        <translation>平均订单金额</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="79"/>
        <location filename="../../keepclient/domain/kpis.py" line="81"/>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="80"/>
        <source>%1 against a target of %2</source>
        <translation>%1，目标 %2</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="82"/>
        <source>median of %1 items, target %2 h</source>
        <translation>%1 条的中位数，目标 %2 小时</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="83"/>
        <source>%1 over %2</source>
        <translation>%1 ÷ %2</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/kpis.py" line="84"/>
        <source>nothing to count</source>
        <translation>没有可计算的数据</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="72"/>
        <source>A (high)</source>
        <translation>A（高）</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="73"/>
        <source>B (medium)</source>
        <translation>B（中）</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="74"/>
        <source>C (low)</source>
        <translation>C（低）</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="77"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="78"/>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="81"/>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="84"/>
        <source>Mature</source>
        <translation>成熟</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="85"/>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="86"/>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="87"/>
        <source>Won back</source>
        <translation>已挽回</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="90"/>
        <location filename="../../keepclient/domain/labels.py" line="96"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="91"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="93"/>
        <location filename="../../keepclient/domain/labels.py" line="99"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/care_list.py" line="27"/>
        <location filename="../../keepclient/exporting/ics.py" line="37"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/care_list.py" line="28"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/care_list.py" line="29"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/care_list.py" line="32"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/care_list.py" line="33"/>
        <source>Last gift</source>
        <translation>上次礼品</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/care_list.py" line="34"/>
        <source>Last gift on</source>
        <translation>上次送礼日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/care_list.py" line="35"/>
        <source>Given this year</source>
        <translation>今年已送</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/care_list.py" line="36"/>
        <source>Care list</source>
        <translation>关怀名单</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="97"/>
        <location filename="../../keepclient/exporting/care_list.py" line="30"/>
        <location filename="../../keepclient/exporting/ics.py" line="38"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/ics.py" line="39"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/ics.py" line="40"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/ics.py" line="41"/>
        <location filename="../../keepclient/exporting/kpis.py" line="24"/>
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="33"/>
        <location filename="../../keepclient/exporting/ics.py" line="42"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="103"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="104"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="105"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="106"/>
        <source>Missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="109"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="110"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="111"/>
        <source>Request</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="112"/>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="115"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="116"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="117"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="118"/>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="119"/>
        <source>Trust</source>
        <translation>信任</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="100"/>
        <location filename="../../keepclient/domain/labels.py" line="120"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="82"/>
        <source>New</source>
        <comment>customer stage</comment>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="83"/>
        <source>Active</source>
        <comment>customer stage</comment>
        <translation>活跃</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="92"/>
        <location filename="../../keepclient/domain/labels.py" line="98"/>
        <source>Email</source>
        <comment>way of contact</comment>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="123"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="124"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="125"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="126"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="130"/>
        <source>New</source>
        <comment>feedback status</comment>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="131"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="132"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="133"/>
        <source>Replied to customer</source>
        <translation>已回复客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="134"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/care_list.py" line="24"/>
        <location filename="../../keepclient/exporting/feedback_report.py" line="27"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="28"/>
        <source>Feedback ID</source>
        <translation>反馈编号</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/care_list.py" line="25"/>
        <location filename="../../keepclient/exporting/feedback_report.py" line="29"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="30"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="31"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="32"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="34"/>
        <source>Age (days)</source>
        <translation>已过天数</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="35"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="36"/>
        <location filename="../../keepclient/exporting/kpis.py" line="33"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="37"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="38"/>
        <source>Median first response (hours)</source>
        <translation>首次响应中位数（小时）</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="39"/>
        <source>Median resolution (days)</source>
        <translation>解决用时中位数（天）</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="40"/>
        <source>Open feedback</source>
        <translation>未结反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="41"/>
        <location filename="../../keepclient/exporting/kpis.py" line="35"/>
        <source>Monthly</source>
        <translation>月度</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/feedback_report.py" line="42"/>
        <source>Feedback report</source>
        <translation>反馈报表</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="148"/>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="149"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="151"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="152"/>
        <location filename="../../keepclient/exporting/care_list.py" line="23"/>
        <location filename="../../keepclient/exporting/feedback_report.py" line="26"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="153"/>
        <location filename="../../keepclient/exporting/care_list.py" line="26"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="154"/>
        <source>Tier set by hand</source>
        <translation>手动设置等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="155"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="156"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="157"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="158"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="159"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="160"/>
        <source>Region</source>
        <translation>省份/地区</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="161"/>
        <location filename="../../keepclient/exporting/care_list.py" line="31"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="162"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="163"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="164"/>
        <source>Follow-up interval</source>
        <translation>跟进间隔</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="165"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="166"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="167"/>
        <source>Moved to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/labels.py" line="150"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/kpis.py" line="25"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/kpis.py" line="26"/>
        <source>Active</source>
        <comment>salesperson at work</comment>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/kpis.py" line="27"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/kpis.py" line="28"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/kpis.py" line="29"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/kpis.py" line="30"/>
        <source>Visit target</source>
        <translation>拜访目标</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/kpis.py" line="31"/>
        <source>Revenue target</source>
        <translation>收入目标</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/kpis.py" line="32"/>
        <source>Revenue against target</source>
        <translation>收入目标完成率</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/kpis.py" line="34"/>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location filename="../../keepclient/exporting/kpis.py" line="36"/>
        <source>KPI report</source>
        <translation>KPI 报告</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="20"/>
        <source>Week schedule</source>
        <translation>周日程表</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="21"/>
        <source>Day route sheet</source>
        <translation>当日路线单</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="22"/>
        <source>Month overview</source>
        <translation>月度总览</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="25"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="26"/>
        <source>sheet {sheet}/{sheets}</source>
        <translation>第 {sheet}/{sheets} 张</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="27"/>
        <source>Printed {when}</source>
        <translation>打印于 {when}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="28"/>
        <source>Week {week}: {first} – {last}</source>
        <translation>第 {week} 周：{first} – {last}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="29"/>
        <source>Visits: {count}</source>
        <translation>拜访：{count} 次</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="30"/>
        <source>No visits in this period.</source>
        <translation>这段时间没有拜访。</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="31"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="32"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="33"/>
        <source>Customer / contact</source>
        <translation>客户 / 联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="34"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="35"/>
        <source>Purpose / last visit</source>
        <translation>目的 / 上次拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="36"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="37"/>
        <source>Last visit: {note}</source>
        <translation>上次拜访：{note}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="39"/>
        <source>ddd d MMM</source>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/strings.py" line="40"/>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="41"/>
        <source>Feedback report {first} – {last}</source>
        <translation>反馈报表 {first} – {last}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="42"/>
        <source>Open feedback by owner</source>
        <translation>按负责人列出的未结反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="43"/>
        <source>Open on {when}: {count} items, {overdue} overdue</source>
        <translation>截至 {when} 未结：{count} 条，逾期 {overdue} 条</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="44"/>
        <source>{owner}: {count} open, {overdue} overdue</source>
        <translation>{owner}：未结 {count} 条，逾期 {overdue} 条</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="33"/>
        <location filename="../../keepclient/printing/feedback_report.py" line="45"/>
        <source>{owner} (continued)</source>
        <translation>{owner}（续）</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="46"/>
        <source>No open feedback.</source>
        <translation>没有未结反馈。</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="47"/>
        <source>Monthly feedback by category</source>
        <translation>按类别的月度反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="48"/>
        <source>Received {first} – {last}: {count} items. Each cell: items, median time to first response, median time to resolution.</source>
        <translation>{first} – {last} 收到：{count} 条。每格：条数、首次响应用时中位数、解决用时中位数。</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="51"/>
        <source>No feedback received in this period.</source>
        <translation>这段时间没有收到反馈。</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="25"/>
        <source>Care list</source>
        <translation>关怀名单</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="26"/>
        <source>Care list: {occasion} {year}</source>
        <translation>关怀名单：{year} {occasion}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="27"/>
        <source>{occasion} falls on {date}. {count} customers.</source>
        <translation>{occasion}在 {date}。共 {count} 个客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="28"/>
        <source>{occasion} does not fall in {year}. {count} customers.</source>
        <translation>{year} 年没有{occasion}。共 {count} 个客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="29"/>
        <source>Care list: birthdays in {month}</source>
        <translation>关怀名单：{month}生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="30"/>
        <source>{count} contacts with a birthday in {month}.</source>
        <translation>{month}有 {count} 位联系人过生日。</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="31"/>
        <source>Tiers: {tiers}</source>
        <translation>等级：{tiers}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="32"/>
        <source>{owner}: {count}</source>
        <translation>{owner}：{count}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="34"/>
        <location filename="../../keepclient/printing/customer_list.py" line="30"/>
        <source>No customers to list.</source>
        <translation>没有要列出的客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="35"/>
        <location filename="../../keepclient/printing/customer_list.py" line="31"/>
        <location filename="../../keepclient/printing/feedback_report.py" line="52"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="36"/>
        <location filename="../../keepclient/printing/feedback_report.py" line="53"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="37"/>
        <location filename="../../keepclient/printing/customer_list.py" line="57"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="38"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="39"/>
        <location filename="../../keepclient/printing/customer_list.py" line="61"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="40"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="41"/>
        <source>Last gift</source>
        <translation>上次礼品</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="42"/>
        <source>{year}: {item}</source>
        <translation>{year}：{item}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="43"/>
        <source>Given / notes</source>
        <translation>已送 / 备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/care_list.py" line="44"/>
        <source>Already given: {item}</source>
        <translation>已送：{item}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="54"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="55"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="56"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="57"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="58"/>
        <source>Age (days)</source>
        <translation>已过天数</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="59"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="60"/>
        <source>OVERDUE</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="61"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="62"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="63"/>
        <source>Response {value}</source>
        <translation>响应 {value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="64"/>
        <source>Resolution {value}</source>
        <translation>解决 {value}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="65"/>
        <location filename="../../keepclient/printing/kpi_report.py" line="98"/>
        <source>{value} h</source>
        <translation>{value} 小时</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/feedback_report.py" line="66"/>
        <source>{value} d</source>
        <translation>{value} 天</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="37"/>
        <source>KPI report {first} – {last}</source>
        <translation>KPI 报告 {first} – {last}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="38"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="39"/>
        <source>{count} salespeople; overdue counted on {today}</source>
        <translation>{count} 名业务员；逾期按 {today} 计算</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="40"/>
        <source>Code {code}; monthly targets: revenue {revenue}, visits {visits}</source>
        <translation>代码 {code}；月度目标：收入 {revenue}，拜访 {visits} 次</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="41"/>
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="42"/>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="43"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="44"/>
        <source>How it was counted</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="45"/>
        <source>{value} of {target} target ({share})</source>
        <translation>{value}，目标 {target}（{share}）</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="46"/>
        <source>Visits done {visits}; revenue {revenue}</source>
        <translation>完成拜访 {visits} 次；收入 {revenue}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="47"/>
        <source>targets: {visits} visits, {revenue}</source>
        <translation>目标：拜访 {visits} 次，{revenue}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="48"/>
        <source>Revenue {revenue}; visits done {visits}; follow-up on time {share}</source>
        <translation>收入 {revenue}；完成拜访 {visits} 次；按时回访率 {share}</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="49"/>
        <source>Visits done per month</source>
        <translation>每月完成拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="50"/>
        <source>Revenue per month ({currency})</source>
        <translation>每月收入（{currency}）</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="51"/>
        <source>Revenue against target per salesperson ({currency}), highest attainment first</source>
        <translation>各业务员收入与目标对比（{currency}），完成率最高的在前</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="53"/>
        <source>Revenue per salesperson ({currency}), highest first</source>
        <translation>各业务员收入（{currency}），最高的在前</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="54"/>
        <source>Team total</source>
        <translation>团队合计</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="55"/>
        <source>Team total (bars)</source>
        <translation>团队合计（柱形）</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="56"/>
        <source>Top {count} salespeople (lines)</source>
        <translation>前 {count} 名业务员（折线）</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="57"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="58"/>
        <source>Visits done</source>
        <translation>完成拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="59"/>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/kpi_report.py" line="60"/>
        <source>{value} ({share} of target)</source>
        <translation>{value}（目标的 {share}）</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="28"/>
        <source>Customer list</source>
        <translation>客户列表</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="29"/>
        <source>Customers: {count}</source>
        <translation>客户：{count} 位</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="56"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="58"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="59"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="60"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="62"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="64"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="66"/>
        <source>Open feedback</source>
        <translation>未结反馈</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="68"/>
        <source>Revenue (12 mo)</source>
        <translation>近12个月营收</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="70"/>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location filename="../../keepclient/printing/customer_list.py" line="71"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
</context>
</TS>
