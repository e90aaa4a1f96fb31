/**
 * The results of a finished session: overall score, per domain and per objective, time used, and a review of every
 * question with the learner's answer, the correct one, every option's why and the references.
 */
import { loadQuestion } from './bank-client.ts';
import { renderQuestion } from './render-question.ts';
import type { BankIndex } from '../lib/practice-bank.ts';
import type { SessionScore, Tally } from '../lib/exam-assembly.ts';

const pct = (t: Tally) => (t.total ? Math.round((100 * t.correct) / t.total) : 0);

function table(caption: string, rows: Array<[string, Tally]>) {
  const t = document.createElement('table');
  t.innerHTML = `<caption>${caption}</caption><thead><tr><th scope="col">Area</th><th scope="col">Correct</th><th scope="col">Score</th></tr></thead>`;
  const body = document.createElement('tbody');
  for (const [label, tally] of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = label;
    tr.append(th);
    for (const text of [`${tally.correct} of ${tally.total}`, `${pct(tally)} %`]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    body.append(tr);
  }
  t.append(body);
  return t;
}

export async function renderResults(
  container: HTMLElement,
  options: {
    title: string;
    score: SessionScore;
    index: BankIndex;
    questionIds: string[];
    optionOrders: number[][];
    answers: Record<string, number[]>;
    unsure: string[];
    minutesUsed?: number;
  },
) {
  const { score, index } = options;
  container.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = options.title;
  heading.tabIndex = -1;
  const summary = document.createElement('p');
  summary.className = 'px-score';
  summary.textContent =
    `You answered ${score.correct} of ${score.total} correctly (${pct(score)} %); ${score.total - score.answered} left unanswered.` +
    (options.minutesUsed !== undefined ? ` Time used: ${options.minutesUsed} minutes.` : '');
  const note = document.createElement('p');
  note.textContent = 'Databricks does not publish a passing score; treat this as practice, not a prediction. Missed and unsure questions were added to your review queue.';
  container.append(heading, summary, note);

  const domainTitle = (id: string) => index.domains.find((d) => d.id === id)?.title ?? (id === 'foundations' ? 'Foundations' : id);
  container.append(table('Score per domain', Object.entries(score.byDomain).map(([id, t]) => [domainTitle(id), t])));
  const objectives = Object.entries(score.byObjective).sort(([a], [b]) => (Number(a) || 99) - (Number(b) || 99));
  const details = document.createElement('details');
  details.innerHTML = '<summary>Score per objective</summary>';
  details.append(table('Score per objective', objectives.map(([id, t]) => [Number(id) ? `Objective ${id}` : id, t])));
  container.append(details);

  const reviewHeading = document.createElement('h3');
  reviewHeading.textContent = 'Review every question';
  const list = document.createElement('ol');
  list.className = 'px-review';
  container.append(reviewHeading, list);
  heading.focus();

  const byId = new Map(index.questions.map((q) => [q.id, q]));
  for (const [i, id] of options.questionIds.entries()) {
    const entry = byId.get(id);
    if (!entry) continue;
    const item = document.createElement('li');
    list.append(item);
    try {
      const content = await loadQuestion(id);
      const chosen = options.answers[id] ?? [];
      const shown = renderQuestion(content, {
        order: options.optionOrders[i]!,
        heading: `Question ${i + 1}${options.unsure.includes(id) ? ' (you marked it unsure)' : ''}${chosen.length ? '' : ' (not answered)'}`,
        chosen,
        answerCount: entry.answer.length,
      });
      shown.root.querySelectorAll('input').forEach((input) => (input.disabled = true));
      shown.reveal(entry.answer, chosen);
      item.append(shown.root);
    } catch {
      item.textContent = `Question ${i + 1} could not be loaded.`;
    }
  }
}
