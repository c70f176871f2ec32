// Where the schema of each apiVersion and kind lives: kubernetes-models for the built-in API
// groups, @kubernetes-models/keda and /prometheus-operator for the custom resources.

const CUSTOM_GROUPS = {
  "keda.sh": "@kubernetes-models/keda",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

/** The module that holds the model of one apiVersion and kind, such as apps/v1 Deployment. */
export function modelModule(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return null;
  }
  const slash = apiVersion.indexOf("/");
  if (slash < 0) {
    return `kubernetes-models/${apiVersion}/${kind}`;
  }
  const group = apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const custom = CUSTOM_GROUPS[group];
  return custom ? `${custom}/${group}/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
}

/** The model class of one object, or null when no package here has a schema for it. */
export async function modelClass(apiVersion, kind) {
  const module = modelModule(apiVersion, kind);
  if (module === null) {
    return null;
  }
  try {
    return (await import(module))[kind] ?? null;
  } catch (error) {
    if (error.code === "ERR_MODULE_NOT_FOUND" || error.code === "ERR_PACKAGE_PATH_NOT_EXPORTED") {
      return null;
    }
    throw error;
  }
}
