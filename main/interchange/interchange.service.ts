import { listLetters } from '../../db/letters.repository';
import { listSteps } from '../../db/steps.repository';
import { listTies } from '../../db/ties.repository';
import { tiesChannels } from '../../shared/ipc/ties';
import { visitsChannels } from '../../shared/ipc/visits';
import { listVisits } from '../../db/visits.repository';
import { dayOf } from '../../shared/dates';
import type { SheetKind } from '../../shared/interchange';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { ExportedFile, ImportProgress, ImportSummary } from '../../shared/ipc/interchange';
import type { CallContext } from '../core/context';
import { AppError } from '../core/errors';
import type { ServiceDeps } from '../core/transaction';
import {
  csvBytes,
  exportedFile,
  gridTable,
  registryTables,
  workbookBytes,
  type Headings,
  type Table,
} from './export';
import type { ImportOptions } from './import';
import { jobsOf } from '../jobs/runner';
import { createUploads } from './uploads';

const GRID_SHEET: Record<ParsedInputOf<'export:grid'>['grid'], SheetKind> = {
  ties: 'ties',
  letters: 'letters',
  steps: 'steps',
  visits: 'visits',
};

function tiesOrVisitsQuery(
  grid: 'ties' | 'visits',
  view: NonNullable<ParsedInputOf<'export:grid'>['view']>,
) {
  const schema =
    grid === 'ties' ? tiesChannels['ties:list'].input : visitsChannels['visits:list'].input;
  return schema.safeParse({ ...view, offset: 0, limit: 500_000 });
}

/** Only the options a read of the file takes: what crosses to a worker is plain data, no more. */
function readOptions(input: Omit<ImportOptions, 'dryRun'>): Omit<ImportOptions, 'dryRun'> {
  return {
    ...(input.sheet !== undefined ? { sheet: input.sheet } : {}),
    ...(input.encoding !== undefined ? { encoding: input.encoding } : {}),
    ...(input.sheets !== undefined ? { sheets: input.sheets } : {}),
  };
}

/** Only the options an import reads. */
function importOptions(input: ImportOptions): ImportOptions {
  return { dryRun: input.dryRun, ...readOptions(input) };
}

export function createInterchangeService(deps: ServiceDeps) {
  const uploads = createUploads();
  const progress = new Map<string, ImportProgress>();
  const running = new Set<string>();
  const today = () => dayOf(deps.clock.now());

  async function rowsOf(grid: ParsedInputOf<'export:grid'>['grid']) {
    switch (grid) {
      case 'ties':
        return (
          await listTies(deps.db, {
            sort: [],
            quick: '',
            filter: {},
            deleted: false,
            offset: 0,
            limit: 10_000_000,
          })
        ).rows;
      case 'letters':
        return listLetters(deps.db, { deleted: false });
      case 'steps':
        return listSteps(deps.db, { waiting: false, deleted: false }, today());
      case 'visits':
        return (
          await listVisits(deps.db, {
            sort: [],
            filter: {},
            quick: '',
            deleted: false,
            offset: 0,
            limit: 10_000_000,
          })
        ).rows;
    }
  }

  return {
    async upload(input: ParsedInputOf<'import:upload'>): Promise<{ fileId: string }> {
      const bytes = Buffer.from(input.base64, 'base64');
      return { fileId: await uploads.save(input.name, bytes) };
    },

    async pick(
      _input: unknown,
      ctx: CallContext,
    ): Promise<{ fileId: string; name: string } | null> {
      const pickFile = deps.platform.pickFile;
      if (!pickFile)
        throw new AppError('unavailable', 'errors.unavailable', { what: 'import:pick' });
      const file = await pickFile({
        title: ctx.lang === 'zh' ? '导入表格' : 'Import a spreadsheet',
        filters: [
          {
            name: ctx.lang === 'zh' ? '表格' : 'Spreadsheets',
            extensions: ['xlsx', 'xls', 'ods', 'csv', 'txt'],
          },
          { name: ctx.lang === 'zh' ? '所有文件' : 'All files', extensions: ['*'] },
        ],
      });
      return file === null ? null : uploads.adopt(file);
    },

    async preview(input: ParsedInputOf<'import:preview'>, ctx: CallContext) {
      const upload = uploads.get(input.fileId);
      // A job too: reading a large workbook holds a thread for seconds (a worker's, not the host's).
      const { fileId, ...options } = input;
      return jobsOf(deps).run(
        {
          kind: 'preview',
          fileId,
          file: upload.file,
          name: upload.name,
          options: readOptions(options),
        },
        ctx,
      );
    },

    async run(input: ParsedInputOf<'import:run'>, ctx: CallContext): Promise<ImportSummary> {
      const upload = uploads.get(input.fileId);
      if (running.has(input.fileId)) throw new AppError('busy', 'errors.busy', {});
      running.add(input.fileId);
      try {
        // A job (main/jobs): in a worker where the host has one, its progress relayed here.
        return await jobsOf(deps).run(
          { kind: 'import', file: upload.file, name: upload.name, options: importOptions(input) },
          ctx,
          (p) => progress.set(input.fileId, p),
        );
      } finally {
        running.delete(input.fileId);
        // However the import ends (done, refused, failed), its uploaded copy of an office's
        // sheet does not stay behind in the temporary folder; a dry run keeps it for the run.
        if (!input.dryRun) await uploads.remove(input.fileId);
      }
    },

    async progress(input: ParsedInputOf<'import:progress'>): Promise<ImportProgress> {
      return progress.get(input.fileId) ?? { phase: 'idle', fraction: 0, rows: 0 };
    },

    /** The CLI's import: a file on disk, no upload. */
    importFile(file: string, options: ImportOptions, ctx: CallContext): Promise<ImportSummary> {
      const name = file.split(/[\\/]/).at(-1) ?? file;
      return jobsOf(deps).run({ kind: 'import', file, name, options: importOptions(options) }, ctx);
    },

    async exportGrid(input: ParsedInputOf<'export:grid'>): Promise<ExportedFile> {
      const sheet = GRID_SHEET[input.grid];
      let visible: Record<string, unknown>[];
      if (input.view && (input.grid === 'ties' || input.grid === 'visits')) {
        // The grid's own query, answered as the grid pages it: the same rows, in its order.
        const query = tiesOrVisitsQuery(input.grid, input.view);
        if (!query.success) throw new AppError('validation', 'errors.validation.invalid', {});
        const page =
          input.grid === 'ties'
            ? await listTies(deps.db, query.data as never)
            : await listVisits(deps.db, query.data as never);
        visible = page.rows as unknown as Record<string, unknown>[];
      } else {
        const rows = (await rowsOf(input.grid)) as unknown as Record<string, unknown>[];
        const byId = new Map(rows.map((r) => [String(r.id), r]));
        visible = input.ids
          .map((id) => byId.get(id))
          .filter((r): r is Record<string, unknown> => r !== undefined);
      }
      const table = gridTable(sheet, input.columns, visible, input.lang);
      const bytes = input.format === 'csv' ? csvBytes(table) : workbookBytes([table]);
      return exportedFile(`youcheng-${input.grid}`, input.format, today(), bytes);
    },

    async registryTables(headings: Headings = 'canonical'): Promise<Table[]> {
      return registryTables(deps.db, today(), headings);
    },

    async exportRegistry(
      input: ParsedInputOf<'export:registry'>,
      ctx: CallContext,
    ): Promise<ExportedFile> {
      return jobsOf(deps).run(
        { kind: 'exportRegistry', today: today(), headings: input.headings },
        ctx,
      );
    },
  };
}

export type InterchangeService = ReturnType<typeof createInterchangeService>;
