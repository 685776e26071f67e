import { defineStrings } from './define';

/**
 * The grids' checklist filters, the rows-shown count, and the delete confirmation that says
 * which ticked rows are out of sight.
 */
export const filterStrings = defineStrings({
  en: {
    checklist: {
      search: 'Search values',
      all: '(Select all)',
      blank: '(Blank)',
      none: 'No value matches',
      loading: 'Counting…',
      label: 'Values of {{column}}',
    },
    shown: {
      of: '{{shown, number}} of {{total, number}}',
    },
    refusal: {
      dropped: 'The refused value was dropped; the cell keeps what was saved.',
    },
    toolbar: {
      undoRedo: 'Undo and redo',
      bulk: 'Set column…',
    },
    deleteSeen: {
      title: 'Delete',
      visible_one: 'Delete this {{count}} ticked row in sight?',
      visible_other: 'Delete these {{count}} ticked rows in sight?',
      more_one: '…and {{count}} more',
      more_other: '…and {{count}} more',
      hidden_one:
        '{{count}} more ticked row is hidden by the search or a filter; it is left as it is.',
      hidden_other:
        '{{count}} more ticked rows are hidden by the search or a filter; they are left as they are.',
      include_one: 'Delete the {{count}} hidden row too',
      include_other: 'Delete the {{count}} hidden rows too',
      onlyHidden_one:
        'The {{count}} ticked row is hidden by the search or a filter. Delete it anyway?',
      onlyHidden_other:
        'The {{count}} ticked rows are all hidden by the search or a filter. Delete them anyway?',
      confirm_one: 'Delete {{count}} row',
      confirm_other: 'Delete {{count}} rows',
    },
  },
  zh: {
    checklist: {
      search: '搜索值',
      all: '（全选）',
      blank: '（空白）',
      none: '没有匹配的值',
      loading: '正在计数…',
      label: '{{column}}的值',
    },
    shown: {
      of: '显示{{shown, number}}条，共{{total, number}}条',
    },
    refusal: {
      dropped: '已放弃未保存的内容，单元格保持原来保存的值。',
    },
    toolbar: {
      undoRedo: '撤销与重做',
      bulk: '批量设置…',
    },
    deleteSeen: {
      title: '删除',
      visible_one: '删除以下{{count}}条可见的已勾选记录？',
      visible_other: '删除以下{{count}}条可见的已勾选记录？',
      more_one: '……另有{{count}}条',
      more_other: '……另有{{count}}条',
      hidden_one: '另有{{count}}条已勾选的记录被搜索或筛选隐藏，将保持不变。',
      hidden_other: '另有{{count}}条已勾选的记录被搜索或筛选隐藏，将保持不变。',
      include_one: '同时删除这{{count}}条隐藏的记录',
      include_other: '同时删除这{{count}}条隐藏的记录',
      onlyHidden_one: '已勾选的{{count}}条记录都被搜索或筛选隐藏。仍要删除吗？',
      onlyHidden_other: '已勾选的{{count}}条记录都被搜索或筛选隐藏。仍要删除吗？',
      confirm_one: '删除{{count}}条',
      confirm_other: '删除{{count}}条',
    },
  },
});
