# gongwen 面向读者的提示（中文）。每条提示在 en.ftl 中都有对应条目，变量相同
# （tests/messages.rs 检查）。代码（code）和 JSON 键名不翻译。

## 提示中对标题的称呼

# 标题：三级标题“15”、二级标题“(三)”、第十五条。
node = { $kind ->
    [part] { $label }
    [chapter] 一级标题“{ $label }”
    [section] 二级标题“{ $label }”
    [subitem] 四级标题“{ $label }”
    [article] { $label }
   *[item] 三级标题“{ $label }”
 }
kind = { $kind ->
    [part] 编
    [chapter] 一级标题
    [section] 二级标题
    [subitem] 四级标题
    [article] 条
   *[item] 三级标题
 }
kinds = { $kind ->
    [part] 编
    [chapter] 一级标题
    [section] 二级标题
    [subitem] 四级标题
    [article] 条
   *[item] 三级标题
 }
top-level = 顶层

## 编号

numbering-restarts = { $parent }下的{ $kind }编号在 { $label } 处重新从头编起，而本文其他地方的编号是连续的；应为 { $expected }
numbering-runs-on = { $parent }下的{ $kind }编号接续到 { $label }，而本文其他地方在每个上级标题下都从 1 编起
suggest-renumber-as = 将 { $label } 改为 { $expected }
numbering-one-wrong = 第 { $line } 行的{ $node }应为 { $expected }：编号依次为 { $around }
suggest-renumber-at = 将第 { $line } 行的“{ $label }”改为“{ $expected }”
numbering-starts-at = { $node }的编号从 { $number } 开始；应为 { $expected }
suggest-renumber-from = 从 { $expected } 开始重新编号
numbering-missing = 第 { $line } 行的{ $node }之前缺少{ $kind } { $missing }{ $count ->
    [1] {""}
   *[other] （共 { $count } 个）
 }
suggest-renumber-or-add = 从第 { $line } 行的“{ $label }”起重新编号，或补上缺少的{ $kind }
numbering-repeats = 第 { $line } 行的{ $node }与前一个编号重复
numbering-out-of-order = 第 { $line } 行的{ $node }排在 { $previous } 之后；应为 { $expected }
note-restarts = 上级标题没有变，编号却在这里重新从头编起
note-word-mixed = 第 { $auto } 行的编号是 Word 自动编号，第 { $typed } 行的编号是手工输入的：请统一编号方式（给手工输入的段落应用同一列表，或全部手工输入）
note-word-auto = 这些编号是 Word 自动编号：列表在不该重新开始或继续的地方重新开始或继续了（右键单击编号：重新开始于 1 / 继续编号；WPS 中为“重新开始编号”/“继续编号”）

## 格式

mixed-label-style = { $node }写作“{ $label }”，而同级 { $siblings } 个标题中有 { $like } 个写作“{ $example }”这样
suggest-write = 改为“{ $text }”
unclosed-bracket = “{ $open }”没有闭合
unclosed-bracket-on-line = “{ $open }”在本行没有闭合
suggest-close-where-it-ends = 在括号内文字结束处补上“{ $close }”
note-more-unclosed = 其后还有 { $more } 个左括号也没有闭合
mismatched-bracket = “{ $open }”却用“{ $close }”闭合
suggest-close-with = 改用“{ $close }”闭合
unmatched-bracket = 本行的“{ $close }”没有对应的左括号
note-more-unmatched = 本行另有 { $more } 个右括号也没有对应的左括号
doc-number-brackets = 发文字号“{ $number }”的年份用了“{ $brackets }”；GB/T 9704-2012 规定用六角括号“〔〕”
missing-responsibility = { $node }没有写明责任单位，而本文 { $all } 个{ $kinds }中有 { $with } 个写明了
suggest-add-clause = 在该条末尾写明责任单位，如“（省商务厅负责）”
suggest-add-clause-like = 按本文其他条目的写法写明责任单位，如第 { $line } 行的“{ $example }”
empty-heading = { $node }的编号后没有内容

