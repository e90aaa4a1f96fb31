/**
 * The bank as the practice pages fetch it, built at build time:
 * - `practice/bank.json`: a small index of every active question (what sampling, filtering and scoring need);
 * - `practice/questions/<id>.json`: one question's pre-rendered HTML, fetched only when it is shown.
 * The shapes are shared by the endpoints (src/pages/practice/) and the browser code (src/client/).
 */

export interface BankIndexEntry {
  id: string;
  /** Exam objective number, or a foundation topic id. */
  objective: number | string;
  /** Blueprint domain id, or "foundations". */
  domain: string;
  /** Blueprint section id, or the foundation topic id. */
  section: string;
  difficulty: 1 | 2 | 3;
  type: 'single' | 'multiple';
  /** Number of options. */
  options: number;
  /** Stored indexes of the correct options. */
  answer: number[];
}

export interface BankIndex {
  /** When the bank was built; lets a page notice that a saved attempt predates a new build. */
  builtAt: string;
  domains: Array<{ id: string; title: string; weight: number; sections: Array<{ id: string; title: string; objectives: number[] }> }>;
  foundations: Array<{ id: string; title: string }>;
  /** Every exam objective and foundation topic: a short label and the lesson that teaches it (a path below the base,
   * with a trailing slash), so any page that shows a question can lead back to its lesson. */
  objectives: Array<{ id: number | string; label: string; lesson: string | null }>;
  questions: BankIndexEntry[];
}

export interface QuestionContent {
  id: string;
  objective: number | string;
  type: 'single' | 'multiple';
  stem: string;
  options: string[];
  whys: string[];
  explanation: string;
  references: string[];
  verified: string;
  /** Stylesheet and script tags the HTML needs (code highlighting), to add to the page once. */
  assets: string[];
}

const ASSET_TAG = /<link rel="stylesheet" href="[^"]+">|<script type="module" src="[^"]+"><\/script>/g;

/** Moves asset tags out of rendered fragments into one list, so the page can add each once. */
export function extractAssets(fragments: string[]): { fragments: string[]; assets: string[] } {
  const assets = new Set<string>();
  const cleaned = fragments.map((html) =>
    html.replace(ASSET_TAG, (tag) => {
      assets.add(tag);
      return '';
    }),
  );
  return { fragments: cleaned, assets: [...assets] };
}
