import { describe, expect, it } from 'vitest';
import { lessonForObjective } from '../../src/lib/objective-lesson.ts';

const page = (id: string, objectives: Array<number | string>, order?: number) => ({ id, data: { objectives, sidebar: { order } } });

describe('lessonForObjective', () => {
  it('picks the lesson over its worked example and over a case study that exercises the objective', () => {
    const pages = [
      page('model-deployment/deployment-strategies/rollout-worked-example', [44], 44.5),
      page('case-studies/financial-credit-and-fraud', [44], 2),
      page('model-deployment/deployment-strategies/rollout-on-model-serving', [44], 44),
      page('model-deployment/deployment-strategies', [43, 44], 0),
    ];
    expect(lessonForObjective(pages, 44)!.id).toBe('model-deployment/deployment-strategies/rollout-on-model-serving');
  });
  it('falls back to a page covering several objectives, then to anything, then to nothing', () => {
    const overview = page('mlops/validation-testing', [25, 26], 0);
    expect(lessonForObjective([overview], 26)).toBe(overview);
    const caseStudy = page('case-studies/retail', [7], 1);
    expect(lessonForObjective([caseStudy], 7)).toBe(caseStudy);
    expect(lessonForObjective([overview], 99)).toBeUndefined();
  });
});
