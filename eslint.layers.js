// The layering of ../shared/style.md as lint rules: the folder decides what a file may import.
// Kept apart from eslint.config.js so a test can lint probe files against exactly these rules.
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];
const database = ['better-sqlite3', 'kysely', 'kysely/*', 'pg', 'pg-*'];
const reactish = ['react', 'react-dom', 'react-dom/*', 'react-i18next', 'ag-grid-*'];
/** Packages main alone may load: their data would swell the renderer bundle (OpenCC's dictionaries). */
const mainOnly = ['opencc-js', 'opencc-js/*'];

const folder = (name) => [`**/${name}/**`, `../${name}`, `../../${name}`, `./${name}`];
const forbid = (message, ...groups) => ({ group: groups.flat(), message });

const noSql = (where) => [
  {
    selector:
      'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|replaceInto|mergeInto|updateTable|deleteFrom|prepare)$/]',
    message: `SQL lives in db/ only: ${where} calls a repository function instead of the query builder.`,
  },
  {
    selector: "TaggedTemplateExpression[tag.name='sql'], CallExpression[callee.object.name='sql']",
    message: `SQL lives in db/ only: ${where} calls a repository function instead of raw sql.`,
  },
];

export const layers = [
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            forbid('shared/ runs anywhere: no Node built-ins.', nodeBuiltins),
            forbid('shared/ runs anywhere: no database.', database),
            forbid('shared/ runs anywhere: no React or grid.', reactish),
            forbid('opencc-js is main-only: main passes its fold to shared/ rules.', mainOnly),
            forbid(
              'shared/ imports only shared/.',
              folder('db'),
              folder('main'),
              folder('renderer'),
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            forbid('db/ is below main/: it may not import it.', folder('main')),
            forbid('db/ is Node only: no renderer.', folder('renderer'), reactish),
          ],
        },
      ],
    },
  },
  {
    files: ['db/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            forbid('Migrations are frozen in time: they import no app code.', ['../*', '../../*']),
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Only main/electron/ imports 'electron'." }],
          patterns: [
            forbid('main/ never imports the renderer.', folder('renderer'), reactish),
            forbid('Only main/electron/ imports electron.', ['electron/*']),
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid('main/electron/ never imports the renderer.', folder('renderer'), reactish),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            forbid('The renderer has no Node access.', nodeBuiltins),
            forbid(
              'The renderer talks to main through the contract only.',
              database,
              folder('db'),
              folder('main'),
            ),
            forbid('opencc-js is main-only: its dictionaries stay out of the renderer.', mainOnly),
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noSql('main/')] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...noSql('the renderer')] },
  },
];
