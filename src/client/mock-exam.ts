/**
 * <mock-exam>: a timed mock exam like the real one (59 questions, 120 minutes, weighted 26/26/7, no feedback until
 * submission). The attempt is saved as the learner works, so a reload or a closed tab resumes where it was, with the
 * clock still counting from the stored start. At 10 minutes left it says so once, politely; at 0 it submits.
 * As in the real delivery, the clock can be hidden (the 10-minute notice still comes), and "Submit exam" first opens
 * a review screen listing the answered, unanswered and flagged questions, each a button that goes back to it.
 */
import { loadIndex } from './bank-client.ts';
import { SessionRunner } from './session-runner.ts';
import { renderResults } from './session-results.ts';
import { MOCK_EXAM, drawMockExam, scoreSession, timeLeft } from '../lib/exam-assembly.ts';
import type { BankIndex } from '../lib/practice-bank.ts';
import type { ExamAttempt } from '../lib/progress-data.ts';
import type { ProgressStore } from '../lib/progress-store.ts';
import { openProgress } from './open-progress.ts';
import { newSeed } from '../lib/seeded-random.ts';
import { recordSession } from '../lib/session-progress.ts';

const WARN_AT = 10 * 60_000;
const clock = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

class MockExam extends HTMLElement {
  private store!: ProgressStore;
  private index!: BankIndex;
  private attempt: ExamAttempt | undefined;
  private timer: number | undefined;
  private warned = false;
  private runner: SessionRunner | undefined;
  private clockHidden = false;
  private find = (name: string) => this.querySelector<HTMLElement>(`.mx-${name}`)!;

