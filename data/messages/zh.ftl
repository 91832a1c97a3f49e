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
citations-left-out = 此后还有 { $count } 处引用（《…》）未列出：这样大小的文档最多列出 { $max } 处
note-citations-cap = 每份文档最多列出 { $min } 处引用，每 { $bytes } 字节再多一处
attachments-left-out = 附件清单超过 { $max } 项：只列出前 { $max } 项
names-left-out = 此后还有 { $count } 个单位未列出：这样大小的文档最多列出 { $max } 个不同的单位
note-names-cap = 每份文档最多列出 { $min } 个不同的单位，每 { $bytes } 字节再多一个
quantities-left-out = 此后还有 { $count } 个数量未列出：这样大小的文档最多列出 { $max } 个
note-quantities-cap = 每份文档最多列出 { $min } 个数量，每 { $bytes } 字节再多一个
units-left-out = 自此有 { $count } 个责任分工条款列出的单位超过 { $max } 个：每个条款只列出前 { $max } 个
clauses-left-out = 此后还有 { $count } 个责任分工条款未列出：这样大小的文档最多列出 { $max } 个
note-clauses-cap = 每份文档最多列出 { $min } 个责任分工条款，每 { $bytes } 字节再多一个
page-decode-errors = 网页中有 { $count } 处不是有效的 { $encoding }，已替换为 U+FFFD
many-elements = 网页元素多于按其大小所读的数量（连同文字片段约 { $max } 个）；此后的 { $count } 个标签、注释和脚本不按结构读取或略去（文字保留）
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
fix-summary = { $file }：{ $mode ->
    [done] 已修正
   *[would] --fix 将修正
 } { $fixed } 处问题（{ $edits } 处改动）
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

## 无法读取的输入（gongwen::Error）

error-not-text = 这是{ $what }，不是文本：{ $advice }
error-unreadable = 这是无法读取的{ $what }：{ $reason }
error-unknown-encoding = 未知编码“{ $label }”：请使用 utf-8、gb18030、gbk、big5、utf-16le 或 utf-16be 等名称
error-too-large = 输入有 { $bytes } 字节，gongwen 最多读取 4 GiB：请先拆分为单个文件
error-lexicon = 第 { $line } 行：{ $message }
what-ofd-images = 没有文字层的 OFD 文件（页面是图片）
what-pdf-scan = 没有文字层的 PDF 文件（扫描件）
what-binary = 二进制文件（含有 NUL 字节）
what-pdf-broken = PDF 文件
what-zip = 既不是 Word 文档也不是 OFD 文件的 ZIP 压缩包（.xlsx、.pptx 或 .zip 文件）
what-rtf = RTF 文件
what-png = PNG 图片
what-jpeg = JPEG 图片
what-gif = GIF 图片
what-executable = 可执行文件
what-gzip = gzip 压缩包
what-office-password = 设有密码的 Office 文件
what-old-word = 旧版 Word 或 WPS 文件（.doc、.wps）
what-old-office = 旧版 Office 文件（.xls、.ppt）
what-pdf = PDF 文件
what-pdf-password = 设有密码的 PDF 文件
what-password = 设有密码的文件
what-ofd = OFD 文件
what-docx = Word 文件（.docx）
advice-ocr = 请先进行文字识别（OCR）
advice-ocr-pdf = 请先进行文字识别（如 `ocrmypdf -l chi_sim in.pdf out.pdf`），再读取识别结果
advice-convert = gongwen 读取文本，请先转换为纯文本
advice-convert-how = 请先转换为纯文本（如另存为 .txt，或用 `pdftotext`、`pandoc -t plain`）
advice-pdf-broken = 文件开头像 PDF 但没有 PDF 文件头：请用其他工具提取文字（`pdftotext -layout file.pdf`）后再读取
advice-zip = gongwen 读取 Word 文件（.docx）、网页和文本：请解压，或将文档另存为 .docx
advice-image = gongwen 读取文本；如图片中是公文，请先进行文字识别
advice-text-only = gongwen 读取文本
advice-decompress = 请先解压
advice-office-password = 请打开文件，取消密码（文件 → 信息 → 保护文档）后另存为 .docx
advice-old-word = 请用 Word 或 WPS 打开，另存为 .docx（或 .txt）
advice-old-office = gongwen 读取 Word 文件（.docx）、网页和文本：请将文档另存为 .docx
advice-pdf-password = 请用密码打开，另存一份无密码的副本（或打印为新的 PDF）后再读取
advice-password = 请取消密码后重新保存

## 命令行自身的提示

