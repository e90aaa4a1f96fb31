/**
 * Fetches the practice bank built at build time (src/pages/practice/): the index once per page, and each question's
 * content when it is about to be shown. Each question's code-highlighting assets are added to the page once.
 */
import type { BankIndex, QuestionContent } from '../lib/practice-bank.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let index: Promise<BankIndex> | undefined;
let loaded: BankIndex | undefined;
const questions = new Map<string, Promise<QuestionContent>>();

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

export function loadIndex(): Promise<BankIndex> {
  return (index ??= getJson<BankIndex>('practice/bank.json').then((value) => (loaded = value)));
}

/**
 * Where to study a question's objective: its lesson and the practice builder set to that objective. Every page that
 * shows a question has loaded the index first; before that (or for an unknown objective) there is no link.
 */
export function studyLinks(objective: number | string): { label: string; lesson: string | null; practice: string } | null {
  const info = loaded?.objectives.find((o) => o.id === objective);
  if (!info) return null;
  return {
    label: info.label,
    lesson: info.lesson ? `${base}${info.lesson}` : null,
    practice: `${base}practice/?objective=${encodeURIComponent(String(objective))}`,
  };
}

export function loadQuestion(id: string): Promise<QuestionContent> {
  let pending = questions.get(id);
  if (!pending) {
    pending = getJson<QuestionContent>(`practice/questions/${id}.json`).then((content) => {
      addAssets(content.assets);
      return content;
    });
    questions.set(id, pending);
  }
  return pending;
}

/** Starts fetching questions in the background so later ones show instantly. */
export function prefetch(ids: readonly string[]) {
  for (const id of ids) loadQuestion(id).catch(() => questions.delete(id));
}

function addAssets(tags: string[]) {
  for (const tag of tags) {
    const url = /(?:href|src)="([^"]+)"/.exec(tag)?.[1];
    if (!url || document.querySelector(`link[href="${url}"], script[src="${url}"]`)) continue;
    if (tag.startsWith('<link')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = url;
      document.head.append(link);
    } else {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = url;
      document.head.append(script);
    }
  }
}
