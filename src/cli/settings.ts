/**
 * The POI's settings (instellingen.yaml, see src/config/settings.ts) laid under the flags of a
 * command: a flag wins; what no flag says comes from the settings. Loaded inside a command's
 * action, so `idokit --help` never reads them.
 */
export async function applySettings<
  O extends {
    templates?: string | undefined;
    huisstijl?: string | undefined;
    acteurs?: string | undefined;
    casussen?: string[];
    alleenEigenCasussen?: boolean | undefined;
  },
>(options: O): Promise<O> {
  const { loadSettings, withSettings } = await import("../config/settings.js");
  return withSettings(options, loadSettings());
}
