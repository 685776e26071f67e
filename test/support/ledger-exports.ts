/**
 * Writes the exports that test/fixtures/ledgers/make.py has LibreOffice open and save again:
 * the registry workbook in the interchange format and with Chinese office headings, and the
 * ties CSV, all from `resaveSample()`. make.py bundles and runs this (`node … OUTDIR`); the
 * exports themselves are committed beside the resaved files, which the tests compare them to.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { csvBytes, workbookBytes } from '../../main/interchange/export';
import { resaveSample } from './export-sample';

const out = process.argv[2];
if (!out) throw new Error('usage: node ledger-exports.mjs OUTDIR');
const registry = await resaveSample();
const interchange = registry.services.interchange;
const canonical = await interchange.registryTables('canonical');
writeFileSync(path.join(out, 'registry.xlsx'), workbookBytes(canonical));
writeFileSync(
  path.join(out, 'registry-zh.xlsx'),
  workbookBytes(await interchange.registryTables('zh')),
);
writeFileSync(path.join(out, 'ties.csv'), csvBytes(canonical.find((t) => t.kind === 'ties')!));
await registry.close();
