<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../desktop/ui/shell/controller.py" line="+147"/>
        <source>Opening your shop</source>
        <translation>正在打开店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking this PC&apos;s key…</source>
        <translation>正在检查这台电脑上的密钥…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The key could not be remembered on this PC; the shop will ask to be unlocked again next time.</source>
        <translation>无法在这台电脑上记住密钥，下次打开时需要重新解锁店铺。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This recovery code is not correct. Check it against your paper copy.</source>
        <translation>恢复码不正确。请对照您抄写的纸质副本检查。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The owner password is not correct.</source>
        <translation>店主密码不正确。</translation>
    </message>
    <message>
        <location line="+245"/>
        <source>The files were not changed. Restore the shop from a backup (uv run main.py restore BACKUP.svbackup), or ask for help before trying anything else.</source>
        <translation>文件没有被改动。请从备份恢复店铺（uv run main.py restore BACKUP.svbackup），或先寻求帮助，不要自行尝试其他操作。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Put the shop&apos;s two files, shop.db and shop.key, back into the folder below, or restore the shop from a backup.</source>
        <translation>请把店铺的两个文件 shop.db 和 shop.key 放回下面的文件夹，或从备份恢复店铺。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Details were written to the log.</source>
        <translation>详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="../../build/translations/auditwords.py" line="+2"/>
        <source>Audit trail checked</source>
        <translation>已校验审计记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup made</source>
        <translation>已备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup restored</source>
        <translation>已从备份恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent withdrawn</source>
        <translation>撤回了同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy of their data exported</source>
        <translation>导出了本人数据副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer added</source>
        <translation>添加了客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer deleted</source>
        <translation>删除了客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer details edited</source>
        <translation>编辑了客户资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer key for reports created</source>
        <translation>创建了报表客户代号密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database key changed</source>
        <translation>更换了数据库密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo data loaded</source>
        <translation>载入了演示数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export started</source>
        <translation>开始导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback added</source>
        <translation>添加了反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback edited</source>
        <translation>编辑了反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback status changed</source>
        <translation>更改了反馈状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import template deleted</source>
        <translation>删除了导入模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import template saved</source>
        <translation>保存了导入模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import undone</source>
        <translation>撤销了导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key for resident IDs created</source>
        <translation>已创建身份证号加密密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key remembered on this PC</source>
        <translation>在本机记住了密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order added</source>
        <translation>添加了订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order edited</source>
        <translation>编辑了订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner password changed</source>
        <translation>修改了店主密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner password reset with the recovery code</source>
        <translation>已用恢复码重设店主密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded a consent</source>
        <translation>记录了同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revealed a field</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings changed</source>
        <translation>更改了设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop checked</source>
        <translation>检查了店铺数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop created</source>
        <translation>创建了店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop unlocked</source>
        <translation>解锁了店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User added</source>
        <translation>添加了用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User disabled</source>
        <translation>停用了用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User password changed</source>
        <translation>修改了用户密码</translation>
    </message>
</context>
<context>
    <name>BusyView</name>
    <message>
        <location filename="../../desktop/ui/shell/status_views.py" line="+53"/>
        <source>{percent}% done</source>
        <translation>已完成 {percent}%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This takes a moment.</source>
        <translation>请稍候。</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../../desktop/ui/shell/card.py" line="+111"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language of the ShopVault window</source>
        <translation>ShopVault 窗口的显示语言</translation>
    </message>
</context>
<context>
    <name>CheckStep</name>
    <message>
        <location filename="../../desktop/ui/pages/import_pages_result.py" line="+139"/>
        <source>Click a row to read all of its reason here.</source>
        <translation>点击某一行，即可在这里看到完整原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row {row}: {action}</source>
        <translation>第 {row} 行：{action}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check every row before importing</source>
        <translation>导入前逐行检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing has been saved yet. Click a count to see only those rows; click it again to see all.</source>
        <translation>目前还没有保存任何内容。点击某个数量只看这些行，再点一次显示全部。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count}  {action}</source>
        <translation>{action}  {count}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing to import: no row of this file adds or changes anything in the shop. Perhaps it was imported before, or every row has an error. To update customers the shop already has from this file, go back to the columns and choose &quot;{policy}&quot;.</source>
        <translation>没有可导入的内容：这个文件中没有任何一行会新增或修改店里的记录。可能这个文件以前已经导入过，或者每一行都有错误。如果要用这个文件更新店里已有的客户，请返回“列对应”一步，选择“{policy}”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rows with errors: {count}. They cannot be imported. Fix them in the column mapping or in the file and check again, or import the other rows without them.</source>
        <translation>有错误的行：{count}。这些行无法导入。请在列对应关系或文件中修正后重新检查，或者只导入其余的行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows with errors: {count}. They cannot be imported. Fix them in the column mapping or in the file and check again.</source>
        <translation>有错误的行：{count}。这些行无法导入。请在列对应关系或文件中修正后重新检查。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import the good rows ({good}) and leave out the rows with errors ({bad})</source>
        <translation>导入正确的行（{good}），不导入有错误的行（{bad}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the mapping</source>
        <translation>返回修改列对应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the rows with errors…</source>
        <translation>保存有错误的行…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>{count} new order(s)</source>
        <translation>
            <numerusform>新订单 {count} 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{count} order(s) updated</source>
        <translation>
            <numerusform>更新订单 {count} 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{count} new feedback entry(s)</source>
        <translation>
            <numerusform>新反馈 {count} 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{count} blank, total or heading row(s) left out</source>
        <translation>
            <numerusform>跳过空行、合计行或表头行 {count} 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <location filename="../../desktop/ui/pages/consent_dialogs.py" line="+180"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ConsentWords</name>
    <message>
        <location filename="../../build/translations/helpers.py" line="+2"/>
        <source>Counter (paper form)</source>
        <translation>门店柜台（纸质表格）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granted</source>
        <translation>已同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing SMS</source>
        <translation>营销短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing WeChat messages</source>
        <translation>微信营销消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing e-mail</source>
        <translation>营销邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membership programme</source>
        <translation>会员计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other purpose</source>
        <translation>其他用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing sensitive data (PIPL Art. 29)</source>
        <translation>处理敏感个人信息（个保法第二十九条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sharing with a delivery partner</source>
        <translation>向配送合作方提供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer abroad</source>
        <translation>向境外提供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat mini-program</source>
        <translation>微信小程序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>ConsentsTab</name>
    <message>
        <location filename="../../desktop/ui/pages/consents_tab.py" line="+101"/>
        <source>(withheld)</source>
        <translation>（不予显示）</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>No consents recorded yet.</source>
        <translation>尚未记录任何同意。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Record consent…</source>
        <translation>记录同意…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer takes back the selected consent; the entry stays, marked withdrawn.</source>
        <translation>顾客撤回所选的同意；该记录会保留，并标记为已撤回。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose, channel</source>
        <translation>用途、渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence; recorded by</source>
        <translation>凭证；记录人</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CustomerActions</name>
    <message>
        <location filename="../../desktop/ui/pages/customer_actions.py" line="+79"/>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {name} ({member_no})?</source>
        <translation>删除 {name}（{member_no}）？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s profile is removed for good; the deletion is recorded in the audit log. This cannot be undone.</source>
        <translation>该客户的资料将被永久删除，删除操作会记入审计日志。此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../build/translations/helpers.py" line="+1"/>
        <source>18 characters, e.g. 11010519491231002X</source>
        <translation>18 位，例如 11010519491231002X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1990-03-07, 1990/3/7, 1990年3月7日 or 03-07</source>
        <translation>1990-03-07、1990/3/7、1990年3月7日 或 03-07</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add customer</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not stated</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separate with commas or 、</source>
        <translation>用逗号或顿号（、）分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored-value balance (¥)</source>
        <translation>储值余额（¥）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 138 1234 5678</source>
        <translation>例如 138 1234 5678</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. walk-in, Taobao</source>
        <translation>例如 到店、淘宝</translation>
    </message>
</context>
<context>
    <name>CustomerProfilePanel</name>
    <message>
        <location line="+1"/>
        <source>A copy of their data for them (PIPL Art. 45, GDPR Art. 15/20): .xlsx and .json, recorded in the audit log</source>
        <translation>给本人的个人信息副本（《个人信息保护法》第四十五条、GDPR 第 15/20 条）：.xlsx 和 .json，记入审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basics</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a customer in the list to see their profile.</source>
        <translation>在列表中选择一位客户，查看其资料。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents</source>
        <translation>授权同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export everything we hold about this person…</source>
        <translation>导出本店保存的此人全部信息…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No customer selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No feedback yet.</source>
        <translation>还没有反馈。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No orders yet.</source>
        <translation>还没有订单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing recorded yet.</source>
        <translation>还没有记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the owner sees the whole resident ID.</source>
        <translation>完整身份证号仅店主可见。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal…</source>
        <translation>查看完整信息…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this value once, with a reason (recorded in the history)</source>
        <translation>填写原因后查看一次完整信息（会记入历史记录）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When, who</source>
        <translation>时间、操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
</context>
<context>
    <name>CustomersModel</name>
    <message>
        <location filename="../../desktop/ui/models/customer_columns.py" line="+46"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../build/translations/helpers.py" line="+1"/>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location line="+11"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count}+ customers, counting…</source>
        <translation>{count}+ 位客户，正在统计…</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>No customers match.</source>
        <translation>没有符合条件的客户。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customers yet.</source>
        <translation>还没有客户。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>1 customer</source>
        <translation>1 位客户</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{count} customers</source>
        <translation>{count} 位客户</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>No customers match. Check the spelling, try the last 4 digits of the phone, or clear the filters.</source>
        <translation>没有符合条件的客户。请检查输入，试试电话后 4 位，或清除筛选条件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customers yet. Add the first one with “Add customer”.</source>
        <translation>还没有客户。点击“新增客户”添加第一位客户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/customers_page.py" line="+407"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Customer added.</source>
        <translation>已添加客户。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Changes saved.</source>
        <translation>修改已保存。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Customer deleted.</source>
        <translation>已删除客户。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Consent register updated.</source>
        <translation>同意记录已更新。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search: phone, last 4 digits, name, pinyin (zhangsan, zs), member no., e-mail, WeChat</source>
        <translation>搜索：电话、后 4 位、姓名、拼音（zhangsan、zs）、会员卡号、邮箱、微信号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add customer</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../build/translations/helpers.py" line="-5"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>any date</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/customers_page.py" line="+2"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <location filename="../../desktop/ui/pages/export_entry.py" line="+111"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save what this list shows as an Excel or CSV file (personal data masked)</source>
        <translation>将此列表显示的内容保存为 Excel 或 CSV 文件（个人信息已脱敏）</translation>
    </message>
