/**
 * Hosts whose pages count as official documentation for a question's `references`.
 * A reference must be an https URL on one of these hosts (or a subdomain of a `*.`-prefixed entry),
 * and, where a path prefix is given, under that path: learn.microsoft.com hosts far more than Azure
 * Databricks, and only its Databricks pages are authoritative here.
 */
export const OFFICIAL_SOURCES: ReadonlyArray<{ host: string; pathPrefix?: string; what: string }> = [
  { host: 'docs.databricks.com', what: 'Databricks documentation (AWS, Azure and GCP flavours)' },
  { host: 'docs.gcp.databricks.com', what: 'Databricks documentation, GCP' },
  { host: 'api-docs.databricks.com', what: 'Databricks Python API references (Feature Engineering, etc.)' },
  { host: 'databricks-sdk-py.readthedocs.io', what: 'Databricks SDK for Python' },
  { host: 'learn.microsoft.com', pathPrefix: '/en-us/azure/databricks', what: 'Azure Databricks documentation' },
  { host: 'learn.microsoft.com', pathPrefix: '/azure/databricks', what: 'Azure Databricks documentation' },
  { host: 'www.databricks.com', pathPrefix: '/learn/certification', what: 'the official certification page' },
  { host: 'mlflow.org', what: 'MLflow documentation' },
  { host: 'spark.apache.org', what: 'Apache Spark documentation' },
  { host: 'docs.ray.io', what: 'Ray documentation' },
  { host: 'optuna.readthedocs.io', what: 'Optuna documentation' },
  { host: 'docs.pytorch.org', what: 'PyTorch documentation' },
  { host: 'pytorch.org', pathPrefix: '/docs', what: 'PyTorch documentation' },
  { host: 'pandas.pydata.org', pathPrefix: '/docs', what: 'pandas documentation' },
  { host: 'scikit-learn.org', what: 'scikit-learn documentation' },
  { host: 'docs.delta.io', what: 'Delta Lake documentation' },
  { host: 'docs.pytest.org', what: 'pytest documentation' },
  { host: 'docs.python.org', what: 'Python documentation' },
  { host: 'shap.readthedocs.io', what: 'SHAP documentation' },
  { host: 'xgboost.readthedocs.io', what: 'XGBoost documentation' },
];

/** Returns null when `url` is an official https reference, or a sentence saying what is wrong. */
export function officialReferenceProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a valid URL`;
  }
  if (parsed.protocol !== 'https:') return `"${url}" must use https`;
  const ok = OFFICIAL_SOURCES.some(
    (source) =>
      parsed.hostname === source.host && (!source.pathPrefix || parsed.pathname.startsWith(source.pathPrefix)),
  );
  return ok
    ? null
    : `"${parsed.hostname}${parsed.pathname}" is not an official documentation site (see src/lib/official-sources.ts)`;
}
