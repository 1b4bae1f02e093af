// @ts-check
// The linter keeps the architecture honest (issue 12): type-checked TypeScript and Solid rules,
// plus the import boundaries below. `npm run lint` runs in .ci/run and must report nothing.
import js from '@eslint/js';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Tables that hold a person's data or tie a person to something. Only server/privacy/ reads or
// writes them (P-rules live there), so a new read path cannot skip the gate.
const personalDataTables = [
  'subjects',
  'subjectItems',
  'policeSubjectItems',
  'itemChanges',
  'itemDisclosures',
  'subjectSearchTokens',
  'subjectInformEvents',
  'agreementSubjects',
  'dsrSubjects',
  'auditSubjects',
];
const personalDataSql =
  /\b(subjects|subject_items|police_subject_items|item_changes|item_disclosures|subject_search_tokens|subject_inform_events|agreement_subjects|dsr_subjects|audit_subjects)\b/;

const schema = ['**/db/schema', '**/db/schema/index'];
// Any module of db/schema but the vocabularies (enums), which routers, the client and
// server/shared/ may import. A regex: a gitignore group cannot leave one file of a folder out.
const schemaTables = '(^|/)db/schema(/(?!enums$)[^/]+)?$';
const privacyBoundary = [
  {
    group: schema,
    importNames: personalDataTables,
    message: 'Personal-data tables are read and written in server/privacy/ only.',
  },
  {
    group: ['**/privacy/crypto'],
    importNames: ['encryptValue', 'decryptValue', 'keysFromMaster'],
    message: 'Encryption of personal data happens in server/privacy/ only.',
  },
];
// The same for raw SQL: drizzle's sql`` and better-sqlite3's prepare()/exec().
const rawSqlMessage = 'Personal-data tables are queried in server/privacy/ only.';
const rawPersonalDataSql = [
  { selector: `TaggedTemplateExpression[tag.name='sql'] TemplateElement[value.raw=${personalDataSql}]`, message: rawSqlMessage },
  {
    selector: `CallExpression[callee.property.name=/^(prepare|exec)$/] TemplateElement[value.raw=${personalDataSql}]`,
    message: rawSqlMessage,
  },
  { selector: `CallExpression[callee.property.name=/^(prepare|exec)$/] > Literal[value=${personalDataSql}]`, message: rawSqlMessage },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'db/migrations/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // TypeScript checks names itself; the rule does not know DOM and Node types.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    ...solid,
    rules: {
      ...solid.rules,
      // Solid assigns `let ref!: HTMLElement` through the JSX `ref` attribute.
      'no-unassigned-vars': 'off',
      // The client imports only types from the server: its code never ships in the bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            // server/shared/ is the one exception: pure code (dates, HH:MM) written for both sides.
            {
              regex: '(^|/)server/(?!shared/)',
              allowTypeImports: true,
              message: 'The client imports only types from the server (values only from server/shared/).',
            },
            { group: ['**/db/client', '**/db/seed/**'], allowTypeImports: true, message: 'The client imports only types from the server.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    // The audit trail records which persons a read named (audit_subjects, part of each row's MAC).
    ignores: ['server/privacy/**', 'server/audit.ts', 'server/audit-chain.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: privacyBoundary }],
      'no-restricted-syntax': ['error', ...rawPersonalDataSql],
    },
  },
  {
    files: ['server/routers/**/*.ts'],
    rules: {
      // Routers are thin: input, the procedure's role, one call into a domain function.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...privacyBoundary,
            {
              group: ['drizzle-orm', 'drizzle-orm/*', '**/db/client'],
              message: 'Routers call domain functions; queries live in server/domain/ and server/privacy/.',
            },
            { regex: schemaTables, message: 'Routers import vocabularies from db/schema/enums, never tables.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/shared/**/*.ts'],
    rules: {
      // Shared with the client, so it depends on nothing of the server: only its own folder and
      // the vocabularies (no Node, no database, no libraries).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\./|(\\.\\./)+db/schema/enums$)', message: 'server/shared/ imports only server/shared/ and db/schema/enums.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false, project: null }, globals: { ...globals.node } },
  },
);
