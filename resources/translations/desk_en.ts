<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdminController</name>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="37"/>
        <source>导出传输包…</source>
        <translation>Export Transfer Package…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="38"/>
        <source>导入传输包…</source>
        <translation>Import Transfer Package…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="39"/>
        <source>备份数据库…</source>
        <translation>Back Up Database…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="40"/>
        <source>从备份恢复…</source>
        <translation>Restore from Backup…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="41"/>
        <source>部门词库…</source>
        <translation>Department lexicon…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="42"/>
        <source>错敏/表述规则包…</source>
        <translation>Error and Wording Rule Packs…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="43"/>
        <source>目录设置…</source>
        <translation>Catalog settings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="44"/>
        <source>传输包密钥…</source>
        <translation>Transfer Package Keys…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="45"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="47"/>
        <source>日志窗口</source>
        <translation>Log window</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="48"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="80"/>
        <source>导出传输包</source>
        <translation>Export transfer package</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="80"/>
        <source>签名私钥的口令：</source>
        <translation>Passphrase of the signing key:</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="90"/>
        <source>传输包已导出：序号 {sequence}，{items} 项，{path}</source>
        <translation>Transfer package exported: sequence {sequence}, {items} items, {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="104"/>
        <source>选择传输包</source>
        <translation>Choose transfer package</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="112"/>
        <source>传输包已导入：发布 {published}，撤回 {withdrawn}，有效性变更 {changed}。</source>
        <translation>Transfer package imported: {published} published, {withdrawn} withdrawn, {changed} validity changes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="116"/>
        <source>重号未导入：{numbers}。</source>
        <translation>Duplicate numbers not imported: {numbers}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="130"/>
        <source>数据库已备份到 {path}（SHA-256 {sha}…）</source>
        <translation>Database backed up to {path} (SHA-256 {sha}…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="142"/>
        <source>选择备份文件</source>
        <translation>Choose backup file</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="149"/>
        <source>用备份替换当前数据库？当前数据库会先另存到数据目录的 backups 中。恢复后审发台将退出，请重新启动。</source>
        <translation>Replace the current database with the backup? The current database is first kept in the data directory&apos;s backups. The desk quits after restoring; start it again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="152"/>
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="152"/>
        <source>请输入您的密码以确认：</source>
        <translation>Enter your password to confirm:</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="192"/>
        <source>设置已保存，下次启动时生效。</source>
        <translation>Settings saved; they take effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="197"/>
        <source>关于政务公开审发台</source>
        <translation>About Disclosure Desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/admin.py" line="198"/>
        <source>政务公开审发台 Disclosure Desk
先审查、后公开。

数据目录：{path}</source>
        <translation>Disclosure Desk (政务公开审发台)
Review first, publish after.

Data folder: {path}</translation>
    </message>
</context>
<context>
    <name>AmendmentDialog</name>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="168"/>
        <source>已修改</source>
        <translation>Amended</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="171"/>
        <source>修改文件的发文字号或标题，如：示政规〔2026〕3号</source>
        <translation>Number or title of the amending document, e.g. 示政规〔2026〕3号</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="173"/>
        <source>“{title}”已被修改：</source>
        <translation>“{title}” has been amended:</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="176"/>
        <source>修改日期</source>
        <translation>Amended on</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="177"/>
        <source>修改文件</source>
        <translation>Amending document</translation>
    </message>
</context>
<context>
    <name>CatalogController</name>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="44"/>
        <source>发布到目录…</source>
        <translation>Publish to catalog…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="45"/>
        <source>公开目录…</source>
        <translation>Disclosure catalog…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="46"/>
        <source>发布队列…</source>
        <translation>Publish queue…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="47"/>
        <source>公开期限…</source>
        <translation>Disclosure deadlines…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="48"/>
        <source>统计与年度报告…</source>
        <translation>Statistics and Yearly Report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="49"/>
        <source>网站巡检与自查报告…</source>
        <translation>Site Inspection and Self-Check Report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="52"/>
        <source>全面复查…</source>
        <translation>Full Recheck…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="91"/>
        <source>目录：索引号 {index_no}</source>
        <translation>Catalog: index number {index_no}</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="97"/>
        <source>静态目录网站未能更新（{reason}）：可在“公开目录…”中重建。网站文件夹：{path}</source>
        <translation>The static catalog site could not be updated ({reason}): rebuild it in “Disclosure catalog…”. Site folder: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="103"/>
        <source>静态目录网站：已更新 {count} 个文件，网站文件夹 {path}（首页 index.html）</source>
        <translation>Static catalog site: {count} files updated, site folder {path} (home page index.html)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="108"/>
        <source>门户网站：已加入发布队列，在“发布队列…”中推送</source>
        <translation>Portal: added to the publish queue; push it in “Publish queue…”</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="110"/>
        <source>传输包：已加入队列，下次“导出传输包…”时带出</source>
        <translation>Transfer package: queued; goes out with the next “Export Transfer Package…”</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="117"/>
        <source>已编入目录，索引号 {index_no}</source>
        <translation>In the catalog as index number {index_no}</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="120"/>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="121"/>
        <source>已发布，写入了以下目标：</source>
        <translation>Published to these targets:</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="126"/>
        <source>打开网站文件夹</source>
        <translation>Open site folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="187"/>
        <source>公示期届满，已自动撤回 {count} 条目录（详见日志）</source>
        <translation>Notice periods ended; {count} catalog entries were withdrawn automatically (see the log)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="210"/>
        <source>网站文件夹不存在：{path}。请先发布条目或重建网站。</source>
        <translation>The site folder does not exist: {path}. Publish an entry or rebuild the site first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="212"/>
        <source>网站自查报告.pdf</source>
        <translation>Site self-check report.pdf</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="217"/>
        <source>正在巡检网站…</source>
        <translation>Inspecting the site…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/catalog.py" line="227"/>
        <source>巡检完成，发现问题 {count} 处；自查报告已保存：{path}</source>
        <translation>Inspection done, {count} problems found; self-check report saved: {path}</translation>
    </message>
</context>
<context>
    <name>CatalogSettingsDialog</name>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="37"/>
        <source>目录设置</source>
        <translation>Catalog settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="57"/>
        <source>按年重置</source>
        <translation>Reset yearly</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="58"/>
        <source>按月重置</source>
        <translation>Reset monthly</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="61"/>
        <source>全部门统一编号</source>
        <translation>One sequence for the department</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="62"/>
        <source>按主题分类分别编号</source>
        <translation>One sequence per subject category</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="73"/>
        <source>离线审查机和联网机都为本部门发布时，两台机器各用一段互不重叠的流水号，索引号就不会重号</source>
        <translation>When the offline review machine and the networked machine both publish for this department, give each machine its own non-overlapping serial range so index numbers never clash</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="86"/>
        <source>前缀（机构代码）</source>
        <translation>Prefix (organisation code)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="87"/>
        <source>前缀后分隔符</source>
        <translation>Separator after prefix</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="88"/>
        <source>日期格式</source>
        <translation>Date format</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="89"/>
        <source>流水号前分隔符</source>
        <translation>Separator before serial</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="90"/>
        <source>流水号位数</source>
        <translation>Serial digits</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="91"/>
        <source>流水号重置</source>
        <translation>Serial reset</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="92"/>
        <source>流水号范围</source>
        <translation>Serial scope</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="99"/>
        <source>本机号段</source>
        <translation>This machine&apos;s serial range</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="100"/>
        <source>示例</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="101"/>
        <source>索引号方案</source>
        <translation>Index number scheme</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="108"/>
        <source>按签批顺序填写，用“→”、顿号或空格分隔；此后生成的保密审查单按此签批，已生成的不变</source>
        <translation>Enter the steps in sign-off order, separated by “→”, “、” or spaces; review records made from now on follow these steps, those already made stay as they are</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="109"/>
        <source>保存签批环节</source>
        <translation>Save sign-off steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="111"/>
        <source>保密审查单签批环节</source>
        <translation>Review record sign-off steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="123"/>
        <source>如：1234000001</source>
        <translation>e.g. 1234000001</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="124"/>
        <source>如：示ICP备12345678号</source>
        <translation>e.g. 示ICP备12345678号</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="125"/>
        <source>如：示公网安备 12345602000001号</source>
        <translation>e.g. 示公网安备 12345602000001号</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="126"/>
        <source>如：0551-12345678</source>
        <translation>e.g. 0551-12345678</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="131"/>
        <source>主办单位</source>
        <translation>Sponsoring organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="132"/>
        <source>网站标识码</source>
        <translation>Site identification code</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="133"/>
        <source>ICP备案号</source>
        <translation>ICP filing number</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="134"/>
        <source>公安机关备案号</source>
        <translation>Public security filing number</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="135"/>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="140"/>
        <source>保存页脚</source>
        <translation>Save footer</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="143"/>
        <source>公开目录网站页脚</source>
        <translation>Disclosure catalog site footer</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="152"/>
        <source>主题分类（末级分类可供文件使用）</source>
        <translation>Subject categories (documents use the leaves)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="152"/>
        <location filename="../../app/ui/catalog_settings.py" line="282"/>
        <source>索引号代码</source>
        <translation>Index code</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="154"/>
        <source>添加子分类…</source>
        <translation>Add sub-category…</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="156"/>
        <source>设定索引号代码…</source>
        <translation>Set index code…</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="157"/>
        <source>设了代码的末级分类，其索引号在日期前带该代码；清空即不用代码</source>
        <translation>A category with a code carries it before the date in its index numbers; clear it to use none</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="159"/>
        <source>主题分类</source>
        <translation>Subject categories</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="227"/>
        <source>索引号方案已保存，下一次发布起生效。</source>
        <translation>Scheme saved; it applies from the next publication.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="240"/>
        <source>签批环节已保存，此后生成的保密审查单按此签批。</source>
        <translation>Sign-off steps saved; review records made from now on follow them.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="254"/>
        <source>页脚已保存，下次更新网站时生效。</source>
        <translation>Footer saved; it applies from the next site update.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="276"/>
        <source>请先选择一个主题分类。</source>
        <translation>Select a subject category first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="283"/>
        <source>“{category}”的代码（清空则不用）：</source>
        <translation>Code of “{category}” (empty for none):</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="303"/>
        <source>添加子分类</source>
        <translation>Add sub-category</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="304"/>
        <source>“{parent}”下的新分类：</source>
        <translation>New category under “{parent}”:</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_settings.py" line="304"/>
        <source>顶级</source>
        <translation>the top level</translation>
    </message>
</context>
<context>
    <name>CatalogTableModel</name>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="67"/>
        <source>索引号</source>
        <translation>Index number</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="68"/>
        <source>信息名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="69"/>
        <source>发文字号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="70"/>
        <source>主题分类</source>
        <translation>Subject category</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="71"/>
        <source>发布日期</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="72"/>
        <source>有效性</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="73"/>
        <source>公示期至</source>
        <translation>Notice until</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="139"/>
        <source>（已撤回）</source>
        <translation> (withdrawn)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="147"/>
        <source>施行日期：{day}</source>
        <translation>Effective date: {day}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="148"/>
        <source>有效期至：{day}</source>
        <translation>Valid until: {day}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="159"/>
        <source>（{day}，{document}）</source>
        <translation> ({day}, {document})</translation>
    </message>
</context>
<context>
    <name>CatalogWindow</name>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="198"/>
        <source>政府信息公开目录</source>
        <translation>Government information disclosure catalog</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="201"/>
        <source>标题、文号、主题词或正文中的词语</source>
        <translation>Words from the title, number, keywords or text</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="207"/>
        <source>全部有效性</source>
        <translation>Any validity</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="210"/>
        <source>含已撤回</source>
        <translation>Include withdrawn</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="211"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="236"/>
        <source>撤回…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="241"/>
        <source>修改有效性</source>
        <translation>Change validity</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="245"/>
        <source>公示期…</source>
        <translation>Notice Period…</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="246"/>
        <source>名单公示的公示期最后一天：届满后审发台自动撤回</source>
        <translation>Last day of the notice period for a published list: the desk withdraws it automatically when it ends</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="248"/>
        <source>核对线上内容…</source>
        <translation>Verify online content…</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="251"/>
        <source>重新读取网站（和门户）上实际提供的内容，与数据库中冻结的发布内容逐项核对</source>
        <translation>Read back what the site (and the portal) actually serve and compare it item by item with the frozen releases in the database</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="282"/>
        <source>全部发布机构</source>
        <translation>All issuing bodies</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="285"/>
        <source>全部分类</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="288"/>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="303"/>
        <source>，向下滚动加载更多</source>
        <translation>; scroll down for more</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="304"/>
        <source>已显示 {shown} 条{more}</source>
        <translation>{shown} shown{more}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="322"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="322"/>
        <source>撤回“{title}”的理由：</source>
        <translation>Reason for withdrawing “{title}”:</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="337"/>
        <source>公示期</source>
        <translation>Notice period</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="338"/>
        <source>“{title}”的公示期最后一天（YYYY-MM-DD；留空则取消公示期）：</source>
        <translation>Last day of the notice period of “{title}” (YYYY-MM-DD; leave empty to remove the notice period):</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="348"/>
        <source>日期应为 YYYY-MM-DD：{text}</source>
        <translation>The date should be YYYY-MM-DD: {text}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="380"/>
        <source>已更新；门户的变更已进入发布队列。</source>
        <translation>Updated; changes for the portal are in the publish queue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="395"/>
        <source>没有可核对的网站文件夹或门户。</source>
        <translation>There is no site folder or portal to verify.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="402"/>
        <source>正在核对线上内容…</source>
        <translation>Verifying online content…</translation>
    </message>
</context>
<context>
    <name>ConclusionDialog</name>
    <message>
        <location filename="../../app/ui/conclusion_dialog.py" line="26"/>
        <source>审查结论</source>
        <translation>Review conclusion</translation>
    </message>
    <message>
        <location filename="../../app/ui/conclusion_dialog.py" line="29"/>
        <source>结论（不予公开请用“不予公开”操作，须选法律依据）</source>
        <translation>Conclusion (to withhold, use “Not disclosed”, which needs a legal basis)</translation>
    </message>
    <message>
        <location filename="../../app/ui/conclusion_dialog.py" line="37"/>
        <source>审查意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../app/ui/conclusion_dialog.py" line="48"/>
        <source>该文件为规章、规范性文件或需解读，但未附政策解读（三同步）。如确实无需解读，请写明理由：</source>
        <translation>This is a rule, a normative document or needs an interpretation, but none is attached (three synchronisations). If it truly needs none, say why:</translation>
    </message>
    <message>
        <location filename="../../app/ui/conclusion_dialog.py" line="56"/>
        <source>发布版本逐页转为图像（去除一切隐藏内容，但不可复制文字）</source>
        <translation>Publish every page as an image (removes all hidden content, but text cannot be copied)</translation>
    </message>
    <message>
        <location filename="../../app/ui/conclusion_dialog.py" line="69"/>
        <source>请填写审查意见。</source>
        <translation>Please write your opinion.</translation>
    </message>
    <message>
        <location filename="../../app/ui/conclusion_dialog.py" line="72"/>
        <source>请写明未附政策解读的理由，或退回经办人补充解读。</source>
        <translation>Say why no interpretation is attached, or return the document to the clerk to add one.</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="30"/>
        <source>公开期限</source>
        <translation>Disclosure deadlines</translation>
    </message>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="37"/>
        <source>编号/受理编号</source>
        <translation>Number / request number</translation>
    </message>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="38"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="39"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="40"/>
        <source>期限</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="41"/>
        <source>起算日期</source>
        <translation>Counted from</translation>
    </message>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="42"/>
        <source>应发布/答复日期</source>
        <translation>Publish/reply by</translation>
    </message>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="56"/>
        <source>（暂停）</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="82"/>
        <source>主动公开的文件应自成文之日起 20 个工作日内公开（条例第二十六条）；文件发布后补发的政策解读应在 3 个工作日内发布（三同步）；依申请公开应在 20 个工作日内答复，征求第三方和其他机关意见的时间不计算在内（第三十三条）。工作日按国家法定节假日和调休计算；标 * 的年份节假日安排未知，按周末计算。</source>
        <translation>Proactively disclosed documents are published within 20 working days of the date written (Regulations art. 26); an interpretation added after its document is published within 3 working days (three synchronisations); requests for disclosure are answered within 20 working days, not counting time spent consulting third parties and other agencies (art. 33). Working days follow the national public holidays and swapped working days; for years marked * the holiday schedule is unknown and only weekends count.</translation>
    </message>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="43"/>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../app/ui/deadlines_dialog.py" line="52"/>
        <source>逾期 {days}</source>
        <translation>overdue by {days}</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="77"/>
        <source>{decision}（{count} 处）</source>
        <translation>{decision} ({count} items)</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="84"/>
        <source>采用建议</source>
        <translation>Use suggestion</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="87"/>
        <source>解密记录…</source>
        <translation>Declassification record…</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="102"/>
        <source>请选择法律依据</source>
        <translation>Choose a legal basis</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="109"/>
        <source>法律依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="113"/>
        <source>建议：{basis}</source>
        <translation>Suggested: {basis}</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="119"/>
        <source>补充说明（可选）</source>
        <translation>Further explanation (optional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="121"/>
        <source>请写明理由（必填）</source>
        <translation>State the reason (required)</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="133"/>
        <source>密级标志</source>
        <translation>Classification marking</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="136"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="139"/>
        <source>将该词连同前后文字加入本部门允许词（只对同一说法不再提示）</source>
        <translation>Add the term with the words around it to the department&apos;s allowed phrases (only this wording stops being reported)</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="144"/>
        <source>同样处理本文件中其余 {count} 处相同的发现（同一规则、同一文字）</source>
        <translation>Decide the other {count} identical findings in this document the same way (same rule, same text)</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="173"/>
        <source>对选中的 {count} 处发现一并处理，第一处：</source>
        <translation>Decide the {count} selected findings together; the first:</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="185"/>
        <source>已沿用上次对“{category}”的处理依据和理由，可修改。</source>
        <translation>The basis and reason last used for “{category}” were carried over; you can change them.</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="220"/>
        <source>密级标志须有解密/降密记录（定密机关、日期、文号或审批单），由审查员录入并经另一名审查员或系统管理员确认，才能保留或判为误报。</source>
        <translation>A classification marking can be kept or marked a false alarm only with a declassification/downgrading record (classifying authority, date, document number or approval form), entered by a reviewer and confirmed by another reviewer or a system administrator.</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="233"/>
        <source>请选择法律依据。</source>
        <translation>Please choose a legal basis.</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_dialog.py" line="236"/>
        <source>请填写理由。</source>
        <translation>Please give a reason.</translation>
    </message>
</context>
<context>
    <name>DeclassificationDialog</name>
    <message>
        <location filename="../../app/ui/declassification_dialog.py" line="36"/>
        <source>解密/降密记录</source>
        <translation>Declassification/downgrading record</translation>
    </message>
    <message>
        <location filename="../../app/ui/declassification_dialog.py" line="41"/>
        <source>作出解密/降密决定的机关</source>
        <translation>The authority that decided the declassification/downgrading</translation>
    </message>
    <message>
        <location filename="../../app/ui/declassification_dialog.py" line="45"/>
        <source>如：示机管密解〔2026〕3号，或审批单编号</source>
        <translation>e.g. 示机管密解〔2026〕3号, or the approval form number</translation>
    </message>
    <message>
        <location filename="../../app/ui/declassification_dialog.py" line="47"/>
        <source>录入</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/declassification_dialog.py" line="49"/>
        <source>确认此记录</source>
        <translation>Confirm this record</translation>
    </message>
    <message>
        <location filename="../../app/ui/declassification_dialog.py" line="56"/>
        <source>密级标志</source>
        <translation>Classification marking</translation>
    </message>
    <message>
        <location filename="../../app/ui/declassification_dialog.py" line="57"/>
        <source>定密机关</source>
        <translation>Classifying authority</translation>
    </message>
    <message>
        <location filename="../../app/ui/declassification_dialog.py" line="58"/>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../app/ui/declassification_dialog.py" line="59"/>
        <source>文号或审批单</source>
        <translation>Document number or approval form</translation>
    </message>
</context>
<context>
    <name>DeskApplication</name>
    <message>
        <location filename="../../app/ui/application.py" line="43"/>
        <source>意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="44"/>
        <source>审发台遇到意外错误。已保存的数据不受影响。

{error}</source>
        <translation>The desk ran into an unexpected error. Saved data is not affected.

{error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/run.py" line="35"/>
        <location filename="../../app/ui/run.py" line="39"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../app/ui/run.py" line="55"/>
        <source>示例账号：clerk（经办人）、reviewer（保密审查员）、publisher（发布管理员），密码均为 {password}</source>
        <translation>Sample accounts: clerk (clerk), reviewer (confidentiality reviewer), publisher (publishing manager); password for all: {password}</translation>
    </message>
    <message>
        <location filename="../../app/ui/run.py" line="70"/>
        <source>上次未完成的工作</source>
        <translation>Work left unfinished last time</translation>
    </message>
    <message>
        <location filename="../../app/ui/run.py" line="101"/>
        <source>数据库密码</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../app/ui/run.py" line="102"/>
        <source>{name} 的密码：</source>
        <translation>Password of {name}:</translation>
    </message>
</context>
<context>
    <name>DeskError</name>
    <message>
        <location filename="../../app/audit.py" line="83"/>
        <source>状态</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="84"/>
        <source>目录信息（标题、文号、分类、主题词等）</source>
        <translation>catalog details (title, number, category, keywords and so on)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="85"/>
        <source>文件</source>
        <translation>files</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="86"/>
        <source>政策解读</source>
        <translation>policy interpretation</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="87"/>
        <source>审查结论</source>
        <translation>review conclusion</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="88"/>
        <source>发布内容</source>
        <translation>release</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="89"/>
        <source>目录条目</source>
        <translation>catalog entry</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="374"/>
        <source>审计记录已被篡改：审计链头（audit_head）缺失，而数据库中已有直到 #{last} 的审计事件。为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。</source>
        <translation>The audit records have been tampered with: the audit chain head (audit_head) is missing, while the database holds audit events up to #{last}. So as not to cover up the tampering, the desk writes nothing more. A system administrator should run audit verify.</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="379"/>
        <source>审计记录已被篡改：审计链头（audit_head）指向事件 #{head}，而数据库中最后的审计事件是 #{last}。为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。</source>
        <translation>The audit records have been tampered with: the audit chain head (audit_head) points to event #{head}, while the last audit event in the database is #{last}. So as not to cover up the tampering, the desk writes nothing more. A system administrator should run audit verify.</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="383"/>
        <source>审计记录已被篡改：本机的审计检查点 {path} 被改动或删除。为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。</source>
        <translation>The audit records have been tampered with: this machine&apos;s audit checkpoint {path} was changed or deleted. So as not to cover up the tampering, the desk writes nothing more. A system administrator should run audit verify.</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="389"/>
        <source>审计记录已被篡改：本机检查点记录到审计事件 #{anchored}，数据库中的审计链只到 #{last}（有事件被删除：链尾被截断，或删减后重新计算了哈希链，或数据库被回退）。为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。</source>
        <translation>The audit records have been tampered with: this machine&apos;s checkpoint records audit event #{anchored}, but the audit chain in the database only reaches #{last} (events were deleted: the chain end was cut off, the hash chain was recomputed after deletions, or the database was rolled back). So as not to cover up the tampering, the desk writes nothing more. A system administrator should run audit verify.</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="394"/>
        <source>审计记录已被篡改：本机检查点记录的审计事件 #{event_id} 与数据库中的不同（审计链被改写）。为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。</source>
        <translation>The audit records have been tampered with: audit event #{event_id} recorded in this machine&apos;s checkpoint differs from the one in the database (the audit chain was rewritten). So as not to cover up the tampering, the desk writes nothing more. A system administrator should run audit verify.</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="399"/>
        <source>审计记录已被篡改：审计事件 #{event_id} 不是审发台写入的（没有封签，或封签不符）。为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。</source>
        <translation>The audit records have been tampered with: audit event #{event_id} was not written by the desk (no seal, or the seal does not match). So as not to cover up the tampering, the desk writes nothing more. A system administrator should run audit verify.</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="406"/>
        <source>审计记录已被篡改：文件“{title}”（#{id}）的{parts}在审发台之外被改动，与审计记录不符，操作没有执行。请系统管理员运行 audit verify 核查。</source>
        <translation>The audit records have been tampered with: the {parts} of “{title}” (#{id}) were changed outside the desk and do not match the audit records; nothing was done. A system administrator should run audit verify.</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="668"/>
        <source>审计事件 #{event_id} 的内容与其哈希不符（被修改）</source>
        <translation>Audit event #{event_id} does not match its hash (modified)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="669"/>
        <source>审计事件 #{event_id} 缺失（被删除）</source>
        <translation>Audit event #{event_id} is missing (deleted)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="672"/>
        <source>审计事件 #{event_id} 的前序哈希不符（其前有事件被插入、删除或修改）</source>
        <translation>Audit event #{event_id} does not link to the one before it (an event before it was inserted, deleted or modified)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="673"/>
        <source>链尾缺失：最后的事件应为 #{event_id}（末尾事件被删除）</source>
        <translation>The end of the chain is missing: the last event should be #{event_id} (events at the end were deleted)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="676"/>
        <source>审计链头（audit_head）缺失，而数据库中已有直到 #{event_id} 的审计事件（链头被删除）</source>
        <translation>The audit chain head (audit_head) is missing, while the database holds audit events up to #{event_id} (the chain head was deleted)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="679"/>
        <source>审计事件 #{event_id} 没有封签，而审发台写入的事件都有（在审发台之外写入）</source>
        <translation>Audit event #{event_id} has no seal, while every event the desk writes has one (written outside the desk)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="680"/>
        <source>审计事件 #{event_id} 的封签与本机密钥不符（在审发台之外伪造）</source>
        <translation>The seal of audit event #{event_id} does not match this machine&apos;s key (forged outside the desk)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="685"/>
        <source>本机检查点记录到审计事件 #{event_id}，数据库中的审计链只到 #{detail}（有事件被删除：链尾被截断，或删减后重新计算了哈希链，或数据库被回退）</source>
        <translation>This machine&apos;s checkpoint records audit event #{event_id}, but the audit chain in the database only reaches #{detail} (events were deleted: the chain end was cut off, the hash chain was recomputed after deletions, or the database was rolled back)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="688"/>
        <source>本机检查点记录的审计事件 #{event_id} 与数据库中的不同（审计链被改写后重新计算）</source>
        <translation>Audit event #{event_id} recorded in this machine&apos;s checkpoint differs from the one in the database (the audit chain was rewritten and recomputed)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="689"/>
        <source>本机检查点文件 {subject} 的校验码不符（被改动）</source>
        <translation>The checksum of this machine&apos;s checkpoint file {subject} does not match (changed)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="692"/>
        <source>本机检查点文件 {subject} 缺失，而其密钥仍在（检查点被删除）</source>
        <translation>This machine&apos;s checkpoint file {subject} is missing while its key is still there (the checkpoint was deleted)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="695"/>
        <source>本机检查点的密钥 {subject} 缺失（被删除），检查点无法核验</source>
        <translation>The key {subject} of this machine&apos;s checkpoint is missing (deleted); the checkpoint cannot be verified</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="698"/>
        <source>{subject}的{detail}在审发台之外被改动：与审计事件 #{event_id} 记录的状态不符</source>
        <translation>The {detail} of {subject} was changed outside the desk: it does not match the state recorded in audit event #{event_id}</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="699"/>
        <source>{subject}没有任何审计记录（在审发台之外写入数据库）</source>
        <translation>{subject} has no audit records at all (written to the database outside the desk)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="702"/>
        <source>{subject}已不在数据库中，而审计事件 #{event_id} 记录了它（在审发台之外被删除）</source>
        <translation>{subject} is no longer in the database, but audit event #{event_id} records it (deleted outside the desk)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="703"/>
        <source>文件内容 {subject} 与其 SHA-256 不符（被替换）</source>
        <translation>File content {subject} does not match its SHA-256 (replaced)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="704"/>
        <source>冻结的发布内容 {subject} 与其 SHA-256 不符（被改动）</source>
        <translation>Frozen release {subject} does not match its SHA-256 (changed)</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="705"/>
        <source>目录条目 {subject} 的{detail}与其冻结的发布内容不一致</source>
        <translation>The {detail} of catalog entry {subject} does not match its frozen release</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="924"/>
        <source>请写明核查结论（为什么接受当前的审计状态）。</source>
        <translation>State the conclusion of the check (why the current audit state is accepted).</translation>
    </message>
    <message>
        <location filename="../../app/audit.py" line="927"/>
        <source>只有系统管理员可以确认审计核查的结论。</source>
        <translation>Only a system administrator can confirm the conclusion of an audit check.</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="53"/>
        <source>需要密码：请设置环境变量 {env}，或在终端中运行以输入密码。</source>
        <translation>A password is needed: set the environment variable {env}, or run in a terminal to type it.</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="63"/>
        <location filename="../../app/cli/database.py" line="199"/>
        <source>该命令需要用 --user 指定执行的用户。</source>
        <translation>This command needs --user to say who performs it.</translation>
    </message>
    <message>
        <location filename="../../app/cli/database.py" line="108"/>
        <source>数据库已经初始化过（已有用户）。</source>
        <translation>The database is already initialised (it has users).</translation>
    </message>
    <message>
        <location filename="../../app/cli/database.py" line="148"/>
        <source>未知角色：{value}。可用：{roles}</source>
        <translation>Unknown role: {value}. Available: {roles}</translation>
    </message>
    <message>
        <location filename="../../app/cli/database.py" line="160"/>
        <source>部门“{name}”不存在。</source>
        <translation>Department “{name}” does not exist.</translation>
    </message>
    <message>
        <location filename="../../app/cli/documents.py" line="111"/>
        <source>--title 只能用于导入单个文件。</source>
        <translation>--title can only be used when importing a single file.</translation>
    </message>
    <message>
        <location filename="../../app/cli/files.py" line="80"/>
        <source>没有找到可检查的文件。</source>
        <translation>No files to check were found.</translation>
    </message>
    <message>
        <location filename="../../app/cli/files.py" line="129"/>
        <source>无法读取“{name}”：{reason}</source>
        <translation>Cannot read “{name}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/cli/files.py" line="136"/>
        <source>“{name}”应只含一个文件的检查结果。</source>
        <translation>“{name}” should hold the check result of one file only.</translation>
    </message>
    <message>
        <location filename="../../app/cli/review.py" line="192"/>
        <source>录入解密记录须写明 --authority、--date 和 --reference，缺少：{options}。</source>
        <translation>Entering a declassification record needs --authority, --date and --reference; missing: {options}.</translation>
    </message>
    <message>
        <location filename="../../app/cli/documents.py" line="228"/>
        <source>没有要修改的内容。</source>
        <translation>Nothing to change.</translation>
    </message>
    <message>
        <location filename="../../app/cli/database.py" line="194"/>
        <source>共享数据库（PostgreSQL）请用数据库服务器的工具（如 pg_restore）恢复。</source>
        <translation>Restore a shared (PostgreSQL) database with the server&apos;s tools, such as pg_restore.</translation>
    </message>
    <message>
        <location filename="../../app/cli/reports.py" line="54"/>
        <source>起始日期晚于截止日期。</source>
        <translation>The start date is after the end date.</translation>
    </message>
    <message>
        <location filename="../../app/cli/reports.py" line="65"/>
        <source>没有名称或代码为“{name}”的部门。</source>
        <translation>No department is named or coded “{name}”.</translation>
    </message>
    <message>
        <location filename="../../app/cli/database.py" line="214"/>
        <source>只有系统管理员可以迁移数据库。</source>
        <translation>Only an administrator can move the database.</translation>
    </message>
    <message>
        <location filename="../../app/cli/transfer.py" line="90"/>
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../app/cli/catalog.py" line="270"/>
        <source>只有发布管理员或系统管理员可以重建静态目录网站。</source>
        <translation>Only publishing managers or system administrators can rebuild the static catalog site.</translation>
    </message>
    <message>
        <location filename="../../app/cli/catalog.py" line="301"/>
        <source>没有门户地址：请用 --portal-url 指定，或在设置中填写。</source>
        <translation>No portal address: give --portal-url or set it in the settings.</translation>
    </message>
    <message>
        <location filename="../../app/cli/catalog.py" line="323"/>
        <source>只有发布管理员可以推送发布队列。</source>
        <translation>Only publishing managers can push the publish queue.</translation>
    </message>
    <message>
        <location filename="../../app/cli/catalog.py" line="405"/>
        <source>当前用户不属于任何部门。</source>
        <translation>The current user belongs to no department.</translation>
    </message>
    <message>
        <location filename="../../app/db/database.py" line="107"/>
        <source>该记录已被其他人修改，您的更改没有保存。请刷新后重试。</source>
        <translation>Someone else changed this record; your change was not saved. Refresh and try again.</translation>
    </message>
    <message>
        <location filename="../../app/db/database.py" line="113"/>
        <source>有人同时修改了相同的数据，您的操作没有执行。请刷新后重试。</source>
        <translation>Someone changed the same data at the same moment; your action was not carried out. Refresh and try again.</translation>
    </message>
    <message>
        <location filename="../../app/db/database.py" line="121"/>
        <source>数据库正被另一个审发台进程长时间占用（等待 {seconds} 秒仍未释放），请稍后重试。</source>
        <translation>Another desk process has held the database for too long (still busy after {seconds} s). Try again later.</translation>
    </message>
    <message>
        <location filename="../../app/db/database.py" line="131"/>
        <source>与数据库的连接中断（服务器可能已重启），刚才的操作没有完成，也没有留下任何改动。请重试。</source>
        <translation>The connection to the database was lost (the server may have restarted). The action did not complete and left no change. Try again.</translation>
    </message>
    <message>
        <location filename="../../app/db/database.py" line="133"/>
        <source>数据库访问失败：{reason}</source>
        <translation>Database access failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/demo.py" line="70"/>
        <source>数据库中已有用户。请以管理员身份创建示例，或用 --data-dir 指定一个新目录。</source>
        <translation>The database already has users. Create the samples as an administrator, or use --data-dir with a new folder.</translation>
    </message>
    <message>
        <location filename="../../app/demo.py" line="72"/>
        <source>示例工作区已经存在。</source>
        <translation>The sample workspace already exists.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="48"/>
        <source>“{name}”是文件夹，不是文件。</source>
        <translation>“{name}” is a folder, not a file.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="50"/>
        <source>找不到文件“{name}”。</source>
        <translation>File “{name}” not found.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="52"/>
        <source>没有读取“{name}”的权限。</source>
        <translation>No permission to read “{name}”.</translation>
    </message>
    <message>
        <location filename="../../app/cli/request_answers.py" line="93"/>
        <source>“{pair}”不是 NAME=VALUE 形式的答复书事实（可用的名称见 --help）。</source>
        <translation>“{pair}” is not a reply letter fact of the form NAME=VALUE (see --help for the names).</translation>
    </message>
    <message>
        <location filename="../../app/cli/request_answers.py" line="117"/>
        <location filename="../../app/cli/requests.py" line="139"/>
        <location filename="../../app/documents.py" line="56"/>
        <source>读取“{name}”失败：{reason}</source>
        <translation>Reading “{name}” failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="73"/>
        <source>文件内容 {sha} 不在数据库中。</source>
        <translation>File content {sha} is not in the database.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="77"/>
        <source>文件内容 {sha} 与其哈希不符，数据库可能已损坏。</source>
        <translation>File content {sha} does not match its hash; the database may be damaged.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="119"/>
        <source>只有经办人可以导入文件，{user}不是经办人。</source>
        <translation>Only clerks can import files; {user} is not a clerk.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="124"/>
        <source>{user}不属于任何部门，无法导入文件。</source>
        <translation>{user} belongs to no department and cannot import files.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="203"/>
        <source>只有本部门的经办人可以为草稿上传新版本。</source>
        <translation>Only clerks of the document&apos;s department can upload a new version of a draft.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="257"/>
        <source>只有草稿可以修改；文件“{title}”当前为“{status}”。</source>
        <translation>Only drafts can be changed; “{title}” is now “{status}”.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="262"/>
        <source>只有本部门的经办人可以修改文件信息。</source>
        <translation>Only clerks of the document&apos;s department can change its details.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="279"/>
        <source>标题不能为空。</source>
        <translation>The title cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="297"/>
        <source>有效期截止日期（{until}）早于施行日期（{since}）。</source>
        <translation>The valid-until date ({until}) is before the effective date ({since}).</translation>
    </message>
    <message>
        <location filename="../../app/documents.py" line="326"/>
        <source>“{value}”不是法定公文种类。</source>
        <translation>“{value}” is not a statutory document type.</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="77"/>
        <source>只有本部门的保密审查员或系统管理员可以修改部门词库。</source>
        <translation>Only the department&apos;s confidentiality reviewers or system administrators can change its lexicon.</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="85"/>
        <source>词库“{name}”词条过多（{count} 条，上限 {limit} 条），未导入。</source>
        <translation>Lexicon “{name}” has too many entries ({count}, at most {limit}); not imported.</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="104"/>
        <source>允许词“{entries}”是词库中的词或其一部分，会使所有文件中的该词不再提示，未导入。允许词须是带上下文的短语（如“单位内部资料管理”）。</source>
        <translation>The allowed phrases “{entries}” are lexicon terms or parts of them and would stop the term being reported in every file; not imported. An allowed phrase must be a phrase with context (such as “单位内部资料管理”).</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="117"/>
        <source>删除词条或降低其级别须由系统管理员进行（{terms}），词库未修改。</source>
        <translation>Only a system administrator can remove terms or lower their level ({terms}); the lexicon was not changed.</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="165"/>
        <source>“{name}”太大或太复杂，检查时内存不足。</source>
        <translation>“{name}” is too large or too complex: out of memory while checking.</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="169"/>
        <location filename="../../app/filecheck.py" line="101"/>
        <location filename="../../app/filecheck.py" line="196"/>
        <source>“{name}”无法检查（文件可能已损坏）：{reason}</source>
        <translation>“{name}” cannot be checked (the file may be damaged): {reason}</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="175"/>
        <source>文件 #{id} 不存在。</source>
        <translation>Document #{id} does not exist.</translation>
    </message>
    <message>
        <location filename="../../app/users.py" line="26"/>
        <source>部门全称和机构代码都不能为空。</source>
        <translation>Department name and organisation code are both required.</translation>
    </message>
    <message>
        <location filename="../../app/users.py" line="30"/>
        <source>部门“{name}”已存在。</source>
        <translation>Department “{name}” already exists.</translation>
    </message>
    <message>
        <location filename="../../app/users.py" line="51"/>
        <source>只有系统管理员可以添加用户。</source>
        <translation>Only system administrators can add users.</translation>
    </message>
    <message>
        <location filename="../../app/users.py" line="53"/>
        <source>第一个用户必须是系统管理员。</source>
        <translation>The first user must be a system administrator.</translation>
    </message>
    <message>
        <location filename="../../app/users.py" line="56"/>
        <source>登录名和姓名都不能为空。</source>
        <translation>Login and name are both required.</translation>
    </message>
    <message>
        <location filename="../../app/users.py" line="61"/>
        <source>密码至少需要 {length} 个字符。</source>
        <translation>The password needs at least {length} characters.</translation>
    </message>
    <message>
        <location filename="../../app/users.py" line="65"/>
        <source>用户至少需要一个角色。</source>
        <translation>A user needs at least one role.</translation>
    </message>
    <message>
        <location filename="../../app/users.py" line="67"/>
        <source>登录名“{login}”已被使用。</source>
        <translation>Login “{login}” is already taken.</translation>
    </message>
    <message>
        <location filename="../../app/backup.py" line="159"/>
        <location filename="../../app/users.py" line="92"/>
        <source>登录名或密码不正确。</source>
        <translation>Wrong login or password.</translation>
    </message>
    <message>
        <location filename="../../app/users.py" line="99"/>
        <source>用户不存在。</source>
        <translation>No such user.</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="121"/>
        <source>文件“{title}”当前状态为“{status}”，不能执行“{action}”。</source>
        <translation>“{title}” is “{status}”; “{action}” is not possible now.</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="128"/>
        <source>“{action}”需要{role}角色，{user}没有该角色。</source>
        <translation>“{action}” needs the role {role}, which {user} does not have.</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="135"/>
        <source>文件“{title}”不属于{user}所在的部门。</source>
        <translation>“{title}” does not belong to {user}&apos;s department.</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="143"/>
        <source>{user}导入、修改或提交过文件“{title}”，按审查分离原则不能对其“{action}”。</source>
        <translation>{user} imported, edited or submitted “{title}” and, by separation of duties, cannot “{action}” it.</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="191"/>
        <source>文件“{title}”在您打开后已被他人修改（版本 {seen} → {now}），您的操作没有执行。请刷新后重试。</source>
        <translation>“{title}” was changed by someone else after you opened it (version {seen} → {now}); nothing was done. Refresh and try again.</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="223"/>
        <source>批准须经保密审查：处理全部阻断级发现并生成发布版本后才能批准。</source>
        <translation>Approval goes through the confidentiality review: decide every blocking finding and produce the published version first.</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="229"/>
        <source>“{action}”必须填写理由。</source>
        <translation>“{action}” needs a reason.</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="233"/>
        <source>“{action}”必须选择法律依据（条例第十四、十五或十六条）。</source>
        <translation>“{action}” needs a legal basis (Regulations art. 14, 15 or 16).</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="98"/>
        <source>“{name}”是空文件（0 字节），无法导入。</source>
        <translation>“{name}” is empty (0 bytes) and cannot be imported.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="104"/>
        <source>“{name}”有 {size_mb} MB，超过 {limit_mb} MB 的上限，请拆分后再导入。</source>
        <translation>“{name}” has {size_mb} MB, over the {limit_mb} MB limit. Split it before importing.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="121"/>
        <source>“{name}”的类型（{suffix}）不受支持。可导入：{supported}。</source>
        <translation>The type of “{name}” ({suffix}) is not supported. Supported: {supported}.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="130"/>
        <source>“{name}”有 {size_mb} MB，超过纯文本草稿 {limit} 万字的上限，请拆分后再导入。</source>
        <translation>“{name}” is {size_mb} MB, over the limit of {limit}0k characters for plain-text drafts; split it, then import.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="142"/>
        <source>“{name}”的扩展名表示{expected}，但内容是{actual}。请检查文件后改正扩展名。</source>
        <translation>The extension of “{name}” says {expected}, but the content is {actual}. Check the file and correct its extension.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="162"/>
        <source>“{name}”有 {chars} 万字，超过纯文本草稿 {limit} 万字的上限（发布时要逐页排成 PDF），请拆分后再导入。</source>
        <translation>“{name}” has {chars}0k characters, over the limit of {limit}0k characters for plain-text drafts (publishing sets it page by page as a PDF); split it, then import.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="188"/>
        <source>“{name}”是加密的 Office 文档或旧版 .doc 文件。请在 Word 中取消密码并另存为 DOCX 后再导入。</source>
        <translation>“{name}” is an encrypted Office document or an old .doc file. Remove the password in Word and save as DOCX, then import.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="252"/>
        <source>“{name}”是加密的 Office 文档。请在 Word 或 WPS 中取消打开密码后再导入。</source>
        <translation>“{name}” is an encrypted Office document. Remove its open password in Word or WPS, then import.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="262"/>
        <source>“{name}”是加密的 Word/WPS 文档，需要打开密码。请取消密码后再导入。</source>
        <translation>“{name}” is an encrypted Word/WPS document that needs an open password. Remove the password, then import.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="276"/>
        <source>“{name}”是{what}，不是 Word 或 WPS 文字文档，无法导入。可导入：{supported}。</source>
        <translation>“{name}” ({what}) is not a Word or WPS Writer document; cannot import. Importable: {supported}.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="299"/>
        <source>“{name}”是损坏的 Office 复合文件（{reason}），无法导入。</source>
        <translation>“{name}” is a damaged Office compound file ({reason}); cannot import.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="469"/>
        <source>“{name}”不是可识别编码（UTF-8、GB18030/GBK、UTF-16、UTF-32）的文本文件。</source>
        <translation>“{name}” is not a text file in a recognised encoding (UTF-8, GB18030/GBK, UTF-16, UTF-32).</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="494"/>
        <source>“{name}”是加密的 PDF，需要打开密码才能导入。</source>
        <translation>“{name}” is an encrypted PDF; importing it needs its open password.</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="229"/>
        <location filename="../../review/formats.py" line="486"/>
        <source>“{name}”无法作为 PDF 打开：{reason}</source>
        <translation>“{name}” cannot be opened as a PDF: {reason}</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="235"/>
        <source>“{name}”是加密的 PDF，需要密码才能检查。请提供打开密码。</source>
        <translation>“{name}” is an encrypted PDF; checking it needs its password. Please give the open password.</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="236"/>
        <location filename="../../review/formats.py" line="610"/>
        <source>“{name}”的密码不正确。</source>
        <translation>Wrong password for “{name}”.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="497"/>
        <source>“{name}”是损坏的 PDF：没有可读的页面。</source>
        <translation>“{name}” is a damaged PDF: no readable pages.</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="511"/>
        <source>“{name}”是损坏的 PDF：页数无法读取（{reason}）。</source>
        <translation>“{name}” is a damaged PDF: the page count cannot be read ({reason}).</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="522"/>
        <source>“{name}”是损坏的 PDF：页面树中找不到第 {page} 页（{reason}）。</source>
        <translation>“{name}” is a damaged PDF: page {page} is not in the page tree ({reason}).</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="574"/>
        <source>“{name}”无法作为图片打开：{reason}</source>
        <translation>“{name}” cannot be opened as an image: {reason}</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="595"/>
        <source>“{name}”解压后有 {size_mb} MB，疑似压缩炸弹，已拒绝。</source>
        <translation>“{name}” unpacks to {size_mb} MB and looks like a zip bomb; refused.</translation>
    </message>
    <message>
        <location filename="../../review/archive.py" line="57"/>
        <source>“{name}”的压缩结构已损坏：{reason}</source>
        <translation>The zip structure of “{name}” is damaged: {reason}</translation>
    </message>
    <message>
        <location filename="../../review/archive.py" line="64"/>
        <source>“{name}”中的部件“{part}”已损坏：{reason}</source>
        <translation>Part “{part}” of “{name}” is damaged: {reason}</translation>
    </message>
    <message>
        <location filename="../../review/archive.py" line="75"/>
        <source>“{name}”中的部件“{part}”解压后超过 {limit_mb} MB 的上限，疑似压缩炸弹，已拒绝。</source>
        <translation>Part “{part}” of “{name}” unpacks to more than the {limit_mb} MB limit and looks like a zip bomb; refused.</translation>
    </message>
    <message>
        <location filename="../../review/archive.py" line="86"/>
        <source>“{name}”中的部件“{part}”有超过 {limit} 万个 XML 元素，超出上限，已拒绝。</source>
        <translation>Part “{part}” of “{name}” has more than {limit}0k XML elements, over the limit; refused.</translation>
    </message>
    <message>
        <location filename="../../review/archive.py" line="95"/>
        <source>“{name}”解压后超过 {limit_mb} MB 的上限，疑似压缩炸弹，已拒绝。</source>
        <translation>“{name}” unpacks to more than the {limit_mb} MB limit and looks like a zip bomb; refused.</translation>
    </message>
    <message>
        <location filename="../../review/archive.py" line="147"/>
        <source>“{name}”中的部件过多（{count} 个，上限 {limit} 个），已拒绝。</source>
        <translation>“{name}” has too many parts ({count}; the limit is {limit}); refused.</translation>
    </message>
    <message>
        <location filename="../../app/cli/review.py" line="242"/>
        <location filename="../../review/lexicon.py" line="156"/>
        <source>无法读取词库“{name}”：{reason}</source>
        <translation>Cannot read lexicon “{name}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../review/lexicon.py" line="168"/>
        <source>词库“{name}”不是 UTF-8 编码，请另存为 UTF-8 后再导入。</source>
        <translation>Lexicon “{name}” is not UTF-8; save it as UTF-8 and import again.</translation>
    </message>
    <message>
        <location filename="../../review/lexicon.py" line="211"/>
        <source>至少需要“词条,类别,级别”三列</source>
        <translation>Needs at least the columns “term, category, level”</translation>
    </message>
    <message>
        <location filename="../../review/lexicon.py" line="221"/>
        <source>允许词为空</source>
        <translation>The allowed phrase is empty</translation>
    </message>
    <message>
        <location filename="../../review/lexicon.py" line="228"/>
        <source>未知级别“{level}”（可用：阻断、警告、提示、允许）</source>
        <translation>Unknown level “{level}” (use 阻断, 警告, 提示 or 允许)</translation>
    </message>
    <message>
        <location filename="../../review/lexicon.py" line="237"/>
        <source>“整词”列应为“是”或“否”，而不是“{value}”</source>
        <translation>The whole-word column should be 是 or 否, not “{value}”</translation>
    </message>
    <message>
        <location filename="../../review/lexicon.py" line="249"/>
        <source>词条为空或只有空白</source>
        <translation>The term is empty or only spaces</translation>
    </message>
    <message>
        <location filename="../../review/lexicon.py" line="255"/>
        <source>与第 {first} 行重复，已忽略</source>
        <translation>Repeats line {first}; ignored</translation>
    </message>
    <message>
        <location filename="../../review/redact.py" line="73"/>
        <source>无法打开待删减的 PDF：{reason}</source>
        <translation>Cannot open the PDF to redact: {reason}</translation>
    </message>
    <message>
        <location filename="../../review/redact.py" line="77"/>
        <source>加密的 PDF 不能删减，请先去除加密。</source>
        <translation>An encrypted PDF cannot be redacted; remove the encryption first.</translation>
    </message>
    <message>
        <location filename="../../review/redact.py" line="83"/>
        <source>PDF 结构已损坏（经修复才能打开），不能可靠删减；请重新生成该文件。</source>
        <translation>The PDF structure is damaged (it opens only after repair) and cannot be redacted reliably; produce the file again.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="110"/>
        <source>无效的发现或处理方式。</source>
        <translation>Unknown finding or decision.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="135"/>
        <source>只有密级标志需要解密/降密记录。</source>
        <translation>Only a classification marking needs a declassification/downgrading record.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="139"/>
        <location filename="../../app/reviewing.py" line="115"/>
        <source>该发现不属于文件的最新检查结果，请刷新。</source>
        <translation>This finding is not from the latest check of the document; refresh.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="158"/>
        <source>请填写定密机关（作出解密/降密决定的机关）。</source>
        <translation>Enter the classifying authority (the authority that decided the declassification/downgrading).</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="160"/>
        <source>请填写解密/降密决定的文号或审批单编号。</source>
        <translation>Enter the document number or approval form number of the declassification/downgrading decision.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="164"/>
        <source>解密/降密决定的日期不能晚于今天。</source>
        <translation>The date of the declassification/downgrading decision cannot be later than today.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="171"/>
        <source>该密级标志的解密记录已确认，不能再修改；如有错误请重新检查文件后重新录入。</source>
        <translation>This marking&apos;s declassification record is confirmed and can no longer be changed; if it is wrong, check the document again and enter the record anew.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="202"/>
        <source>该密级标志还没有解密/降密记录，无需确认。</source>
        <translation>This marking has no declassification/downgrading record yet; there is nothing to confirm.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="204"/>
        <source>该解密记录已经确认过。</source>
        <translation>This declassification record is already confirmed.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="210"/>
        <source>解密记录须由本部门的系统管理员或另一名保密审查员确认。</source>
        <translation>A declassification record must be confirmed by a system administrator or another confidentiality reviewer of the department.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="214"/>
        <source>录入解密记录的人不能自己确认，须由另一名审查员或系统管理员确认。</source>
        <translation>Whoever entered a declassification record cannot confirm it; another reviewer or a system administrator must.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="217"/>
        <source>{user}导入、修改或提交过文件“{title}”，不能确认其解密记录。</source>
        <translation>{user} imported, edited or submitted “{title}” and cannot confirm its declassification records.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="248"/>
        <source>密级标志“{text}”不能由一人判为保留或误报：须先录入解密/降密记录（定密机关、日期、文号或审批单），并由另一名审查员或系统管理员确认。{term}。</source>
        <translation>Classification marking “{text}” cannot be kept or marked a false alarm by one person: first enter a declassification/downgrading record (classifying authority, date, document number or approval form) and have another reviewer or a system administrator confirm it. {term}.</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="256"/>
        <source>密级标志“{text}”的解密记录尚待另一名审查员或系统管理员确认。{term}。</source>
        <translation>The declassification record of classification marking “{text}” still awaits confirmation by another reviewer or a system administrator. {term}.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="118"/>
        <source>删除或遮盖必须选择法律依据。</source>
        <translation>Removing or masking needs a legal basis.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="120"/>
        <source>只有身份证号、手机号和银行卡号可以遮盖。</source>
        <translation>Only ID, mobile and bank card numbers can be masked.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="122"/>
        <source>保留或判为误报必须写明理由。</source>
        <translation>Keeping or marking a false alarm needs a reason.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="129"/>
        <source>“技术性清理”只用于读者看不到的隐藏内容和元数据；正文内容请选择条例规定的不予公开依据。</source>
        <translation>“Technical cleanup” is only for hidden content and metadata that readers do not see; for visible content choose a basis for withholding from the Regulations.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="172"/>
        <source>只有词库敏感词的误报可以加入允许词；本项误报只对本文件有效。</source>
        <translation>Only a false alarm on a lexicon term can be added to the allowed phrases; this false alarm applies to this document only.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="181"/>
        <source>“{text}”前后没有可用的上下文，不能加入允许词：允许词须是带上下文的短语（如“单位内部资料管理”），否则今后所有文件中的该词都不再提示。本项误报只对本文件有效。</source>
        <translation>“{text}” has no usable context around it and cannot be added to the allowed phrases: an allowed phrase must be a phrase with context (such as “单位内部资料管理”), or the term would no longer be reported in any later file. This false alarm applies to this document only.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="206"/>
        <source>划定的区域是页面上可见的内容，不能以“技术性清理”删除，请选择不予公开的依据。</source>
        <translation>A drawn area is content visible on the page and cannot be removed as “technical cleanup”; choose a basis for withholding.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="335"/>
        <location filename="../../app/reviewing.py" line="750"/>
        <source>请填写审查意见。</source>
        <translation>Please write your opinion.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="347"/>
        <source>依申请公开的答复书和提供给申请人的文件本身就是给申请人的内容，结论应为“同意公开”或“删减后公开”（不予提供的，在答复书中写明）。</source>
        <translation>In disclosure on request, the reply letter and the documents provided to the applicant are themselves meant for the applicant; the conclusion should be “Disclose” or “Disclose redacted” (whatever is not provided is stated in the reply letter).</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="351"/>
        <source>有依条例不予公开而删除或遮盖的内容，结论应为“删减后公开”。</source>
        <translation>Content was removed or masked as withheld under the Regulations; the conclusion should be “Disclose redacted”.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="355"/>
        <source>没有任何删除或遮盖（技术性清理不计），结论应为“同意公开”。</source>
        <translation>Nothing was removed or masked (technical cleanup does not count); the conclusion should be “Disclose”.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="445"/>
        <source>随文件提交的政策解读“{title}”尚未检查，不能批准。</source>
        <translation>The interpretation “{title}” submitted with the document has not been checked; cannot approve.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="450"/>
        <source>文件在最近一次修改后尚未检查，不能批准。请先运行保密检查。</source>
        <translation>The document was not checked since its last change and cannot be approved. Run the check first.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="459"/>
        <source>“{title}”的成文日期在检查之后改为 {now}，而检查是按 {then} 判断领导人职务和过时表述的，不能批准。请重新检查。</source>
        <translation>The date written of “{title}” was changed to {now} after the check, which judged leaders&apos; posts and outdated wording as of {then}; cannot approve. Check it again.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="469"/>
        <source>随文件提交的政策解读“{title}”还有 {count} 项阻断级发现未处理，不能批准。</source>
        <translation>The interpretation “{title}” submitted with the document still has {count} undecided blocking findings; cannot approve.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="475"/>
        <source>还有 {count} 项阻断级发现未处理，不能批准。</source>
        <translation>{count} blocking findings are still undecided; cannot approve.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="747"/>
        <source>“技术性清理”不是不予公开的依据，请选择条例规定的依据。</source>
        <translation>“Technical cleanup” is not a basis for withholding; choose a basis from the Regulations.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="371"/>
        <source>“{title}”是规章、规范性文件或需解读的文件，须同步附政策解读后才能批准（三同步）。如确实无需解读，请在审查结论中写明理由。</source>
        <translation>“{title}” is a rule, a normative document or needs an interpretation: it can be approved only with its interpretation (three synchronisations). If it truly needs none, say why in the conclusion.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="487"/>
        <source>附件“{name}”无法自动检查，须由审查员逐个人工审查并填写说明后才能批准。</source>
        <translation>Attachment “{name}” cannot be checked automatically; it can be approved only after a reviewer reviews each file by hand and writes a note.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="600"/>
        <source>政策解读“{title}”删减后复核未通过，不能批准：{problems}</source>
        <translation>The redacted interpretation “{title}” failed verification; cannot approve: {problems}</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="606"/>
        <source>删减后复核未通过，不能批准：{problems}</source>
        <translation>The redacted version failed verification; cannot approve: {problems}</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="638"/>
        <source>“{title}”随发布的目录信息未通过检查，不能批准：{problems}。请修改后再批准。</source>
        <translation>The catalog details to be published with “{title}” failed the check; cannot approve: {problems}. Correct them, then approve.</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="657"/>
        <source>文件在检查后已被修改，不能批准。请重新检查。</source>
        <translation>The document changed after its check; cannot approve. Check it again.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="73"/>
        <source>只有系统管理员可以设置索引号方案。</source>
        <translation>Only system administrators can set the index number scheme.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="146"/>
        <source>“{department}”的索引号由离线审查机编号，经传输包导入本机；本机在同一范围内编号会与之重号，因此没有发布。本机也要发布时，请系统管理员在两台机器的“目录设置”中为本部门设定互不重叠的流水号号段（例如离线审查机 1–49999，本机 50001–99999）。</source>
        <translation>Index numbers of “{department}” are assigned on the offline review machine and imported here by transfer package; numbering in the same range on this machine would clash with them, so nothing was published. If this machine is to publish too, a system administrator should set non-overlapping serial ranges for the department in “Catalog settings” on both machines (e.g. 1–49999 on the offline review machine, 50001–99999 on this one).</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="245"/>
        <source>发布日期必须是发布当天（{today}），不能提前或倒签。</source>
        <translation>The publication date must be the day of publishing ({today}); it cannot be post-dated or backdated.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="257"/>
        <source>政策解读随所解读的文件一并发布：请发布文件“{title}”。</source>
        <translation>An interpretation is published with the document it explains: publish “{title}”.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="305"/>
        <source>发布日期不能早于审查批准的日期（{day}）。</source>
        <translation>The publication date cannot be earlier than the approval date ({day}).</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="316"/>
        <source>“{title}”的目录信息有误，不能发布：{problems}。</source>
        <translation>The catalog details of “{title}” have errors; cannot publish: {problems}.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="388"/>
        <source>文件“{title}”没有经审查并复核的发布版本，不能发布。</source>
        <translation>“{title}” has no reviewed and verified published version; cannot publish.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="394"/>
        <source>“{title}”的审查批准早于其最近一次修改，不能发布。请重新审查。</source>
        <translation>The approval of “{title}” is older than its latest change; cannot publish. Review it again.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="416"/>
        <source>“{title}”的发布版本与审查时复核的版本不一致，不能发布。</source>
        <translation>The published version of “{title}” is not the one verified at review; cannot publish.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="426"/>
        <source>缺少发布机构。</source>
        <translation>The issuing body is missing.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="682"/>
        <source>条目“{index_no}”的修改文件未通过保密检查，拒绝发布：{problems}。</source>
        <translation>The amending document of entry “{index_no}” failed the confidentiality check; not published: {problems}.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="898"/>
        <source>只有本部门的发布管理员可以修改目录条目“{index_no}”的有效性。</source>
        <translation>Only a publishing manager of the entry&apos;s own department can change the validity of catalog entry “{index_no}”.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="905"/>
        <source>“{title}”不是规章或规范性文件：有效性只适用于规章和规范性文件。</source>
        <translation>“{title}” is not a rule or a normative document: validity applies only to rules and normative documents.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="917"/>
        <source>修改文件未通过保密检查：{problems}。请改写。</source>
        <translation>The amending document entered fails the confidentiality check: {problems}. Rewrite it.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="484"/>
        <source>“{title}”批准后修改的目录信息未通过检查，不能发布：{problems}。请退回重新审查。</source>
        <translation>The catalog details of “{title}” changed after approval failed the check; cannot publish: {problems}. Return it for review again.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="511"/>
        <source>公示期截止日期（{day}）已过：公示期须截止于今天（{today}）或以后。</source>
        <translation>The notice period end ({day}) has passed: a notice period must end today ({today}) or later.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="537"/>
        <location filename="../../app/cli/recheck.py" line="180"/>
        <source>目录中没有索引号“{index_no}”。</source>
        <translation>The catalog has no index number “{index_no}”.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="561"/>
        <source>只有本部门的发布管理员可以撤回目录条目“{index_no}”。</source>
        <translation>Only a publishing manager of the entry&apos;s own department can withdraw catalog entry “{index_no}”.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="565"/>
        <source>撤回必须写明理由。</source>
        <translation>Withdrawing needs a reason.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="570"/>
        <source>撤回理由未通过保密检查：{problems}。请改写理由。</source>
        <translation>The reason for withdrawing fails the confidentiality check: {problems}. Rewrite the reason.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="888"/>
        <source>只有发布管理员可以修改有效性。</source>
        <translation>Only publishing managers can change the validity.</translation>
    </message>
    <message>
        <location filename="../../app/catalog.py" line="577"/>
        <location filename="../../app/catalog.py" line="892"/>
        <location filename="../../app/notice_periods.py" line="60"/>
        <source>目录中没有已发布的索引号“{index_no}”。</source>
        <translation>The catalog has no published index number “{index_no}”.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="87"/>
        <source>信息名称应为文件全称，而不是“{title}”。</source>
        <translation>The title should be the full title of the document, not “{title}”.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="100"/>
        <source>发文字号“{number}”格式不对：年份须用六角括号〔〕，如“{fixed}”。</source>
        <translation>Document number “{number}” is malformed: the year goes in 〔〕 brackets, as in “{fixed}”.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="107"/>
        <source>成文日期晚于发布日期。</source>
        <translation>The date written is later than the publication date.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="111"/>
        <source>成文日期在今天之后。</source>
        <translation>The date written is in the future.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="123"/>
        <source>发布日期距成文日期已 {days} 个工作日，超过条例第二十六条的 20 个工作日{note}。</source>
        <translation>Published {days} working days after it was written, more than the 20 working days of Art. 26{note}.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="131"/>
        <source>缺少成文日期。</source>
        <translation>The date written is missing.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="134"/>
        <source>缺少主题分类。</source>
        <translation>The subject category is missing.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="142"/>
        <source>主题分类“{category}”下设子类，请选择其中一个，如“{example}”。</source>
        <translation>Subject category “{category}” has sub-categories; choose one of them, such as “{example}”.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="151"/>
        <source>主题分类“{category}”不是分类表中的末级分类。</source>
        <translation>Subject category “{category}” is not a leaf of the category tree.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="157"/>
        <source>有效期截止日期早于施行日期。</source>
        <translation>The valid-until date is before the effective date.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="160"/>
        <source>内容概述为空。</source>
        <translation>The summary is empty.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="166"/>
        <source>内容概述有 {length} 字，超过 {limit} 字。</source>
        <translation>The summary has {length} characters, more than {limit}.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="171"/>
        <source>未选公文种类。</source>
        <translation>No document type chosen.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="187"/>
        <source>标为“已修改”须写明修改日期和修改文件（发文字号或标题）。</source>
        <translation>Marking it “Amended” requires the amendment date and the amending document (document number or title).</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="189"/>
        <source>标为“已修改”须写明修改日期。</source>
        <translation>Marking it “Amended” requires the amendment date.</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="191"/>
        <source>标为“已修改”须写明修改文件（发文字号或标题）。</source>
        <translation>Marking it “Amended” requires the amending document (document number or title).</translation>
    </message>
    <message>
        <location filename="../../publish/index_number.py" line="67"/>
        <source>索引号方案有误：{problems}</source>
        <translation>The index number scheme is wrong: {problems}</translation>
    </message>
    <message>
        <location filename="../../publish/index_number.py" line="80"/>
        <source>主题分类“{category}”没有设定索引号代码。</source>
        <translation>Subject category “{category}” has no index number code.</translation>
    </message>
    <message>
        <location filename="../../publish/index_number.py" line="103"/>
        <location filename="../../publish/index_number.py" line="119"/>
        <source>本期流水号已用尽（{digits} 位），请调整索引号方案。</source>
        <translation>The serial numbers of this period are used up ({digits} digits); adjust the scheme.</translation>
    </message>
    <message>
        <location filename="../../publish/index_number.py" line="110"/>
        <source>本机号段 {first}–{last} 的流水号已用尽，请系统管理员在目录设置中调整号段。</source>
        <translation>The serials of this machine&apos;s range {first}–{last} are used up; a system administrator should adjust the range in the catalog settings.</translation>
    </message>
    <message>
        <location filename="../../publish/index_number.py" line="163"/>
        <source>索引号方案无法读取：{reason}</source>
        <translation>The index number scheme cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="85"/>
        <source>门户地址必须使用 HTTPS：{url}</source>
        <translation>The portal address must use HTTPS: {url}</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="147"/>
        <source>待发送的文件与复核通过的文件不一致，已停止。</source>
        <translation>The file to send is not the verified one; stopped.</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="219"/>
        <source>门户的回执无法识别。</source>
        <translation>The portal&apos;s receipt cannot be read.</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="222"/>
        <source>门户回执中的文件哈希（{got}）与发送的文件（{sent}）不一致。</source>
        <translation>The file hash in the portal&apos;s receipt ({got}) does not match the file sent ({sent}).</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="262"/>
        <source>门户的响应超过 {limit} MB，已停止读取。</source>
        <translation>The portal&apos;s response is larger than {limit} MB; reading stopped.</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="268"/>
        <source>门户在 {seconds} 秒内没有完成响应（响应过慢），已中断。</source>
        <translation>The portal did not finish its response within {seconds} seconds (too slow); stopped.</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="281"/>
        <source>门户把请求转到了别处（HTTP {status}：{location}），审发台不跟随转向，以免访问令牌被带到别的地址。请把门户地址设为它的最终地址。</source>
        <translation>The portal redirected the request elsewhere (HTTP {status}: {location}). The desk does not follow redirects, so that the access token is never sent to another address. Set the portal address to its final address.</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="290"/>
        <source>门户拒绝了访问令牌（HTTP {status}），请重新设置令牌。</source>
        <translation>The portal refused the access token (HTTP {status}); set the token again.</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="296"/>
        <source>门户拒绝了请求（HTTP {status}）：{detail}</source>
        <translation>The portal refused the request (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="302"/>
        <source>门户出错（HTTP {status}）：{detail}</source>
        <translation>Portal error (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="309"/>
        <location filename="../../publish/portal.py" line="324"/>
        <source>门户在 {seconds} 秒内没有响应。</source>
        <translation>The portal did not answer within {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="318"/>
        <source>门户的 TLS 证书验证失败：{reason}</source>
        <translation>The portal&apos;s TLS certificate failed verification: {reason}</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="330"/>
        <source>无法连接门户：{reason}</source>
        <translation>Cannot reach the portal: {reason}</translation>
    </message>
    <message>
        <location filename="../../publish/portal.py" line="337"/>
        <source>门户的应答无法识别（不是约定的 JSON）。</source>
        <translation>The portal&apos;s answer cannot be understood (not the agreed JSON).</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="72"/>
        <source>本机没有安全的密钥环（如 Secret Service），密钥不会保存，每次使用时需要输入。</source>
        <translation>This machine has no secure keyring (such as Secret Service): secrets are not stored and are asked for each time.</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="81"/>
        <source>读取密钥环失败：{reason}</source>
        <translation>Reading the keyring failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="84"/>
        <source>密钥环中没有“{name}”。</source>
        <translation>The keyring holds no “{name}”.</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="94"/>
        <source>写入密钥环失败：{reason}</source>
        <translation>Writing to the keyring failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/categories.py" line="73"/>
        <source>只有系统管理员可以修改主题分类。</source>
        <translation>Only system administrators can change the subject categories.</translation>
    </message>
    <message>
        <location filename="../../app/categories.py" line="76"/>
        <source>分类名称不能为空，也不能含有“\”。</source>
        <translation>A category name cannot be empty or contain “\”.</translation>
    </message>
    <message>
        <location filename="../../app/categories.py" line="79"/>
        <source>上级分类“{path}”不存在。</source>
        <translation>Parent category “{path}” does not exist.</translation>
    </message>
    <message>
        <location filename="../../app/categories.py" line="86"/>
        <source>分类“{path}”已存在。</source>
        <translation>Category “{path}” already exists.</translation>
    </message>
    <message>
        <location filename="../../app/categories.py" line="91"/>
        <source>目录中已有条目使用“{path}”，它必须保持为末级分类。</source>
        <translation>Catalog entries use “{path}”; it must stay a leaf.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="65"/>
        <source>“{name}”不是支持的音视频文件（{kinds}）。</source>
        <translation>“{name}” is not a supported audio or video file ({kinds}).</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="76"/>
        <source>“{name}”的内容既不是可识别的音视频格式，也不是可检查的文档，不能作为音视频附件上传。</source>
        <translation>The content of “{name}” is neither a recognised audio or video format nor a document that can be checked; it cannot be uploaded as an audio/video attachment.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="84"/>
        <source>解读正文不能为空。</source>
        <translation>The interpretation text cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="116"/>
        <source>政策解读本身不能再附解读。</source>
        <translation>An interpretation cannot have interpretations of its own.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="119"/>
        <source>文件“{title}”当前为“{status}”，不能再附解读。</source>
        <translation>“{title}” is “{status}”; no interpretation can be attached now.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="124"/>
        <source>只有本部门的经办人可以为文件添加解读。</source>
        <translation>Only a clerk of the department can add interpretations.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="126"/>
        <source>请填写解读标题。</source>
        <translation>Enter the interpretation title.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="128"/>
        <source>请填写起草部门（谁起草、谁解读）。</source>
        <translation>Enter the drafting department (whoever drafts, interprets).</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="132"/>
        <location filename="../../app/interpretations.py" line="182"/>
        <source>解读正文请二选一：在此撰写，或上传文件。</source>
        <translation>Either write the interpretation here or upload a file, not both.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="138"/>
        <source>请撰写解读正文，或选择解读文件。</source>
        <translation>Write the interpretation, or choose its file.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="185"/>
        <source>只有政策解读可以在此撰写正文。</source>
        <translation>Only a policy interpretation can have its text written here.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="365"/>
        <source>附件“{name}”是在最近一次保密检查之后上传的，请重新检查后再批准。</source>
        <translation>Attachment “{name}” was uploaded after the last confidentiality check; check again, then approve.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="382"/>
        <source>附件“{name}”中有 {count} 项内容被决定删除或遮盖，但音视频附件按原样发布、无法删减。请退回经办人删除或替换该附件后重新提交。</source>
        <translation>In attachment “{name}”, {count} items were decided to be removed or masked, but audio/video attachments are published as they are and cannot be redacted. Return it to the clerk to remove or replace the attachment and submit again.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="393"/>
        <source>找不到编号为 {id} 的音视频附件。</source>
        <translation>There is no audio/video attachment {id}.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="398"/>
        <source>“{title}”当前为“{status}”，提交审查后才能进行人工审查。</source>
        <translation>“{title}” is “{status}”; it can be reviewed by hand only after it is submitted for review.</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="409"/>
        <source>请填写人工审查说明（试听或观看了哪些内容、有无敏感信息）。</source>
        <translation>Write the manual review note (what you listened to or watched, and whether it holds sensitive information).</translation>
    </message>
    <message>
        <location filename="../../app/signing_keys.py" line="39"/>
        <source>只有部门的系统管理员可以管理密钥。</source>
        <translation>Only a department&apos;s administrator can manage keys.</translation>
    </message>
    <message>
        <location filename="../../app/signing_keys.py" line="82"/>
        <source>本部门还没有签名密钥。请系统管理员先生成密钥（key generate）。</source>
        <translation>The department has no signing key yet. An administrator must generate one first (key generate).</translation>
    </message>
    <message>
        <location filename="../../app/signing_keys.py" line="95"/>
        <source>无法从系统密钥环取得签名密钥 {key} 的私钥：{reason}</source>
        <translation>Cannot get the private key of signing key {key} from the system keyring: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/signing_keys.py" line="101"/>
        <source>{folder} 中找不到签名密钥 {key} 的私钥文件。</source>
        <translation>The private key file of signing key {key} is not in {folder}.</translation>
    </message>
    <message>
        <location filename="../../app/signing_keys.py" line="111"/>
        <source>{user}不属于任何部门。</source>
        <translation>{user} belongs to no department.</translation>
    </message>
    <message>
        <location filename="../../app/signing_keys.py" line="123"/>
        <source>密钥 {key} 已被吊销，不能再次登记。</source>
        <translation>Key {key} was revoked and cannot be registered again.</translation>
    </message>
    <message>
        <location filename="../../app/signing_keys.py" line="155"/>
        <source>吊销密钥必须填写理由。</source>
        <translation>Revoking a key needs a reason.</translation>
    </message>
    <message>
        <location filename="../../app/signing_keys.py" line="159"/>
        <source>没有编号为 {key} 的密钥。</source>
        <translation>There is no key {key}.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="104"/>
        <source>只有部门的发布管理员可以导出或导入传输包。</source>
        <translation>Only a department&apos;s publisher can export or import transfer packages.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="199"/>
        <source>没有待导出的条目。发布时选择“传输包”目标，条目才会进入传输包。</source>
        <translation>Nothing is waiting for export. Items go into a transfer package when published with the “transfer package” target.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="252"/>
        <source>无法写入传输包“{name}”：{reason}。没有导出任何内容。</source>
        <translation>Cannot write transfer package “{name}”: {reason}. Nothing was exported.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="267"/>
        <source>传输包（序号 {sequence}）已导出并记录，但无法写到“{path}”：{reason}。下次启动审发台时会再次尝试。</source>
        <translation>The transfer package (sequence {sequence}) was exported and recorded, but cannot be written to “{path}”: {reason}. The desk tries again at its next start.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="299"/>
        <location filename="../../app/transfer.py" line="336"/>
        <source>这些条目已由他人导出，本次导出已作废。</source>
        <translation>Someone else exported these items; this export was discarded.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="476"/>
        <source>传输包声称来自“{claimed}”，但签名密钥登记为“{registered}”，拒绝导入。</source>
        <translation>The package claims to come from “{claimed}” but its key is registered to “{registered}”; refused.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="526"/>
        <source>传输包来自的审查机使用流水号号段 {first}–{last}，与本机号段 {here_first}–{here_last} 重叠：两台机器会给不同条目编出同一个索引号。未导入任何内容。请系统管理员在本机“目录设置”中把本部门的号段改为与审查机不重叠的范围，再导入本包。</source>
        <translation>The review machine the package comes from uses the serial range {first}–{last}, which overlaps this machine&apos;s range {here_first}–{here_last}: the two machines would give different entries the same index number. Nothing was imported. A system administrator should change the department&apos;s range in “Catalog settings” on this machine so it does not overlap the review machine&apos;s, then import the package again.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="548"/>
        <source>传输包中有 {count} 个索引号在本机已被其他条目使用，未导入任何内容：{clashes}。这是离线审查机和本机在同一范围内各自编号造成的重号。处理办法：1. 系统管理员在两台机器的“目录设置”中为本部门设定互不重叠的流水号号段，以免再次重号；2. 选择“跳过重号条目”（命令行 --skip-clashes）导入本包的其余内容；3. 重号的条目由离线审查机撤回，再作为新文件审查、发布，以取得新的索引号。</source>
        <translation>{count} index numbers in the package are already used by other entries on this machine; nothing was imported: {clashes}. The offline review machine and this machine numbered in the same range independently. What to do: 1. a system administrator sets non-overlapping serial ranges for the department in “Catalog settings” on both machines, so that it does not happen again; 2. choose “Skip clashing entries” (command line --skip-clashes) to import the rest of the package; 3. the offline review machine withdraws the clashing entries and reviews and publishes them again as new documents to get new index numbers.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="565"/>
        <source>{item}的字段 {field} 无法识别，拒绝导入。</source>
        <translation>{item}: field {field} is not recognised; not imported.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="620"/>
        <source>传输包 {package} 已经导入过，拒绝再次导入（重放）。</source>
        <translation>Package {package} was imported before; refused (replay).</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="632"/>
        <source>传输包序号 {sequence} 不大于已导入的 {last}：可能是重放的旧包，拒绝导入。</source>
        <translation>Package sequence {sequence} is not above the last imported, {last}: possibly an old package replayed; refused.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="692"/>
        <source>索引号“{index_no}”已被本机目录中的其他条目使用，拒绝导入。</source>
        <translation>Index number “{index_no}” belongs to another entry of this catalog; refused.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="706"/>
        <source>传输包条目“{index_no}”缺少发布文件。</source>
        <translation>Package item “{index_no}” has no published file.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="747"/>
        <source>传输包要修改的条目“{index_no}”不在本机目录中。</source>
        <translation>The entry “{index_no}” the package changes is not in this catalog.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="762"/>
        <source>传输包含有无法识别的操作“{action}”。</source>
        <translation>The package holds an unknown action “{action}”.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="795"/>
        <source>传输包条目“{index_no}”未通过本机的保密检查：{problems}。未导入任何内容。</source>
        <translation>Package item “{index_no}” failed this machine&apos;s confidentiality check: {problems}. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="815"/>
        <source>传输包条目“{index_no}”是对索引号“{target}”的解读，但该文件属于其他部门（{owner}），本包的签名部门无权为其添加解读。未导入任何内容。</source>
        <translation>Package entry “{index_no}” is an interpretation of index number “{target}”, but that document belongs to another department ({owner}) and the package&apos;s signing department may not add interpretations to it. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../app/transfer.py" line="827"/>
        <source>传输包条目“{index_no}”没有冻结的发布内容，拒绝导入。</source>
        <translation>Package item “{index_no}” has no frozen release; refused.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="60"/>
        <source>私钥口令至少需要 8 个字符。</source>
        <translation>The private key passphrase needs at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="72"/>
        <source>私钥口令不正确，或私钥文件已损坏。</source>
        <translation>Wrong passphrase, or the private key is damaged.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="74"/>
        <source>私钥不是 Ed25519 密钥。</source>
        <translation>The private key is not an Ed25519 key.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="88"/>
        <source>公钥无法读取。</source>
        <translation>The public key cannot be read.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="90"/>
        <source>公钥不是 Ed25519 密钥。</source>
        <translation>The public key is not an Ed25519 key.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="124"/>
        <source>不是审发台的公钥文件。</source>
        <translation>Not a Disclosure Desk public key file.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="126"/>
        <source>公钥文件中的密钥编号与公钥不符。</source>
        <translation>The key id in the public key file does not match the key.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="233"/>
        <source>传输包“{name}”不是普通文件，拒绝读取。</source>
        <translation>Package “{name}” is not a regular file; not read.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="236"/>
        <source>传输包“{name}”过大，拒绝读取。</source>
        <translation>Package “{name}” is too large; not read.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="241"/>
        <source>无法读取传输包“{name}”：{reason}</source>
        <translation>Cannot read package “{name}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="249"/>
        <source>传输包“{name}”含有重名的文件，拒绝导入。</source>
        <translation>Package “{name}” holds two files of the same name; not imported.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="253"/>
        <source>传输包“{name}”没有签名或清单，拒绝导入。</source>
        <translation>Package “{name}” has no signature or manifest; refused.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="261"/>
        <location filename="../../publish/transfer.py" line="319"/>
        <source>传输包“{name}”已损坏或不完整（可能被截断）。</source>
        <translation>Package “{name}” is damaged or incomplete (perhaps truncated).</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="265"/>
        <source>传输包“{name}”的清单过大（超过 {limit} MB），拒绝读取。</source>
        <translation>The manifest of package “{name}” is too large (over {limit} MB); not read.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="273"/>
        <location filename="../../publish/transfer.py" line="298"/>
        <source>传输包“{name}”的清单无法识别。</source>
        <translation>The manifest of package “{name}” is not recognised.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="278"/>
        <source>传输包“{name}”由未登记或已吊销的密钥（{key}）签名，拒绝导入。</source>
        <translation>Package “{name}” is signed by an unregistered or revoked key ({key}); refused.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="286"/>
        <source>传输包“{name}”的签名无效：清单在签名后被改动过。</source>
        <translation>The signature of package “{name}” is invalid: the manifest was changed after signing.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="304"/>
        <source>传输包“{name}”含有清单之外的文件，拒绝导入。</source>
        <translation>Package “{name}” holds files its manifest does not name; refused.</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="311"/>
        <source>传输包“{name}”缺少文件或文件大小不符（{sha}）。</source>
        <translation>Package “{name}” lacks a file or a file has the wrong size ({sha}).</translation>
    </message>
    <message>
        <location filename="../../publish/transfer.py" line="323"/>
        <source>传输包“{name}”中的文件 {sha} 与清单的哈希不符。</source>
        <translation>File {sha} in package “{name}” does not match its hash in the manifest.</translation>
    </message>
    <message>
        <location filename="../../app/backup.py" line="81"/>
        <location filename="../../app/backup.py" line="161"/>
        <source>只有系统管理员可以备份或恢复数据库。</source>
        <translation>Only system administrators can back up or restore the database.</translation>
    </message>
    <message>
        <location filename="../../app/backup.py" line="91"/>
        <source>共享数据库（PostgreSQL）请用数据库服务器的工具（如 pg_dump）备份。</source>
        <translation>Back up a shared (PostgreSQL) database with the server&apos;s tools, such as pg_dump.</translation>
    </message>
    <message>
        <location filename="../../app/backup.py" line="123"/>
        <source>“{name}”不是完好的审发台数据库备份。</source>
        <translation>“{name}” is not a sound Disclosure Desk database backup.</translation>
    </message>
    <message>
        <location filename="../../app/backup.py" line="129"/>
        <source>备份来自更新版本的审发台（数据库版本 {revision}），请先升级本机的审发台。</source>
        <translation>The backup comes from a newer Disclosure Desk (database version {revision}); upgrade this desk first.</translation>
    </message>
    <message>
        <location filename="../../app/backup.py" line="143"/>
        <source>数据库正被使用。请先关闭所有使用该数据目录的审发台，再恢复备份。</source>
        <translation>The database is in use. Close every desk using this data directory, then restore.</translation>
    </message>
    <message>
        <location filename="../../app/backup.py" line="189"/>
        <source>数据目录中已有数据库。如确要用备份替换它，请确认覆盖（当前数据库会先另存一份）。</source>
        <translation>The data directory already has a database. To replace it with the backup, confirm the overwrite (the current database is kept first).</translation>
    </message>
    <message>
        <location filename="../../app/backup.py" line="242"/>
        <source>备份的审计链被改动过，拒绝恢复：{problem}</source>
        <translation>The backup&apos;s audit trail has been altered; not restored: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/db/credentials.py" line="67"/>
        <source>数据库 {name} 需要密码：请在提示时输入，或先存入系统密钥环。</source>
        <translation>Database {name} needs a password: type it when asked, or store it in the system keyring first.</translation>
    </message>
    <message>
        <location filename="../../app/db/move.py" line="35"/>
        <source>目标数据库就是当前数据库。</source>
        <translation>The target is the current database.</translation>
    </message>
    <message>
        <location filename="../../app/db/move.py" line="46"/>
        <source>当前数据库中有超过字段长度上限的内容，PostgreSQL 不能保存，未迁移：{rows}。请先修改这些内容（草稿可在文件信息中修改），再迁移。</source>
        <translation>The current database holds content longer than the field limits, which PostgreSQL cannot store; not migrated: {rows}. Change that content first (drafts in the document details), then migrate.</translation>
    </message>
    <message>
        <location filename="../../app/db/move.py" line="54"/>
        <source>目标数据库已有数据，拒绝覆盖。请使用一个空的数据库。</source>
        <translation>The target database already holds data; refused. Use an empty database.</translation>
    </message>
    <message>
        <location filename="../../app/db/move.py" line="60"/>
        <source>迁移失败，目标数据库没有任何改动：{reason}</source>
        <translation>The move failed; the target database is unchanged: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/db/move.py" line="120"/>
        <source>迁移后表 {table} 的行数不符（{copied} ≠ {found}）。</source>
        <translation>After the move, table {table} has the wrong number of rows ({copied} ≠ {found}).</translation>
    </message>
    <message>
        <location filename="../../app/db/move.py" line="128"/>
        <source>迁移后的审计链校验失败：{problem}</source>
        <translation>After the move, the audit chain does not verify: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="91"/>
        <location filename="../../app/sentinel.py" line="99"/>
        <source>网站文件夹不存在：{path}</source>
        <translation>The site folder does not exist: {path}</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="542"/>
        <source>条目没有可核对的冻结发布内容：{reason}</source>
        <translation>The entry has no frozen release to verify against: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="543"/>
        <source>网站上有审发台没有写出的文件</source>
        <translation>The site has a file the desk did not write</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="544"/>
        <source>内容与审发台按冻结的发布内容写出的不一致（被改动过）</source>
        <translation>The content differs from what the desk wrote from the frozen release (it was changed)</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="545"/>
        <source>已撤回条目“{index_no}”的文件仍在提供</source>
        <translation>A file of withdrawn entry “{index_no}” is still served</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="546"/>
        <source>没有任何现行条目使用此文件，却仍在提供</source>
        <translation>No current entry uses this file, yet it is still served</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="549"/>
        <source>文件内容与冻结的发布内容不一致（SHA-256 为 {got}…，应为 {want}…）</source>
        <translation>The file content does not match the frozen release (SHA-256 {got}…, should be {want}…)</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="550"/>
        <source>缺少条目“{index_no}”发布的文件</source>
        <translation>A published file of entry “{index_no}” is missing</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="551"/>
        <source>无法读取文件内容，未能核对其中的文字</source>
        <translation>The file content cannot be read; its text was not verified</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="552"/>
        <source>数据库中没有此页面对应的条目</source>
        <translation>The database has no entry for this page</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="553"/>
        <source>缺少条目“{index_no}”的页面</source>
        <translation>The page of entry “{index_no}” is missing</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="554"/>
        <source>条目“{index_no}”仍在公开，页面却显示已撤回</source>
        <translation>Entry “{index_no}” is still published, but its page shows it as withdrawn</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="555"/>
        <source>所示的{fields}与冻结的发布内容不一致</source>
        <translation>The fields shown ({fields}) do not match the frozen release</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="556"/>
        <source>所链接的文件与冻结的发布内容不一致</source>
        <translation>The linked files do not match the frozen release</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="557"/>
        <source>目录字段未通过检查：{problem}</source>
        <translation>A catalog field failed the check: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="558"/>
        <source>含有审查时删除的内容：{texts}</source>
        <translation>Contains text removed at review: {texts}</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="559"/>
        <source>已撤回条目“{index_no}”的页面仍显示内容</source>
        <translation>The page of withdrawn entry “{index_no}” still shows its content</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="560"/>
        <source>目录数据无法读取</source>
        <translation>The catalog data cannot be read</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="561"/>
        <source>目录列表中有数据库中没有的条目“{index_no}”</source>
        <translation>The catalog list has an entry “{index_no}” that is not in the database</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="562"/>
        <source>目录列表中仍有已撤回的条目“{index_no}”</source>
        <translation>The catalog list still has withdrawn entry “{index_no}”</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="563"/>
        <source>门户上的这个条目在数据库中没有</source>
        <translation>This portal entry is not in the database</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="564"/>
        <source>已推送到门户的条目在门户上不存在</source>
        <translation>An entry pushed to the portal is not on the portal</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="565"/>
        <source>条目仍在公开，门户上却是已撤回状态</source>
        <translation>The entry is still published, but the portal shows it as withdrawn</translation>
    </message>
    <message>
        <location filename="../../app/published_audit.py" line="566"/>
        <source>已撤回条目“{index_no}”在门户上仍在公开</source>
        <translation>Withdrawn entry “{index_no}” is still published on the portal</translation>
    </message>
    <message>
        <location filename="../../app/releases.py" line="301"/>
        <source>找不到冻结的发布内容 {sha}。</source>
        <translation>Frozen release {sha} not found.</translation>
    </message>
    <message>
        <location filename="../../app/releases.py" line="348"/>
        <source>条目“{index_no}”没有冻结的发布内容，拒绝发布。</source>
        <translation>Entry “{index_no}” has no frozen release; publishing refused.</translation>
    </message>
    <message>
        <location filename="../../app/releases.py" line="361"/>
        <source>条目“{index_no}”的{fields}与审查批准的发布内容不一致，拒绝发布。请重新审查。</source>
        <translation>Entry “{index_no}” differs from the release approved at review in: {fields}; publishing refused. Review it again.</translation>
    </message>
    <message>
        <location filename="../../publish/release.py" line="101"/>
        <source>发布内容与冻结时的校验值不一致，拒绝发布。</source>
        <translation>The release does not match the checksum it was frozen with; publishing refused.</translation>
    </message>
    <message>
        <location filename="../../publish/release.py" line="126"/>
        <location filename="../../publish/release.py" line="128"/>
        <source>发布内容格式无效。</source>
        <translation>The release format is invalid.</translation>
    </message>
    <message>
        <location filename="../../publish/release.py" line="130"/>
        <source>依申请公开的条目不能带有文件。</source>
        <translation>An entry for disclosure on request cannot carry files.</translation>
    </message>
    <message>
        <location filename="../../app/field_limits.py" line="171"/>
        <source>“{item}”的{field}不能超过 {limit} 个字符（现有 {length} 个），没有保存。</source>
        <translation>The {field} of “{item}” cannot be longer than {limit} characters (it has {length}); not saved.</translation>
    </message>
    <message>
        <location filename="../../app/field_limits.py" line="176"/>
        <source>{field}不能超过 {limit} 个字符（现有 {length} 个），没有保存。</source>
        <translation>{field} cannot be longer than {limit} characters (it has {length}); not saved.</translation>
    </message>
    <message>
        <location filename="../../app/filecheck.py" line="94"/>
        <source>“{name}”太大或太复杂，检查时内存不足，已跳过。</source>
        <translation>“{name}” is too large or too complex: out of memory while checking; skipped.</translation>
    </message>
    <message>
        <location filename="../../app/filecheck.py" line="182"/>
        <source>“{name}”使检查进程意外终止（可能内存不足或文件已损坏），已跳过。</source>
        <translation>“{name}” made the check process stop unexpectedly (out of memory or a damaged file); skipped.</translation>
    </message>
    <message>
        <location filename="../../review/compose.py" line="52"/>
        <source>“{name}”的文字有 {chars} 万字，超过排版上限 {limit} 万字，请拆分后再导入。</source>
        <translation>The text of “{name}” has {chars}0k characters, over the typesetting limit of {limit}0k; split it, then import.</translation>
    </message>
    <message>
        <location filename="../../review/compose.py" line="156"/>
        <source>“{name}”中有一块内容（如表格的一格）比一页还高，无法排版，请拆分后再试。</source>
        <translation>A piece of content in “{name}” (such as a table cell) is taller than a page and cannot be typeset; split it, then try again.</translation>
    </message>
    <message>
        <location filename="../../review/convert.py" line="151"/>
        <source>本机未安装 LibreOffice，发布版按文字重新排版：表格、文本框、页眉页脚、红头等版式未保留。</source>
        <translation>LibreOffice is not installed here, so the published version was re-typeset from the text: tables, text boxes, headers and footers, red letterheads and other layout were not kept.</translation>
    </message>
    <message>
        <location filename="../../review/convert.py" line="153"/>
        <source>发布版保留原版式（LibreOffice 转换），字体替换：{fonts}。</source>
        <translation>The published version keeps the original layout (converted by LibreOffice); fonts substituted: {fonts}.</translation>
    </message>
    <message>
        <location filename="../../review/convert.py" line="155"/>
        <source>发布版保留原版式（LibreOffice 转换）。</source>
        <translation>The published version keeps the original layout (converted by LibreOffice).</translation>
    </message>
    <message>
        <location filename="../../review/convert.py" line="264"/>
        <source>无法使用 LibreOffice：{reason}</source>
        <translation>Cannot use LibreOffice: {reason}</translation>
    </message>
    <message>
        <location filename="../../review/convert.py" line="374"/>
        <source>LibreOffice 无法转换“{name}”：{reason}</source>
        <translation>LibreOffice cannot convert “{name}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../review/convert.py" line="401"/>
        <source>LibreOffice 转换“{name}”超过 {seconds} 秒未完成，已重新启动转换进程。</source>
        <translation>LibreOffice did not finish converting “{name}” within {seconds} seconds; the conversion process was restarted.</translation>
    </message>
    <message>
        <location filename="../../review/convert.py" line="584"/>
        <source>“{name}”是 DOC、WPS 或 ODT 文件，需要 LibreOffice 才能读取：{reason}</source>
        <translation>“{name}” is a DOC, WPS or ODT file and needs LibreOffice to be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../review/wording/packs.py" line="189"/>
        <source>规则包文件不是 UTF-8 编码，未读取</source>
        <translation>The rule pack file is not UTF-8; not read</translation>
    </message>
    <message>
        <location filename="../../review/wording/packs.py" line="206"/>
        <source>无法识别的规则包表头“{header}”，未读取</source>
        <translation>Unknown rule pack header “{header}”; not read</translation>
    </message>
    <message>
        <location filename="../../review/wording/packs.py" line="230"/>
        <source>缺少必填的词语</source>
        <translation>The required term is missing</translation>
    </message>
    <message>
        <location filename="../../review/wording/packs.py" line="241"/>
        <source>日期“{value}”应写作 2023-03-11</source>
        <translation>Date “{value}” should be written as 2023-03-11</translation>
    </message>
    <message>
        <location filename="../../review/wording/packs.py" line="257"/>
        <source>未知级别“{level}”（可用：阻断、警告、提示、停用）</source>
        <translation>Unknown level “{level}” (use 阻断, 警告, 提示 or 停用)</translation>
    </message>
    <message>
        <location filename="../../review/wording/packs.py" line="269"/>
        <source>“简称专指”应为“是”或“否”，而不是“{value}”</source>
        <translation>The exclusive-abbreviation (简称专指) column should be 是 or 否, not “{value}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/packs.py" line="278"/>
        <source>任职止日早于起日</source>
        <translation>The end of the term is before its start</translation>
    </message>
    <message>
        <location filename="../../review/wording/packs.py" line="286"/>
        <source>排序至少需要两个姓名，以“、”分隔</source>
        <translation>An order needs at least two names, separated by “、”</translation>
    </message>
    <message>
        <location filename="../../review/wording/packs.py" line="305"/>
        <source>“语境”应为空或“当前”，而不是“{value}”</source>
        <translation>The context (语境) column should be empty or 当前, not “{value}”</translation>
    </message>
    <message>
        <location filename="../../app/cli/recheck.py" line="53"/>
        <source>分区应写作 K/N（0 ≤ K &lt; N），如 0/4：{value}</source>
        <translation>A partition is written K/N (0 ≤ K &lt; N), such as 0/4: {value}</translation>
    </message>
    <message>
        <location filename="../../app/cli/recheck.py" line="77"/>
        <source>只有发布管理员、保密审查员或系统管理员可以全面复查已发布的内容。</source>
        <translation>Only publishing managers, confidentiality reviewers or system administrators can run a full recheck of published content.</translation>
    </message>
    <message>
        <location filename="../../app/cli/requests.py" line="250"/>
        <source>告知补正时请用 --until 给出补正期限。</source>
        <translation>When requesting an amendment, give the amendment deadline with --until.</translation>
    </message>
    <message>
        <location filename="../../app/cli/review.py" line="282"/>
        <source>无法读取规则包“{name}”：{reason}</source>
        <translation>Cannot read rule pack “{name}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="112"/>
        <source>没有编号为 {id} 的依申请公开申请。</source>
        <translation>There is no disclosure request with id {id}.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="126"/>
        <source>没有受理编号为 {number} 的依申请公开申请。</source>
        <translation>There is no disclosure request with request number {number}.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="193"/>
        <source>只有本部门的经办人可以登记和办理依申请公开申请。</source>
        <translation>Only clerks of the department can register and handle disclosure requests.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="199"/>
        <source>请填写{label}。</source>
        <translation>Please fill in {label}.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="202"/>
        <source>{label}最多 {limit} 个字符，现有 {count} 个。</source>
        <translation>{label} takes at most {limit} characters; it has {count}.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="212"/>
        <source>{label}不能晚于今天。</source>
        <translation>{label} cannot be later than today.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="283"/>
        <source>文件“{name}”是空的。</source>
        <translation>File “{name}” is empty.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="286"/>
        <source>文件“{name}”超过 {mb} MB，不能作为申请材料保存。</source>
        <translation>File “{name}” is over {mb} MB and cannot be kept as request material.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="329"/>
        <source>申请 {number} 已办结（{status}），不能再办理。</source>
        <translation>Request {number} is closed ({status}) and can no longer be handled.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="353"/>
        <source>办理日期不能早于收到申请的日期。</source>
        <translation>The date cannot be earlier than the date the request was received.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="389"/>
        <source>补正只能一次性告知（第三十条），本申请已告知过补正。</source>
        <translation>An amendment can be requested only once (art. 30), and this request already had one.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="395"/>
        <source>补正须在收到申请之日起 7 个工作日内告知（第三十条），最迟 {last}。</source>
        <translation>An amendment must be requested within 7 working days of receiving the request (art. 30), by {last} at the latest.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="399"/>
        <source>补正期限须晚于告知补正的日期。</source>
        <translation>The amendment deadline must be later than the date the amendment was requested.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="412"/>
        <source>本申请没有告知过补正。</source>
        <translation>No amendment was requested for this request.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="414"/>
        <source>本申请的补正已经登记过。</source>
        <translation>The amendment for this request is already recorded.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="416"/>
        <source>收到补正的日期不能早于告知补正的日期。</source>
        <translation>The date the amendment was received cannot be earlier than the date it was requested.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="438"/>
        <source>答复期限只能延长一次（第三十三条）。</source>
        <translation>The reply deadline can be extended only once (art. 33).</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="441"/>
        <source>延长的期限为 1 到 {max} 个工作日（第三十三条）。</source>
        <translation>An extension is 1 to {max} working days (art. 33).</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="455"/>
        <source>当前没有答复期限（等待补正或已不再处理），不能登记“{action}”。</source>
        <translation>There is no reply deadline now (awaiting amendment or no longer processed); cannot record “{action}”.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="462"/>
        <source>答复期限 {due} 已过，不能再登记“{action}”（须在答复期限内办理）。</source>
        <translation>The reply deadline {due} has passed; “{action}” can no longer be recorded (it must be done within the reply deadline).</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="480"/>
        <source>申请等待补正，收到补正后再征求意见。</source>
        <translation>The request is waiting for an amendment; consult after the amendment is received.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="505"/>
        <source>本申请没有尚未收到意见的征求意见。</source>
        <translation>This request has no consultation still waiting for an opinion.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="508"/>
        <source>收到意见的日期不能早于发出征求意见的日期。</source>
        <translation>The date the opinion was received cannot be earlier than the date the consultation was sent.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="533"/>
        <source>申请人撤回申请请用“撤回”登记。</source>
        <translation>Record an applicant&apos;s withdrawal with “Withdraw”.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="537"/>
        <source>只有补正期限已过且申请人未补正的申请才能以“逾期不补正”办结。</source>
        <translation>Only a request whose amendment deadline has passed without an amendment can be closed as “not amended in time”.</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="541"/>
        <source>“补正后申请内容仍不明确”须先告知补正并收到补正。</source>
        <translation>“Request still unclear after amendment” needs an amendment to have been requested and received first.</translation>
    </message>
    <message>
        <location filename="../../app/notice_periods.py" line="50"/>
        <source>公示期已于{day}届满，系统按公示期自动撤回。</source>
        <translation>The notice period ended on {day}; withdrawn automatically at the end of the notice period.</translation>
    </message>
    <message>
        <location filename="../../app/notice_periods.py" line="66"/>
        <source>只有本部门的发布管理员可以设定目录条目“{index_no}”的公示期。</source>
        <translation>Only a publishing manager of the entry&apos;s own department can set the notice period of catalog entry “{index_no}”.</translation>
    </message>
    <message>
        <location filename="../../app/recheck.py" line="334"/>
        <source>分区数须至少为 1。</source>
        <translation>There must be at least 1 partition.</translation>
    </message>
    <message>
        <location filename="../../app/recheck.py" line="348"/>
        <source>正在进行的第 {run} 次复查分为 {parts} 个分区，而不是 {asked} 个。</source>
        <translation>Recheck {run}, in progress, has {parts} partitions, not {asked}.</translation>
    </message>
    <message>
        <location filename="../../app/recheck.py" line="1022"/>
        <source>没有编号为 {run} 的复查。</source>
        <translation>There is no recheck {run}.</translation>
    </message>
    <message>
        <location filename="../../app/recheck.py" line="1052"/>
        <source>“{index_no}”来自传输包，须在报送它的机器上更正。</source>
        <translation>“{index_no}” came in a transfer package; correct it on the machine that sent it.</translation>
    </message>
    <message>
        <location filename="../../app/recheck.py" line="1057"/>
        <source>只有本部门的经办人可以更正目录条目“{index_no}”。</source>
        <translation>Only clerks of the entry&apos;s own department can correct catalog entry “{index_no}”.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="105"/>
        <source>“{outcome}”没有答复书模板，请按本机关的格式另行起草。</source>
        <translation>There is no reply letter template for “{outcome}”; draft it separately in the agency&apos;s own format.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="150"/>
        <source>文件名或标题中有申请人的姓名或联系方式，请改用不含申请人信息的标题和文件名（标题会长期保存在审计记录中）。</source>
        <translation>The file name or title contains the applicant&apos;s name or contact details; use a title and file name without the applicant&apos;s details (titles are kept long-term in the audit records).</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="271"/>
        <source>申请 {number} 的答复书“{title}”当前为“{status}”，不能再修改；如需修改请先退回。</source>
        <translation>The reply letter “{title}” of request {number} is now “{status}” and can no longer be changed; return it first to change it.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="381"/>
        <source>只有本部门的经办人可以起草答复。</source>
        <translation>Only clerks of the department can draft replies.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="385"/>
        <source>申请 {number} 已办结（不再处理），不能再起草答复。</source>
        <translation>Request {number} is closed (no longer processed); no reply can be drafted.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="427"/>
        <source>“{title}”是依申请公开申请 {number} 的答复材料，只提供给申请人，不能发布到公开目录。如该信息可以公开并需主动公开（条例第四十四条），请用“转为主动公开”另建草稿，按主动公开流程审查发布。</source>
        <translation>“{title}” is reply material for disclosure request {number}, provided only to the applicant; it cannot be published in the disclosure catalog. If the information can be disclosed and should be disclosed proactively (Regulations art. 44), use “Convert to proactive disclosure” to make a new draft and review and publish it as a proactive disclosure.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="441"/>
        <source>“{title}”尚未经审查批准（当前为“{status}”），不能交付申请人。</source>
        <translation>“{title}” has not been reviewed and approved (it is “{status}”); cannot deliver it to the applicant.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="452"/>
        <source>“{title}”没有可交付的审查发布版本（审查结论须为“同意公开”或“删减后公开”，且批准后未再修改）。</source>
        <translation>“{title}” has no reviewed published version to deliver (the conclusion must be “Disclose” or “Disclose redacted”, with no change since approval).</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="463"/>
        <source>“{title}”的发布版本与审查时复核的版本不一致，不能交付。</source>
        <translation>The published version of “{title}” is not the one verified at review; cannot deliver.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="485"/>
        <source>申请 {number} 的答复书所列文件与要交付的文件不一致（{titles}），请重新起草答复书并经审查批准后再导出。</source>
        <translation>The documents listed in the reply letter of request {number} do not match the documents to deliver ({titles}); draft the reply letter again and have it reviewed and approved before exporting.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="513"/>
        <source>只有本部门的经办人可以导出答复材料。</source>
        <translation>Only clerks of the department can export reply materials.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="517"/>
        <source>申请 {number} 还没有答复书，请先起草答复书并经审查批准。</source>
        <translation>Request {number} has no reply letter yet; draft one and have it reviewed and approved first.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="573"/>
        <source>申请 {number} 没有已批准的公开文件，无法转为主动公开。</source>
        <translation>Request {number} has no approved disclosed documents; nothing to convert to proactive disclosure.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="583"/>
        <source>“{title}”中有申请人的姓名或联系方式，不能转为主动公开。请删除后作为新文件导入并按主动公开流程审查。</source>
        <translation>“{title}” contains the applicant&apos;s name or contact details and cannot be converted to proactive disclosure. Remove them, import it as a new document and review it as a proactive disclosure.</translation>
    </message>
    <message>
        <location filename="../../app/request_answers.py" line="602"/>
        <source>只有本部门的经办人可以转为主动公开。</source>
        <translation>Only clerks of the department can convert to proactive disclosure.</translation>
    </message>
    <message>
        <location filename="../../app/rulepacks.py" line="73"/>
        <source>规则包须为 CSV 文件（.csv）：{name}</source>
        <translation>A rule pack must be a CSV file (.csv): {name}</translation>
    </message>
    <message>
        <location filename="../../app/rulepacks.py" line="84"/>
        <source>规则包“{name}”中没有可用的规则，未导入：{reasons}</source>
        <translation>Rule pack “{name}” has no usable rules; not imported: {reasons}</translation>
    </message>
    <message>
        <location filename="../../app/rulepacks.py" line="99"/>
        <source>停用规则或删去已有规则须由系统管理员进行（规则包“{name}”），未导入。</source>
        <translation>Only a system administrator can disable rules or remove existing ones (rule pack “{name}”); not imported.</translation>
    </message>
    <message>
        <location filename="../../app/rulepacks.py" line="130"/>
        <source>只有系统管理员可以删除部门规则包。</source>
        <translation>Only system administrators can delete department rule packs.</translation>
    </message>
    <message>
        <location filename="../../app/rulepacks.py" line="137"/>
        <source>本部门没有规则包“{name}”。</source>
        <translation>The department has no rule pack “{name}”.</translation>
    </message>
    <message>
        <location filename="../../app/rulepacks.py" line="156"/>
        <source>只有本部门的保密审查员或系统管理员可以修改部门规则包。</source>
        <translation>Only the department&apos;s confidentiality reviewers or system administrators can change its rule packs.</translation>
    </message>
    <message>
        <location filename="../../app/sentinel.py" line="419"/>
        <source>没有编号为 {run} 的已完成巡检。</source>
        <translation>There is no finished inspection {run}.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="174"/>
        <source>不予公开的部分“{part}”没有写明法律依据，不能生成答复书。</source>
        <translation>The withheld part “{part}” states no legal basis; cannot produce the reply letter.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="189"/>
        <source>答复文书模板“{path}”无法读取：{reason}</source>
        <translation>Cannot read letter template “{path}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="193"/>
        <source>找不到答复文书模板“{name}.txt”。</source>
        <translation>Letter template “{name}.txt” not found.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="207"/>
        <source>答复文书模板“{name}”中的“{{{fact}}}”不是审发台认识的事实。</source>
        <translation>“{{{fact}}}” in letter template “{name}” is not a fact the desk knows.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="261"/>
        <source>{kind}缺少以下内容，不能生成：{facts}。</source>
        <translation>{kind} lacks the following, so it cannot be produced: {facts}.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_package.py" line="118"/>
        <source>答复材料包“{name}”中有重复的文件名，可能被篡改。</source>
        <translation>Reply package “{name}” has duplicate file names; it may have been tampered with.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_package.py" line="128"/>
        <source>答复材料包“{name}”不完整或已损坏。</source>
        <translation>Reply package “{name}” is incomplete or damaged.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_package.py" line="130"/>
        <source>答复材料包“{name}”的清单与签名公钥不符。</source>
        <translation>The manifest of reply package “{name}” does not match its signing public key.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_package.py" line="132"/>
        <source>答复材料包“{name}”不是用该机关的签名密钥签署的。</source>
        <translation>Reply package “{name}” was not signed with the agency&apos;s signing key.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_package.py" line="136"/>
        <source>答复材料包“{name}”的签名无效。</source>
        <translation>The signature of reply package “{name}” is invalid.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_package.py" line="139"/>
        <source>答复材料包“{name}”内的文件与清单不一致。</source>
        <translation>The files in reply package “{name}” do not match its manifest.</translation>
    </message>
    <message>
        <location filename="../../publish/answer_package.py" line="143"/>
        <source>答复材料包“{name}”中“{file}”的 SHA-256 与清单不符。</source>
        <translation>The SHA-256 of “{file}” in reply package “{name}” does not match the manifest.</translation>
    </message>
    <message>
        <location filename="../../app/publishing.py" line="149"/>
        <source>上次中断的备份或恢复留下的半份数据库副本已删除：{target}。</source>
        <translation>The partial database copy left by an interrupted backup or restore was deleted: {target}.</translation>
    </message>
    <message>
        <location filename="../../app/publishing.py" line="152"/>
        <source>上次中断的数据库恢复已完成：备份已在 {target} 就位，本机审计检查点已随之更新。</source>
        <translation>The interrupted database restore was completed: the backup is in place at {target}, and this machine&apos;s audit checkpoint was updated to match.</translation>
    </message>
    <message>
        <location filename="../../app/publishing.py" line="155"/>
        <source>上次中断的数据库恢复未生效：{target} 保持原样。如仍需恢复，请重新恢复备份。</source>
        <translation>The interrupted database restore did not take effect: {target} is unchanged. To restore it still, restore the backup again.</translation>
    </message>
    <message>
        <location filename="../../app/publishing.py" line="158"/>
        <source>上次未完成的静态目录网站更新已补做：{target}（{changed} 个文件变更）。</source>
        <translation>The unfinished static catalog site update was completed: {target} ({changed} files changed).</translation>
    </message>
    <message>
        <location filename="../../app/publishing.py" line="162"/>
        <source>上次未完成的静态目录网站更新仍未能补做（{target}）：{error}。请修复后运行 main.py site rebuild。</source>
        <translation>The unfinished static catalog site update still could not be completed ({target}): {error}. Fix the problem, then run main.py site rebuild.</translation>
    </message>
    <message>
        <location filename="../../app/publishing.py" line="165"/>
        <source>上次中断的传输包导出已完成：序号 {sequence}，{target}。</source>
        <translation>The interrupted transfer package export was completed: sequence {sequence}, {target}.</translation>
    </message>
    <message>
        <location filename="../../app/publishing.py" line="168"/>
        <source>传输包（序号 {sequence}）已导出并记录，但文件已不在 {target}（已被取走？）。</source>
        <translation>The transfer package (sequence {sequence}) was exported and recorded, but the file is no longer at {target} (already taken away?).</translation>
    </message>
    <message>
        <location filename="../../app/publishing.py" line="171"/>
        <source>上次中断的传输包导出已作废：序号 {sequence} 不再使用，其中的条目留待下次导出。</source>
        <translation>The interrupted transfer package export was discarded: sequence {sequence} is no longer used, and its items wait for the next export.</translation>
    </message>
    <message>
        <location filename="../../app/publishing.py" line="175"/>
        <source>上次中断的传输包导出尚未收尾：{target} 所在的文件夹无法访问（移动存储未插入？），下次启动时再试。</source>
        <translation>The interrupted transfer package export is not finished yet: the folder of {target} cannot be reached (removable storage not plugged in?). The desk tries again at its next start.</translation>
    </message>
    <message>
        <location filename="../../app/publishing.py" line="180"/>
        <source>上次中断的传输包导出未能收尾：{error}</source>
        <translation>The interrupted transfer package export could not be finished: {error}</translation>
    </message>
    <message>
        <location filename="../../app/review_summary.py" line="32"/>
        <source>月份应为 YYYY-MM：{text}</source>
        <translation>The month must be YYYY-MM: {text}</translation>
    </message>
    <message>
        <location filename="../../app/review_summary.py" line="40"/>
        <source>该用户不属于任何部门，没有保密审查汇总表。</source>
        <translation>This user belongs to no department and has no monthly review summary.</translation>
    </message>
    <message>
        <location filename="../../app/sign_off.py" line="63"/>
        <source>只有本部门的系统管理员可以设置保密审查单的签批环节。</source>
        <translation>Only a system administrator of the department can set the review record&apos;s sign-off steps.</translation>
    </message>
    <message>
        <location filename="../../app/sign_off.py" line="66"/>
        <source>请至少填写一个签批环节。</source>
        <translation>Enter at least one sign-off step.</translation>
    </message>
    <message>
        <location filename="../../app/sign_off.py" line="69"/>
        <source>签批环节最多 {most} 个，填写了 {count} 个。</source>
        <translation>At most {most} sign-off steps are allowed; {count} were entered.</translation>
    </message>
    <message>
        <location filename="../../app/sign_off.py" line="76"/>
        <source>签批环节重复：{steps}。</source>
        <translation>Repeated sign-off steps: {steps}.</translation>
    </message>
    <message>
        <location filename="../../app/site_footer.py" line="39"/>
        <source>只有本部门的系统管理员可以设置网站页脚。</source>
        <translation>Only a system administrator of the department can set the site footer.</translation>
    </message>
    <message>
        <location filename="../../app/site_footer.py" line="55"/>
        <source>网站页脚未通过保密检查：{problems}。请改写。</source>
        <translation>The site footer failed the confidentiality check: {problems}. Please rewrite it.</translation>
    </message>
    <message>
        <location filename="../../app/submission.py" line="69"/>
        <source>“{title}”还不能提交审查：{problems}。请在“文件信息”中补全后再提交。</source>
        <translation>“{title}” cannot be submitted for review yet: {problems}. Complete them in “Document details”, then submit.</translation>
    </message>
    <message>
        <location filename="../../app/imported_csv.py" line="21"/>
        <source>文件“{name}”超过 {limit} MB，未导入。</source>
        <translation>File “{name}” is larger than {limit} MB; not imported.</translation>
    </message>
    <message>
        <location filename="../../app/imported_csv.py" line="30"/>
        <source>文件“{name}”无法按 CSV 读取（单元格过长或引号不成对），未导入。</source>
        <translation>File “{name}” cannot be read as CSV (a cell too long or unbalanced quotes); not imported.</translation>
    </message>
    <message>
        <location filename="../../app/imported_csv.py" line="49"/>
        <source>“{cell}”以 =、+、-、@ 开头，导出后在电子表格中会被当作公式执行，未导入。</source>
        <translation>“{cell}” starts with =, +, - or @ and would run as a formula in a spreadsheet once exported; not imported.</translation>
    </message>
    <message>
        <location filename="../../app/imported_csv.py" line="54"/>
        <source>“{cell}”含有控制字符（如 NUL），未导入。</source>
        <translation>“{cell}” contains a control character (such as NUL); not imported.</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../app/ui/document_model.py" line="22"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_model.py" line="23"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_model.py" line="24"/>
        <source>发文字号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_model.py" line="25"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_model.py" line="26"/>
        <source>经办人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_model.py" line="27"/>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>DocumentsController</name>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="72"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="175"/>
        <source>无法显示该文件的页面，详情见日志窗口。</source>
        <translation>Cannot show the pages of this document; see the log window.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="184"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="185"/>
        <source>发文字号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="186"/>
        <source>公文种类</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="187"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="188"/>
        <source>拟公开方式</source>
        <translation>Proposed disclosure</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="190"/>
        <source>三同步</source>
        <translation>Interpretation</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="194"/>
        <source>规章</source>
        <translation>Rule (规章)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="195"/>
        <source>规范性文件</source>
        <translation>Normative document</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="196"/>
        <source>需解读</source>
        <translation>Needs interpretation</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="202"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="203"/>
        <source>经办人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="205"/>
        <source>原始文件</source>
        <translation>Original file</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="206"/>
        <source>{name}（{kind}，{size}）</source>
        <translation>{name} ({kind}, {size})</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="212"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="213"/>
        <source>文件版本</source>
        <translation>File version</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="213"/>
        <source>第 {revision} 版</source>
        <translation>version {revision}</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="214"/>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="235"/>
        <source>退回理由</source>
        <translation>Reason for return</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="236"/>
        <location filename="../../app/ui/controllers/documents.py" line="237"/>
        <source>审查意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="238"/>
        <source>不予公开依据</source>
        <translation>Basis for withholding</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="239"/>
        <source>撤回理由</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/documents.py" line="240"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>DraftAnswerDialog</name>
    <message>
        <location filename="../../app/ui/request_dialogs.py" line="152"/>
        <source>起草答复书</source>
        <translation>Draft reply letter</translation>
    </message>
    <message>
        <location filename="../../app/ui/request_dialogs.py" line="159"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../app/ui/request_dialogs.py" line="160"/>
        <source>答复日期</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <location filename="../../app/ui/request_dialogs.py" line="164"/>
        <source>填好上面的内容后点“按模板生成文字”，可在此修改后保存。</source>
        <translation>Fill in the fields above and click “Fill from template”; edit the text here, then save.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request_dialogs.py" line="165"/>
        <source>行首记号：^ 标题，= 居中，| 顶格，&gt; 右对齐（落款），其余为正文段落。</source>
        <translation>Line marks: ^ title, = centred, | flush left, &gt; right-aligned (signature); other lines are body paragraphs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request_dialogs.py" line="167"/>
        <source>按模板生成文字</source>
        <translation>Fill from template</translation>
    </message>
    <message>
        <location filename="../../app/ui/request_dialogs.py" line="177"/>
        <source>保存为答复书草稿</source>
        <translation>Save as reply letter draft</translation>
    </message>
</context>
<context>
    <name>FilesController</name>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="50"/>
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="52"/>
        <source>文件信息…</source>
        <translation>Document details…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="53"/>
        <source>上传新版本…</source>
        <translation>Upload new version…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="54"/>
        <source>保密检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="55"/>
        <source>检查文中链接（联网）</source>
        <translation>Check links in the text (online)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="57"/>
        <source>保存发布版本…</source>
        <translation>Save published version…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="60"/>
        <source>保存清理后的 DOCX…</source>
        <translation>Save cleaned DOCX…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="63"/>
        <source>保存保密审查单…</source>
        <translation>Save review record…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="97"/>
        <source>可导入的文件</source>
        <translation>Importable files</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="107"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="107"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="108"/>
        <source>导入文件</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="131"/>
        <source>正在导入 {name}（{done}/{total}）</source>
        <translation>Importing {name} ({done}/{total})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/controllers/files.py" line="158"/>
        <source>已导入 %n 个文件</source>
        <translation>
            <numerusform>Imported %n file</numerusform>
            <numerusform>Imported %n files</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="163"/>
        <source>部分文件未导入</source>
        <translation>Some files were not imported</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/controllers/files.py" line="164"/>
        <source>%n 个文件未导入，其余文件不受影响：</source>
        <translation>
            <numerusform>%n file was not imported; the others are not affected:</numerusform>
            <numerusform>%n files were not imported; the others are not affected:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="172"/>
        <source>导入已取消；已导入的文件保留。</source>
        <translation>Import cancelled; files already imported are kept.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="188"/>
        <source>成文日期已改，正在按新日期重新检查领导人职务和过时表述。</source>
        <translation>The date written changed; checking leaders&apos; posts and outdated wording again for the new date.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="197"/>
        <source>选择新版本文件</source>
        <translation>Choose the new version&apos;s file</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="221"/>
        <source>已上传新版本，正在重新检查。</source>
        <translation>New version uploaded; checking it again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="239"/>
        <source>正在检查文中的链接…</source>
        <translation>Checking the links in the text…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="250"/>
        <source>文中链接</source>
        <translation>Links in the text</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="251"/>
        <source>最近一次检查没有发现文中的链接。</source>
        <translation>The last check found no links in the text.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="301"/>
        <source>检查已取消；未检查的文件不会显示为无问题。</source>
        <translation>Check cancelled; unchecked documents are not shown as clean.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="317"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="336"/>
        <source>该文件还没有审查结论，没有可保存的发布版本或审查单。</source>
        <translation>This document has no review conclusion yet: there is no published version or record to save.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/files.py" line="342"/>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>FindingsController</name>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="65"/>
        <source>删除所选发现…</source>
        <translation>Remove selected findings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="66"/>
        <source>遮盖所选发现…</source>
        <translation>Mask selected findings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="67"/>
        <source>保留所选发现…</source>
        <translation>Keep selected findings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="68"/>
        <source>所选发现判为误报…</source>
        <translation>Mark selected findings as false alarms…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="76"/>
        <source>选中相同的发现</source>
        <translation>Select identical findings</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="77"/>
        <source>下一项发现</source>
        <translation>Next finding</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="78"/>
        <source>上一项发现</source>
        <translation>Previous finding</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="128"/>
        <source>选择一个文件以查看其页面</source>
        <translation>Select a document to see its pages</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="153"/>
        <source>正在排版页面…</source>
        <translation>Laying out the pages…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="203"/>
        <source>无法显示此文件。</source>
        <translation>This file cannot be shown.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="210"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="214"/>
        <source>尚未检查。点击“保密检查”运行。</source>
        <translation>Not checked yet. Click “Check” to run it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="216"/>
        <source>尚未检查。</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="271"/>
        <source>正在读取文字…</source>
        <translation>Reading the text…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/controllers/findings.py" line="372"/>
        <source>已处理 %n 处发现：{decision}</source>
        <translation>
            <numerusform>Decided %n finding: {decision}</numerusform>
            <numerusform>Decided %n findings: {decision}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/findings.py" line="399"/>
        <source>删除划定的区域</source>
        <translation>Remove the drawn area</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../app/ui/findings_model.py" line="56"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_model.py" line="56"/>
        <source>发现</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_model.py" line="56"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_model.py" line="56"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_model.py" line="58"/>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="328"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="333"/>
        <source>命中文字</source>
        <translation>Matched text</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="342"/>
        <source>上下文</source>
        <translation>Context</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="347"/>
        <source>本文件中共有 {count} 处相同的发现（按 S 全部选中，一并处理）。</source>
        <translation>There are {count} identical findings in this document (press S to select them all and decide them together).</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="357"/>
        <source>理由：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="360"/>
        <location filename="../../app/ui/findings_panel.py" line="362"/>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="105"/>
        <source>上一项 (P)</source>
        <translation>Previous (P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="90"/>
        <source>选中一项发现，在此查看其全文、位置和处理情况。</source>
        <translation>Select a finding to see its full text, place and decision here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="99"/>
        <source>选中相同 (S)</source>
        <translation>Select identical (S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="100"/>
        <source>选中与当前发现规则相同、文字相同的全部发现，一并处理</source>
        <translation>Select every finding with the same rule and the same text as the current one, to decide them together</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="107"/>
        <source>下一项 (N)</source>
        <translation>Next (N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="126"/>
        <source>尚未检查</source>
        <translation>Not checked yet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findings_panel.py" line="165"/>
        <source>共 %n 处：{parts}（词库版本 {version}）</source>
        <translation>
            <numerusform>%n finding: {parts} (lexicon version {version})</numerusform>
            <numerusform>%n findings: {parts} (lexicon version {version})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="170"/>
        <source>&#x3000;已处理 {done}/{total}</source>
        <translation>&#x3000;Decided {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="172"/>
        <source>无法检查的部分：</source>
        <translation>Parts that could not be checked: </translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="174"/>
        <source>未发现问题（词库版本 {version}）</source>
        <translation>Nothing found (lexicon version {version})</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="272"/>
        <source>选中全部相同的发现（{count} 处）</source>
        <translation>Select all identical findings ({count})</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="311"/>
        <source>已选中 {count} 处发现。按 D 删除、M 遮盖、K 保留、F 误报，一并处理（每处各记一条处理记录）。</source>
        <translation>{count} findings selected. Press D to remove, M to mask, K to keep or F for false alarm, to decide them together (each gets its own decision record).</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="316"/>
        <source>……另有 {count} 处</source>
        <translation>…and {count} more</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="326"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="362"/>
        <source>未处理</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="268"/>
        <source>解密记录…</source>
        <translation>Declassification record…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="32"/>
        <source>欢迎使用政务公开审发台</source>
        <translation>Welcome to Disclosure Desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="37"/>
        <source>这是第一次启动。请创建本单位的部门和第一位系统管理员。
系统管理员负责添加经办人、保密审查员和发布管理员。</source>
        <translation>This is the first start. Create your department and its first system administrator.
The administrator adds clerks, confidentiality reviewers and publishing managers.</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="42"/>
        <source>例如：某某市政务服务和数据管理局</source>
        <translation>e.g. City Government Services and Data Administration</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="44"/>
        <source>机构代码或统一社会信用代码，用于索引号</source>
        <translation>Organisation code or unified social credit code, used in index numbers</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="46"/>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="52"/>
        <source>同时创建示例工作区（示例部门、经办人、审查员和几份含问题的示例文件）</source>
        <translation>Also create a sample workspace (a sample department, clerk, reviewer and a few sample files with planted problems)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="58"/>
        <source>部门全称</source>
        <translation>Department (full name)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="59"/>
        <source>机构代码</source>
        <translation>Organisation code</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="60"/>
        <source>管理员登录名</source>
        <translation>Administrator login</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="61"/>
        <source>管理员姓名</source>
        <translation>Administrator name</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="62"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="63"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="75"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>InterpretationDialog</name>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="115"/>
        <source>添加政策解读</source>
        <translation>Add policy interpretation</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="121"/>
        <source>谁起草、谁解读：起草文件的部门</source>
        <translation>Whoever drafts, interprets: the department that drafted the document</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="127"/>
        <source>《{title}》政策解读</source>
        <translation>Interpretation of “{title}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="131"/>
        <source>在此撰写</source>
        <translation>Write here</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="135"/>
        <source>PDF、DOCX、OFD、图片或文本文件</source>
        <translation>PDF, DOCX, OFD, image or text file</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="136"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="140"/>
        <source>上传文件</source>
        <translation>Upload a file</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="144"/>
        <source>添加音视频…</source>
        <translation>Add audio/video…</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="146"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="154"/>
        <source>解读形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="155"/>
        <source>解读标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="156"/>
        <source>起草部门</source>
        <translation>Drafting department</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="161"/>
        <source>解读正文</source>
        <translation>Interpretation text</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="164"/>
        <source>音视频文件（按实际内容识别；检查引擎无法读取的，须审查员逐个人工审查）</source>
        <translation>Audio/video files (identified by their actual content; each one the check engine cannot read must be reviewed by hand by a reviewer)</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="173"/>
        <source>选择解读文件</source>
        <translation>Choose interpretation file</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="179"/>
        <source>选择音视频文件</source>
        <translation>Choose audio or video files</translation>
    </message>
</context>
<context>
    <name>InterpretationTextDialog</name>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="219"/>
        <source>修改解读正文：{title}</source>
        <translation>Edit interpretation text: {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="225"/>
        <source>保存后生成新版本（原有版本保留），并重新进行保密检查。</source>
        <translation>Saving makes a new version (earlier versions are kept) and checks it again.</translation>
    </message>
</context>
<context>
    <name>InterpretationsController</name>
    <message>
        <location filename="../../app/ui/controllers/interpretations.py" line="27"/>
        <source>修改解读正文…</source>
        <translation>Edit interpretation text…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/interpretations.py" line="78"/>
        <source>政策解读已添加为草稿，请对其运行保密检查。</source>
        <translation>The interpretation was added as a draft; run the confidentiality check on it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/interpretations.py" line="100"/>
        <source>已记录人工审查。</source>
        <translation>Manual review recorded.</translation>
    </message>
</context>
<context>
    <name>InterpretationsPanel</name>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="32"/>
        <source>添加政策解读…</source>
        <translation>Add interpretation…</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="34"/>
        <source>修改解读正文…</source>
        <translation>Edit interpretation text…</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="44"/>
        <source>人工审查…</source>
        <translation>Manual review…</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="45"/>
        <source>试听或观看检查引擎无法读取的音视频文件后，记录人工审查</source>
        <translation>Record a manual review after listening to or watching an audio/video file the check engine cannot read</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="60"/>
        <source>政策解读（{count}）</source>
        <translation>Policy interpretations ({count})</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="61"/>
        <source> · 三同步：须附解读</source>
        <translation> · needs an interpretation</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="67"/>
        <source> · 音视频 {count} 个</source>
        <translation> · {count} audio/video</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="69"/>
        <source>（{count} 个待人工审查）</source>
        <translation> ({count} awaiting manual review)</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="79"/>
        <source>所解读的文件</source>
        <translation>Document interpreted</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="94"/>
        <source>已按实际内容检查</source>
        <translation>Checked by its actual content</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="95"/>
        <source>已人工审查（{name}，{time}）</source>
        <translation>Reviewed by hand ({name}, {time})</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="100"/>
        <source>待人工审查</source>
        <translation>Awaiting manual review</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="101"/>
        <source>附件 {name} · {kind} · {review}</source>
        <translation>Attachment {name} · {kind} · {review}</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretations_panel.py" line="132"/>
        <source>双击打开</source>
        <translation>Double-click to open</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="42"/>
        <source>传输包密钥</source>
        <translation>Transfer package keys</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="45"/>
        <source>密钥</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="45"/>
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="45"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="46"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="54"/>
        <source>私钥用口令加密后保存在系统密钥环中。</source>
        <translation>The private key is encrypted with its passphrase and kept in the system keyring.</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="56"/>
        <source>本机没有安全的密钥环：私钥用口令加密后保存在数据目录的 keys 文件夹中。</source>
        <translation>This machine has no secure keyring: the private key is encrypted with its passphrase and kept in the data directory&apos;s keys folder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="61"/>
        <source>生成/更换签名密钥…</source>
        <translation>Generate/Rotate Signing Key…</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="62"/>
        <source>导出公钥…</source>
        <translation>Export Public Key…</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="63"/>
        <source>登记公钥…</source>
        <translation>Register Public Key…</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="64"/>
        <source>吊销…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="89"/>
        <source>本机签名</source>
        <translation>Signing (this machine)</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="89"/>
        <source>停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="89"/>
        <source>使用中</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="94"/>
        <source>登记的公钥</source>
        <translation>Registered public key</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="96"/>
        <source>已吊销：{reason}</source>
        <translation>Revoked: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="98"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="122"/>
        <source>签名密钥</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="122"/>
        <source>新私钥的口令（至少 8 个字符，请妥善保管）：</source>
        <translation>Passphrase of the new private key (at least 8 characters; keep it safe):</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="128"/>
        <source>已生成新的签名密钥；之前的密钥已停用。请导出公钥交联网机登记。</source>
        <translation>A new signing key was generated; the earlier one is retired. Export the public key and register it on the online machine.</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="132"/>
        <source>导出公钥</source>
        <translation>Export public key</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="140"/>
        <source>公钥已导出到 {path}</source>
        <translation>Public key exported to {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="143"/>
        <source>登记公钥</source>
        <translation>Register public key</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="153"/>
        <source>已登记 {department} 的公钥。</source>
        <translation>The public key of {department} is registered.</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="159"/>
        <source>请先选择要吊销的密钥。</source>
        <translation>Select the key to revoke first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="165"/>
        <source>吊销密钥</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="165"/>
        <source>吊销理由：</source>
        <translation>Reason for revoking:</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys_dialog.py" line="168"/>
        <source>密钥已吊销。</source>
        <translation>The key is revoked.</translation>
    </message>
</context>
<context>
    <name>LexiconDialog</name>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="35"/>
        <source>部门词库</source>
        <translation>Department lexicon</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="39"/>
        <source>选择词库文件</source>
        <translation>Choose a lexicon file</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="40"/>
        <source>词库 (*.csv *.txt)</source>
        <translation>Lexicons (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="42"/>
        <source>导出词库</source>
        <translation>Export lexicon</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="43"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="49"/>
        <source>默认词库（密级标志、内部标识、敏感个人信息等）始终生效；这里是本部门追加的词条和允许词。允许词须是带上下文的短语（如“单位内部资料管理”），不能是词条本身或其一部分；删除词条或降低其级别须由系统管理员进行。</source>
        <translation>The default lexicon (classification markings, internal markings, sensitive personal data and the like) always applies; here are the department&apos;s own terms and allowed phrases. An allowed phrase must be a phrase with context (such as “单位内部资料管理”), not a term itself or part of one; only a system administrator can remove a term or lower its level.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="59"/>
        <source>词条</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="59"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="59"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="59"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="60"/>
        <source>整词</source>
        <translation>Whole word</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="63"/>
        <source>从文件导入…</source>
        <translation>Import from file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="65"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="87"/>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="90"/>
        <source>允许</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="90"/>
        <source>已知误报，不提示</source>
        <translation>Known false alarm, not reported</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="96"/>
        <source>本部门词条 {terms} 个，允许词 {allowed} 个。</source>
        <translation>{terms} department terms, {allowed} allowed phrases.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lexicon_dialog.py" line="120"/>
        <source>第 {line} 行：{message}</source>
        <translation>Line {line}: {message}</translation>
    </message>
</context>
<context>
    <name>LogWindow</name>
    <message>
        <location filename="../../app/ui/log_window.py" line="36"/>
        <source>日志</source>
        <translation>Log</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="21"/>
        <source>登录 — 政务公开审发台</source>
        <translation>Sign in — Disclosure Desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="27"/>
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="28"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="29"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="79"/>
        <source>政务公开审发台</source>
        <translation>Disclosure Desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="193"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>页面</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>文字（标出发现）</source>
        <translation>Text (findings marked)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="197"/>
        <source>审查(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="203"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="208"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="210"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="213"/>
        <source>主工具栏</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="139"/>
        <source>此队列中没有文件。可通过“导入文件…”或把文件拖到窗口中导入。</source>
        <translation>No documents in this queue. Import with “Import files…” or drop files onto the window.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="237"/>
        <source>（无部门）</source>
        <translation>(no department)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="237"/>
        <source>当前用户：{name}（{roles}） · {department}</source>
        <translation>Signed in: {name} ({roles}) · {department}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="244"/>
        <source>检查中 %v/%m 页</source>
        <translation>Checking page %v/%m</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="246"/>
        <source>取消检查</source>
        <translation>Cancel check</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="251"/>
        <source>数据库：</source>
        <translation>Database: </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="290"/>
        <source>选择要导入的文件</source>
        <translation>Choose files to import</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="301"/>
        <source>加密的 PDF</source>
        <translation>Encrypted PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="302"/>
        <source>“{name}”是加密的 PDF。输入打开密码后，将以解密副本导入（加密原件一并保存）：</source>
        <translation>“{name}” is an encrypted PDF. Enter its open password to import a decrypted copy (the encrypted original is kept too):</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="265"/>
        <source>无法完成操作</source>
        <translation>Cannot do that</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="275"/>
        <source>发生意外错误：{error}
详情见日志窗口。</source>
        <translation>Unexpected error: {error}
See the log window for details.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="285"/>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="296"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>MediaAttestDialog</name>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="263"/>
        <source>人工审查：{name}</source>
        <translation>Manual review: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="268"/>
        <source>检查引擎无法读取音视频内容。请保存并完整试听或观看该文件，确认其中没有国家秘密、工作秘密、个人信息等不宜公开的内容后，写明审查说明。确认记入审查记录和审计日志。</source>
        <translation>The check engine cannot read audio or video content. Save the file and listen to or watch all of it; once sure it holds nothing unfit for disclosure, such as state secrets, work secrets or personal data, write your review note. The confirmation goes into the review record and the audit log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="272"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="280"/>
        <source>例如：已完整试听 12 分钟录音，内容为政策要点讲解，未涉及个人信息和内部事项。</source>
        <translation>e.g. Listened to the whole 12-minute recording: an explanation of the policy&apos;s main points, with no personal data or internal matters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="284"/>
        <source>政策解读</source>
        <translation>Interpretation</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="285"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="286"/>
        <source>实际类型</source>
        <translation>Actual type</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="287"/>
        <source>审查说明</source>
        <translation>Review note</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="293"/>
        <source>确认已人工审查</source>
        <translation>Confirm manual review</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="297"/>
        <source>保存音视频文件</source>
        <translation>Save audio/video file</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="306"/>
        <source>无法保存文件：{reason}</source>
        <translation>Cannot save the file: {reason}</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="40"/>
        <source>文件信息</source>
        <translation>Document details</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="56"/>
        <source>例如：示医保〔2026〕7号（用六角括号〔〕）</source>
        <translation>e.g. 示医保〔2026〕7号 (with the 〔〕 brackets)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="58"/>
        <source>（未选）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="67"/>
        <location filename="../../app/ui/metadata_dialog.py" line="74"/>
        <source>已定</source>
        <translation>set</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="72"/>
        <source>由其他机关发布时填写其全称（如示范市人民政府办公室）；留空即本部门</source>
        <translation>If another authority issues it, enter its full name (e.g. 示范市人民政府办公室); leave empty for this department</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="76"/>
        <source>有期限</source>
        <translation>expires</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="81"/>
        <source>规章</source>
        <translation>Rule (规章)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="83"/>
        <source>规范性文件</source>
        <translation>Normative document</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="85"/>
        <source>需解读</source>
        <translation>Needs interpretation</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="87"/>
        <source>三同步：须同步附政策解读，否则审查员须写明理由</source>
        <translation>Three synchronisations: published with its interpretation, or the reviewer records why not</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="89"/>
        <source>用顿号分隔；留空则批准时从发布文本中建议（不含人名）</source>
        <translation>Separate with 、; leave empty to have them suggested from the published text at approval (no personal names)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="91"/>
        <source>内容概述（不超过 300 字）</source>
        <translation>Summary (up to 300 characters)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="95"/>
        <source>标题（信息名称）</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="96"/>
        <source>发文字号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="97"/>
        <source>公文种类</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="98"/>
        <source>主题分类</source>
        <translation>Subject category</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="99"/>
        <source>成文日期</source>
        <translation>Date written</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="100"/>
        <source>发布机构</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="101"/>
        <source>拟公开方式</source>
        <translation>Proposed disclosure</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="109"/>
        <source>政策解读</source>
        <translation>Interpretation</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="112"/>
        <source>施行日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="113"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="117"/>
        <source>主题词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="118"/>
        <source>内容概述</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="122"/>
        <source>主题词和内容概述随文件一起做保密检查，批准时冻结；发布员在发布时补全或修改的，当场再做一次检查。</source>
        <translation>Keywords and summary are checked with the document and frozen at approval; what the publisher completes or changes when publishing is checked again on the spot.</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="165"/>
        <source>提交审查前必填</source>
        <translation>Required before submitting for review</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_dialog.py" line="172"/>
        <source>仅规章和规范性文件填写</source>
        <translation>Only for rules and normative documents</translation>
    </message>
</context>
<context>
    <name>PackageImportDialog</name>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="40"/>
        <source>导入传输包</source>
        <translation>Import transfer package</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="44"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="44"/>
        <source>索引号</source>
        <translation>Index number</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="44"/>
        <source>信息名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="50"/>
        <source>导入后更新静态目录网站</source>
        <translation>Update the static catalog site after importing</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="52"/>
        <source>加入门户发布队列</source>
        <translation>Queue for the portal</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="54"/>
        <source>跳过重号条目，只导入其余内容</source>
        <translation>Skip clashing entries and import only the rest</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="57"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="76"/>
        <source>传输包未通过验证，不能导入。</source>
        <translation>The package failed verification and cannot be imported.</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="83"/>
        <source>来自：{department}&#x3000;序号：{sequence}&#x3000;密钥：{key}
签名和全部 {count} 项内容的哈希均已验证。</source>
        <translation>From: {department}  Sequence: {sequence}  Key: {key}
The signature and the hashes of all {count} items are verified.</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <location filename="../../app/ui/page_viewer.py" line="50"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../app/ui/page_viewer.py" line="51"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../app/ui/page_viewer.py" line="56"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../app/ui/page_viewer.py" line="57"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../app/ui/page_viewer.py" line="58"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../app/ui/page_viewer.py" line="61"/>
        <source>划定删除区域</source>
        <translation>Draw area to remove</translation>
    </message>
    <message>
        <location filename="../../app/ui/page_viewer.py" line="63"/>
        <source>按住鼠标在页面上拖出要删除的区域（规则没有发现的内容）</source>
        <translation>Drag on the page to mark an area to remove (for what no rule found)</translation>
    </message>
    <message>
        <location filename="../../app/ui/page_viewer.py" line="93"/>
        <source>选择一个文件以查看其页面</source>
        <translation>Select a document to see its pages</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/page_viewer.py" line="124"/>
        <source>/ %n 页</source>
        <translation>
            <numerusform>/ %n page</numerusform>
            <numerusform>/ %n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="53"/>
        <source>编入政府信息公开目录</source>
        <translation>Publish into the disclosure catalog</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="62"/>
        <source>信息名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="92"/>
        <source>发布机构</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="63"/>
        <source>发文字号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="90"/>
        <source>主题分类</source>
        <translation>Subject category</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="64"/>
        <source>公文种类</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="65"/>
        <source>成文日期</source>
        <translation>Date written</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="75"/>
        <source>未安装 LibreOffice：按文字重新排版发布</source>
        <translation>LibreOffice not installed: re-typeset from the text</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="76"/>
        <source>按原版式发布（LibreOffice 转换）</source>
        <translation>Keep the original layout (converted by LibreOffice)</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="80"/>
        <source>版式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="85"/>
        <source>{category}（请选择末级分类）</source>
        <translation>{category} (choose a leaf category)</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="94"/>
        <source>主题词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="96"/>
        <source>内容概述（不超过 300 字）</source>
        <translation>Summary (up to 300 characters)</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="98"/>
        <source>内容概述</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="102"/>
        <source>发布日期</source>
        <translation>Publication date</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="103"/>
        <source>{day}（发布当天）</source>
        <translation>{day} (day of publishing)</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="107"/>
        <source>名单公示，公示期至</source>
        <translation>Published list, notice period until</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="115"/>
        <source>（届满后自动撤回）</source>
        <translation>(withdrawn automatically when it ends)</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="117"/>
        <source>公示期</source>
        <translation>Notice period</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="122"/>
        <source>主题分类、发布机构、主题词和内容概述已随审查批准冻结，可在此补全或修改（*为必填）。修改的内容会当场做保密检查；检查发现问题时不能发布，须退回重新审查。</source>
        <translation>Subject category, issuing body, keywords and summary were frozen at approval; complete or change them here (* = required). Changes are checked for confidentiality on the spot; if the check finds problems, the document cannot be published and must be returned for review again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="129"/>
        <source>静态目录网站（总是更新）</source>
        <translation>Static catalog site (always updated)</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="132"/>
        <source>门户网站（加入发布队列）</source>
        <translation>Portal (added to the publish queue)</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="135"/>
        <source>尚未在“设置…”中配置门户地址</source>
        <translation>No portal address set in “Settings…” yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="136"/>
        <source>传输包（加入下次导出）</source>
        <translation>Transfer package (added to the next export)</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="140"/>
        <source>发布目标</source>
        <translation>Publish targets</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="143"/>
        <source>重新检查目录信息</source>
        <translation>Check the catalog details again</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="146"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="149"/>
        <source>目录信息检查（文件信息可在草稿阶段由经办人修改）</source>
        <translation>Catalog check (document details are edited by the clerk while it is a draft)</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="162"/>
        <source>发布前必填</source>
        <translation>Required before publishing</translation>
    </message>
    <message>
        <location filename="../../app/ui/publish_dialog.py" line="186"/>
        <source>目录信息完整。</source>
        <translation>The catalog details are complete.</translation>
    </message>
</context>
<context>
    <name>PublishedAuditDialog</name>
    <message>
        <location filename="../../app/ui/published_audit_dialog.py" line="29"/>
        <source>核对线上内容</source>
        <translation>Verify online content</translation>
    </message>
    <message>
        <location filename="../../app/ui/published_audit_dialog.py" line="33"/>
        <source>线上内容与数据库不一致：{count} 处问题（核对了 {where}）。</source>
        <translation>Online content differs from the database: {count} problems (verified {where}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/published_audit_dialog.py" line="37"/>
        <source>线上内容与数据库一致（核对了 {where}）。</source>
        <translation>Online content matches the database (verified {where}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/published_audit_dialog.py" line="42"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../app/ui/published_audit_dialog.py" line="42"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="56"/>
        <source>发布队列</source>
        <translation>Publish queue</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="60"/>
        <source>索引号</source>
        <translation>Index number</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="60"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="60"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="60"/>
        <source>尝试次数</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="61"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="65"/>
        <source>门户：{url}</source>
        <translation>Portal: {url}</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="65"/>
        <source>（未设置，请在“设置”中填写）</source>
        <translation>(not set; fill it in under Settings)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="69"/>
        <source>推送到门户</source>
        <translation>Push to portal</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="72"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="103"/>
        <source>队列为空：发布时选择推送到门户的条目会出现在这里。</source>
        <translation>The queue is empty: entries published to the portal appear here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="113"/>
        <source>门户访问令牌</source>
        <translation>Portal access token</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="114"/>
        <source>本机没有安全的密钥环，令牌不会保存。请输入门户访问令牌：</source>
        <translation>This machine has no secure keyring; the token will not be stored. Enter the portal access token:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="146"/>
        <source>成功 {done}，待重试 {waiting}，被拒绝 {refused}。</source>
        <translation>{done} done, {waiting} to retry, {refused} refused.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../app/ui/reason_dialog.py" line="35"/>
        <source>法律依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../app/ui/reason_dialog.py" line="36"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/reason_dialog.py" line="53"/>
        <source>请填写理由。</source>
        <translation>Please give a reason.</translation>
    </message>
</context>
<context>
    <name>RecheckDialog</name>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="59"/>
        <source>全面复查已发布的内容</source>
        <translation>Full recheck of published content</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="61"/>
        <source>全面复查</source>
        <translation>Full recheck</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="64"/>
        <source>用当前词库和全部规则复查所有现行目录条目（读取已存文本，不重新读取文件）</source>
        <translation>Recheck every current catalog entry with the current lexicon and all rules (uses the stored text; files are not read again)</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="66"/>
        <source>只查新增规则</source>
        <translation>New rules only</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="67"/>
        <source>只复查自上次复查以来新增或修改的词条和规则包内容</source>
        <translation>Recheck only the terms and rule pack content added or changed since the last recheck</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="69"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="73"/>
        <source>%v/%m 条</source>
        <translation>%v/%m entries</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="81"/>
        <source>规则 / 部门 / 条目</source>
        <translation>Rule / department / entry</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="81"/>
        <source>处数</source>
        <translation>Hits</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="81"/>
        <source>词语</source>
        <translation>Words</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="92"/>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="95"/>
        <source>以该文件的原件和目录信息新建草稿，修改后重新检查、审查和发布</source>
        <translation>Make a new draft from the document&apos;s original and catalog details; after editing, check, review and publish it again</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="97"/>
        <source>撤回…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="146"/>
        <source>正在复查…</source>
        <translation>Rechecking…</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="153"/>
        <source>正在取消…（已完成的部分会保留，可继续复查）</source>
        <translation>Cancelling… (finished parts are kept; the recheck can be resumed)</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="180"/>
        <source>还没有进行过全面复查。</source>
        <translation>No full recheck has been run yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="187"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="188"/>
        <source>未完成（可继续）</source>
        <translation>Unfinished (can be resumed)</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="189"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="191"/>
        <source>第 {run} 次复查，{state}：{done}/{total} 条，{found} 条有发现。</source>
        <translation>Recheck {run}, {state}: {done}/{total} entries, {found} with findings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="201"/>
        <source>其中 {count} 份没有保存文本、保存的文本无法读取或由旧版引擎提取，已从发布文件重新提取并保存。</source>
        <translation>{count} of them had no stored text, an unreadable one, or one an older engine extracted; their text was extracted again from the published files and stored.</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="266"/>
        <source>已新建更正草稿（文件 {id}）：修改后重新检查、提交审查，发布后撤回原条目。</source>
        <translation>Correction draft created (document {id}): edit it, check it and submit it for review; once it is published, withdraw the original entry.</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="280"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="280"/>
        <source>撤回“{title}”的理由：</source>
        <translation>Reason for withdrawing “{title}”:</translation>
    </message>
    <message>
        <location filename="../../app/ui/recheck_dialog.py" line="292"/>
        <source>已撤回 {index_no}；门户的变更已进入发布队列。</source>
        <translation>Withdrew {index_no}; changes for the portal are in the publish queue.</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../app/ui/request_dialogs.py" line="117"/>
        <source>登记政府信息公开申请</source>
        <translation>Register a disclosure request</translation>
    </message>
    <message>
        <location filename="../../app/ui/request_dialogs.py" line="121"/>
        <source>添加来信、申请表…</source>
        <translation>Add letters, request forms…</translation>
    </message>
    <message>
        <location filename="../../app/ui/request_dialogs.py" line="126"/>
        <source>申请材料</source>
        <translation>Request materials</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../publish/request_outcomes.py" line="99"/>
        <source>（一）予以公开</source>
        <translation>(1) Disclosed</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="100"/>
        <source>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</source>
        <translation>(2) Partly disclosed (separated cases count here only, not under other outcomes)</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="101"/>
        <source>1.属于国家秘密</source>
        <translation>1. State secret</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="102"/>
        <source>2.其他法律行政法规禁止公开</source>
        <translation>2. Forbidden by other laws or administrative regulations</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="103"/>
        <source>3.危及“三安全一稳定”</source>
        <translation>3. Endangers security or social stability</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="104"/>
        <source>4.保护第三方合法权益</source>
        <translation>4. Protects third parties&apos; lawful rights</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="105"/>
        <source>5.属于三类内部事务信息</source>
        <translation>5. Internal affairs information</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="106"/>
        <source>6.属于四类过程性信息</source>
        <translation>6. Process information</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="107"/>
        <source>7.属于行政执法案卷</source>
        <translation>7. Administrative enforcement case files</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="108"/>
        <source>8.属于行政查询事项</source>
        <translation>8. Administrative inquiry matters</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="109"/>
        <source>1.本机关不掌握相关政府信息</source>
        <translation>1. The agency does not hold the information</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="110"/>
        <source>2.没有现成信息需要另行制作</source>
        <translation>2. No existing information; it would have to be created</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="111"/>
        <source>3.补正后申请内容仍不明确</source>
        <translation>3. Request still unclear after amendment</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="112"/>
        <source>1.信访举报投诉类申请</source>
        <translation>1. Petitions, reports and complaints</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="113"/>
        <source>2.重复申请</source>
        <translation>2. Repeated requests</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="114"/>
        <source>3.要求提供公开出版物</source>
        <translation>3. Requests for published materials</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="115"/>
        <source>4.无正当理由大量反复申请</source>
        <translation>4. Mass repeated requests without good reason</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="116"/>
        <source>5.要求行政机关确认或重新出具已获取信息</source>
        <translation>5. Requests to confirm or reissue information already obtained</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="119"/>
        <source>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</source>
        <translation>1. The applicant did not amend in time without good reason; the request is no longer processed</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="122"/>
        <source>2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</source>
        <translation>2. The applicant did not pay the fee in time as notified; the request is no longer processed</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="123"/>
        <source>3.其他</source>
        <translation>3. Other</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="127"/>
        <source>（三）不予公开</source>
        <translation>(3) Not disclosed</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="128"/>
        <source>（四）无法提供</source>
        <translation>(4) Cannot be provided</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="129"/>
        <source>（五）不予处理</source>
        <translation>(5) Not processed</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="131"/>
        <source>（六）其他处理</source>
        <translation>(6) Other handling</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <location filename="../../app/ui/requests_view.py" line="52"/>
        <source>受理编号</source>
        <translation>Request number</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="53"/>
        <source>申请人类型</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="54"/>
        <source>所需信息</source>
        <translation>Information sought</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="55"/>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="56"/>
        <source>答复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="57"/>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="58"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="83"/>
        <source>已逾期 {days} 日</source>
        <translation>overdue by {days}</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="84"/>
        <source>（暂停）</source>
        <translation> (paused)</translation>
    </message>
</context>
<context>
    <name>RequestsController</name>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="31"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="39"/>
        <source>依申请公开…</source>
        <translation>Disclosure on Request…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="40"/>
        <source>登记申请…</source>
        <translation>Register Request…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="41"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="43"/>
        <source>告知补正…</source>
        <translation>Request Amendment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="44"/>
        <source>收到补正…</source>
        <translation>Amendment Received…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="45"/>
        <source>延期答复…</source>
        <translation>Extend Deadline…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="46"/>
        <source>征求意见…</source>
        <translation>Consult…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="47"/>
        <source>收到意见…</source>
        <translation>Opinion Received…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="48"/>
        <source>生成补正告知书…</source>
        <translation>Make Amendment Notice…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="49"/>
        <source>生成延期答复告知书…</source>
        <translation>Make Extension Notice…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="52"/>
        <source>起草答复书…</source>
        <translation>Draft Reply Letter…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="53"/>
        <source>在主窗口中打开答复书</source>
        <translation>Open Reply Letter in the Main Window</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="54"/>
        <source>添加提供给申请人的文件…</source>
        <translation>Add Documents for the Applicant…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="55"/>
        <source>登记答复…</source>
        <translation>Record Reply…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="56"/>
        <source>导出答复材料包…</source>
        <translation>Export Reply Package…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="57"/>
        <source>转为主动公开（第四十四条）</source>
        <translation>Convert to Proactive Disclosure (art. 44)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="71"/>
        <source>办理</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="71"/>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="94"/>
        <location filename="../../app/ui/controllers/requests.py" line="243"/>
        <location filename="../../app/ui/controllers/requests.py" line="345"/>
        <source>请先选择一件申请。</source>
        <translation>Select a request first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="116"/>
        <source>申请人类型</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="117"/>
        <source>申请人姓名或名称</source>
        <translation>Applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="118"/>
        <source>联系方式（答复送达用）</source>
        <translation>Contact details (for delivering the reply)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="119"/>
        <source>所需信息的内容描述</source>
        <translation>Description of the information sought</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="120"/>
        <source>信息标识（申请相同信息的填同一标识）</source>
        <translation>Information tag (use the same tag for requests for the same information)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="121"/>
        <source>申请方式</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="122"/>
        <source>收到日期（邮寄的为签收之日）</source>
        <translation>Date received (for mail, the day it was signed for)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="156"/>
        <source>告知日期</source>
        <translation>Date of notice</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="157"/>
        <source>补正期限</source>
        <translation>Amendment deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="158"/>
        <source>需要补正的事项（每行一项）</source>
        <translation>What needs amending (one item per line)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="161"/>
        <source>告知补正</source>
        <translation>Request amendment</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="172"/>
        <source>收到补正日期</source>
        <translation>Date amendment received</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="176"/>
        <source>收到补正</source>
        <translation>Amendment received</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="187"/>
        <source>延期决定日期</source>
        <translation>Date of extension decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="188"/>
        <source>同意延期的工作机构负责人</source>
        <translation>Head of office who approved the extension</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="189"/>
        <source>延长的工作日数</source>
        <translation>Working days added</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="190"/>
        <source>延期理由（写入延期答复告知书）</source>
        <translation>Reason for extension (goes into the extension notice)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="193"/>
        <source>延期答复</source>
        <translation>Extend deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="208"/>
        <source>征求谁的意见</source>
        <translation>Consulted party</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="212"/>
        <source>发出日期</source>
        <translation>Date sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="216"/>
        <source>征求意见</source>
        <translation>Consult</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="227"/>
        <source>收到意见日期</source>
        <translation>Date opinion received</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="231"/>
        <source>收到意见</source>
        <translation>Opinion received</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="257"/>
        <source>已生成并保存：{path}</source>
        <translation>Produced and saved: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="266"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="267"/>
        <source>答复日期</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="268"/>
        <source>处理说明</source>
        <translation>Notes on handling</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="273"/>
        <source>登记答复</source>
        <translation>Record reply</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="308"/>
        <source>答复书草稿已保存为文件 #{id}：请检查并提交审查。</source>
        <translation>Reply letter draft saved as document #{id}: check it and submit it for review.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="319"/>
        <source>所选申请还没有答复书。</source>
        <translation>The selected request has no reply letter yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="339"/>
        <source>已添加 {count} 个文件（只交付申请人）：请检查、审查，不予公开的部分须写明依据。</source>
        <translation>Added {count} documents (for the applicant only): check and review them; withheld parts need a stated basis.</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="348"/>
        <source>答复材料（{number}）.zip</source>
        <translation>Reply materials ({number}).zip</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="351"/>
        <source>导出答复材料包</source>
        <translation>Export reply package</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="351"/>
        <source>本部门签名私钥的口令：</source>
        <translation>Passphrase of the department&apos;s signing key:</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="362"/>
        <source>答复材料包已导出：{path}（{count} 个文件，已签名）</source>
        <translation>Reply package exported: {path} ({count} files, signed)</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="373"/>
        <source>将本申请已批准的公开文件另建为主动公开草稿（不带申请人信息），按主动公开流程审查发布？</source>
        <translation>Make new proactive disclosure drafts from this request&apos;s approved disclosed documents (without the applicant&apos;s details), to be reviewed and published as proactive disclosures?</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/requests.py" line="377"/>
        <source>已另建主动公开草稿 {ids}，请在“我的草稿”中检查并提交审查。</source>
        <translation>Created proactive disclosure drafts {ids}; check them in “My drafts” and submit them for review.</translation>
    </message>
</context>
<context>
    <name>RequestsWindow</name>
    <message>
        <location filename="../../app/ui/requests_view.py" line="121"/>
        <location filename="../../app/ui/requests_view.py" line="123"/>
        <source>依申请公开</source>
        <translation>Disclosure on request</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="138"/>
        <source>显示已办结</source>
        <translation>Show closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="172"/>
        <source>未办结 {open} 件，其中已逾期 {overdue} 件，3 个工作日内到期 {soon} 件。</source>
        <translation>{open} open, of which {overdue} overdue and {soon} due within 3 working days.</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="189"/>
        <source>没有依申请公开申请。</source>
        <translation>No disclosure requests.</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="196"/>
        <source>申请人：{name}（{kind}）</source>
        <translation>Applicant: {name} ({kind})</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="200"/>
        <source>联系方式：{contact}</source>
        <translation>Contact: {contact}</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="200"/>
        <source>（仅经办人可见）</source>
        <translation>(visible to clerks only)</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="201"/>
        <source>收到日期：{day}</source>
        <translation>Received: {day}</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="202"/>
        <source>所需信息：{content}</source>
        <translation>Information sought: {content}</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="210"/>
        <source>，已逾期 {days} 个工作日</source>
        <translation>, overdue by {days} working days</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="212"/>
        <source>，剩余 {days} 个工作日</source>
        <translation>, {days} working days left</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="214"/>
        <source>答复期限：{due}（{state}{days}）</source>
        <translation>Reply due: {due} ({state}{days})</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="224"/>
        <source>（经{name}同意）</source>
        <translation> (approved by {name})</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="229"/>
        <source>文件 #{id}（{status}）</source>
        <translation>Document #{id} ({status})</translation>
    </message>
    <message>
        <location filename="../../app/ui/requests_view.py" line="234"/>
        <source>尚未起草</source>
        <translation>Not drafted yet</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../app/ui/controllers/review.py" line="62"/>
        <source>请写明理由</source>
        <translation>State the reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/review.py" line="72"/>
        <source>确定对“{title}”执行“{action}”吗？</source>
        <translation>“{action}” “{title}”?</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/review.py" line="101"/>
        <source>“{title}”：{action}完成</source>
        <translation>“{title}”: {action} done</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/review.py" line="120"/>
        <source>还不能提交审查</source>
        <translation>Cannot submit for review yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/review.py" line="122"/>
        <source>填写文件信息…</source>
        <translation>Fill in document details…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/review.py" line="161"/>
        <source>正在生成并复核发布版本…</source>
        <translation>Producing and verifying the published version…</translation>
    </message>
    <message>
        <location filename="../../app/ui/controllers/review.py" line="178"/>
        <source>“{title}”已批准，发布版本复核通过，保密审查单已生成。</source>
        <translation>“{title}” approved: the published version passed verification and the review record was made.</translation>
    </message>
</context>
<context>
    <name>RichTextEditor</name>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="64"/>
        <source>标题一</source>
        <translation>Heading 1</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="65"/>
        <source>标题二</source>
        <translation>Heading 2</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="66"/>
        <source>正文</source>
        <translation>Body text</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="67"/>
        <source>项目列表</source>
        <translation>Bullet list</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="68"/>
        <source>编号列表</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <location filename="../../app/ui/interpretation_dialog.py" line="69"/>
        <source>插入表格</source>
        <translation>Insert table</translation>
    </message>
</context>
<context>
    <name>RulePackDialog</name>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="37"/>
        <source>部门错敏/表述规则包</source>
        <translation>Department error and wording rule packs</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="41"/>
        <source>选择规则包文件</source>
        <translation>Choose rule pack files</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="42"/>
        <source>规则包 (*.csv)</source>
        <translation>Rule packs (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="44"/>
        <source>导出到文件夹</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="52"/>
        <source>随附的规则包（领导人任职、规范表述、过时提法、常见错别字等）始终生效；这里是本部门的文件，按主键合并在随附规则之上，可增补本地领导人和职务、机构名称、本地表述。文件格式见 docs/rulepacks.md。停用随附规则或删去已有规则须由系统管理员进行。</source>
        <translation>The bundled rule packs (leaders&apos; posts, standard wording, outdated phrases, common typos and so on) always apply; the files here are the department&apos;s own, merged over the bundled rules by key, and can add local leaders and posts, organisation names and local wording. See docs/rulepacks.md for the file format. Only a system administrator can disable bundled rules or remove existing ones.</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="59"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="59"/>
        <source>规则数</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="59"/>
        <source>停用随附规则</source>
        <translation>Bundled rules disabled</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="60"/>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="72"/>
        <source>选择一个文件查看其内容</source>
        <translation>Select a file to see its content</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="76"/>
        <source>导入文件…</source>
        <translation>Import Files…</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="78"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="80"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="114"/>
        <source>本部门规则包 {count} 个；合并后的规则版本 {version}（记入每次检查和保密审查单）。</source>
        <translation>{count} department rule packs; merged rule version {version} (recorded with every check and review record).</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="146"/>
        <source>{file} 第 {line} 行：{message}（已跳过）</source>
        <translation>{file} line {line}: {message} (skipped)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="165"/>
        <source>已导出 {count} 个规则包到 {folder}。</source>
        <translation>Exported {count} rule packs to {folder}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="184"/>
        <source>删除规则包</source>
        <translation>Delete rule pack</translation>
    </message>
    <message>
        <location filename="../../app/ui/rulepack_dialog.py" line="185"/>
        <source>删除“{name}”？此后的检查不再使用其中的规则。</source>
        <translation>Delete “{name}”? Later checks will no longer use its rules.</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../review/engine.py" line="308"/>
        <source>词库敏感词</source>
        <translation>Lexicon term</translation>
    </message>
    <message>
        <location filename="../../review/extract/base.py" line="131"/>
        <source>无文字层</source>
        <translation>No text layer</translation>
    </message>
    <message>
        <location filename="../../review/extract/base.py" line="133"/>
        <source>无文字层，需人工审查（扫描页或图片，关键词检查看不到其内容）</source>
        <translation>No text layer: review by hand (a scanned page or image; a keyword check cannot see its content)</translation>
    </message>
    <message>
        <location filename="../../review/extract/base.py" line="144"/>
        <location filename="../../review/extract/dispatch.py" line="187"/>
        <location filename="../../review/extract/pdf.py" line="396"/>
        <location filename="../../review/ocr.py" line="479"/>
        <source>隐藏内容</source>
        <translation>Hidden content</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="47"/>
        <source>部件无法解析，需人工审查</source>
        <translation>Part cannot be parsed: review by hand</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="64"/>
        <source>文档缩略图（可能显示修改前的内容）</source>
        <translation>Document thumbnail (may show content from before changes)</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="94"/>
        <source>文本框（部分工具提取正文时会漏掉）</source>
        <translation>Text boxes (some tools miss them when extracting the body)</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="155"/>
        <source>未接受的修订（删除的文字仍在文件中）</source>
        <translation>Unaccepted revisions (deleted text is still in the file)</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="165"/>
        <source>隐藏文字（设置为不显示的文字）</source>
        <translation>Hidden text (formatted not to show)</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="175"/>
        <source>批注（发布前应删除）</source>
        <translation>Comments (remove before publishing)</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="255"/>
        <source>文档属性含作者、主题等信息（发布前清除）</source>
        <translation>Document properties hold author, subject and the like (clear before publishing)</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="282"/>
        <source>文档变量（不显示但随文件保存）</source>
        <translation>Document variables (not shown, but saved in the file)</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="305"/>
        <source>自定义 XML 数据（不显示但随文件保存）</source>
        <translation>Custom XML data (not shown, but saved in the file)</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="323"/>
        <source>嵌入对象或文件（随文档一同发布）</source>
        <translation>Embedded object or file (published with the document)</translation>
    </message>
    <message>
        <location filename="../../review/extract/docx.py" line="358"/>
        <source>嵌入的外来内容块（altChunk，部分工具看不到）</source>
        <translation>Embedded foreign content block (altChunk; some tools do not show it)</translation>
    </message>
    <message>
        <location filename="../../review/extract/ofd.py" line="74"/>
        <source>部件无法读取，需人工审查</source>
        <translation>Part cannot be read: review by hand</translation>
    </message>
    <message>
        <location filename="../../review/extract/ofd.py" line="99"/>
        <source>文档信息含作者、摘要或自定义数据（发布前清除）</source>
        <translation>Document info holds author, abstract or custom data (clear before publishing)</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="29"/>
        <source>段落密级标志</source>
        <translation>Paragraph classification marking</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="30"/>
        <source>知悉范围标志</source>
        <translation>Distribution marking</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="31"/>
        <source>行文中的密级字样</source>
        <translation>Classification wording in the text</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="32"/>
        <source>附注与公开方式矛盾</source>
        <translation>Note contradicts the disclosure method</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="34"/>
        <source>居民身份证号</source>
        <translation>Resident ID number</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="35"/>
        <source>15位身份证号</source>
        <translation>15-digit ID number</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="36"/>
        <source>疑似身份证号</source>
        <translation>Possible ID number</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="37"/>
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="38"/>
        <source>固定电话</source>
        <translation>Landline number</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="39"/>
        <source>银行卡号</source>
        <translation>Bank card number</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="40"/>
        <source>电子邮箱</source>
        <translation>Email address</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="41"/>
        <source>个人信息旁的人名</source>
        <translation>Name next to personal data</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="42"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="43"/>
        <source>无文字层的页面</source>
        <translation>Page with no text layer</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="44"/>
        <source>扫描页（已识别文字）</source>
        <translation>Scanned page (text recognised)</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="46"/>
        <source>看得见但文字层没有的内容</source>
        <translation>Content visible but not in the text layer</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="47"/>
        <location filename="../../review/extract/ofd.py" line="121"/>
        <location filename="../../review/extract/pdf.py" line="398"/>
        <source>读者看不到的文字</source>
        <translation>Text a reader does not see</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="48"/>
        <source>设为隐藏的文字</source>
        <translation>Text set as hidden</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="49"/>
        <source>关闭的图层</source>
        <translation>Layer switched off</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="50"/>
        <source>文档属性</source>
        <translation>Document properties</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="51"/>
        <source>图片元数据</source>
        <translation>Image metadata</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="52"/>
        <source>注释或批注</source>
        <translation>Annotation or comment</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="53"/>
        <source>批注</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="54"/>
        <source>未接受的修订</source>
        <translation>Unaccepted revision</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="55"/>
        <source>早期修订版本</source>
        <translation>Earlier revision</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="56"/>
        <source>表单域</source>
        <translation>Form field</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="57"/>
        <source>嵌入文件</source>
        <translation>Embedded file</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="58"/>
        <source>无法检查的附件</source>
        <translation>Attachment that cannot be checked</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="59"/>
        <source>注释附件</source>
        <translation>Annotation attachment</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="60"/>
        <source>嵌入的文档片段</source>
        <translation>Embedded document fragment</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="61"/>
        <source>脚本</source>
        <translation>Script</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="62"/>
        <source>缩略图</source>
        <translation>Thumbnail</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="63"/>
        <source>文本框</source>
        <translation>Text box</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="64"/>
        <source>域代码</source>
        <translation>Field code</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="65"/>
        <source>文档变量</source>
        <translation>Document variable</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="66"/>
        <source>自定义XML数据</source>
        <translation>Custom XML data</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="67"/>
        <source>字形的替代文字</source>
        <translation>Alternative text of glyphs</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="68"/>
        <source>图片被裁去的部分</source>
        <translation>Cropped-off part of an image</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="69"/>
        <source>文件尾部的私有数据</source>
        <translation>Private data at the end of the file</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="70"/>
        <source>未被页面使用的对象</source>
        <translation>Object not used by any page</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="71"/>
        <source>文件结构已损坏</source>
        <translation>Damaged file structure</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="72"/>
        <source>无法读取的部分</source>
        <translation>Unreadable part</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="73"/>
        <source>音视频格式不符</source>
        <translation>Audio/video format mismatch</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="74"/>
        <source>音视频无法读取</source>
        <translation>Audio/video cannot be read</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="75"/>
        <source>音视频文件损坏</source>
        <translation>Damaged audio/video file</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="76"/>
        <source>领导人职务</source>
        <translation>Leader&apos;s post</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="77"/>
        <source>领导人姓名</source>
        <translation>Leader&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="78"/>
        <location filename="../../review/wording/base.py" line="46"/>
        <source>领导人排序</source>
        <translation>Order of leaders</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="79"/>
        <source>规范名称的写法</source>
        <translation>Spelling of official names</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="80"/>
        <source>错误表述</source>
        <translation>Wrong wording</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="81"/>
        <location filename="../../review/wording/base.py" line="49"/>
        <source>过时表述</source>
        <translation>Outdated wording</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="82"/>
        <source>发文字号格式</source>
        <translation>Document number format</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="83"/>
        <location filename="../../review/wording/base.py" line="51"/>
        <source>半角标点</source>
        <translation>Half-width punctuation</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="84"/>
        <source>重复标点</source>
        <translation>Repeated punctuation</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="85"/>
        <location filename="../../review/wording/base.py" line="53"/>
        <source>标点不成对</source>
        <translation>Unpaired punctuation</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="86"/>
        <location filename="../../review/wording/base.py" line="54"/>
        <source>文中链接</source>
        <translation>Link in the text</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="89"/>
        <source>词库：{category}</source>
        <translation>Lexicon: {category}</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="92"/>
        <source>其他发现</source>
        <translation>Other findings</translation>
    </message>
    <message>
        <location filename="../../review/extract/ofd.py" line="156"/>
        <location filename="../../review/extract/pdf.py" line="471"/>
        <source>注释或批注（发布前应删除）</source>
        <translation>Annotation or comment (remove before publishing)</translation>
    </message>
    <message>
        <location filename="../../review/extract/ofd.py" line="186"/>
        <source>附件（随文档一同发布）</source>
        <translation>Attachment (published with the document)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="272"/>
        <source>文件结构已损坏，经自动修复后检查；部分内容可能无法读取，请人工核对</source>
        <translation>The file structure is damaged and was repaired for checking; some content may be unreadable — review by hand</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="277"/>
        <source>文件结构（已修复）</source>
        <translation>File structure (repaired)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="309"/>
        <source>关闭显示的图层（读者默认看不到）</source>
        <translation>Layer switched off (readers do not see it by default)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="346"/>
        <source>页面缩略图（可能显示修改前的内容，发布时删除；需人工查看）</source>
        <translation>Page thumbnail (may show content from before changes; removed on publishing; look at it by hand)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="435"/>
        <source>替换文字（ActualText）与页面显示的字形不同</source>
        <translation>Replacement text (ActualText) differs from the glyphs shown on the page</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="452"/>
        <source>图片被裁剪，裁掉的部分仍在文件中（发布时去除）</source>
        <translation>Cropped image: the cropped-off part is still in the file (removed on publishing)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="491"/>
        <source>表单域（其值可能不可见）</source>
        <translation>Form field (its value may not be visible)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="526"/>
        <source>文件元数据含作者、主题或关键词（发布时按目录信息重写）</source>
        <translation>File metadata holds author, subject or keywords (rewritten from the catalog on publishing)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="554"/>
        <source>嵌入文件（随 PDF 一同发布）</source>
        <translation>Embedded file (published with the PDF)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="583"/>
        <source>JavaScript 脚本（发布前应删除）</source>
        <translation>JavaScript (remove before publishing)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="607"/>
        <source>注释中附带的文件（随 PDF 一同发布）</source>
        <translation>File attached to an annotation (published with the PDF)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="659"/>
        <source>图片内含文字（JPEG 注释、EXIF、XMP 等，发布时删除）</source>
        <translation>Text inside an image (JPEG comment, EXIF, XMP and the like; removed on publishing)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="675"/>
        <source>文件尾附加的数据（如混合 PDF 保存的 ODF 源文件），读者看不到，发布时删除</source>
        <translation>Data appended at the end of the file (such as the ODF source kept in a hybrid PDF): readers do not see it; removed on publishing</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="685"/>
        <source>没有页面引用的对象中含有文字（发布时删除）</source>
        <translation>Text in objects no page uses (removed on publishing)</translation>
    </message>
    <message>
        <location filename="../../review/extract/pdf.py" line="720"/>
        <source>文件保留了增量保存前的早期版本（其中被删改的内容仍可恢复）</source>
        <translation>The file keeps earlier versions from incremental saves (what was changed there can still be recovered)</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="28"/>
        <location filename="../../review/rules.py" line="37"/>
        <location filename="../../review/rules.py" line="43"/>
        <location filename="../../review/rules.py" line="49"/>
        <location filename="../../review/rules.py" line="55"/>
        <source>密级标志</source>
        <translation>Classification marking</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="39"/>
        <source>密级标志：标有密级的文件不得公开</source>
        <translation>Classification marking: a classified document must not be disclosed</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="45"/>
        <source>段落密级标志：该段内容属于国家秘密</source>
        <translation>Paragraph classification marking: this paragraph is a state secret</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="51"/>
        <source>知悉范围标志（仅限…阅、用后收回等）：标有此类标志的文件不得公开</source>
        <translation>Distribution limit marking (“to be read only by …”, “return after use” and the like): a document so marked must not be disclosed</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="57"/>
        <source>正文行文中提及密级或知悉范围字样，不是标注在文件上的标志，核实即可</source>
        <translation>Running text mentions a classification level or distribution limit; it is not a marking on the document, so just verify it</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="61"/>
        <location filename="../../review/rules.py" line="66"/>
        <source>附注</source>
        <translation>Disclosure note</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="63"/>
        <source>附注与拟公开方式矛盾</source>
        <translation>The document’s disclosure note contradicts the proposed disclosure</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="33"/>
        <location filename="../../review/rules.py" line="67"/>
        <source>文件附注</source>
        <translation>Disclosure note in the document</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="70"/>
        <location filename="../../review/rules.py" line="76"/>
        <location filename="../../review/rules.py" line="85"/>
        <location filename="../../review/rules.py" line="93"/>
        <location filename="../../review/rules.py" line="99"/>
        <location filename="../../review/rules.py" line="105"/>
        <location filename="../../review/rules.py" line="111"/>
        <location filename="../../review/rules.py" line="117"/>
        <location filename="../../review/rules.py" line="129"/>
        <location filename="../../review/rules.py" line="135"/>
        <location filename="../../review/rules.py" line="141"/>
        <source>个人信息</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="72"/>
        <source>居民身份证号（校验位有效），公开前须删除或按规定遮盖</source>
        <translation>Resident ID number (valid check digit): remove or mask before disclosure</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="81"/>
        <source>居民身份证号（校验位有效；地区码或出生日期与常见不符，仍按个人信息处理），公开前须删除或按规定遮盖</source>
        <translation>Resident ID number (valid check digit; unusual region code or birth date, still treated as personal data): remove or mask before disclosure</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="89"/>
        <source>居民身份证号（紧随“身份证”等字样，校验位不符也按个人信息处理），公开前须删除或按规定遮盖</source>
        <translation>Resident ID number (right after a word such as ID card (身份证); treated as personal data even with a wrong check digit): remove or mask before disclosure</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="95"/>
        <source>疑似身份证号（出生日期有效但校验位不符）</source>
        <translation>Possible ID number (valid birth date, wrong check digit)</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="101"/>
        <source>15位旧版身份证号</source>
        <translation>Old 15-digit ID number</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="107"/>
        <source>手机号码（个人号码须遮盖为 138****1234）</source>
        <translation>Mobile number (mask a personal number as 138****1234)</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="113"/>
        <source>固定电话号码</source>
        <translation>Landline number</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="119"/>
        <source>银行卡号（Luhn 校验有效）</source>
        <translation>Bank card number (valid Luhn check)</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="123"/>
        <source>单位信息</source>
        <translation>Organisation data</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="125"/>
        <source>统一社会信用代码（校验有效）</source>
        <translation>Unified social credit code (valid check)</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="131"/>
        <source>银行卡号（紧随“银行卡”“卡号”“账号”等字样，Luhn 校验不符也按个人信息处理）</source>
        <translation>Bank card number (right after a word such as bank card (银行卡), card number (卡号) or account number (账号); treated as personal data even if the Luhn check fails)</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="137"/>
        <source>电子邮箱地址</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="143"/>
        <source>个人信息旁的人名或地名</source>
        <translation>Person or place name next to personal data</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="218"/>
        <source>正文行文中出现的标识性词语（不是单独标注的标志），核实即可</source>
        <translation>Marking-like wording in running text (not a marking standing on its own); just verify it</translation>
    </message>
    <message>
        <location filename="../../review/rules.py" line="222"/>
        <source>列举法定不予公开情形的行文（如“国家秘密、商业秘密、个人隐私”），核实即可</source>
        <translation>Text listing the statutory grounds for withholding (such as “state secrets, trade secrets, personal privacy”); just verify it</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="344"/>
        <source>内容无法识别：既不是已知的音视频格式，也不是可检查的文档，须审查员人工审查。</source>
        <translation>Unrecognised content: neither a known audio or video format nor a document that can be checked; a reviewer must review it by hand.</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="348"/>
        <source>文件名表示音视频，但内容是可检查的文档，已按实际内容检查。</source>
        <translation>The file name says audio/video, but the content is a document that can be checked; it was checked by its actual content.</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="351"/>
        <source>文件扩展名与实际的音视频格式不符。</source>
        <translation>The file extension does not match the actual audio/video format.</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="356"/>
        <source>音视频内容无法自动检查，须审查员试听或观看后逐个确认（人工审查）。</source>
        <translation>Audio/video content cannot be checked automatically; a reviewer must listen to or watch each file and confirm it (manual review).</translation>
    </message>
    <message>
        <location filename="../../app/checking.py" line="373"/>
        <source>音视频附件</source>
        <translation>Audio/video attachment</translation>
    </message>
    <message>
        <location filename="../../review/extract/dispatch.py" line="65"/>
        <source>需要 LibreOffice 才能检查 DOC/WPS 文件</source>
        <translation>Checking DOC/WPS files needs LibreOffice</translation>
    </message>
    <message>
        <location filename="../../review/extract/dispatch.py" line="68"/>
        <source>LibreOffice 无法读取此文件，需人工审查</source>
        <translation>LibreOffice cannot read this file; it needs manual review</translation>
    </message>
    <message>
        <location filename="../../review/extract/dispatch.py" line="103"/>
        <source>宏（VBA 代码）：检查时未运行，发布版不含宏</source>
        <translation>Macros (VBA code): not run during the check; the published version has no macros</translation>
    </message>
    <message>
        <location filename="../../review/extract/dispatch.py" line="174"/>
        <source>附件无法检查，需人工审查</source>
        <translation>Attachment cannot be checked: review by hand</translation>
    </message>
    <message>
        <location filename="../../review/ocr.py" line="48"/>
        <source>图像文字识别（OCR）</source>
        <translation>Text recognition in images (OCR)</translation>
    </message>
    <message>
        <location filename="../../review/ocr.py" line="416"/>
        <location filename="../../review/ocr.py" line="510"/>
        <source>扫描页</source>
        <translation>Scanned page</translation>
    </message>
    <message>
        <location filename="../../review/ocr.py" line="420"/>
        <source>扫描页无文字层，文字经 OCR 识别后检查；识别可能有误，请人工核对</source>
        <translation>Scanned page with no text layer: its text was read by OCR and checked; OCR can err — review by hand</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="45"/>
        <location filename="../../review/ocr.py" line="432"/>
        <source>图片中的文字</source>
        <translation>Text in an image</translation>
    </message>
    <message>
        <location filename="../../review/ocr.py" line="434"/>
        <source>页面中的图片含文字，已经 OCR 识别后检查</source>
        <translation>An image on the page holds text; it was read by OCR and checked</translation>
    </message>
    <message>
        <location filename="../../review/ocr.py" line="483"/>
        <source>页面上显示的文字与文字层不符（字体映射、替换文字或矢量字形），以 OCR 识别为准</source>
        <translation>The text shown on the page differs from the text layer (font mapping, replacement text or vector glyphs); the OCR reading prevails</translation>
    </message>
    <message>
        <location filename="../../review/ocr.py" line="512"/>
        <source>图片无文字层，文字经 OCR 识别后检查；识别可能有误，请人工核对</source>
        <translation>Image with no text layer: its text was read by OCR and checked; OCR can err — review by hand</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="14"/>
        <source>错敏</source>
        <translation>Errors and sensitive wording</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="16"/>
        <source>表述</source>
        <translation>Wording</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="44"/>
        <source>领导人职务与日期不符</source>
        <translation>Leader&apos;s post does not match the date</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="45"/>
        <source>领导人姓名错字</source>
        <translation>Typo in a leader&apos;s name</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="47"/>
        <source>国名、机构、法规等固定表述写错</source>
        <translation>Fixed names of countries, bodies, laws and the like written wrongly</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="48"/>
        <source>错别字和不规范、敏感表述</source>
        <translation>Typos and non-standard or sensitive wording</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="50"/>
        <source>发文字号括号</source>
        <translation>Brackets in the document number</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="52"/>
        <source>标点重复</source>
        <translation>Repeated punctuation</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="61"/>
        <source>领导人职务与文件日期不符：{date}时任{post}的是{holders}，{name}{held}；应为“{suggestion}”</source>
        <translation>Leader&apos;s post does not match the document date: on {date} {post} was {holders}; {name} {held}; should be “{suggestion}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="64"/>
        <source>领导人职务与文件日期不符：{name}{held}，{date}已不在任；如为回顾，应为“{suggestion}”</source>
        <translation>Leader&apos;s post does not match the document date: {name} {held} and was no longer in office on {date}; if looking back, should be “{suggestion}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="65"/>
        <source>领导人姓名疑有错字：应为“{suggestion}”</source>
        <translation>Leader&apos;s name may have a typo: should be “{suggestion}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="66"/>
        <source>领导人排序有误：应为“{suggestion}”</source>
        <translation>Wrong order of leaders: should be “{suggestion}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="67"/>
        <source>{kind}写法有误：应为“{suggestion}”</source>
        <translation>{kind} written wrongly: should be “{suggestion}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="68"/>
        <source>{kind}：应为“{suggestion}”</source>
        <translation>{kind}: should be “{suggestion}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="69"/>
        <source>过时表述（{since}起不再适用）：应为“{suggestion}”</source>
        <translation>Outdated wording (no longer used since {since}): should be “{suggestion}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="72"/>
        <source>过时表述：{since}起“{phrase}”已不是当前时期，应为“{suggestion}”（回顾以往的不必改）</source>
        <translation>Outdated wording: since {since} “{phrase}” is no longer the current period; should be “{suggestion}” (no change needed when looking back)</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="73"/>
        <source>发文字号年份应使用六角括号：应为“{suggestion}”</source>
        <translation>The year in a document number takes hexagonal brackets: should be “{suggestion}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="74"/>
        <source>中文中使用了半角标点：应为“{suggestion}”</source>
        <translation>Half-width punctuation in Chinese text: should be “{suggestion}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="75"/>
        <source>标点重复：应为“{suggestion}”</source>
        <translation>Repeated punctuation: should be “{suggestion}”</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="76"/>
        <source>“{mark}”没有对应的后半个标点</source>
        <translation>“{mark}” has no closing counterpart</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="77"/>
        <source>“{mark}”没有对应的前半个标点</source>
        <translation>“{mark}” has no opening counterpart</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="78"/>
        <source>（本处之后另有 {count} 处同类问题未逐一列出）</source>
        <translation>({count} more problems of this kind after this one are not listed)</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="79"/>
        <source>文中链接：发布前核对能否打开、是否指向正确（审查时不联网检查）</source>
        <translation>Link in the text: before publishing, check that it opens and points to the right place (the review does not go online)</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="80"/>
        <source>任该职为{terms}</source>
        <translation>held this post {terms}</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="81"/>
        <source>未任该职</source>
        <translation>never held this post</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="82"/>
        <source>{start}至{end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <location filename="../../review/wording/base.py" line="85"/>
        <source>{start}起</source>
        <translation>from {start}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="29"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="35"/>
        <source>留空则使用数据目录中的 SQLite 数据库</source>
        <translation>Leave empty to use the SQLite database in the data folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="37"/>
        <source>https://…（访问令牌存于系统密钥环，不写入设置）</source>
        <translation>https://… (the access token lives in the system keyring, never in the settings)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="40"/>
        <source>语言和数据库的更改在下次启动时生效。</source>
        <translation>Language and database changes take effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="42"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="43"/>
        <source>数据库 URL</source>
        <translation>Database URL</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="44"/>
        <source>门户 API 地址</source>
        <translation>Portal API address</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="45"/>
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="78"/>
        <source>数据库密码</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="79"/>
        <source>本机没有安全的密钥环：数据库密码不会保存，每次启动时询问。</source>
        <translation>This machine has no secure keyring: the database password is not kept and will be asked at each start.</translation>
    </message>
</context>
<context>
    <name>StatisticsWindow</name>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="54"/>
        <source>（无数据）</source>
        <translation>(no data)</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="131"/>
        <location filename="../../app/ui/statistics_view.py" line="172"/>
        <source>{month}月</source>
        <translation>Month {month}</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="154"/>
        <source>统计与年度报告</source>
        <translation>Statistics and yearly report</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="159"/>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="163"/>
        <source>统计</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="166"/>
        <source>导出 PDF（表二、表三）…</source>
        <translation>Export PDF (Tables 2 and 3)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="167"/>
        <source>导出 XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="168"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="174"/>
        <source>导出保密审查汇总表…</source>
        <translation>Export monthly review summary…</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="175"/>
        <source>本部门所选月份办结的保密审查，每件一行（PDF、XLSX 或 CSV）</source>
        <translation>The department&apos;s reviews concluded in the selected month, one row each (PDF, XLSX or CSV)</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="179"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="181"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="188"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="193"/>
        <source>主动公开：按主题分类</source>
        <translation>Proactively disclosed: by subject category</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="194"/>
        <source>主动公开：按月</source>
        <translation>Proactively disclosed: by month</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="195"/>
        <source>规章和行政规范性文件：本年制发 / 废止 / 现行有效</source>
        <translation>Rules and normative documents: issued / abolished / in force</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="196"/>
        <source>政策解读：按形式</source>
        <translation>Policy interpretations: by form</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="204"/>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="204"/>
        <location filename="../../app/ui/statistics_view.py" line="215"/>
        <source>分项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="204"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="215"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="229"/>
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="230"/>
        <source>数据表</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="231"/>
        <source>依申请公开（表三）</source>
        <translation>Disclosure on request (Table 3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="259"/>
        <location filename="../../app/ui/statistics_view.py" line="262"/>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="281"/>
        <source>统计失败：{reason}</source>
        <translation>Counting failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="291"/>
        <source>{kind}现行有效件数核对一致</source>
        <translation>{kind}: the in-force count checks out</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="292"/>
        <source>{kind}现行有效件数核对不一致，请核查</source>
        <translation>{kind}: the in-force count does not check out; please verify</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="299"/>
        <source>导入到发布中位数 {median:g} 个工作日</source>
        <translation>Median {median:g} working days from import to publication</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="306"/>
        <source>主动公开 {published} 条，撤回 {withdrawn} 条，超期 {overdue} 条。{days}&#x3000;{checks}</source>
        <translation>{published} published, {withdrawn} withdrawn, {overdue} late. {days}  {checks}</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="321"/>
        <source>·制发</source>
        <translation> · issued</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="322"/>
        <source>·废止</source>
        <translation> · abolished</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="323"/>
        <source>·现行有效</source>
        <translation> · in force</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="348"/>
        <source>核对：一 + 二 = 三（七）总计 + 四，每一列一致。</source>
        <translation>Check: I + II = III (7) total + IV holds in every column.</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="350"/>
        <source>核对：一 + 二 与 三（七）总计 + 四 不一致，请核查申请的收到和办结日期。</source>
        <translation>Check: I + II does not equal III (7) total + IV; verify the dates requests were received and closed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="352"/>
        <source>{ref}：{n} 件申请，{people} 个申请人</source>
        <translation>{ref}: {n} requests from {people} applicants</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="367"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="394"/>
        <source>保密审查汇总表已导出到 {path}（{period}，{count} 件）</source>
        <translation>Monthly review summary exported to {path} ({period}, {count} reviews)</translation>
    </message>
    <message>
        <location filename="../../app/ui/statistics_view.py" line="402"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>TextView</name>
    <message>
        <location filename="../../app/ui/text_view.py" line="49"/>
        <source>PDF 原件的发现标在“页面”上；TXT、DOCX 和 OFD 原件的发现标在这里的文字中。</source>
        <translation>Findings in PDF originals are marked on the “Pages”; findings in TXT, DOCX and OFD originals are marked in the text here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/text_view.py" line="83"/>
        <source>文字视图：标出 {marked} 处发现（共 {total} 处有文字的发现）。点击标记可选中该发现。</source>
        <translation>Text view: {marked} findings marked (of {total} findings with text). Click a mark to select its finding.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../app/vocabulary.py" line="25"/>
        <source>我的草稿</source>
        <translation>My drafts</translation>
    </message>
    <message>
        <location filename="../../app/vocabulary.py" line="26"/>
        <source>待我审查</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../app/vocabulary.py" line="27"/>
        <source>已批准待发布</source>
        <translation>Approved, to publish</translation>
    </message>
    <message>
        <location filename="../../app/roles.py" line="46"/>
        <location filename="../../app/vocabulary.py" line="28"/>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../app/vocabulary.py" line="29"/>
        <source>全部文件</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../app/roles.py" line="22"/>
        <source>经办人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../app/roles.py" line="23"/>
        <source>保密审查员</source>
        <translation>Confidentiality reviewer</translation>
    </message>
    <message>
        <location filename="../../app/roles.py" line="24"/>
        <source>发布管理员</source>
        <translation>Publishing manager</translation>
    </message>
    <message>
        <location filename="../../app/roles.py" line="25"/>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../app/roles.py" line="43"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/roles.py" line="44"/>
        <source>待审查</source>
        <translation>Pending review</translation>
    </message>
    <message>
        <location filename="../../app/roles.py" line="45"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../app/roles.py" line="47"/>
        <location filename="../../publish/request_clock.py" line="105"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../app/roles.py" line="48"/>
        <location filename="../../app/workflow.py" line="80"/>
        <location filename="../../publish/taxonomy.py" line="90"/>
        <source>不予公开</source>
        <translation>Not disclosed</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="60"/>
        <source>提交审查</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="66"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../app/workflow.py" line="73"/>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="27"/>
        <location filename="../../app/ui/queue_dialog.py" line="34"/>
        <location filename="../../app/workflow.py" line="88"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="28"/>
        <location filename="../../app/ui/queue_dialog.py" line="35"/>
        <location filename="../../app/workflow.py" line="94"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../app/ui/package_dialog.py" line="29"/>
        <source>有效性变更</source>
        <translation>Validity change</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="36"/>
        <source>有效性</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="39"/>
        <source>待推送</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="40"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="41"/>
        <source>被拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_dialog.py" line="42"/>
        <source>已撤回，不再推送</source>
        <translation>Withdrawn; no longer pushed</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="88"/>
        <source>主动公开</source>
        <translation>Proactive disclosure</translation>
    </message>
    <message>
        <location filename="../../app/vocabulary.py" line="44"/>
        <source>同意公开</source>
        <translation>Disclose</translation>
    </message>
    <message>
        <location filename="../../app/vocabulary.py" line="45"/>
        <source>删减后公开</source>
        <translation>Disclose redacted</translation>
    </message>
    <message>
        <location filename="../../app/vocabulary.py" line="46"/>
        <location filename="../../publish/taxonomy.py" line="89"/>
        <source>依申请公开</source>
        <translation>Disclosure on request</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="84"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="85"/>
        <source>遮盖</source>
        <translation>Mask</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="86"/>
        <source>保留</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../app/reviewing.py" line="87"/>
        <source>误报</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="121"/>
        <source>国家秘密（条例第十四条）</source>
        <translation>State secret (Regulations art. 14)</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="122"/>
        <source>法律、行政法规禁止公开（条例第十四条）</source>
        <translation>Disclosure forbidden by law or administrative regulation (art. 14)</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="125"/>
        <source>危及国家安全、公共安全、经济安全、社会稳定（条例第十四条）</source>
        <translation>Endangers national, public or economic security or social stability (art. 14)</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="128"/>
        <source>商业秘密、个人隐私等第三方合法权益（条例第十五条）</source>
        <translation>Trade secrets, personal privacy or other third parties&apos; rights (art. 15)</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="129"/>
        <source>内部事务信息（条例第十六条）</source>
        <translation>Internal affairs information (art. 16)</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="130"/>
        <source>过程性信息（条例第十六条）</source>
        <translation>Process information (art. 16)</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="131"/>
        <source>行政执法案卷信息（条例第十六条）</source>
        <translation>Administrative enforcement case files (art. 16)</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="132"/>
        <source>技术性清理（非不予公开）</source>
        <translation>Technical cleanup (not withholding)</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="206"/>
        <source>文字解读</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="207"/>
        <source>图解</source>
        <translation>Graphic</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="208"/>
        <source>音视频</source>
        <translation>Audio/video</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="209"/>
        <source>专家解读</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="210"/>
        <source>负责人解读</source>
        <translation>Official</translation>
    </message>
    <message>
        <location filename="../../publish/taxonomy.py" line="211"/>
        <source>政策问答</source>
        <translation>Q&amp;A</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="45"/>
        <source>PDF 文档</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="46"/>
        <source>Word (DOCX) 文档</source>
        <translation>Word (DOCX) document</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="47"/>
        <source>Word 97-2003 (DOC) 文档</source>
        <translation>Word 97-2003 (DOC) document</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="48"/>
        <source>WPS 文字文档</source>
        <translation>WPS Writer document</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="49"/>
        <source>OpenDocument 文本 (ODT)</source>
        <translation>OpenDocument text (ODT)</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="50"/>
        <source>OFD 版式文档</source>
        <translation>OFD document</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="51"/>
        <source>纯文本</source>
        <translation>plain text</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="52"/>
        <source>图片</source>
        <translation>image</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="226"/>
        <source>Excel 97-2003 工作簿</source>
        <translation>Excel 97-2003 workbook</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="227"/>
        <source>Excel 工作簿</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="228"/>
        <source>PowerPoint 97-2003 演示文稿</source>
        <translation>PowerPoint 97-2003 presentation</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="229"/>
        <source>Outlook 邮件 (MSG)</source>
        <translation>Outlook message (MSG)</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="270"/>
        <source>OLE 复合文件（旧版 Office 格式）</source>
        <translation>OLE compound file (old Office format)</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="659"/>
        <source>MP4/MOV 音视频</source>
        <translation>MP4/MOV audio/video</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="660"/>
        <source>WAV 音频</source>
        <translation>WAV audio</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="661"/>
        <source>AVI 视频</source>
        <translation>AVI video</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="662"/>
        <source>MP3 音频</source>
        <translation>MP3 audio</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="663"/>
        <source>AAC 音频</source>
        <translation>AAC audio</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="664"/>
        <source>Ogg 音视频</source>
        <translation>Ogg audio/video</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="665"/>
        <source>FLAC 音频</source>
        <translation>FLAC audio</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="666"/>
        <source>WebM/MKV 视频</source>
        <translation>WebM/MKV video</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="667"/>
        <source>FLV 视频</source>
        <translation>FLV video</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="668"/>
        <source>WMA/WMV 音视频</source>
        <translation>WMA/WMV audio/video</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="669"/>
        <source>AMR 音频</source>
        <translation>AMR audio</translation>
    </message>
    <message>
        <location filename="../../review/formats.py" line="670"/>
        <source>MPEG 视频</source>
        <translation>MPEG video</translation>
    </message>
    <message>
        <location filename="../../app/interpretations.py" line="324"/>
        <location filename="../../review/formats.py" line="144"/>
        <location filename="../../review/formats.py" line="770"/>
        <source>无法识别的数据</source>
        <translation>unrecognisable data</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="35"/>
        <source>阻断</source>
        <translation>Blocking</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="36"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="37"/>
        <source>提示</source>
        <translation>Hint</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="103"/>
        <location filename="../../review/model.py" line="70"/>
        <source>正文</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="104"/>
        <source>文档属性</source>
        <translation>Document properties</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="105"/>
        <source>文档信息</source>
        <translation>Document information</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="113"/>
        <source>页眉</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="114"/>
        <source>页脚</source>
        <translation>Footer</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="115"/>
        <source>脚注</source>
        <translation>Footnote</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="116"/>
        <source>尾注</source>
        <translation>Endnote</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="118"/>
        <source>文档变量</source>
        <translation>Document variable</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="119"/>
        <location filename="../../app/finding_labels.py" line="234"/>
        <source>嵌入对象</source>
        <translation>Embedded object</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="122"/>
        <source>嵌入的文档片段</source>
        <translation>Embedded document fragment</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="124"/>
        <source>文档缩略图</source>
        <translation>Document thumbnail</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="125"/>
        <source>自定义属性</source>
        <translation>Custom property</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="127"/>
        <source>自定义XML数据</source>
        <translation>Custom XML data</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="130"/>
        <location filename="../../app/finding_labels.py" line="203"/>
        <source>注释</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="131"/>
        <location filename="../../app/finding_labels.py" line="199"/>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="132"/>
        <source>签章</source>
        <translation>Seal</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="140"/>
        <location filename="../../app/finding_labels.py" line="148"/>
        <location filename="../../app/finding_labels.py" line="170"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="141"/>
        <location filename="../../app/finding_labels.py" line="150"/>
        <location filename="../../app/finding_labels.py" line="171"/>
        <source>作者</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="142"/>
        <location filename="../../app/finding_labels.py" line="149"/>
        <location filename="../../app/finding_labels.py" line="172"/>
        <source>主题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="143"/>
        <location filename="../../app/finding_labels.py" line="151"/>
        <location filename="../../app/finding_labels.py" line="174"/>
        <location filename="../../app/finding_labels.py" line="175"/>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="144"/>
        <location filename="../../app/finding_labels.py" line="166"/>
        <location filename="../../app/finding_labels.py" line="176"/>
        <source>创建程序</source>
        <translation>Creator</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="145"/>
        <source>生成程序</source>
        <translation>Producer</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="152"/>
        <source>备注</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="153"/>
        <source>最后修改者</source>
        <translation>Last modified by</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="154"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="155"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="156"/>
        <source>标识符</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="157"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="158"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="159"/>
        <source>修订号</source>
        <translation>Revision number</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="160"/>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="161"/>
        <source>修改时间</source>
        <translation>Modified</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="162"/>
        <source>打印时间</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="163"/>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="164"/>
        <source>经理</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="165"/>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="167"/>
        <source>超链接基础</source>
        <translation>Hyperlink base</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="173"/>
        <source>摘要</source>
        <translation>Abstract</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="177"/>
        <source>创建程序版本</source>
        <translation>Creator version</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="178"/>
        <source>自定义数据</source>
        <translation>Custom data</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="179"/>
        <source>文档用途</source>
        <translation>Document purpose</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="180"/>
        <source>创建日期</source>
        <translation>Creation date</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="181"/>
        <source>修改日期</source>
        <translation>Modification date</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="185"/>
        <source>文字批注</source>
        <translation>Text annotation</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="186"/>
        <source>文本框批注</source>
        <translation>Free-text annotation</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="187"/>
        <source>高亮</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="188"/>
        <source>下划线</source>
        <translation>Underline</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="189"/>
        <source>波浪线</source>
        <translation>Squiggly underline</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="190"/>
        <source>删除线</source>
        <translation>Strikeout</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="191"/>
        <source>方框</source>
        <translation>Square</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="192"/>
        <source>圆圈</source>
        <translation>Circle</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="193"/>
        <source>直线</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="194"/>
        <source>多边形</source>
        <translation>Polygon</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="195"/>
        <source>折线</source>
        <translation>Polyline</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="196"/>
        <source>手写</source>
        <translation>Ink</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="197"/>
        <source>图章</source>
        <translation>Stamp</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="198"/>
        <source>插入标记</source>
        <translation>Caret</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="200"/>
        <source>声音</source>
        <translation>Sound</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="201"/>
        <source>弹出注释</source>
        <translation>Popup</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="202"/>
        <source>待删除标记</source>
        <translation>Redaction mark</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="206"/>
        <source>字形的替代文字</source>
        <translation>Alternative text of glyphs</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="208"/>
        <source>XMP 元数据</source>
        <translation>XMP metadata</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="212"/>
        <source>对象 {number}</source>
        <translation>Object {number}</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="213"/>
        <source>·</source>
        <translation>·</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="71"/>
        <source>元数据</source>
        <translation>Metadata</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="72"/>
        <source>批注/注释</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="73"/>
        <source>表单域</source>
        <translation>Form field</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="74"/>
        <source>嵌入文件</source>
        <translation>Embedded file</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="75"/>
        <source>脚本</source>
        <translation>Script</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="76"/>
        <source>书签</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="77"/>
        <source>链接</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="78"/>
        <source>隐藏文字</source>
        <translation>Hidden text</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="79"/>
        <source>早期修订版本</source>
        <translation>Earlier revision</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="109"/>
        <location filename="../../review/model.py" line="80"/>
        <source>批注</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="81"/>
        <source>修订记录</source>
        <translation>Tracked change</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="82"/>
        <source>页眉页脚</source>
        <translation>Header/footer</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="83"/>
        <source>脚注尾注</source>
        <translation>Footnote/endnote</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="84"/>
        <source>文本框</source>
        <translation>Text box</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="85"/>
        <source>域代码</source>
        <translation>Field code</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="86"/>
        <source>图片替代文字</source>
        <translation>Image alt text</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="87"/>
        <source>自定义XML</source>
        <translation>Custom XML</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="112"/>
        <source>第{page}页</source>
        <translation>page {page}</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="113"/>
        <source>第{first}–{last}页</source>
        <translation>pages {first}–{last}</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="114"/>
        <source>第{paragraph}段</source>
        <translation>paragraph {paragraph}</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="115"/>
        <source>第{line}行</source>
        <translation>line {line}</translation>
    </message>
    <message>
        <location filename="../../review/model.py" line="116"/>
        <source>第{line}行第{column}列</source>
        <translation>line {line}, column {column}</translation>
    </message>
    <message>
        <location filename="../../app/finding_labels.py" line="225"/>
        <location filename="../../app/ui/i18n.py" line="44"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="49"/>
        <location filename="../../review/model.py" line="119"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="29"/>
        <source>有效</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="30"/>
        <source>失效</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="31"/>
        <source>废止</source>
        <translation>Repealed</translation>
    </message>
    <message>
        <location filename="../../publish/catalog.py" line="32"/>
        <source>已修改</source>
        <translation>Amended</translation>
    </message>
    <message>
        <location filename="../../app/deadlines.py" line="37"/>
        <source>成文后 20 个工作日内公开</source>
        <translation>Published within 20 working days of its date</translation>
    </message>
    <message>
        <location filename="../../app/deadlines.py" line="38"/>
        <source>文件发布后 3 个工作日内发布解读</source>
        <translation>Interpretation within 3 working days of the document</translation>
    </message>
    <message>
        <location filename="../../app/deadlines.py" line="39"/>
        <source>依申请公开：20 个工作日内答复</source>
        <translation>Disclosure on request: reply within 20 working days</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="35"/>
        <source>保密期限已满</source>
        <translation>The classification period has ended</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="36"/>
        <source>保密期限未满（至 {date}）</source>
        <translation>The classification period has not ended (until {date})</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="37"/>
        <source>保密期限为长期</source>
        <translation>The classification period is long-term</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="38"/>
        <source>成文日期未填，无法判断保密期限是否已满</source>
        <translation>The date written is not filled in; cannot tell whether the classification period has ended</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="39"/>
        <source>标志未写明密级或期限，无法判断保密期限是否已满</source>
        <translation>The marking states no classification level or period; cannot tell whether the classification period has ended</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="40"/>
        <source>尚无解密/降密记录</source>
        <translation>No declassification/downgrading record yet</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="43"/>
        <source>解密记录：{authority} {date} {reference}，{entered}录入，待第二人确认</source>
        <translation>Declassification record: {authority} {date} {reference}, entered by {entered}, awaiting confirmation by a second person</translation>
    </message>
    <message>
        <location filename="../../app/declassification.py" line="48"/>
        <source>解密记录：{authority} {date} {reference}，{entered}录入，{confirmed}确认</source>
        <translation>Declassification record: {authority} {date} {reference}, entered by {entered}, confirmed by {confirmed}</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="70"/>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="71"/>
        <location filename="../../publish/request_clock.py" line="102"/>
        <source>等待补正</source>
        <translation>Awaiting amendment</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="72"/>
        <source>征求意见中</source>
        <translation>Consulting</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="73"/>
        <location filename="../../publish/request_clock.py" line="63"/>
        <location filename="../../publish/request_clock.py" line="104"/>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="74"/>
        <source>已办结（不再处理）</source>
        <translation>Closed (no longer processed)</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="92"/>
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="93"/>
        <source>申请表</source>
        <translation>Request form</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="94"/>
        <source>补正材料</source>
        <translation>Amendment</translation>
    </message>
    <message>
        <location filename="../../app/info_requests.py" line="95"/>
        <source>发出的文书</source>
        <translation>Letter sent</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="61"/>
        <source>答复书（已主动公开）</source>
        <translation>Reply letter (already disclosed proactively)</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="62"/>
        <source>答复书（予以公开）</source>
        <translation>Reply letter (disclosed)</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="63"/>
        <source>答复书（部分公开）</source>
        <translation>Reply letter (partly disclosed)</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="64"/>
        <source>答复书（不予公开）</source>
        <translation>Reply letter (not disclosed)</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="65"/>
        <source>答复书（信息不存在）</source>
        <translation>Reply letter (information does not exist)</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="66"/>
        <source>答复书（非本机关负责公开）</source>
        <translation>Reply letter (not this agency&apos;s to disclose)</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="67"/>
        <source>答复书（重复申请）</source>
        <translation>Reply letter (repeated request)</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="68"/>
        <source>答复书（其他法律法规另有规定）</source>
        <translation>Reply letter (other laws or regulations apply)</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="69"/>
        <source>补正告知书</source>
        <translation>Amendment notice</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="70"/>
        <source>延期答复告知书</source>
        <translation>Extension notice</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="75"/>
        <source>答复机关</source>
        <translation>Replying agency</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="76"/>
        <source>文书编号</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="77"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="78"/>
        <source>收到申请日期</source>
        <translation>Date request received</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="79"/>
        <source>申请内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="80"/>
        <source>答复日期</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="81"/>
        <source>救济途径</source>
        <translation>Remedies</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="82"/>
        <source>获取的方式、途径</source>
        <translation>How and where to obtain it</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="83"/>
        <source>提供的信息</source>
        <translation>Information provided</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="84"/>
        <source>提供的信息件数</source>
        <translation>Number of items provided</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="85"/>
        <source>不予公开的部分及其理由</source>
        <translation>Withheld parts and reasons</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="86"/>
        <source>不予公开的依据</source>
        <translation>Basis for withholding</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="87"/>
        <source>不予公开的具体理由</source>
        <translation>Specific reasons for withholding</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="88"/>
        <source>检索情况</source>
        <translation>Search conducted</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="89"/>
        <source>不属于本机关负责公开的理由</source>
        <translation>Why it is not this agency&apos;s to disclose</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="90"/>
        <source>负责公开的行政机关</source>
        <translation>Agency responsible for disclosure</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="91"/>
        <source>负责公开的行政机关的联系方式</source>
        <translation>Contact of the responsible agency</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="92"/>
        <source>此前答复的日期及文号</source>
        <translation>Date and number of the earlier reply</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="93"/>
        <source>信息类别（如不动产登记资料）</source>
        <translation>Information category (such as real estate registration records)</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="94"/>
        <source>有特别规定的法律、行政法规</source>
        <translation>Law or administrative regulation with special provisions</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="95"/>
        <source>办理途径</source>
        <translation>How to proceed</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="96"/>
        <source>需要补正的事项</source>
        <translation>What needs amending</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="97"/>
        <source>补正期限</source>
        <translation>Amendment deadline</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="98"/>
        <source>延期理由</source>
        <translation>Reason for extension</translation>
    </message>
    <message>
        <location filename="../../publish/answer_letter.py" line="99"/>
        <source>延长后的答复期限</source>
        <translation>Extended reply deadline</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="58"/>
        <source>告知补正</source>
        <translation>Request amendment</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="59"/>
        <source>收到补正</source>
        <translation>Amendment received</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="60"/>
        <source>延期答复</source>
        <translation>Extend deadline</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="61"/>
        <source>征求意见</source>
        <translation>Consult</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="62"/>
        <source>收到意见</source>
        <translation>Opinion received</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="64"/>
        <source>申请人撤回</source>
        <translation>Withdrawn by applicant</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="65"/>
        <source>转为主动公开</source>
        <translation>Converted to proactive disclosure</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="81"/>
        <source>第三方</source>
        <translation>Third party</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="82"/>
        <source>其他机关</source>
        <translation>Other agency</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="100"/>
        <source>计时中</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="101"/>
        <source>暂停计时</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../publish/request_clock.py" line="103"/>
        <source>逾期未补正</source>
        <translation>Not amended in time</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="31"/>
        <source>自然人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="32"/>
        <source>商业企业</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="33"/>
        <source>科研机构</source>
        <translation>Research institution</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="34"/>
        <source>社会公益组织</source>
        <translation>Public-interest organisation</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="35"/>
        <source>法律服务机构</source>
        <translation>Legal services organisation</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="36"/>
        <location filename="../../publish/request_outcomes.py" line="59"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="54"/>
        <source>当面</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="55"/>
        <source>邮寄</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="56"/>
        <source>网上</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="57"/>
        <source>传真</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="58"/>
        <source>电子邮件</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="197"/>
        <source>已主动公开（告知获取途径）</source>
        <translation>Already disclosed proactively (applicant told where to find it)</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="198"/>
        <source>予以公开</source>
        <translation>Disclosed</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="199"/>
        <source>部分公开</source>
        <translation>Partly disclosed</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="200"/>
        <source>不予公开：属于国家秘密</source>
        <translation>Not disclosed: state secret</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="201"/>
        <source>不予公开：其他法律行政法规禁止公开</source>
        <translation>Not disclosed: forbidden by other laws or administrative regulations</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="202"/>
        <source>不予公开：危及“三安全一稳定”</source>
        <translation>Not disclosed: endangers security or social stability</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="203"/>
        <source>不予公开：保护第三方合法权益</source>
        <translation>Not disclosed: protects third parties&apos; lawful rights</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="204"/>
        <source>不予公开：属于三类内部事务信息</source>
        <translation>Not disclosed: internal affairs information</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="205"/>
        <source>不予公开：属于四类过程性信息</source>
        <translation>Not disclosed: process information</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="206"/>
        <source>不予公开：属于行政执法案卷</source>
        <translation>Not disclosed: administrative enforcement case files</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="207"/>
        <source>不予公开：属于行政查询事项</source>
        <translation>Not disclosed: administrative inquiry matter</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="208"/>
        <source>无法提供：信息不存在</source>
        <translation>Cannot provide: information does not exist</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="209"/>
        <source>无法提供：非本机关负责公开</source>
        <translation>Cannot provide: not this agency&apos;s to disclose</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="210"/>
        <source>无法提供：没有现成信息需要另行制作</source>
        <translation>Cannot provide: no existing information; it would have to be created</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="211"/>
        <source>无法提供：补正后申请内容仍不明确</source>
        <translation>Cannot provide: request still unclear after amendment</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="212"/>
        <source>不予处理：信访举报投诉类申请</source>
        <translation>Not processed: petition, report or complaint</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="213"/>
        <source>不予处理：重复申请</source>
        <translation>Not processed: repeated request</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="214"/>
        <source>不予处理：要求提供公开出版物</source>
        <translation>Not processed: request for published materials</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="215"/>
        <source>不予处理：无正当理由大量反复申请</source>
        <translation>Not processed: mass repeated requests without good reason</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="216"/>
        <source>不予处理：要求确认或重新出具已获取信息</source>
        <translation>Not processed: request to confirm or reissue information already obtained</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="217"/>
        <source>逾期不补正，不再处理</source>
        <translation>Not amended in time; no longer processed</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="218"/>
        <source>逾期未缴纳费用，不再处理</source>
        <translation>Fee not paid in time; no longer processed</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="219"/>
        <source>其他法律行政法规另有规定（告知依其办理）</source>
        <translation>Other laws or regulations apply (applicant told to proceed under them)</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="220"/>
        <source>申请人撤回申请</source>
        <translation>Applicant withdrew the request</translation>
    </message>
    <message>
        <location filename="../../publish/request_outcomes.py" line="221"/>
        <source>其他处理</source>
        <translation>Other handling</translation>
    </message>
    <message>
        <location filename="../../app/document_links.py" line="18"/>
        <source>可访问</source>
        <translation>Reachable</translation>
    </message>
    <message>
        <location filename="../../app/document_links.py" line="19"/>
        <source>已跳转</source>
        <translation>Redirected</translation>
    </message>
    <message>
        <location filename="../../app/document_links.py" line="20"/>
        <source>死链</source>
        <translation>Dead link</translation>
    </message>
    <message>
        <location filename="../../app/document_links.py" line="21"/>
        <source>未检查（内网地址）</source>
        <translation>Not checked (intranet address)</translation>
    </message>
    <message>
        <location filename="../../app/submission.py" line="23"/>
        <source>信息名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/submission.py" line="24"/>
        <source>成文日期</source>
        <translation>Date written</translation>
    </message>
    <message>
        <location filename="../../app/submission.py" line="25"/>
        <source>主题分类</source>
        <translation>Subject category</translation>
    </message>
    <message>
        <location filename="../../app/submission.py" line="26"/>
        <source>发布机构</source>
        <translation>Issuing body</translation>
    </message>
</context>
</TS>
