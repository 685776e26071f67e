import { defineStrings } from './define';

/**
 * Backups, recovery of a damaged registry and storage failures: what the user reads when the
 * file, the disk or a restore is in question.
 */
export const safetyStrings = defineStrings({
  en: {
    backups: {
      title: 'Backups',
      intro:
        'Youcheng copies the registry each day it is opened and before every upgrade of its format, and keeps the last 7 days and one a week for 4 weeks before them.',
      folder: 'Kept in {{folder}}',
      empty: 'There are no backups yet.',
      backUpNow: 'Back up now',
      working: 'Working…',
      taken: 'Backup taken: {{name}}.',
      when: 'Taken',
      why: 'Why',
      size: 'Size',
      actions: 'Actions',
      restore: 'Restore…',
      restoreTitle: 'Restore this backup?',
      restoreConfirm:
        'The registry will be replaced by the backup taken {{when}}. Changes made since then will no longer show. The registry as it is now is backed up first, so you can go back to it.',
      restoreAction: 'Restore',
      restored:
        'The registry was restored from the backup taken {{when}}. The registry as it was before is kept as {{safety}}.',
      reload: 'Show the restored registry',
      reasons: {
        auto: 'Daily',
        manual: 'By hand',
        'pre-migration': 'Before an upgrade',
        'pre-restore': 'Before a restore',
      },
      notFound: 'There is no backup named “{{name}}”.',
      refused: {
        missing: 'There is no file at {{file}}.',
        cannot_open: '{{file}} cannot be opened: {{detail}}',
        not_a_registry: '{{file}} is not a Youcheng registry, so it was not restored.',
        integrity: '{{file}} is damaged ({{detail}}), so it was not restored.',
        newer_schema:
          '{{file}} was written by a newer version of Youcheng, so this version cannot restore it.',
      },
      cliDone: 'Backed up {{file}} to {{out}}.',
      cliRestored: 'Restored {{file}} from {{from}}.',
      cliSafety: 'The registry as it was is kept in {{safety}}.',
      cliDamaged: 'The damaged file is kept as {{copy}}.',
      cliExists: '{{out}} already exists; choose another name (nothing was written).',
      cliNoRegistry: 'There is no registry at {{file}}.',
      onServer:
        'This registry lives on a PostgreSQL server: its backups are the server’s job (pg_dump, run by whoever looks after the server), not the app’s.',
    },
    recovery: {
      title: 'The registry is damaged',
      integrity:
        'The registry {{file}} failed its integrity check ({{detail}}). Nothing has been changed in it.',
      newest: 'The newest good backup was taken {{at}}: {{backup}}',
      integrityBackup:
        'The registry {{file}} failed its integrity check ({{detail}}). Nothing has been changed in it. The newest good backup was taken {{at}}: {{backup}}. Restore it with: youcheng restore --db "{{file}}" --from "{{backup}}"',
      command: 'Restore it with: youcheng restore --db "{{file}}" --from "{{backup}}"',
      offer:
        'Youcheng can restore the newest good backup, taken {{at}}. The damaged file is kept beside the registry.',
      none: 'There is no good backup of it in {{folder}}.',
      emptyFile: 'the file is empty (0 bytes), though backups of it exist',
      foreign:
        '{{file}} is a database of another program (its tables: {{tables}}), not a Youcheng registry. It was not opened, and nothing was added to it.',
      restoreNewest: 'Restore the backup of {{at}}',
      quit: 'Quit',
      restoreFailed: 'The backup could not be restored: {{message}}',
      newerSchema:
        'The registry {{file}} was written by a newer version of Youcheng ({{migrations}}). Open it with that version, or restore a backup made by this one.',
      backupFailed:
        'The registry {{file}} needs an upgrade of its format, and the backup taken before every upgrade could not be written ({{detail}}). Nothing was changed; free some space in {{folder}} and open it again.',
      dailyFailed:
        "Today's backup of the registry could not be written ({{detail}}). The registry is open and safe; free some space in {{folder}} so tomorrow's can be.",
    },
    moving: {
      done: 'Copied {{from}} into {{to}}: {{rows}} rows, the audit log and the undo history included.',
      notEmpty:
        '{{to}} already holds data ({{detail}}). youcheng migrate copies a registry only into an empty one; nothing was written.',
      same: 'The source and the target are the same registry; nothing was copied.',
      unstorable:
        'Row {{id}} of the table {{table}} holds a character {{to}} cannot store (a NUL, or half of a character pair) in {{column}}. Nothing was written; correct that value in the source registry and migrate again.',
      refused:
        '{{to}} refused rows {{rows}} of the table {{table}} ({{detail}}). Nothing was written.',
    },
    storage: {
      full: 'The registry could not be saved: the disk is full, or the registry reached its size limit. Nothing was changed; free some space and try again.',
      readonly: 'The registry could not be saved: the file is read-only. Nothing was changed.',
      io: 'The registry could not be saved: the disk reported an error. Nothing was changed.',
      server:
        'The registry’s server could not be reached or stopped ({{sqlite}}). Nothing was changed; try again, or ask whoever looks after the server.',
    },
  },
  zh: {
    backups: {
      title: '备份',
      intro:
        '友城在每天首次打开登记簿时以及每次升级数据格式之前自动备份，保留最近 7 天的每日备份，以及此前 4 周的每周备份。',
      folder: '备份位置：{{folder}}',
      empty: '尚无备份。',
      backUpNow: '立即备份',
      working: '正在处理…',
      taken: '已完成备份：{{name}}。',
      when: '备份时间',
      why: '原因',
      size: '大小',
      actions: '操作',
      restore: '恢复…',
      restoreTitle: '恢复此备份？',
      restoreConfirm:
        '登记簿将被替换为 {{when}} 的备份，此后所做的修改将不再显示。恢复前会先备份当前的登记簿，可随时恢复回来。',
      restoreAction: '恢复',
      restored: '已从 {{when}} 的备份恢复登记簿。恢复前的登记簿已另存为 {{safety}}。',
      reload: '显示恢复后的登记簿',
      reasons: {
        auto: '每日',
        manual: '手动',
        'pre-migration': '升级前',
        'pre-restore': '恢复前',
      },
      notFound: '没有名为“{{name}}”的备份。',
      refused: {
        missing: '{{file}} 不存在。',
        cannot_open: '无法打开 {{file}}：{{detail}}',
        not_a_registry: '{{file}} 不是友城登记簿，未予恢复。',
        integrity: '{{file}} 已损坏（{{detail}}），未予恢复。',
        newer_schema: '{{file}} 由更新版本的友城写入，当前版本无法恢复。',
      },
      cliDone: '已将 {{file}} 备份到 {{out}}。',
      cliRestored: '已从 {{from}} 恢复 {{file}}。',
      cliSafety: '恢复前的登记簿保存在 {{safety}}。',
      cliDamaged: '损坏的文件另存为 {{copy}}。',
      cliExists: '{{out}} 已存在，请换一个文件名（未写入任何内容）。',
      cliNoRegistry: '{{file}} 处没有登记簿。',
      onServer:
        '此登记簿存放在 PostgreSQL 服务器上：其备份由服务器负责（由服务器管理员用 pg_dump 备份），不由本应用备份。',
    },
    recovery: {
      title: '登记簿已损坏',
      integrity: '登记簿 {{file}} 未通过完整性检查（{{detail}}），其中的数据未做任何更改。',
      newest: '最新的完好备份是 {{at}} 的备份：{{backup}}',
      integrityBackup:
        '登记簿 {{file}} 未通过完整性检查（{{detail}}），其中的数据未做任何更改。最新的完好备份是 {{at}} 的备份：{{backup}}。恢复命令：youcheng restore --db "{{file}}" --from "{{backup}}"',
      command: '恢复命令：youcheng restore --db "{{file}}" --from "{{backup}}"',
      offer: '友城可以恢复最新的完好备份（{{at}}）。损坏的文件会另存在登记簿旁边。',
      none: '{{folder}} 中没有它的完好备份。',
      emptyFile: '文件为空（0 字节），而它有备份',
      foreign:
        '{{file}} 是其他程序的数据库（其表：{{tables}}），不是友城登记簿。未打开它，也未向其中添加任何内容。',
      restoreNewest: '恢复 {{at}} 的备份',
      quit: '退出',
      restoreFailed: '无法恢复备份：{{message}}',
      newerSchema:
        '登记簿 {{file}} 由更新版本的友城写入（{{migrations}}）。请用该版本打开，或恢复由当前版本生成的备份。',
      backupFailed:
        '登记簿 {{file}} 需要升级数据格式，但升级前的备份无法写入（{{detail}}）。未做任何更改；请在 {{folder}} 中释放空间后重新打开。',
      dailyFailed:
        '今天的登记簿备份未能写入（{{detail}}）。登记簿已正常打开，数据安全；请在 {{folder}} 中释放空间，以便下次备份。',
    },
    moving: {
      done: '已将 {{from}} 复制到 {{to}}：共 {{rows}} 行，含审计日志和撤销历史。',
      notEmpty:
        '{{to}} 中已有数据（{{detail}}）。youcheng migrate 只能复制到空登记簿中；未写入任何内容。',
      same: '源登记簿与目标登记簿相同；未复制任何内容。',
      unstorable:
        '表 {{table}} 的第 {{id}} 行在 {{column}} 中含有 {{to}} 无法保存的字符（NUL 字符或不完整的字符对）。未写入任何内容；请在源登记簿中更正该值后再迁移。',
      refused: '{{to}} 拒绝了表 {{table}} 的第 {{rows}} 行（{{detail}}）。未写入任何内容。',
    },
    storage: {
      full: '无法保存：磁盘已满，或登记簿已达到容量上限。未做任何更改；请释放空间后重试。',
      readonly: '无法保存：登记簿文件为只读。未做任何更改。',
      io: '无法保存：磁盘报告读写错误。未做任何更改。',
      server:
        '无法连接登记簿服务器，或服务器已停止（{{sqlite}}）。未做任何更改；请重试，或联系服务器管理员。',
    },
  },
});
