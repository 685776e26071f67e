import type { AppInfo } from '../../shared/ipc/reference';
import type { LetterRow, StepRow, TieRow, VisitRow } from '../../shared/model';
import { bulkNamed } from '../grid/grid.service';
import { letterNamed } from '../letters/letters.write';
import { stepNamed } from '../steps/steps.write';
import { tieNamed } from '../ties/ties.write';
import { visitNamed } from '../visits/visits.write';
import type { Handlers } from './door';
import type { Services } from './services';
import { undoable, writer, type Command, type ServiceDeps } from './transaction';

/** A command of one record's scope, named in the undo list as the saved record. */
const named =
  <R>(scope: string, name: (row: R) => string) =>
  <I>(label: string): Command<I, R> => ({
    scope,
    label,
    params: (_input, row) => ({ target: name(row) }),
  });
const tieCommand = named<TieRow>('ties', tieNamed);
const letterCommand = named<LetterRow>('letters', letterNamed);
const stepCommand = named<StepRow>('steps', stepNamed);
const visitCommand = named<VisitRow>('visits', visitNamed);

/**
 * Binds each channel of the contract to its service call. A write is registered here as its
 * block wrapped once: `write` opens the transaction and its env, `undoable` names the command
 * that undo replays (Actual's `mutator(undoable(fn))`). The few that open their own say why.
 */
