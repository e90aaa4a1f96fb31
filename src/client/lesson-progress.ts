/**
 * Remembers that a lesson was visited and, once it is read (scrolled to its end, or a self-check answered), marks it
 * read; marks every read lesson in the sidebar with a check mark and the words "(read)" for assistive technology, so
 * it never depends on colour. Runs from the self-check script, which every lesson carries.
 * The mark sits in space every sidebar link reserves (see src/styles/custom.css), so nothing moves when it appears.
 */
import { readLessons, recordLessonVisit } from '../lib/lesson-visits.ts';
import type { ProgressStore } from '../lib/progress-store.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

function markSidebar(read: ReadonlySet<string>) {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href]')) {
    const path = new URL(link.href, location.href).pathname;
    if (!path.startsWith(base) || !read.has(path.slice(base.length))) continue;
    if (link.querySelector('.lesson-read')) continue;
    const mark = document.createElement('span');
    mark.className = 'lesson-read';
    mark.innerHTML = '<span aria-hidden="true">✓</span><span class="sr-only"> (read)</span>';
    link.append(mark);
  }
}

export function trackLesson(store: ProgressStore, root: HTMLElement | null) {
  const path = root?.dataset.lessonPath;
  const title = root?.dataset.lessonTitle;
  if (!path || !title) return;
  const markRead = () => {
    store.update((p) => recordLessonVisit(p, path, title, true, new Date()));
    markSidebar(readLessons(store.snapshot()));
  };
  store.update((p) => recordLessonVisit(p, path, title, false, new Date()));
  const read = readLessons(store.snapshot());
  markSidebar(read);
  if (read.has(path)) return;
  document.addEventListener('self-check:answered', markRead, { once: true });
  const end = document.querySelector('.sl-markdown-content > :last-child');
  if (end && 'IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      markRead();
    });
    observer.observe(end);
  }
}