cli-cannot-read-stdin = 无法读取标准输入：{ $reason }
cli-is-directory = { $name }：这是文件夹；请给出文件（`parse`、`check`、`report` 和各表格命令可读取文件夹）
cli-cannot-read = { $name }：无法读取：{ $reason }
cli-cannot-write = { $name }：无法写入：{ $reason }
cli-cannot-write-output = 无法写出结果：{ $reason }
cli-cannot-create = { $name }：无法创建：{ $reason }
cli-no-such-file = 文件不存在
cli-permission-denied = 没有权限
cli-a-directory = 这是文件夹
cli-no-documents = { $names } 下没有可读取的文件（.txt、.html、.docx、.ofd、.pdf）
cli-no-documents-glob = { $names } 下没有 --glob 保留的可读取文件（.txt、.html、.docx、.ofd、.pdf）
cli-no-documents-given = 所给文件夹下没有可读取的文件（.txt、.html、.docx、.ofd、.pdf）
cli-several-pages = 多份文件会生成多个页面：请指定写入的文件夹（`gongwen report DIR -o OUT/`）
cli-wrote-pages = 已写出 { $index } 和 { $count } 个页面

## 命令行帮助（`gongwen --help`）：命令简介、常用选项、clap 的固定用语

help-usage = 用法：
help-commands = 命令
help-options = 选项
help-arguments = 参数
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-about = 将中文公文转为结构化数据，并检查编号与格式
help-parse = 以 JSON（gongwen/1）输出公文的层次结构、责任分工、量化指标和元数据
help-quantities = 列出所有数量（带单位的数字）及其是否为目标，并注明位置
help-departments = 按单位汇总：每个单位牵头、负责和配合的任务
help-ledger = 任务分工台账：每项任务一行，含责任单位、量化指标和完成时限
help-tables = 将公文写成整齐的数据表（供 pandas、DuckDB、Spark 使用）：documents、nodes、clauses、unit_roles、quantities、diagnostics、citations、skipped
help-report = 为审核人员生成 HTML 报告：编号与格式问题、责任分工、量化指标
help-text = 输出 gongwen 从文件中读出的文字：JSON 中所有位置都指向这段文字
help-check = 检查编号与格式，像编译器一样报告问题
help-check-long = 检查编号与格式，像编译器一样报告问题。退出码：未发现警告及以上问题为 0，发现问题为 1（使用 --diff 时：有待修正之处为 1），有输入无法读取为 2
help-serve = 以 HTTP 提供各命令：供其他系统调用的接口（向 /v1/parse、/v1/check、/v1/ledger、/v1/report 提交文件），在本机或内网使用
help-flag-encoding = 输入的编码（utf-8、gb18030、gbk、big5、utf-16le、utf-16be 等）；省略时自动识别
help-flag-units = 补充单位名称，用于各责任条款的 `units`：每行 `规范名<TAB>类别<TAB>别名|别名` 的 TSV 文件（参见 data/lexicon/units.tsv）
help-flag-lexicon = 补充规则用词：每行 `词表<TAB>词条` 的 TSV 文件，`词表` 为 data/lexicon/ 下的文件名（如 `chrome_words<TAB>打印此页`、`role_words<TAB>主抓<TAB>lead`）
help-flag-lang = 提示、说明、建议和表头的语言：`zh` 或 `en`。默认按系统语言环境（LC_ALL、LC_MESSAGES、LANG：zh_* 为中文），否则为英文。代码和 JSON 键名不随之改变
help-flag-config = 从此文件读取设置，而不是从工作目录向上查找最近的 `gongwen.toml`、`.gongwen.toml` 或含 `[tool.gongwen]` 的 `pyproject.toml`。命令行选项优先于文件中的设置
help-flag-no_config = 不读取设置文件
help-flag-glob = 只读取文件夹下与模式匹配的文件（`*.html`、`2024/**`）；以 `!` 开头的模式表示排除（`!*附件*`）。可多次给出。命令行中直接列出的文件总会读取
help-check-files = 要检查的文件：文件、文件夹（与 `parse` 一样遍历），或以 `-` 表示标准输入
help-check-format = 问题的输出格式
help-check-select = 只报告这些代码或类别（以逗号分隔，或多次给出）：`--select numbering,GB15834`、`--select all`；默认报告除易误报的标点和数字写法以外的全部检查
help-check-ignore = 不报告这些代码或类别：`--ignore missing-responsibility,genre`
help-check-fix = 对文本文件按原编码进行可机械完成的修正（仅限 --select 和 --ignore 保留的代码），然后报告剩余问题。其他格式（网页、Word、PDF、OFD）不会改写
help-check-diff = 以统一差异格式显示 --fix 将做的修改，不写入任何文件
help-report-files = 要读取的文件：文件、文件夹（遍历 .txt、.html、.docx、.ofd、.pdf），或以 `-` 表示标准输入
help-report-output = 将 HTML 写入此文件而非标准输出；多份文件或文件夹时为写入 `index.html` 和各页面的文件夹
help-text-file = 要读取的文件（以 `-` 表示标准输入）
help-help = 显示本帮助，或所给子命令的帮助
cli-no-such-code = { $name }：没有这个代码或类别；类别有 { $families } 和 `all`；代码有 { $codes }
tally-read = 已读取 { $total } 个文件（{ $by }）
tally-failed = ，{ $count } 个读取失败
tally-passed-over = ；跳过其他类型的文件 { $count } 个（{ $by }）
tally-glob = ；--glob 排除 { $count } 个
table-total = “{ $total }”行“{ $column }”列为 { $given }，而上面各行相加为 { $sum }
suggest-table-total = 对照原始数据核对各行数值与合计