</context>
<context>
    <name>ExportColumns</name>
    <message>
        <location filename="../../desktop/ui/pages/export_scope.py" line="+141"/>
        <source>Member no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer key</source>
        <translation>客户代号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient phone</source>
        <translation>收货人电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order notes</source>
        <translation>订单备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>商品件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goods total</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payable</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resolved at</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the customer said</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue</source>
        <translation>是否超时</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/export_dialog.py" line="+178"/>
        <source>Choose at least one column.</source>
        <translation>请至少选择一列。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose or type the purpose of this export.</source>
        <translation>请选择或填写本次导出的用途。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose where to save the file.</source>
        <translation>请选择文件的保存位置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder {folder} does not exist. Choose another place.</source>
        <translation>文件夹 {folder} 不存在，请另选位置。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} 已存在，要替换吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporting… {done} of {total} rows</source>
        <translation>正在导出… 第 {done} / {total} 行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preparing the export…</source>
        <translation>正在准备导出…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export cancelled. No file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Exported 1 row to {path}.</source>
        <translation>已导出 1 行到 {path}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported {rows} rows to {path}.</source>
        <translation>已导出 {rows} 行到 {path}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported 1 row, unmasked and password-protected, to {path}.</source>
        <translation>已导出 1 行（未脱敏，已加密码保护）到 {path}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported {rows} rows, unmasked and password-protected, to {path}.</source>
        <translation>已导出 {rows} 行（未脱敏，已加密码保护）到 {path}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded in the audit log as entry {seq}.</source>
        <translation>已记入审计日志，编号 {seq}。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing matches: the file will hold only the headers.</source>
        <translation>没有符合条件的记录：文件中只有表头。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Personal data is masked in the file: 138****5678, 张*, a****@example.com.</source>
        <translation>文件中的个人信息已脱敏：138****5678、张*、a****@example.com。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export unmasked…</source>
        <translation>导出未脱敏数据…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner only: full personal data in a password-protected workbook</source>
        <translation>仅限店主：完整个人信息，保存为有密码保护的工作簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <location filename="../../build/translations/exportfile.py" line="+2"/>
        <source>(not stated)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access history</source>
        <translation>访问记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit entry</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail checked</source>
        <translation>已校验审计记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup made</source>
        <translation>已备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup restored</source>
        <translation>已从备份恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns</source>
        <translation>导出列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent withdrawn</source>
        <translation>撤回了同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents</source>
        <translation>授权同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy of the personal data held about one customer</source>
        <translation>本店所持有的该客户个人信息副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy of their data exported</source>
        <translation>导出了本人数据副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter (paper form)</source>
        <translation>门店柜台（纸质表格）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer added</source>
        <translation>添加了客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer deleted</source>
        <translation>删除了客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer details edited</source>
        <translation>编辑了客户资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer key</source>
        <translation>客户代号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer key for reports created</source>
        <translation>创建了报表客户代号密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer key: a pseudonym (keyed HMAC-SHA256 of the customer&apos;s record number, stable for this shop, not reversible without the shop&apos;s key) for joining this shop&apos;s reports.</source>
        <translation>客户代号：客户的化名（以本店密钥对客户记录编号计算的 HMAC-SHA256，在本店内固定不变，没有本店密钥无法还原），用于关联本店的各份报表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer list</source>
        <translation>客户名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data-subject access request (PIPL Art. 45, GDPR Art. 15/20)</source>
        <translation>个人信息查阅、复制请求（个保法第四十五条，GDPR 第 15、20 条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database key changed</source>
        <translation>更换了数据库密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo data loaded</source>
        <translation>载入了演示数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>同意凭证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export entry</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export started</source>
        <translation>开始导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported by</source>
        <translation>导出人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback added</source>
        <translation>添加了反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback edited</source>
        <translation>编辑了反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback record</source>
        <translation>反馈记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback status changed</source>
        <translation>更改了反馈状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields changed</source>
        <translation>修改的字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goods total</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granted</source>
        <translation>是否同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import template deleted</source>
        <translation>删除了导入模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import template saved</source>
        <translation>保存了导入模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import undone</source>
        <translation>撤销了导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>商品件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key for resident IDs created</source>
        <translation>已创建身份证号加密密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key remembered on this PC</source>
        <translation>在本机记住了密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing SMS</source>
        <translation>营销短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing WeChat messages</source>
        <translation>微信营销消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing e-mail</source>
        <translation>营销邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masked</source>
        <translation>已脱敏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masked per the shop&apos;s masking rules (DESIGN §4): names, phones, e-mails, WeChat IDs, birthdays and street addresses are shortened; phones, ID numbers, e-mails and street addresses written inside notes and feedback are masked too.</source>
        <translation>已按本店的脱敏规则（DESIGN 第 4 节）脱敏：姓名、电话、邮箱、微信号、生日和详细地址只显示部分；备注和反馈中写到的电话、身份证号、邮箱和详细地址也已脱敏。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masking</source>
        <translation>脱敏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membership programme</source>
        <translation>会员计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT MASKED: this file holds personal data in clear. It is password-protected; keep the password apart from the file and delete the file when the purpose is served.</source>
        <translation>未脱敏：本文件含有明文个人信息，已设密码保护。请将密码与文件分开保管，用途达成后删除本文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order added</source>
        <translation>添加了订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order edited</source>
        <translation>编辑了订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order items</source>
        <translation>订单商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order notes</source>
        <translation>订单备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order record</source>
        <translation>订单记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders with items</source>
        <translation>订单及商品明细</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other purpose</source>
        <translation>其他用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>是否超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner password changed</source>
        <translation>修改了店主密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner password reset with the recovery code</source>
        <translation>已用恢复码重设店主密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payable</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data copy</source>
        <translation>个人信息副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing sensitive data (PIPL Art. 29)</source>
        <translation>处理敏感个人信息（个保法第二十九条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient phone</source>
        <translation>收货人电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded a consent</source>
        <translation>记录了同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution changed</source>
        <translation>处理结果已修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved at</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revealed a field</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows: {sheet}</source>
        <translation>行数：{sheet}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings changed</source>
        <translation>更改了设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sharing with a delivery partner</source>
        <translation>向配送合作方提供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop checked</source>
        <translation>检查了店铺数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop created</source>
        <translation>创建了店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop unlocked</source>
        <translation>解锁了店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>店员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer abroad</source>
        <translation>向境外提供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User added</source>
        <translation>添加了用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User disabled</source>
        <translation>停用了用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User password changed</source>
        <translation>修改了用户密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat mini-program</source>
        <translation>微信小程序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the customer said</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a customer key</source>
        <translation>附带客户代号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>撤回时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an error stopped it</source>
        <translation>因出错而中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>balance</source>
        <translation>储值余额从高到低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>customer record #{id}</source>
        <translation>客户记录 #{id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from {date}</source>
        <translation>{date} 起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>local time</source>
        <translation>本地时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>member_no</source>
        <translation>按会员卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>按姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>newest</source>
        <translation>最新添加在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none (all records)</source>
        <translation>无（全部记录）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oldest</source>
        <translation>最早添加在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only my open items</source>
        <translation>仅我负责的未解决事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only overdue complaints</source>
        <translation>仅超时投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>points</source>
        <translation>积分从高到低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sorted by</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk was full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file could not be written</source>
        <translation>文件无法写入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
</context>
<context>
    <name>ExportForm</name>
    <message>
        <location filename="../../desktop/ui/pages/export_form.py" line="+240"/>
        <source>Save export as</source>
        <translation>导出文件另存为</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Columns</source>
        <translation>导出列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{column} · personal</source>
        <translation>{column} · 个人信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data: masked unless the export is unmasked</source>
        <translation>个人信息：除非导出未脱敏数据，否则一律脱敏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns marked “personal” hold personal data; they are masked in the file.</source>
        <translation>标有“个人信息”的列含个人信息，在文件中会被脱敏。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-8 (for Excel)</source>
        <translation>UTF-8（适用于 Excel）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB18030 (for older Chinese software)</source>
        <translation>GB18030（适用于较旧的中文软件）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the purpose</source>
        <translation>填写用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a pseudonymous customer key</source>
        <translation>添加客户代号（假名化）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same code for the same customer in every export from this shop, so masked reports can still be matched up; it cannot be turned back into the customer.</source>
        <translation>同一位客户在本店每次导出中的代号都相同，脱敏后的报表仍可相互对应；代号无法还原成客户本人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose why the data leaves the shop…</source>
        <translation>请选择数据导出的用途…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
</context>
<context>
    <name>ExportScope</name>
    <message>
        <location filename="../../build/translations/helpers.py" line="+10"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 customer</source>
        <translation>1 位客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 feedback item</source>
        <translation>1 条反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 order (with its items)</source>
        <translation>1 笔订单（含商品明细）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accountant reconciliation</source>
        <translation>给会计对账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After-sales service</source>
        <translation>售后服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All {what}.</source>
        <translation>全部 {what}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export feedback</source>
        <translation>导出反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export orders</source>
        <translation>导出订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sharing with a business partner</source>
        <translation>提供给合作伙伴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping and delivery</source>
        <translation>发货配送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shop&apos;s own records</source>
        <translation>本店存档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {what} {conditions}.</source>
        <translation>{conditions}的 {what}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added from {start}</source>
        <translation>{start} 起添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added until {end}</source>
        <translation>截至 {end} 添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at level {level}</source>
        <translation>等级为{level}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>data-copy</source>
        <translation>个人信息副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feedback items</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from channel {channel}</source>
        <translation>渠道为{channel}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in {city}</source>
        <translation>位于{city}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>matching ‘{text}’</source>
        <translation>匹配“{text}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of kind {kind}</source>
        <translation>类型为{kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open and assigned to you</source>
        <translation>分配给你且未解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ordered from {start}</source>
        <translation>{start} 起下单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ordered until {end}</source>
        <translation>截至 {end} 下单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orders (with their items)</source>
        <translation>订单（含商品明细）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue complaints only</source>
        <translation>仅超时投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tagged ‘{tag}’</source>
        <translation>带有“{tag}”标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with status {status}</source>
        <translation>状态为{status}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} customers</source>
        <translation>{count} 位客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} feedback items</source>
        <translation>{count} 条反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} orders (with their items)</source>
        <translation>{count} 笔订单（含商品明细）</translation>
    </message>
</context>
<context>
    <name>FeedbackDetailPanel</name>
    <message>
        <location filename="../../desktop/ui/pages/feedback_dialog.py" line="+353"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About order</source>
        <translation>相关订单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a feedback item to see and handle it.</source>
        <translation>选择一条反馈，查看并处理。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal details are masked for your role.</source>
        <translation>按您的角色，个人信息已脱敏显示。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the customer said</source>
        <translation>客户反馈内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution note</source>
        <translation>处理说明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How was it resolved? (required for complaints)</source>
        <translation>是如何解决的？（投诉必填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign to me</source>
        <translation>指派给我</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open customer</source>
        <translation>打开客户资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save note</source>
        <translation>保存说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start handling</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark resolved</source>
        <translation>标记为已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nobody</source>
        <translation>未指派</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{kind} · {status}</source>
        <translation>{kind} · {status}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No order</source>
        <translation>无关联订单</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location line="-307"/>
        <source>Edit feedback</source>
        <translation>编辑反馈</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add feedback</source>
        <translation>新增反馈</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About order</source>
        <translation>相关订单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign to</source>
        <translation>指派给</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the customer said</source>
        <translation>客户反馈内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Member no., phone or its last 4 digits</source>
        <translation>会员卡号、电话或电话后 4 位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 2024-01-05 14:30 (empty: now)</source>
        <translation>例如 2024-01-05 14:30（留空为当前时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+83"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>No customer</source>
        <translation>不关联客户</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+48"/>
        <source>No order</source>
        <translation>无关联订单</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+19"/>
        <source>No rating</source>
        <translation>不评分</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+24"/>
        <source>Nobody yet</source>
        <translation>暂不指派</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Please correct the highlighted fields.</source>
        <translation>请修改标红的内容。</translation>
    </message>
