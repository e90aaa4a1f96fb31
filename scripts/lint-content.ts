/**
 * `npm run lint:content`: quality rules beyond the schema (src/lib/bank-lint.ts) over the bank and the lessons.
 * Near-duplicate stems, a favoured correct-option position (per file and bank-wide), test-wiseness cues over the whole
 * bank (src/lib/bank-cues.ts: the key is the longest option, repeats the stem, avoids absolutes…) and item-writing rules
 * per question, legacy terms taught as current, old names without the current one and references to old pages (all
 * three from content/terminology.yaml), and camelCase SVG attributes in lesson diagrams.
 * Official reference hosts are enforced by the schema itself (npm run validate).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readBankFiles, readBlueprintFile, readTerminologyFile, TERMINOLOGY_PATH } from '../src/lib/bank-files.ts';
import { lintTerms, parseTerminology } from '../src/lib/terminology.ts';
import { validateBank, validateBlueprint } from '../src/lib/bank-validation.ts';
import { cueFigures, cueThresholdProblems, formatCueFigures, itemWritingProblems } from '../src/lib/bank-cues.ts';
import {
  camelCaseSvgAttributes,
  correctPositionSkew,
  currentNameMissing,
  legacyInLesson,
  legacyInQuestion,
  markdownLinks,
  nearDuplicateStems,
  oldPageReferences,
  scenarioShare,
  starlightComponentImports,
} from '../src/lib/bank-lint.ts';

const root = new URL('..', import.meta.url).pathname;
const { blueprint } = validateBlueprint(readBlueprintFile(root));
if (!blueprint) throw new Error('content/blueprint.yaml is invalid: run npm run validate');
const { questions, errors } = validateBank(readBankFiles(root), blueprint);
if (errors.length) {
  console.error('✖ the bank does not validate; run npm run validate first');
  process.exit(1);
}
const active = questions.filter((q) => q.status !== 'retired');

// The terminology map drives the legacy-term rules; without it those rules cannot run, which is itself a problem.
const terminologyFile = readTerminologyFile(root);
const terminology = terminologyFile ? parseTerminology(terminologyFile) : { entries: [], errors: [`${TERMINOLOGY_PATH} is missing`] };
const terms = lintTerms(terminology.entries);

const docs = join(root, 'src/content/docs');
const lessons = readdirSync(docs, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
  .map((e) => join(e.parentPath, e.name));

const { figures, cues } = cueFigures(active);

const problems = [
  ...nearDuplicateStems(active),
  ...scenarioShare(active),
  ...cueThresholdProblems(figures, cues),
  ...active.flatMap(itemWritingProblems),
  ...correctPositionSkew(active, (q) => q.file),
  ...correctPositionSkew(active, () => 'the whole bank'),
  ...terminology.errors.map((message) => ({ where: TERMINOLOGY_PATH, message })),
  ...active.flatMap((q) => legacyInQuestion(q, terms)),
  ...active.flatMap((q) => oldPageReferences(`${q.file} › ${q.id} › references`, q.references, terms)),
  ...lessons.flatMap((file) => {
    const where = relative(root, file);
    const mdx = readFileSync(file, 'utf8');
    return [
      ...legacyInLesson(where, mdx, terms),
      ...currentNameMissing(where, mdx, terms),
      ...oldPageReferences(where, markdownLinks(mdx), terms),
      ...camelCaseSvgAttributes(where, mdx),
      ...starlightComponentImports(where, mdx),
    ];
  }),
];

console.log(formatCueFigures(figures));
console.log('(per-question cues for some files: npm run cues -- <file>)\n');
if (problems.length) {
  for (const p of problems) console.error(`✖ ${p.where}: ${p.message}`);
  console.error(`\n${problems.length} content problem(s).`);
  process.exit(1);
}
console.log(`✔ ${active.length} questions and ${lessons.length} lessons pass the content lint.`);