## 整篇文档

empty-document = 文档为空（或只有空白）
no-outline = 没有找到带编号的标题（一、 （一） 1. （1） 第一章 第一条）；全文在 `preamble` 中
note-nothing-dropped = 没有丢弃任何文字：全文保留在 `preamble` 和 `skipped` 中
reports-left-out = 此后还有 { $count } 条 `{ $code }` 报告未显示
note-reports-cap = 每份文档同类报告最多给出 { $max } 条；请修正后再检查

## `gongwen check` 的编译器式列表

note-see-line = 另见第 { $line } 行
label-related = 相关
note-in-paragraph = 在 Word 文件的第 { $paragraph } 段
note-on-page = 在 { $format } 文件的第 { $page } 页
help = 建议：{ $suggestion }
summary = { $errors } 个错误，{ $warnings } 个警告，{ $notes } 条提示

## 读取：未读入或无法读取的部分

headings-left-out = 此后还有 { $count } 个标题未作为节点读入：这样大小的文档最多容纳 { $max } 个节点
note-nodes-cap = 每份文档最多 { $min } 个节点，每 { $bytes } 字节再多一个；最后一个节点之后的文字保留在该节点中
quantities-left-out = 此后还有 { $count } 个数量未列出：这样大小的文档最多列出 { $max } 个
note-quantities-cap = 每份文档最多列出 { $min } 个数量，每 { $bytes } 字节再多一个
page-decode-errors = 网页中有 { $count } 处不是有效的 { $encoding }，已替换为 U+FFFD
deep-markup = 网页元素嵌套超过 { $depth } 层；超过该深度的 { $count } 个标签不按结构读取（文字保留）
damaged-word = Word 文件已损坏（{ $reason }）；已读取损坏处之前的文字
suggest-save-again = 用 Word 或 WPS 打开后重新保存
file-left-out = 该 { $format } 文件的内容超出 gongwen 的读取上限：{ $what } 未读取
suggest-split = 把文件按文档拆开后分别读取
damaged-pdf-page = PDF 第 { $page } 页无法读取（{ $reason }）；其余各页已读取
suggest-print-pdf = 用 PDF 阅读器打开并打印为新的 PDF，再读取新文件
decode-error = 不是有效 { $encoding } 的字节已替换为 U+FFFD
suggest-encoding = 如果文字看起来不对，请用 --encoding 指定编码（如 --encoding gb18030）
note-more-decode-errors = 另有 { $count } 处字节错误未列出

## 日期

impossible-date = “{ $date }”不是日历上存在的日期
note-month-days = { $year }年{ $month }月只有 { $days } 天
note-day-zero = 没有 0 日
note-no-such-month = 没有 { $month } 月
suggest-check-date = 请对照原件或日历核对日期后重写

## HTML 报告（`gongwen report`）

report-title = gongwen 公文检查报告
report-count = { $what ->
    [chapters] 一级标题 { $n } 个
    [sections] 二级标题 { $n } 个
    [items] 三级标题 { $n } 个
    [articles] 条文 { $n } 条
    [tasks] 任务 { $n } 项
    [units] 单位 { $n } 个
    [targets] 量化指标 { $n } 项
    [errors] 错误 { $n } 处
   *[warnings] 警告 { $n } 处
 }
report-problems = 编号与格式问题
report-no-problems = 未发现编号或格式问题。
report-line = 第 { $line } 行
report-severity = { $severity ->
    [error] 错误
    [warning] 警告
   *[info] 提示
 }
report-who = 责任分工
report-no-units = 本文未找到责任单位。
report-unit = 单位
report-role = { $role ->
    [lead] 牵头
    [responsible] 负责
   *[support] 配合
 }
