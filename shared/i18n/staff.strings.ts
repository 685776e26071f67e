import { defineStrings } from './define';

/** Shared mode: signing in, staff and their roles, and the live refresh of open grids. */
export const staffStrings = defineStrings({
  en: {
    auth: {
      title: 'Sign in',
      intro: 'This registry is shared by several staff. Sign in with your name and password.',
      name: 'Name',
      password: 'Password',
      signIn: 'Sign in',
      signingIn: 'Signing in…',
      signOut: 'Sign out',
      signedInAs: '{{name}} · {{role}}',
      signInNeeded: 'Sign in first: this registry is shared, and every change is recorded by name.',
      wrongPassword: 'That name and password do not match an active staff account.',
      tooMany:
        'Too many failed sign-ins for this name or from this window: try again in {{seconds}} s.',
      locked:
        'This account is locked after too many failed sign-ins. Ask an Approver to unlock it in Settings → Staff.',
      notShared: 'This registry has no staff accounts, so nobody needs to sign in.',
      switchedBy:
        'You were signed out: {{by}} switched the app from {{from}} to another registry. Sign in to this one.',
      switched:
        'You were signed out: the app was switched from {{from}} to another registry. Sign in to this one.',
      wrongOldPassword: 'That is not your current password.',
      changePassword: 'Change password…',
      changeTitle: 'Change your password',
      oldPassword: 'Current password',
      newPassword: 'New password',
      confirmPassword: 'New password again',
      passwordChanged: 'Your password was changed.',
      office: 'Office',
      officeUnnamed: 'not named yet',
      registry: 'Registry',
      openRegistry: 'Open another registry…',
      openHere:
        'In the browser the registry is switched by an Approver after signing in, because it switches it for every tab.',
      readOnly: 'Signed in as a Viewer: you can read everything here, and change nothing.',
      cliSignIn:
        'This registry has staff accounts: name yourself with --user NAME and give your password in the environment variable YOUCHENG_PASSWORD.',
      needs: {
        viewer: 'This needs a staff account: sign in first.',
        editor:
          'This needs the role Editor (or Approver); {{name}} is signed in as $t(staff.roles.{{role}}), who can only view.',
        approver:
          'This needs the role Approver; {{name}} is signed in as $t(staff.roles.{{role}}).',
      },
    },
    staff: {
      title: 'Staff',
      intro:
        'Once the registry has a staff account, everyone signs in and the audit log names them. Viewers read; editors also change records; approvers also decide approval steps, manage staff, the approval chains, restores and which registry the app has open.',
      firstIntro:
        'No staff accounts yet: the registry is used by one person. The first account you add is an Approver, and you are signed in as it.',
      name: 'Name',
      role: 'Role',
      active: 'Active',
      password: 'Password',
      newPassword: 'New password',
      confirmPassword: 'Password again',
      add: 'Add staff',
      setPassword: 'Set password',
      locked: 'Locked',
      unlock: 'Unlock',
      unlocked: '{{name}} was unlocked and can sign in again.',
      save: 'Save',
      added: '{{name}} was added.',
      saved: 'Saved.',
      passwordSet: 'The password of {{name}} was changed.',
      you: '(you)',
      roles: { viewer: 'Viewer', editor: 'Editor', approver: 'Approver' },
      errors: {
        duplicate: 'There is already a staff member named “{{name}}”.',
        lastApprover:
          '{{name}} is the last active Approver: nobody could manage staff any more. Make someone else an Approver first.',
      },
    },
    live: {
      updated: 'Updated by another user.',
    },
  },
  zh: {
    auth: {
      title: '登录',
      intro: '本登记库由多名工作人员共用。请输入姓名和密码登录。',
      name: '姓名',
      password: '密码',
      signIn: '登录',
      signingIn: '正在登录…',
      signOut: '退出登录',
      signedInAs: '{{name}} · {{role}}',
      signInNeeded: '请先登录：本登记库为多人共用，每项修改都按姓名记录。',
      wrongPassword: '姓名与密码不符，或该账户已停用。',
      tooMany: '该姓名或此窗口登录失败次数过多：请在 {{seconds}} 秒后重试。',
      locked: '登录失败次数过多，该账户已锁定。请审批人在“设置 → 工作人员”中解锁。',
      notShared: '本登记库没有工作人员账户，无需登录。',
      switchedBy:
        '您已退出登录：{{by}}将本应用从“{{from}}”切换到了另一个登记库。请登录当前登记库。',
      switched: '您已退出登录：本应用已从“{{from}}”切换到另一个登记库。请登录当前登记库。',
      wrongOldPassword: '当前密码不正确。',
      changePassword: '修改密码…',
      changeTitle: '修改您的密码',
      oldPassword: '当前密码',
      newPassword: '新密码',
      confirmPassword: '再次输入新密码',
      passwordChanged: '您的密码已修改。',
      office: '单位',
      officeUnnamed: '尚未命名',
      registry: '登记库',
      openRegistry: '打开其他登记库…',
      openHere: '在浏览器中，登记库由审批人登录后切换，因为切换会影响所有标签页。',
      readOnly: '您以“查看”角色登录：可以查看全部内容，但不能修改。',
      cliSignIn:
        '本登记库有工作人员账户：请用 --user 姓名 指明身份，并在环境变量 YOUCHENG_PASSWORD 中提供密码。',
      needs: {
        viewer: '此操作需要工作人员账户：请先登录。',
        editor:
          '此操作需要“编辑”（或“审批人”）角色；{{name}} 当前角色为“$t(staff.roles.{{role}})”，只能查看。',
        approver: '此操作需要“审批人”角色；{{name}} 当前角色为“$t(staff.roles.{{role}})”。',
      },
    },
    staff: {
      title: '工作人员',
      intro:
        '登记库一旦有工作人员账户，每个人都须登录，审计日志记录其姓名。“查看”只能阅读；“编辑”还可修改记录；“审批人”还可决定审批环节、管理工作人员、审批流程、恢复备份和切换登记库。',
      firstIntro:
        '尚无工作人员账户：登记库由一人使用。您添加的第一个账户为“审批人”，并以该账户登录。',
      name: '姓名',
      role: '角色',
      active: '启用',
      password: '密码',
      newPassword: '新密码',
      confirmPassword: '再次输入密码',
      add: '添加工作人员',
      setPassword: '设置密码',
      locked: '已锁定',
      unlock: '解锁',
      unlocked: '{{name}} 已解锁，可以重新登录。',
      save: '保存',
      added: '已添加 {{name}}。',
      saved: '已保存。',
      passwordSet: '{{name}} 的密码已更改。',
      you: '（您）',
      roles: { viewer: '查看', editor: '编辑', approver: '审批人' },
      errors: {
        duplicate: '已有名为“{{name}}”的工作人员。',
        lastApprover:
          '{{name}} 是最后一位启用的审批人：此后将无人能管理工作人员。请先指定另一位审批人。',
      },
    },
    live: {
      updated: '其他用户已更新。',
    },
  },
});
