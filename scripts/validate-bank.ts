/**
 * `npm run validate`: checks content/blueprint.yaml, content/terminology.yaml and every question in content/questions/,
 * lists every error (file › question › field: rule) and exits 1 if there is any;
 * otherwise prints the coverage table. Runs before every build, so a broken bank never builds.
 */
import { readBankFiles, readBlueprintFile, readTerminologyFile, TERMINOLOGY_PATH } from '../src/lib/bank-files.ts';
import { parseTerminology } from '../src/lib/terminology.ts';
import { coverage, formatError, validateBank, validateBlueprint, type BankError } from '../src/lib/bank-validation.ts';

const root = new URL('..', import.meta.url).pathname;

function fail(errors: BankError[]): never {
  for (const error of errors) {
    console.error(`✖ ${formatError(error)}`);
    // GitHub turns these into annotations on the pull request.
    if (process.env.GITHUB_ACTIONS) console.error(`::error file=${error.file}::${formatError(error)}`);
  }
  console.error(`\n${errors.length} error${errors.length === 1 ? '' : 's'} in the question bank. Nothing was built.`);
  process.exit(1);
}

const { blueprint, errors: blueprintErrors } = validateBlueprint(readBlueprintFile(root));
if (!blueprint) fail(blueprintErrors);

// The terminology map feeds the glossary page and the content lint: a broken one must not build either.
const terminologyFile = readTerminologyFile(root);
const terminologyErrors = terminologyFile ? parseTerminology(terminologyFile).errors : [`${TERMINOLOGY_PATH} is missing`];
if (terminologyErrors.length) fail(terminologyErrors.map((message) => ({ file: TERMINOLOGY_PATH, message: message.replace(`${TERMINOLOGY_PATH}: `, '').replace(`${TERMINOLOGY_PATH} › `, '') })));

const { questions, errors } = validateBank(readBankFiles(root), blueprint);
// `npm run validate -- content/questions/mlops/` reports only errors in those files (an author working on one
// section is not stopped by another's draft); the whole bank is still read, so duplicate ids are still caught.
const only = process.argv.slice(2).map((arg) => arg.replace(/^\.\//, ''));
const reported = only.length ? errors.filter((e) => only.some((prefix) => e.file.startsWith(prefix))) : errors;
if (reported.length) fail(reported);
if (errors.length) console.log(`(${errors.length} error(s) in other files were not reported)`);

const table = coverage(questions, blueprint);
const pad = (value: string | number, width: number) => String(value).padStart(width);
const line = (label: string, r: { questions: number; byDifficulty: number[] }) =>
  `${label.padEnd(34)}${pad(r.questions, 5)}   ${r.byDifficulty.map((n) => pad(n, 3)).join(' ')}`;

console.log(`✔ ${questions.length} questions in the bank are valid.\n`);
console.log(`${'objective'.padEnd(34)}${pad('qs', 5)}   ${'d1'.padStart(3)} ${'d2'.padStart(3)} ${'d3'.padStart(3)}`);
for (const r of table.objectives) if (r.questions > 0) console.log(line(r.label, r));
const empty = table.objectives.filter((r) => r.questions === 0).map((r) => r.label);
if (empty.length) console.log(`no questions yet: ${empty.join(', ')}`);
console.log('');
for (const r of table.domains) console.log(line(r.label, r));
console.log(line(table.total.label, table.total));