export function createHandlers(
  deps: ServiceDeps,
  services: Services,
  info: () => Promise<AppInfo>,
): Handlers {
  const write = writer(deps);
  const {
    ties,
    letters,
    steps,
    visits,
    workflow,
    undo,
    grid,
    interchange,
    backups,
    reports,
    reference,
    settings,
    staff,
    changes,
    registries,
  } = services;
  return {
    // The actor as this client is known: the signed-in staff member in a shared registry.
    'app:info': async (_input, ctx) => ({ ...(await info()), actor: ctx.actor }),
    'localities:list': () => reference.localities(),
    'localities:create': write(
      undoable(reference.createLocalityIn, {
        scope: 'settings',
        label: 'undo.create',
        params: (input) => ({ target: input.name }),
      }),
    ),
    // Renamed, re-levelled and re-parented on the Places screen, whose Undo is this scope.
    'localities:update': write(
      undoable(reference.updateLocalityIn, {
        scope: 'places',
        label: 'undo.update',
        params: (input) => ({ target: input.id }),
      }),
    ),
    'partners:list': (input) => reference.partners(input),
    'countries:list': () => reference.countries(),
    'places:directory': (input) => reference.directory(input),
    'places:overview': () => reference.overview(),
    'partners:update': write(
      undoable(reference.updatePartnerIn, {
        scope: 'places',
        label: 'undo.update',
        params: (input) => ({ target: input.id }),
      }),
    ),
    'places:mergePlan': (input) => reference.mergePlan(input),
    'places:merge': write(
      undoable(reference.mergeIn, {
        scope: 'places',
        label: 'places.undo_merge',
        before: reference.mergeNamed,
      }),
    ),
    'settings:get': () => settings.get(),
    'settings:update': write(
      undoable(settings.updateIn, {
        scope: 'settings',
        label: 'undo.settings',
        params: (input) => ({ keys: Object.keys(input.patch) }),
      }),
    ),
    'audit:list': (input) => reference.audit(input),
    'backups:list': () => backups.list(),
    'backups:create': (_input, ctx) => backups.create(ctx),
    // Replaces the file itself; it records the restore in the restored registry afterwards.
    'backups:restore': (input, ctx) => backups.restore(input, ctx),
    'ties:list': (input) => ties.list(input),
    'ties:get': (input) => ties.get(input),
    'ties:events': (input) => ties.events(input),
    'ties:create': write(undoable(ties.createIn, tieCommand('undo.create'))),
    'ties:update': write(
      undoable(ties.updateIn, {
        scope: 'ties',
        label: 'undo.update',
        params: (input, row) => ({ target: tieNamed(row), columns: Object.keys(input.patch) }),
      }),
    ),
    'ties:delete': write(undoable(ties.setDeletedIn(true), tieCommand('undo.delete'))),
    'ties:restore': write(undoable(ties.setDeletedIn(false), tieCommand('undo.restore'))),
    'letters:list': (input) => letters.list(input),
    'letters:get': (input) => letters.get(input),
    'letters:create': write(undoable(letters.createIn, letterCommand('undo.create'))),
    'letters:update': write(
      undoable(letters.updateIn, {
        scope: 'letters',
        label: 'undo.update',
        params: (input, row) => ({ target: letterNamed(row), columns: Object.keys(input.patch) }),
      }),
    ),
    'letters:delete': write(undoable(letters.setDeletedIn(true), letterCommand('undo.delete'))),
    'letters:restore': write(undoable(letters.setDeletedIn(false), letterCommand('undo.restore'))),
    'letters:attach': write(
      undoable(letters.attachUploadIn, {
        scope: 'letters',
        label: 'undo.attach',
        params: (input) => ({ target: input.name }),
      }),
    ),
    // Opens its own transaction once the user has picked the file (no dialog inside one).
    'letters:attachPick': (input, ctx) => letters.attachPick(input, ctx),
    'letters:detach': write(undoable(letters.detachIn, { scope: 'letters', label: 'undo.detach' })),
    'letters:scan': (input) => letters.scan(input),
    'letters:openScan': (input) => letters.openScan(input),
    'steps:list': (input) => steps.list(input),
    'steps:get': (input) => steps.get(input),
    'steps:create': write(undoable(steps.createIn, stepCommand('undo.create'))),
    'steps:update': write(
      undoable(steps.updateIn, {
        scope: 'steps',
        label: 'undo.update',
        params: (input, row) => ({ target: stepNamed(row), columns: Object.keys(input.patch) }),
      }),
    ),
    'steps:delete': write(undoable(steps.setDeletedIn(true), stepCommand('undo.delete'))),
    'steps:restore': write(undoable(steps.setDeletedIn(false), stepCommand('undo.restore'))),
    'visits:list': (input) => visits.list(input),
    'visits:get': (input) => visits.get(input),
    'visits:create': write(undoable(visits.createIn, visitCommand('undo.create'))),
    'visits:update': write(
      undoable(visits.updateIn, {
        scope: 'visits',
        label: 'undo.update',
        params: (input, row) => ({ target: visitNamed(row), columns: Object.keys(input.patch) }),
      }),
    ),
    'visits:delete': write(undoable(visits.setDeletedIn(true), visitCommand('undo.delete'))),
    'visits:restore': write(undoable(visits.setDeletedIn(false), visitCommand('undo.restore'))),
    'workflow:options': (input) => workflow.options(input),
    'workflow:advance': write(
      undoable(workflow.advanceTieIn, {
        scope: 'ties',
        label: 'undo.advance',
        params: (input, row) => ({ target: tieNamed(row), stage: input.to }),
      }),
    ),
    'workflow:submit': write(undoable(workflow.submitIn, tieCommand('undo.submit'))),
    'workflow:decide': write(
      undoable(workflow.decideStepIn, {
        scope: 'steps',
        label: 'undo.decide',
        params: (input, row) => ({ target: stepNamed(row), outcome: input.outcome }),
      }),
    ),
    'workflow:upgrade': write(undoable(workflow.upgradeIn, tieCommand('undo.upgrade'))),
    'chains:get': () => workflow.chains(),
    'chains:set': write(
      undoable(workflow.setChainIn, {
        scope: 'settings',
        label: 'undo.chain',
        params: (input) => ({ level: input.level }),
      }),
    ),
    'followups:list': (input) => workflow.followUps(input.limit),
    // Set-aside marks are not undone with Ctrl+Z: a transaction and audit, no command.
    'followups:mark': write(workflow.markFollowUpIn),
    'followups:unmark': write(workflow.unmarkFollowUpIn),
    'ties:anniversaries': (input) => workflow.anniversaries(input),
    'undo:list': (input, ctx) => undo.list(input, ctx),
    // Undo and redo open their own transaction: they replay a command, logging none.
    'undo:undo': (input, ctx) => undo.undo(input, ctx),
    'undo:redo': (input, ctx) => undo.redo(input, ctx),
    'grid:paste': write(
      undoable(grid.pasteIn, {
        scope: (input) => input.grid,
        // A row typed into the blank row is named as the record it added.
        label: (input) => (input.from === 'blankRow' ? 'undo.create' : 'undo.paste'),
        params: (_input, result) =>
          result.added === undefined ? { count: result.cells } : { target: result.added },
      }),
    ),
    'grid:bulk': write(
      undoable(grid.bulkIn, {
        scope: (input) => input.grid,
        label: (input) => bulkNamed(input).label,
        params: (input) => bulkNamed(input).params,
      }),
    ),
    'grid:delete': write(
      undoable(grid.setDeletedIn, {
        scope: (input) => input.grid,
        // One row is named as a single delete or restore names it; more are counted.
        label: (input) =>
          input.rows.length === 1
            ? input.deleted
              ? 'undo.delete'
              : 'undo.restore'
            : input.deleted
              ? 'undo.deleteMany'
              : 'undo.restoreMany',
        before: grid.deletedNamed,
      }),
    ),
    'views:list': (input) => grid.views(input),
    // A saved view is the user's layout, not the registry's data: no command to undo.
    'views:save': write(grid.saveViewIn),
    'views:delete': write(grid.deleteViewIn),
    'import:upload': (input) => interchange.upload(input),
    'import:pick': (input, ctx) => interchange.pick(input, ctx),
    'import:preview': (input, ctx) => interchange.preview(input, ctx),
    // Its own transaction and command: an import may take a careful second pass.
    'import:run': (input, ctx) => interchange.run(input, ctx),
    'import:progress': (input) => interchange.progress(input),
    'export:grid': (input) => interchange.exportGrid(input),
    'export:registry': (_input, ctx) => interchange.exportRegistry(ctx),
    'reports:annual': (input, ctx) => reports.annual(input, ctx),
    'reports:html': (input, ctx) => reports.html(input, ctx),
    'reports:pdf': (input, ctx) => reports.pdf(input, ctx),
    'reports:print': (input, ctx) => reports.print(input, ctx),
    'reports:save': (input, ctx) => reports.save(input, ctx),
    // Sign-in writes only a refusal, in its own transaction, as the client that tried.
    'auth:signIn': (input, ctx) => staff.signIn(input, ctx),
    'auth:signOut': (_input, ctx) => staff.signOut(ctx),
    'auth:whoami': (_input, ctx) => staff.whoami(ctx),
    'staff:list': () => staff.list(),
    // Both hash the password before their own transaction, outside the write lock.
    'staff:create': (input, ctx) => staff.create(input, ctx),
    'staff:setPassword': (input, ctx) => staff.setPassword(input, ctx),
    // Staff changes are audited but not undoable: no command.
    'staff:update': write(staff.updateIn),
    'staff:unlock': write(staff.unlockIn),
    'changes:since': (input) => changes.since(input),
    'registries:current': async () => registries.current(),
    'registries:open': (input, ctx) => registries.open(input, ctx),
    'registries:pick': (input, ctx) => registries.pick(input, ctx),
    'registries:forget': (input) => registries.forget(input),
    'registries:sample': (input, ctx) => registries.sample(input, ctx),
  };
}
