import { defineStrings } from './define';

/**
 * Long jobs (an import, the whole-registry export, a restore) running beside the app: what a
 * write hears while one holds the registry, and a job that could not finish.
 */
export const jobsStrings = defineStrings({
  en: {
    jobs: {
      running: {
        import:
          'An import is running (started by {{actor}} at {{time}}): the registry takes no changes until it ends. Try again when it has finished; viewing works as usual.',
        importAnonymous:
          'An import is running (started at {{time}}): the registry takes no changes until it ends. Try again when it has finished; viewing works as usual.',
        restore:
          'A backup is being restored (started by {{actor}} at {{time}}): the registry takes no changes until it ends. Try again when it has finished.',
        restoreAnonymous:
          'A backup is being restored (started at {{time}}): the registry takes no changes until it ends. Try again when it has finished.',
      },
      stopped: 'The job was stopped because the registry was closed; it changed nothing.',
    },
  },
  zh: {
    jobs: {
      running: {
        import:
          '正在导入（{{actor}} 于 {{time}} 开始）：导入结束前登记簿不能修改，请在导入完成后重试；查看不受影响。',
        importAnonymous:
          '正在导入（{{time}} 开始）：导入结束前登记簿不能修改，请在导入完成后重试；查看不受影响。',
        restore:
          '正在恢复备份（{{actor}} 于 {{time}} 开始）：恢复结束前登记簿不能修改，请在完成后重试。',
        restoreAnonymous:
          '正在恢复备份（{{time}} 开始）：恢复结束前登记簿不能修改，请在完成后重试。',
      },
      stopped: '登记簿已关闭，任务随之停止，未作任何更改。',
    },
  },
});