</context>
<context>
    <name>FeedbackKind</name>
    <message>
        <location filename="../../desktop/ui/models/feedback_model.py" line="+27"/>
        <source>Review</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
</context>
<context>
    <name>FeedbackModel</name>
    <message>
        <location line="+15"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Overdue: this complaint has not been resolved within {hours} hours of being received.</source>
        <translation>已超时：这条投诉在收到后 {hours} 小时内未解决。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was said</source>
        <translation>反馈内容</translation>
    </message>
</context>
<context>
    <name>FeedbackPage</name>
    <message>
        <location filename="../../desktop/ui/pages/feedback_page.py" line="+158"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My open items</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue complaints</source>
        <translation>超时投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add feedback</source>
        <translation>新增反馈</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>1 item</source>
        <translation>1 条反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} items</source>
        <translation>{count} 条反馈</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 complaint not resolved within {hours} hours. Press “Overdue complaints” to see it.</source>
        <translation>1 条投诉超过 {hours} 小时未解决。点击“超时投诉”查看。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} complaints not resolved within {hours} hours. Press “Overdue complaints” to see them.</source>
        <translation>{count} 条投诉超过 {hours} 小时未解决。点击“超时投诉”查看。</translation>
    </message>
</context>
<context>
    <name>FeedbackStatus</name>
    <message>
        <location filename="../../desktop/ui/models/feedback_model.py" line="-42"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
</context>
<context>
    <name>FilePasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/export_unmasked.py" line="+177"/>
        <source>File password</source>
        <translation>文件密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note the file&apos;s password now</source>
        <translation>请立即记下文件密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workbook is protected with this password. It is shown only this once and is not kept anywhere.</source>
        <translation>工作簿已用此密码保护。密码只显示这一次，不会保存在任何地方。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied. The clipboard is cleared in 30 seconds if it still holds it.</source>
        <translation>已复制。如果剪贴板中仍是该内容，30 秒后会被清除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A copied password is cleared from the clipboard after 30 seconds.</source>
        <translation>复制的密码会在 30 秒后从剪贴板清除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the password to the recipient another way than the file (for example by phone, not in the same e-mail). Without it the file cannot be opened.</source>
        <translation>请通过与文件不同的途径把密码告诉接收人（例如打电话，不要放在同一封邮件里）。没有密码就无法打开文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I have noted it</source>
        <translation>我已记下</translation>
    </message>
