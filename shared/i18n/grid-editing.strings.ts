import { defineStrings } from './define';

/**
 * Editing the grids as a spreadsheet: the blank row that adds records, cell ranges (fill down,
 * clear, copy) and what the undo list calls them. The grids' toolbar and saving words are in
 * `grid.strings.ts`.
 */
export const gridEditingStrings = defineStrings({
  en: {
    undo: {
      fill_one: 'Filled down {{column}} into {{count}} row',
      fill_other: 'Filled down {{column}} into {{count}} rows',
      fillMany_one: 'Filled down {{columns}} columns into {{count}} row',
      fillMany_other: 'Filled down {{columns}} columns into {{count}} rows',
      clear_one: 'Cleared {{count}} cell',
      clear_other: 'Cleared {{count}} cells',
    },
    editing: {
      blankRow: 'New row',
      emptyTitle: 'Nothing here yet',
      emptyHint:
        'To begin, type in the blank row at the bottom, paste rows copied from Excel or WPS into it, or use Import.',
      stillNeeded: 'Not added yet: fill in {{columns}} as well.',
      created_one: 'Added {{count}} row.',
      created_other: 'Added {{count}} rows.',
      filled_one: 'Filled down into {{count}} row.',
      filled_other: 'Filled down into {{count}} rows.',
      cleared_one: 'Cleared {{count}} cell.',
      cleared_other: 'Cleared {{count}} cells.',
      copiedRange: 'Copied {{rows}} × {{columns}} cells.',
      rangeRefused_one: 'Nothing was changed: {{count}} cell was refused.',
      rangeRefused_other: 'Nothing was changed: {{count}} cells were refused.',
      selectAll: 'Select all rows',
      allSelected_one: 'Selected {{count}} row.',
      allSelected_other: 'Selected all {{count}} rows.',
    },
  },
  zh: {
    undo: {
      fill_one: '将{{column}}向下填充到{{count}}行',
      fill_other: '将{{column}}向下填充到{{count}}行',
      fillMany_one: '将{{columns}}列向下填充到{{count}}行',
      fillMany_other: '将{{columns}}列向下填充到{{count}}行',
      clear_one: '清除了{{count}}个单元格',
      clear_other: '清除了{{count}}个单元格',
    },
    editing: {
      blankRow: '新行',
      emptyTitle: '这里还没有记录',
      emptyHint:
        '开始时，可在底部的空白行中直接输入，把从 Excel 或 WPS 复制的行粘贴到空白行，或使用“导入”。',
      stillNeeded: '尚未添加：还需填写{{columns}}。',
      created_one: '已添加{{count}}行。',
      created_other: '已添加{{count}}行。',
      filled_one: '已向下填充到{{count}}行。',
      filled_other: '已向下填充到{{count}}行。',
      cleared_one: '已清除{{count}}个单元格。',
      cleared_other: '已清除{{count}}个单元格。',
      copiedRange: '已复制 {{rows}} × {{columns}} 个单元格。',
      rangeRefused_one: '未作更改：有{{count}}个单元格不符合要求。',
      rangeRefused_other: '未作更改：有{{count}}个单元格不符合要求。',
      selectAll: '选择全部行',
      allSelected_one: '已选择{{count}}行。',
      allSelected_other: '已选择全部{{count}}行。',
    },
  },
});
