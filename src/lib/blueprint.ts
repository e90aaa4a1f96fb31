/**
 * The validated exam blueprint, read once from content/blueprint.yaml. Build-time only (it reads the file
 * system): used by the config (sidebar), the route middleware (search filters) and components.
 */
import { readBlueprintFile } from './bank-files.ts';
import { formatError, validateBlueprint } from './bank-validation.ts';
import type { Blueprint } from './schema.ts';

let cached: Blueprint | undefined;

export function loadBlueprint(root = process.cwd()): Blueprint {
  if (cached) return cached;
  const { blueprint, errors } = validateBlueprint(readBlueprintFile(root));
  if (!blueprint) throw new Error(`content/blueprint.yaml is invalid:\n${errors.map(formatError).join('\n')}`);
  cached = blueprint;
  return blueprint;
}
