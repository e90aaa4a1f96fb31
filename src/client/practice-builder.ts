/**
 * <practice-builder>: the learner picks domains, sections or objectives, difficulty, how many questions and where
 * they come from (all / never seen / answered wrong / flagged or unsure), and a mode: check each answer as you go,
 * or see everything at the end. Answers are saved to progress; wrong and unsure ones join the review queue.
 * "Drill my weak spots" builds a session in one click from the weakest objectives (src/lib/learner-path.ts) and says
 * why each was picked. The page also opens straight into a drill (`?drill=weak`, from the home and progress pages) or
 * with one objective chosen (`?objective=15`, from a reviewed question).
 */
import { loadIndex } from './bank-client.ts';
import { SessionRunner, type SessionState } from './session-runner.ts';
import { renderResults } from './session-results.ts';
import { drawPractice, matchingQuestions, scoreSession, type DrawnSession, type PracticeFilter, type PracticeSource } from '../lib/exam-assembly.ts';
import { drawDrill, type Drill } from '../lib/learner-path.ts';
import type { BankIndex } from '../lib/practice-bank.ts';
import type { ProgressStore } from '../lib/progress-store.ts';
import { openProgress } from './open-progress.ts';
import { newSeed } from '../lib/seeded-random.ts';
import { recordSession } from '../lib/session-progress.ts';

class PracticeBuilder extends HTMLElement {
  private store!: ProgressStore;
  private index!: BankIndex;
  private intro?: HTMLElement;
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
    const drillButton = this.find('drill-start') as HTMLButtonElement;
    drillButton.disabled = false;
    drillButton.addEventListener('click', () => void this.drill());
    const params = new URLSearchParams(location.search);
    const objective = params.get('objective');
    if (objective) this.choose(objective);
    this.updateCount();
    if (params.get('drill') === 'weak') void this.drill();
  }

  /** Ticks one objective's box and opens the groups around it, so the learner sees what was chosen. */
  private choose(objective: string) {
    const box = this.querySelector<HTMLInputElement>(`input[name="scope"][value="objective:${CSS.escape(objective)}"]`);
    if (!box) return;
    box.checked = true;
    for (let d = box.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  }

  private async drill() {
    const section = new URLSearchParams(location.search).get('section') ?? undefined;
    const drill = drawDrill(this.index, this.store.snapshot(), newSeed(), { section });
    if (!drill.session.questionIds.length) return;
    await this.run(drill.session, 'immediate', this.drillIntro(drill));
  }

  /** "Why these objectives": each pick with its reason in words and how many of its questions the session holds. */
  private drillIntro(drill: Drill): HTMLElement {
    const intro = document.createElement('div');
    intro.className = 'pb-drill-intro';
    const heading = document.createElement('h2');
    heading.textContent = 'Drill: your weakest objectives';
    const list = document.createElement('ul');
    for (const pick of drill.picks) {
      const item = document.createElement('li');
      const name = document.createElement('strong');
      name.textContent = pick.label;
      item.append(name, ` — ${pick.reason} ${pick.questions} question${pick.questions === 1 ? '' : 's'} in this drill.`);
      list.append(item);
    }
    const note = document.createElement('p');
    note.textContent = 'Picked by how little of each objective you have shown you know, how unsure that estimate still is, and how much of the exam it covers.';
    intro.append(heading, note, list);
    return intro;
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
    await this.run(drawn, mode);
  }

  private async run(drawn: DrawnSession, mode: 'immediate' | 'end', intro?: HTMLElement) {
    const state: SessionState = { ...drawn, answers: {}, flagged: [], unsure: [], current: 0 };
    const byId = new Map(this.index.questions.map((q) => [q.id, q]));
    this.find('setup').hidden = true;
    this.find('drill').hidden = true;
    const session = this.find('session');
    session.hidden = false;
    if (intro) {
      session.before(intro);
      this.intro = intro;
    }
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
      this.intro?.remove();
      this.find('setup').hidden = false;
      this.find('drill').hidden = false;
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
