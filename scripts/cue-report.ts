/**
 * `npm run cues -- [file …]`: the test-wiseness cue figures (src/lib/bank-cues.ts) for some bank files, or all of them,
 * and every question in them that carries a cue, so an author can see what to rewrite. It never fails: the gate is
 * `npm run lint:content`, over the whole bank.
 */
import { readBankFiles, readBlueprintFile } from '../src/lib/bank-files.ts';
import { validateBank, validateBlueprint } from '../src/lib/bank-validation.ts';
import { cueFigures, formatCueFigures, isLengthOutlier, itemWritingProblems } from '../src/lib/bank-cues.ts';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2).filter((a) => !a.startsWith('--')).map((f) => f.replace(/^\.\//, ''));
const { blueprint } = validateBlueprint(readBlueprintFile(root));
if (!blueprint) throw new Error('content/blueprint.yaml is invalid: run npm run validate');
const { questions, errors } = validateBank(readBankFiles(root), blueprint);
if (errors.length) console.error(`(the bank has ${errors.length} validation error(s); run npm run validate)`);
const active = questions.filter((q) => q.status !== 'retired' && (!only.length || only.some((f) => q.file.endsWith(f))));

const { figures, cues } = cueFigures(active);
console.log(formatCueFigures(figures));
console.log('\nquestions with a cue (L longest key, S shortest key, W most stem words, R length ratio, A absolutes only in distractors, H hedge only in key, X absolutes only in the key; M key neither longest nor shortest, listed with --middle):');
const showMiddle = process.argv.includes('--middle');
for (const c of cues) {
  const flags = [
    c.longestKey && 'L',
    c.shortestKey && 'S',
    c.stemOverlapKey && 'W',
    isLengthOutlier(c) && `R${c.lengthRatio.toFixed(2)}`,
    c.absolutesOnlyInDistractors && 'A',
    c.hedgeOnlyInKey && 'H',
    c.scores.preferAbsolutes === 1 && c.scores.avoidAbsolutes === 0 && 'X',
    showMiddle && !c.longestKey && !c.shortestKey && `M${c.lengthRatio.toFixed(2)}`,
  ].filter(Boolean);
  if (flags.length) console.log(`  ${c.file} › ${c.id}: ${flags.join(' ')}`);
}
for (const p of active.flatMap(itemWritingProblems)) console.log(`  ✖ ${p.where}: ${p.message}`);
