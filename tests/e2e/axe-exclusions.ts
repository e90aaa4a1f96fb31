/**
 * The one place where axe rules may be switched off, each with the reason. Keep it empty unless a rule fails on
 * markup this project cannot change, and say which markup and why here.
 */
export const AXE_DISABLED_RULES: ReadonlyArray<{ rule: string; reason: string }> = [];
