import { defineStrings } from './define';

/** The Places screen: our localities and partners, their names, and merging duplicates. */
export const placesStrings = defineStrings({
  en: {
    places: {
      title: 'Places',
      intro:
        'Each locality and partner once: rename it, set its level and parent, and merge two records of one place into one. A merge moves its ties, visits and the places under it, and is one step of Undo.',
      localities: 'Our localities',
      partners: 'Partner cities',
      search: 'Search by any name',
      name: 'Name',
      nameZh: 'Chinese name',
      nameEn: 'English name',
      level: 'Level',
      parent: 'Parent',
      country: 'Country',
      ties: 'Live ties',
      noParent: '(none)',
      edit: 'Edit',
      save: 'Save',
      cancel: 'Cancel',
      saved: 'Saved.',
      merge: 'Merge',
      mergeSelected: 'Merge the two selected',
      select: 'Select {{name}}',
      undo: 'Undo',
      undone: 'Undone: {{label}}',
      nothingToUndo: 'Nothing to undo here.',
      suggestions: 'Suggested duplicates',
      noSuggestions: 'No likely duplicates.',
      reason: {
        code: 'the same place of the directory ({{code}})',
        spelling: 'the same name in another spelling',
        chineseName: 'the same Chinese name',
      },
      mergeTitle: 'Merge two records of one place',
      keep: 'Keep',
      mergeMoves:
        'Merging moves {{ties}} ties, {{visits}} visits and {{children}} places under it from “{{remove}}” to “{{keep}}”, then deletes “{{remove}}”.',
      clashes:
        'These ties would exist twice after the merge. Delete one of each pair first (or keep the other record):',
      clashPair: '{{kept}} and {{moved}}',
      deleteTie: 'Delete {{tie}}',
      merged: 'Merged “{{remove}}” into “{{keep}}”.',
      undo_merge: 'Merge “{{remove}}” into “{{keep}}”',
      empty: 'None yet.',
      errors: {
        same: 'Choose two different records to merge.',
        otherCountry:
          '“{{keep}}” and “{{remove}}” are in different countries, so they are not one place.',
        jurisdiction:
          '“{{name}}” is the office’s jurisdiction: keep it and merge the other record into it.',
        under:
          '“{{keep}}” lies under “{{remove}}”: merge the lower place into the higher one instead.',
        duplicates:
          'The merge would make {{count}} ties twice ({{pairs}}). Delete one of each pair first; nothing was merged.',
        partnerDuplicate: 'Another partner in this country is already called “{{name}}”.',
      },
    },
  },
  zh: {
    places: {
      title: '地区与城市',
      intro:
        '每个我方地区和外方城市只记一次：可改名、设级别和上级，并把同一地方的两条记录合并为一条。合并会迁移其结好关系、出访来访和下级地区，可一步撤销。',
      localities: '我方地区',
      partners: '外方城市',
      search: '按任一名称搜索',
      name: '名称',
      nameZh: '中文名',
      nameEn: '英文名',
      level: '级别',
      parent: '上级',
      country: '国家',
      ties: '现有关系',
      noParent: '（无）',
      edit: '编辑',
      save: '保存',
      cancel: '取消',
      saved: '已保存。',
      merge: '合并',
      mergeSelected: '合并所选两项',
      select: '选择{{name}}',
      undo: '撤销',
      undone: '已撤销：{{label}}',
      nothingToUndo: '此处没有可撤销的操作。',
      suggestions: '疑似重复',
      noSuggestions: '没有疑似重复的记录。',
      reason: {
        code: '地区目录中的同一地方（{{code}}）',
        spelling: '同一名称的不同拼写',
        chineseName: '中文名相同',
      },
      mergeTitle: '合并同一地方的两条记录',
      keep: '保留',
      mergeMoves:
        '合并将把“{{remove}}”的{{ties}}对关系、{{visits}}次出访来访和{{children}}个下级地区迁移到“{{keep}}”，然后删除“{{remove}}”。',
      clashes: '合并后以下关系将重复。请先删除每对中的一条（或改为保留另一条记录）：',
      clashPair: '{{kept}} 与 {{moved}}',
      deleteTie: '删除 {{tie}}',
      merged: '已将“{{remove}}”合并到“{{keep}}”。',
      undo_merge: '将“{{remove}}”合并到“{{keep}}”',
      empty: '暂无。',
      errors: {
        same: '请选择两条不同的记录进行合并。',
        otherCountry: '“{{keep}}”和“{{remove}}”属于不同国家，不是同一地方。',
        jurisdiction: '“{{name}}”是本办辖区：请保留它，把另一条记录合并进来。',
        under: '“{{keep}}”位于“{{remove}}”之下：请把下级地方合并到上级地方。',
        duplicates:
          '合并后将有{{count}}对关系重复（{{pairs}}）。请先删除每对中的一条；未做任何合并。',
        partnerDuplicate: '该国已有名为“{{name}}”的外方城市。',
      },
    },
  },
});
