/**
 * Fetches the practice bank built at build time (src/pages/practice/): the index once per page, and each question's
 * content when it is about to be shown. Each question's code-highlighting assets are added to the page once.
 */
import type { BankIndex, QuestionContent } from '../lib/practice-bank.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let index: Promise<BankIndex> | undefined;
const questions = new Map<string, Promise<QuestionContent>>();

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

export function loadIndex(): Promise<BankIndex> {
  return (index ??= getJson<BankIndex>('practice/bank.json'));
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