report-targets = 量化指标
report-no-targets = 本文未找到量化指标。
report-target-text = 原文
report-value = 数值
report-measure = 计量单位
report-qualifier = 限定
qualifier = { $qualifier ->
    [exact] 确数
    [at_least] 不少于（含本数）
    [more_than] 超过（不含本数）
    [at_most] 不超过（含本数）
    [less_than] 低于（不含本数）
    [about] 约
    [range] 区间
    [change] 由……到……
   *[ratio] 比例
 }
report-deadline = 完成时限
report-task = 所属任务
report-preamble = （正文第一个标题之前）
report-document = 正文
report-legend-target = 量化指标
report-legend-problem = 问题
report-clause = 责任分工
report-skipped = 未解析：{ $reason }
report-outline = 目录
report-index = 共 { $count } 份文件
report-file = 文件
report-doc-title = 标题
report-problem-count = 问题
report-unreadable = 无法读取：{ $reason }
report-column = { $what ->
    [tasks] 任务
    [units] 单位
   *[targets] 量化指标
 }
report-severity-head = { $severity ->
    [error] 错误：
    [warning] 警告：
   *[info] 提示：
 }

## `gongwen check --fix` 与 `--diff`

fix-not-text = --fix 只改写文本文件；这是 { $format } 文件，请在编辑它的软件中修改
fix-not-same = 未改写：按 { $encoding } 读出的文字写回后与原文件字节不同（有错误字节，或读取时做了规范化）；请手工修改，或先转换为 UTF-8
fix-not-encodable = 未改写：修改后的文字含有 { $encoding } 无法表示的字符
fix-not-file = 不改写标准输入；请给出文件名
fix-done = { $file }：已修正 { $fixed } 处问题（{ $edits } 处改动）
fix-would = { $file }：--fix 将修正 { $fixed } 处问题（{ $edits } 处改动）
fix-conflicts = { $file }：另有 { $count } 处修正与本次的修正重叠；请再运行一次 --fix
summary-fixable = ；其中 { $count } 处可用 `gongwen check --fix` 自动修正（预览：`--diff`）

## 层级、写法、日期、标题、附件

wrong-level = 第 { $line } 行的{ $node }排在{ $parent }下的{ $kinds }（“{ $previous }”）之后：{ $kind }应排在{ $kinds }之前，不能与之并列
suggest-check-level = 核对“{ $label }”的层级：与前面的{ $kinds }连续编号，或将前面的{ $kinds }归入一个{ $kind }之下
label-forms = 本组 { $count } 个{ $kinds }的编号有 { $forms } 种写法（{ $examples }）；同一层级的编号应统一写法
suggest-one-form = 统一按第一个的写法，如“{ $example }”
date-order = 成文日期 { $date } 晚于发布日期 { $published }
title-punctuation = 标题中有“{ $mark }”：按 GB/T 9704，标题除书名号等外一般不用标点符号
suggest-title-without = 去掉标题中的“{ $mark }”（需要断开处可换行或空格）
attachment-count = 附件说明列出 { $listed } 个附件，而文后附有 { $present } 个
suggest-attachments = 使附件说明（附件：1.… 2.…）与文后所附附件一致

## 标点与数字（GB/T 15834、GB/T 15835；选择后才检查）

half-width-punctuation = 本行中文之间有 { $count } 个半角标点（“{ $mark }”）
suggest-full-width = 改为全角标点：，；：？！
full-width-digits = “{ $digits }”使用了全角数字
range-hyphen = 数值范围“{ $range }”用了连字符

## 文种

closing-mismatch = 结束语“{ $closing }”用于{ $fits }，而本文是{ $genre }
suggest-closing = 核对文种与结束语，二者应一致
address-word = “{ $word }”是对上级或平级机关的称谓，而本文（{ $genre }）是下行文
report-asks-approval = 本报告含有请示事项（“{ $words }”）；报告中不得夹带请示事项
suggest-request = 请示事项另行请示
