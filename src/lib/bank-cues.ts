/**
 * Test-wiseness cues: can a question be answered from the form of its options, without knowing the subject?
 *
 * A learner who knows nothing but picks "the longest option" or "the one that repeats the stem" should score near
 * chance. Each cue below is measured two ways over the whole bank:
 * - a share (how often the key is, say, the strictly longest option), which the issue tracker and reviewers quote;
 * - the expected score of a test-wise strategy that follows the cue (ties split evenly), against pure chance. For options
 *   whose form carries no information, any such strategy scores exactly chance, so the gap is the leak.
 * Item-writing rules that one question can break on its own (an unemphasised negative stem, "all of the above") are
 * per-question problems. Thresholds live in CUE_THRESHOLDS and are documented in CONTRIBUTING.md.
 * References: Haladyna, Downing & Rodriguez (2002), "A review of multiple-choice item-writing guidelines"; the NBME
 * item-writing guide ("Constructing written test questions for the basic and clinical sciences").
 */
import type { LintProblem, LintQuestion } from './bank-lint.ts';

export interface CueQuestion extends LintQuestion {
  type: 'single' | 'multiple';
}

/** The build fails when a bank-wide figure passes one of these. */
export const CUE_THRESHOLDS = {
  /** Share of single-answer questions whose key is the strictly longest option (chance ≈ 1/options ≈ 25 %). */
  longestKeyShare: 0.3,
  /** Share whose key is the strictly shortest option: the over-correction of the same cue. */
  shortestKeyShare: 0.3,
  /** Share whose key shares strictly the most content words with the stem. */
  stemOverlapKeyShare: 0.3,
  /** How far a strategy that follows a word cue (avoid absolutes, prefer hedges) may score above chance. */
  wordCueAdvantage: 0.05,
  /**
   * How far a length strategy may score above chance: picking among the options that are not the longest, or that are
   * neither the longest nor the shortest. This catches the over-correction where keys are never the extremes.
   */
  lengthCueAdvantage: 0.05,
  /** Share of single-answer questions whose key is more than 1.5× (or under 2/3 of) the mean distractor length. */
  lengthOutlierShare: 0.05,
} as const;

/** A key this many times the mean distractor length (or 1/this) is flagged for a reviewer. */
export const LENGTH_RATIO_FLAG = 1.5;

