/**
 * Lessons the learner opened and read (progress section `lessons`), kept apart from learner-path.ts so that the
 * self-check script, which records them on every lesson, stays small.
 */
import type { ProgressData } from './progress-data.ts';

/** Records a visit to a lesson; `read` only ever turns a lesson read, never back. */
export function recordLessonVisit(progress: ProgressData, path: string, title: string, read: boolean, now: Date): ProgressData {
  const before = progress.lessons[path];
  return {
    ...progress,
    lessons: { ...progress.lessons, [path]: { title: title.slice(0, 300), read: read || !!before?.read, at: now.toISOString() } },
  };
}

/** The paths of the lessons read to the end. */
export const readLessons = (progress: ProgressData) =>
  new Set(Object.entries(progress.lessons).filter(([, r]) => r.read).map(([path]) => path));
