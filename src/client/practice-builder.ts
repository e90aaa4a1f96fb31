/**
 * <practice-builder>: the learner picks domains, sections or objectives, difficulty, how many questions and where
 * they come from (all / never seen / answered wrong / flagged or unsure), and a mode: check each answer as you go,
 * or see everything at the end. Answers are saved to progress; wrong and unsure ones join the review queue.
 */
import { loadIndex } from './bank-client.ts';
import { SessionRunner, type SessionState } from './session-runner.ts';
import { renderResults } from './session-results.ts';
import { drawPractice, matchingQuestions, scoreSession, type PracticeFilter, type PracticeSource } from '../lib/exam-assembly.ts';
import type { BankIndex } from '../lib/practice-bank.ts';
import type { ProgressStore } from '../lib/progress-store.ts';
import { openProgress } from './open-progress.ts';
import { newSeed } from '../lib/seeded-random.ts';
import { recordSession } from '../lib/session-progress.ts';

class PracticeBuilder extends HTMLElement {
  private store!: ProgressStore;
  private index!: BankIndex;
  private find = (name: string) => this.querySelector<HTMLElement>(`.pb-${name}`)!;
  private form = () => this.querySelector<HTMLFormElement>('form')!;

  async connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    this.querySelector('.needs-js')?.remove();
    this.store = openProgress(this.find('notice'));
    try {
      this.index = await loadIndex();
    } catch {
      this.find('count').textContent = 'The question bank could not be loaded. Check your connection and reload.';
      return;
    }
    const form = this.form();
    form.addEventListener('change', () => this.updateCount());
    form.addEventListener('input', () => this.updateCount());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.start();
    });
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled = false;
    this.updateCount();
  }

  private filter(): PracticeFilter {
    const data = new FormData(this.form());
    const scopes = data.getAll('scope').map((value) => {
      const [kind, id] = String(value).split(':') as ['domain' | 'section' | 'objective', string];
      return { kind, id: kind === 'objective' && /^\d+$/.test(id) ? Number(id) : id };
    });
    return {
      scopes,
      difficulties: data.getAll('difficulty').map(Number) as Array<1 | 2 | 3>,
      source: (data.get('source') ?? 'all') as PracticeSource,
      count: Math.min(100, Math.max(1, Number(data.get('count')) || 10)),
      seed: newSeed(),
    };
  }

  private updateCount() {
    const matching = matchingQuestions(this.index.questions, this.store.snapshot(), this.filter()).length;
    const count = this.filter().count;
    this.find('count').textContent =
      matching === 0
        ? 'No questions match these choices. Widen the scope or choose another source.'
        : `${matching} question${matching === 1 ? '' : 's'} match; a session will have ${Math.min(count, matching)}.`;
    this.form().querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled = matching === 0;
  }

  private async start() {
    const filter = this.filter();
    const drawn = drawPractice(this.index.questions, this.store.snapshot(), filter);
    if (!drawn.questionIds.length) return;
    const mode = new FormData(this.form()).get('mode') === 'end' ? 'end' : 'immediate';
    const state: SessionState = { ...drawn, answers: {}, flagged: [], unsure: [], current: 0 };
    const byId = new Map(this.index.questions.map((q) => [q.id, q]));
    this.find('setup').hidden = true;
    const session = this.find('session');
    session.hidden = false;
    const recorded = new Set<string>();
    const runner = new SessionRunner(session, state, {
      feedback: mode,
      index: byId,
      finishLabel: 'Finish',
      onChange: () => {},
      onChecked: (id) => {
        // Immediate mode: save each checked answer at once (a session may be abandoned midway).
        recorded.add(id);
        this.store.update((p) => recordSession(p, { ...state, questionIds: [id] }, byId, new Date()));
      },
      onFinish: () => void this.finish(state, byId, recorded),
    });
    await runner.render(true);
  }

  private async finish(state: SessionState, byId: Map<string, BankIndex['questions'][number]>, recorded: Set<string>) {
    const rest = state.questionIds.filter((id) => !recorded.has(id));
    this.store.update((p) => recordSession(p, { ...state, questionIds: rest }, byId, new Date()));
    const session = this.find('session');
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'px-button';
    again.textContent = 'Build another session';
    again.addEventListener('click', () => {
      session.hidden = true;
      this.find('setup').hidden = false;
      this.updateCount();
    });
    const body = document.createElement('div');
    session.replaceChildren(again, body);
    await renderResults(body, {
      title: 'Practice results',
      score: scoreSession(this.index.questions, state.questionIds, state.answers),
      index: this.index,
      questionIds: state.questionIds,
      optionOrders: state.optionOrders,
      answers: state.answers,
      unsure: state.unsure,
    });
  }
}

if (!customElements.get('practice-builder')) customElements.define('practice-builder', PracticeBuilder);