/** Words that make a claim absolute; test-wise learners eliminate options that carry them. */
export const ABSOLUTE_WORDS = /\b(always|never|only|all|none|every|everything|nothing|must|cannot|can't|impossible|guarantee[sd]?|entirely|completely)\b/i;
/** Hedges; test-wise learners prefer options that carry them. */
export const HEDGE_WORDS = /\b(usually|typically|generally|often|may|might|can|could|sometimes|likely|tends?|mostly|in most cases|where possible)\b/i;
/**
 * A negative question ("Which … is NOT …", "… EXCEPT …", "least likely"); it must be emphasised (**NOT**) so that a
 * careful reader does not miss it. A negative inside a clause ("raises when it does not qualify", "least privilege")
 * does not turn the question around and is not matched.
 */
const NEGATIVE_QUESTION =
  /\b(?:which|what)\s+(?:[\w'’-]+\s+){0,4}?(?:(?:is|are|does|do|did|would|will|should|could|can|was|were|must)\s+(not)|(cannot|isn't|aren't|doesn't|don't|won't|wouldn't|shouldn't))\b|\b(except)\b|\b(least)\s+(?:likely|appropriate|suitable|useful|effective|correct|accurate)\b|\b(false|incorrect|untrue)\b(?=[^?]*\?)/i;
const ALL_OR_NONE = /\b(all|none|both|neither) of (the )?(above|these|the other options|the others)\b/i;

/** Common English words that carry no content; shared stem words are counted without them. */
const STOP_WORDS = new Set(
  `a an the and or but if then else of to in on at by for with from into onto over under as is are was were be been being
  it its this that these those which what who whom whose when where why how does do did done has have had having can
  could should would will shall may might must not no nor so than too very just also only own same such each both any
  all some more most other another their them they there here our your you we he she his her i me my us one two
  about after before between during through without within while until because per via up out off again further once
  team data scientist engineer engineers model models use uses used using wants want needs need option options
  following best correct choose`.split(/\s+/),
);

/** Option or stem text as a reader sees it: Markdown code marks, emphasis and link targets dropped. */
export function visibleText(markdown: string): string {
  return markdown
    .replace(/(`{3,}|~{3,})[^\n]*\n[\s\S]*?(\n\1|$)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function contentWords(text: string): Set<string> {
  const words = visibleText(text)
    .toLowerCase()
    .split(/[^a-z0-9_.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w));
  return new Set(words);
}

/** The sentence that asks the question: the last one with a question mark, outside code, or else the last sentence. */
export function questionSentence(stem: string): string {
  const prose = visibleText(stem);
  const sentences = prose.split(/(?<=[.?!:])\s+/);
  for (let i = sentences.length - 1; i >= 0; i--) if (sentences[i]!.includes('?')) return sentences[i]!;
  return sentences[sentences.length - 1] ?? '';
}

/** True when the asking sentence is negative and the negative word is not emphasised in the Markdown. */
export function hasUnemphasisedNegative(stem: string): boolean {
  const sentence = questionSentence(stem);
  const match = sentence.match(NEGATIVE_QUESTION);
  if (!match) return false;
  const word = match.slice(1).find(Boolean)!;
  // Emphasised means bold and in capitals in the source, e.g. **NOT** or **EXCEPT**.
  return !new RegExp(`\\*\\*${word.toUpperCase()}\\*\\*`).test(stem);
}

interface OptionForm {
  correct: boolean;
  length: number;
  overlap: number;
  absolute: boolean;
  hedge: boolean;
}

function optionForms(q: CueQuestion): OptionForm[] {
  const stemWords = contentWords(q.stem);
  return q.options.map((o) => {
    const text = visibleText(o.text);
    let overlap = 0;
    for (const w of contentWords(o.text)) if (stemWords.has(w)) overlap++;
    return { correct: o.correct, length: text.length, overlap, absolute: ABSOLUTE_WORDS.test(text), hedge: HEDGE_WORDS.test(text) };
  });
}

/** Expected score of picking uniformly among the options a strategy keeps (all of them when it keeps none). */
function strategyScore(forms: OptionForm[], keep: (f: OptionForm) => boolean): number {
  const kept = forms.filter(keep);
  const pool = kept.length ? kept : forms;
  return pool.filter((f) => f.correct).length / pool.length;
}

function strictlyBest(forms: OptionForm[], value: (f: OptionForm) => number, sign: 1 | -1): boolean {
  const key = forms.find((f) => f.correct)!;
  return forms.every((f) => f.correct || sign * value(key) > sign * value(f));
}

export interface QuestionCues {
  id: string;
  file: string;
  /** Key length divided by the mean length of the distractors. */
  lengthRatio: number;
  longestKey: boolean;
  shortestKey: boolean;
  stemOverlapKey: boolean;
  absolutesOnlyInDistractors: boolean;
  hedgeOnlyInKey: boolean;
  scores: {
    chance: number;
    longest: number;
    avoidLongest: number;
    avoidExtremes: number;
    stemOverlap: number;
    avoidStemOverlap: number;
    avoidAbsolutes: number;
    preferAbsolutes: number;
    preferHedges: number;
    avoidHedges: number;
  };
}

export function questionCues(q: CueQuestion): QuestionCues {
  const forms = optionForms(q);
  const key = forms.find((f) => f.correct)!;
  const distractors = forms.filter((f) => !f.correct);
  const meanDistractor = distractors.reduce((s, f) => s + f.length, 0) / distractors.length || 1;
  const maxLength = Math.max(...forms.map((f) => f.length));
  const minLength = Math.min(...forms.map((f) => f.length));
  const maxOverlap = Math.max(...forms.map((f) => f.overlap));
  return {
    id: q.id,
    file: q.file,
    lengthRatio: key.length / meanDistractor,
    longestKey: strictlyBest(forms, (f) => f.length, 1),
    shortestKey: strictlyBest(forms, (f) => f.length, -1),
    stemOverlapKey: strictlyBest(forms, (f) => f.overlap, 1),
    absolutesOnlyInDistractors: !key.absolute && distractors.some((f) => f.absolute),
    hedgeOnlyInKey: key.hedge && !distractors.some((f) => f.hedge),
    scores: {
      chance: 1 / forms.length,
      longest: strategyScore(forms, (f) => f.length === maxLength),
      avoidLongest: strategyScore(forms, (f) => f.length !== maxLength),
      avoidExtremes: strategyScore(forms, (f) => f.length !== maxLength && f.length !== minLength),
      stemOverlap: strategyScore(forms, (f) => f.overlap === maxOverlap),
      avoidStemOverlap: strategyScore(forms, (f) => f.overlap !== maxOverlap),
      avoidAbsolutes: strategyScore(forms, (f) => !f.absolute),
      preferAbsolutes: strategyScore(forms, (f) => f.absolute),
      preferHedges: strategyScore(forms, (f) => f.hedge),
      avoidHedges: strategyScore(forms, (f) => !f.hedge),
    },
  };
}

export interface CueFigures {
  singleQuestions: number;
  multipleQuestions: number;
  longestKeyShare: number;
  shortestKeyShare: number;
  stemOverlapKeyShare: number;
  absolutesOnlyInDistractorsShare: number;
  hedgeOnlyInKeyShare: number;
  lengthOutlierShare: number;
  /** Mean expected score of each strategy over single-answer questions; `chance` is guessing blind. */
  strategyScores: QuestionCues['scores'];
  /** Multiple-answer questions: mean length of correct options over mean length of wrong ones. */
  multipleCorrectLengthRatio: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const share = (cues: QuestionCues[], pick: (c: QuestionCues) => boolean) => (cues.length ? cues.filter(pick).length / cues.length : 0);
export const isLengthOutlier = (c: QuestionCues) => c.lengthRatio > LENGTH_RATIO_FLAG || c.lengthRatio < 1 / LENGTH_RATIO_FLAG;

export function cueFigures(questions: ReadonlyArray<CueQuestion>): { figures: CueFigures; cues: QuestionCues[] } {
  const singles = questions.filter((q) => q.type === 'single');
  const multiples = questions.filter((q) => q.type === 'multiple');
  const cues = singles.map(questionCues);
  const ratios = multiples.map((q) => {
    const forms = optionForms(q);
    const right = mean(forms.filter((f) => f.correct).map((f) => f.length));
    const wrong = mean(forms.filter((f) => !f.correct).map((f) => f.length));
    return right / (wrong || 1);
  });
  const score = (k: keyof QuestionCues['scores']) => mean(cues.map((c) => c.scores[k]));
  return {
    cues,
    figures: {
      singleQuestions: singles.length,
      multipleQuestions: multiples.length,
      longestKeyShare: share(cues, (c) => c.longestKey),
      shortestKeyShare: share(cues, (c) => c.shortestKey),
      stemOverlapKeyShare: share(cues, (c) => c.stemOverlapKey),
      absolutesOnlyInDistractorsShare: share(cues, (c) => c.absolutesOnlyInDistractors),
      hedgeOnlyInKeyShare: share(cues, (c) => c.hedgeOnlyInKey),
      lengthOutlierShare: share(cues, isLengthOutlier),
      strategyScores: {
        chance: score('chance'),
        longest: score('longest'),
        avoidLongest: score('avoidLongest'),
        avoidExtremes: score('avoidExtremes'),
        stemOverlap: score('stemOverlap'),
        avoidStemOverlap: score('avoidStemOverlap'),
        avoidAbsolutes: score('avoidAbsolutes'),
        preferAbsolutes: score('preferAbsolutes'),
        preferHedges: score('preferHedges'),
        avoidHedges: score('avoidHedges'),
      },
      multipleCorrectLengthRatio: mean(ratios),
    },
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** Bank-wide figures past their thresholds, each naming the worst offenders so a reviewer knows where to start. */
export function cueThresholdProblems(figures: CueFigures, cues: QuestionCues[], worst = 10): LintProblem[] {
  const problems: LintProblem[] = [];
  const offenders = (pick: (c: QuestionCues) => boolean, order: (c: QuestionCues) => number) =>
    cues
      .filter(pick)
      .sort((a, b) => order(b) - order(a))
      .slice(0, worst)
      .map((c) => `\n    ${c.file} › ${c.id} (key ${c.lengthRatio.toFixed(2)}× the mean distractor)`)
      .join('');
  const t = CUE_THRESHOLDS;
  const gate = (value: number, limit: number, what: string, pick: (c: QuestionCues) => boolean, order: (c: QuestionCues) => number) => {
    if (value > limit) problems.push({ where: 'the whole bank', message: `${what}: ${pct(value)} (limit ${pct(limit)}). Worst:${offenders(pick, order)}` });
  };
  gate(figures.longestKeyShare, t.longestKeyShare, 'the key is the strictly longest option', (c) => c.longestKey, (c) => c.lengthRatio);
  gate(figures.shortestKeyShare, t.shortestKeyShare, 'the key is the strictly shortest option', (c) => c.shortestKey, (c) => -c.lengthRatio);
  gate(figures.stemOverlapKeyShare, t.stemOverlapKeyShare, 'the key shares the most words with the stem', (c) => c.stemOverlapKey, (c) => c.lengthRatio);
  gate(figures.lengthOutlierShare, t.lengthOutlierShare, `the key is over ${LENGTH_RATIO_FLAG}× or under 1/${LENGTH_RATIO_FLAG} of the mean distractor length`, isLengthOutlier, (c) => Math.abs(Math.log(c.lengthRatio)));
  const s = figures.strategyScores;
  gate(s.avoidLongest - s.chance, t.lengthCueAdvantage, 'avoiding the longest option beats chance by', (c) => !c.longestKey, (c) => -c.lengthRatio);
  gate(s.avoidExtremes - s.chance, t.lengthCueAdvantage, 'avoiding the longest and the shortest option beats chance by', (c) => !c.longestKey && !c.shortestKey, (c) => -Math.abs(Math.log(c.lengthRatio)));
  gate(s.avoidStemOverlap - s.chance, t.lengthCueAdvantage, 'avoiding the option that shares most words with the stem beats chance by', (c) => !c.stemOverlapKey, (c) => c.lengthRatio);
  gate(s.avoidAbsolutes - s.chance, t.wordCueAdvantage, 'avoiding options with absolute words beats chance by', (c) => c.absolutesOnlyInDistractors, (c) => c.lengthRatio);
  gate(s.preferAbsolutes - s.chance, t.wordCueAdvantage, 'preferring options with absolute words beats chance by', (c) => c.scores.preferAbsolutes > c.scores.chance, (c) => c.lengthRatio);
  gate(s.preferHedges - s.chance, t.wordCueAdvantage, 'preferring options with hedges beats chance by', (c) => c.hedgeOnlyInKey, (c) => c.lengthRatio);
  gate(s.avoidHedges - s.chance, t.wordCueAdvantage, 'avoiding options with hedges beats chance by', (c) => c.scores.avoidHedges > c.scores.chance, (c) => c.lengthRatio);
  return problems;
}

/** Rules a single question breaks on its own. */
export function itemWritingProblems(q: CueQuestion): LintProblem[] {
  const where = `${q.file} › ${q.id}`;
  const problems: LintProblem[] = [];
  if (hasUnemphasisedNegative(q.stem)) {
    problems.push({ where, message: 'the question is negative but the negative word is not emphasised; write **NOT** or **EXCEPT**, or ask it positively' });
  }
  q.options.forEach((o, i) => {
    if (ALL_OR_NONE.test(visibleText(o.text))) {
      problems.push({ where: `${where} › options[${i}]`, message: '"all/none of the above" rewards partial knowledge; write a real option' });
    }
  });
  return problems;
}

/** One line per figure, for the lint summary and the bench. */
export function formatCueFigures(f: CueFigures): string {
  const s = f.strategyScores;
  return [
    `cue figures over ${f.singleQuestions} single-answer questions (${f.multipleQuestions} multiple-answer):`,
    `  key strictly longest      ${pct(f.longestKeyShare)}  (limit ${pct(CUE_THRESHOLDS.longestKeyShare)})`,
    `  key strictly shortest     ${pct(f.shortestKeyShare)}  (limit ${pct(CUE_THRESHOLDS.shortestKeyShare)})`,
    `  key most stem words       ${pct(f.stemOverlapKeyShare)}  (limit ${pct(CUE_THRESHOLDS.stemOverlapKeyShare)})`,
    `  key length outlier        ${pct(f.lengthOutlierShare)}  (limit ${pct(CUE_THRESHOLDS.lengthOutlierShare)})`,
    `  absolutes only in wrong   ${pct(f.absolutesOnlyInDistractorsShare)};  hedge only in key ${pct(f.hedgeOnlyInKeyShare)}`,
    `  strategy scores: chance ${pct(s.chance)}, longest ${pct(s.longest)}, not the longest ${pct(s.avoidLongest)}, ` +
      `neither longest nor shortest ${pct(s.avoidExtremes)} (limit chance + ${pct(CUE_THRESHOLDS.lengthCueAdvantage)}),`,
    `    most stem words ${pct(s.stemOverlap)}, not the most stem words ${pct(s.avoidStemOverlap)}, ` +
      `avoid absolutes ${pct(s.avoidAbsolutes)}, prefer absolutes ${pct(s.preferAbsolutes)}, prefer hedges ${pct(s.preferHedges)}, avoid hedges ${pct(s.avoidHedges)} ` +
      `(limit chance + ${pct(CUE_THRESHOLDS.wordCueAdvantage)} for word cues)`,
    `  multiple-answer: correct options ${f.multipleCorrectLengthRatio.toFixed(2)}× the length of wrong ones`,
  ].join('\n');
}