</context>
<context>
    <name>FileStep</name>
    <message>
        <location filename="../../desktop/ui/pages/import_pages_source.py" line="+111"/>
        <source>Spreadsheets (*.xlsx *.csv *.txt *.tsv)</source>
        <translation>表格文件 (*.xlsx *.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV and text files (*.csv *.txt *.tsv)</source>
        <translation>CSV 和文本文件 (*.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A membership list kept by hand, or a customer, order or review export from an online store (Taobao / Tmall, JD, Pinduoduo, Shopify, WooCommerce …).</source>
        <translation>手工整理的会员登记表，或从网店导出的客户、订单、评价表（淘宝 / 天猫、京东、拼多多、Shopify、WooCommerce 等）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop a spreadsheet here</source>
        <translation>把表格文件拖到这里</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbooks (.xlsx) and CSV or tab-separated text in any common encoding (UTF-8, GBK/GB18030, UTF-16). Nothing is imported before you have checked every row.</source>
        <translation>支持 Excel 工作簿（.xlsx）以及常见编码（UTF-8、GBK/GB18030、UTF-16）的 CSV 或制表符分隔文本。在您逐行检查之前，不会导入任何内容。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../desktop/ui/shell/first_run.py" line="+343"/>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Create shop</source>
        <translation>创建店铺(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>1  Language</source>
        <translation>1  语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2  Shop and owner</source>
        <translation>2  店铺和店主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3  This PC</source>
        <translation>3  这台电脑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4  Recovery code</source>
        <translation>4  恢复码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Welcome to ShopVault</source>
        <translation>欢迎使用 ShopVault 客户保险箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up your shop in four short steps. Choose the language first.</source>
        <translation>只需简单四步即可设置好店铺。请先选择语言。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your shop and its owner</source>
        <translation>店铺和店主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The owner account can do everything, including adding staff later.</source>
        <translation>店主账户拥有全部权限，之后也可以添加店员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On this PC</source>
        <translation>在这台电脑上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two choices about this computer. You can change the first one later.</source>
        <translation>关于这台电脑的两个选项。第一项之后可以更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your recovery code</source>
        <translation>您的恢复码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown only this once. It opens the shop if the owner password is lost.</source>
        <translation>只显示这一次。忘记店主密码时，可用它打开店铺。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language of the ShopVault window:</source>
        <translation>ShopVault 窗口的显示语言：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your customer records stay on this computer, encrypted. Nothing is sent anywhere.</source>
        <translation>客户资料加密保存在这台电脑上，不会发送到任何地方。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Shop name</source>
        <translation>店铺名称(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner&apos;s user name</source>
        <translation>店主用户名(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used to log in, e.g. wang or laowang. No spaces.</source>
        <translation>用于登录，例如 wang 或 laowang。不能有空格。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner &amp;password</source>
        <translation>店主密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat the password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remember the key on this PC</source>
        <translation>在这台电脑上记住密钥(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff can log in on this computer without the owner unlocking the shop first. The key is kept in the system keyring, never in a file.</source>
        <translation>店员可以直接在这台电脑上登录，无需店主先解锁店铺。密钥保存在系统密钥环中，绝不会写入文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not available: this computer has no keyring. The shop will ask for the owner password or the recovery code each time it starts.</source>
        <translation>不可用：这台电脑没有系统密钥环。每次启动时都需要输入店主密码或恢复码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Load demo data ({count} sample customers)</source>
        <translation>加载演示数据（{count} 位示例客户）(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made-up customers, orders and feedback to try ShopVault with. Leave it off for the shop you will really use.</source>
        <translation>虚构的客户、订单和反馈，用于试用 ShopVault。正式使用的店铺请不要勾选。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Creating your shop and sealing its keys. This takes a few seconds…</source>
        <translation>正在创建店铺并加密保护密钥，需要几秒钟…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write this code down on paper or print it, and keep it away from the computer. ShopVault cannot show it again.</source>
        <translation>请把恢复码抄在纸上或打印出来，与电脑分开存放。ShopVault 无法再次显示它。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading demo data in the background…</source>
        <translation>正在后台加载演示数据…</translation>
    </message>
</context>
<context>
    <name>HeaderStep</name>
    <message>
        <location filename="../../desktop/ui/pages/import_pages_source.py" line="+149"/>
        <source>Column names are in row {row}.</source>
        <translation>列名在第 {row} 行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which row holds the column names?</source>
        <translation>哪一行是列名？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title rows above the column names are left out. If the highlighted row is not the one with the column names, click the right row.</source>
        <translation>列名上方的标题行不会导入。如果高亮的不是列名所在的行，请点击正确的那一行。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../desktop/ui/pages/import_history.py" line="+52"/>
        <source>{count} new</source>
        <translation>新建 {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} updated</source>
        <translation>更新 {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 order</source>
        <translation>订单 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} orders</source>
        <translation>订单 {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 order updated</source>
        <translation>订单更新 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} orders updated</source>
        <translation>订单更新 {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} feedback</source>
        <translation>反馈 {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} left out</source>
        <translation>未导入 {count}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What it did</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Undone on {when} by {who}.</source>
        <translation>已于 {when} 由 {who}撤销。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undone on {when}.</source>
        <translation>已于 {when} 撤销。</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>In effect</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_mapping_model.py" line="+110"/>
        <location line="+138"/>
        <source>Ignore this column</source>
        <translation>忽略此列</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First values</source>
        <translation>前几行的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes to</source>
        <translation>导入到</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The field for this column was guessed from its name: check it.</source>
        <translation>这一列对应的字段是按列名猜的，请核对。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This field is chosen for more than one column: notes and addresses are joined, other fields keep one value per row.</source>
        <translation>有多列都对应到这个字段：备注和地址会合并在一起，其他字段每行只取一个值。</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>(no name)</source>
        <translation>（无列名）</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>★ identifies a customer: each row needs at least one of them</source>
        <translation>★ 表示可识别客户的字段：每一行至少需要其中一项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_preview_model.py" line="+139"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Who</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Same as row {row}</source>
        <translation>与第 {row} 行相同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_texts.py" line="+172"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not in the shop yet: a new record is added.</source>
        <translation>店里还没有：将新建一条记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in the shop: the record is updated as you chose.</source>
        <translation>店里已有：按您选择的方式更新这条记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same as an earlier row of this file: merged into it.</source>
        <translation>与文件中前面的某一行相同：合并到那一行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A blank, total or heading row, or a record the chosen rule leaves alone.</source>
        <translation>空行、合计行、表头行，或按所选规则保持不变的记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot be imported: see the reason.</source>
        <translation>无法导入：请看原因。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_preview_model.py" line="-49"/>
        <location filename="../../desktop/ui/pages/import_texts.py" line="+1"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_texts.py" line="+7"/>
        <source>not recognised</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>looks like a customer list</source>
        <translation>像是客户名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>looks like an order list</source>
        <translation>像是订单列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>looks like feedback or reviews</source>
        <translation>像是反馈或评价</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave them as they are</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in only what is missing</source>
        <translation>只补充缺少的信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace with the file&apos;s values</source>
        <translation>用文件中的值替换</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customers the shop already has are not changed at all; only new customers are added.</source>
        <translation>店里已有的客户完全不改动，只添加新客户。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the shop already knows is kept. Fields that are empty in the shop are filled from the file (points and balances are kept, also at zero: they may have been spent). Recommended.</source>
        <translation>保留店里已有的信息，只用文件中的值填写店里为空的字段（积分和储值余额一律保留，为 0 也保留：可能已经用掉了）。推荐。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where the file has a value, it replaces what the shop has. Use this when the file is newer and more correct than the shop&apos;s records.</source>
        <translation>文件中有值的地方替换店里现有的值。当文件比店里的记录更新、更准确时使用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV text file</source>
        <translation>CSV 文本文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab-separated text file</source>
        <translation>制表符分隔的文本文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{kind}, encoding {encoding}</source>
        <translation>{kind}，编码 {encoding}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning — {reason}</source>
        <translation>提醒：{reason}</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <location filename="../../desktop/ui/pages/import_history.py" line="+184"/>
        <source>Undo this import?</source>
        <translation>撤销这次导入？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import of {file} on {when}:</source>
        <translation>{when} 导入的 {file}：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Records changed since the import are left as they are. The undo is recorded in the audit trail.</source>
        <translation>导入之后又被修改过的记录保持不变。撤销操作会记入审计日志。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The import of {file} was undone.</source>
        <translation>已撤销 {file} 的导入。</translation>
    </message>
    <message numerus="yes">
        <location line="-24"/>
        <source>• {count} customer(s) it added will be removed.</source>
        <translation>
            <numerusform>• 删除这次导入新建的 {count} 位客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>• {count} order(s) it added will be removed.</source>
        <translation>
            <numerusform>• 删除这次导入新建的 {count} 个订单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>• {count} feedback entry(s) it added will be removed.</source>
        <translation>
            <numerusform>• 删除这次导入新建的 {count} 条反馈。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>• {count} customer(s) it updated will get back the details they had before.</source>
        <translation>
            <numerusform>• 这次导入更新过的 {count} 位客户恢复为导入前的信息。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>• {count} order(s) it updated will get back the details they had before.</source>
        <translation>
            <numerusform>• 这次导入更新过的 {count} 个订单恢复为导入前的信息。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>{count} customer(s)</source>
        <translation>
            <numerusform>客户 {count} 位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <location line="+13"/>
        <source>{count} order(s)</source>
        <translation>
            <numerusform>订单 {count} 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-10"/>
        <source>{count} feedback entry(s)</source>
        <translation>
            <numerusform>反馈 {count} 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removed: {items}.</source>
        <translation>已删除：{items}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Restored: {items}.</source>
        <translation>已恢复：{items}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing had to be removed or restored.</source>
        <translation>没有需要删除或恢复的记录。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{count} record(s) changed since the import were left as they are.</source>
        <translation>
            <numerusform>导入之后又被修改过的 {count} 条记录保持不变。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Click an import in the list first.</source>
        <translation>请先在列表中点选一次导入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This import has been undone already.</source>
        <translation>这次导入已经撤销过了。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Past imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each import can be undone as a whole: what it added is removed and what it updated gets back its earlier details.</source>
        <translation>每次导入都可以整体撤销：删除它新建的内容，并把它更新过的记录恢复原样。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing has been imported yet.</source>
        <translation>还没有导入过任何文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo this import…</source>
        <translation>撤销这次导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="+68"/>
        <source>Import a file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past imports</source>
        <translation>导入记录</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop/ui/pages/import_wizard.py" line="+230"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading the sheet…</source>
        <translation>正在读取工作表…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sheet {sheet} is empty: there is nothing in it to import. Choose another sheet or another file.</source>
        <translation>工作表 {sheet} 是空的，没有可导入的内容。请选择其他工作表或其他文件。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking stopped. Nothing was imported; click &quot;Check the rows&quot; to check them again.</source>
        <translation>已停止检查，没有导入任何内容。需要时请点击“检查每一行”重新检查。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The import was cancelled. Nothing was changed.</source>
        <translation>导入已取消，没有做任何更改。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file was changed after its rows were checked, so nothing was imported. These are its rows as they are now: look them over, then import.</source>
        <translation>文件在检查之后被修改过，所以什么都没有导入。下面是文件现在的内容逐行检查的结果：请看过后再导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was changed.</source>
        <translation>没有做任何更改。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{file}-errors.xlsx</source>
        <translation>{file}-错误行.xlsx</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the rows with errors</source>
        <translation>保存有错误的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Saved {count} row(s) with their reasons to {file}.</source>
        <translation>
            <numerusform>已将 {count} 行及其原因保存到 {file}。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the rows</source>
        <translation>检查每一行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import now</source>
        <translation>开始导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Header row</source>
        <translation>列名行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../desktop/ui/shell/login_view.py" line="+139"/>
        <source>You can try again now.</source>
        <translation>现在可以重试了。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Too many failed attempts. Try again in {seconds} s.</source>
        <translation>失败次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+40"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter your password or PIN.</source>
        <translation>请输入密码或 PIN 码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shop} is locked. Log in again to continue.</source>
        <translation>{shop} 已锁定。请重新登录以继续。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your unsaved edits are kept. Anyone with an account may log in; another user starts with a fresh workspace.</source>
        <translation>未保存的修改会保留。有账户的人都可以登录；换其他用户登录时将打开全新的工作区。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your shop</source>
        <translation>您的店铺</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The owner password was changed. Log in with the new password.</source>
        <translation>店主密码已更改。请用新密码登录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forgot the owner password?</source>
        <translation>忘记店主密码？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set a new owner password with the recovery code from set-up</source>
        <translation>用设置店铺时抄下的恢复码设置新的店主密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password or PIN</source>
        <translation>密码或 PIN 码(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff may use their 4–8 digit PIN.</source>
        <translation>店员可以使用 4–8 位数字的 PIN 码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="+338"/>
        <source>Nothing to show for your role yet</source>
        <translation>您的角色暂时没有可显示的内容</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search customers…  Ctrl+K</source>
        <translation>搜索客户…  Ctrl+K</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a customer by phone (or its last 4 digits), name, pinyin, member number, e-mail or WeChat ID</source>
        <translation>按电话（或后 4 位）、姓名、拼音、会员卡号、邮箱或微信号查找客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Lock the window now (Ctrl+L)</source>
        <translation>立即锁定窗口（Ctrl+L）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit ShopVault</source>
        <translation>退出 ShopVault</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WORKSPACE</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Encrypted · locks after {minutes} min without use</source>
        <translation>已加密 · {minutes} 分钟无操作后自动锁定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encrypted · auto-lock is off</source>
        <translation>已加密 · 自动锁定已关闭</translation>
    </message>
</context>
<context>
    <name>MappingStep</name>
    <message>
        <location filename="../../desktop/ui/pages/import_pages_mapping.py" line="+187"/>
        <source>Choose a field for at least one column.</source>
        <translation>请至少为一列选择字段。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Chosen for more than one column: {fields}. Notes and addresses are joined in column order; any other field keeps one value per row (a mobile number before other phone numbers, else the first column that has a value). Check that this is what you want.</source>
        <translation>有多列对应到了同一字段：{fields}。备注和地址按列的顺序合并；其他字段每行只取一个值（手机号优先于其他电话号码，否则取第一个有值的列）。请确认这是您想要的。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Please check the highlighted columns ({columns}): their field is a guess from the column name, or another column goes to it too.</source>
        <translation>请核对标出颜色的列（{columns}）：它们对应的字段是按列名猜的，或者还有别的列也对应到这个字段。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The template &quot;{name}&quot; also maps columns this file does not have: {columns}. Their fields stay empty; map other columns to them if the file calls them differently.</source>
        <translation>模板“{name}”中的这些列在本文件里没有：{columns}。对应的字段将留空；如果本文件用了别的列名，请把那些列对应到这些字段。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No column is mapped to a field marked ★ (mobile, member number, e-mail or platform account). Rows without one of them cannot be matched to a customer and will be rejected.</source>
        <translation>没有任何列对应到带 ★ 的字段（手机号、会员卡号、电子邮箱或平台账号）。缺少这些信息的行无法确定是哪位客户，将被拒绝导入。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mapped with your template &quot;{name}&quot;. Check the columns, then go on.</source>
        <translation>已按您的模板“{name}”对应各列。请核对后继续。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recognised layout: {layout}</source>
        <translation>识别到的格式：{layout}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No known layout: the columns were matched by their names. Please check each one.</source>
        <translation>不是已知的格式：已按列名自动对应，请逐列检查。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No saved templates</source>
        <translation>没有保存的模板</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a template</source>
        <translation>选择模板</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check where each column goes</source>
        <translation>检查每一列导入到哪里</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each column of the file is matched to a field of the shop. Change any that are wrong; choose &quot;Ignore this column&quot; for what you do not want to keep. Fields marked ★ tell customers apart: map at least one of them.</source>
        <translation>文件的每一列都对应到店里的一个字段。如有不对请修改；不想保留的列请选“忽略此列”。带 ★ 的字段用来区分不同的客户，请至少对应其中一个。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import the rows as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply template</source>
        <translation>套用模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as template…</source>
        <translation>另存为模板…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the template chosen in the list</source>
        <translation>删除列表中选中的模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mappings saved earlier, matched by column name</source>
        <translation>以前保存的列对应，按列名套用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers the shop already has:</source>
        <translation>店里已有的客户：</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../desktop/ui/shell/pages.py" line="+116"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This page is being built.</source>
        <translation>此页面正在建设中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit trail will appear here: who did what, and when, with no personal data. Until then, check it from a terminal with: uv run main.py --user NAME audit verify</source>
        <translation>审计日志将显示在这里：谁在什么时候做了什么，不含个人信息。在此之前，请在终端中用以下命令检查：uv run main.py --user NAME audit verify</translation>
    </message>
</context>
<context>
    <name>NewPassword</name>
    <message>
        <location filename="../../desktop/ui/shell/secret_fields.py" line="+166"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <location filename="../../desktop/ui/pages/order_detail_panel.py" line="+88"/>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipient</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goods total</source>
        <translation>商品总额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payable</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose an order to see its items and amounts.</source>
        <translation>选择一个订单，查看商品和金额。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal details are masked for your role.</source>
        <translation>按您的角色，个人信息已脱敏显示。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open customer</source>
        <translation>打开客户资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>* This line is the order&apos;s products as an order list gives them (e.g. Taobao&apos;s 订单列表), not its real items. Import the platform&apos;s order details file to get each item.</source>
        <translation>* 这一行是订单列表导出（如千牛的“订单列表”）中此订单全部商品的汇总，不是实际的商品明细。导入平台的订单明细文件（如“宝贝明细”）即可得到每件商品。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Order {number} · {status}</source>
        <translation>订单 {number} · {status}</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/order_dialog.py" line="+186"/>
        <source>Edit order</source>
        <translation>编辑订单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add order</source>
        <translation>新增订单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipient</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 2024-01-05 14:30 (empty: now)</source>
        <translation>例如 2024-01-05 14:30（留空为当前时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member no., phone or its last 4 digits</source>
        <translation>会员卡号、电话或电话后 4 位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty: the amount payable</source>
        <translation>留空：按应付金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add item</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove item</source>
        <translation>移除商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+112"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <source>No customer</source>
        <translation>不关联客户</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Goods {goods} · Payable {payable}</source>
        <translation>商品 {goods} · 应付 {payable}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Please correct the highlighted fields.</source>
        <translation>请修改标红的内容。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Row {row}: {problem}</source>
        <translation>第 {row} 行：{problem}</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <location filename="../../desktop/ui/models/orders_model.py" line="+58"/>
        <source>Pending</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location line="+189"/>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>商品数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>收货人</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../desktop/ui/pages/orders_page.py" line="+212"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any date</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add order</source>
        <translation>新增订单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>1 order</source>
        <translation>1 个订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} orders</source>
        <translation>{count} 个订单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
</context>
<context>
    <name>OwnerResetDialog</name>
    <message>
        <location filename="../../desktop/ui/shell/owner_reset_dialog.py" line="+163"/>
        <source>Setting it…</source>
        <translation>正在设置…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the recovery code from your paper copy.</source>
        <translation>请输入您抄在纸上的恢复码。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Forgot the owner password</source>
        <translation>忘记店主密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set a new owner password</source>
        <translation>设置新的店主密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the recovery code you wrote down when the shop was set up. Your customer records stay as they are.</source>
        <translation>请使用设置店铺时您抄下的恢复码。您的客户资料不会有任何改变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recovery code</source>
        <translation>恢复码(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capital or small letters, spaces and dashes do not matter.</source>
        <translation>大小写、空格和短横线都没有关系。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New owner password</source>
        <translation>新的店主密码(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type the new password again</source>
        <translation>再输入一次新密码(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your recovery code stays the same. Keep the paper copy in a safe place: it still works if you forget the password again.</source>
        <translation>恢复码不会改变。请把纸质副本放在安全的地方：以后再忘记密码时，它仍然可以使用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Setting the new password. This takes a few seconds…</source>
        <translation>正在设置新密码，需要几秒钟…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OwnerResetFlow</name>
    <message>
        <location filename="../../desktop/ui/shell/owner_reset.py" line="+55"/>
        <source>This recovery code is not correct. Check it against your paper copy.</source>
        <translation>恢复码不正确。请对照您抄写的纸质副本检查。</translation>
    </message>
</context>
<context>
    <name>PasswordStrength</name>
    <message>
        <location filename="../../desktop/ui/shell/secret_fields.py" line="-115"/>
        <source>Too weak</source>
        <translation>太弱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation>较强</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very strong</source>
        <translation>很强</translation>
    </message>
</context>
<context>
    <name>ProblemView</name>
    <message>
        <location filename="../../desktop/ui/shell/status_views.py" line="+46"/>
        <source>The shop cannot be opened</source>
        <translation>无法打开店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed.</source>
        <translation>没有做任何改动。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shop folder: {folder}</source>
        <translation>店铺文件夹：{folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>RecordConsentDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/consent_dialogs.py" line="+70"/>
        <source>Record consent</source>
        <translation>记录同意</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The customer agrees</source>
        <translation>顾客同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer declines</source>
        <translation>顾客拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Purpose</source>
        <translation>用途(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose in your words</source>
        <translation>用途说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Answer</source>
        <translation>顾客答复(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;How it was given</source>
        <translation>取得方式(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Evidence</source>
        <translation>凭证(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. birthday coupon by SMS</source>
        <translation>例如：短信发送生日优惠券</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. signed paper form no. 123</source>
        <translation>例如：第 123 号已签字纸质同意书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded with your name and the time, and shown in the customer&apos;s history.</source>
        <translation>将记录您的姓名和时间，并显示在该顾客的历史记录中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePanel</name>
    <message>
        <location filename="../../desktop/ui/shell/recovery_code_panel.py" line="+100"/>
        <source>Group {number}</source>
        <translation>第 {number} 组</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+12"/>
        <source>ShopVault recovery code</source>
        <translation>ShopVault 恢复码</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Print the recovery code</source>
        <translation>打印恢复码</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Printed on {date}</source>
        <translation>打印日期：{date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This code unlocks the shop&apos;s data if the owner password is lost. Keep this sheet somewhere safe, away from the computer. Anyone who has it and the shop&apos;s files can read the customer records.</source>
        <translation>忘记店主密码时，可用此恢复码解锁店铺数据。请把这张纸存放在安全的地方，与电脑分开。任何人只要拿到它和店铺文件，就能读取客户资料。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The code was cleared from the clipboard.</source>
        <translation>恢复码已从剪贴板清除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied. It will be cleared from the clipboard in {seconds} seconds.</source>
        <translation>已复制，{seconds} 秒后将从剪贴板清除。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I have &amp;written the recovery code down and put it somewhere safe</source>
        <translation>我已抄下恢复码并妥善保管(&amp;W)</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/reveal_dialog.py" line="+207"/>
        <source>Copied. The clipboard is cleared in 30 seconds if it still holds it.</source>
        <translation>已复制。如果剪贴板中仍是这项内容，30 秒后会自动清除。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reveal a field</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal: {field}</source>
        <translation>查看完整信息：{field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The full value is shown here, once; the list keeps showing the mask.</source>
        <translation>完整信息只在这里显示一次，列表中仍显示脱敏内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown now: {masked}</source>
        <translation>当前显示：{masked}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why do you need it?</source>
        <translation>为什么需要查看？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customer called; verifying identity</source>
        <translation>客户来电，核实身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After-sales service</source>
        <translation>售后服务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the reason</source>
        <translation>请输入原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your name, the time, the field and the reason are recorded in the customer&apos;s history.</source>
        <translation>您的姓名、时间、查看的信息项和原因会记入该客户的历史记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A copied value is cleared from the clipboard after 30 seconds.</source>
        <translation>复制的内容 30 秒后会从剪贴板清除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reveal</source>
        <translation>查看</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RunStep</name>
    <message>
        <location filename="../../desktop/ui/pages/import_pages_result.py" line="+48"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{percent}% done</source>
        <translation>已完成 {percent}%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can keep using ShopVault while this runs.</source>
        <translation>导入期间可以继续使用 ShopVault。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelling stops the import and leaves the shop&apos;s data exactly as it was: nothing of this file is kept.</source>
        <translation>取消会停止导入，店里的数据保持原样：这个文件的内容一条也不会保留。</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <location filename="../../desktop/ui/shell/secret_fields.py" line="+46"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide what you typed</source>
        <translation>显示或隐藏输入的内容</translation>
    </message>
</context>
<context>
    <name>SetupTasks</name>
    <message>
        <location filename="../../desktop/ui/shell/setup_tasks.py" line="+65"/>
        <source>The key could not be remembered on this PC; the shop will ask to be unlocked next time.</source>
        <translation>无法在这台电脑上记住密钥，下次打开时需要解锁店铺。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+47"/>
        <source>Preparing a demo shop</source>
        <translation>正在准备演示店铺</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>A throw-away shop with made-up customers. Nothing is kept after you quit.</source>
        <translation>一个临时店铺，内含虚构的客户。退出后不会保留任何内容。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Demo data could not be loaded: {reason}</source>
        <translation>无法加载演示数据：{reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adding {count} made-up customers…</source>
        <translation>正在添加 {count} 位虚构客户…</translation>
    </message>
</context>
<context>
    <name>SheetStep</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_pages_source.py" line="-104"/>
        <source>{count} row(s)</source>
        <translation>
            <numerusform>{count} 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>suggested</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Which sheet holds the records?</source>
        <translation>记录在哪个工作表？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sheet that looks most like a customer, order or feedback list is selected.</source>
        <translation>已选中最像客户、订单或反馈列表的工作表。</translation>
    </message>
</context>
<context>
    <name>SubjectCopyDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/export_subject.py" line="+155"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancelled. No file was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Collecting everything about this person…</source>
        <translation>正在收集此人的全部信息…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writes {xlsx} and {json}.</source>
        <translation>将写入 {xlsx} 和 {json}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved {xlsx} and {json} in {folder}.</source>
        <translation>已将 {xlsx} 和 {json} 保存到 {folder}。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copy of a person&apos;s data</source>
        <translation>个人信息副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything we hold about this person</source>
        <translation>本店保存的此人全部信息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their profile, orders, feedback and consents, and who looked at or revealed their data — unmasked, as a workbook to read and a JSON file for other software. This is the copy a person may ask for under PIPL Art. 45 and GDPR Art. 15 and 20. Hand it only to that person.</source>
        <translation>包括其资料、订单、反馈和同意记录，以及谁查看或显示过其信息——均未脱敏，生成一个便于阅读的工作簿和一个供其他软件使用的 JSON 文件。这是个人依据《个人信息保护法》第四十五条及 GDPR 第 15、20 条可以索取的副本。只可交给本人。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy is recorded in the audit log.</source>
        <translation>本次导出会记入审计日志。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save copy</source>
        <translation>保存副本</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <location filename="../../desktop/ui/pages/import_pages_result.py" line="+54"/>
        <source>New customers added</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers updated</source>
        <translation>更新的客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows merged into an earlier row of the file</source>
        <translation>合并到文件中前面某一行的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Existing customers left as they were</source>
        <translation>保持不变的已有客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders added</source>
        <translation>新增订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders updated</source>
        <translation>更新的订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback entries added</source>
        <translation>新增反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank, total and heading rows left out</source>
        <translation>跳过的空行、合计行和表头行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows with errors left out</source>
        <translation>未导入的错误行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file was imported. Everything was saved at once.</source>
        <translation>文件已导入，所有内容一次性保存完毕。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed your mind? Under &quot;Past imports&quot; the whole import can be undone: what it added is removed and what it updated is restored.</source>
        <translation>改主意了？在“导入记录”中可以撤销整次导入：删除它新建的内容，恢复它更新过的记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save error workbook…</source>
        <translation>保存错误行工作簿…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An Excel file with the rows that were left out, as they were in your file, and a column with the reason</source>
        <translation>一个 Excel 文件，包含未导入的行（保持文件原样）以及一列原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>View customers</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>View orders</source>
        <translation>查看订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>View feedback</source>
        <translation>查看反馈</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import another file</source>
        <translation>导入另一个文件</translation>
    </message>
</context>
<context>
    <name>TemplateActions</name>
    <message>
        <location filename="../../desktop/ui/pages/import_wizard_templates.py" line="+38"/>
        <source>Applying the template…</source>
        <translation>正在套用模板…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save as template</source>
        <translation>另存为模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the template (e.g. the shop or platform the file comes from):</source>
        <translation>模板名称（例如文件来自哪个店铺或平台）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Replace the template?</source>
        <translation>替换这个模板？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already a template called &quot;{name}&quot;. Replace it with this mapping?</source>
        <translation>已经有名为“{name}”的模板。要用现在的对应方式替换它吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Template &quot;{name}&quot; saved.</source>
        <translation>模板“{name}”已保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving the template…</source>
        <translation>正在保存模板…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete the template?</source>
        <translation>删除这个模板？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the template &quot;{name}&quot;? Imports done with it are not changed.</source>
        <translation>删除模板“{name}”吗？用它完成的导入不受影响。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Template &quot;{name}&quot; deleted.</source>
        <translation>模板“{name}”已删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleting the template…</source>
        <translation>正在删除模板…</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <location filename="../../desktop/ui/shell/unlock_view.py" line="+139"/>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enter the recovery code.</source>
        <translation>请输入恢复码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the owner password.</source>
        <translation>请输入店主密码。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unlock this shop</source>
        <translation>解锁店铺</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer does not hold the key to this shop yet. Unlock it with the owner password or the recovery code.</source>
        <translation>这台电脑上还没有这个店铺的密钥。请用店主密码或恢复码解锁。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Owner password</source>
        <translation>店主密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Recovery code</source>
        <translation>恢复码(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code you wrote down when the shop was set up. Dashes and case do not matter.</source>
        <translation>设置店铺时您抄下的恢复码。短横线和大小写不影响。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Owner password</source>
        <translation>店主密码(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password of the shop owner&apos;s account.</source>
        <translation>店主账户的密码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remember on this PC (staff can then log in without the owner password)</source>
        <translation>在这台电脑上记住（之后店员无需店主密码即可登录）(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>密钥保存在这台电脑的系统密钥环中，绝不会写入文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer has no keyring available, so the key cannot be remembered: the shop will ask to be unlocked again next time.</source>
        <translation>这台电脑没有可用的系统密钥环，无法记住密钥：下次打开时需要重新解锁店铺。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shop folder: {folder}</source>
        <translation>店铺文件夹：{folder}</translation>
    </message>
</context>
<context>
    <name>UnmaskedConfirmDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/export_unmasked.py" line="-87"/>
        <source>Export unmasked data</source>
        <translation>导出未脱敏数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export with full personal data</source>
        <translation>导出完整个人信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file will contain full names, phone numbers, addresses and the other personal data, unmasked. It is saved as a password-protected Excel workbook (.xlsx); its password is shown once when the export is done. Anyone with the file and its password can read everything in it.</source>
        <translation>文件将包含未脱敏的完整姓名、手机号、地址等个人信息，并保存为有密码保护的 Excel 工作簿（.xlsx）；导出完成时只显示一次密码。任何拿到文件和密码的人都能读取其中全部内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your owner password</source>
        <translation>店主密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type it again to confirm</source>
        <translation>请再次输入以确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does this data leave the shop?</source>
        <translation>这些数据为什么要导出？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required, e.g. annual tax audit</source>
        <translation>必填，例如：年度税务审计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your name, the time, the purpose, the columns, the row count and a fingerprint of the file are recorded in the audit log.</source>
        <translation>你的姓名、时间、用途、导出的列、行数和文件指纹都会记入审计日志。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export unmasked</source>
        <translation>导出未脱敏数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/consent_dialogs.py" line="+35"/>
        <location line="+5"/>
        <source>Withdraw consent</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Withdraw: {purpose}</source>
        <translation>撤回：{purpose}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;How did the customer withdraw it?</source>
        <translation>顾客是如何撤回的？(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. phone call, asked to stop SMS</source>
        <translation>例如：来电要求停止发送短信</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/ui/error_text.py" line="+118"/>
        <source>Something went wrong. Please try again; if it keeps happening, restart ShopVault.</source>
        <translation>出错了。请重试；如果问题反复出现，请重新启动 ShopVault。</translation>
    </message>
    <message>
        <location filename="../../build/translations/errors.py" line="+2"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 码须为 4 到 8 位数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A phone number may contain only digits, spaces, dashes, brackets and a leading +.</source>
        <translation>电话号码只能包含数字、空格、短横线、括号和开头的 +。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A protected value could not be read; it may be damaged.</source>
        <translation>一项受保护的数据无法读取，可能已损坏。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A shop already exists in {home}; it was left untouched.</source>
        <translation>{home} 中已有店铺，未做任何改动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A shop has one owner.</source>
        <translation>一个店铺只能有一位店主。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A total row (合计 / 小计 / Total).</source>
        <translation>合计行（合计 / 小计 / Total）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add at least one item.</source>
        <translation>请至少添加一件商品。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in the shop with these details; nothing to change.</source>
        <translation>店内已有此客户，资料相同，无需更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in the shop; left as it is (policy: skip).</source>
        <translation>店内已有此客户，保持不变（策略：跳过）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in the shop; what the file has differently is kept as the shop has it (you chose to fill in only what is missing).</source>
        <translation>店内已有此客户；文件中与店内不同的内容保留店内的值（您选择了“只补充缺少的信息”）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An item&apos;s quantity is not 1 or more; 1 is used.</source>
        <translation>商品数量不是 1 或以上，按 1 计。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unmasked export is written only as a password-protected .xlsx file; a CSV file cannot be protected. Choose .xlsx, or export masked.</source>
        <translation>不脱敏的导出只能写成带密码保护的 .xlsx 文件；CSV 文件无法加密保护。请选择 .xlsx，或改为脱敏导出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another customer already has this member number.</source>
        <translation>已有其他客户使用这个会员卡号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank row.</source>
        <translation>空行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled at</source>
        <translation>取消时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot import {file}: the quote mark (&quot;) at the start of a cell in row {row} is never closed, so every row after it would run into that one cell. Delete that quote mark, or add the closing one, and try again.</source>
        <translation>无法导入 {file}：第 {row} 行有个单元格以引号（&quot;）开头，但这个引号没有配对的结束引号，后面的每一行都会被并进这一个单元格。请删掉这个引号，或补上结束的引号，然后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot import {file}: {problem}</source>
        <translation>无法导入 {file}：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a colleague from the list.</source>
        <translation>请从列表中选择一位同事。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a kind from the list.</source>
        <translation>请从列表中选择类型。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a number of customers from 1 to 2,000,000.</source>
        <translation>请选择 1 到 2,000,000 之间的客户数量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a purpose from the list.</source>
        <translation>请从列表中选择用途。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a rating from 1 to 5, or leave it empty.</source>
        <translation>请选择 1 到 5 分的评分，或留空。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a status from the list.</source>
        <translation>请从列表中选择状态。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one column to export.</source>
        <translation>请至少选择一列导出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose between 0 (never) and 240 minutes.</source>
        <translation>请设为 0（从不）到 240 分钟。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose female, male, other, or leave it empty.</source>
        <translation>请选择女、男或其他，也可留空。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose how the consent was given.</source>
        <translation>请选择同意的取得方式。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose two different files for the workbook and the JSON copy.</source>
        <translation>请为工作簿和 JSON 副本选择两个不同的文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer key</source>
        <translation>客户代号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Describe the purpose in at most 100 characters.</source>
        <translation>用途说明最多 100 个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Describe the purpose the customer agreed to.</source>
        <translation>请说明顾客同意的用途。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>优惠金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not start or end the password with a space.</source>
        <translation>密码的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Douyin (抖店) order export</source>
        <translation>抖店订单导出表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each tag may have up to 32 characters; use at most 20 tags.</source>
        <translation>每个标签最多 32 个字符，最多 20 个标签。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty in the shop; the file&apos;s value is filled in.</source>
        <translation>店内此项为空，填入文件中的值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a date such as 2024-01-05, 2024/1/5 or 2024年1月5日.</source>
        <translation>请输入日期，例如 2024-01-05、2024/1/5 或 2024年1月5日。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a phone number.</source>
        <translation>请输入电话号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a quantity of at least 1.</source>
        <translation>请填写至少为 1 的数量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a rating from 1 to 5.</source>
        <translation>请填写 1 到 5 之间的评分。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a time such as 14:30.</source>
        <translation>请输入时间，例如 14:30。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a whole number of 1 or more.</source>
        <translation>请输入 1 或更大的整数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a whole number such as 120.</source>
        <translation>请填写整数，例如 120。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter an 11-digit mobile number starting with 1, or a number with its country code such as +44 20 7946 0958.</source>
        <translation>请输入以 1 开头的 11 位手机号，或带国家代码的号码，例如 +44 20 7946 0958。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter an amount such as 88.00 or ¥1,234.50.</source>
        <translation>请输入金额，例如 88.00 或 ¥1,234.50。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter an e-mail address such as name@example.com.</source>
        <translation>请输入邮箱地址，例如 name@example.com。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the 18-character resident ID number (17 digits and a final digit or X), or an old 15-digit number.</source>
        <translation>请输入 18 位居民身份证号码（17 位数字加最后一位数字或 X），或旧版 15 位号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the WeChat ID without spaces.</source>
        <translation>请输入微信号，不要带空格。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the customer&apos;s name.</source>
        <translation>请输入客户姓名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the full date with the year, e.g. 2024-01-05.</source>
        <translation>请输入带年份的完整日期，例如 2024-01-05。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the number without an extension.</source>
        <translation>请输入号码，不要带分机号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the order number.</source>
        <translation>请输入订单号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the points as a whole number, 0 or more.</source>
        <translation>积分请输入 0 或更大的整数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the product name.</source>
        <translation>请输入商品名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter what the customer said, or a rating.</source>
        <translation>请填写客户反馈的内容，或给出评分。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries from {seq} on were removed (the log was cut short).</source>
        <translation>第 {seq} 条及之后的记录已被删除（日志被截短）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} differs from the recorded head of the log.</source>
        <translation>第 {seq} 条记录与登记的日志末条不一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} does not follow the entry before it.</source>
        <translation>第 {seq} 条记录与前一条记录接不上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} is missing (deleted).</source>
        <translation>第 {seq} 条记录缺失（已被删除）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} was altered after it was written.</source>
        <translation>第 {seq} 条记录在写入后被篡改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel has already rounded this number; format the column as text in the source and export again.</source>
        <translation>Excel 已将这个数字四舍五入，后几位已丢失；请在原表中把该列设为文本格式后重新导出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback channel</source>
        <translation>反馈渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback status</source>
        <translation>反馈状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback type</source>
        <translation>反馈类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fulfilment status</source>
        <translation>发货状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the reason for revealing this field.</source>
        <translation>请填写查看完整信息的原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the template a name (up to 60 characters).</source>
        <translation>请为模板命名（最多 60 个字符）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goods total</source>
        <translation>商品总额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-kept feedback log</source>
        <translation>手工登记的反馈表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-kept membership sheet</source>
        <translation>手工登记的会员表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import number {batch} was already undone.</source>
        <translation>第 {batch} 次导入已经撤销过了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>商品明细</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items (several in one cell)</source>
        <translation>商品明细（多件写在一格）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JD (京东) order export</source>
        <translation>京东订单导出表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge.me reviews export</source>
        <translation>Judge.me 评价导出表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the evidence to at most 300 characters.</source>
        <translation>凭证说明最多 300 个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the note to at most 200 characters.</source>
        <translation>备注最多 200 个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line amount</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member / card number</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membership level</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More of the order on row {row}; its items were added to that order.</source>
        <translation>属于第 {row} 行的订单，其商品已并入该订单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No shop found in {home}. Create one first (init).</source>
        <translation>{home} 中没有店铺。请先创建店铺（init）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such user.</source>
        <translation>没有这个用户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None of the columns of the template {name} are in the sheet {sheet}. Choose another template, or choose each column&apos;s field by hand.</source>
        <translation>模板 {name} 中的列在工作表 {sheet} 里一个都没有。请换一个模板，或逐列手动选择字段。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only staff accounts may use a PIN.</source>
        <translation>只有店员账户可以使用 PIN 码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order notes</source>
        <translation>订单备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order number (feedback)</source>
        <translation>订单号（反馈）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order time</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order total</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other sheet (columns suggested from their names)</source>
        <translation>其他表格（按列名推荐对应字段）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payable</source>
        <translation>应付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment time</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pinduoduo (拼多多) order export</source>
        <translation>拼多多订单导出表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform account (buyer nick)</source>
        <translation>平台账号（买家昵称）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please correct the highlighted fields.</source>
        <translation>请修改标红的内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product (feedback)</source>
        <translation>商品（反馈）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received at</source>
        <translation>反馈时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient name</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient phone</source>
        <translation>收货人电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund (status or amount)</source>
        <translation>退款（状态或金额）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the invisible control characters.</source>
        <translation>请删除其中不可见的控制字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident IDs can be stored once the owner has logged in on this version (the owner&apos;s protection key is made then).</source>
        <translation>店主在此版本中登录一次后才能保存身份证号（届时会生成店主的保护密钥）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved at</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row {row} is not in the sheet {sheet}; choose a row that holds the column names.</source>
        <translation>工作表 {sheet} 中没有第 {row} 行，请选择包含列名的那一行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row {row}, the same customer, has another value; row {row}&apos;s is kept and this one is not used.</source>
        <translation>第 {row} 行是同一位客户，但此项的值不同；保留第 {row} 行的值，不使用本行的值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows with errors</source>
        <translation>有错误的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <translation>商品编码（SKU）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales channel</source>
        <translation>销售渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same customer as row {row}, which cannot be imported.</source>
        <translation>与第 {row} 行是同一客户，而该行无法导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same customer as row {row}; its details were merged into that row.</source>
        <translation>与第 {row} 行是同一客户，资料已合并到该行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say how the customer withdrew consent, e.g. “phone call, 12 May”.</source>
        <translation>请说明顾客如何撤回同意，例如“5月12日来电”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say where the proof is kept, e.g. “signed paper form no. 123”.</source>
        <translation>请说明凭证存放在哪里，例如“第 123 号已签字纸质同意书”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several columns give this field different values: one is kept (a mobile before other phones, else the first); the others ({count}) are not imported. Copy them into the notes if they matter.</source>
        <translation>有几列给这个字段填了不同的值：只保留一个（手机号优先于其他电话，否则取第一个），其余 {count} 个不会导入。如果需要，请把它们抄到备注里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shopify customers export</source>
        <translation>Shopify 客户导出表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shopify orders export</source>
        <translation>Shopify 订单导出表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some records clash with existing ones (member or order numbers); nothing was added.</source>
        <translation>部分记录与已有记录冲突（会员卡号或订单号重复），没有添加任何记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong.</source>
        <translation>出错了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State the purpose of this unmasked export: who receives the data and why.</source>
        <translation>请说明此次不脱敏导出的用途：数据交给谁、为什么。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored-value balance</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taobao / Tmall order detail list</source>
        <translation>淘宝/天猫宝贝报表（订单明细）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taobao / Tmall order list</source>
        <translation>淘宝/天猫订单报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ID number was stored as a number and its last digits were lost. Format the column as text in the spreadsheet and enter it again.</source>
        <translation>身份证号码被存成了数字，最后几位已丢失。请在表格中把这一列设为文本格式，再重新输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup {path} cannot be used: {problem}</source>
        <translation>无法使用备份 {path}：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The birth date inside the ID number is not a real past date; check it.</source>
        <translation>身份证号码中的出生日期无效或晚于今天，请检查。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The birthday cannot be in the future.</source>
        <translation>生日不能晚于今天。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The buyer&apos;s phone, member number or platform account contradicts another customer; the order is imported without a customer.</source>
        <translation>买家的手机号、会员号或平台账号与另一位客户冲突，订单将不关联客户导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cell holds several phone numbers; only the first one was kept.</source>
        <translation>单元格里有多个电话号码，只保留了第一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The column names again (a table pasted under another); skipped.</source>
        <translation>又一行列名（另一张表贴在了下面），已跳过。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The discount cannot be more than the goods total.</source>
        <translation>优惠不能超过商品总额。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disk is full; nothing was written to {path}. Free some space and try again.</source>
        <translation>磁盘已满；{path} 未写入任何内容。请腾出空间后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The feedback has no date; the date of the import is used.</source>
        <translation>反馈没有日期，使用导入当天的日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The feedback type “{kind}” is not known (use 投诉, 咨询, 建议 or 评价); it was recorded as an inquiry.</source>
        <translation>无法识别反馈类型“{kind}”（请填写投诉、咨询、建议或评价），已按咨询记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file {file} has no sheet called {sheet}.</source>
        <translation>文件 {file} 中没有名为 {sheet} 的工作表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file {path} could not be written ({problem}); nothing was written.</source>
        <translation>无法写入文件 {path}（{problem}）；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file {path} is damaged and cannot be opened. It was left untouched.</source>
        <translation>文件 {path} 已损坏，无法打开。文件未做任何改动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file {path} is missing.</source>
        <translation>找不到文件 {path}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file&apos;s tags the customer does not have yet are added.</source>
        <translation>添加文件中该客户还没有的标签。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder for {path} does not exist; choose another place to save the file.</source>
        <translation>{path} 所在的文件夹不存在；请选择其他保存位置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item lines in this file differ from the order&apos;s in the shop; the shop&apos;s are kept (you chose to fill in only what is missing).</source>
        <translation>文件中的商品明细与店内此订单的不同；保留店内的明细（您选择了“只补充缺少的信息”）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key does not open {path}: it belongs to another shop or the file was replaced.</source>
        <translation>密钥无法打开 {path}：密钥属于另一个店铺，或文件已被替换。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last character of the ID number does not match; check every digit.</source>
        <translation>身份证号码最后一位校验不符，请逐位检查。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order has no date; the date of the import is used.</source>
        <translation>订单没有日期，使用导入当天的日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order is linked to this row&apos;s buyer as its customer.</source>
        <translation>此订单将关联到本行的买家，作为其客户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order number cannot contain line breaks or control characters.</source>
        <translation>订单号不能包含换行符或控制字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The owner cannot be disabled.</source>
        <translation>不能停用店主账户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The owner password is not correct; nothing was exported.</source>
        <translation>店主密码不正确；未导出任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password or recovery code is not correct.</source>
        <translation>密码或恢复码不正确。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The platform account is added to the customer.</source>
        <translation>为该客户添加此平台账号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The platform hid part of this address; the province, city and district it showed were kept.</source>
        <translation>平台隐藏了部分地址，已保留其显示的省、市、区。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The platform hid this value (for example 138****5678); it was left empty.</source>
        <translation>平台已隐藏这个值（例如 138****5678），已留空。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rating is not 1 to 5; it was left empty.</source>
        <translation>评分不在 1 到 5 之间，已留空。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same feedback as row {row}.</source>
        <translation>与第 {row} 行是同一条反馈。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sheet {sheet} of {file} is empty: there is nothing in it to import. Choose another sheet or another file.</source>
        <translation>{file} 的工作表 {sheet} 是空的，没有可导入的内容。请选择其他工作表或其他文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shop changed while importing (a member or order number is now taken); nothing was imported. Run the import again.</source>
        <translation>导入期间店铺数据有变动（某个会员号或订单号已被占用），未导入任何内容。请重新导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shop has another value; it is kept (you chose to fill in only what is missing).</source>
        <translation>店内已有不同的值，予以保留（您选择了“只补充缺少的信息”）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shop&apos;s value is replaced by the file&apos;s.</source>
        <translation>店内的值将替换为文件中的值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The status cannot change this way.</source>
        <translation>状态不能这样更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The status “{status}” is not known; it was left empty.</source>
        <translation>无法识别状态“{status}”，已留空。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The title of the table below (above its column names); skipped.</source>
        <translation>下面那张表的标题（在它的列名上方），已跳过。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole resident ID opens only with the owner password. Enter the owner password again (log out and log in as the owner) and export once more.</source>
        <translation>完整身份证号只能用店主密码解开。请重新输入店主密码（退出后以店主身份登录），再导出一次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no import number {batch}.</source>
        <translation>没有第 {batch} 次导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no import template called {name}.</source>
        <translation>没有名为 {name} 的导入模板。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PIN is too easy to guess.</source>
        <translation>这个 PIN 码太容易被猜到。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This amount is too large; check the number of digits.</source>
        <translation>金额过大，请检查位数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This channel already has an order with this number.</source>
        <translation>该渠道已有相同订单号的订单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer does not hold the key for the shop. Unlock it with the owner password or the recovery code.</source>
        <translation>这台电脑上没有店铺的密钥。请用店主密码或恢复码解锁。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This consent is not in force (it was refused or already withdrawn).</source>
        <translation>此同意当前无效（顾客已拒绝或已撤回）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This consent no longer exists; it may have been removed with its customer.</source>
        <translation>此同意记录已不存在，可能已随顾客一并删除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This customer no longer exists; choose another.</source>
        <translation>该客户已不存在，请选择其他客户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This customer no longer exists; it may have been deleted.</source>
        <translation>该客户已不存在，可能已被删除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This date could be read day-first or month-first. Write it as year-month-day, e.g. 2024-01-05.</source>
        <translation>这个日期无法确定是日在前还是月在前。请按“年-月-日”填写，例如 2024-01-05。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This date does not exist in the calendar; check the day and month.</source>
        <translation>日历上没有这一天，请检查月和日。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This date has no year; write it as year-month-day, e.g. 2024-01-05.</source>
        <translation>这个日期没有年份；请按年-月-日填写，例如 2024-01-05。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This date is in the future; check it.</source>
        <translation>该日期晚于今天，请检查。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This feedback is already in the shop.</source>
        <translation>店内已有这条反馈。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This feedback no longer exists.</source>
        <translation>该反馈已不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This feedback row has neither content nor a rating.</source>
        <translation>这一行反馈既没有内容也没有评分。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This field cannot be revealed.</source>
        <translation>此项不能查看完整信息。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file has resident ID numbers, which are stored protected by the owner&apos;s key. The owner must log in once on this version first; or leave the ID column unmapped.</source>
        <translation>此文件含有身份证号，身份证号须用店主的密钥加密保存。请先让店主在此版本中登录一次；或者不映射身份证号这一列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is an old 15-digit ID number; enter the 18-character number of the current ID card.</source>
        <translation>这是旧的 15 位身份证号，请输入现行身份证上的 18 位号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is an old 15-digit ID number; it was converted to the 18-digit form. Check it against the ID card.</source>
        <translation>这是旧的 15 位身份证号，已转换为 18 位；请对照身份证核实。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is too long; shorten it.</source>
        <translation>内容过长，请缩短。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This name is already taken.</source>
        <translation>该用户名已被使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order belongs to another customer.</source>
        <translation>该订单属于其他客户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is already in the shop with its products in one summary line (from an order list); its {count} item lines in this file replace that line.</source>
        <translation>店内已有此订单，其商品只是一条汇总（来自订单列表）；本文件中的 {count} 条商品明细将替换这条汇总。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is already in the shop with these details.</source>
        <translation>店内已有此订单，资料相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is already in the shop without items; its {count} item lines in this file are added.</source>
        <translation>店内已有此订单，但没有商品明细；将添加本文件中的 {count} 条商品明细。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is already in the shop; its items are replaced by the {count} item lines in this file (you chose to replace with the file&apos;s values).</source>
        <translation>店内已有此订单；您选择了“用文件中的值替换”，其商品将被本文件中的 {count} 条商品明细替换。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is already in the shop; left as it is (policy: skip).</source>
        <translation>店内已有此订单，保持不变（策略：跳过）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is already in the shop; what the file has differently is kept as the shop has it (you chose to fill in only what is missing).</source>
        <translation>店内已有此订单；文件中与店内不同的内容保留店内的值（您选择了“只补充缺少的信息”）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order no longer exists.</source>
        <translation>该订单已不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order no longer exists; choose another.</source>
        <translation>该订单已不存在，请选择其他订单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order row has no order number; map the order number column or fill it in.</source>
        <translation>这一行订单没有订单号；请把订单号列对应上，或补填订单号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This password is too common; choose another.</source>
        <translation>这个密码太常见，请换一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This row has no order number.</source>
        <translation>此行没有订单号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This row has no phone, member number, e-mail or platform account.</source>
        <translation>此行没有手机号、会员号、邮箱或平台账号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This row has no phone, member number, e-mail, platform account or known order number.</source>
        <translation>此行没有手机号、会员号、邮箱、平台账号或已知的订单号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This row says nothing a feedback entry needs (kind or content).</source>
        <translation>此行缺少反馈所需的信息（类型或内容）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This row&apos;s e-mail belongs to another customer in the shop than its phone, member number or platform account; correct the row, or the e-mail in the shop.</source>
        <translation>此行的邮箱属于店内另一位客户，而不是此行手机号、会员号或平台账号对应的客户；请更正此行，或更正店内的邮箱。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This row&apos;s e-mail is that of row {row}, another customer (another phone or member number); correct one of the two rows.</source>
        <translation>此行的邮箱与第 {row} 行相同，但那是另一位客户（手机号或会员号不同）；请更正这两行中的一行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This row&apos;s member number, e-mail or platform account is that of a customer in the shop with another phone. If the customer changed phone, correct it in the customer&apos;s details first — or, when the row has their member number or platform account, import with &quot;Replace with the file&apos;s values&quot;.</source>
        <translation>这一行的会员卡号、邮箱或平台账号属于店里的一位客户，但那位客户的手机号与这一行不同。如果这位客户换了手机号，请先在客户资料里改好；如果这一行有他的会员卡号或平台账号，也可以选“用文件中的值替换”导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This row&apos;s phone, member number or platform account contradicts a customer already in the shop (another phone or member number).</source>
        <translation>此行的手机号、会员号或平台账号与店内已有客户冲突（手机号或会员号不同）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This row&apos;s phone, member number or platform account contradicts row {row}: the same identifier with another phone or member number.</source>
        <translation>此行的手机号、会员号或平台账号与第 {row} 行冲突：相同的标识却对应不同的手机号或会员号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This shop already has an owner.</source>
        <translation>该店铺已有店主。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This shop has no owner yet.</source>
        <translation>此店铺还没有店主。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This text is longer than {limit} characters; shorten it.</source>
        <translation>这段文字超过 {limit} 个字符，请缩短。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This text is too long; shorten it.</source>
        <translation>文字过长，请缩短。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many failed attempts. Try again in {seconds} seconds.</source>
        <translation>失败次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown column {key}. Choose from: {choices}.</source>
        <translation>未知的列 {key}。可选：{choices}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown filter {key} for {kind}; use one of: {choices}.</source>
        <translation>{kind} 没有筛选条件 {key}；可用：{choices}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown user name or wrong password.</source>
        <translation>用户名不存在或密码错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use 1 to 64 characters without spaces.</source>
        <translation>请使用 1 到 64 个字符，不能有空格。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use 1 to 80 characters.</source>
        <translation>请使用 1 到 80 个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use at least 8 characters.</source>
        <translation>至少使用 8 个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use commas only between groups of three digits and a point for the decimals, e.g. 1,234.50.</source>
        <translation>逗号只能用来每三位分隔，小数请用小数点，例如 1,234.50。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use letters, digits and - _ . / only, without spaces.</source>
        <translation>只能使用字母、数字和 - _ . /，不能有空格。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use more different characters.</source>
        <translation>请使用更多不同的字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning: {reason}</source>
        <translation>提醒：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the customer said</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WooCommerce customers export</source>
        <translation>WooCommerce 客户导出表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WooCommerce orders export</source>
        <translation>WooCommerce 订单导出表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write how the complaint was resolved before marking it resolved.</source>
        <translation>标记为已解决前，请写明投诉的处理结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the gender as 男/女, M/F or male/female; it was left empty.</source>
        <translation>性别请填写男/女、M/F 或 male/female；已留空。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your role ({role}) may not do this: {action}.</source>
        <translation>您的角色（{role}）无权执行此操作：{action}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line or cell is far too long for a table (perhaps it is not a text table). Check the file, or save it again as .xlsx or CSV.</source>
        <translation>有一行或一个单元格长得离谱（可能不是文本表格）。请检查文件，或重新另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a quote mark (&quot;) opens a cell and is never closed. Delete it, or add the closing one, and try again.</source>
        <translation>有个单元格以引号（&quot;）开头，但这个引号没有配对的结束引号。请删掉它，或补上结束的引号，然后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a row has more columns than any spreadsheet can hold. Check the file, or save it again as .xlsx or CSV.</source>
        <translation>有一行的列数超过了任何表格所能容纳的数量。请检查文件，或重新另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a sheet reaches much farther than its data needs (perhaps something was typed far below or to the right of the table). Delete the rows and columns beyond your data in Excel or WPS, save, and try again.</source>
        <translation>有个工作表的范围远远超出了数据所需（可能在表格下方很远或右侧很远的地方输入过内容）。请用 Excel 或 WPS 删除数据以外的行和列，保存后再试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add_records</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added_from</source>
        <translation>添加日期（起）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added_to</source>
        <translation>添加日期（止）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto-lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>balance</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>customers</source>
        <translation>客户数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete_records</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit_records</source>
        <translation>编辑记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export_masked</source>
        <translation>导出脱敏数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export_subject_copy</source>
        <translation>导出个人信息副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export_unmasked</source>
        <translation>导出未脱敏数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>field</source>
        <translation>信息项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handle_privacy_requests</source>
        <translation>处理个人信息请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>id_number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is a PDF document, not a spreadsheet. Choose an .xlsx, .csv or .txt file.</source>
        <translation>这是 PDF 文档，不是表格。请选择 .xlsx、.csv 或 .txt 文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is a ZIP archive, not a spreadsheet. Unpack it and choose the spreadsheet inside.</source>
        <translation>这是 ZIP 压缩包，不是表格。请先解压，再选择里面的表格文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is a compressed archive, not a spreadsheet. Unpack it and choose the spreadsheet inside.</source>
        <translation>这是压缩包，不是表格。请先解压，再选择里面的表格文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is a picture, not a spreadsheet. Choose an .xlsx, .csv or .txt file.</source>
        <translation>这是图片，不是表格。请选择 .xlsx、.csv 或 .txt 文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is a web page saved with a spreadsheet name. Open it in Excel or WPS and save it as .xlsx or CSV.</source>
        <translation>这是一个用表格文件名保存的网页。请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is a workbook with macros. Open it in Excel or WPS and save it as an ordinary .xlsx workbook.</source>
        <translation>这是带宏的工作簿。请用 Excel 或 WPS 打开，另存为普通的 .xlsx 工作簿。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is an Excel 2003 XML spreadsheet. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>这是 Excel 2003 XML 表格。请用 Excel 或 WPS 打开，另存为 .xlsx。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is an Excel binary workbook (.xlsb). Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>这是 Excel 二进制工作簿（.xlsb）。请用 Excel 或 WPS 打开，另存为 .xlsx。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is an Office document but not a spreadsheet. Choose an .xlsx, .csv or .txt file.</source>
        <translation>这是 Office 文档，但不是表格。请选择 .xlsx、.csv 或 .txt 文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is an OpenDocument spreadsheet. Open it in WPS, LibreOffice or Excel and save it as .xlsx.</source>
        <translation>这是 OpenDocument 表格。请用 WPS、LibreOffice 或 Excel 打开，另存为 .xlsx。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is damaged (the database does not match).</source>
        <translation>备份已损坏（数据库校验不符）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is damaged (the key file does not match).</source>
        <translation>备份已损坏（密钥文件校验不符）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is damaged or not a ShopVault backup.</source>
        <translation>备份已损坏，或不是 ShopVault 备份。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is in the old Excel 97-2003 format. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>这是旧的 Excel 97-2003 格式。请用 Excel 或 WPS 打开，另存为 .xlsx。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a ShopVault backup of a known version.</source>
        <translation>不是可识别版本的 ShopVault 备份。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a ShopVault backup.</source>
        <translation>不是 ShopVault 备份。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a spreadsheet or text table. Choose an .xlsx, .csv or .txt file.</source>
        <translation>这不是表格或文本表格。请选择 .xlsx、.csv 或 .txt 文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it was changed after its rows were checked. Check the rows again, then import.</source>
        <translation>检查过各行之后，文件又被修改了。请重新检查各行，然后再导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its column names are not the ones the columns were matched to: the file was changed after it was opened. Choose it again and check the columns.</source>
        <translation>文件的列名与之前匹配时的不一样了：文件在打开之后被修改过。请重新选择这个文件，并检查各列的匹配。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its database does not open with its key.</source>
        <translation>备份中的数据库无法用其密钥打开。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its text encoding cannot be recognised. Save it as &quot;CSV UTF-8&quot; in Excel or WPS and try again.</source>
        <translation>无法识别文件的文字编码。请在 Excel 或 WPS 中另存为“CSV UTF-8”格式后再试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>load_demo_data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage_keys</source>
        <translation>管理密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage_settings</source>
        <translation>管理设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage_users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>member_no</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order_no</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resident_id</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolution</source>
        <translation>处理说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restore</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reveal_field</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ship_address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ship_name</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ship_phone</source>
        <translation>收货人电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the copy just written does not open.</source>
        <translation>刚写入的副本无法打开。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file cannot be read. Close it in other programs, check that you may open it, and try again.</source>
        <translation>无法读取该文件。请在其他程序中关闭它，确认您有权限打开它，然后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is damaged or incomplete. Open it in Excel or WPS, save it again as .xlsx, and try again.</source>
        <translation>文件已损坏或不完整。请用 Excel 或 WPS 打开，重新另存为 .xlsx 后再试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is empty. Choose the file that holds your data.</source>
        <translation>文件是空的。请选择存有数据的那个文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is not there (moved, renamed or deleted?). Check its name and folder, and choose it again.</source>
        <translation>找不到这个文件（是否已移动、改名或删除？）。请检查文件名和所在文件夹，然后重新选择。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is password-protected. Save it without a password and try again.</source>
        <translation>文件设置了密码。请去掉密码另存后再试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is too large to import. Split it into smaller files and try again.</source>
        <translation>文件太大，无法导入。请拆分成几个小文件后再试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the workbook contains another compressed archive, so it was not opened. Open it in Excel or WPS, save it again as .xlsx, and try again.</source>
        <translation>该工作簿里还包含另一个压缩包，因此没有打开。请用 Excel 或 WPS 打开，重新另存为 .xlsx 后再试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the workbook has no sheet of that name. Choose one of its sheets.</source>
        <translation>工作簿里没有这个名称的工作表。请从它的工作表中选择一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the workbook has no worksheets with data. Choose another file.</source>
        <translation>工作簿里没有含数据的工作表。请选择其他文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the workbook is built in an unusual way that could harm this computer, so it was not opened. Open it in Excel or WPS, save it again as .xlsx, and try again.</source>
        <translation>该工作簿的结构异常，可能危害这台电脑，因此没有打开。请用 Excel 或 WPS 打开，重新另存为 .xlsx 后再试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is a folder, not a file. Choose a spreadsheet file.</source>
        <translation>这是一个文件夹，不是文件。请选择一个表格文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view_audit</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view_customers</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view_privacy_registers</source>
        <translation>查看隐私登记册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view_unmasked</source>
        <translation>查看未脱敏信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wechat_id</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../build/translations/auditwords.py" line="+3"/>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>店员</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/error_text.py" line="-32"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
</context>
</TS>
