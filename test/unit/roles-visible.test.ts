import { describe, expect, it } from 'vitest';
import { registryName } from '../../main/registry';
import { COMMAND_NEEDS, PAGE_COMMANDS } from '../../shared/commands';
import { ACTIONS, can, type Role } from '../../shared/staff';

/** What the sign-in screen names, and which menu commands a role is offered (issue 23). */
describe('the registry as the sign-in screen names it', () => {
  it.each([
    ['/home/li/友城/registry.db', 'registry.db'],
    ['postgres://fao@db.office.local:5432/youcheng', 'youcheng @ db.office.local'],
    ['postgresql://fao:secret@10.0.0.7/%E5%8F%8B%E5%9F%8E', '友城 @ 10.0.0.7'],
    ['postgres://localhost', 'postgres @ localhost'],
  ])('%s → %s, never a password', (file, shown) => {
    expect(registryName(file)).toBe(shown);
    expect(registryName(file)).not.toContain('secret');
  });
});

describe('menu commands by role', () => {
  it('name only page commands and actions of the table', () => {
    for (const [command, action] of Object.entries(COMMAND_NEEDS)) {
      expect(PAGE_COMMANDS).toContain(command);
      expect(Object.keys(ACTIONS)).toContain(action);
    }
  });

  it('offer a viewer no write, an editor no registry switch in the browser, an approver all', () => {
    const offered = (role: Role) =>
      PAGE_COMMANDS.filter((c) => {
        const needs = COMMAND_NEEDS[c];
        return needs === undefined || can(role, needs);
      });
    for (const write of ['import', 'backup', 'undo', 'redo', 'fillDown', 'registry:open'])
      expect(offered('viewer')).not.toContain(write);
    expect(offered('viewer')).toEqual(expect.arrayContaining(['export', 'print', 'find']));
    expect(offered('editor')).toEqual(expect.arrayContaining(['import', 'undo', 'fillDown']));
    expect(offered('editor')).not.toContain('registry:new');
    expect(offered('approver')).toEqual([...PAGE_COMMANDS]);
  });
});
