/**
 * <next-steps>: fills the "Welcome back" panel (src/components/NextSteps.astro) from local progress and the bank
 * index (src/lib/learner-path.ts). Each row is one line of text with a link; the panel's height is fixed, so filling it
 * never moves the page. The bank index is needed only for scores and weak spots; without it the rest still shows.
 */
import { loadIndex } from './bank-client.ts';
import { nextSteps } from '../lib/learner-path.ts';
import type { BankIndex } from '../lib/practice-bank.ts';
import { openProgressStore } from '../lib/progress-store.ts';
import { percent } from '../lib/readiness.ts';

class NextSteps extends HTMLElement {
  async connectedCallback() {
    if (this.dataset.ready || !document.documentElement.classList.contains('returning')) return;
    this.dataset.ready = 'true';
    const base = this.dataset.base ?? '/';
    const progress = openProgressStore(() => window.localStorage).snapshot();
    let index: BankIndex | null = null;
    try {
      index = await loadIndex();
    } catch {
      // Offline without the bank cached: show what progress alone can tell.
    }
    const steps = nextSteps(progress, index, new Date());
    const row = (name: string, text: string, link?: { href: string; label: string }) => {
      const li = this.querySelector<HTMLElement>(`.ns-${name}`)!;
      li.replaceChildren(text);
      if (link) {
        const a = document.createElement('a');
        a.href = link.href;
        a.textContent = link.label;
        li.append(a);
      }
    };
    if (steps.lastLesson) {
      row('lesson', steps.lastLesson.read ? 'Last read: ' : 'Continue reading: ', { href: `${base}${steps.lastLesson.path}`, label: steps.lastLesson.title });
    } else row('lesson', 'Next: ', { href: `${base}preparation/study-plan/`, label: 'the study plan' });

    const exam = steps.unfinishedExam;
    if (exam && exam.minutesLeft === 0) {
      row('exam', `Your unfinished mock exam ran out of time (${exam.answered} of ${exam.total} answered). `, {
        href: `${base}practice/exam/`,
        label: 'See its results',
      });
    } else if (exam) {
      row('exam', `Unfinished mock exam: ${exam.answered} of ${exam.total} answered, ${exam.minutesLeft} minutes left. `, {
        href: `${base}practice/exam/`,
        label: 'Resume it',
      });
    } else if (steps.lastExam) {
      const { score, previous } = steps.lastExam;
      const trend = previous === null ? '' : score > previous ? `, up from ${percent(previous)}` : score < previous ? `, down from ${percent(previous)}` : ', the same as before';
      row('exam', `Last mock exam: ${percent(score)}${trend}. `, { href: `${base}progress/`, label: 'See your progress' });
    } else row('exam', 'No mock exam yet. ', { href: `${base}practice/exam/`, label: 'Take one' });

    row(
      'reviews',
      steps.dueToday ? `${steps.dueToday} review${steps.dueToday === 1 ? '' : 's'} due today. ` : 'No reviews due today. ',
      steps.dueToday ? { href: `${base}practice/review/`, label: 'Review now' } : undefined,
    );

    const weakest = this.querySelector<HTMLElement>('.ns-weakest')!;
    if (steps.weakest.length) {
      weakest.replaceChildren('Weakest: ');
      steps.weakest.forEach((pick, i) => {
        if (i) weakest.append(' · ');
        const a = document.createElement('a');
        a.href = pick.lesson ? `${base}${pick.lesson}` : `${base}practice/?objective=${pick.objective}`;
        a.textContent = pick.label;
        a.title = pick.reason;
        weakest.append(a);
      });
    } else weakest.textContent = index ? 'Weak spots appear once you answer questions.' : 'Weak spots need the question bank; reload when online.';
  }
}

if (!customElements.get('next-steps')) customElements.define('next-steps', NextSteps);
