/**
 * What a finished practice session or mock exam adds to the learner's progress: each answered question's latest
 * answer, its flag/unsure marks, and a review card for every question answered wrongly, left unanswered or marked
 * unsure.
 */
import { isCorrect } from './exam-assembly.ts';
import type { BankIndexEntry } from './practice-bank.ts';
import type { ProgressData } from './progress-data.ts';
import { queueFromAnswer } from './review-queue.ts';

export function recordSession(
  progress: ProgressData,
  session: { questionIds: string[]; answers: Record<string, number[]>; flagged: string[]; unsure: string[] },
  index: ReadonlyMap<string, BankIndexEntry>,
  now: Date,
): ProgressData {
  let next: ProgressData = { ...progress, answers: { ...progress.answers }, marks: { ...progress.marks } };
  const at = now.toISOString();
  for (const id of session.questionIds) {
    const entry = index.get(id);
    if (!entry) continue;
    const chosen = session.answers[id];
    const flagged = session.flagged.includes(id);
    const unsure = session.unsure.includes(id);
    if (flagged || unsure || next.marks[id]) next.marks[id] = { flagged, unsure, at };
    if (!chosen?.length) {
      // Unanswered counts as wrong in the score, so it is reviewed like a wrong answer; no answer is recorded.
      next = queueFromAnswer(next, id, false, unsure, now);
      continue;
    }
    const correct = isCorrect(entry.answer, chosen);
    next.answers[id] = {
      selected: [...chosen].sort((a, b) => a - b),
      correct,
      answeredAt: at,
      attempts: (next.answers[id]?.attempts ?? 0) + 1,
    };
    next = queueFromAnswer(next, id, correct, unsure, now);
  }
  return next;
}
