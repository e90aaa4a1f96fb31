/**
 * Builds the DOM of a bank question for the practice pages, with the same markup and classes as a lesson's
 * self-check (styles: src/styles/question.css). Options are shown in `order` (stored indexes), lettered A, B, C…
 * in display order; everything the learner picks is reported back in stored indexes. A revealed question links to
 * its objective's lesson and to more practice on it.
 */
import type { QuestionContent } from '../lib/practice-bank.ts';
import { optionLetter } from '../lib/question-selection.ts';
import { reportProblemUrl } from '../lib/site-config.ts';
import { studyLinks } from './bank-client.ts';

export interface RenderedQuestion {
  root: HTMLElement;
  /** Stored indexes of the checked options. */
  selected(): number[];
  /** Shows right/wrong for every option with its why, the explanation and references. */
  reveal(answer: number[], chosen: number[]): void;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, html?: string) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (html !== undefined) node.innerHTML = html;
  return node;
};

export function renderQuestion(
  content: QuestionContent,
  options: { order: number[]; heading: string; chosen?: number[]; answerCount: number },
): RenderedQuestion {
  const uid = `pq-${content.id}`;
  const root = el('div', { class: 'sc-question', 'data-question-id': content.id });
  const fieldset = el('fieldset', { 'aria-describedby': `${uid}-stem` });
  const howMany = content.type === 'single' ? 'Choose one answer.' : `Choose ${options.answerCount} answers.`;
  const legend = el('legend');
  legend.textContent = options.heading;
  legend.append(el('span', { class: 'sc-meta' }, ` · ${howMany}`));
  fieldset.append(legend, el('div', { class: 'sc-stem', id: `${uid}-stem` }, content.stem));
  const list = el('div', { class: 'sc-options' });
  options.order.forEach((stored, shown) => {
    const label = el('label', { class: 'sc-option' });
    const input = el('input', { type: content.type === 'single' ? 'radio' : 'checkbox', name: uid, value: String(stored) });
    if (options.chosen?.includes(stored)) (input as HTMLInputElement).checked = true;
    label.append(input, el('span', { class: 'sc-letter' }, `${optionLetter(shown)}.`), el('span', { class: 'sc-option-text' }, content.options[stored]));
    list.append(label);
  });
  fieldset.append(list);
  root.append(fieldset);

  return {
    root,
    selected: () => [...root.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => Number(input.value)),
    reveal(answer, chosen) {
      root.querySelector('.sc-feedback')?.remove();
      const feedback = el('div', { class: 'sc-feedback' });
      const letters = options.order.flatMap((stored, shown) => (answer.includes(stored) ? [optionLetter(shown)] : []));
      feedback.append(el('p', { class: 'sc-key' }, `Correct answer${letters.length > 1 ? 's' : ''}: ${letters.join(', ')}`));
      const rationales = el('ul', { class: 'sc-rationales' });
      options.order.forEach((stored, shown) => {
        const right = answer.includes(stored);
        const item = el('li', { class: right ? 'sc-right' : 'sc-wrong' });
        const verdict = el('p', { class: 'sc-verdict' });
        verdict.append(el('span', { 'aria-hidden': 'true' }, right ? '✓' : '✗'), ` ${optionLetter(shown)}: ${right ? 'correct' : 'incorrect'}${chosen.includes(stored) ? ' (your answer)' : ''}`);
        item.append(verdict, el('div', {}, content.whys[stored]));
        rationales.append(item);
      });
      feedback.append(rationales, el('div', { class: 'sc-explanation' }, content.explanation));
      const refs = el('p', { class: 'sc-references' }, 'Official sources: ');
      content.references.forEach((url, i) => {
        if (i > 0) refs.append(', ');
        const a = el('a', { href: url });
        a.textContent = url.replace(/^https:\/\//, '').replace(/\/$/, '');
        refs.append(a);
      });
      const report = el('a', { href: reportProblemUrl(content.id) });
      report.textContent = 'Report a problem';
      refs.append(' · ', report);
      feedback.append(refs);
      // Every reviewed question leads back to where its objective is taught, and to more questions on it.
      const study = studyLinks(content.objective);
      if (study) {
        const line = el('p', { class: 'sc-study' }, 'Study this: ');
        if (study.lesson) {
          const lesson = el('a', { href: study.lesson });
          lesson.textContent = `the lesson “${study.label}”`;
          line.append(lesson, ' · ');
        }
        const more = el('a', { href: study.practice });
        more.textContent = `practise objective ${content.objective}`;
        line.append(more);
        feedback.append(line);
      }
      root.append(feedback);
    },
  };
}
