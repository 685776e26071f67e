import { defineStrings } from './define';

/** Spreadsheets in and out: the import wizard, export buttons and their messages. */
export const interchangeStrings = defineStrings({
  en: {
    import: {
      command: 'Import of {{name}}',
      refused_one: 'Nothing was imported: {{count}} problem in {{rows}} row. Fix it and try again.',
      refused_other:
        'Nothing was imported: {{count}} problems in {{rows}} rows. Fix them and try again.',
      file: {
        empty: '“{{name}}” is empty.',
        binary: '“{{name}}” is not a spreadsheet: save it as XLSX or CSV.',
        tooLarge: 'The file is {{size}} MB; at most {{max}} MB can be imported.',
        damaged: 'The workbook is damaged or cut short ({{reason}}). Save it again and retry.',
        zipBomb: 'The workbook would unpack to more than {{max}} MB; it is refused.',
        utf16: '“{{name}}” is UTF-16 text: save it as “CSV UTF-8” or as XLSX.',
        notUtf8:
          'The file is not UTF-8 (from byte {{offset}}): it looks like GB18030/GBK as saved by Chinese Excel. Choose that encoding.',
        notGb18030: 'The file does not read as GB18030 either: it is not a text file.',
        bomMismatch: 'The file is marked as UTF-8, so it cannot be read as GB18030.',
        csv: 'The CSV cannot be read at line {{line}} ({{reason}}).',
        lineTooLong: 'Line {{line}} is longer than {{max}} characters: this is not a ledger.',
        tooManyColumns: 'Row {{line}} has {{count}} columns; at most {{max}} are accepted.',
        tooManyRows: 'The sheet has more than {{max}} rows; split it into smaller files.',
        noHeader: 'The sheet “{{sheet}}” has no header row.',
        noSheet: 'The workbook has no sheet named “{{sheet}}”.',
        duplicateColumn: 'In “{{sheet}}”, {{first}} and {{second}} both give {{column}}: keep one.',
        missingColumn:
          'The sheet “{{sheet}}” has no column for: {{columns}}. Add a column with that header (or map one of its columns to it).',
        gone: 'That file is no longer waiting to be imported: choose it again.',
        lockFile:
          '“{{name}}” is the lock file a spreadsheet program keeps while “{{original}}” is open, not a ledger: choose “{{original}}” itself.',
        password:
          'The workbook has a password to open: open it in Excel, WPS or LibreOffice, save it without the password, and import that copy.',
        duplicateColumnHidden:
          'In “{{sheet}}”, {{first}} and {{second}} both give {{column}}, and {{hidden}} is hidden in the workbook: delete one of them (unhide the columns to see both).',
      },
      cell: {
        error: 'The cell shows an error ({{value}}).',
        formula:
          'The cell holds a formula ({{value}}); Youcheng imports values only: paste the column as values.',
        formulaText: '“{{value}}” reads as a formula; if it is text, begin it with an apostrophe.',
        bool: '“{{value}}” is not yes or no.',
        required: '{{column}} needs a value.',
      },
      row: {
        duplicate: 'The same record is already on row {{first}} of this sheet.',
        extraCells:
          'The row has {{count}} cells but the header only {{columns}} columns: column {{letter}} (“{{value}}”) has no header. Quote a cell that holds the separator, or give the column a header.',
      },
      columnLabel: 'column {{letter}} ({{header}})',
      level: {
        missing_one:
          '“{{local}}” is not in the registry yet and the sheet has no {{add}} column: add a column headed {{add}} with its level ({{values}}), or add the locality first.',
        missing_other:
          '“{{local}}” ({{count}} rows: {{lines}}) is not in the registry yet and the sheet has no {{add}} column: add a column headed {{add}} with its level ({{values}}), or add the locality first.',
      },
      notice: {
        semicolon:
          'The cells of this file are separated by semicolons (as Excel saves CSV where the comma is the decimal mark); it was read that way.',
        tab: 'The cells of this file are separated by tabs; it was read that way.',
        stageFromDates:
          'The sheet has no stage (阶段) column: a new tie’s stage follows from its dates (established date → established, letter of intent date → intent, otherwise contact).',
        levelFromDirectory:
          'The sheet has no {{add}} column: a locality already in the registry keeps its level; a new one needs the column.',
        outgoingFromName:
          'The sheet’s name says every visit on it is a delegation sent (outgoing): its rows need no direction column.',
        incomingFromName:
          'The sheet’s name says every visit on it is a delegation received (incoming): its rows need no direction column.',
        stagesInferred:
          'Stages from the dates: {{established}} established, {{intent}} intent, {{contact}} contact.',
        hiddenColumns_one: 'Hidden in the workbook, and imported all the same: {{columns}}.',
        hiddenColumns_other:
          '{{count}} columns are hidden in the workbook, and imported all the same: {{columns}}.',
        merged_one:
          'A merged cell ({{ranges}}) spans several rows: its value is taken for each of them.',
        merged_other:
          '{{count}} merged cells ({{ranges}}) span several rows: each value is taken for every row it spans.',
        blankRows_one: 'Row {{lines}} is blank and was skipped.',
        blankRows_other: '{{count}} blank rows were skipped (rows {{lines}}).',
        totalRows_one: 'Row {{lines}} is a total row (合计/小计/总计) and was left out.',
        totalRows_other: '{{count}} total rows (合计/小计/总计) were left out (rows {{lines}}).',
        hiddenRows_one: 'Row {{lines}} is hidden in the workbook; it is imported all the same.',
        hiddenRows_other:
          '{{count}} rows are hidden in the workbook (rows {{lines}}); they are imported all the same.',
      },
      events: {
        lastStage: 'The history ends at {{stage}}, but the tie is at {{to}}.',
        lastKind: 'The history ends as {{value}}, but the tie is {{tieKind}}.',
      },
      issue:
        '{{sheet}}, row {{line}}, column {{letter}} ({{column}}), value “{{cell}}”: {{reason}}',
      issueNoColumn: '{{sheet}}, row {{line}}: {{reason}}',
      wizard: {
        open: 'Import…',
        title: 'Import a spreadsheet',
        choose: 'Choose an XLSX, XLS, ODS or CSV file',
        chooseButton: 'Choose file…',
        reading: 'Reading {{name}}…',
        file: 'File',
        format: 'Format',
        encoding: 'Encoding',
        detected: 'detected',
        sheet: 'Sheet',
        allSheets: 'Every sheet named for a record kind',
        kind: 'Imported as',
        headerRow: 'Header on row {{line}}',
        column: 'Column in the file',
        field: 'Field',
        ignore: '(ignore)',
        unknown_one: '{{count}} column is not known and will be skipped: {{names}}',
        unknown_other: '{{count}} columns are not known and will be skipped: {{names}}',
        missing: 'Missing columns: {{names}}',
        sample: 'First rows',
        check: 'Check (dry run)',
        checking: 'Checking…',
        checked:
          'Checked: {{created}} to create, {{updated}} to update, {{unchanged}} unchanged. Nothing has been written yet.',
        problems: 'Problems',
        line: 'Row',
        value: 'Value',
        reason: 'Reason',
        import: 'Import',
        importing: 'Importing… {{percent}}%',
        done: 'Imported {{name}}: {{created}} created, {{updated}} updated, {{unchanged}} unchanged.',
        undoHint: 'The whole import is one step: Undo takes it back.',
        warnings_one: '{{count}} row accepted with a warning',
        warnings_other: '{{count}} rows accepted with a warning',
        warningAt: '{{sheet}}, row {{line}}:',
        back: 'Back',
        close: 'Close',
        rows: 'Rows',
        created: 'Created',
        updated: 'Updated',
        unchanged: 'Unchanged',
      },
      kinds: {
        localities: 'Localities',
        partners: 'Partners',
        ties: 'Ties',
        events: 'Tie history',
        letters: 'Letters of intent',
        steps: 'Approval steps',
        visits: 'Visits',
      },
    },
    export: {
      button: 'Export',
      csv: 'Visible rows as CSV',
      xlsx: 'Visible rows as XLSX',
      registry: 'Whole registry (XLSX)',
      registryOffice: 'Whole registry with office headings (XLSX)',
      done: 'Exported {{name}}.',
      failed: 'Export failed: {{message}}',
    },
  },
  zh: {
    import: {
      command: '导入{{name}}',
      refused_one: '未导入任何数据：{{rows}}行共有{{count}}处问题，请修改后重试。',
      refused_other: '未导入任何数据：{{rows}}行共有{{count}}处问题，请修改后重试。',
      file: {
        empty: '“{{name}}”是空文件。',
        binary: '“{{name}}”不是表格文件，请另存为XLSX或CSV。',
        tooLarge: '文件大小为{{size}} MB，最多只能导入{{max}} MB。',
        damaged: '工作簿已损坏或不完整（{{reason}}），请重新保存后再试。',
        zipBomb: '该工作簿解压后将超过{{max}} MB，已拒绝导入。',
        utf16: '“{{name}}”是UTF-16文本，请另存为“CSV UTF-8”或XLSX。',
        notUtf8:
          '文件不是UTF-8编码（自第{{offset}}字节起），看起来是中文Excel保存的GB18030/GBK编码，请选择该编码。',
        notGb18030: '文件也无法按GB18030读取，它不是文本文件。',
        bomMismatch: '文件带有UTF-8标记，不能按GB18030读取。',
        csv: 'CSV文件第{{line}}行无法读取（{{reason}}）。',
        lineTooLong: '第{{line}}行超过{{max}}个字符，不是台账文件。',
        tooManyColumns: '第{{line}}行有{{count}}列，最多接受{{max}}列。',
        tooManyRows: '工作表超过{{max}}行，请拆分为较小的文件。',
        noHeader: '工作表“{{sheet}}”没有表头行。',
        noSheet: '工作簿中没有名为“{{sheet}}”的工作表。',
        duplicateColumn:
          '工作表“{{sheet}}”中，{{first}}和{{second}}两列都对应{{column}}，请只保留一列。',
        missingColumn:
          '工作表“{{sheet}}”缺少以下列：{{columns}}。请添加以此为表头的列（或把已有的某列对应到它）。',
        gone: '该文件已不在待导入列表中，请重新选择。',
        lockFile:
          '“{{name}}”是表格程序在“{{original}}”打开期间保留的锁定文件，不是台账：请选择“{{original}}”本身。',
        password:
          '该工作簿设有打开密码：请用Excel、WPS或LibreOffice打开，另存为不带密码的副本后再导入。',
        duplicateColumnHidden:
          '工作表“{{sheet}}”中，{{first}}和{{second}}都对应{{column}}，且{{hidden}}在工作簿中被隐藏：请删除其中一列（取消隐藏即可看到两列）。',
      },
      cell: {
        error: '单元格显示错误（{{value}}）。',
        formula: '单元格中是公式（{{value}}），友城只导入数值：请将该列“粘贴为数值”。',
        formulaText: '“{{value}}”会被当作公式；如果是文字，请在开头加单引号。',
        bool: '“{{value}}”不是“是”或“否”。',
        required: '“{{column}}”不能为空。',
      },
      row: {
        duplicate: '本表第{{first}}行已有同一条记录。',
        extraCells:
          '该行有{{count}}个单元格，但表头只有{{columns}}列：{{letter}}列（“{{value}}”）没有表头。请给含分隔符的单元格加引号，或为该列添加表头。',
      },
      columnLabel: '{{letter}}列（{{header}}）',
      level: {
        missing_one:
          '“{{local}}”尚未登记，表中也没有“{{add}}”列：请添加表头为“{{add}}”的一列并填写级别（{{values}}），或先登记该地区。',
        missing_other:
          '“{{local}}”（共{{count}}行：第{{lines}}行）尚未登记，表中也没有“{{add}}”列：请添加表头为“{{add}}”的一列并填写级别（{{values}}），或先登记该地区。',
      },
      notice: {
        semicolon: '此文件以分号分隔单元格（部分地区的Excel这样保存CSV），已按分号读取。',
        tab: '此文件以制表符分隔单元格，已按制表符读取。',
        stageFromDates:
          '表中没有“阶段”列：新友城关系的阶段按日期确定（有结好日期为已结好，有意向书日期为意向，否则为接触）。',
        levelFromDirectory: '表中没有“{{add}}”列：已登记的地区沿用其级别，新地区需要该列。',
        outgoingFromName: '工作表名称表明其中均为出访团组，各行无需“方向”列。',
        incomingFromName: '工作表名称表明其中均为来访团组，各行无需“方向”列。',
        stagesInferred:
          '按日期确定的阶段：已结好{{established}}条，意向{{intent}}条，接触{{contact}}条。',
        hiddenColumns_one: '工作簿中隐藏的列仍照常导入：{{columns}}。',
        hiddenColumns_other: '工作簿中隐藏的{{count}}列仍照常导入：{{columns}}。',
        merged_one: '合并单元格（{{ranges}}）跨越多行：其内容用于所跨的每一行。',
        merged_other: '有{{count}}处合并单元格跨越多行（{{ranges}}）：其内容用于所跨的每一行。',
        blankRows_one: '第{{lines}}行为空行，已跳过。',
        blankRows_other: '已跳过{{count}}个空行（第{{lines}}行）。',
        totalRows_one: '第{{lines}}行是合计行（合计/小计/总计），未导入。',
        totalRows_other: '有{{count}}个合计行（合计/小计/总计）未导入（第{{lines}}行）。',
        hiddenRows_one: '第{{lines}}行在工作簿中被隐藏，仍照常导入。',
        hiddenRows_other: '有{{count}}行在工作簿中被隐藏（第{{lines}}行），仍照常导入。',
      },
      events: {
        lastStage: '历程最后为{{stage}}，但该友城关系目前为{{to}}。',
        lastKind: '历程最后为{{value}}，但该友城关系为{{tieKind}}。',
      },
      issue: '{{sheet}}，第{{line}}行，{{letter}}列（{{column}}），值“{{cell}}”：{{reason}}',
      issueNoColumn: '{{sheet}}，第{{line}}行：{{reason}}',
      wizard: {
        open: '导入…',
        title: '导入表格',
        choose: '选择XLSX、XLS、ODS或CSV文件',
        chooseButton: '选择文件…',
        reading: '正在读取{{name}}…',
        file: '文件',
        format: '格式',
        encoding: '编码',
        detected: '自动识别',
        sheet: '工作表',
        allSheets: '所有以记录类别命名的工作表',
        kind: '导入为',
        headerRow: '表头在第{{line}}行',
        column: '文件中的列',
        field: '对应字段',
        ignore: '（忽略）',
        unknown_one: '有{{count}}列无法识别，将被跳过：{{names}}',
        unknown_other: '有{{count}}列无法识别，将被跳过：{{names}}',
        missing: '缺少的列：{{names}}',
        sample: '前几行',
        check: '检查（试导入）',
        checking: '正在检查…',
        checked:
          '检查完毕：将新增{{created}}条、更新{{updated}}条，{{unchanged}}条无变化。尚未写入任何数据。',
        problems: '问题',
        line: '行',
        value: '值',
        reason: '原因',
        import: '导入',
        importing: '正在导入… {{percent}}%',
        done: '已导入{{name}}：新增{{created}}条，更新{{updated}}条，{{unchanged}}条无变化。',
        undoHint: '整个导入是一步操作，可用“撤销”整体撤回。',
        warnings_one: '{{count}}行已接受但有提示',
        warnings_other: '{{count}}行已接受但有提示',
        warningAt: '{{sheet}}第{{line}}行：',
        back: '上一步',
        close: '关闭',
        rows: '行数',
        created: '新增',
        updated: '更新',
        unchanged: '无变化',
      },
      kinds: {
        localities: '我方地区',
        partners: '外方城市',
        ties: '友城关系',
        events: '友城历程',
        letters: '意向书',
        steps: '报批步骤',
        visits: '出访来访',
      },
    },
    export: {
      button: '导出',
      csv: '当前显示的行（CSV）',
      xlsx: '当前显示的行（XLSX）',
      registry: '整个登记库（XLSX）',
      registryOffice: '整个登记库，中文表头（XLSX）',
      done: '已导出{{name}}。',
      failed: '导出失败：{{message}}',
    },
  },
});