  async connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    this.querySelector('.needs-js')?.remove();
    this.store = openProgress(this.find('notice'));
    this.find('begin').addEventListener('click', () => this.start());
    this.find('confirm-submit').addEventListener('click', () => {
      this.find('confirm').querySelector('dialog')!.close();
      void this.submit('learner');
    });
    this.find('confirm-cancel').addEventListener('click', () => this.find('confirm').querySelector('dialog')!.close());
    this.find('clock-toggle').addEventListener('click', () => {
      this.clockHidden = !this.clockHidden;
      this.find('clock-toggle').textContent = this.clockHidden ? 'Show time' : 'Hide time';
      this.find('clock-toggle').setAttribute('aria-pressed', String(this.clockHidden));
      this.tick();
    });
    try {
      this.index = await loadIndex();
    } catch {
      this.find('announce').textContent = 'The question bank could not be loaded. Check your connection and reload.';
      return;
    }
    this.find('begin').removeAttribute('disabled');
    const open = Object.values(this.store.snapshot().exams).find((a) => !a.submittedAt);
    if (open) await this.resume(open);
    else this.showStart();
  }

  disconnectedCallback() {
    window.clearInterval(this.timer);
  }

  private byId() {
    return new Map(this.index.questions.map((q) => [q.id, q]));
  }

  private save(attempt: ExamAttempt) {
    attempt.updatedAt = new Date().toISOString();
    this.store.update((p) => ({ ...p, exams: { ...p.exams, [attempt.id]: structuredClone(attempt) } }));
  }

  private showStart() {
    this.find('start').hidden = false;
    this.find('run').hidden = true;
    const history = Object.values(this.store.snapshot().exams)
      .filter((a) => a.submittedAt)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    const list = this.find('history');
    list.replaceChildren();
    if (!history.length) {
      const li = document.createElement('li');
      li.textContent = 'No attempts yet.';
      list.append(li);
    }
    for (const attempt of history) {
      const score = scoreSession(this.index.questions, attempt.questionIds, attempt.answers);
      const li = document.createElement('li');
      li.append(`${new Date(attempt.startedAt).toLocaleString()}: ${score.correct} of ${score.total} (${Math.round((100 * score.correct) / score.total)} %) `);
      const review = document.createElement('button');
      review.type = 'button';
      review.className = 'px-button';
      review.textContent = 'Review';
      review.setAttribute('aria-label', `Review the attempt of ${new Date(attempt.startedAt).toLocaleString()}`);
      review.addEventListener('click', () => this.showResults(attempt));
      li.append(review);
      list.append(li);
    }
  }

  private async start() {
    const now = new Date();
    const seed = newSeed();
    const drawn = drawMockExam(this.index.questions, this.index.domains, seed, MOCK_EXAM.questions);
    const attempt: ExamAttempt = {
      id: `exam-${now.getTime()}`,
      seed,
      startedAt: now.toISOString(),
      durationMinutes: Number(this.dataset.minutes) || MOCK_EXAM.minutes,
      ...drawn,
      answers: {},
      flagged: [],
      unsure: [],
      current: 0,
      updatedAt: now.toISOString(),
    };
    this.save(attempt);
    await this.resume(attempt);
  }

  private async resume(attempt: ExamAttempt) {
    this.attempt = attempt;
    if (timeLeft(attempt.startedAt, attempt.durationMinutes, Date.now()) === 0) {
      await this.submit('clock');
      return;
    }
    this.find('start').hidden = true;
    this.find('results').hidden = true;
    this.find('run').hidden = false;
    const runner = (this.runner = new SessionRunner(this.find('session'), attempt, {
      feedback: 'end',
      index: this.byId(),
      finishLabel: 'Submit exam',
      onChange: () => this.save(attempt),
      onFinish: () => this.confirmSubmit(),
    }));
    this.tick();
    this.timer = window.setInterval(() => this.tick(), 1000);
    await runner.render(true);
  }

  private tick() {
    const attempt = this.attempt;
    if (!attempt || attempt.submittedAt) return;
    const left = timeLeft(attempt.startedAt, attempt.durationMinutes, Date.now());
    this.find('timer').textContent = this.clockHidden ? 'Time hidden' : `Time left: ${clock(left)}`;
    if (left <= WARN_AT && left > 0 && !this.warned) {
      this.warned = true;
      this.find('announce').textContent = `${Math.ceil(left / 60_000)} minutes left.`;
    }
    if (left === 0) void this.submit('clock');
  }

  /** The review screen: every question by state, each a way back to it; submitting is a separate, explicit step. */
  private confirmSubmit() {
    const attempt = this.attempt!;
    const dialog = this.find('confirm').querySelector('dialog')!;
    const positions = (pick: (id: string) => boolean) => attempt.questionIds.flatMap((id, i) => (pick(id) ? [i] : []));
    const answered = (id: string) => !!attempt.answers[id]?.length;
    const groups: Array<[string, number[]]> = [
      ['Unanswered', positions((id) => !answered(id))],
      ['Flagged for review', positions((id) => attempt.flagged.includes(id))],
      ['Marked unsure', positions((id) => attempt.unsure.includes(id))],
      ['Answered', positions(answered)],
    ];
    const lists = this.find('review-lists');
    lists.replaceChildren();
    for (const [title, list] of groups) {
      const heading = document.createElement('h3');
      heading.textContent = `${title}: ${list.length}`;
      lists.append(heading);
      if (!list.length) continue;
      const buttons = document.createElement('ul');
      buttons.className = 'mx-review-list';
      for (const i of list) {
        const item = document.createElement('li');
        const go = document.createElement('button');
        go.type = 'button';
        go.className = 'px-button';
        go.textContent = String(i + 1);
        go.setAttribute('aria-label', `Go to question ${i + 1}`);
        go.addEventListener('click', () => {
          dialog.close();
          void this.runner?.go(i);
        });
        item.append(go);
        buttons.append(item);
      }
      lists.append(buttons);
    }
    const unanswered = groups[0]![1].length;
    this.find('confirm-text').textContent =
      (unanswered ? `${unanswered} question${unanswered === 1 ? ' is' : 's are'} unanswered; a blank counts as wrong. ` : 'Every question has an answer. ') +
      'Go back to any question, or submit: you cannot change answers afterwards.';
    dialog.showModal();
  }

  private async submit(by: 'learner' | 'clock') {
    const attempt = this.attempt;
    if (!attempt || attempt.submittedAt) return;
    window.clearInterval(this.timer);
    const now = new Date();
    const end = Math.min(now.getTime(), Date.parse(attempt.startedAt) + attempt.durationMinutes * 60_000);
    attempt.submittedAt = new Date(end).toISOString();
    const index = this.byId();
    this.store.update((p) =>
      recordSession({ ...p, exams: { ...p.exams, [attempt.id]: { ...structuredClone(attempt), updatedAt: now.toISOString() } } }, attempt, index, now),
    );
    this.find('announce').textContent = by === 'clock' ? 'Time is up. Your exam was submitted.' : 'Your exam was submitted.';
    await this.showResults(attempt);
  }

  private async showResults(attempt: ExamAttempt) {
    this.find('start').hidden = true;
    this.find('run').hidden = true;
    const results = this.find('results');
    results.hidden = false;
    const score = scoreSession(this.index.questions, attempt.questionIds, attempt.answers);
    const minutes = Math.round((Date.parse(attempt.submittedAt!) - Date.parse(attempt.startedAt)) / 60_000);
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'px-button';
    again.textContent = 'Back to the exam page';
    again.addEventListener('click', () => {
      results.hidden = true;
      this.showStart();
    });
    const body = document.createElement('div');
    results.replaceChildren(again, body);
    await renderResults(body, {
      title: `Results of the mock exam started ${new Date(attempt.startedAt).toLocaleString()}`,
      score,
      index: this.index,
      questionIds: attempt.questionIds,
      optionOrders: attempt.optionOrders,
      answers: attempt.answers,
      unsure: attempt.unsure,
      minutesUsed: minutes,
    });
  }
}

if (!customElements.get('mock-exam')) customElements.define('mock-exam', MockExam);
