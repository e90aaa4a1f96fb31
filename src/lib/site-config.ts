/**
 * Settings of this copy of the site that are not Starlight's: where its repository lives (for the "Report a problem"
 * link on every question) and which version a learner is looking at. Read by components at build time and by the
 * practice pages in the browser, so it holds only public values: a PUBLIC_ variable and the package version.
 */
// A named import keeps the browser bundle to the one string it needs, not the whole package.json.
import { version } from '../../package.json';

/** What a fork gets until it sets PUBLIC_REPOSITORY_URL (README → Hosting). */
export const DEFAULT_REPOSITORY_URL = 'https://github.com/OWNER/ml-pro-study-guide';

/**
 * The repository's web address without a trailing slash, e.g. https://github.com/you/ml-pro-study-guide.
 * An empty value means the default; anything but an http(s) URL stops the build with what to change.
 */
export function repositoryUrl(value: string | undefined): string {
  const url = (value ?? '').trim();
  if (!url) return DEFAULT_REPOSITORY_URL;
  if (!/^https?:\/\/[^/\s]+\/\S+$/.test(url)) {
    throw new Error(
      `PUBLIC_REPOSITORY_URL must be the repository's web address, such as https://github.com/you/ml-pro-study-guide; got "${url}".`,
    );
  }
  return url.replace(/\/+$/, '').replace(/\.git$/, '');
}

export const REPOSITORY_URL = repositoryUrl(import.meta.env.PUBLIC_REPOSITORY_URL as string | undefined);

/** The site's version (package.json), quoted in problem reports so a maintainer knows which build was read. */
export const SITE_VERSION: string = version;

/**
 * The licence the question bank is published under, as an SPDX expression, stated in the open-data exports.
 * The repository has no LICENSE file yet, so this says so (SPDX "NOASSERTION"); set it when the project picks one.
 */
export const CONTENT_LICENSE = 'NOASSERTION';

/**
 * A new-issue URL prefilled with the question id and the site version (GitHub's `issues/new?title=&body=` form).
 * URLSearchParams writes spaces as "+", which keeps the link short on lessons that have a tight HTML budget.
 */
export function reportProblemUrl(questionId: string, repository = REPOSITORY_URL, siteVersion = SITE_VERSION): string {
  const query = new URLSearchParams({
    title: `Question ${questionId}: `,
    body: `Question: ${questionId}\nSite version: ${siteVersion}\n\nWhat is wrong, and which official page says so:\n`,
  });
  return `${repository}/issues/new?${query}`;
}
