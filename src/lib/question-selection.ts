/**
 * Which questions a self-check shows. Throws with a message naming the bad id or objective, which fails the
 * build: a lesson can never silently show an empty or wrong self-check.
 */
import type { ObjectiveId } from './schema.ts';

export interface SelectableQuestion {
  id: string;
  objective: ObjectiveId;
  status?: 'active' | 'retired';
}

export interface SelectionRequest {
  /** Show these questions, in this order. */
  ids?: readonly string[];
  /** Or show the first `limit` active questions of this objective, in bank order. */
  objective?: ObjectiveId;
  limit?: number;
}

export function selectQuestions<Q extends SelectableQuestion>(bank: readonly Q[], request: SelectionRequest): Q[] {
  const { ids, objective, limit } = request;
  if ((ids === undefined) === (objective === undefined)) {
    throw new Error('<SelfCheck> needs either `ids` or `objective`, not both and not neither.');
  }
  if (ids) {
    if (ids.length === 0) throw new Error('<SelfCheck ids={[]}> lists no questions.');
    const seen = new Set<string>();
    return ids.map((id) => {
      if (seen.has(id)) throw new Error(`<SelfCheck> lists question "${id}" twice.`);
      seen.add(id);
      const question = bank.find((q) => q.id === id);
      if (!question) throw new Error(`<SelfCheck> names question "${id}", which is not in content/questions/.`);
      if (question.status === 'retired') throw new Error(`<SelfCheck> names question "${id}", which is retired.`);
      return question;
    });
  }
  const matches = bank.filter((q) => q.objective === objective && q.status !== 'retired');
  if (matches.length === 0) throw new Error(`<SelfCheck objective={${JSON.stringify(objective)}}> found no questions.`);
  return matches.slice(0, limit ?? 3);
}

/** "A", "B", … for option letters. */
export const optionLetter = (index: number) => String.fromCharCode(65 + index);
