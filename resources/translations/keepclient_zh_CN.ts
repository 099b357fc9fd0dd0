<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerArea</name>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="29"/>
        <source>No customers yet.
Import your contact list, or load demo data to look around first.</source>
        <translation>还没有客户。
请导入您的客户名单，或先加载演示数据看看。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/area.py" line="33"/>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPane</name>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="28"/>
        <source>Select a customer to see the details.</source>
        <translation>选择一个客户以查看详情。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="40"/>
        <source>Profile</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="43"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="43"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="43"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="43"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="44"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="44"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="44"/>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="59"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="45"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="45"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="45"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="46"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="46"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="59"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="59"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="59"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="60"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="61"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="67"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="67"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="67"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/detail_pane.py" line="69"/>
        <source>Timeline</source>
        <translation>往来记录</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="18"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="19"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="20"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="21"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="22"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="23"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="24"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="25"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/customers/list_view.py" line="26"/>
        <source>Open feedback</source>
        <translation>未结反馈</translation>
    </message>
</context>
<context>
    <name>FeedbackLog</name>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="33"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="34"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="35"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="36"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="37"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="38"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="39"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="40"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message numerus="yes">
        <location filename="../../keepclient/ui/feedback/log_view.py" line="46"/>
        <source>%n feedback item(s)</source>
        <translation>
            <numerusform>共 %n 条反馈</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/feedback/log_view.py" line="47"/>
        <source>No feedback recorded yet.</source>
        <translation>还没有反馈记录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="62"/>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="63"/>
        <source>C&amp;alendar</source>
        <translation>拜访日历(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="64"/>
        <source>&amp;Feedback</source>
        <translation>反馈(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="96"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="97"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="98"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="100"/>
        <source>Open &amp;shared database…</source>
        <translation>打开共享数据库(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="102"/>
        <source>&amp;Backup…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="103"/>
        <source>Load &amp;demo data</source>
        <translation>加载演示数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="104"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="109"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="110"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="112"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="119"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="120"/>
        <source>&amp;About keepclient</source>
        <translation>关于 keepclient(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="131"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="142"/>
        <source>Database upgraded; the previous version was saved as %1</source>
        <translation>数据库已升级；升级前的版本已保存为 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="145"/>
        <source>Database in a synced folder</source>
        <translation>数据库位于同步文件夹中</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="146"/>
        <source>This database is in a folder synced by %1. Never open it from two computers at once: the sync service can silently keep one copy and drop the other&apos;s changes. For a team, use a shared network folder (File › Open shared database).</source>
        <translation>此数据库位于 %1 同步的文件夹中。切勿在两台电脑上同时打开：同步服务可能悄悄保留一份副本而丢弃另一台电脑的修改。团队共用请使用网络共享文件夹（文件 › 打开共享数据库）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="156"/>
        <source>Empty database</source>
        <translation>空数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="157"/>
        <source>This database has no customers yet. Load demo data (%1 customers) to look around?</source>
        <translation>此数据库还没有客户。要加载演示数据（%1 个客户）看看吗？</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="167"/>
        <source>Shared database</source>
        <translation>共享数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="168"/>
        <source>Opened for a network folder: rollback journal, full sync.</source>
        <translation>按网络共享文件夹方式打开：回滚日志，完全同步写入。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="170"/>
        <source>Local database</source>
        <translation>本地数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="171"/>
        <source>Opened as a local file (write-ahead log).</source>
        <translation>按本地文件方式打开（预写日志）。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="194"/>
        <source>Cannot read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="201"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="206"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="211"/>
        <source>Open or create a shared database</source>
        <translation>打开或新建共享数据库</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="220"/>
        <source>Generating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="220"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="235"/>
        <source>Demo data loaded: %1 customers.</source>
        <translation>演示数据已加载：%1 个客户。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="243"/>
        <source>keepclient</source>
        <translation>keepclient</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="245"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="260"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="262"/>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="269"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="269"/>
        <source>The new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="272"/>
        <source>About keepclient</source>
        <translation>关于 keepclient</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/main_window.py" line="273"/>
        <source>keepclient %1
Customer follow-up for small sales teams.</source>
        <translation>keepclient %1
为小型销售团队打造的客情维护工具。</translation>
    </message>
</context>
<context>
    <name>WeekAgenda</name>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="85"/>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="87"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="89"/>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="103"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="103"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="103"/>
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="103"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="103"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="104"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="104"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="104"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/calendar/week_view.py" line="117"/>
        <source>No visits planned this week.</source>
        <translation>本周没有安排拜访。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../keepclient/cli.py" line="109"/>
        <source>--customers must be at least 1.</source>
        <translation>--customers 至少为 1。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="117"/>
        <source>Generating demo data: {done} / {total} customers ({percent}%)</source>
        <translation>正在生成演示数据：{done} / {total} 个客户（{percent}%）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="126"/>
        <source>Demo data in {path}: {customers} customers, {contacts} contacts, {visits} visits, {feedback} feedback items, {purchases} purchases, {salespeople} salespeople.</source>
        <translation>演示数据已写入 {path}：{customers} 个客户、{contacts} 个联系人、{visits} 次拜访、{feedback} 条反馈、{purchases} 笔购买、{salespeople} 名销售员。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="136"/>
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="148"/>
        <source>Database: {path} ({mode})</source>
        <translation>数据库：{path}（{mode}）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="149"/>
        <source>Integrity: {result}</source>
        <translation>完整性：{result}</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="150"/>
        <source>Schema version: {version} (last upgraded by keepclient {app})</source>
        <translation>结构版本：{version}（最近由 keepclient {app} 升级）</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="159"/>
        <source>--limit must be at least 1.</source>
        <translation>--limit 至少为 1。</translation>
    </message>
    <message>
        <location filename="../../keepclient/cli.py" line="166"/>
        <source>No customer matches &quot;{query}&quot;.</source>
        <translation>没有客户匹配“{query}”。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="21"/>
        <source>Something went wrong: {detail}</source>
        <translation>出错了：{detail}</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="35"/>
        <source>The database is busy: a colleague is saving. Nothing was lost; please try again in a moment.</source>
        <translation>数据库正忙：有同事正在保存。没有丢失任何内容，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="42"/>
        <source>{path} was written by a newer keepclient (schema {found}, this version knows up to {known}). Please update keepclient; the file was not changed.</source>
        <translation>{path} 由更新版本的 keepclient 写入（结构版本 {found}，本版本最高支持 {known}）。请升级 keepclient；文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="51"/>
        <source>{path} is not a database file. It was not changed.</source>
        <translation>{path} 不是数据库文件。文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="56"/>
        <source>{path} is a database of another program, not of keepclient. It was not changed.</source>
        <translation>{path} 是其他程序的数据库，不是 keepclient 的。文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="65"/>
        <source>Could not write to {path}: {reason}. Work saved before this moment is safe.</source>
        <translation>无法写入 {path}：{reason}。此前已保存的内容是安全的。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="72"/>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="79"/>
        <source>Someone else changed this {table} record (version {theirs_version}) after you opened it (version {yours_version}). Nothing was overwritten.</source>
        <translation>在您打开这条{table}记录（版本 {yours_version}）之后，其他人已修改了它（版本 {theirs_version}）。没有覆盖任何内容。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="99"/>
        <source>{value} is not valid here.</source>
        <translation>{value} 在此处无效。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="108"/>
        <source>&quot;{value}&quot; is not a valid phone number.</source>
        <translation>“{value}”不是有效的电话号码。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="112"/>
        <source>&quot;{value}&quot; is not a valid email address.</source>
        <translation>“{value}”不是有效的邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="116"/>
        <source>This field cannot be empty.</source>
        <translation>此项不能为空。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="120"/>
        <source>&quot;{value}&quot; is not a possible date.</source>
        <translation>“{value}”不是有效的日期。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="124"/>
        <source>The {table} record {record_id} no longer exists.</source>
        <translation>{table}记录 {record_id} 已不存在。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="129"/>
        <source>The database already holds {customers} customers; demo data is only added with --append.</source>
        <translation>数据库中已有 {customers} 个客户；只有加上 --append 才会追加演示数据。</translation>
    </message>
    <message>
        <location filename="../../keepclient/domain/errors.py" line="136"/>
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消，没有写入任何内容。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="10"/>
        <source>A (high)</source>
        <translation>A（高）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="11"/>
        <source>B (medium)</source>
        <translation>B（中）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="12"/>
        <source>C (low)</source>
        <translation>C（低）</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="13"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="14"/>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="15"/>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="16"/>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="17"/>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="18"/>
        <source>Mature</source>
        <translation>成熟</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="19"/>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="20"/>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="21"/>
        <source>Won back</source>
        <translation>已挽回</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="22"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="23"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="24"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="25"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="26"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="27"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="28"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="29"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="30"/>
        <source>Missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="31"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="32"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="33"/>
        <source>Request</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="34"/>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="35"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="36"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="37"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="38"/>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="39"/>
        <source>Trust</source>
        <translation>信任</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="40"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="41"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="42"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="43"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="44"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="45"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="46"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="47"/>
        <source>Replied to customer</source>
        <translation>已回复客户</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="48"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="49"/>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../../keepclient/ui/labels.py" line="50"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
</context>
</TS>
